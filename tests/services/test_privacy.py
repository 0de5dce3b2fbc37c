"""Consent, erasure, the full-number reveal and the audit rows of views, exports and printouts."""

from __future__ import annotations

import json
import threading
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from records import post
from station_desk.domain.consent import DEFAULT_CONSENT_TEXT
from station_desk.domain.masking import mask_id_number, mask_phone
from station_desk.domain.worker import ERASED_NAME, WorkerDraft
from station_desk.reports.ledger_export import export_ledger, personal_file_name
from station_desk.reports.statistics import Period, period_stats
from station_desk.services import referrals
from station_desk.services.audit_trail import AuditFilter, audit_entries, audit_slip
from station_desk.services.context import STAFF, Desk, PermissionDenied, ValidationFailed
from station_desk.services.workers import (
    consent_text,
    deactivate_worker,
    edit_worker,
    erase_worker,
    get_worker,
    register_worker,
    reveal_worker,
    set_consent_text,
    set_worker_status,
)
from station_desk.store.db import sqlite_connection
from station_desk.store.models import AuditLog, Outbox
from station_desk.store.search import search_ids

SAMPLE_ID = "11010519491231002X"


def _draft(**overrides: object) -> WorkerDraft:
    values: dict[str, object] = {
        "name": "王秀英",
        "id_number": SAMPLE_ID,
        "phone": "13812345678",
        "skills": "保洁员",
        "note": "住青山村三组，女儿电话13900001111",
        "hardship_low_income": True,
    }
    values.update(overrides)
    return WorkerDraft(**values)  # type: ignore[arg-type]


def _audit(desk: Desk, action: str) -> list[AuditLog]:
    with desk.db.read() as session:
        return list(session.exec(select(AuditLog).where(AuditLog.action == action)).all())


def _as_staff(desk: Desk) -> Desk:
    return Desk(desk.db, staff="小李", role=STAFF, clock=desk.clock)


# -- consent --------------------------------------------------------------------------------


def test_registration_records_when_and_what_the_person_agreed_to(desk: Desk) -> None:
    worker = register_worker(desk, _draft()).worker
    assert worker.consent_text == DEFAULT_CONSENT_TEXT
    assert worker.consent_at == desk.now() or worker.consent_at is not None
    set_consent_text(desk, "本站记录您的信息用于推荐岗位。")
    assert consent_text(desk) == "本站记录您的信息用于推荐岗位。"
    other = register_worker(desk, _draft(id_number="110105199003070017", name="李强")).worker
    assert get_worker(desk, other.id).consent_text == "本站记录您的信息用于推荐岗位。"
    with desk.db.read() as session:
        (change,) = session.exec(select(Outbox).where(Outbox.record_id == other.id)).all()
    assert json.loads(change.fields)["consent_text"] == "本站记录您的信息用于推荐岗位。"
    set_consent_text(desk, "  ")
    assert consent_text(desk) == DEFAULT_CONSENT_TEXT


def test_registration_without_consent_is_refused_and_saves_nothing(desk: Desk) -> None:
    with pytest.raises(ValidationFailed) as refused:
        register_worker(desk, _draft(), consent=False)
    assert "同意" in refused.value.errors["consent"]
    with desk.db.read() as session:
        assert session.exec(select(Outbox)).all() == []


def test_counter_staff_may_not_change_the_consent_text(desk: Desk) -> None:
    with pytest.raises(PermissionDenied, match="管理员"):
        set_consent_text(_as_staff(desk), "随便写")
    assert consent_text(desk) == DEFAULT_CONSENT_TEXT


# -- erasure --------------------------------------------------------------------------------


def test_erasure_wipes_what_identifies_the_person_and_keeps_what_is_counted(desk: Desk) -> None:
    worker = register_worker(desk, _draft()).worker
    erase_worker(desk, worker.id, "本人书面申请删除")
    erased = get_worker(desk, worker.id)
    assert (erased.name, erased.id_number, erased.phone, erased.note) == (ERASED_NAME, "", "", "")
    assert erased.skills_text == "" and erased.status == "erased"
    assert erased.sex == "女" and erased.region_code == "110105"
    assert erased.birth_date == date(1949, 1, 1)
    assert erased.hardship_low_income and erased.registered_at == worker.registered_at
    assert json.loads(erased.skill_codes) == json.loads(worker.skill_codes)
    with desk.db.read() as session:
        conn = sqlite_connection(session)
        assert search_ids(conn, "worker", "王秀英") == []
        assert search_ids(conn, "worker", "5678") == []
        change = session.exec(select(Outbox).order_by(Outbox.seq.desc())).first()  # type: ignore[union-attr]
    fields = json.loads(change.fields)
    assert fields["id_number"] == "" and fields["status"] == "erased"
    (row,) = _audit(desk, "erase_worker")
    assert row.record_id == worker.id and "本人书面申请删除" in row.detail
    assert row.staff == desk.staff


