"""Text: normalising newlines and Unicode; paragraphs and sentences as offsets."""
