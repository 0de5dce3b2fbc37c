"""Rotating log file in the data directory's logs folder."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from station_desk.paths import Paths

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(paths: Paths, level: int = logging.INFO) -> None:
    """Log to <data dir>/logs/station-desk.log; a later call for another data folder moves
    the log there (one process may serve several folders, e.g. in tests)."""
    root = logging.getLogger()
    target = paths.logs / "station-desk.log"
    for existing in [h for h in root.handlers if getattr(h, "_station_desk", False)]:
        if Path(existing.baseFilename) == target.resolve():  # type: ignore[attr-defined]
            return
        root.removeHandler(existing)
        existing.close()
    paths.logs.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(target, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._station_desk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