def test_erasure_also_wipes_the_numbers_from_this_desks_sync_history(desk: Desk) -> None:
    from datetime import datetime

    from station_desk.store.models import ConflictLog

    worker = register_worker(desk, _draft()).worker
    with desk.transaction() as tx:
        for change in tx.session.exec(select(Outbox)).all():
            change.pushed_at = datetime(2026, 11, 1)  # as if sent to the district
            tx.session.add(change)
        tx.session.add(
            ConflictLog(
                record_kind="worker",
                record_id=worker.id,
                field="phone",
                kept_value='"13812345678"',
                lost_value='"13900001111"',
                kept_hlc="a",
                lost_hlc="b",
            )
        )
    erase_worker(desk, worker.id, "本人申请")
    with desk.db.read() as session:
        history = " ".join(c.fields for c in session.exec(select(Outbox)).all())
        assert session.exec(select(ConflictLog)).all() == []
    assert SAMPLE_ID not in history and "13812345678" not in history and "王秀英" not in history
    assert "女" in history  # what statistics count is still there


def test_an_erased_person_cannot_be_edited_reactivated_or_erased_again(desk: Desk) -> None:
    worker = register_worker(desk, _draft()).worker
    erase_worker(desk, worker.id, "本人申请")
    with pytest.raises(ValidationFailed, match="已按本人要求删除"):
        edit_worker(desk, worker.id, _draft())
    with pytest.raises(ValidationFailed, match="已按本人要求删除"):
        set_worker_status(desk, worker.id, active=True)
    with pytest.raises(ValidationFailed, match="已经删除"):
        erase_worker(desk, worker.id, "再删一次")
    # The same person may register again later, as a new record.
    again = register_worker(desk, _draft())
    assert again.created and again.worker.id != worker.id


def test_erasure_needs_an_admin_and_a_reason(desk: Desk) -> None:
    worker = register_worker(desk, _draft()).worker
    with pytest.raises(PermissionDenied, match="管理员"):
        erase_worker(_as_staff(desk), worker.id, "本人申请")
    with pytest.raises(ValidationFailed, match="原因"):
        erase_worker(desk, worker.id, "  ")
    assert get_worker(desk, worker.id).id_number == SAMPLE_ID
    assert _audit(desk, "erase_worker") == []


def test_statistics_count_an_erased_person_like_one_who_left(desk: Desk) -> None:
    posting_id = post(desk, "保洁员")
    placed = register_worker(desk, _draft()).worker
    waiting = register_worker(desk, _draft(id_number="110105199003070017", name="李强")).worker
    referral = referrals.refer(desk, placed.id, posting_id)
    referrals.record_outcome(desk, referral.id, "hired")
    deactivate_worker(desk, placed.id, "已就业")
    today = desk.today()
    period = Period(today.replace(day=1), today + timedelta(days=1))

    def figures() -> dict[str, float]:
        with desk.db.read() as session:
            stats = period_stats(sqlite_connection(session), period, None)
        return {k: f.value for k, f in stats.figures.items()}

    before = figures()
    assert before["registrations"] == 2 and before["placements"] == 1
    erase_worker(desk, placed.id, "本人申请")
    assert figures() == before
    # An active person who asks to be erased stops being counted as seeking work, exactly
    # as a deactivation would; nothing else changes.
    erase_worker(desk, waiting.id, "本人申请")
    after = figures()
    assert after["active_workers"] == before["active_workers"] - 1
    assert {k: v for k, v in after.items() if "active" not in k and "hardship" not in k} == {
        k: v for k, v in before.items() if "active" not in k and "hardship" not in k
    }


# -- reveal, edit with masked numbers ---------------------------------------------------------


def test_showing_the_full_numbers_writes_an_audit_row(desk: Desk) -> None:
    worker = register_worker(desk, _draft()).worker
    shown = reveal_worker(_as_staff(desk), worker.id, "id_number")
    assert shown.id_number == SAMPLE_ID
    (row,) = _audit(desk, "reveal")
    assert (row.staff, row.record_kind, row.record_id) == ("小李", "worker", worker.id)
    assert json.loads(row.detail) == {"fields": ["id_number"]}


def test_saving_the_form_with_the_masked_numbers_keeps_the_stored_ones(desk: Desk) -> None:
    worker = register_worker(desk, _draft()).worker
    masked = _draft(id_number=mask_id_number(SAMPLE_ID), phone=mask_phone("13812345678"))
    edit_worker(desk, worker.id, masked)
    kept = get_worker(desk, worker.id)
    assert (kept.id_number, kept.phone) == (SAMPLE_ID, "13812345678")
    edit_worker(desk, worker.id, _draft(id_number=mask_id_number(SAMPLE_ID), phone="13900002222"))
    assert get_worker(desk, worker.id).phone == "13900002222"


# -- exports and printouts -------------------------------------------------------------------


