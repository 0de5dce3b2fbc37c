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


# -- screening ---------------------------------------------------------------------------


def test_a_discriminatory_posting_is_refused_on_its_fields(counter: Desk) -> None:
    from station_desk.services.postings import ScreeningFailed

    with pytest.raises(ScreeningFailed) as refused:
        publish_posting(counter, _posting(skill_requirements="限男性，18-45岁"))
    assert set(refused.value.errors) == {"skill_requirements"}
    message = refused.value.errors["skill_requirements"]
    assert "限男性" in message and "《就业促进法》" in message and "建议" in message
    assert {f.category for f in refused.value.findings} == {"gender", "age"}
    with counter.db.read() as session:
        assert session.exec(select(Posting)).all() == []
        assert session.exec(select(Employer)).all() == []


def test_a_lawful_exception_is_stored_with_the_result_and_audited(counter: Desk) -> None:
    import json

    from station_desk.services.postings import ScreeningFailed, posting_screening
    from station_desk.store.models import AuditLog

    draft = _posting(description="煤矿地面装车，限男性")
    with pytest.raises(ScreeningFailed):
        publish_posting(
            counter, draft, exception={"by": "王芳", "rule": "age", "why": "与本岗位无关"}
        )
    posting = publish_posting(
        counter, draft, exception={"by": "王芳", "rule": "gender", "why": "装车单件40公斤"}
    )
    stored = json.loads(posting.screening)
    assert stored["ok"] is False and stored["findings"][0]["phrase"] == "限男性"
    assert stored["exceptions"][0]["by"] == "王芳"
    assert stored["exceptions"][0]["phrases"] == ["限男性"]
    screening = posting_screening(posting)
    assert screening is not None and screening.allowed
    with counter.db.read() as session:
        actions = [a.action for a in session.exec(select(AuditLog)).all()]
    assert "screening_exception" in actions


def test_an_exception_without_a_reason_is_refused(counter: Desk) -> None:
    with pytest.raises(ValidationFailed) as refused:
        publish_posting(
            counter,
            _posting(description="限男性"),
            exception={"rule": "gender", "why": ""},
        )
    assert "screening" in refused.value.errors


def test_a_clean_posting_records_its_screening(counter: Desk) -> None:
    import json

    posting = publish_posting(counter, _posting(skill_requirements="男女不限，16周岁以上"))
    assert json.loads(posting.screening) == {"exceptions": [], "findings": [], "ok": True}


def test_edit_screens_again_and_keeps_an_exception_for_the_same_phrases(counter: Desk) -> None:
    from station_desk.services.postings import ScreeningFailed

    clean = publish_posting(counter, _posting())
    with pytest.raises(ScreeningFailed):
        edit_posting(counter, clean.id, _posting(description="本地人优先"))
    draft = _posting(description="井口地面作业，限男性")
    excused = publish_posting(
        counter, draft, exception={"rule": "gender", "why": "单件负重超过25公斤"}
    )
    assert "测试" not in excused.screening  # counter desk's staff is the default "柜台"
    edited = edit_posting(
        counter, excused.id, _posting(description="井口地面作业，限男性", headcount="9")
    )
    assert edited.headcount == 9 and "单件负重超过25公斤" in edited.screening
    with pytest.raises(ScreeningFailed):
        edit_posting(counter, excused.id, _posting(description="井口地面作业，限男性，只招男工"))


def test_add_posting_in_a_transaction_refuses_before_writing(counter: Desk) -> None:
    from station_desk.domain.posting import validate_posting
    from station_desk.services.postings import ScreeningFailed, add_posting

    fields, _ = validate_posting(_posting(description="乙肝携带者勿扰"))
    assert fields is not None
    with pytest.raises(ScreeningFailed) as refused, counter.transaction() as tx:
        add_posting(tx, fields)
    assert refused.value.findings[0].category == "carrier"
    with counter.transaction() as tx:
        posting = add_posting(
            tx, fields, exception=[{"by": "李明", "rule": "carrier", "why": "导入历史记录"}]
        )
    assert "李明" in posting.screening
