"""Scenario: a station PC whose clock is a year behind (and one three days ahead).

The wrong clocks change nothing about what syncs: the slow desk's offline registration is
accepted; after one sync its hybrid clock has caught up with the district, so an edit it
makes after seeing another station's edit wins, as the clerk expects, instead of losing for
a year. The fast desk's edit does not keep winning over later edits either.
(+3 days is also covered field by field in tests/sync/test_merge.py and on the server in
tests/server/test_server_push.py.)
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from faults.scenario_support import export, people
from station_desk.services.context import Desk
from station_desk.services.workers import draft_from_worker, edit_worker, register_worker
from station_desk.store.models import Worker
from station_desk.sync.engine import sync_once

DAY = 24 * 3600.0


def _skewed(desk: Desk, seconds: float) -> Desk:
    desk.clock = lambda: time.time() + seconds
    return desk


def _phone(desk: Desk, worker_id: str) -> str:
    with desk.db.read() as session:
        worker = session.get(Worker, worker_id)
        assert worker is not None
        return worker.phone


def _edit_phone(desk: Desk, worker_id: str, phone: str) -> None:
    with desk.db.read() as session:
        worker = session.get(Worker, worker_id)
        assert worker is not None
        draft = draft_from_worker(worker)
    edit_worker(desk, worker_id, replace(draft, phone=phone))


def test_a_desk_a_year_behind_syncs_and_its_later_edit_wins(
    station: Callable[[str], Desk], tmp_path: Path
) -> None:
    right, slow = station("right"), _skewed(station("slow"), -365 * DAY)
    shared = register_worker(right, people(1, start=8000)[0]).worker
    sync_once(right)
    offline = register_worker(slow, people(1, start=8001)[0]).worker  # stamped a year ago

    first = sync_once(slow)

    assert (first.pushed, first.rejected, first.pending) == (1, 0, 0)
    _edit_phone(right, shared.id, "13900000001")  # the correct clock's edit
    sync_once(right)
    sync_once(slow)  # sees it; its clock moves past it
    _edit_phone(slow, shared.id, "13900000002")  # made later, by a PC that thinks it is 2025
    sync_once(slow)
    sync_once(right)

    assert _phone(right, shared.id) == _phone(slow, shared.id) == "13900000002"
    with right.db.read() as session:
        assert session.get(Worker, offline.id) is not None
    assert export(right, tmp_path / "right.json") == export(slow, tmp_path / "slow.json")


def test_a_desk_three_days_ahead_does_not_keep_winning(
    station: Callable[[str], Desk], tmp_path: Path
) -> None:
    fast, right = _skewed(station("fast"), 3 * DAY), station("right")
    shared = register_worker(fast, people(1, start=8010)[0]).worker
    _edit_phone(fast, shared.id, "13900000011")  # stamped three days in the future
    sync_once(fast)
    sync_once(right)  # sees the future stamp; its clock moves past it

    _edit_phone(right, shared.id, "13900000012")  # made later in real time
    sync_once(right)
    sync_once(fast)

    assert _phone(right, shared.id) == _phone(fast, shared.id) == "13900000012"
    assert export(right, tmp_path / "right.json") == export(fast, tmp_path / "fast.json")
