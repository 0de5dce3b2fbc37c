"""Sync through a faulty network and a server that dies: nothing lost, nothing doubled, a clear
Chinese message, and the desks converge once the network heals."""

from __future__ import annotations

import json
import re
import subprocess
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from proxy import DistrictProcess, Fault, FaultPlan, FaultProxy
from sqlmodel import col, select

from district_server.db import Database as DistrictDatabase
from district_server.stations import add_station
from server_process import run_district, server_command
from station_desk.domain.idcard import make_id_number
from station_desk.domain.worker import WorkerDraft
from station_desk.reports.ledger_export import export_ledger
from station_desk.services.context import Desk
from station_desk.services.workers import edit_worker, register_worker
from station_desk.store.db import Database
from station_desk.store.models import Outbox, Worker
from station_desk.store.settings import get_setting
from station_desk.sync import engine
from station_desk.sync.client import DistrictClient, SyncError
from station_desk.sync.commands import connect
from station_desk.sync.engine import CURSOR_KEY, connection, sync_once
from station_desk.sync.protocol import PulledChange

CHINESE = re.compile(r"[\u4e00-\u9fff]")
StationMaker = Callable[[str, str], Desk]  # (name, server URL the desk talks to)


def _people(n: int, start: int = 0) -> list[WorkerDraft]:
    return [
        WorkerDraft(
            name="赵" + "一二三四五六七八九十"[i % 10] + "明",
            id_number=make_id_number("411425", date(1980, 1, 1 + i % 28), 300 + start + i),
            phone=f"137{start + i:08d}",
        )
        for i in range(n)
    ]


@pytest.fixture
def district(tmp_path: Path) -> Iterator[tuple[str, str]]:
    with run_district(tmp_path / "district") as running:
        yield running


@pytest.fixture
def proxy(district: tuple[str, str]) -> Iterator[FaultProxy]:
    with FaultProxy(district[0], FaultPlan(seed=20240501)) as running:
        yield running


def _station_maker(db_url: str, folder: Path) -> Iterator[StationMaker]:
    opened: list[Database] = []

    def make(name: str, server_url: str) -> Desk:
        database = DistrictDatabase(db_url)
        issued = add_station(database, f"{name}-{uuid.uuid4().hex[:6]}")
        database.dispose()
        local = Database(folder / name / "station.db")
        opened.append(local)
        desk = Desk(local)
        connect(desk, server_url, issued.token)
        return desk

    yield make
    for local in opened:
        local.close()


@pytest.fixture
def station(district: tuple[str, str], tmp_path: Path) -> Iterator[StationMaker]:
    yield from _station_maker(district[1], tmp_path / "desks")


def _pending(desk: Desk) -> list[tuple[str, str, str]]:
    """(op_id, record_id, hlc) of every change not yet acknowledged by the server."""
    with desk.db.read() as session:
        rows = session.exec(
            select(Outbox).where(col(Outbox.pushed_at).is_(None)).order_by(col(Outbox.seq))
        ).all()
        return [(r.op_id, r.record_id, r.hlc) for r in rows]


def _cursor(desk: Desk) -> int:
    with desk.db.read() as session:
        return int(get_setting(session, CURSOR_KEY, "0") or 0)


def _worker_ids(desk: Desk) -> set[str]:
    with desk.db.read() as session:
        return set(session.exec(select(Worker.id)).all())


def _stream(server_url: str, reader: Desk) -> list[PulledChange]:
    """The district stream as reader sees it (without reader's own changes), read directly
    from the server."""
    _server, token = connection(reader)  # type: ignore[misc]
    client, after, changes = DistrictClient(server_url, token), 0, []
    while True:
        page = client.pull(after, 500)
        changes += page.changes
        if not page.has_more or page.next_after <= after:
            return changes
        after = page.next_after


def _applied(server_url: str, reader: Desk, author: Desk, count: int) -> list[PulledChange]:
    """The stream once it holds `count` changes of `author` (queued batches are applied by
    the server shortly after they are stored), or as it is after a few seconds."""
    deadline = time.monotonic() + 10
    while True:
        stream = _stream(server_url, reader)
        mine = [c for c in stream if c.station_id == author.station_id]
        if len(mine) >= count or time.monotonic() > deadline:
            return stream
        time.sleep(0.05)


def _assert_each_once(stream: list[PulledChange], author: Desk, ops: list[tuple[str, str, str]]):
    counts = Counter((c.record_id, c.hlc) for c in stream if c.station_id == author.station_id)
    assert {(record, hlc): counts[(record, hlc)] for _op, record, hlc in ops} == {
        (record, hlc): 1 for _op, record, hlc in ops
    }
    assert sum(counts.values()) == len(ops)  # and nothing else from this author


def _assert_clear(error: SyncError, kinds: set[str]) -> None:
    assert error.kind in kinds, (error.kind, error.message)
    assert CHINESE.search(error.message), error.message


