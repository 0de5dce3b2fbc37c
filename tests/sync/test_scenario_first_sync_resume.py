"""Scenario: a new station's first sync is cut off at about 60 % and resumes from the last
stored page.

The district holds 50 records, pulled in pages of 5. A probe desk's first sync shows how the
stream is paged; then a new desk's first sync loses the line (the fault proxy drops the
request) at the first page that would take it past 60 %. The next sync must ask for that
page first and fetch only the pages it does not have: no stored page is fetched again.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlmodel import func, select

from faults.proxy import Fault, FaultPlan, FaultProxy
from faults.scenario_support import cursor, export, people, pull_afters, through
from station_desk.services.context import Desk
from station_desk.services.workers import register_worker
from station_desk.store.models import Worker
from station_desk.sync import engine
from station_desk.sync.client import SyncError
from station_desk.sync.engine import SyncSummary, sync_once

RECORDS, PAGE = 50, 5
SHARE = 0.6  # the line drops once this share of the records is stored


@pytest.fixture
def proxy(district: tuple[str, str]) -> Iterator[FaultProxy]:
    with FaultProxy(district[0], FaultPlan(seed=12)) as running:
        yield running


def _workers(desk: Desk) -> int:
    with desk.db.read() as session:
        return int(session.exec(select(func.count()).select_from(Worker)).one())


def _small_pages(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Pages of PAGE records (the engine grows a backlog's pages up to a cap)."""
    monkeypatch.setattr(engine, "PULL_PAGE_SIZE", PAGE)
    monkeypatch.setattr(engine, "MAX_PULL_PAGE", PAGE, raising=False)
    return {"max_page": PAGE} if "max_page" in inspect.signature(sync_once).parameters else {}


def _sync(desk: Desk, rows: list[int], **options: int) -> SyncSummary:
    """sync_once, noting the rows stored after each pulled page."""
    return sync_once(desk, progress=lambda phase, n: rows.append(n) if phase == "pull" else None,
                     **options)  # fmt: skip


def test_a_first_sync_cut_off_at_60_percent_fetches_only_the_missing_pages_next_time(
    district: tuple[str, str],
    proxy: FaultProxy,
    station: Callable[[str], Desk],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = station("source")
    for draft in people(RECORDS, start=6000):
        register_worker(source, draft)
    assert sync_once(source).pushed == RECORDS
    options = _small_pages(monkeypatch)
    probe = station("probe")  # how a first sync of this stream is paged
    through(probe, proxy.url)
    plan: list[int] = []
    _sync(probe, plan, **options)
    cut = next(i for i, rows in enumerate(plan, 1) if rows >= SHARE * RECORDS)
    assert plan[-1] == RECORDS and cut < len(plan)
    fresh = station("fresh")
    through(fresh, proxy.url)
    seen = len(proxy.targets)
    proxy.plan.add(Fault.passthrough(), path="/pull", times=cut)
    proxy.plan.add(Fault.reset(), path="/pull")

    with pytest.raises(SyncError):
        _sync(fresh, [], **options)

    first = pull_afters(proxy.targets[seen:])
    assert len(first) == cut + 1 and proxy.actions("/pull")[-1] == "reset"
    stored = plan[cut - 1]
    assert _workers(fresh) == stored  # the pages before the cut are stored...
    stored_at = cursor(fresh)
    assert stored_at == first[-1]  # ...with the cursor of the page that was cut off
    seen = len(proxy.targets)

    pages: list[int] = []
    summary = _sync(fresh, pages, **options)

    second = pull_afters(proxy.targets[seen:])
    assert second[0] == stored_at  # it resumes where it stopped
    assert min(second) >= stored_at  # no stored page is fetched again
    assert summary.pulled == RECORDS - stored  # every record fetched once in all
    assert len(second) == len(pages) == len(plan) - cut  # only the missing pages
    assert _workers(fresh) == RECORDS
    assert export(source, tmp_path / "source.json") == export(fresh, tmp_path / "fresh.json")
