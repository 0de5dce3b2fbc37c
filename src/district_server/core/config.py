"""Typed server settings: where the data lives and which database to use.

Values come from arguments first, then the environment (DISTRICT_SERVER_DB,
DISTRICT_SERVER_DATA_DIR, DISTRICT_SERVER_MAX_BODY), then defaults: an embedded SQLite file
`district.db` in the platformdirs data folder "StationDeskServer".
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "StationDeskServer"
DB_FILE_NAME = "district.db"
DEFAULT_MAX_BODY = 5 * 1024 * 1024  # bytes; a 1000-change push is far below this


@dataclass(frozen=True)
class Settings:
    db_url: str
    data_dir: Path
    max_body_bytes: int = DEFAULT_MAX_BODY

    @property
    def is_sqlite(self) -> bool:
        return self.db_url.startswith("sqlite")


def default_data_dir() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False))


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def load_settings(db_url: str | None = None, data_dir: str | Path | None = None) -> Settings:
    """Settings from the given values, the environment, then the defaults."""
    folder_text = data_dir or os.environ.get("DISTRICT_SERVER_DATA_DIR")
    folder = Path(folder_text) if folder_text else default_data_dir()
    url = db_url or os.environ.get("DISTRICT_SERVER_DB") or sqlite_url(folder / DB_FILE_NAME)
    max_body = int(os.environ.get("DISTRICT_SERVER_MAX_BODY") or DEFAULT_MAX_BODY)
    return Settings(db_url=normalize_db_url(url), data_dir=folder, max_body_bytes=max_body)


def normalize_db_url(url: str) -> str:
    """Accept a bare file path or postgresql:// and turn them into SQLAlchemy URLs."""
    if "://" not in url:
        return sqlite_url(Path(url).expanduser().resolve())
    for plain in ("postgresql://", "postgres://"):
        if url.startswith(plain):
            return "postgresql+psycopg://" + url[len(plain) :]
    return url