def test_an_export_is_audited_with_its_reason_and_the_people_in_it(
    desk: Desk, tmp_path: Path
) -> None:
    ids = {
        register_worker(desk, _draft()).worker.id,
        register_worker(desk, _draft(id_number="110105199003070017", name="李强")).worker.id,
    }
    out = tmp_path / personal_file_name(date(2026, 11, 26), "xlsx")
    assert out.name == "含个人信息_求职人员_2026-11-26.xlsx"
    counts = export_ledger(desk, "xlsx", out, reason="向区人社局报送")
    assert counts["workers"] == 2 and out.exists()
    (row,) = _audit(desk, "export")
    detail = json.loads(row.detail)
    assert detail["reason"] == "向区人社局报送" and detail["format"] == "xlsx"
    assert set(detail["worker_ids"]) == ids and detail["count"]["workers"] == 2
    assert row.staff == desk.staff
    # The page's record filter finds the export by a worker's id.
    found = audit_entries(desk, AuditFilter(record=sorted(ids)[0]))
    assert [e.action for e in found] == ["export", "register_worker"]


def test_the_command_line_export_is_audited_without_changing_the_file(
    desk: Desk, tmp_path: Path
) -> None:
    register_worker(desk, _draft())
    export_ledger(desk.db, "json", tmp_path / "a.json")
    export_ledger(desk.db, "json", tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    rows = _audit(desk, "export")
    assert [json.loads(r.detail)["reason"] for r in rows] == ["命令行导出", "命令行导出"]
    assert {r.staff for r in rows} == {"命令行"}


def test_a_change_committed_during_the_read_is_in_both_the_file_and_its_audit_row(
    desk: Desk, tmp_path: Path
) -> None:
    """The export's read and audit row are one transaction: when the counter saves someone
    while the export reads, the read is repeated, so the audit row lists exactly the people
    in the file."""
    from station_desk.reports import ledger_export

    first = register_worker(desk, _draft()).worker.id
    counter = Desk(desk.db, staff="柜台")
    added: list[str] = []
    real = ledger_export.export_data

    def export_data_while_the_counter_saves(session):  # type: ignore[no-untyped-def]
        data = real(session)
        if not added:  # the counter (another thread, another connection) saves someone
            draft = _draft(id_number="110105199003070017", name="李强")
            saving = threading.Thread(
                target=lambda: added.append(register_worker(counter, draft).worker.id)
            )
            saving.start()
            saving.join()
        return data

    ledger_export.export_data = export_data_while_the_counter_saves
    try:
        export_ledger(desk, "json", tmp_path / "all.json", reason="核对")
    finally:
        ledger_export.export_data = real
    in_file = [w["id"] for w in json.loads((tmp_path / "all.json").read_text())["workers"]]
    (row,) = _audit(desk, "export")
    assert (
        sorted(in_file) == sorted(json.loads(row.detail)["worker_ids"]) == sorted([first, *added])
    )


def test_counter_staff_may_not_export_and_a_reason_is_required(desk: Desk, tmp_path: Path) -> None:
    register_worker(desk, _draft())
    with pytest.raises(PermissionDenied, match="管理员"):
        export_ledger(_as_staff(desk), "csv", tmp_path / "x.csv", reason="看看")
    with pytest.raises(ValidationFailed, match="原因"):
        export_ledger(desk, "csv", tmp_path / "x.csv", reason=" ")
    assert not (tmp_path / "x.csv").exists()
    assert _audit(desk, "export") == []


def test_printing_a_referral_slip_is_audited_for_the_worker(desk: Desk) -> None:
    worker = register_worker(desk, _draft()).worker
    referral = referrals.refer(desk, worker.id, post(desk, "保洁员"))
    audit_slip(_as_staff(desk), referral.id, "print_slip")
    (row,) = _audit(desk, "print_slip")
    assert (row.staff, row.record_id) == ("小李", worker.id)
    assert json.loads(row.detail)["referral_id"] == referral.id


# -- the trail ---------------------------------------------------------------------------------


def test_the_trail_is_newest_first_filtered_and_for_admins_only(desk: Desk) -> None:
    start = desk.clock()
    worker = register_worker(desk, _draft()).worker
    desk.clock = lambda: start + 86400
    reveal_worker(_as_staff(desk), worker.id)
    desk.clock = lambda: start + 2 * 86400
    reveal_worker(desk, worker.id)
    entries = audit_entries(desk)
    assert [e.action for e in entries] == ["reveal", "reveal", "register_worker"]
    assert entries[0].at > entries[1].at > entries[2].at
    assert [e.staff for e in audit_entries(desk, AuditFilter(staff="小李"))] == ["小李"]
    since = (desk.now() - timedelta(days=1)).date()
    assert len(audit_entries(desk, AuditFilter(since=since))) == 2
    assert len(audit_entries(desk, limit=1, offset=1)) == 1
    with pytest.raises(PermissionDenied, match="管理员"):
        audit_entries(_as_staff(desk))
