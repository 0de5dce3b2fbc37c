"""Scenario: the district server answers 5xx for 30 minutes, then comes back; the outbox drains
within 60 s of its return, and the desk never tries in a busy loop.

The desk's wait between attempts is sync.schedule.next_delay(failures) (the background sync
in ui/sync_controller.py asks it after every attempt). Here a simulated clock advances by
those waits while every attempt is a real sync_once through the fault proxy, which answers
503 until the simulated half hour is over. The attempts are counted, every wait is checked,
and the attempt after the server's return really empties the outbox.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator

import pytest

from faults.proxy import Fault, FaultPlan, FaultProxy
from faults.scenario_support import op_counts, pending, people, stream, through
from station_desk.services.context import Desk
from station_desk.services.workers import register_worker
from station_desk.sync import schedule
from station_desk.sync.client import SyncError
from station_desk.sync.engine import sync_once

OUTAGE_S = 30 * 60
DRAIN_WITHIN_S = 60


@pytest.fixture
def proxy(district: tuple[str, str]) -> Iterator[FaultProxy]:
    with FaultProxy(district[0], FaultPlan(seed=13)) as running:
        yield running


def test_30_minutes_of_5xx_back_off_capped_then_the_outbox_drains_within_a_minute(
    district: tuple[str, str], proxy: FaultProxy, station: Callable[[str], Desk]
) -> None:
    a, reader = station("a"), station("reader")
    through(a, proxy.url)
    for draft in people(3, start=7000):
        register_worker(a, draft)
    waiting = pending(a)
    proxy.plan.add(Fault.status(503), times=10_000)  # until the server "returns"

    now, failures, attempts = 0.0, 0, []
    while now < OUTAGE_S:  # simulated time: each loop is one attempt of the desk
        attempts.append(now)
        assert len(attempts) <= OUTAGE_S / schedule.INTERVAL_S + 1, "trying in a busy loop"
        with pytest.raises(SyncError) as failed:
            sync_once(a)
        assert failed.value.kind == "server" and "503" in failed.value.message
        failures += 1
        now += schedule.next_delay(failures)

    gaps = [later - earlier for earlier, later in itertools.pairwise(attempts)]
    assert min(gaps) >= schedule.INTERVAL_S  # never a busy loop
    assert max(gaps) <= DRAIN_WITHIN_S  # the back-off is capped
    assert OUTAGE_S / DRAIN_WITHIN_S <= len(attempts) <= OUTAGE_S / schedule.INTERVAL_S + 1
    assert proxy.actions() == ["status"] * len(attempts)  # one request per attempt, no retries
    assert [row.op_id for row in pending(a)] == [row.op_id for row in waiting]  # all kept

    proxy.plan.clear()  # the server is back at OUTAGE_S; the next attempt comes at `now`
    assert now - OUTAGE_S <= DRAIN_WITHIN_S
    summary = sync_once(a)

    assert summary.pushed == len(waiting) and summary.pending == 0 and pending(a) == []
    counts = op_counts(stream(district[0], reader), a)
    assert [counts[(row.record_id, row.hlc)] for row in waiting] == [1] * len(waiting)
