"""The station database encrypted at rest: unreadable without its key, whole with it.

The Windows Credential Manager (where the key lives on a station PC) does not exist here, so
these tests give the desk a FakeKeyStore; everything else is real: SQLCipher, the files, the
backups, the desk's services.
"""

from __future__ import annotations

import hashlib
import sqlite3 as stdlib_sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.ops.ops_helpers import data_with_demo

from station_desk.domain.worker import WorkerDraft
from station_desk.paths import Paths
from station_desk.services import workers
from station_desk.services.backup import backup_now, check_backup_file, restore
from station_desk.services.context import Desk
from station_desk.services.encryption import (
    EncryptionError,
    encrypt_database,
    restore_key,
)
from station_desk.store import driver, search
from station_desk.store.db import Database, DatabaseError
from station_desk.store.keystore import FakeKeyStore, OsKeyStore, use_key_store

pytestmark = pytest.mark.skipif(not driver.can_encrypt(), reason="SQLCipher is not installed")

PERSON = "11010519491231002X"


@pytest.fixture
def keys() -> Iterator[FakeKeyStore]:
    store = FakeKeyStore()
    use_key_store(store)
    yield store
    use_key_store(None)
    driver._keys.clear()


def _with_person(paths: Paths) -> None:
    database = Database(paths.database)
    try:
        workers.register_worker(
            Desk(database),
            WorkerDraft(name="欧阳娜娜", id_number=PERSON, phone="13812345678"),
        )
    finally:
        database.close()


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    paths = data_with_demo(tmp_path / "data", workers=30, postings=5)
    _with_person(paths)
    return paths


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_after_encryption_the_file_shows_nothing_and_plain_sqlite_cannot_read_it(
    paths: Paths, keys: FakeKeyStore
) -> None:
    result = encrypt_database(paths, keys)
    raw = paths.database.read_bytes()
    assert not raw.startswith(driver.PLAIN_HEADER)
    assert PERSON.encode() not in raw and "欧阳娜娜".encode() not in raw
    conn = stdlib_sqlite3.connect(paths.database)
    with pytest.raises(stdlib_sqlite3.DatabaseError):
        conn.execute("SELECT count(*) FROM worker").fetchone()
    conn.close()
    assert len(result.recovery_key.replace("-", "")) == 64


def test_the_desk_works_on_the_encrypted_database_with_the_key_from_the_store(
    paths: Paths, keys: FakeKeyStore
) -> None:
    encrypt_database(paths, keys)
    driver._keys.clear()  # a new start: the key comes from the store again
    database = Database(paths.database)
    try:
        desk = Desk(database)
        found = workers.find_registered(desk, PERSON)
        assert found is not None and found.name == "欧阳娜娜"
        workers.register_worker(
            desk, WorkerDraft(name="李四", id_number="110105199003071239", phone="13912345678")
        )
        with database.read() as session:
            conn = session.connection().connection.driver_connection
            assert search.search_ids(conn, "worker", "李四")
    finally:
        database.close()


def test_backups_before_and_after_are_encrypted_and_restore_gives_every_row(
    paths: Paths, keys: FakeKeyStore
) -> None:
    old = backup_now(paths, "manual")
    result = encrypt_database(paths, keys)
    assert result.backups_encrypted >= 1
    assert not old.read_bytes().startswith(driver.PLAIN_HEADER)
    assert PERSON.encode() not in old.read_bytes()
    new = backup_now(paths, "manual")
    assert not new.read_bytes().startswith(driver.PLAIN_HEADER)
    assert check_backup_file(new) >= 1
    restore(paths, new, force=True)
    database = Database(paths.database)
    try:
        assert workers.find_registered(Desk(database), PERSON) is not None
    finally:
        database.close()


def test_without_the_key_the_desk_says_so_and_leaves_the_file_alone(
    paths: Paths, keys: FakeKeyStore
) -> None:
    result = encrypt_database(paths, keys)
    keys.keys.clear()
    driver._keys.clear()
    before = _digest(paths.database)
    with pytest.raises(DatabaseError, match="密钥"):
        Database(paths.database)
    assert _digest(paths.database) == before
    with pytest.raises(EncryptionError, match="打不开"):
        restore_key(paths, "0" * 64, keys)
    restore_key(paths, result.recovery_key.lower().replace("-", " "), keys)
    driver._keys.clear()
    database = Database(paths.database)
    try:
        assert workers.find_registered(Desk(database), PERSON) is not None
    finally:
        database.close()


def test_a_machine_without_a_key_store_refuses_and_changes_nothing(paths: Paths) -> None:
    store = OsKeyStore()
    if store.available():
        pytest.skip("this machine has a working OS key store")
    before = _digest(paths.database)
    with pytest.raises(EncryptionError, match=r"凭据管理器|密钥"):
        encrypt_database(paths, store)
    assert _digest(paths.database) == before


def test_nothing_in_the_desk_uses_the_standard_sqlite3_module_directly() -> None:
    """sqlite3 and sqlcipher3 have separate exception classes: one module for everything."""
    source = Path(driver.__file__).parents[1]
    offenders = [
        str(path.relative_to(source))
        for path in source.rglob("*.py")
        if path.name != "driver.py"
        and any(
            line.strip() in ("import sqlite3",) or line.strip().startswith("from sqlite3 ")
            for line in path.read_text(encoding="utf-8").splitlines()
        )
    ]
    assert offenders == []


def test_encrypting_while_the_desk_has_the_database_open_is_refused(
    paths: Paths, keys: FakeKeyStore
) -> None:
    database = Database(paths.database)
    try:
        with database.read() as session:
            session.connection().exec_driver_sql("SELECT count(*) FROM worker").scalar_one()
        with pytest.raises(EncryptionError, match="关闭工作台"):
            encrypt_database(paths, keys)
        assert paths.database.read_bytes().startswith(driver.PLAIN_HEADER)
        assert keys.keys == {}  # no key left behind for a database that is not encrypted
        assert workers.find_registered(Desk(database), PERSON) is not None
    finally:
        database.close()
