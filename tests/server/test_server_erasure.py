"""An erasure pushed to the server wipes the person's old values from its history, on both
back-ends (the desk-to-desk story is in tests/sync/test_erasure_sync.py)."""

from __future__ import annotations

from server_helpers import new_id_number, worker_fields
from sqlalchemy import select

from district_server.db import Database
from district_server.models import ChangeLog, RecordState, WorkerIdentity
from station_desk.domain.worker import ERASED_NAME


def test_an_erasure_rewrites_the_stored_history_and_drops_the_id_number(
    make_station, server_db: Database
) -> None:
    a, b = make_station(), make_station()
    number = new_id_number()
    created = a.change("worker", **worker_fields(number, name="吴玉兰", phone="13512345678"))
    worker_id = created["record_id"]
    twin = b.change("worker", **worker_fields(number, name="吴玉兰", phone="13587654321"))
    edited = a.change("worker", worker_id, phone="13500001111", note="住五组")
    for station, changes in ((a, [created]), (b, [twin]), (a, [edited])):
        assert station.push(changes).json()["rejected"] == []
    erasure = a.change(
        "worker",
        worker_id,
        name=ERASED_NAME,
        id_number="",
        phone="",
        note="",
        birth_date="1980-01-01",
        status="erased",
    )

    reply = a.push([erasure]).json()

    assert reply["accepted"] == [erasure["op_id"]]
    old = ("吴玉兰", number, "13512345678", "13587654321", "13500001111", "住五组")
    ids = [worker_id, twin["record_id"]]
    with server_db.read_session() as session:
        history = (
            session.execute(select(ChangeLog.fields).where(ChangeLog.record_id.in_(ids)))
            .scalars()
            .all()
        )
        states = (
            session.execute(select(RecordState.fields).where(RecordState.record_id.in_(ids)))
            .scalars()
            .all()
        )
        index = session.execute(
            select(WorkerIdentity.id_number).where(WorkerIdentity.worker_id.in_(ids))
        ).all()
    assert len(history) >= 4 and len(states) == 2
    assert [t for t in [*history, *states] if any(value in t for value in old)] == []
    assert index == []
    sent, after = [], 0  # what a station pulling from the start is sent
    while True:
        page = b.pull(after, limit=2000)
        sent.append(str(page["changes"]))
        after = page["next_after"]
        if not page["has_more"]:
            break
    assert not any(value in text for text in sent for value in old)
