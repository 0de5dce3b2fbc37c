"""The doctor reports sync health: pending count, oldest pending change, last success, last
error, and a stuck sync is a problem (exit 1) said in plain Chinese with what to do."""

from __future__ import annotations

import json
import sqlite3
import uuid
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from ops_helpers import data_with_demo

from district_server.db import Database as DistrictDatabase
from district_server.stations import add_station
from server_process import free_port, run_district
from station_desk.cli import main
from station_desk.paths import Paths
from station_desk.services.backup import backup_now
from station_desk.services.context import Desk
from station_desk.store.db import Database
from station_desk.sync.commands import connect
from station_desk.sync.engine import sync_once
from station_desk.sync.health import error_setting


def doctor(paths: Paths, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict, dict]:
    code = main(["--data-dir", str(paths.root), "doctor", "--json"])
    report = json.loads(capsys.readouterr().out)
    return code, {c["check"]: c for c in report["checks"]}, report["sync"]


def put_settings(db_path: Path, **values: str) -> None:
    with sqlite3.connect(db_path) as conn:
        for key, value in values.items():
            conn.execute(
                "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", ("sync." + key, value)
            )


def _ago(**delta: float) -> str:
    return (datetime.now() - timedelta(**delta)).isoformat(timespec="seconds")


@pytest.fixture
def offline_desk(tmp_path: Path) -> Paths:
    """Demo data, connected to a server address where nothing listens."""
    paths = data_with_demo(tmp_path / "data", workers=3, postings=1)
    backup_now(paths, "manual")
    put_settings(paths.database, server_url=f"http://127.0.0.1:{free_port()}", token="t")
    with sqlite3.connect(paths.database) as conn:
        conn.execute("UPDATE outbox SET created_at = ?", (_ago(hours=3).replace("T", " "),))
    return paths


def test_a_sync_stuck_for_an_hour_is_a_problem_with_the_reason_and_what_to_do(
    offline_desk: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    put_settings(
        offline_desk.database,
        last_error=error_setting("offline", "连不上区里的服务器（网络断开或服务器未开）"),
        error_since=_ago(hours=1),
        last_attempt=_ago(seconds=40),
        last_success=_ago(hours=2),
    )
    code, checks, sync = doctor(offline_desk, capsys)
    assert code == 1
    stuck = checks["sync_stuck"]
    assert stuck["level"] == "error" and stuck["message"].startswith(
        "同步卡住了：连不上区里的服务器"
    )
    assert "网线" in stuck["message"] and "保存在本机" in stuck["message"]
    assert checks["last_error"]["level"] == "warn" and "连不上" in checks["last_error"]["message"]
    assert sync["stuck"]["kind"] == "offline"
    assert sync["last_error"]["kind"] == "offline" and sync["last_error"]["since"]
    assert sync["pending"] > 0 and sync["oldest_pending"].startswith(_ago(hours=3)[:13])
    assert sync["last_success"] and sync["last_attempt"]

    assert main(["--data-dir", str(offline_desk.root), "doctor"]) == 1
    text = capsys.readouterr().out
    assert "✗ 同步卡住了" in text and "1 个问题" in text


def test_a_refused_token_recorded_by_the_last_sync_is_a_problem_at_once(
    offline_desk: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    put_settings(
        offline_desk.database,
        last_error=error_setting("auth", "本驿站已被停用"),
        error_since=_ago(minutes=2),
        last_attempt=_ago(minutes=2),
    )
    code, checks, sync = doctor(offline_desk, capsys)
    assert code == 1 and sync["stuck"]["kind"] == "auth"
    assert "配置文件" in checks["sync_stuck"]["message"]


def test_a_brief_outage_is_only_a_note_and_the_figures_are_there(
    offline_desk: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    put_settings(
        offline_desk.database,
        last_error=error_setting("server", "服务器出错（503），稍后会自动重试"),
        error_since=_ago(minutes=5),
        last_attempt=_ago(minutes=1),
    )
    code, checks, sync = doctor(offline_desk, capsys)
    assert code == 0  # the desk retries by itself; nothing for staff to do yet
    assert checks["sync_stuck"]["level"] == "ok"
    assert checks["last_error"]["level"] == "warn"
    assert (
        "503" in checks["last_error"]["message"] and "自动重试" in checks["last_error"]["message"]
    )
    assert "最早" in checks["pending"]["message"] and "起" in checks["pending"]["message"]
    assert sync["last_error"]["kind"] == "server" and sync["stuck"] is None
    assert sync["last_success"] is None


def test_after_a_real_sync_the_doctor_reports_success_and_nothing_pending(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = data_with_demo(tmp_path / "data", workers=3, postings=1)
    backup_now(paths, "manual")
    with run_district(tmp_path / "district") as (base_url, db_url):
        district = DistrictDatabase(db_url)
        issued = add_station(district, f"清河镇驿站-{uuid.uuid4().hex[:4]}")
        district.dispose()
        database = Database(paths.database)
        desk = Desk(database)
        connect(desk, base_url, issued.token)
        # A failure recorded earlier is cleared by the next success.
        put_settings(paths.database, last_error=error_setting("offline", "连不上"),
                     error_since=_ago(hours=5))  # fmt: skip
        sync_once(desk)
        database.close()
        code, checks, sync = doctor(paths, capsys)
    assert code == 0, checks
    assert sync["pending"] == 0 and sync["oldest_pending"] is None
    assert sync["last_error"] is None and sync["stuck"] is None
    assert datetime.now() - datetime.fromisoformat(sync["last_success"]) < timedelta(minutes=5)
    assert "last_error" not in checks and checks["sync_stuck"]["level"] == "ok"
    assert checks["pending"]["message"] == "所有修改都已上传到区里。"
