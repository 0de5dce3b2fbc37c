"""Rate limits: per station token, per address without a token, and for refused tokens; 429
with a JSON reason and Retry-After; a desk rides through a busy server and loses nothing.

Each test runs a server process of its own with small limits (set through the environment,
as IT would). Other addresses are simulated with X-Forwarded-For, which the server trusts
from 127.0.0.1 (uvicorn's default for --forwarded-allow-ips), as behind a local proxy.
"""

from __future__ import annotations

import re
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests
from sqlmodel import select

from district_server.core.config import RateLimits
from district_server.db import Database as DistrictDatabase
from district_server.ratelimit import Buckets
from district_server.stations import add_station
from server_process import run_server, server_command
from station_desk.cli import main
from station_desk.domain.worker import WorkerDraft
from station_desk.services.context import Desk
from station_desk.services.workers import register_worker
from station_desk.store.db import Database
from station_desk.store.models import Outbox
from station_desk.sync.client import DistrictClient
from station_desk.sync.commands import connect
from station_desk.sync.engine import connection, sync_once
from station_desk.sync.protocol import API_PREFIX

CJK = re.compile(r"[\u4e00-\u9fff]")


@contextmanager
def limited_server(folder: Path, **limits: str) -> Iterator[tuple[str, Callable[[], str]]]:
    """A server with these DISTRICT_SERVER_* limits; yields (base URL, new token)."""
    db_url = f"sqlite:///{folder / 'district.db'}"
    db = DistrictDatabase(db_url)
    db.create_schema()
    env = {f"DISTRICT_SERVER_{name.upper()}": value for name, value in limits.items()}

    def token() -> str:
        return add_station(db, f"限流驿站{time.monotonic_ns()}").token

    try:
        with run_server(db_url, folder, env=env) as base_url:
            yield base_url, token
    finally:
        db.dispose()


def bearer(token: str, address: str | None = None) -> dict[str, str]:
    headers = {"Authorization": f"Bearer {token}"}
    if address:
        headers["X-Forwarded-For"] = address
    return headers


def assert_busy(reply: requests.Response, code: str) -> int:
    assert reply.status_code == 429, reply.text
    body = reply.json()
    assert body["code"] == code and CJK.search(body["detail"])
    wait = int(reply.headers["Retry-After"])
    assert wait >= 1 and f"{wait}秒" in body["detail"]
    return wait


def test_buckets_refill_at_their_rate() -> None:
    buckets = Buckets(rate=2, burst=3)
    assert [buckets.take("k", 0.0) for _ in range(3)] == [0, 0, 0]
    assert buckets.take("k", 0.0) == pytest.approx(0.5)
    assert buckets.take("other", 0.0) == 0  # each key has its own
    assert buckets.take("k", 0.5) == 0 and buckets.take("k", 0.5) > 0
    assert [buckets.take("k", 10.0) for _ in range(4)][:3] == [0, 0, 0]  # full again, not more
    assert Buckets(rate=0, burst=1).take("k", 0.0) == 0  # rate 0: no limit


def test_defaults_leave_16_stations_syncing_every_few_seconds_alone() -> None:
    limits = RateLimits()
    per_station_per_second = 3 / 5  # push + pull (+ one more page) every 5 seconds
    assert limits.station_rate >= 10 * per_station_per_second
    assert limits.station_burst >= 100  # a first sync runs hundreds of pages at full speed


def test_one_station_over_its_limit_gets_429_and_the_others_do_not(tmp_path: Path) -> None:
    with limited_server(tmp_path, station_rate="1", station_burst="5") as (base, token):
        url = base + API_PREFIX + "/pull"
        hasty, calm = token(), token()
        assert all(
            requests.get(url, headers=bearer(hasty), timeout=5).status_code == 200 for _ in range(5)
        )
        wait = assert_busy(requests.get(url, headers=bearer(hasty), timeout=5), "rate_limited")
        assert requests.get(url, headers=bearer(calm), timeout=5).status_code == 200
        time.sleep(wait)
        assert requests.get(url, headers=bearer(hasty), timeout=5).status_code == 200


