"""Typed server settings: where the data lives, which database to use, and the limits.

Values come from arguments first, then the environment, then defaults: an embedded SQLite
file `district.db` in the platformdirs data folder "StationDeskServer".

Environment (all optional):
  DISTRICT_SERVER_DB, DISTRICT_SERVER_DATA_DIR   database URL / folder of the SQLite file
  DISTRICT_SERVER_MAX_BODY                       largest request body, bytes (5 MB)
  DISTRICT_SERVER_STATION_RATE / _STATION_BURST  requests per second per station token (20 / 300)
  DISTRICT_SERVER_IP_RATE / _IP_BURST            requests per second per client address
                                                 without a token, e.g. /health (5 / 60)
  DISTRICT_SERVER_AUTH_FAILURES_PER_MINUTE /     refused tokens per client address (10 / 20);
  DISTRICT_SERVER_AUTH_FAILURE_BURST             beyond that, unknown tokens get 429
A rate of 0 turns that limit off.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "StationDeskServer"
DB_FILE_NAME = "district.db"
DEFAULT_MAX_BODY = 5 * 1024 * 1024  # bytes; a 1000-change push is far below this
ENV_PREFIX = "DISTRICT_SERVER_"


@dataclass(frozen=True)
class RateLimits:
    """Token buckets (see ratelimit.py). A desk syncs every 15 s with two or three requests,
    and at most one request at a time, so the defaults are far above what 16 stations need;
    they only stop a runaway or hostile client, and slow down guessing tokens."""

    station_rate: float = 20.0  # per second, per station token
    station_burst: int = 300  # a first sync of 150 000 changes runs at full speed
    ip_rate: float = 5.0  # per second, per client address, requests without a token
    ip_burst: int = 60
    auth_failures_per_minute: float = 10.0  # refused tokens per client address
    auth_failure_burst: int = 20


@dataclass(frozen=True)
class Settings:
    db_url: str
    data_dir: Path
    max_body_bytes: int = DEFAULT_MAX_BODY
    limits: RateLimits = RateLimits()

    @property
    def is_sqlite(self) -> bool:
        return self.db_url.startswith("sqlite")


class SettingsError(ValueError):
    """A setting from the environment cannot be used (the message says which and why)."""


def default_data_dir() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False))


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _number(name: str, default: float, integer: bool = False) -> float:
    text = os.environ.get(ENV_PREFIX + name, "").strip()
    if not text:
        return default
    try:
        value = int(text) if integer else float(text)
    except ValueError:
        raise SettingsError(f"{ENV_PREFIX}{name}={text!r}: not a number") from None
    if value < 0 or value != value or value == float("inf"):
        raise SettingsError(f"{ENV_PREFIX}{name}={text!r}: must be 0 or more")
    return value


def load_rate_limits() -> RateLimits:
    base = RateLimits()
    return RateLimits(
        station_rate=_number("STATION_RATE", base.station_rate),
        station_burst=int(_number("STATION_BURST", base.station_burst, integer=True)),
        ip_rate=_number("IP_RATE", base.ip_rate),
        ip_burst=int(_number("IP_BURST", base.ip_burst, integer=True)),
        auth_failures_per_minute=_number("AUTH_FAILURES_PER_MINUTE", base.auth_failures_per_minute),
        auth_failure_burst=int(
            _number("AUTH_FAILURE_BURST", base.auth_failure_burst, integer=True)
        ),
    )


def load_settings(db_url: str | None = None, data_dir: str | Path | None = None) -> Settings:
    """Settings from the given values, the environment, then the defaults."""
    folder_text = data_dir or os.environ.get(ENV_PREFIX + "DATA_DIR")
    folder = Path(folder_text) if folder_text else default_data_dir()
    url = db_url or os.environ.get(ENV_PREFIX + "DB") or sqlite_url(folder / DB_FILE_NAME)
    max_body = int(_number("MAX_BODY", DEFAULT_MAX_BODY, integer=True)) or DEFAULT_MAX_BODY
    return Settings(
        db_url=normalize_db_url(url),
        data_dir=folder,
        max_body_bytes=max_body,
        limits=load_rate_limits(),
    )


def normalize_db_url(url: str) -> str:
    """Accept a bare file path or postgresql:// and turn them into SQLAlchemy URLs."""
    if "://" not in url:
        return sqlite_url(Path(url).expanduser().resolve())
    for plain in ("postgresql://", "postgres://"):
        if url.startswith(plain):
            return "postgresql+psycopg://" + url[len(plain) :]
    return url
