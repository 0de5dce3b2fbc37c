"""A new station's first sync from the district snapshot (district_server/snapshot.py).

A station whose cursor is still 0 and that holds no records yet (its own station profile
aside) downloads the snapshot, a desk database made by the desk's own merge code on the
server with the search and matching indexes built, and copies its records, worker merges and
indexes in with the cursor set to the snapshot's sequence, all in one transaction. The
ordinary pull then brings only what came after. Copying is SQLite's own work (INSERT …
SELECT from the attached file), so it takes seconds where pulling and indexing 100,000
records page by page takes a minute, and it leaves the window's thread free.

Whenever it cannot be used (the server has none of this schema version, the download breaks,
the file is damaged, staff saved a record meanwhile) nothing is changed here and the paged
pull does the whole job, as before. An encrypted station database (docs/data-at-rest.md)
keeps the download in memory instead: it is a plain SQLite file, and no plain copy of the
district's records may lie on such a station's disk, even for a minute. Its rows are then
copied by Python (the SQLCipher connection cannot attach a database held in memory by the
standard sqlite3 module), which takes longer than SQLite's own copy but far less than paging.
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from station_desk.store import driver, search
from station_desk.store.db import raw_connection
from station_desk.store.driver import sqlite3
from station_desk.store.migrations import LATEST_VERSION
from station_desk.store.models import SYNCED_MODELS
from station_desk.store.settings import CURSOR_KEY, HLC_KEY
from station_desk.sync.client import DistrictClient, SnapshotFile, SyncError
from station_desk.sync.protocol import SNAPSHOT_HLC_KEY, SNAPSHOT_SEQ_KEY

log = logging.getLogger(__name__)

INCOMING = "incoming"  # sub-folder of the data folder for the download
FILE_NAME = "district-snapshot.db"
# Derived tables copied as they are (they match the records they come with).
DERIVED_TABLES = ("record_merge", "search_map", "worker_trade")
FTS_SHADOWS = ("data", "idx", "content", "docsize")


def _empty(conn: sqlite3.Connection) -> bool:
    """No cursor yet and no record but this station's own profile (in the main database:
    unqualified names resolve there first, also with the snapshot attached)."""
    row = conn.execute("SELECT value FROM main.setting WHERE key = ?", (CURSOR_KEY,))
    cursor = row.fetchone()
    if cursor is not None and cursor[0] not in ("", "0"):
        return False
    for kind in SYNCED_MODELS:
        if kind != "station" and conn.execute(f"SELECT 1 FROM {kind} LIMIT 1").fetchone():
            return False
    return conn.execute("SELECT 1 FROM search_map LIMIT 1").fetchone() is None


@dataclass(frozen=True)
class SnapshotStart:
    """A station started from the snapshot: records copied, and the sequence it held."""

    records: int
    seq: int


def bootstrap(
    desk_path: Path,
    station_id: str,
    client: DistrictClient,
    now_ms: int,
    progress: Callable[[str, int], None] | None = None,
) -> SnapshotStart | None:
    """Start this station from the snapshot; None when it was not used (then nothing
    changed). Raises SyncError only for a refused token."""
    conn = raw_connection(desk_path)
    try:
        if not _empty(conn):
            return None
    finally:
        conn.close()
    if driver.is_encrypted_file(desk_path):
        return _from_memory(desk_path, station_id, client, now_ms, progress)
    folder = desk_path.parent / INCOMING
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / FILE_NAME
    try:
        got = _download(client, target, progress)
        if got is None:
            return None
        conn = raw_connection(desk_path)
        try:
            # With SQLCipher, ATTACH without KEY would use the main database's key (none here).
            key_clause = " KEY ''" if driver.can_encrypt() else ""
            conn.execute(f"ATTACH DATABASE ? AS snap{key_clause}", (str(target),))
            try:
                copied = _copy_in(conn, _Attached(conn), got.seq, station_id, now_ms, progress)
            finally:
                conn.execute("DETACH DATABASE snap")
        finally:
            conn.close()
        return None if copied is None else SnapshotStart(records=copied, seq=got.seq)
    except (sqlite3.DatabaseError, OSError):  # e.g. a damaged file, or no room for it
        log.exception("the district snapshot could not be used; pulling page by page")
        return None
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(OSError):
                Path(f"{target}{suffix}").unlink()


def _from_memory(
    desk_path: Path,
    station_id: str,
    client: DistrictClient,
    now_ms: int,
    progress: Callable[[str, int], None] | None,
) -> SnapshotStart | None:
    """An encrypted station: the snapshot is downloaded into memory and copied from there."""
    buffer = io.BytesIO()
    try:
        got = _download(client, buffer, progress)
        if got is None:
            return None
        view = buffer.getbuffer()
        try:
            snapshot = driver.plain_in_memory(view)
        finally:
            view.release()
        buffer.close()  # SQLite holds its own copy now
        if snapshot is None:
            return None
        try:
            conn = raw_connection(desk_path)
            try:
                source = _InMemory(snapshot)
                copied = _copy_in(conn, source, got.seq, station_id, now_ms, progress)
            finally:
                conn.close()
        finally:
            snapshot.close()
        return None if copied is None else SnapshotStart(records=copied, seq=got.seq)
    except (sqlite3.DatabaseError, *driver.PLAIN_ERRORS, MemoryError):
        log.exception("the district snapshot could not be used; pulling page by page")
        return None
    finally:
        buffer.close()


def _download(
    client: DistrictClient, target: Path | io.BytesIO, progress: Callable[[str, int], None] | None
) -> SnapshotFile | None:
    try:
        return client.snapshot(LATEST_VERSION, target, _every_megabyte(progress))
    except SyncError as error:
        if error.kind == "auth":
            raise
        log.warning("no district snapshot (%s); pulling page by page", error.message)
        return None


def _every_megabyte(
    progress: Callable[[str, int], None] | None,
) -> Callable[[int], None] | None:
    """The download's progress as ("snapshot", bytes), once per megabyte received."""
    if progress is None:
        return None
    shown = [0]

    def report(size: int) -> None:
        if size - shown[0] >= 1_000_000:
            shown[0] = size
            progress("snapshot", size)

    return report


