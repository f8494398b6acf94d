"""Tools for developers of the reader, kept out of the installed package."""
