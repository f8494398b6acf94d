"""Reports for people and programs: Markdown and text exports, safe to print to a terminal."""
