"""Batch: corpus mode (many articles in, one JSON line each out) and its progress display."""
