"""station-desk audit [--json]: the trail of views, exports and printouts, as IT reads it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from station_desk.cli import main
from station_desk.domain.worker import WorkerDraft
from station_desk.services.context import Desk
from station_desk.services.workers import register_worker, reveal_worker
from station_desk.store.db import Database

SAMPLE_ID = "11010519491231002X"


def _run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def _registered(data_dir: Path) -> str:
    data_dir.mkdir(parents=True, exist_ok=True)
    database = Database(data_dir / "station.db")
    try:
        desk = Desk(database, staff="李娟")
        draft = WorkerDraft(name="王秀英", id_number=SAMPLE_ID, phone="13812345678")
        worker_id = register_worker(desk, draft).worker.id
        reveal_worker(Desk(database, staff="小张"), worker_id, "phone")
        return worker_id
    finally:
        database.close()


def test_json_lists_views_and_exports_newest_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    worker_id = _registered(data)
    assert _run(data, "export", "--format", "json", "--out", str(tmp_path / "all.json")) == 0
    capsys.readouterr()
    assert _run(data, "audit", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["action"] for r in rows] == ["export", "reveal", "register_worker"]
    assert set(rows[0]) == {"at", "staff", "action", "record_kind", "record_id", "detail"}
    export = json.loads(rows[0]["detail"])
    assert export["reason"] == "命令行导出" and export["worker_ids"] == [worker_id]
    assert (rows[1]["staff"], rows[1]["record_id"]) == ("小张", worker_id)
    assert rows[0]["at"] >= rows[1]["at"] >= rows[2]["at"]


def test_filters_and_the_plain_listing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    worker_id = _registered(data)
    capsys.readouterr()
    assert _run(data, "audit", "--json", "--staff", "小张") == 0
    assert [r["action"] for r in json.loads(capsys.readouterr().out)] == ["reveal"]
    assert _run(data, "audit", "--json", "--record", worker_id, "--limit", "1") == 0
    assert [r["action"] for r in json.loads(capsys.readouterr().out)] == ["reveal"]
    assert _run(data, "audit", "--json", "--since", "2999-01-01") == 0
    assert json.loads(capsys.readouterr().out) == []
    assert _run(data, "audit") == 0
    out = capsys.readouterr().out
    assert "查看完整号码" in out and "小张" in out and "电话" in out
    assert SAMPLE_ID not in out and "13812345678" not in out


def test_a_bad_date_is_refused_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(tmp_path / "data", "audit", "--since", "26-11-2026") == 2
    assert "YYYY-MM-DD" in capsys.readouterr().out


def test_export_reason_given_on_the_command_line_is_in_the_trail(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    _registered(data)
    out = str(tmp_path / "all.csv")
    assert _run(data, "export", "--format", "csv", "--out", out, "--reason", "月度报送") == 0
    capsys.readouterr()
    assert _run(data, "audit", "--json", "--limit", "1") == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["action"] == "export" and json.loads(row["detail"])["reason"] == "月度报送"
