"""station-desk encrypt / key-restore: exit codes and messages, the database untouched on refusal."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from tests.ops.ops_helpers import data_with_demo

from station_desk.cli import EXIT_BAD_INPUT, EXIT_OK, EXIT_REJECTED, main
from station_desk.store import driver
from station_desk.store.keystore import FakeKeyStore, OsKeyStore, use_key_store


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return data_with_demo(tmp_path / "data", workers=20, postings=3).root


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_without_an_os_key_store_encrypt_refuses_and_changes_nothing(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if OsKeyStore().available():
        pytest.skip("this machine has a working OS key store")
    before = _digest(data_dir / "station.db")
    assert main(["--data-dir", str(data_dir), "encrypt"]) == EXIT_REJECTED
    assert "凭据管理器" in capsys.readouterr().err
    assert _digest(data_dir / "station.db") == before


@pytest.mark.skipif(not driver.can_encrypt(), reason="SQLCipher is not installed")
def test_encrypt_prints_a_recovery_key_that_key_restore_accepts(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = FakeKeyStore()  # stands in for the Windows Credential Manager
    use_key_store(store)
    try:
        assert main(["--data-dir", str(data_dir), "encrypt", "--json"]) == EXIT_OK
        out = capsys.readouterr().out
        recovery = out.split('"recovery_key": "')[1].split('"')[0]
        assert driver.is_encrypted_file(data_dir / "station.db")
        store.keys.clear()
        driver._keys.clear()
        assert main(["--data-dir", str(data_dir), "key-restore", "123"]) == EXIT_BAD_INPUT
        assert "64位" in capsys.readouterr().err
        assert main(["--data-dir", str(data_dir), "key-restore", recovery]) == EXIT_OK
        driver._keys.clear()
        assert main(["--data-dir", str(data_dir), "export", "--format", "json", "--out",
                     str(data_dir / "x.json")]) == EXIT_OK  # fmt: skip
        assert (data_dir / "x.json").stat().st_size > 100
    finally:
        use_key_store(None)
        driver._keys.clear()
