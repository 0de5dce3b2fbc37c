"""An erasure (删除个人信息) travels through a real district server to every station, which
keeps counting the person in its statistics."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from sqlmodel import select

from records import post
from station_desk.domain.worker import ERASED_NAME, WorkerDraft
from station_desk.reports.statistics import Period, period_stats
from station_desk.services import referrals
from station_desk.services.context import Desk
from station_desk.services.workers import deactivate_worker, erase_worker, register_worker
from station_desk.store.db import sqlite_connection
from station_desk.store.models import Outbox, Worker
from station_desk.store.search import search_ids
from station_desk.sync.engine import sync_once

SAMPLE_ID = "11010519491231002X"
StationMaker = Callable[[str], Desk]


def _figures(desk: Desk) -> dict[str, float]:
    today = desk.today()
    period = Period(today.replace(day=1), today + timedelta(days=1))
    with desk.db.read() as session:
        stats = period_stats(sqlite_connection(session), period, None)
    return {key: figure.value for key, figure in stats.figures.items()}


def test_an_erasure_reaches_the_other_station_and_the_counts_stay(
    station: StationMaker,
) -> None:
    a, b = station("erase-a"), station("erase-b")
    draft = WorkerDraft(name="王秀英", id_number=SAMPLE_ID, phone="13812345678", note="住三组")
    worker_id = register_worker(a, draft).worker.id
    kept_id = register_worker(
        a, WorkerDraft(name="李强", id_number="110105199003070017", phone="13900001111")
    ).worker.id
    referral = referrals.refer(a, worker_id, post(a, "保洁员"))
    referrals.record_outcome(a, referral.id, "hired")
    deactivate_worker(a, worker_id, "已就业")
    sync_once(a)
    sync_once(b)
    with b.db.read() as session:
        assert session.get(Worker, worker_id).id_number == SAMPLE_ID  # type: ignore[union-attr]
    before_a, before_b = _figures(a), _figures(b)
    assert before_b["placements"] >= 1

    erase_worker(a, worker_id, "本人书面申请删除")
    result = sync_once(a)
    assert result.pending == 0
    with a.db.read() as session:
        refused = session.exec(select(Outbox).where(Outbox.rejected_reason.is_not(None))).all()  # type: ignore[union-attr]
    assert refused == []
    sync_once(b)

    with b.db.read() as session:
        erased = session.get(Worker, worker_id)
        assert erased is not None
        assert (erased.name, erased.id_number, erased.phone, erased.note) == (
            ERASED_NAME,
            "",
            "",
            "",
        )
        assert erased.status == "erased" and erased.sex == "女"
        assert session.get(Worker, kept_id).id_number == "110105199003070017"  # type: ignore[union-attr]
        conn = sqlite_connection(session)
        assert search_ids(conn, "worker", "王秀英") == []
        assert search_ids(conn, "worker", "5678") == []
    assert _figures(a) == before_a
    assert _figures(b) == before_b


def test_the_server_accepts_a_blank_id_number_only_in_an_erasure() -> None:
    from district_server.checks import check_values
    from station_desk.domain.hlc import Hlc
    from station_desk.sync.protocol import Change

    hlc = Hlc(1_790_000_000_000, 0, "station-a").encode()

    def change(**fields: object) -> Change:
        return Change(op_id="op-1", kind="worker", record_id="w-1", fields=fields, hlc=hlc)

    assert check_values(change(name=ERASED_NAME, id_number="", phone="", status="erased")) is None
    assert "身份证号" in (check_values(change(id_number="")) or "")
    assert "身份证号" in (check_values(change(id_number="123", status="erased")) or "")
