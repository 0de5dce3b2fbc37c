"""Backups on demand, the daily backup, and restore — `station-desk backup` / `restore`.

Restore never deletes anything: the database it replaces is kept aside as
``station.db.before-restore-<time>`` (with its -wal file), and it refuses to set aside changes
the district has not received yet unless asked with --force. It works when the current
database is damaged, because that is when it is needed.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from station_desk.paths import Paths
from station_desk.services.context import Desk
from station_desk.store import driver, migrations
from station_desk.store.backup import (
    OUR_TABLES,
    SQLITE_HEADER,
    BackupError,
    copy_database,
    integrity_problem,
    list_backups,
    make_backup,
    prune_backups,
    read_only,
)
from station_desk.store.driver import sqlite3

log = logging.getLogger(__name__)

EXIT_OK, EXIT_REFUSED, EXIT_BAD_FILE, EXIT_DATABASE = 0, 1, 2, 3
ASIDE_SUFFIXES = ("", "-wal", "-shm")


class RestoreRefused(Exception):
    """The current database holds changes not yet synced; message in Chinese."""

    def __init__(self, message: str, pending: int) -> None:
        super().__init__(message)
        self.message = message
        self.pending = pending


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    kept_aside: Path | None  # the replaced database, or None when there was none
    current_was_damaged: bool
    discarded_pending: int  # unsynced changes in the database that was set aside
    schema_version: int


def backup_now(paths: Paths, reason: str = "manual", now: datetime | None = None) -> Path:
    """A checked backup in paths.backups, then retention pruning. Raises BackupError."""
    made = make_backup(paths.database, paths.backups, "" if reason == "daily" else reason, now)
    log.info("backup (%s) written to %s", reason, made)
    pruned = prune_backups(paths.backups, now)
    if pruned:
        log.info("retention removed %d old backups", len(pruned))
    return made


def last_backup_time(paths: Paths) -> datetime | None:
    backups = list_backups(paths.backups)
    return backups[-1].made_at if backups else None


def daily_backup_if_due(paths: Paths, now: datetime | None = None) -> Path | None:
    """Back up once per calendar day (call at desk start); None when not due or no database."""
    now = now or datetime.now()
    if not paths.database.exists():
        return None
    last = last_backup_time(paths)
    if last is not None and last.date() >= now.date():
        return None
    return backup_now(paths, "daily", now)


def check_backup_file(path: Path) -> int:
    """Raise BackupError unless path is a sound Station Desk database; returns its version."""
    if not path.is_file():
        raise BackupError(f"找不到备份文件：{path}")
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER and driver.find_key(path) is None:
            raise BackupError(
                f"{path} 不是数据库备份文件（文件头不对），或者是加密的备份而本机没有它的密钥"
                "（管理员可先运行 station-desk key-restore 输入恢复密钥）。"
            )
    try:
        conn = read_only(path)
        try:
            problem = integrity_problem(conn)
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"备份文件 {path} 读不出来（{error}），请换一个备份。") from error
    if problem is not None:
        raise BackupError(f"备份文件 {path} 已损坏（{problem}），请换一个备份。")
    missing = OUR_TABLES - tables
    if missing or version < 1:
        raise BackupError(f"{path} 不是驿站工作台的数据库（缺少 {'、'.join(sorted(missing))}）。")
    if version > migrations.LATEST_VERSION:
        raise BackupError(
            f"备份文件由更新版本的驿站工作台写成（数据库版本 {version}，本程序支持到 "
            f"{migrations.LATEST_VERSION}），请先升级驿站工作台再恢复。"
        )
    return version


def unsynced_changes(db_path: Path) -> int | None:
    """Outbox rows not yet pushed; None when the database is damaged or unreadable."""
    try:
        conn = read_only(db_path)
        try:
            if integrity_problem(conn) is not None:
                return None
            return int(
                conn.execute("SELECT count(*) FROM outbox WHERE pushed_at IS NULL").fetchone()[0]
            )
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None


def _fold_wal(db_path: Path) -> None:
    """Checkpoint a readable database so the set-aside copy is one self-contained file."""
    try:
        conn = driver.connect(db_path, timeout=10)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute("PRAGMA journal_mode = DELETE")
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        log.warning("could not checkpoint %s before setting it aside", db_path, exc_info=True)


def _set_aside(db_path: Path, now: datetime) -> Path:
    """Rename the database (and its -wal/-shm) to station.db.before-restore-<time>."""
    stamp = f"{now:%Y%m%d-%H%M%S}"
    aside = db_path.with_name(f"{db_path.name}.before-restore-{stamp}")
    counter = 2
    while aside.exists():
        aside = db_path.with_name(f"{db_path.name}.before-restore-{stamp}-{counter}")
        counter += 1
    for suffix in ASIDE_SUFFIXES:
        companion = db_path.with_name(db_path.name + suffix)
        if companion.exists():
            companion.replace(aside.with_name(aside.name + suffix))
    return aside


def restore(
    paths: Paths, path: Path, force: bool = False, now: datetime | None = None
) -> RestoreResult:
    """Put the backup at path in place of the database. Raises BackupError or RestoreRefused."""
    now = now or datetime.now()
    version = check_backup_file(path)
    db_path = paths.database
    exists = db_path.exists()
    pending = unsynced_changes(db_path) if exists else 0
    damaged = exists and pending is None
    if pending and not force:
        raise RestoreRefused(
            f"当前数据库里还有 {pending} 条修改没有同步到区里，恢复备份会把它们放到一边。"
            "请先联网同步（在工作台按 F5，或运行 station-desk sync --once），"
            "确实要恢复时再加 --force（当前数据库会另存，不会删除）。",
            pending,
        )
    # Copy first, next to the database: if the copy fails, nothing has been moved yet.
    incoming = db_path.with_name(db_path.name + ".restoring")
    copy_database(path, incoming)
    if exists and not damaged:
        _fold_wal(db_path)
    aside = _set_aside(db_path, now) if exists else None
    incoming.replace(db_path)
    log.info("restored %s from %s (old database kept as %s)", db_path, path, aside)
    return RestoreResult(path, aside, damaged, pending or 0, version)


def restore_at_desk(
    desk: Desk, path: Path, force: bool = False, now: datetime | None = None
) -> RestoreResult:
    """Restore from inside the desk: administrator only, since it replaces every record.
    The caller closes the database first and reopens it afterwards."""
    desk.require_admin("从备份恢复数据库")
    return restore(Paths(Path(desk.db.path).parent), path, force, now)


def backup_command(paths: Paths, out: str | None) -> int:
    """`station-desk backup [--out PATH]`: 0 done, 3 the database is missing or damaged."""
    try:
        if out:
            target = Path(out)
            if target.is_dir():
                target = target / f"station-{datetime.now():%Y%m%d-%H%M}.db"
            made = copy_database(paths.database, target)
        else:
            made = backup_now(paths, "manual")
    except BackupError as error:
        print(error.message, file=sys.stderr)
        return EXIT_DATABASE
    print(f"已备份到 {made}")
    return EXIT_OK


def restore_command(paths: Paths, path: Path, force: bool) -> int:
    """`station-desk restore PATH [--force]`: 0 restored, 1 refused (unsynced), 2 bad file."""
    try:
        result = restore(paths, path, force)
    except RestoreRefused as error:
        print(error.message, file=sys.stderr)
        return EXIT_REFUSED
    except BackupError as error:
        print(error.message, file=sys.stderr)
        return EXIT_BAD_FILE
    print(f"已从 {result.restored_from} 恢复数据库。")
    if result.kept_aside is not None:
        state = "（它已损坏）" if result.current_was_damaged else ""
        print(f"原来的数据库已另存为 {result.kept_aside}{state}，不会被删除。")
    if result.discarded_pending:
        print(
            f"注意：原数据库里有 {result.discarded_pending} 条未同步的修改，没有带到恢复后的数据库里。"
        )
    print("联网同步后，备份之后已传到区里的修改会重新下载回来。")
    return EXIT_OK
