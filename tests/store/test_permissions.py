"""The data folder, the database and its backups are readable only by the station's account."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from station_desk.paths import Paths
from station_desk.services.backup import backup_now
from station_desk.store.db import Database
from station_desk.store.permissions import windows_acl_command

posix_only = pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_a_new_data_folder_its_database_and_backups_are_private(tmp_path: Path) -> None:
    old = os.umask(0o022)  # the usual umask: without our care, files would be world-readable
    try:
        paths = Paths(tmp_path / "data").ensure()
        Database(paths.database).close()
        backup = backup_now(paths, "manual")
    finally:
        os.umask(old)
    for folder in (paths.root, paths.backups, paths.logs):
        assert _mode(folder) == 0o700, folder
    assert _mode(paths.database) == 0o600
    assert _mode(backup) == 0o600


@posix_only
def test_an_existing_open_data_folder_is_closed_at_the_next_start(tmp_path: Path) -> None:
    root = tmp_path / "data"
    root.mkdir(mode=0o755)
    (root / "station.db").touch(mode=0o644)
    os.chmod(root / "station.db", 0o644)
    Paths(root).ensure()
    assert _mode(root) == 0o700
    assert _mode(root / "station.db") == 0o600


def test_on_windows_the_folder_acl_keeps_only_the_user_and_system() -> None:
    command = windows_acl_command(Path(r"C:\Users\zhan\AppData\Local\StationDesk"), r"PC\zhan")
    assert command[:3] == ["icacls", r"C:\Users\zhan\AppData\Local\StationDesk", "/inheritance:r"]
    grants = [command[i + 1] for i, part in enumerate(command) if part == "/grant:r"]
    assert grants == [r"PC\zhan:(OI)(CI)F", "*S-1-5-18:(OI)(CI)F"]
