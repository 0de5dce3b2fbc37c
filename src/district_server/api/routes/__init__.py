"""Route modules: health, station, sync (push / pull)."""
