"""Scenario: two stations 120 days offline, each with over a thousand changes, then the line
comes back.

Both desks run on simulated clocks (Desk(clock=...)) from day 0, when they last synced, to
day 120 (in the future, as far as the district server's own clock knows): every ten days each imports a ledger of new people, and along the way both edit
the same people they shared on day 0. Recovery is plain syncing: no reset, no wipe, no
re-download from the start. Every row made offline is still there and reaches the other
station once; each pull fetches exactly what the other side did meanwhile; for the people
both edited, the later edit wins and the other is in the conflict log.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from sqlmodel import select

from faults.scenario_support import cursor, export, pending, people
from station_desk.services.context import Desk
from station_desk.services.ledger_import import import_ledger
from station_desk.services.workers import draft_from_worker, edit_worker
from station_desk.store.models import ConflictLog, Worker
from station_desk.sync.engine import sync_once

DAY = 24 * 3600.0
OFFLINE_DAYS = 120
SHARED = 60  # people both stations hold on day 0
BATCH = 100  # people imported per station every ten days
EDITS_EVERY = 2  # days: each station edits one shared person's phone every other day


@dataclass
class SimClock:
    now: float

    def __call__(self) -> float:
        return self.now


def _import(desk: Desk, folder: Path, name: str, start: int, region: str) -> None:
    rows = people(BATCH, start, region)
    path = folder / f"{name}-{start}.csv"
    lines = ["姓名,公民身份号码,联系电话"] + [f"{p.name},{p.id_number},{p.phone}" for p in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert import_ledger(desk, path).added.get("worker") == BATCH


def _worker_ids(desk: Desk) -> set[str]:
    with desk.db.read() as session:
        return set(session.exec(select(Worker.id)).all())


def _edit_phone(desk: Desk, worker_id: str, phone: str) -> None:
    with desk.db.read() as session:
        worker = session.get(Worker, worker_id)
        assert worker is not None
        draft = draft_from_worker(worker)
    edit_worker(desk, worker_id, replace(draft, phone=phone))


@pytest.mark.slow
def test_120_days_offline_with_thousands_of_changes_recovers_without_any_reset(
    station: Callable[[str], Desk], tmp_path: Path
) -> None:
    # Day 0 is now and the desks' clocks run on to day 120: the server keeps real time, as if
    # it had been off the whole time (its clock moves on with the first stamps it sees).
    day0 = time.time()
    clock_a, clock_b = SimClock(day0), SimClock(day0 + 300)  # b's PC is 5 minutes fast
    a, b = station("a"), station("b")
    a.clock, b.clock = clock_a, clock_b
    _import(a, tmp_path, "a", 20_000, "330127")
    with a.db.read() as session:
        shared = sorted(session.exec(select(Worker.id)).all())[:SHARED]
    sync_once(a)
    sync_once(b)
    assert _worker_ids(b) >= set(shared)
    cursors = (cursor(a), cursor(b))

    latest: dict[str, tuple[float, str, str]] = {}  # worker -> (time, station, phone)
    for day in range(1, OFFLINE_DAYS + 1):  # offline: nobody syncs
        clock_a.now, clock_b.now = day0 + day * DAY, day0 + day * DAY + 300
        if day % 10 == 0:
            _import(a, tmp_path, "a", 20_000 + day * 10, "110105")
            _import(b, tmp_path, "b", 40_000 + day * 10, "411425")
        if day % EDITS_EVERY == 0:
            for desk, clock, name, offset in ((a, clock_a, "a", 0), (b, clock_b, "b", 7)):
                target = shared[(day // EDITS_EVERY + offset) % SHARED]
                phone = f"13{day:03d}{offset:02d}{len(latest):04d}"[:11]
                _edit_phone(desk, target, phone)
                if target not in latest or clock.now > latest[target][0]:
                    latest[target] = (clock.now, name, phone)
    waiting_a, waiting_b = pending(a), pending(b)
    assert len(waiting_a) > 1000 and len(waiting_b) > 1000  # thousands of changes in all
    before_a, before_b = _worker_ids(a), _worker_ids(b)

    pushed_a = sync_once(a)  # day 120: the line is back
    pulled_b = sync_once(b)
    pulled_a = sync_once(a)

    assert (pushed_a.pushed, pushed_a.rejected) == (len(waiting_a), 0)
    assert (pulled_b.pushed, pulled_b.rejected) == (len(waiting_b), 0)
    assert pulled_b.pulled == len(waiting_a)  # exactly a's offline changes: no re-download
    assert pulled_a.pulled == len(waiting_b)
    assert cursor(a) > cursors[0] and cursor(b) > cursors[1]
    assert pending(a) == [] and pending(b) == []
    assert before_a <= _worker_ids(a) and before_b <= _worker_ids(b)  # nothing wiped
    assert _worker_ids(a) == _worker_ids(b) == before_a | before_b
    assert len(before_a | before_b) == BATCH * (1 + 2 * OFFLINE_DAYS // 10)
    for worker_id, (_when, _name, phone) in latest.items():
        with a.db.read() as session:
            assert session.get(Worker, worker_id).phone == phone  # type: ignore[union-attr]
    with a.db.read() as session:
        assert session.exec(select(ConflictLog)).first() is not None  # both edited, logged
    assert export(a, tmp_path / "a.json") == export(b, tmp_path / "b.json")
