"""Visible sync health: the back-off schedule, when sync counts as stuck (and what staff are
told), and what `station-desk sync --once` reports while a real district server is stopped
and after it is back."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import time
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import requests
from sqlmodel import select

from district_server.db import Database as DistrictDatabase
from district_server.stations import add_station
from server_process import HEALTH_PATH, free_port, server_command
from station_desk.cli import main
from station_desk.domain.worker import WorkerDraft
from station_desk.services.context import Desk
from station_desk.services.workers import register_worker
from station_desk.store.db import Database
from station_desk.store.models import Outbox
from station_desk.store.settings import put_setting
from station_desk.sync import health
from station_desk.sync.client import SyncError
from station_desk.sync.commands import connect
from station_desk.sync.engine import sync_health, sync_once
from station_desk.sync.health import ADVICE, STUCK_AFTER, SyncHealth, stuck_state
from station_desk.sync.schedule import MAX_BACKOFF_S, next_delay

NOW = datetime(2026, 11, 26, 10, 0, 0)


# -- the back-off schedule (pure) -------------------------------------------------------------


def test_the_wait_doubles_after_each_failure_and_never_exceeds_a_minute() -> None:
    assert next_delay(0) == 15.0  # all well: every 15 s
    assert [next_delay(n) for n in (1, 2, 3, 10, 10_000)] == [30.0, 60.0, 60.0, 60.0, 60.0]
    assert next_delay(-3) == 15.0
    assert next_delay(1, base=2.0, cap=5.0) == 4.0 and next_delay(9, base=2.0, cap=5.0) == 5.0
    with pytest.raises(ValueError):
        next_delay(1, base=0)


def test_thirty_minutes_of_failures_try_about_once_a_minute_and_catch_up_within_one() -> None:
    t, failures, attempts = 0.0, 0, []
    while t < 30 * 60:  # a fake clock: the server answers 5xx for 30 minutes
        attempts.append(t)
        failures += 1
        t += next_delay(failures)
    gaps = [b - a for a, b in itertools.pairwise(attempts)]
    assert max(gaps) == MAX_BACKOFF_S  # the server back at any moment: tried within 60 s
    assert min(gaps) >= 15.0  # no busy loop
    assert 30 <= len(attempts) <= 33  # about one attempt a minute, not thousands


# -- when is sync stuck (pure) ----------------------------------------------------------------


def _failing(kind: str, minutes: float, **more: object) -> SyncHealth:
    values: dict[str, object] = {
        "connected": True,
        "pending": 2,
        "oldest_pending": NOW - timedelta(minutes=minutes + 5),
        "last_attempt": NOW - timedelta(seconds=30),
        "error_kind": kind,
        "error_message": "连不上区里的服务器",
        "error_since": NOW - timedelta(minutes=minutes),
    }
    values.update(more)
    return SyncHealth(**values)  # type: ignore[arg-type]


def test_the_same_error_for_more_than_thirty_minutes_is_stuck_with_reason_and_what_to_do() -> None:
    assert stuck_state(_failing("offline", 29), NOW) is None  # a short outage is normal
    stuck = stuck_state(_failing("offline", 31), NOW)
    assert stuck is not None and stuck.kind == "offline"
    assert stuck.since == NOW - timedelta(minutes=31)
    assert "网线" in stuck.action and "4G" in stuck.action and "不会丢" not in stuck.reason
    assert stuck.text().startswith("同步卡住了：连不上区里的服务器")
    assert "（从 11-26 09:29 起）" in stuck.text()
    assert stuck_state(_failing("offline", 10), NOW, stuck_after=timedelta(minutes=5))


def test_each_kind_of_error_gets_its_own_plain_chinese_advice() -> None:
    said = {kind: stuck_state(_failing(kind, 45), NOW) for kind in ADVICE if kind != "stale"}
    assert all(s is not None for s in said.values())
    assert "令牌" in said["auth"].reason and "配置文件" in said["auth"].action  # type: ignore[union-attr]
    assert "故障" in said["server"].reason and "不会丢" in said["server"].action  # type: ignore[union-attr]
    assert "更新" in said["protocol"].action  # type: ignore[union-attr]
    assert len({s.action for s in said.values() if s}) == len(said)
    unknown = stuck_state(_failing("something-new", 45), NOW)
    assert unknown is not None and unknown.action == ADVICE["local"][1]


def test_a_refused_token_is_stuck_at_once_and_working_offline_by_choice_never() -> None:
    assert stuck_state(_failing("auth", 1), NOW) is not None  # retrying will not fix it
    assert stuck_state(_failing("offline", 600, connected=False), NOW) is None
    assert stuck_state(SyncHealth(connected=True), NOW) is None  # never tried yet, nothing due


def test_changes_waiting_a_day_while_the_desk_kept_trying_are_stuck() -> None:
    waiting = SyncHealth(
        connected=True,
        pending=3,
        oldest_pending=NOW - timedelta(days=2),
        last_attempt=NOW - timedelta(minutes=1),
    )
    stuck = stuck_state(waiting, NOW)
    assert stuck is not None and stuck.kind == "stale" and "F5" in stuck.action
    # The desk was switched off over the weekend: Friday's changes are not "stuck" on Monday
    # morning before it has even tried.
    weekend = SyncHealth(
        connected=True,
        pending=3,
        oldest_pending=NOW - timedelta(days=3),
        last_attempt=NOW - timedelta(days=3, minutes=-5),
    )
    assert stuck_state(weekend, NOW) is None


# -- the engine records it; sync --once reports it (real server) ------------------------------


class RestartableServer:
    """`district-server serve` on one fixed port, stopped and started again by the test."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.db_url = f"sqlite:///{folder / 'district.db'}"
        schema = DistrictDatabase(self.db_url)
        schema.create_schema()
        schema.dispose()
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        command = [*server_command(), "serve", "--db", self.db_url, "--data-dir", str(self.folder)]
        command += ["--host", "127.0.0.1", "--port", str(self.port), "--log-level", "warning"]
        with open(self.folder / "server.log", "ab") as log:
            self.process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ)
            )
        for _ in range(600):
            try:
                if requests.get(self.url + HEALTH_PATH, timeout=1).status_code == 200:
                    return
            except requests.RequestException:
                time.sleep(0.05)
        raise RuntimeError("district-server did not start")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RestartableServer]:
    running = RestartableServer(tmp_path / "district")
    running.start()
    yield running
    running.stop()


