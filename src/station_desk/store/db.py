"""The local database: one SQLite file in WAL mode, opened and upgraded in one place."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine

from station_desk.store import driver, migrations
from station_desk.store.driver import sqlite3
from station_desk.store.permissions import restrict_file

BUSY_TIMEOUT_MS = 10_000


class DatabaseError(RuntimeError):
    """The database file cannot be used; the message says why in plain Chinese."""


def _configure(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # Transactions are begun explicitly (see _begin), so the driver must not start its own.
    dbapi_conn.isolation_level = None
    dbapi_conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    dbapi_conn.execute("PRAGMA journal_mode = WAL")
    dbapi_conn.execute("PRAGMA foreign_keys = ON")
    # FULL: a power cut right after a commit cannot lose that commit.
    dbapi_conn.execute("PRAGMA synchronous = FULL")


def _begin(conn: Any) -> None:
    conn.exec_driver_sql(conn.get_execution_options().get("begin_sql", "BEGIN"))


def raw_connection(path: Path) -> sqlite3.Connection:
    conn = driver.connect(path, check_same_thread=False)
    _configure(conn, None)
    return conn


class Database:
    """An open station database. Reads and writes go through sessions from here."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        is_new = not self.path.exists()
        from station_desk.store.backup import backup_before_upgrade

        self._find_key()
        backup_before_upgrade(self.path, self.path.parent / "backups")
        self._check_and_upgrade()
        if is_new:
            restrict_file(self.path)
        path = self.path
        # The file URL matters even with a creator: it makes SQLAlchemy pick its file-database
        # pool. "sqlite://" would mean an in-memory database and a pool that closes other
        # threads' connections while they are in use (a crash with background work).
        self.engine: Engine = create_engine(
            f"sqlite:///{path}",
            module=sqlite3,  # so SQLAlchemy knows the driver's own exception classes
            creator=lambda: driver.connect(path, check_same_thread=False),
        )
        event.listen(self.engine, "connect", _configure)
        event.listen(self.engine, "begin", _begin)
        # Write transactions take the write lock up front, so two writers queue on the busy
        # timeout instead of failing half-way when a read lock cannot be upgraded.
        self._write_engine = self.engine.execution_options(begin_sql="BEGIN IMMEDIATE")

    def _find_key(self) -> None:
        """An encrypted database opens with the key this Windows account keeps for it."""
        if not driver.is_encrypted_file(self.path) or driver.key_for(self.path) is not None:
            return
        from station_desk.store.keystore import KeyStoreError, default_key_store

        try:
            key = default_key_store().get(self.path.parent)
        except KeyStoreError:
            key = None  # no OS key store here: the file cannot be one of ours encrypted here
        if key is None:
            # Not SQLite's plain header: encrypted, or damaged where the header lives.
            raise DatabaseError(
                f"无法打开数据库文件 {self.path}：它可能已损坏，或者是加密的而本机当前"
                "Windows账户里没有它的密钥。请勿覆盖它：可用备份恢复；若本站开启过加密，"
                "请管理员运行 station-desk key-restore 输入恢复密钥。数据库文件没有被改动。"
            )
        driver.register_key(self.path.parent, key)

    def _check_and_upgrade(self) -> None:
        try:
            conn = raw_connection(self.path)
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                migrations.upgrade(conn)
            finally:
                conn.close()
        except sqlite3.DatabaseError as error:
            raise DatabaseError(
                f"无法打开数据库文件 {self.path}：{error}。文件可能已损坏，请勿覆盖它，"
                "可用备份恢复或联系区里的信息化人员。"
            ) from error

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any exception."""
        with Session(self._write_engine, expire_on_commit=False) as session, session.begin():
            yield session

    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.exec_driver_sql("PRAGMA user_version").scalar_one())

    def close(self) -> None:
        self.engine.dispose()


def sqlite_connection(session: Session) -> sqlite3.Connection:
    """The driver connection under a session, for FTS and bulk statements in its transaction."""
    return session.connection().connection.driver_connection  # type: ignore[return-value]