def _export(desk: Desk, path: Path) -> bytes:
    export_ledger(desk.db, "json", path)
    return path.read_bytes()


def test_lost_reply_after_the_server_committed_pushes_again_and_applies_once(
    district: tuple[str, str], proxy: FaultProxy, station: StationMaker, tmp_path: Path
) -> None:
    a, b = station("a", proxy.url), station("b", district[0])
    for draft in _people(3):
        register_worker(a, draft)
    ops = _pending(a)
    proxy.plan.add(Fault.lost_reply(), path="/batches")

    with pytest.raises(SyncError) as failed:
        sync_once(a)

    _assert_clear(failed.value, {"offline"})
    assert proxy.actions("/batches") == ["lost_reply"]  # it reached the server...
    _assert_each_once(_applied(district[0], b, a, len(ops)), a, ops)  # ...which applied it
    assert _pending(a) == ops  # but the desk was never told, so the outbox is as it was

    summary = sync_once(a)  # pass-through: the same ops go again

    assert summary.pushed == len(ops) and summary.pending == 0 and _pending(a) == []
    _assert_each_once(_stream(district[0], b), a, ops)  # still exactly once each
    sync_once(b)
    assert _export(a, tmp_path / "a.json") == _export(b, tmp_path / "b.json")


def test_a_lost_verdict_sends_the_batch_again_and_it_applies_once(
    district: tuple[str, str], proxy: FaultProxy, station: StationMaker, tmp_path: Path
) -> None:
    a, b = station("a", proxy.url), station("b", district[0])
    for draft in _people(3, start=20):
        register_worker(a, draft)
    ops = _pending(a)
    # The batch itself goes through; the next request (asking for its verdict) loses its reply.
    proxy.plan.add(Fault.passthrough(), path="/batches").add(Fault.lost_reply())

    with pytest.raises(SyncError) as failed:
        sync_once(a)

    _assert_clear(failed.value, {"offline"})
    assert [action for _m, p, action in proxy.log if "/batches" in p] == ["pass", "lost_reply"]
    _assert_each_once(_applied(district[0], b, a, len(ops)), a, ops)
    assert _pending(a) == ops  # no verdict reached the desk: nothing marked

    summary = sync_once(a)

    assert summary.pushed == len(ops) and summary.pending == 0 and _pending(a) == []
    _assert_each_once(_stream(district[0], b), a, ops)  # the batch sent again changed nothing
    sync_once(b)
    assert _export(a, tmp_path / "a.json") == _export(b, tmp_path / "b.json")


def test_the_desk_pushes_through_the_queue_and_falls_back_to_push_on_an_older_server(
    district: tuple[str, str], proxy: FaultProxy, station: StationMaker, tmp_path: Path
) -> None:
    a, b = station("a", proxy.url), station("b", district[0])
    for draft in _people(3, start=60):
        register_worker(a, draft)
    first = _pending(a)
    assert sync_once(a).pushed == len(first)
    posted = [(m, p) for m, p, _action in proxy.log if "/batches" in p or p.endswith("/push")]
    assert posted[0] == ("POST", "/api/v1/batches") and ("POST", "/api/v1/push") not in posted
    assert any(m == "GET" and "/batches/" in p for m, p in posted)  # the verdict was fetched

    for draft in _people(2, start=70):
        register_worker(a, draft)
    later = _pending(a)
    proxy.log.clear()
    proxy.plan.add(Fault.status(404), path="/batches")  # as a server without the queue answers

    summary = sync_once(a)

    assert summary.pushed == len(later) and summary.pending == 0
    assert [(m, p) for m, p, _action in proxy.log if "push" in p or "batches" in p] == [
        ("POST", "/api/v1/batches"),
        ("POST", "/api/v1/push"),
    ]
    _assert_each_once(_stream(district[0], b), a, first + later)


def test_a_burst_of_5xx_fails_clearly_then_the_outbox_drains(
    district: tuple[str, str], proxy: FaultProxy, station: StationMaker
) -> None:
    a, b = station("a", proxy.url), station("b", district[0])
    for draft in _people(4, start=40):
        register_worker(a, draft)
    ops = _pending(a)
    proxy.plan.add(Fault.status(503), times=2).add(Fault.status(502))

    for code in ("503", "503", "502"):
        with pytest.raises(SyncError) as failed:
            sync_once(a)
        _assert_clear(failed.value, {"server"})
        assert code in failed.value.message and "服务器出错" in failed.value.message
        assert _pending(a) == ops

    assert proxy.actions("/batches") == ["status"] * 3  # none of them was forwarded
    assert _stream(district[0], b) == []
    summary = sync_once(a)
    assert summary.pushed == len(ops) and summary.pending == 0
    _assert_each_once(_stream(district[0], b), a, ops)


