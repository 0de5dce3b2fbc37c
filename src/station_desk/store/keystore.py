"""Where the key of an encrypted station database is kept: the operating system's store for
secrets, tied to the Windows account (Credential Manager, protected by DPAPI), reached through
the `keyring` library. Nothing here writes a key to a file.

`FakeKeyStore` keeps keys in memory. It stands in for the Windows Credential Manager, which
does not exist on the Linux machines that run the tests.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Protocol

SERVICE = "StationDesk database key"


class KeyStoreError(RuntimeError):
    """The OS key store cannot be used; the message says why in plain Chinese."""


class KeyStore(Protocol):
    def get(self, folder: Path) -> str | None: ...

    def put(self, folder: Path, key: str) -> None: ...

    def delete(self, folder: Path) -> None: ...


def _name(folder: Path) -> str:
    return os.path.normcase(str(Path(folder).resolve()))


class OsKeyStore:
    """keyring's default back-end: Windows Credential Manager on a station PC."""

    def _keyring(self):  # type: ignore[no-untyped-def]
        try:
            import keyring
            from keyring.backends import fail
        except ImportError as error:
            raise KeyStoreError(
                "本机没有安装密钥管理组件（keyring），无法使用数据库加密。"
            ) from error
        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring):
            raise KeyStoreError(
                "本机的系统没有可用的密钥保管功能（Windows凭据管理器），无法使用数据库加密。"
            )
        return keyring

    def available(self) -> bool:
        try:
            self._keyring()
        except KeyStoreError:
            return False
        return True

    def get(self, folder: Path) -> str | None:
        return self._keyring().get_password(SERVICE, _name(folder))

    def put(self, folder: Path, key: str) -> None:
        self._keyring().set_password(SERVICE, _name(folder), key)

    def delete(self, folder: Path) -> None:
        import keyring.errors

        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            self._keyring().delete_password(SERVICE, _name(folder))


class FakeKeyStore:
    """In-memory stand-in for the Windows Credential Manager (tests and demos only)."""

    def __init__(self) -> None:
        self.keys: dict[str, str] = {}

    def get(self, folder: Path) -> str | None:
        return self.keys.get(_name(folder))

    def put(self, folder: Path, key: str) -> None:
        self.keys[_name(folder)] = key

    def delete(self, folder: Path) -> None:
        self.keys.pop(_name(folder), None)


_default: KeyStore | None = None


def default_key_store() -> KeyStore:
    return _default if _default is not None else OsKeyStore()


def use_key_store(store: KeyStore | None) -> None:
    """Replace the key store for this process (tests); None goes back to the OS store."""
    global _default
    _default = store
