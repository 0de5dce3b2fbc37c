"""A first sync is a bulk load: pages grow, the indexes are built once at the end, and a pull
cut off (or killed) half-way never leaves records that search cannot find."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from station_desk.services.context import Desk
from station_desk.services.demo import fill_demo
from station_desk.store import search, trade_index
from station_desk.store.db import sqlite_connection
from station_desk.store.models import SYNCED_MODELS
from station_desk.store.rows import storage_converters
from station_desk.sync import engine
from station_desk.sync.client import DistrictClient, SyncError
from station_desk.sync.engine import CURSOR_KEY, connection, sync_once
from station_desk.sync.merge import PageApplier, _to_storage, finish_index, index_pending
from station_desk.sync.protocol import MAX_PULL_PAGE

StationMaker = Callable[[str], Desk]


def _rows(desk: Desk, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    with desk.db.read() as session:
        return list(sqlite_connection(session).execute(sql, args).fetchall())


def _found(desk: Desk, kind: str, query: str) -> set[str]:
    with desk.db.read() as session:
        return set(search.search_ids(sqlite_connection(session), kind, query, limit=5000))


def _assert_searchable(desk: Desk) -> None:
    """Every worker the desk holds is found by its name and by the last six characters of
    its ID number, every posting by its trade, and the matching table is what a full rebuild
    makes of the stored workers."""
    workers = _rows(desk, "SELECT id, name, id_number FROM worker WHERE NOT deleted")
    assert workers, "nothing was pulled"
    for worker_id, name, id_number in workers:
        assert worker_id in _found(desk, "worker", name), name
        assert worker_id in _found(desk, "worker", id_number[-6:]), id_number
    for posting_id, occupation in _rows(
        desk, "SELECT id, occupation_name FROM posting WHERE NOT deleted"
    ):
        assert posting_id in _found(desk, "posting", occupation), occupation
    before = sorted(_rows(desk, "SELECT * FROM worker_trade"))
    assert before, "no worker has a trade"
    with desk.db.write() as session:
        trade_index.rebuild(sqlite_connection(session))
    assert sorted(_rows(desk, "SELECT * FROM worker_trade")) == before
    with desk.db.read() as session:
        assert not index_pending(sqlite_connection(session))


@pytest.fixture
def source(station: StationMaker) -> Desk:
    desk = station("source")
    fill_demo(desk, workers=70, postings=20, employers=6, seed=11)
    sync_once(desk)
    return desk


def test_a_first_sync_grows_its_pages_and_finds_every_pulled_record(
    station: StationMaker, source: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = station("fresh")
    monkeypatch.setattr(engine, "PULL_PAGE_SIZE", 10)
    limits: list[int] = []
    real_pull = DistrictClient.pull

    def counting_pull(self: DistrictClient, after: int, limit: int):  # type: ignore[no-untyped-def]
        limits.append(limit)
        return real_pull(self, after, limit)

    monkeypatch.setattr(DistrictClient, "pull", counting_pull)
    summary = sync_once(fresh)
    assert summary.pulled >= 96  # 70 workers, 20 postings, 6 employers (and stations)
    assert limits[:4] == [10, 20, 40, 80]  # a backlog is fetched in growing pages
    assert max(limits) <= MAX_PULL_PAGE
    _assert_searchable(fresh)

    # Later (incremental) pulls index as they go: a new registration is found at once.
    fill_demo(source, workers=3, postings=0, employers=0, seed=12)
    sync_once(source)
    limits.clear()
    sync_once(fresh)
    assert limits == [10]
    _assert_searchable(fresh)


def test_a_first_sync_cut_off_half_way_keeps_what_it_stored_searchable_and_resumes(
    station: StationMaker, source: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = station("fresh")
    monkeypatch.setattr(engine, "PULL_PAGE_SIZE", 10)
    calls = {"n": 0}
    real_pull = DistrictClient.pull

    def flaky_pull(self: DistrictClient, after: int, limit: int):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 3:
            raise SyncError("offline", "连不上区里的服务器（网络断开或服务器未开）")
        return real_pull(self, after, limit)

    monkeypatch.setattr(DistrictClient, "pull", flaky_pull)
    with pytest.raises(SyncError):
        sync_once(fresh)
    stored = _rows(fresh, "SELECT count(*) FROM worker")[0][0]
    assert 0 < stored < 70  # two pages (10 + 20 changes) are stored with their cursor
    _assert_searchable(fresh)  # and searchable although the pull failed

    sync_once(fresh)  # resumes
    assert _rows(fresh, "SELECT count(*) FROM worker")[0][0] >= 70
    _assert_searchable(fresh)


def test_an_index_left_pending_by_a_killed_first_sync_is_finished_by_the_next_sync(
    station: StationMaker, source: Desk
) -> None:
    fresh = station("fresh")
    page = DistrictClient(*connection(fresh)).pull(0, 30)  # type: ignore[misc]
    assert page.has_more
    # What the engine stores for the first page of a first sync, then "the PC is switched
    # off": rows and cursor committed, the indexes still to be built.
    with fresh.db.write() as session:
        conn = sqlite_connection(session)
        PageApplier(conn, fresh.now(), fresh.station_id).apply(page.changes, more=True, first=True)
        conn.execute(
            "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
            (CURSOR_KEY, str(page.next_after)),
        )
    with fresh.db.read() as session:
        assert index_pending(sqlite_connection(session))
    pulled = [c for c in page.changes if c.kind == "worker"]
    assert pulled and not _found(fresh, "worker", str(pulled[0].fields["name"]))

    sync_once(fresh)
    _assert_searchable(fresh)
    assert pulled[0].record_id in _found(fresh, "worker", str(pulled[0].fields["name"]))


@pytest.mark.parametrize("kind", sorted(SYNCED_MODELS))
def test_pulled_values_are_stored_exactly_as_the_converters_store_them(kind: str) -> None:
    converters = storage_converters(SYNCED_MODELS[kind])
    values = [None, "", "文字", 3, 2.5, True, False, "2024-01-02", "2024-01-02T03:04:05.000006"]
    values += [["a"], '["a"]', "2024-01-02T03:04:05+08:00"]
    for name, convert in converters.items():
        for value in values:
            try:
                expected: Any = convert(value)
            except (TypeError, ValueError) as error:
                with pytest.raises(type(error)):
                    _to_storage(kind, {name: value})
                continue
            stored = _to_storage(kind, {name: value})[name]
            assert (stored, type(stored)) == (expected, type(expected)), (name, value)


def test_the_pending_index_is_finished_a_slice_per_transaction(
    station: StationMaker, source: Desk
) -> None:
    fresh = station("fresh")
    page = DistrictClient(*connection(fresh)).pull(0, 60)  # type: ignore[misc]
    with fresh.db.write() as session:
        PageApplier(sqlite_connection(session), fresh.now(), fresh.station_id).apply(
            page.changes, more=True, first=True
        )
    slices = 0
    done = False
    while not done:  # as the engine does: each slice its own transaction
        with fresh.db.write() as session:
            done = finish_index(sqlite_connection(session), limit=7)
        slices += 1
        if not done:  # between slices the desk can write, and the work is not lost
            with fresh.db.read() as session:
                assert index_pending(sqlite_connection(session))
    assert slices > 3
    _assert_searchable(fresh)
