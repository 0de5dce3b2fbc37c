"""The SQLite driver every part of the desk uses, and the keys of encrypted databases.

The driver is SQLCipher's build of SQLite (the `sqlcipher3` module, a drop-in for `sqlite3`)
when it is installed, else Python's own `sqlite3`. A database without a key is an ordinary
SQLite file either way. Everything imports `sqlite3` from here, never the standard module
directly: the two modules have separate exception classes, so a connection opened by one and an
`except` written for the other would miss each other's errors (a test checks this).

An encrypted database's key is registered once per path (`register_key`, done when the desk
opens it with the key from the OS key store); `connect` applies it to every connection to that
file, so the lists, the lobby board and backups open it like any other.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

if os.environ.get("STATION_DESK_SQLITE_DRIVER") == "sqlite3":  # escape hatch for diagnosis
    import sqlite3
else:
    try:
        import sqlcipher3 as sqlite3  # type: ignore[no-redef]
    except ImportError:  # pragma: no cover - only where the wheel is not installed
        import sqlite3

__all__ = ["PLAIN_HEADER", "can_encrypt", "connect", "key_for", "register_key", "sqlite3"]

PLAIN_HEADER = b"SQLite format 3\x00"
_keys: dict[str, str] = {}  # data folder -> hex key


def can_encrypt() -> bool:
    return sqlite3.__name__.startswith("sqlcipher3")


def _normal(path: str | Path) -> str:
    return os.path.normcase(os.path.abspath(os.fspath(path)))


def register_key(folder: str | Path, key: str | None) -> None:
    """Remember (or, with None, forget) the hex key of the databases in a data folder: the
    station database and its backups (in sub-folders) share it."""
    if key is None:
        _keys.pop(_normal(folder), None)
    else:
        check_key(key)
        _keys[_normal(folder)] = key


def key_for(path: str | Path) -> str | None:
    """The key registered for the folder holding path (or one of its parents)."""
    here = Path(_normal(path))
    for folder in (here.parent, *here.parent.parents):
        key = _keys.get(str(folder))
        if key is not None:
            return key
    return None


def find_key(path: str | Path) -> str | None:
    """The key for an encrypted file: registered for its folder, or in the OS key store."""
    key = key_for(path)
    if key is None and is_encrypted_file(path):
        key = _key_from_store(os.fspath(path))
    return key


def check_key(key: str) -> None:
    if len(key) != 64 or not all(c in "0123456789abcdefABCDEF" for c in key):
        raise ValueError("an encryption key is 64 hexadecimal digits")


def apply_key(conn: Any, key: str) -> None:
    """Give an open connection its raw 256-bit key; must come before any other statement."""
    check_key(key)
    conn.execute(f"PRAGMA key = \"x'{key}'\"")


def _file_path(target: str, uri: bool) -> str:
    if uri and target.startswith("file:"):
        from urllib.parse import unquote, urlparse

        parsed = urlparse(target)
        path = unquote(parsed.path)
        if os.name == "nt" and path.startswith("/") and path[2:3] == ":":
            path = path[1:]
        return path
    return target


def connect(path: str | Path, **kwargs: Any) -> Any:
    """sqlite3.connect, giving the key first when the file is (or will be) encrypted: a key is
    registered for its folder and the file is encrypted, or new. A plain file stays plain."""
    conn = sqlite3.connect(path, **kwargs)
    target = _file_path(os.fspath(path), bool(kwargs.get("uri")))
    if target and target != ":memory:":
        key = key_for(target)
        if key is None and is_encrypted_file(target):
            key = _key_from_store(target)
        if key is not None and not _is_plain_file(target):
            apply_key(conn, key)
    return conn


def _key_from_store(path: str) -> str | None:
    """The OS key store's key for the folder of an encrypted file opened before any Database
    (e.g. by the lobby board's own process); registered for the rest of the process."""
    from station_desk.store.keystore import KeyStoreError, default_key_store

    folder = Path(path).resolve().parent
    for candidate in (folder, folder.parent):  # a backup lies one folder down
        try:
            key = default_key_store().get(candidate)
        except KeyStoreError:
            return None
        if key is not None:
            register_key(candidate, key)
            return key
    return None


def _is_plain_file(path: str | Path) -> bool:
    try:
        with open(path, "rb") as file:
            head = file.read(len(PLAIN_HEADER))
    except (FileNotFoundError, NotADirectoryError):
        return False
    return head == PLAIN_HEADER


def plain_in_memory(data: Any) -> Any:
    """A plain SQLite database from its bytes, held in memory only: Python's own sqlite3
    module (SQLCipher's cannot load a database from memory). None where this build of SQLite
    cannot either. Its errors are the standard module's: catch PLAIN_ERRORS."""
    import sqlite3 as plain  # the one other place the standard module is used

    conn = plain.connect(":memory:")
    if not hasattr(conn, "deserialize"):
        conn.close()
        return None
    conn.deserialize(data)
    return conn


def _plain_errors() -> tuple[type[Exception], ...]:
    import sqlite3 as plain

    return (plain.Error,)


PLAIN_ERRORS = _plain_errors()


def is_encrypted_file(path: str | Path) -> bool:
    """A non-empty database file whose first bytes are not SQLite's plain header."""
    try:
        with open(path, "rb") as file:
            head = file.read(len(PLAIN_HEADER))
    except FileNotFoundError:
        return False
    return len(head) == len(PLAIN_HEADER) and head != PLAIN_HEADER
