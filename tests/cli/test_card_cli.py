"""station-desk card {status,read} as IT runs it at a prompt: the installed command in a
subprocess, with the FakeCardReader (--fake) where no reader is plugged in."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from station_desk.devices.fake_reader import DEMO_CARD, ENV_FAKE_CARD

SCRIPT = Path(sys.executable).with_name("station-desk")


def card(data_dir: Path, *args: str, fake_mode: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != ENV_FAKE_CARD}
    if fake_mode:
        env[ENV_FAKE_CARD] = fake_mode
    return subprocess.run(
        [str(SCRIPT), "--data-dir", str(data_dir), "card", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )


def test_status_with_the_fake_reader(tmp_path: Path) -> None:
    result = card(tmp_path, "status", "--fake")
    assert result.returncode == 0, result.stderr
    assert "读卡器已连接" in result.stdout and "演示读卡器" in result.stdout
    assert "USB1" in result.stdout


def test_read_prints_the_card_masked_never_the_full_number(tmp_path: Path) -> None:
    result = card(tmp_path, "read", "--fake")
    assert result.returncode == 0, result.stderr
    assert "王**" in result.stdout and "411625********123X" in result.stdout
    assert DEMO_CARD.id_number not in result.stdout + result.stderr
    assert "王建国" not in result.stdout

    as_json = card(tmp_path, "read", "--fake", "--json")
    assert as_json.returncode == 0
    data = json.loads(as_json.stdout)
    assert data["ok"] is True and data["kind"] == "fake"
    assert data["card"] == {
        "name": "王**",
        "id_number": "411625********123X",
        "sex": "男",
        "valid_to": "2035-06-01",
    }
    assert DEMO_CARD.id_number not in as_json.stdout


@pytest.mark.parametrize(
    ("mode", "error", "says"),
    [
        ("no_card", "no_card", "没有身份证"),
        ("removed", "removed", "移开"),
        ("unplugged", "no_reader", "找不到身份证读卡器"),
        ("bad", "bad_read", "信息不对"),
    ],
)
def test_no_card_or_no_reader_exits_1_and_says_what_to_do(
    tmp_path: Path, mode: str, error: str, says: str
) -> None:
    result = card(tmp_path, "read", "--fake", "--json", fake_mode=mode)
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["ok"] is False and data["error"] == error and says in data["message"]
    assert DEMO_CARD.id_number not in result.stdout


def test_no_reader_set_up_exits_2(tmp_path: Path) -> None:
    result = card(tmp_path, "status")
    assert result.returncode == 2
    assert "还没有设置身份证读卡器" in result.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="on Windows the DLL would be looked for")
def test_a_vendor_reader_off_windows_exits_2_saying_it_needs_windows(tmp_path: Path) -> None:
    from station_desk.devices.idcard_reader import ReaderSettings
    from station_desk.devices.settings import save_reader_settings
    from station_desk.services.context import Desk
    from station_desk.store.db import Database

    database = Database(tmp_path / "station.db")
    save_reader_settings(Desk(database), ReaderSettings(kind="cvr", port=1001))
    database.close()
    result = card(tmp_path, "read", "--json")
    assert result.returncode == 2
    data = json.loads(result.stdout)
    assert data["error"] == "setup" and "Windows" in data["message"]
    assert data["kind"] == "cvr" and data["port"] == "USB1"
