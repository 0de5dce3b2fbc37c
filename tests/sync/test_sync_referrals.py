"""Referrals, outcomes, services, rights cases and tool loans travel between stations through
a real district server; a worker merge takes the referrals along."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from records import post
from station_desk.domain.idcard import make_id_number
from station_desk.domain.worker import WorkerDraft
from station_desk.services import referrals, rights_cases, service_log, tools
from station_desk.services.context import Desk
from station_desk.services.postings import get_posting
from station_desk.services.workers import register_worker
from station_desk.store.db import sqlite_connection
from station_desk.sync.engine import sync_once

StationMaker = Callable[[str], Desk]


def _register(desk: Desk, serial: int) -> str:
    number = make_id_number("411425", date(1980, 2, 3), serial)
    draft = WorkerDraft(name="周建华", id_number=number, phone="13911112222", skills="电工")
    return register_worker(desk, draft).worker.id


def _rows(desk: Desk, sql: str) -> list[tuple[object, ...]]:
    with desk.db.read() as session:
        return [tuple(r) for r in sqlite_connection(session).execute(sql).fetchall()]


def test_a_referral_made_at_one_station_arrives_at_another(station: StationMaker) -> None:
    a, b = station("east"), station("west")
    worker_id = _register(a, 401)
    posting_id = post(a, "电工", headcount="1")
    referral = referrals.refer(a, worker_id, posting_id, kind="meeting")
    referrals.record_outcome(a, referral.id, "hired")
    service_log.log_service(a, worker_id, "guidance", "先考证")
    case = rights_cases.open_case(a, "wage_arrears", "欠薪", worker_id=worker_id, amount_owed=900)
    rights_cases.change_status(a, case.id, "mediating", amount_recovered=400)
    drill = tools.add_tool(a, "电钻", 2)
    tools.lend_tool(a, drill.id, worker_id, a.today() + timedelta(days=3))
    assert sync_once(a).pending == 0

    sync_once(b)
    (row,) = [r for r in referrals.list_referrals(b) if r.id == referral.id]
    assert (row.worker_id, row.posting_id, row.kind, row.outcome) == (
        worker_id,
        posting_id,
        "meeting",
        "hired",
    )
    assert get_posting(b, posting_id).status == "filled"
    assert referrals.posting_places(b, posting_id).left == 0
    assert [s.note for s in service_log.list_services(b, worker_id)] == ["先考证"]
    (got,) = [c for c in rights_cases.list_cases(b) if c.id == case.id]
    assert (got.status, got.amount_recovered) == ("mediating", 400)
    assert [t.available for t in tools.list_tools(b) if t.id == drill.id] == [1]


def test_outcomes_recorded_at_two_stations_both_arrive_without_conflict(
    station: StationMaker,
) -> None:
    a, b = station("north"), station("south")
    worker_id = _register(a, 403)
    posting_id = post(a, "焊工", headcount="3")
    referral = referrals.refer(a, worker_id, posting_id)
    sync_once(a)
    sync_once(b)
    referrals.record_outcome(a, referral.id, "interviewed")
    referrals.record_outcome(b, referral.id, "hired")
    for desk in (a, b, a):
        sync_once(desk)
    for desk in (a, b):
        (row,) = [r for r in referrals.list_referrals(desk) if r.id == referral.id]
        assert row.outcome == "hired"
        assert _rows(desk, "SELECT count(*) FROM conflict_log") == [(0,)]
        count = f"SELECT count(*) FROM referral_outcome WHERE referral_id = '{referral.id}'"
        assert _rows(desk, count) == [(2,)]


def test_a_worker_merge_moves_the_referrals_to_the_surviving_record(
    station: StationMaker,
) -> None:
    a, b = station("up"), station("down")
    first = _register(a, 405)
    sync_once(a)
    second = _register(b, 405)  # the same person, registered at b before b pulled
    assert first != second
    posting_id = post(b, "电工")
    referral = referrals.refer(b, second, posting_id)
    service_log.log_service(b, second, "policy", "创业担保贷款")
    sync_once(b)
    sync_once(b)
    sync_once(a)
    for desk in (a, b):
        moved = _rows(desk, f"SELECT worker_id FROM referral WHERE id = '{referral.id}'")
        assert moved == [(first,)]
        policy = [s.worker_id for s in service_log.list_services(desk) if s.kind == "policy"]
        assert policy == [first]
