"""kill -9 of the desk process during a push, during a pull and during a local write: the
database stays whole, nothing acknowledged goes missing, and the next sync converges.

Each scenario runs the desk as a subprocess (`station-desk --data-dir D ...`) and kills it
with SIGKILL at a known moment: for push and pull the fault proxy holds the request open with
a long delay() and the kill comes once the proxy has logged it; for the import the kill comes
a short moment after the import has taken the database's write lock (its one transaction).
Leaving the proxy cancels the held request, so it never reaches the server.

That the power-cut PRAGMAs (WAL, synchronous=FULL, foreign_keys) are set on every connection
of station_desk.store.db.Database is tested in tests/store/test_db.py.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from proxy import Fault, FaultPlan, FaultProxy

from district_server.db import Database as DistrictDatabase
from district_server.stations import add_station
from server_process import run_district
from station_desk.domain.idcard import make_id_number
from station_desk.domain.worker import WorkerDraft
from station_desk.reports.ledger_export import export_ledger
from station_desk.services.context import Desk
from station_desk.services.workers import register_worker
from station_desk.store.db import Database
from station_desk.store.settings import put_setting
from station_desk.sync.commands import connect
from station_desk.sync.engine import CURSOR_KEY, SERVER_KEY, sync_once

HOLD_S = 60.0  # how long the proxy holds the request; the desk is killed long before
WAIT_S = 15.0  # bound on waiting for the moment to kill
IMPORT_ROWS = 3000
IMPORT_KILL_AFTER_S = 0.3
DESK = Path(sys.executable).with_name("station-desk")


def _people(n: int, start: int) -> list[WorkerDraft]:
    """n distinct people; numbers from start on (the ID's birth year and sequence come from
    the number, so any range up to the tens of thousands stays unique)."""
    return [
        WorkerDraft(
            name="钱" + "一二三四五六七八九十"[k % 10] + "华",
            id_number=make_id_number(
                "330127", date(1950 + k // 1000, 1 + k % 12, 1 + k % 28), k % 1000
            ),
            phone=f"139{k:08d}",
        )
        for k in range(start, start + n)
    ]


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """One district server for the file (each test uses its own stations and people)."""
    with run_district(tmp_path_factory.mktemp("district")) as running:
        yield running


def _new_desk(db_url: str, data_dir: Path, server_url: str, people: list[WorkerDraft]) -> None:
    """A desk connected to server_url with these workers registered (committed: acknowledged
    to the clerk) and not yet synced; closed again before any subprocess opens it."""
    district = DistrictDatabase(db_url)
    issued = add_station(district, f"{data_dir.name}-{uuid.uuid4().hex[:6]}")
    district.dispose()
    local = Database(data_dir / "station.db")
    try:
        desk = Desk(local)
        connect(desk, server_url, issued.token)
        for draft in people:
            register_worker(desk, draft)
    finally:
        local.close()


def _point_at(data_dir: Path, server_url: str) -> None:
    local = Database(data_dir / "station.db")
    try:
        with local.write() as session:
            put_setting(session, SERVER_KEY, server_url)
    finally:
        local.close()


def _env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def _start(data_dir: Path, *args: str) -> subprocess.Popen[bytes]:
    command = [str(DESK), "--data-dir", str(data_dir), *args]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env())


def _run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [str(DESK), "--data-dir", str(data_dir), *args]
    return subprocess.run(
        command, capture_output=True, text=True, env=_env(), timeout=60, check=False
    )


def _wait_for(process: subprocess.Popen[bytes], ready: Callable[[], bool]) -> None:
    deadline = time.monotonic() + WAIT_S
    while not ready():
        if process.poll() is not None:
            _out, err = process.communicate()
            pytest.fail(f"desk exited ({process.returncode}) before the kill: {err.decode()}")
        if time.monotonic() > deadline:
            process.kill()
            process.wait(10)
            pytest.fail("the moment to kill the desk never came")
        time.sleep(0.01)


def _kill_when(process: subprocess.Popen[bytes], ready: Callable[[], bool]) -> None:
    _wait_for(process, ready)
    assert process.poll() is None, "the desk finished before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait(10)
    assert process.returncode == -signal.SIGKILL


def _open(data_dir: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(data_dir / "station.db")
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    return conn


def _counts(conn: sqlite3.Connection, people: list[WorkerDraft]) -> dict[str, int]:
    return {
        p.id_number: conn.execute(
            "SELECT count(*) FROM worker WHERE id_number = ?", (p.id_number,)
        ).fetchone()[0]
        for p in people
    }


def _pending(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT op_id FROM outbox WHERE pushed_at IS NULL ORDER BY seq")
    return [op_id for (op_id,) in rows]


def _pending_of(data_dir: Path) -> list[str]:
    conn = sqlite3.connect(data_dir / "station.db")
    try:
        return _pending(conn)
    finally:
        conn.close()


def _sync_clean(data_dir: Path) -> dict[str, int]:
    """`station-desk sync --once` as the clerk runs it: exit 0 and nothing pending."""
    done = _run(data_dir, "sync", "--once")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert summary["pending"] == 0
    assert _pending_of(data_dir) == []
    return summary


def _sync_in_process(data_dir: Path) -> None:
    """The same sync cycle in this process (for the bystander desks: a desk subprocess costs
    seconds of imports, and the time box of this file is about 30 s)."""
    local = Database(data_dir / "station.db")
    try:
        assert sync_once(Desk(local)).pending == 0
    finally:
        local.close()


def _export(data_dir: Path) -> bytes:
    """What `station-desk export --format json` writes (the CLI calls export_ledger)."""
    out = data_dir.parent / f"{data_dir.name}-export.json"
    local = Database(data_dir / "station.db")
    try:
        export_ledger(local, "json", out)
    finally:
        local.close()
    return out.read_bytes()


def _converges_with_a_second_desk(tmp_path: Path, district: tuple[str, str], desk: Path) -> None:
    other = tmp_path / "second"
    _new_desk(district[1], other, district[0], [])
    _sync_in_process(other)
    assert _export(desk) == _export(other)


def test_kill_9_during_a_push_keeps_the_outbox_and_the_next_sync_converges(
    district: tuple[str, str], tmp_path: Path
) -> None:
    desk, people = tmp_path / "desk", _people(30, start=100)
    with FaultProxy(district[0], FaultPlan(seed=5)) as proxy:
        _new_desk(district[1], desk, proxy.url, people)
        before = _pending_of(desk)
        assert len(before) >= len(people)
        proxy.plan.add(Fault.delay(HOLD_S), path="/batches")
        process = _start(desk, "sync", "--once")
        _kill_when(process, lambda: proxy.actions("/batches") == ["delay"])
    # leaving the proxy cancelled the held push: the server never saw it

    conn = _open(desk)
    try:
        assert _counts(conn, people) == {p.id_number: 1 for p in people}
        assert _pending(conn) == before  # nothing was confirmed, so nothing left the queue
    finally:
        conn.close()

    _point_at(desk, district[0])
    assert _sync_clean(desk)["pushed"] == len(before)
    _converges_with_a_second_desk(tmp_path, district, desk)


def test_kill_9_during_a_pull_keeps_pushed_and_local_rows_and_the_next_sync_converges(
    district: tuple[str, str], tmp_path: Path
) -> None:
    source, source_people = tmp_path / "source", _people(40, start=200)
    _new_desk(district[1], source, district[0], source_people)
    _sync_in_process(source)  # the district now holds source's rows
    desk, people = tmp_path / "desk", _people(8, start=300)
    with FaultProxy(district[0], FaultPlan(seed=6)) as proxy:
        _new_desk(district[1], desk, proxy.url, people)
        proxy.plan.add(Fault.delay(HOLD_S), path="/pull")
        process = _start(desk, "sync", "--once")
        _kill_when(process, lambda: proxy.actions("/pull") == ["delay"])
        assert proxy.actions("/batches") == ["pass"]  # the push went through before the pull

    conn = _open(desk)
    try:
        assert _counts(conn, people) == {p.id_number: 1 for p in people}
        assert _pending(conn) == []  # the server confirmed the push before the pull began
        assert _counts(conn, source_people) == {p.id_number: 0 for p in source_people}
        cursor = conn.execute("SELECT value FROM setting WHERE key = ?", (CURSOR_KEY,))
        assert cursor.fetchone() in (None, ("0",), ("",))  # no page was stored
    finally:
        conn.close()

    _point_at(desk, district[0])
    assert _sync_clean(desk)["pulled"] >= len(source_people)
    conn = _open(desk)
    try:
        assert _counts(conn, source_people + people) == {
            p.id_number: 1 for p in source_people + people
        }
    finally:
        conn.close()
    _sync_in_process(source)
    assert _export(source) == _export(desk)
    _converges_with_a_second_desk(tmp_path, district, desk)


def _write_lock_taken(path: Path) -> bool:
    """True while another connection holds the database's write lock (BEGIN IMMEDIATE)."""
    conn = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            return True
        raise
    finally:
        conn.close()


