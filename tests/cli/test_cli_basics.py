"""The station-desk command's global options and exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from station_desk import __version__
from station_desk.cli import EXIT_DATABASE, main


def test_version_from_the_installed_console_script() -> None:
    script = Path(sys.executable).with_name("station-desk")
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout.strip() == f"station-desk {__version__}"


def test_data_dir_option_and_environment_choose_where_files_go(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    by_option = tmp_path / "option"
    assert (
        main(
            [
                "--data-dir",
                str(by_option),
                "export",
                "--format",
                "json",
                "--out",
                str(tmp_path / "a.json"),
            ]
        )
        == 0
    )
    assert (by_option / "station.db").exists()
    assert (by_option / "logs" / "station-desk.log").exists()

    by_env = tmp_path / "env"
    monkeypatch.setenv("STATION_DESK_DATA_DIR", str(by_env))
    assert main(["export", "--format", "json", "--out", str(tmp_path / "b.json")]) == 0
    assert (by_env / "station.db").exists()


def test_a_damaged_database_exits_3_with_a_chinese_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "station.db").write_bytes(b"garbage" * 1000)
    code = main(
        [
            "--data-dir",
            str(tmp_path),
            "export",
            "--format",
            "json",
            "--out",
            str(tmp_path / "x.json"),
        ]
    )
    assert code == EXIT_DATABASE
    assert "损坏" in capsys.readouterr().err
    assert (tmp_path / "station.db").read_bytes() == b"garbage" * 1000


def test_each_data_folder_gets_its_own_log(tmp_path: Path) -> None:
    for name in ("one", "two"):
        folder = tmp_path / name
        main(
            [
                "--data-dir",
                str(folder),
                "export",
                "--format",
                "json",
                "--out",
                str(folder / "x.json"),
            ]
        )
        assert (folder / "logs" / "station-desk.log").exists()
