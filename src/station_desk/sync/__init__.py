"""Sync with the district server: protocol messages, outbox push, paged pull, merge."""
