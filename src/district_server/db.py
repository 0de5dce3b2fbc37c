"""The database engine: an embedded SQLite file (WAL) or PostgreSQL through psycopg.

Pushes must get their sequence numbers in commit order, so that a pull never skips a row that
commits later with a lower number. `write_session()` therefore serializes writers: SQLite
takes its one write lock at BEGIN IMMEDIATE; PostgreSQL takes a transaction-scoped advisory
lock. Pulls read in one snapshot (`read_session()`: a real BEGIN on SQLite, REPEATABLE READ on
PostgreSQL), so "the highest sequence examined" matches the rows that were read.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlmodel import Session

from .models import ServerModel

SQLITE_BUSY_TIMEOUT_MS = 15_000
PUSH_LOCK_KEY = 0x5D5EC  # pg_advisory_xact_lock key for "district sequence writer"
_process_write_lock = threading.Lock()


class Database:
    """The engine plus the two kinds of session the API uses."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        self.engine = make_engine(url)

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        engine: Engine = self.engine
        if not self.is_sqlite:
            engine = self.engine.execution_options(isolation_level="REPEATABLE READ")
        with Session(engine, expire_on_commit=False) as session:
            yield session  # closing the session ends the read transaction

    @contextmanager
    def write_session(self) -> Iterator[Session]:
        """One serialized write transaction, committed when the block ends without error."""
        with _process_write_lock:
            engine = self.engine.execution_options(begin_immediate=True)
            with Session(engine, expire_on_commit=False) as session:
                if not self.is_sqlite:
                    session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PUSH_LOCK_KEY})
                yield session
                session.commit()

    def create_schema(self) -> None:
        ServerModel.metadata.create_all(self.engine)

    def dispose(self) -> None:
        self.engine.dispose()


def make_engine(url: str) -> Engine:
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 15})
    _setup_sqlite(engine)
    return engine


def _setup_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy (below) decide when transactions begin, not the sqlite3 module.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get("begin_immediate")
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
