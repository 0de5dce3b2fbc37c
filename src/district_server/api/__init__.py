"""The HTTP API (mounted under protocol.API_PREFIX)."""