@pytest.mark.parametrize("fix_length", [False, True], ids=["cut-connection", "short-body"])
def test_a_truncated_pull_reply_keeps_the_cursor_at_the_stored_rows(
    district: tuple[str, str],
    proxy: FaultProxy,
    station: StationMaker,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fix_length: bool,
) -> None:
    a, b = station("a", district[0]), station("b", proxy.url)
    for draft in _people(25, start=80):
        register_worker(a, draft)
    sync_once(a)
    monkeypatch.setattr(engine, "PULL_PAGE_SIZE", 10)
    _proxy_url, token_b = connection(b)  # type: ignore[misc]
    first_page = DistrictClient(district[0], token_b).pull(0, 10)  # what b will see first
    assert first_page.has_more
    proxy.plan.add(Fault.passthrough(), path="/pull")
    proxy.plan.add(Fault.truncate(60, fix_length=fix_length), path="/pull")

    with pytest.raises(SyncError) as failed:
        sync_once(b)

    _assert_clear(failed.value, {"protocol", "offline"})
    assert proxy.actions("/pull") == ["pass", "truncate"]
    assert _cursor(b) == first_page.next_after  # page 1 stored with its cursor, page 2 not
    assert _worker_ids(b) == {c.record_id for c in first_page.changes}

    sync_once(b)  # pass-through: resumes at page 2
    assert _worker_ids(b) == _worker_ids(a)
    assert _export(a, tmp_path / "a.json") == _export(b, tmp_path / "b.json")


def test_the_server_killed_and_restarted_desks_report_offline_then_converge(
    tmp_path: Path,
) -> None:
    db_url = f"sqlite:///{tmp_path / 'district.db'}"
    schema = DistrictDatabase(db_url)
    schema.create_schema()
    schema.dispose()
    with (
        DistrictProcess(db_url, tmp_path / "server") as server,
        FaultProxy(server.url) as proxy,
    ):
        makers = _station_maker(db_url, tmp_path / "desks")
        make = next(makers)
        a, b, reader = make("a", server.url), make("b", proxy.url), make("c", server.url)
        for draft in _people(3, start=120):
            register_worker(a, draft)
        first = _pending(a)
        sync_once(a)
        assert _pending(a) == []

        server.kill9()
        later = _people(2, start=130)
        for draft in later:
            register_worker(a, draft)
        moved = register_worker(b, _people(1, start=140)[0]).worker
        edit_worker(b, moved.id, _people(1, start=141)[0])
        waiting_a, waiting_b = _pending(a), _pending(b)
        for desk in (a, b):  # a direct (refused), b through the proxy
            with pytest.raises(SyncError) as failed:
                sync_once(desk)
            _assert_clear(failed.value, {"offline"})
        assert _pending(a) == waiting_a and _pending(b) == waiting_b
        with a.db.read() as session:
            assert json.loads(get_setting(session, engine.LAST_ERROR_KEY))["kind"] == "offline"

        server.start()  # same database, same port
        for _round in range(2):
            sync_once(a)
            sync_once(b)

        assert _pending(a) == [] and _pending(b) == []
        stream = _stream(server.url, reader)
        _assert_each_once(stream, a, first + waiting_a)
        _assert_each_once(stream, b, waiting_b)
        assert len(_worker_ids(a)) == 3 + 2 + 1
        assert _export(a, tmp_path / "a.json") == _export(b, tmp_path / "b.json")
        makers.close()


@pytest.mark.parametrize(
    "fault",
    [Fault.truncate(4000, fix_length=True), Fault.truncate(4000), Fault.status(502)],
    ids=["cut-but-complete", "connection-cut", "bad-gateway"],
)
def test_a_snapshot_download_spoilt_by_the_network_falls_back_to_pages(
    district: tuple[str, str],
    proxy: FaultProxy,
    station: StationMaker,
    fault: Fault,
    tmp_path: Path,
) -> None:
    """A new station's snapshot (docs/server.md) arrives cut short, cut but looking complete,
    or as a 502: nothing of it is used, the same cycle pulls page by page, and the station
    ends with exactly what a station that downloaded it whole has."""
    server_url, db_url = district
    source = station("source", server_url)
    for draft in _people(30, start=600):
        register_worker(source, draft)
    sync_once(source)
    built = subprocess.run(
        [*server_command(), "snapshot", "--db", db_url, "--data-dir", str(tmp_path / "district")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert built.returncode == 0, built.stderr
    proxy.plan.add(fault, path="/snapshot")
    fresh = station("fresh", proxy.url)
    summary = sync_once(fresh)
    assert ("GET", "/api/v1/snapshot", fault.action) in proxy.log
    assert summary.pulled >= 30 and _cursor(fresh) > 0
    assert not list((fresh.db.path.parent / "incoming").glob("*"))
    whole = station("whole", server_url)  # the snapshot, undisturbed
    sync_once(whole)
    export_ledger(fresh.db, "json", tmp_path / "fresh.json")
    export_ledger(whole.db, "json", tmp_path / "whole.json")
    assert (tmp_path / "fresh.json").read_bytes() == (tmp_path / "whole.json").read_bytes()
