"""The viewer's screens and modal dialogs."""
