"""Settings and other things every part of the server needs."""
