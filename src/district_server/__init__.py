"""The district server the stations sync with (FastAPI + SQLModel; SQLite or PostgreSQL)."""

__version__ = "0.1.0"
