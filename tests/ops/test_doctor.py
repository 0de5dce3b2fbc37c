"""The doctor names each problem in words a station clerk understands (real files, real server)."""

from __future__ import annotations

import json
import shutil
from collections import namedtuple
from pathlib import Path

import pytest
from ops_helpers import damage, data_with_demo

from district_server.db import Database as DistrictDatabase
from district_server.stations import add_station, revoke_station
from server_process import free_port, run_district
from station_desk.cli import main
from station_desk.paths import Paths
from station_desk.services.backup import backup_now
from station_desk.services.doctor import DISK_ERROR_BYTES, SYMBOLS
from station_desk.store.driver import sqlite3

DiskUsage = namedtuple("DiskUsage", "total used free")
MB = 1024 * 1024


def doctor(paths: Paths, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, dict]]:
    code = main(["--data-dir", str(paths.root), "doctor", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert report["data_dir"] == str(paths.root) and report["version"]
    return code, {c["check"]: c for c in report["checks"]}


def put_settings(db_path: Path, **values: str) -> None:
    with sqlite3.connect(db_path) as conn:
        for key, value in values.items():
            conn.execute(
                "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                ("sync." + key, value),
            )


def test_a_healthy_desk_passes_and_prints_ticks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = data_with_demo(tmp_path / "data", workers=5, postings=2)
    backup_now(paths, "manual")
    code, checks = doctor(paths, capsys)
    assert code == 0
    assert {"version", "database", "schema", "disk", "paths", "logs", "server", "pending",
            "backup"} <= set(checks)  # fmt: skip
    assert all(c["level"] in SYMBOLS and c["ok"] == (c["level"] == "ok") for c in checks.values())
    assert checks["database"]["ok"] and "单机使用" in checks["server"]["message"]
    assert main(["--data-dir", str(paths.root), "doctor"]) == 0
    assert "✓ 数据库完好" in capsys.readouterr().out


def test_a_revoked_token_is_named_with_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from station_desk.services.context import Desk
    from station_desk.store.db import Database
    from station_desk.sync.commands import connect

    paths = Paths(tmp_path / "data").ensure()
    with run_district(tmp_path / "district") as (base_url, db_url):
        district = DistrictDatabase(db_url)
        station = add_station(district, "清河镇驿站")
        database = Database(paths.database)
        connect(Desk(database), base_url, station.token)
        database.close()
        code, checks = doctor(paths, capsys)
        assert code == 0 and "清河镇驿站" in checks["server"]["message"]

        revoke_station(district, station.station_id)
        district.dispose()
        code, checks = doctor(paths, capsys)
    assert code == 1
    assert checks["server"]["level"] == "error"
    assert checks["server"]["message"].startswith("令牌无效或已被吊销：请联系区里重新发配置文件")
    assert checks["last_sync"]["level"] == "warn"  # connected, never synced


def test_an_unreachable_server_and_old_pending_changes_are_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = data_with_demo(tmp_path / "data", workers=3, postings=1)
    put_settings(paths.database, server_url=f"http://127.0.0.1:{free_port()}", token="t",
                 last_success="2020-01-01T08:00:00")  # fmt: skip
    with sqlite3.connect(paths.database) as conn:
        conn.execute("UPDATE outbox SET created_at = '2020-01-01 08:00:00.000000'")
    code, checks = doctor(paths, capsys)
    assert code == 0  # offline is normal in a village: a warning, not an error
    assert checks["server"]["level"] == "warn"
    assert checks["server"]["message"].startswith("连不上区服务器")
    assert checks["pending"]["level"] == "warn" and "还没上传" in checks["pending"]["message"]
    assert checks["last_sync"]["level"] == "warn" and "2020-01-01" in checks["last_sync"]["message"]


def test_a_nearly_full_disk_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = data_with_demo(tmp_path / "data", workers=2, postings=1)
    free = {"bytes": 150 * MB}

    def fake_disk_usage_with_little_free_space(path: object) -> DiskUsage:
        return DiskUsage(500_000 * MB, 500_000 * MB - free["bytes"], free["bytes"])

    monkeypatch.setattr(shutil, "disk_usage", fake_disk_usage_with_little_free_space)
    code, checks = doctor(paths, capsys)
    assert code == 1 and free["bytes"] < DISK_ERROR_BYTES
    assert checks["disk"]["level"] == "error"
    assert "硬盘快满了：只剩 150 MB" in checks["disk"]["message"]

    free["bytes"] = 800 * MB
    code, checks = doctor(paths, capsys)
    assert checks["disk"]["level"] == "warn" and "剩余空间不多" in checks["disk"]["message"]


def test_a_corrupt_database_is_named_with_the_backup_to_restore(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = data_with_demo(tmp_path / "data", workers=200, postings=20)
    good = backup_now(paths, "manual")
    damage(paths.database)
    before = paths.database.read_bytes()
    code, checks = doctor(paths, capsys)
    assert code == 1
    message = checks["database"]["message"]
    assert checks["database"]["level"] == "error"
    assert message.startswith("数据库文件已损坏") and "请不要再录入" in message
    assert f'station-desk restore "{good}"' in message
    assert paths.database.read_bytes() == before  # the doctor never writes to it

    assert main(["--data-dir", str(paths.root), "doctor"]) == 1
    assert "✗ 数据库文件已损坏" in capsys.readouterr().out


def test_a_database_from_a_newer_version_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = data_with_demo(tmp_path / "data", workers=2, postings=1)
    with sqlite3.connect(paths.database) as conn:
        conn.execute("PRAGMA user_version = 99")
    code, checks = doctor(paths, capsys)
    assert code == 1 and "请安装最新版" in checks["schema"]["message"]
