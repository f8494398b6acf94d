"""The viewer's widgets, one per file."""
