"""Employers and postings through the counter's services."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from station_desk.domain.employer import EmployerDraft
from station_desk.domain.posting import PostingDraft
from station_desk.services.context import Desk, ValidationFailed
from station_desk.services.employers import edit_employer, register_employer
from station_desk.services.postings import close_posting, edit_posting, publish_posting
from station_desk.store.db import Database, sqlite_connection
from station_desk.store.models import Employer, Outbox, Posting
from station_desk.store.search import search_ids


@pytest.fixture
def counter(tmp_path: Path) -> Desk:
    return Desk(Database(tmp_path / "station.db"))


def _posting(**overrides: object) -> PostingDraft:
    values: dict[str, object] = {
        "employer_name": "青山建筑劳务有限公司",
        "contact_person": "陈经理",
        "contact_phone": "0571-87654321",
        "employment_mode": "日结",
        "occupation": "搬运工",
        "headcount": "5",
        "work_location": "青山镇工业园",
        "work_hours": "8:00-17:00",
        "pay": "180-220元/天",
        "pay_method": "日结",
        "expiry_date": (date.today() + timedelta(days=14)).isoformat(),
    }
    values.update(overrides)
    return PostingDraft(**values)  # type: ignore[arg-type]


def test_a_phoned_in_job_registers_its_employer_on_the_spot(counter: Desk) -> None:
    posting = publish_posting(counter, _posting())
    with counter.db.read() as session:
        employer = session.get(Employer, posting.employer_id)
        assert employer is not None and employer.name == "青山建筑劳务有限公司"
        stored = session.get(Posting, posting.id)
        assert stored is not None
        assert (stored.pay_min, stored.pay_max, stored.pay_unit) == (180.0, 220.0, "day")
        assert stored.employment_mode == "daily" and stored.status == "open"
        kinds = [o.record_kind for o in session.exec(select(Outbox)).all()]
        assert kinds == ["employer", "posting"]
        conn = sqlite_connection(session)
        assert search_ids(conn, "posting", "搬运") == [posting.id]
        assert search_ids(conn, "posting", "青山") == [posting.id]


def test_second_posting_reuses_the_employer(counter: Desk) -> None:
    first = publish_posting(counter, _posting())
    second = publish_posting(counter, _posting(occupation="保洁员", pay="3500元/月"))
    assert first.employer_id == second.employer_id


def test_invalid_posting_is_refused_field_by_field(counter: Desk) -> None:
    with pytest.raises(ValidationFailed) as refused:
        publish_posting(counter, _posting(occupation="", headcount="0"))
    assert set(refused.value.errors) >= {"occupation", "headcount"}
    with counter.db.read() as session:
        assert session.exec(select(Posting)).all() == []
        assert session.exec(select(Employer)).all() == []


def test_edit_and_close(counter: Desk) -> None:
    posting = publish_posting(counter, _posting())
    edited = edit_posting(counter, posting.id, _posting(headcount="8"))
    assert edited.headcount == 8
    closed = close_posting(counter, posting.id, status="filled")
    assert closed.status == "filled"
    with counter.db.read() as session:
        rows = session.exec(select(Outbox).where(Outbox.record_id == posting.id)).all()
        assert len(rows) == 3


def test_employer_kind_is_guessed_from_the_name_of_a_phoned_in_job(counter: Desk) -> None:
    company = publish_posting(counter, _posting())
    person = publish_posting(counter, _posting(employer_name="刘女士", contact_phone="13600001234"))
    with counter.db.read() as session:
        assert session.get(Employer, company.employer_id).kind == "company"  # type: ignore[union-attr]
        assert session.get(Employer, person.employer_id).kind == "individual"  # type: ignore[union-attr]


def test_employer_names_stay_unique(counter: Desk) -> None:
    first = register_employer(
        counter, EmployerDraft(name="绿源家政服务部", kind="企业", phone="13700001111")
    )
    again = register_employer(
        counter, EmployerDraft(name="绿源家政服务部", kind="企业", phone="13700001111")
    )
    assert first.created and not again.created
    other = register_employer(
        counter, EmployerDraft(name="王先生", kind="个人", phone="13700002222")
    ).employer
    with pytest.raises(ValidationFailed):
        edit_employer(
            counter,
            other.id,
            EmployerDraft(name="绿源家政服务部", kind="个人", phone="13700002222"),
        )