def test_guessing_tokens_is_slowed_but_working_stations_go_on(tmp_path: Path) -> None:
    limits = {"auth_failure_burst": "3", "auth_failures_per_minute": "1"}
    with limited_server(tmp_path, **limits) as (base, token):
        url = base + API_PREFIX + "/station"
        known = token()
        assert requests.get(url, headers=bearer(known), timeout=5).status_code == 200
        for guess in range(3):
            reply = requests.get(url, headers=bearer(f"guess-{guess}"), timeout=5)
            assert reply.status_code == 401
        blocked = requests.get(url, headers=bearer("guess-4"), timeout=5)
        assert assert_busy(blocked, "too_many_failures") >= 30  # about a minute per guess
        assert "令牌" in blocked.json()["detail"]
        # A token already seen working from here goes on; a new one waits like a guess...
        assert requests.get(url, headers=bearer(known), timeout=5).status_code == 200
        fresh = token()
        assert requests.get(url, headers=bearer(fresh), timeout=5).status_code == 429
        # ...but only at this address: another station's address is not affected.
        other = requests.get(url, headers=bearer(fresh, "10.1.2.3"), timeout=5)
        assert other.status_code == 200


def test_requests_without_a_token_are_limited_per_address(tmp_path: Path) -> None:
    with limited_server(tmp_path, ip_rate="0.5", ip_burst="3") as (base, _token):
        url = base + API_PREFIX + "/health"
        here, elsewhere = {"X-Forwarded-For": "10.0.0.1"}, {"X-Forwarded-For": "10.9.8.7"}
        assert [requests.get(url, headers=here, timeout=5).status_code for _ in range(3)] == [
            200
        ] * 3
        assert_busy(requests.get(url, headers=here, timeout=5), "rate_limited")
        assert requests.get(url, headers=elsewhere, timeout=5).status_code == 200


def _workers(desk: Desk, count: int, start: int) -> None:
    from datetime import date

    from station_desk.domain.idcard import make_id_number

    for i in range(count):
        number = make_id_number("411425", date(1985, 1, 1 + i % 28), start + i)
        register_worker(
            desk, WorkerDraft(name="周强", id_number=number, phone=f"137{start + i:08d}")
        )


def _pending(desk: Desk) -> list[tuple[str, object]]:
    with desk.db.read() as session:
        rows = session.exec(select(Outbox).order_by(Outbox.seq)).all()
        return [(row.op_id, row.pushed_at) for row in rows if row.pushed_at is None]


def test_a_desk_waits_out_a_busy_server_and_sends_everything(tmp_path: Path) -> None:
    # One request every two seconds, none saved up: connect takes it, push and pull must wait.
    with limited_server(tmp_path / "server", station_rate="0.5", station_burst="1") as (
        base,
        token,
    ):
        desk = Desk(Database(tmp_path / "desk" / "station.db"))
        _workers(desk, 3, 100)  # made offline, before the desk was connected
        connect(desk, base, token())
        statuses: list[int] = []
        session = requests.Session()
        session.hooks["response"].append(lambda reply, **_: statuses.append(reply.status_code))
        summary = sync_once(desk, client=DistrictClient(*connection(desk), session=session))
        assert statuses.count(429) >= 2  # push and pull were told to wait...
        assert summary.pushed == 3 and _pending(desk) == []  # ...and everything went up


def test_a_long_wait_ends_the_cycle_and_keeps_the_outbox(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # One request every 100 seconds: connect takes it, so the sync is told to wait 100 s.
    with limited_server(tmp_path / "server", station_rate="0.01", station_burst="1") as (
        base,
        token,
    ):
        desk = Desk(Database(tmp_path / "desk" / "station.db"))
        connect(desk, base, token())
        _workers(desk, 3, 500)
        before = _pending(desk)
        assert main(["--data-dir", str(tmp_path / "desk"), "sync", "--once"]) == 4
        assert "正忙" in capsys.readouterr().err
        assert _pending(desk) == before and len(before) == 3


def test_a_bad_limit_setting_stops_the_server_with_a_reason(tmp_path: Path) -> None:
    import os

    env = {**os.environ, "DISTRICT_SERVER_STATION_RATE": "fast"}
    done = subprocess.run(
        [*server_command(), "serve", "--data-dir", str(tmp_path), "--port", "9"],
        capture_output=True, text=True, timeout=60, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 2 and "DISTRICT_SERVER_STATION_RATE" in done.stderr
