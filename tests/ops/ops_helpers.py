"""Helpers for the operations tests: a data folder with demo data, damage, row counts."""

from __future__ import annotations

from pathlib import Path

from station_desk.paths import Paths
from station_desk.services.context import Desk
from station_desk.services.demo import fill_demo
from station_desk.store.db import Database
from station_desk.store.driver import sqlite3

TABLES = ("worker", "employer", "posting", "station", "outbox", "setting")


def data_with_demo(root: Path, workers: int = 40, postings: int = 10) -> Paths:
    paths = Paths(root).ensure()
    database = Database(paths.database)
    try:
        fill_demo(Desk(database), workers=workers, postings=postings, employers=None, seed=7)
    finally:
        database.close()
    return paths


def rows(db_path: Path) -> dict[str, list[tuple]]:
    """Every row of the synced tables and the outbox, sorted, to compare two databases."""
    conn = sqlite3.connect(db_path)
    try:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}
    finally:
        conn.close()


def damage(db_path: Path) -> None:
    """Write garbage over the middle of the file, as a failing disk or a power cut might."""
    size = db_path.stat().st_size
    with db_path.open("r+b") as handle:
        handle.seek(size // 3)
        handle.write(b"\xde\xad\xbe\xef" * (size // 12))


def mark_all_pushed(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    try:
        conn.execute("UPDATE outbox SET pushed_at = '2026-01-01 00:00:00' WHERE pushed_at IS NULL")
        conn.commit()
    finally:
        conn.close()