def test_kill_9_during_an_import_commits_all_or_nothing_and_the_next_sync_converges(
    district: tuple[str, str], tmp_path: Path
) -> None:
    desk, people = tmp_path / "desk", _people(10, start=400)
    _new_desk(district[1], desk, district[0], people)
    before = _pending_of(desk)
    big = tmp_path / "big.csv"
    rows = _people(IMPORT_ROWS, start=10_000)
    lines = ["姓名,公民身份号码,联系电话"] + [f"{p.name},{p.id_number},{p.phone}" for p in rows]
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")

    process = _start(desk, "import", str(big))
    lock = desk / "station.db"
    _wait_for(process, lambda: _write_lock_taken(lock))  # the import's transaction began
    time.sleep(IMPORT_KILL_AFTER_S)  # a short moment into it (the whole import takes seconds)
    _kill_when(process, lambda: _write_lock_taken(lock))

    conn = _open(desk)
    try:
        assert _counts(conn, people) == {p.id_number: 1 for p in people}
        imported = conn.execute("SELECT count(*) FROM worker").fetchone()[0] - len(people)
        assert imported in (0, IMPORT_ROWS)  # one transaction: all or nothing
        pending = _pending(conn)
        assert pending[: len(before)] == before  # every unsynced change is still queued
        if imported == 0:
            assert pending == before
    finally:
        conn.close()

    assert _sync_clean(desk)["pushed"] == len(pending)
    _converges_with_a_second_desk(tmp_path, district, desk)
