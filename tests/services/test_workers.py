"""Registering, editing and deactivating workers through the counter's services."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlmodel import select

from station_desk.domain.worker import WorkerDraft
from station_desk.services.context import Desk, ValidationFailed
from station_desk.services.workers import (
    deactivate_worker,
    edit_worker,
    find_registered,
    register_worker,
)
from station_desk.store.db import Database, sqlite_connection
from station_desk.store.models import AuditLog, Outbox, Worker
from station_desk.store.search import search_ids

SAMPLE_ID = "11010519491231002X"


@pytest.fixture
def counter(tmp_path: Path) -> Desk:
    return Desk(Database(tmp_path / "station.db"), staff="李娟")


def _draft(**overrides: object) -> WorkerDraft:
    values: dict[str, object] = {
        "name": "王秀英",
        "id_number": SAMPLE_ID,
        "phone": "138 1234 5678",
        "skills": "保洁员、家政服务员",
        "intentions": "保洁员",
    }
    values.update(overrides)
    return WorkerDraft(**values)  # type: ignore[arg-type]


def test_registration_derives_from_the_id_number_and_writes_outbox_and_audit(
    counter: Desk,
) -> None:
    result = register_worker(counter, _draft())
    assert result.created
    with counter.db.read() as session:
        worker = session.get(Worker, result.worker.id)
        assert worker is not None
        assert (worker.sex, str(worker.birth_date), worker.region_code) == (
            "女",
            "1949-12-31",
            "110105",
        )
        assert worker.phone == "13812345678"
        assert worker.origin_station == counter.station_id
        assert worker.created_hlc and worker.created_hlc == worker.updated_hlc
        assert worker.consent_at is not None
        outbox = session.exec(select(Outbox).where(Outbox.record_id == worker.id)).all()
        assert len(outbox) == 1
        assert json.loads(outbox[0].fields)["id_number"] == SAMPLE_ID
        audit = session.exec(select(AuditLog)).all()
        assert [(a.action, a.staff, a.record_id) for a in audit] == [
            ("register_worker", "李娟", worker.id)
        ]
        assert search_ids(sqlite_connection(session), "worker", "wxy") == [worker.id]


def test_a_known_id_number_opens_that_person_instead_of_a_second_one(counter: Desk) -> None:
    first = register_worker(counter, _draft())
    again = register_worker(counter, _draft(name="王秀英", id_number=SAMPLE_ID.lower()))
    assert not again.created
    assert again.worker.id == first.worker.id
    assert "已登记" in again.warnings[0]
    assert find_registered(counter, "110105 19491231 002x") is not None
    with counter.db.read() as session:
        assert len(session.exec(select(Worker)).all()) == 1


def test_same_name_and_phone_with_another_id_warns(counter: Desk) -> None:
    register_worker(counter, _draft())
    other = register_worker(counter, _draft(id_number="110105199003070017"))
    assert other.created
    assert other.warnings and "同名同电话" in other.warnings[0]


def test_invalid_input_is_refused_with_field_messages_and_nothing_saved(counter: Desk) -> None:
    with pytest.raises(ValidationFailed) as refused:
        register_worker(counter, _draft(id_number="110105194912310021", name=""))
    assert "校验码" in refused.value.errors["id_number"]
    assert "name" in refused.value.errors
    with counter.db.read() as session:
        assert session.exec(select(Worker)).all() == []
        assert session.exec(select(Outbox)).all() == []


def test_edit_writes_only_the_changed_fields_with_a_newer_stamp(counter: Desk) -> None:
    worker = register_worker(counter, _draft()).worker
    edited = edit_worker(counter, worker.id, _draft(phone="13900001111")).worker
    assert edited.phone == "13900001111"
    assert edited.updated_hlc > worker.created_hlc
    with counter.db.read() as session:
        rows = session.exec(select(Outbox).order_by(Outbox.seq)).all()
        assert len(rows) == 2
        assert json.loads(rows[1].fields) == {"phone": "13900001111"}
        stored = session.get(Worker, worker.id)
        assert stored is not None
        # only the edited field has its own stamp; the rest date from the registration
        assert json.loads(stored.field_hlc) == {"phone": stored.updated_hlc}
        assert search_ids(sqlite_connection(session), "worker", "1111") == [worker.id]
        assert search_ids(sqlite_connection(session), "worker", "5678") == []


def test_edit_cannot_take_another_persons_id_number(counter: Desk) -> None:
    register_worker(counter, _draft())
    second = register_worker(counter, _draft(name="赵强", id_number="110105199003070017")).worker
    with pytest.raises(ValidationFailed) as refused:
        edit_worker(counter, second.id, _draft(name="赵强"))
    assert "已登记" in refused.value.errors["id_number"]


def test_deactivate_keeps_the_record(counter: Desk) -> None:
    worker = register_worker(counter, _draft()).worker
    deactivate_worker(counter, worker.id, reason="已稳定就业")
    with counter.db.read() as session:
        stored = session.get(Worker, worker.id)
        assert stored is not None and stored.status == "inactive" and not stored.deleted
        actions = [a.action for a in session.exec(select(AuditLog)).all()]
        assert actions == ["register_worker", "deactivate_worker"]


def test_control_characters_pasted_into_text_never_reach_the_database(desk) -> None:
    """A NUL pasted from another program would stop the district's PostgreSQL from taking
    the change; it is dropped before the record and its outbox row are written."""
    from station_desk.domain.worker import WorkerDraft
    from station_desk.services import workers as worker_service

    draft = WorkerDraft(
        name="张三", id_number="110105199003071239", phone="13912345678", note="会开\x00叉车\x07"
    )
    worker = worker_service.register_worker(desk, draft).worker
    with desk.db.read() as session:
        conn = session.connection()
        note = conn.exec_driver_sql("SELECT note FROM worker WHERE id = ?", (worker.id,)).scalar()
        fields = conn.exec_driver_sql(
            "SELECT fields FROM outbox WHERE record_id = ?", (worker.id,)
        ).scalar()
    assert note == "会开叉车"
    assert "\\u0000" not in fields and "会开叉车" in fields
