"""Encrypting the station database at rest (SQLCipher, AES-256), with its key in the Windows
account's Credential Manager and a recovery key printed for the administrator.

`encrypt_database` turns a plain station database, and every plain backup beside it, into
encrypted copies, checks each copy row for row, and only then puts it in place. The key goes
into the OS key store first, so there is never an encrypted file whose key is nowhere.
`restore_key` puts a recovery key into this account's key store (a new PC, a new Windows
account) after checking that it opens the database.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from station_desk.paths import Paths
from station_desk.store import driver
from station_desk.store.driver import sqlite3
from station_desk.store.keystore import KeyStore, KeyStoreError, default_key_store
from station_desk.store.permissions import restrict_file

IN_USE = "工作台或大屏正在使用数据库。请先关闭工作台和大屏，再运行加密。数据库没有改动。"


class EncryptionError(RuntimeError):
    """Encryption could not be done; the message says why in plain Chinese. Nothing changed."""


@dataclass
class EncryptionResult:
    recovery_key: str  # grouped for reading aloud and writing down
    backups_encrypted: int


def group_key(key: str) -> str:
    return "-".join(key[i : i + 8] for i in range(0, len(key), 8)).upper()


def parse_recovery_key(text: str) -> str:
    key = "".join(c for c in text if c not in " -\t\r\n").lower()
    try:
        driver.check_key(key)
    except ValueError as error:
        raise EncryptionError(
            "恢复密钥应是64位的数字和字母（0-9、A-F），请对照打印的纸条重新输入。"
        ) from error
    return key


def _tables(conn: sqlite3.Connection, schema: str = "main") -> dict[str, int]:
    names = [
        row[0]
        for row in conn.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        )
    ]
    return {
        name: conn.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0]
        for name in names
    }


def _encrypt_file(path: Path, key: str) -> None:
    """Replace the plain SQLite file at path by an encrypted copy, checked row for row."""
    target = path.with_name(path.name + ".encrypting")
    target.unlink(missing_ok=True)
    plain = sqlite3.connect(path, timeout=10)
    try:
        plain.isolation_level = None
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        # Leaving WAL needs the only connection: this also proves the desk is not running.
        if plain.execute("PRAGMA journal_mode = DELETE").fetchone()[0].lower() != "delete":
            raise EncryptionError(IN_USE)
        version = plain.execute("PRAGMA user_version").fetchone()[0]
        before = _tables(plain)
        plain.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key}'\"", (str(target),))
        plain.execute("SELECT sqlcipher_export('encrypted')")
        plain.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        after = _tables(plain, "encrypted")
        plain.execute("DETACH DATABASE encrypted")
    finally:
        plain.close()
    check = sqlite3.connect(target)
    try:
        driver.apply_key(check, key)
        ok = check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        after_reopen = _tables(check)
    finally:
        check.close()
    if not ok or before != after or before != after_reopen:
        target.unlink(missing_ok=True)
        raise EncryptionError(f"加密后的副本核对不一致（{path.name}），原文件没有改动。")
    restrict_file(target)
    for companion in ("-wal", "-shm", "-journal"):
        path.with_name(path.name + companion).unlink(missing_ok=True)
    target.replace(path)


def encrypt_database(paths: Paths, store: KeyStore | None = None) -> EncryptionResult:
    if not driver.can_encrypt():
        raise EncryptionError("本机的工作台没有加密组件（SQLCipher），无法加密。请重新安装工作台。")
    database = paths.database
    if not database.exists():
        raise EncryptionError(f"没有数据库可加密：{database} 不存在。")
    if driver.is_encrypted_file(database):
        raise EncryptionError("数据库已经是加密的，不需要再加密。")
    store = store or default_key_store()
    key = secrets.token_hex(32)
    try:
        store.put(paths.root, key)
        if store.get(paths.root) != key:
            raise EncryptionError("密钥没能存进Windows凭据管理器，数据库没有加密。")
    except KeyStoreError as error:
        raise EncryptionError(str(error)) from error
    try:
        _encrypt_file(database, key)
    except (sqlite3.DatabaseError, OSError, EncryptionError) as error:
        store.delete(paths.root)
        if "locked" in str(error) or isinstance(error, EncryptionError):
            raise EncryptionError(IN_USE) from error
        raise EncryptionError(f"加密没有完成（{error}），原数据库没有改动。") from error
    driver.register_key(paths.root, key)
    encrypted = 0
    # Backups, and databases set aside by a restore: a plain copy left behind would defeat it.
    copies = [*paths.backups.glob("*.db"), *paths.root.glob(f"{database.name}.before-restore-*")]
    for copy in sorted(copies):
        if copy.is_file() and copy.suffix not in (".wal", ".shm") and _is_sqlite(copy):
            _encrypt_file(copy, key)
            encrypted += 1
    return EncryptionResult(group_key(key), encrypted)


def _is_sqlite(path: Path) -> bool:
    """A plain SQLite database file (not a -wal/-shm companion, not already encrypted)."""
    if path.name.endswith(("-wal", "-shm", "-journal")):
        return False
    with open(path, "rb") as file:
        return file.read(len(driver.PLAIN_HEADER)) == driver.PLAIN_HEADER


def restore_key(paths: Paths, recovery_key: str, store: KeyStore | None = None) -> None:
    """Keep a recovery key in this account's key store, once it is shown to open the database."""
    key = parse_recovery_key(recovery_key)
    database = paths.database
    if database.exists():
        if not driver.is_encrypted_file(database):
            raise EncryptionError("这台电脑上的数据库没有加密，不需要恢复密钥。")
        conn = sqlite3.connect(database)
        try:
            driver.apply_key(conn, key)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as error:
            raise EncryptionError("这个恢复密钥打不开本机的数据库，请核对后重新输入。") from error
        finally:
            conn.close()
    try:
        (store or default_key_store()).put(paths.root, key)
    except KeyStoreError as error:
        raise EncryptionError(str(error)) from error
    driver.register_key(paths.root, key)
