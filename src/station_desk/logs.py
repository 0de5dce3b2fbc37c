"""Rotating log file in the data directory's logs folder."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler

from station_desk.paths import Paths

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(paths: Paths, level: int = logging.INFO) -> None:
    root = logging.getLogger()
    if any(getattr(h, "_station_desk", False) for h in root.handlers):
        return
    paths.logs.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(
        paths.logs / "station-desk.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._station_desk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
