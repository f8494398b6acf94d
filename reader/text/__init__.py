"""Text: normalising newlines and Unicode, and splitting into paragraphs and sentences with offsets."""
