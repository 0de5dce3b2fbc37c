"""The district snapshot: everything the district holds as one desk database, for first syncs.

A new station would otherwise pull the whole stream page by page and build its own search
and matching indexes (about a minute of a counter PC for 125,000 records). Instead the server
keeps a desk-format database up to date from the change log, applied with the desk's own
merge code (station_desk.sync.merge, so the rows are exactly what a paged pull would make),
indexes included, and publishes a gzip copy of it with the sequence number it holds
everything up to. A station with nothing yet downloads it, copies the records and indexes
in (station_desk.sync.bootstrap) and pulls only what came after.

Files in <data dir>/snapshot/:
  work.db                  the database kept current (a setting holds its cursor)
  snapshot-<seq>.db.gz     the published copy; the newest is served
  snapshot.json            what is published: seq, schema, sha256, size, built_at

`district-server snapshot` refreshes it now; `serve` refreshes it in a separate, low-priority
process when enough has changed (SnapshotScheduler), so the API keeps its processor.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from station_desk.domain.worker import ERASED
from station_desk.store.db import raw_connection
from station_desk.store.migrations import LATEST_VERSION as SCHEMA_VERSION
from station_desk.store.migrations import upgrade
from station_desk.sync.merge import PageApplier, finish_index
from station_desk.sync.protocol import SNAPSHOT_HLC_KEY, SNAPSHOT_SEQ_KEY

from .db import Database
from .filelock import exclusive
from .models import ChangeLog
from .stream import read_page

FOLDER = "snapshot"
WORK_FILE = "work.db"
META_FILE = "snapshot.json"
READER_ID = "-snapshot-"  # no station has this id, so the stream gives every change
PAGE = 5_000
MIN_CHANGES = 1_000  # serve rebuilds when this many changes are newer than the snapshot,
MAX_AGE_SECONDS = 3_600  # or when any change is and the snapshot is older than this
_log = ChangeLog.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class SnapshotInfo:
    seq: int
    schema: int
    sha256: str
    size: int
    file: str
    built_at: str


def folder_of(data_dir: Path) -> Path:
    return Path(data_dir) / FOLDER


def published(data_dir: Path) -> SnapshotInfo | None:
    """What is published now, or None (never built, or its file is gone)."""
    folder = folder_of(data_dir)
    try:
        meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
        info = SnapshotInfo(**meta)
    except (OSError, ValueError, TypeError):
        return None
    return info if (folder / info.file).is_file() else None


def top_seq(db: Database) -> int:
    with db.read_session() as session:
        return int(session.execute(select(func.max(_log.c.seq))).scalar() or 0)


def _setting(conn: Any, key: str) -> str:
    row = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    return row[0] if row else ""


def _put(conn: Any, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO setting (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def _open_work(path: Path) -> Any:
    conn = raw_connection(path)
    upgrade(conn)  # creates the desk schema in a new file, upgrades an older one
    return conn


def refresh(db: Database, data_dir: Path) -> SnapshotInfo:
    """Apply the change log to work.db and publish a new snapshot (also when nothing
    changed but none is published). Returns what is published."""
    folder = folder_of(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    with exclusive(folder / "build.lock"):
        conn = _open_work(folder / WORK_FILE)
        try:
            seq = _apply_log(db, conn)
            current = published(data_dir)
            if current is not None and current.seq == seq and current.schema == SCHEMA_VERSION:
                return current
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            return _publish(conn, folder, seq)
        finally:
            conn.close()


def _apply_log(db: Database, conn: Any) -> int:
    """Apply every change after work.db's cursor, a page a transaction; its cursor."""
    now = datetime.now(UTC)
    after = int(_setting(conn, SNAPSHOT_SEQ_KEY) or 0)
    while True:
        with db.read_session() as session:
            changes, next_after, has_more = read_page(session, READER_ID, after, PAGE)
        conn.execute("BEGIN IMMEDIATE")
        try:
            result = PageApplier(conn, now, READER_ID).apply(
                changes, more=has_more, first=after == 0
            )
            _put(conn, SNAPSHOT_SEQ_KEY, str(next_after))
            if result.max_hlc > _setting(conn, SNAPSHOT_HLC_KEY):
                _put(conn, SNAPSHOT_HLC_KEY, result.max_hlc)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        if not has_more or next_after <= after:
            after = next_after
            break
        after = next_after
    done = False
    while not done:
        conn.execute("BEGIN IMMEDIATE")
        try:
            done = finish_index(conn)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return after