def _station(server: RestartableServer, folder: Path, **desk_options: object) -> Desk:
    database = DistrictDatabase(server.db_url)
    issued = add_station(database, f"清河镇驿站-{uuid.uuid4().hex[:6]}")
    database.dispose()
    desk = Desk(Database(folder / "station.db"), **desk_options)  # type: ignore[arg-type]
    connect(desk, server.url, issued.token)
    return desk


def _sync_once(folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict, str]:
    code = main(["--data-dir", str(folder), "sync", "--once"])
    captured = capsys.readouterr()
    return code, json.loads(captured.out.strip().splitlines()[-1]), captured.err


def test_sync_once_reports_a_stopped_server_then_clears_when_it_is_back(
    server: RestartableServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "desk"
    desk = _station(server, folder)
    register_worker(
        desk, WorkerDraft(name="王秀英", id_number="110105198003070012", phone="13812345678")
    )
    with desk.db.read() as session:
        made = session.exec(select(Outbox.created_at)).one()
    server.stop()

    code, report, err = _sync_once(folder, capsys)
    assert code == 4 and "连不上" in err
    assert {"pushed", "pulled", "pending", "conflicts", "merged"} <= set(report)
    assert report["pending"] == 1 and report["last_success"] is None
    assert datetime.fromisoformat(report["oldest_pending"]) == made.replace(microsecond=0)
    first = report["last_error"]
    assert first["kind"] == "offline" and "连不上" in first["message"] and first["since"]
    assert report["stuck"] is None  # a few seconds of outage is not stuck

    code, report, _ = _sync_once(folder, capsys)  # the same error again: since stays put
    assert code == 4 and report["last_error"]["since"] == first["since"]

    with desk.db.write() as session:  # as if the line had been down for 40 minutes
        since = (datetime.now() - timedelta(minutes=40)).isoformat(timespec="seconds")
        put_setting(session, health.ERROR_SINCE_KEY, since)
    code, report, err = _sync_once(folder, capsys)
    assert code == 4 and report["stuck"]["kind"] == "offline"
    assert "同步卡住了" in err and "网线" in err

    server.start()
    code, report, err = _sync_once(folder, capsys)
    assert code == 0, err
    assert report["pushed"] == 1 and report["pending"] == 0 and report["oldest_pending"] is None
    assert report["last_error"] is None and report["stuck"] is None
    assert datetime.now() - datetime.fromisoformat(report["last_success"]) < timedelta(minutes=5)


def test_the_engine_keeps_since_while_the_same_error_repeats_and_restarts_it_on_a_new_one(
    server: RestartableServer, tmp_path: Path
) -> None:
    clock = {"t": datetime(2026, 11, 26, 9, 0).timestamp()}
    desk = _station(server, tmp_path / "desk", clock=lambda: clock["t"])
    register_worker(
        desk, WorkerDraft(name="李四", id_number="110105199003070017", phone="13700001111")
    )
    server.stop()
    for minutes in (0, 20, 35):  # three failed attempts over 35 minutes of a fake clock
        clock["t"] = datetime(2026, 11, 26, 9, minutes).timestamp()
        with pytest.raises(SyncError):
            sync_once(desk)
    state = sync_health(desk)
    assert state.error_kind == "offline" and state.error_since == datetime(2026, 11, 26, 9, 0)
    assert state.last_attempt == datetime(2026, 11, 26, 9, 35)
    assert stuck_state(state, desk.now()) is not None
    assert desk.now() - state.error_since > STUCK_AFTER

    with desk.db.write() as session:  # a different error (the token) starts a new run
        put_setting(session, "sync.token", "no-longer-valid")
    server.start()
    clock["t"] = datetime(2026, 11, 26, 9, 40).timestamp()
    with pytest.raises(SyncError) as refused:
        sync_once(desk)
    assert refused.value.kind == "auth"
    state = sync_health(desk)
    assert state.error_kind == "auth" and state.error_since == datetime(2026, 11, 26, 9, 40)
    assert state.pending == 1  # nothing lost on the way
