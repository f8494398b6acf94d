"""The terminal viewer (Textual). Only the command line imports this package."""
