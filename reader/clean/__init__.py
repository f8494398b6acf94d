"""Cleaning: which raw paragraphs the clean view keeps (exact and near repeats, page furniture)."""