# What a station must not receive from the snapshot: the work database's own bookkeeping.
_PRIVATE_TABLES = ("setting", "outbox", "conflict_log", "audit_log", "staff_account")


def _publish(conn: Any, folder: Path, seq: int) -> SnapshotInfo:
    plain = folder / f"snapshot-{seq}.db.part"
    packed = folder / f"snapshot-{seq}.db.gz"
    packing = folder / f"snapshot-{seq}.gz.part"
    plain.unlink(missing_ok=True)
    copy = raw_connection(plain)
    try:
        conn.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")
        keep = (SNAPSHOT_SEQ_KEY, SNAPSHOT_HLC_KEY)
        copy.execute("BEGIN")
        for table in _PRIVATE_TABLES:
            if table == "setting":
                copy.execute("DELETE FROM setting WHERE key NOT IN (?, ?)", keep)
            else:
                copy.execute(f"DELETE FROM {table}")
        for name in ("fts_worker", "fts_employer", "fts_posting"):
            copy.execute(f"INSERT INTO {name} ({name}) VALUES ('optimize')")
        copy.execute("COMMIT")
        copy.execute("VACUUM")
    finally:
        copy.close()
    digest = hashlib.sha256()
    with (
        plain.open("rb") as source,
        packing.open("wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6, mtime=0) as target,
    ):
        while block := source.read(1 << 20):
            target.write(block)
    with packing.open("rb") as done:
        while block := done.read(1 << 20):
            digest.update(block)
    os.replace(packing, packed)
    plain.unlink(missing_ok=True)
    info = SnapshotInfo(
        seq=seq,
        schema=SCHEMA_VERSION,
        sha256=digest.hexdigest(),
        size=packed.stat().st_size,
        file=packed.name,
        built_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    meta = folder / META_FILE
    meta.with_suffix(".part").write_text(json.dumps(asdict(info)), encoding="utf-8")
    os.replace(meta.with_suffix(".part"), meta)
    for old in folder.glob("snapshot-*.db.gz"):
        if old.name != packed.name:
            with contextlib.suppress(OSError):  # a download of it may still be reading it
                old.unlink()
    return info


def is_stale(db: Database, data_dir: Path, now: float | None = None) -> bool:
    """Worth rebuilding: many changes since the snapshot, or any change and an old one."""
    info = published(data_dir)
    top = top_seq(db)
    if info is None or info.schema != SCHEMA_VERSION:
        return top > 0
    newer = top - info.seq
    if newer >= MIN_CHANGES or (newer > 0 and _erasure_since(db, info.seq)):
        return True
    built = datetime.fromisoformat(info.built_at).timestamp()
    return newer > 0 and (now or time.time()) - built >= MAX_AGE_SECONDS


def _erasure_since(db: Database, seq: int) -> bool:
    """Whether a worker was erased after `seq`: the published file still holds the person's
    old values, so it is rebuilt at the next check rather than within the hour."""
    erased = f'%"status": "{ERASED}"%'
    with db.read_session() as session:
        found = session.execute(
            select(ChangeLog.seq)
            .where(ChangeLog.seq > seq, ChangeLog.kind == "worker", ChangeLog.fields.like(erased))
            .limit(1)
        ).first()
    return found is not None


class SnapshotScheduler:
    """In `serve`: every `interval` seconds, a stale snapshot is rebuilt by a child process
    (`district-server snapshot`, at low priority), one at a time."""

    def __init__(self, db: Database, db_url: str, data_dir: Path, interval: float) -> None:
        self.db, self.db_url, self.data_dir, self.interval = db, db_url, data_dir, interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="snapshot", daemon=True)

    def start(self) -> None:
        if self.interval > 0:
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                if is_stale(self.db, self.data_dir):
                    self.build_now()
            except Exception:  # the API must keep running; the next round tries again
                import logging

                logging.getLogger("district_server").exception("snapshot refresh failed")

    def build_now(self) -> None:
        command = [
            sys.executable,
            "-m",
            "district_server.cli",
            "snapshot",
            "--db",
            self.db_url,
            "--data-dir",
            str(self.data_dir),
        ]
        nice = shutil.which("nice")
        if nice and os.name == "posix":
            command = [nice, "-n", "10", *command]
        subprocess.run(command, check=False, capture_output=True, timeout=3600)
