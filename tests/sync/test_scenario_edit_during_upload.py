"""Scenario: the clerk saves an edit while the desk's upload is on its way to the server.

The push goes through the fault proxy, which holds it; the edit is committed meanwhile. The
batch in flight did not carry it, so the server's answer must not mark it as sent: it goes
out in the next push, and the other station ends up with it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from faults.proxy import Fault, FaultPlan, FaultProxy
from faults.scenario_support import export, op_counts, pending, people, stream, through
from station_desk.services.context import Desk
from station_desk.services.workers import draft_from_worker, edit_worker, register_worker
from station_desk.store.models import Worker
from station_desk.sync.client import SyncError
from station_desk.sync.engine import SyncSummary, sync_once

HOLD_S = 1.5  # the proxy holds the push this long; the edit is made well inside it
WAIT_S = 15.0


@pytest.fixture
def proxy(district: tuple[str, str]) -> Iterator[FaultProxy]:
    with FaultProxy(district[0], FaultPlan(seed=11)) as running:
        yield running


def _wait_for(ready: Callable[[], bool]) -> None:
    deadline = time.monotonic() + WAIT_S
    while not ready():
        assert time.monotonic() < deadline, "the moment never came"
        time.sleep(0.005)


def test_an_edit_saved_while_the_push_is_in_flight_goes_out_in_the_next_push(
    district: tuple[str, str],
    proxy: FaultProxy,
    station: Callable[[str], Desk],
    tmp_path: Path,
) -> None:
    a, b = station("a"), station("b")
    through(a, proxy.url)
    worker = register_worker(a, people(1, start=5100)[0]).worker
    [registration] = pending(a)
    proxy.plan.add(Fault.delay(HOLD_S), path="/batches")
    result: dict[str, SyncSummary | SyncError] = {}

    def background_sync() -> None:
        try:
            result["summary"] = sync_once(a)
        except SyncError as error:
            result["error"] = error

    syncing = threading.Thread(target=background_sync)
    syncing.start()
    _wait_for(lambda: proxy.actions("/batches") == ["delay"])  # the batch has left the desk
    edit_worker(a, worker.id, replace(draft_from_worker(worker), phone="13911112222"))
    [edit] = [row for row in pending(a) if row.op_id != registration.op_id]
    syncing.join(WAIT_S + HOLD_S)

    summary = result.get("summary")
    assert isinstance(summary, SyncSummary), result
    assert proxy.actions("/batches") == ["delay", "pass"]  # the edit went in a push of its own
    assert summary.pushed == 2 and summary.pending == 0 and pending(a) == []
    counts = op_counts(stream(district[0], b), a)
    assert counts[(worker.id, registration.hlc)] == 1 and counts[(worker.id, edit.hlc)] == 1

    sync_once(b)
    with b.db.read() as session:
        arrived = session.get(Worker, worker.id)
        assert arrived is not None and arrived.phone == "13911112222"
    assert export(a, tmp_path / "a.json") == export(b, tmp_path / "b.json")
