"""Queued pushes: a batch is stored as received and answered at once with a receipt; one
applier applies the stored batches in the order they came and keeps each verdict.

The inbox is an SQLite file of its own, `<data dir>/inbox.db` (WAL, synchronous FULL), whatever
the district database is: storing a batch never waits for that database's write lock, which
the applier holds while it applies the batch before. The applier is in applier.py.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
import time
import uuid
import zlib
from dataclasses import dataclass
from pathlib import Path

from station_desk.sync.protocol import ErrorBody

log = logging.getLogger("district_server")

INBOX_FILE = "inbox.db"
LOCK_FILE = "inbox.lock"
KEEP_VERDICTS_SECONDS = 7 * 24 * 3600  # a desk offline for a week still finds its verdict
MAX_ATTEMPTS = 3  # a batch failing this often (not for an unavailable database) is answered 500

SCHEMA = """
CREATE TABLE IF NOT EXISTS batch (
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- the order batches are applied in
    receipt TEXT NOT NULL UNIQUE,
    station_id TEXT NOT NULL,
    body BLOB,  -- the request as received; emptied once applied
    encoding TEXT NOT NULL DEFAULT 'identity',  -- of body: identity or gzip
    received_at REAL NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    done_at REAL,
    status INTEGER,  -- of the verdict: 200 applied, 422 refused as a whole, 500 failed
    verdict TEXT  -- PushResponse JSON (200) or ErrorBody JSON
);
CREATE INDEX IF NOT EXISTS batch_waiting ON batch (id) WHERE done_at IS NULL;
"""


class TooLarge(ValueError):
    """A packed body that unpacks to more than the server takes in one request."""


@dataclass(frozen=True)
class Waiting:
    """A stored batch not yet applied."""

    receipt: str
    ahead: int  # batches received before it, not yet applied


@dataclass(frozen=True)
class Verdict:
    status: int
    body: str  # JSON


@dataclass(frozen=True)
class Queued:
    id: int
    receipt: str
    station_id: str
    body: bytes
    packed: bool = False  # body is gzip

    def text(self, limit: int) -> bytes:
        """The body unpacked; ValueError when it is larger than `limit` unpacked."""
        if not self.packed:
            return self.body
        unzip = zlib.decompressobj(wbits=31)
        text = unzip.decompress(self.body, limit + 1)
        if len(text) > limit:
            raise TooLarge(f"unpacked body over {limit} bytes")
        if not unzip.eof:
            raise zlib.error("incomplete gzip body")
        return text


def error_json(code: str, detail: str) -> str:
    return ErrorBody(detail=detail, code=code).model_dump_json()


class Inbox:
    """The stored batches. One connection per thread; safe across threads and processes."""

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / INBOX_FILE
        self._local = threading.local()
        self._checking = threading.Lock()
        self._checked = False  # the file passed quick_check once in this process

    @property
    def lock_path(self) -> Path:
        return self.path.with_name(LOCK_FILE)

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                conn = self._open()
            except sqlite3.DatabaseError:
                self._set_aside()
                conn = self._open()
            self._local.conn = conn
        return conn

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None, timeout=15)
        try:
            conn.execute("PRAGMA busy_timeout=15000")
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.executescript(SCHEMA)
            with self._checking:
                if not self._checked:
                    verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
                    if verdict != "ok":
                        raise sqlite3.DatabaseError(f"inbox check: {verdict}")
                    self._checked = True
        except BaseException:
            conn.close()
            raise
        return conn

    def _set_aside(self) -> None:
        """A damaged inbox is moved aside (kept, never deleted) and a new one begun. Nothing
        is lost: a batch without a verdict is still in its station's outbox and is sent again."""
        aside = self.path.with_name(f"{INBOX_FILE}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):  # another process may have moved it already
                Path(f"{self.path}{suffix}").rename(f"{aside}{suffix}")
        log.error(
            "inbox.db was damaged: kept as %s; the stations send unanswered batches again", aside
        )

    def store(self, station_id: str, body: bytes, encoding: str = "identity") -> Waiting:
        """Keep a batch (durably, before this returns); its receipt. `encoding`: of the
        body, "identity" or "gzip" (kept packed: less to write while the station waits)."""
        receipt = uuid.uuid4().hex
        conn = self._conn()
        cursor = conn.execute(
            "INSERT INTO batch (receipt, station_id, body, encoding, received_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (receipt, station_id, body, encoding, time.time()),
        )
        return Waiting(receipt, self._ahead(conn, cursor.lastrowid or 0))

    def look_up(self, receipt: str, station_id: str) -> Verdict | Waiting | None:
        """The verdict, or that the batch still waits; None when this station has no batch
        with that receipt (never had, or its verdict was forgotten)."""
        conn = self._conn()
        row = conn.execute(
            "SELECT id, done_at, status, verdict FROM batch WHERE receipt = ? AND station_id = ?",
            (receipt, station_id),
        ).fetchone()
        if row is None:
            return None
        batch_id, done_at, status, verdict = row
        if done_at is not None:
            return Verdict(int(status), str(verdict))
        return Waiting(receipt, self._ahead(conn, batch_id))

    @staticmethod
    def _ahead(conn: sqlite3.Connection, batch_id: int) -> int:
        statement = "SELECT count(*) FROM batch WHERE done_at IS NULL AND id < ?"
        return int(conn.execute(statement, (batch_id,)).fetchone()[0])

    def waiting(self) -> int:
        statement = "SELECT count(*) FROM batch WHERE done_at IS NULL"
        return int(self._conn().execute(statement).fetchone()[0])

    def next_batch(self) -> Queued | None:
        statement = (
            "SELECT id, receipt, station_id, body, encoding FROM batch "
            "WHERE done_at IS NULL ORDER BY id LIMIT 1"
        )
        row = self._conn().execute(statement).fetchone()
        if row is None:
            return None
        return Queued(row[0], row[1], row[2], bytes(row[3] or b""), packed=row[4] == "gzip")

    def finish(self, batch_id: int, verdict: Verdict) -> None:
        self._conn().execute(
            "UPDATE batch SET body = NULL, done_at = ?, status = ?, verdict = ? WHERE id = ?",
            (time.time(), verdict.status, verdict.body, batch_id),
        )

    def count_failure(self, batch_id: int) -> int:
        conn = self._conn()
        conn.execute("UPDATE batch SET attempts = attempts + 1 WHERE id = ?", (batch_id,))
        row = conn.execute("SELECT attempts FROM batch WHERE id = ?", (batch_id,)).fetchone()
        return int(row[0]) if row else MAX_ATTEMPTS

    def forget_old(self, now: float | None = None) -> int:
        cutoff = (now or time.time()) - KEEP_VERDICTS_SECONDS
        cursor = self._conn().execute(
            "DELETE FROM batch WHERE done_at IS NOT NULL AND done_at < ?", (cutoff,)
        )
        return cursor.rowcount
