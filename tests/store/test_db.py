"""The local database file: settings that make it safe, schema versions, damaged files."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlmodel import SQLModel

from station_desk.store import migrations, models
from station_desk.store.db import Database, DatabaseError, raw_connection, sqlite_connection
from station_desk.store.driver import sqlite3
from station_desk.store.search import search_ids


def test_pragmas_make_a_power_cut_safe(tmp_path: Path) -> None:
    db = Database(tmp_path / "station.db")
    with db.read() as session:
        conn = sqlite_connection(session)
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_new_database_is_at_the_latest_schema(tmp_path: Path) -> None:
    db = Database(tmp_path / "station.db")
    assert db.schema_version() == migrations.LATEST_VERSION


def test_migrated_schema_has_every_column_the_models_declare(tmp_path: Path) -> None:
    Database(tmp_path / "station.db")
    conn = sqlite3.connect(tmp_path / "station.db")
    for table in SQLModel.metadata.sorted_tables:
        actual = {row[1] for row in conn.execute(f"PRAGMA table_info({table.name})")}
        assert actual, f"table {table.name} missing"
        assert {c.name for c in table.columns} == actual, table.name


def _make_v1_database(path: Path) -> None:
    conn = raw_connection(path)
    migrations.upgrade(conn, target=1)
    conn.execute(
        "INSERT INTO worker (id, name, id_number, phone, registered_at, skill_codes) "
        "VALUES ('w-1', '张三', '11010519491231002X', '13812345678', '2024-05-01 09:00:00', '[]')"
    )
    conn.execute(
        "INSERT INTO employer (id, name, registered_at) VALUES ('e-1', '青山建筑劳务有限公司', "
        "'2024-05-01 09:00:00')"
    )
    conn.execute(
        "INSERT INTO posting (id, employer_id, occupation_name, published_at) "
        "VALUES ('p-1', 'e-1', '搬运工', '2024-05-02 10:00:00')"
    )
    conn.execute(
        "INSERT INTO outbox (op_id, record_kind, record_id, fields, hlc, created_at) "
        "VALUES ('op-1', 'worker', 'w-1', '{}', '0000000000001-00000-s', '2024-05-01 09:00:00')"
    )
    conn.close()


def test_a_first_version_database_upgrades_without_losing_rows(tmp_path: Path) -> None:
    path = tmp_path / "station.db"
    _make_v1_database(path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 1

    db = Database(path)

    assert db.schema_version() == migrations.LATEST_VERSION
    kept = list((tmp_path / "backups").glob("*.db"))
    assert len(kept) == 1  # the version-1 file was copied before the upgrade
    assert sqlite3.connect(kept[0]).execute("PRAGMA user_version").fetchone()[0] == 1
    with db.read() as session:
        conn = sqlite_connection(session)
        assert conn.execute("SELECT name FROM worker").fetchall() == [("张三",)]
        assert conn.execute("SELECT count(*) FROM posting").fetchone()[0] == 1
        # the pending outbox survives the upgrade, so unsynced work is never lost
        assert conn.execute("SELECT op_id FROM outbox").fetchall() == [("op-1",)]
        # rows from before the search index existed are found by it
        assert search_ids(conn, "worker", "zs") == ["w-1"]
        assert search_ids(conn, "posting", "搬运") == ["p-1"]


def test_a_database_from_a_newer_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "station.db"
    Database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST_VERSION + 1}")
    conn.close()
    with pytest.raises(migrations.NewerSchemaError, match="升级"):
        Database(path)


def test_a_damaged_file_gets_a_clear_message_and_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "station.db"
    path.write_bytes(b"this is not a database" * 200)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(DatabaseError, match="损坏"):
        Database(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    db = Database(tmp_path / "station.db")
    with pytest.raises(RuntimeError), db.write() as session:
        session.add(models.Setting(key="k", value="v"))
        session.flush()
        raise RuntimeError("boom")
    with db.read() as session:
        assert session.get(models.Setting, "k") is None


def test_connections_are_pooled_per_checkout_not_per_thread(tmp_path) -> None:
    """A per-thread pool closes other threads' connections when it grows; the desk reads in
    background threads, so that would close a connection in the middle of a query."""
    from sqlalchemy.pool import QueuePool

    database = Database(tmp_path / "station.db")
    try:
        assert isinstance(database.engine.pool, QueuePool)
    finally:
        database.close()
