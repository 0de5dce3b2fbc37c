"""Copies of the station database: made with SQLite's online backup API, checked, pruned.

A backup is a plain SQLite file in rollback-journal mode named ``station-YYYYMMDD-HHMM.db``
(``station-YYYYMMDD-HHMM-<reason>.db`` when it was made for a reason other than the daily
one). Nothing here opens the database through SQLAlchemy, so a damaged file can be inspected.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from station_desk.store import driver, migrations
from station_desk.store.driver import sqlite3
from station_desk.store.permissions import restrict_file

SQLITE_HEADER = b"SQLite format 3\x00"
KEEP_LAST = 30
KEEP_MONTHS = 12
BUSY_TIMEOUT_S = 10.0
OUR_TABLES = frozenset({"station", "worker", "employer", "posting", "setting", "outbox"})
_NAME = re.compile(r"^station-(\d{8})-(\d{4})(?:-([a-z0-9-]+?))?(?:-(\d+))?\.db$")


class BackupError(Exception):
    """A backup could not be made or a file is not a usable backup; message in Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class BackupFile:
    path: Path
    made_at: datetime
    reason: str


def backup_name(now: datetime, reason: str = "") -> str:
    tag = re.sub(r"[^a-z0-9-]+", "-", reason.lower()).strip("-")
    return f"station-{now:%Y%m%d-%H%M}" + (f"-{tag}" if tag else "") + ".db"


def _free_name(folder: Path, name: str) -> Path:
    target = folder / name
    counter = 2
    while target.exists():
        target = folder / name.replace(".db", f"-{counter}.db")
        counter += 1
    return target


def list_backups(folder: Path) -> list[BackupFile]:
    """Our backup files in folder, oldest first (other files are left alone)."""
    found: list[BackupFile] = []
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if not match or not path.is_file():
            continue
        try:
            made_at = datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M")
        except ValueError:
            continue
        found.append(BackupFile(path, made_at, match.group(3) or ""))
    found.sort(key=lambda b: (b.made_at, b.path.stat().st_mtime_ns, b.path.name))
    return found


def read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection that never creates or changes the file."""
    uri = path.resolve().as_uri() + "?mode=ro"
    return driver.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)


def integrity_problem(conn: sqlite3.Connection) -> str | None:
    """None when PRAGMA integrity_check says ok, else its first complaint."""
    rows = conn.execute("PRAGMA integrity_check").fetchall()
    if rows and rows[0][0] == "ok":
        return None
    return "; ".join(str(r[0]) for r in rows[:3]) or "integrity_check gave no answer"


def copy_database(source: Path, target: Path) -> Path:
    """Copy a live database with the online backup API, check the copy, and return it.

    The copy is written next to target first and renamed only once it passed
    integrity_check, so target is either a good backup or absent.
    """
    if not source.exists():
        raise BackupError(f"没有可备份的数据库：{source} 不存在。")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        src = driver.connect(source, timeout=BUSY_TIMEOUT_S)
        try:
            dest = driver.connect(partial)
            try:
                src.backup(dest)
                # The copy is a standalone file: no -wal/-shm companions when it is opened.
                dest.execute("PRAGMA journal_mode = DELETE")
                problem = integrity_problem(dest)
            finally:
                dest.close()
        finally:
            src.close()
    except sqlite3.DatabaseError as error:
        partial.unlink(missing_ok=True)
        raise BackupError(
            f"备份失败：数据库读不出来（{error}）。数据库可能已损坏，请用以前的备份恢复。"
        ) from error
    if problem is not None:
        partial.unlink(missing_ok=True)
        raise BackupError(f"备份失败：数据库已损坏（{problem}）。请不要覆盖它，用以前的备份恢复。")
    partial.replace(target)
    restrict_file(target)
    return target


def make_backup(
    db_path: Path, backups: Path, reason: str = "", now: datetime | None = None
) -> Path:
    """A checked copy of db_path in the backups folder, named by the time (and reason)."""
    now = now or datetime.now()
    backups.mkdir(parents=True, exist_ok=True)
    return copy_database(db_path, _free_name(backups, backup_name(now, reason)))


def backups_to_delete(
    files: Iterable[BackupFile],
    now: datetime,
    keep_last: int = KEEP_LAST,
    months: int = KEEP_MONTHS,
) -> list[BackupFile]:
    """Retention: the newest keep_last, plus the newest of each of the last `months` months."""
    ordered = sorted(files, key=lambda b: b.made_at)
    keep = {b.path for b in ordered[-keep_last:]} if keep_last > 0 else set()
    this_month = now.year * 12 + now.month - 1
    newest_per_month: dict[int, BackupFile] = {}
    for backup in ordered:
        month = backup.made_at.year * 12 + backup.made_at.month - 1
        if this_month - months < month <= this_month:
            newest_per_month[month] = backup
    keep.update(b.path for b in newest_per_month.values())
    return [b for b in ordered if b.path not in keep]


def prune_backups(backups: Path, now: datetime | None = None) -> list[Path]:
    """Delete the backups retention does not keep; returns what was deleted."""
    doomed = backups_to_delete(list_backups(backups), now or datetime.now())
    for backup in doomed:
        backup.path.unlink(missing_ok=True)
    return [b.path for b in doomed]


def database_version(db_path: Path) -> int | None:
    """PRAGMA user_version of a database file, or None when it cannot be read."""
    try:
        conn = read_only(db_path)
        try:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None


def backup_before_upgrade(db_path: Path, backups: Path) -> Path | None:
    """Copy the database before a schema upgrade (call before Database() opens it).

    Returns the copy, or None when there is nothing to keep: no file yet, a brand-new empty
    database, a database already up to date, or one this program cannot read (that is left
    to Database to report).
    """
    if not db_path.exists():
        return None
    version = database_version(db_path)
    if version is None or version == 0 or version >= migrations.LATEST_VERSION:
        return None
    return make_backup(db_path, backups, f"before-upgrade-v{version}")
