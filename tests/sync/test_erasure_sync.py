"""An erasure (删除个人信息) travels through a real district server to every station, which
keeps counting the person in its statistics."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select as sa_select
from sqlmodel import select

from district_server.db import Database as DistrictDatabase
from district_server.models import ChangeLog, WorkerIdentity
from records import post
from station_desk.domain.worker import ERASED_NAME, WorkerDraft
from station_desk.reports.statistics import Period, period_stats
from station_desk.services import referrals
from station_desk.services.context import Desk
from station_desk.services.workers import (
    deactivate_worker,
    draft_from_worker,
    edit_worker,
    erase_worker,
    register_worker,
)
from station_desk.store.db import sqlite_connection
from station_desk.store.models import ConflictLog, Outbox, Worker
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


def test_an_erasure_wipes_the_person_from_the_districts_history_and_other_desks_logs(
    station: StationMaker, district: tuple[str, str], tmp_path: Path
) -> None:
    _base_url, db_url = district
    a, b, c = station("wipe-a"), station("wipe-b"), station("wipe-c")
    person = WorkerDraft(name="周桂兰", id_number="110105196502140020", phone="13700000001")
    worker_id = register_worker(a, person).worker.id
    twin_id = register_worker(c, replace(person, phone="13700000003")).worker.id  # same person
    sync_once(a)
    sync_once(c)  # the district merges c's record into a's
    sync_once(b)
    with b.db.read() as session:
        worker = session.get(Worker, worker_id)
        assert worker is not None
        draft = draft_from_worker(worker)
    edit_worker(a, worker_id, replace(draft, phone="13700000002"))
    edit_worker(b, worker_id, replace(draft, phone="13700000004"))  # at the same time
    sync_once(a)
    sync_once(b)  # b's later edit wins; a's phone lands in b's conflict log
    assert _conflicts(b, worker_id) > 0

    erase_worker(a, worker_id, "本人书面申请删除")
    for desk in (a, b, c):
        sync_once(desk)

    old = ["周桂兰", "110105196502140020", *(f"1370000000{i}" for i in range(1, 5))]
    assert _conflicts(b, worker_id) == 0
    with b.db.read() as session:
        sent = [row.fields for row in session.exec(select(Outbox)).all()]
    assert not [text for text in sent if any(value in text for value in old)]
    server = DistrictDatabase(db_url)
    try:
        with server.read_session() as session:
            history = (
                session.execute(
                    sa_select(ChangeLog.fields).where(ChangeLog.record_id.in_([worker_id, twin_id]))
                )
                .scalars()
                .all()
            )
            numbers = session.execute(
                sa_select(WorkerIdentity.worker_id).where(
                    WorkerIdentity.worker_id.in_([worker_id, twin_id])
                )
            ).all()
    finally:
        server.dispose()
    assert len(history) >= 4 and not [t for t in history if any(v in t for v in old)]
    assert numbers == []
    late = station("wipe-new")  # pulls the whole stream from the start
    sync_once(late)
    with late.db.read() as session:
        assert session.get(Worker, worker_id).name == ERASED_NAME  # type: ignore[union-attr]
        assert all(value not in _dump(session) for value in old)


def _conflicts(desk: Desk, worker_id: str) -> int:
    with desk.db.read() as session:
        return len(
            session.exec(select(ConflictLog).where(ConflictLog.record_id == worker_id)).all()
        )


def _dump(session) -> str:  # every value in every table of this desk's database, as text
    conn = sqlite_connection(session)
    tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    parts = []
    for table in tables:
        for row in conn.execute(f'SELECT * FROM "{table}"'):
            parts.extend(
                v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v) for v in row
            )
    return "\n".join(parts)