class _Attached:
    """The downloaded file attached as `snap`: SQLite copies it (INSERT … SELECT)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        return self.conn.execute(sql.replace("{db}", "snap."), params).fetchall()

    def copy(self, verb: str, table: str, columns: str) -> int:
        statement = f"{verb} INTO main.{table} ({columns}) SELECT {columns} FROM snap.{table}"
        return int(self.conn.execute(statement).rowcount)


class _InMemory:
    """The download held in memory by the standard sqlite3 module: rows copied by Python."""

    def __init__(self, snapshot: Any) -> None:
        self.snapshot = snapshot
        self.conn: sqlite3.Connection | None = None

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        return self.snapshot.execute(sql.replace("{db}", "main."), params).fetchall()

    def copy(self, verb: str, table: str, columns: str) -> int:
        assert self.conn is not None
        marks = ", ".join("?" * len(columns.split(", ")))
        rows = self.snapshot.execute(f"SELECT {columns} FROM {table}")
        statement = f"{verb} INTO main.{table} ({columns}) VALUES ({marks})"
        return int(self.conn.executemany(statement, rows).rowcount)


Source = _Attached | _InMemory


def _check(source: Source, seq: int) -> bool:
    """The snapshot is of our schema and holds what the server said. (Its bytes are the
    server's: the SHA-256 was checked; a damaged file would fail the copy, which is then
    rolled back.)"""
    if int(source.query("PRAGMA {db}user_version")[0][0]) != LATEST_VERSION:
        return False
    found = source.query("SELECT value FROM {db}setting WHERE key = ?", (SNAPSHOT_SEQ_KEY,))
    return bool(found) and found[0][0] == str(seq)


def _shared_columns(conn: sqlite3.Connection, source: Source, table: str) -> str:
    """The columns both copies of table have, in the station's order (a database upgraded
    from an older version may order its columns differently from a new one)."""
    wanted = {row[1] for row in source.query(f"PRAGMA {{db}}table_info({table})")}
    mine = [row[1] for row in conn.execute(f"PRAGMA main.table_info({table})")]
    return ", ".join(name for name in mine if name in wanted)


def _copy_in(
    conn: sqlite3.Connection,
    source: Source,
    seq: int,
    station_id: str,
    now_ms: int,
    progress: Callable[[str, int], None] | None,
) -> int | None:
    if isinstance(source, _InMemory):
        source.conn = conn
    if not _check(source, seq):
        log.warning("the district snapshot failed its checks; pulling page by page")
        return None
    for kind in search.KINDS:
        config = f"fts_{kind}_config"
        mine = set(conn.execute(f"SELECT k, v FROM main.{config}"))
        if mine != {tuple(row) for row in source.query(f"SELECT k, v FROM {{db}}{config}")}:
            log.warning("the snapshot's search index is of another format; not used")
            return None
    conn.execute("BEGIN IMMEDIATE")
    try:
        if not _empty(conn):  # staff saved a record while it downloaded
            conn.execute("ROLLBACK")
            return None
        conn.execute("PRAGMA defer_foreign_keys = ON")
        copied = 0
        for kind in SYNCED_MODELS:
            copied += source.copy("INSERT OR IGNORE", kind, _shared_columns(conn, source, kind))
            if progress is not None:
                progress("pull", copied)
        shadows = [f"fts_{kind}_{shadow}" for kind in search.KINDS for shadow in FTS_SHADOWS]
        for table in (*DERIVED_TABLES, *shadows):
            conn.execute(f"DELETE FROM main.{table}")
            source.copy("INSERT", table, _shared_columns(conn, source, table))
        newest = source.query("SELECT value FROM {db}setting WHERE key = ?", (SNAPSHOT_HLC_KEY,))
        _put(conn, CURSOR_KEY, str(seq))
        if newest and newest[0][0]:
            _advance_clock(conn, newest[0][0], now_ms, station_id)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return copied


def _put(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO main.setting (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def _advance_clock(conn: sqlite3.Connection, remote: str, now_ms: int, station_id: str) -> None:
    from station_desk.domain.hlc import Hlc, receive

    row = conn.execute("SELECT value FROM main.setting WHERE key = ?", (HLC_KEY,)).fetchone()
    last = Hlc.decode(row[0]) if row and row[0] else None
    _put(conn, HLC_KEY, receive(last, Hlc.decode(remote), now_ms, station_id).encode())
