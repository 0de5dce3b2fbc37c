"""Counter actions on workers (零工人员): register, edit, deactivate, look up."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from station_desk.domain.consent import DEFAULT_CONSENT_TEXT
from station_desk.domain.idcard import IdNumberError, normalize_id_number, parse_id_number
from station_desk.domain.masking import mask_id_number, mask_phone
from station_desk.domain.text import clean_text
from station_desk.domain.worker import (
    ERASED,
    WorkerDraft,
    WorkerFields,
    erasure_values,
    validate_worker,
)
from station_desk.services.context import Desk, NotFound, Tx, ValidationFailed
from station_desk.store.db import sqlite_connection
from station_desk.store.erasure import purge_worker_history
from station_desk.store.models import Worker
from station_desk.store.settings import get_setting, put_setting

CONSENT_TEXT_KEY = "privacy.consent_text"
CONSENT_TEXT_MAX = 2000
NO_CONSENT = "请先向本人说明信息的用途并取得同意，勾选“已告知并同意”后再登记。"
ERASED_REFUSAL = "该人员的个人信息已按本人要求删除，不能再修改或恢复；如需继续服务，请重新登记。"


@dataclass
class Registration:
    worker: Worker
    created: bool
    warnings: list[str] = field(default_factory=list)


def _values(fields: WorkerFields) -> dict[str, Any]:
    return {
        "name": fields.name,
        "id_number": fields.id_number,
        "birth_date": fields.birth_date,
        "sex": fields.sex,
        "region_code": fields.region_code,
        "phone": fields.phone,
        "skill_codes": json.dumps(fields.skill_codes, ensure_ascii=False),
        "skills_text": fields.skills_text,
        "intention_codes": json.dumps(fields.intention_codes, ensure_ascii=False),
        "intentions_text": fields.intentions_text,
        "expected_pay_min": _float(fields.expected_pay_min),
        "expected_pay_max": _float(fields.expected_pay_max),
        "expected_pay_unit": fields.expected_pay_unit,
        "hardship_long_wait": fields.hardship_long_wait,
        "hardship_low_income": fields.hardship_low_income,
        "hardship_disability": fields.hardship_disability,
        "hardship_older": fields.hardship_older,
        "note": fields.note,
    }


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def worker_by_id_number(session: Session, id_number: str) -> Worker | None:
    statement = select(Worker).where(Worker.id_number == id_number, col(Worker.deleted).is_(False))
    return session.exec(statement).first()


def similar_workers(session: Session, name: str, phone: str, exclude_id: str = "") -> list[Worker]:
    """Registered people with the same name and phone: likely the same person."""
    if not name or not phone:
        return []
    statement = select(Worker).where(
        Worker.name == name,
        Worker.phone == phone,
        Worker.id != exclude_id,
        col(Worker.deleted).is_(False),
    )
    return list(session.exec(statement).all())


def find_registered(desk: Desk, raw_id_number: str) -> Worker | None:
    """The person already registered under this ID number, if any (for the form, as typed)."""
    try:
        number = parse_id_number(raw_id_number, today=desk.today()).number
    except IdNumberError:
        return None
    with desk.db.read() as session:
        return worker_by_id_number(session, number)


def _similar_warning(matches: list[Worker]) -> list[str]:
    return [
        f"已有同名同电话的登记：{w.name}（身份证号 …{w.id_number[-4:]}），请确认是否为同一人。"
        for w in matches
    ]


def consent_text(desk: Desk) -> str:
    """The 告知同意 text the registration form shows (the station's own, else the default)."""
    with desk.db.read() as session:
        return get_setting(session, CONSENT_TEXT_KEY) or DEFAULT_CONSENT_TEXT


def set_consent_text(desk: Desk, text: str) -> str:
    """Admin only: change the 告知同意 text; blank restores the default. Returns the text in use."""
    desk.require_admin("修改告知同意文本")
    cleaned = (text or "").strip()
    if len(cleaned) > CONSENT_TEXT_MAX:
        raise ValidationFailed({"consent_text": f"告知同意文本过长（最多{CONSENT_TEXT_MAX}字）"})
    with desk.transaction() as tx:
        put_setting(tx.session, CONSENT_TEXT_KEY, cleaned)
        tx.audit("set_consent_text", "setting", CONSENT_TEXT_KEY, cleaned[:200])
    return cleaned or DEFAULT_CONSENT_TEXT


def register_worker(
    desk: Desk, draft: WorkerDraft, consent: bool = True, consent_text_shown: str | None = None
) -> Registration:
    """Register a job seeker who was told and agreed (告知同意): the time and the text shown
    are recorded (the configured text when none is given). Without consent it is refused.
    An ID number already on the books returns that person instead."""
    fields, errors = validate_worker(draft, today=desk.today())
    if not consent:
        raise ValidationFailed({**errors, "consent": NO_CONSENT})
    if fields is None:
        raise ValidationFailed(errors)
    shown = consent_text_shown if consent_text_shown is not None else consent_text(desk)
    with desk.transaction() as tx:
        existing = worker_by_id_number(tx.session, fields.id_number)
        if existing is not None:
            return Registration(
                existing, created=False, warnings=["该身份证号已登记，已打开其档案。"]
            )
        warnings = _similar_warning(similar_workers(tx.session, fields.name, fields.phone))
        worker = add_worker(tx, fields, consent=True, consent_text=shown)
        return Registration(worker, created=True, warnings=warnings)


def add_worker(
    tx: Tx,
    fields: WorkerFields,
    consent: bool,
    detail: str = "",
    status: str = "active",
    registered_at: datetime | None = None,
    consent_text: str = "",
) -> Worker:
    """Within a transaction: write a new worker (the caller has checked the ID number).
    A ledger import passes the status and registration date its rows carry."""
    now = tx.desk.now()
    worker = Worker(
        **_values(fields),
        status=status,
        registered_at=registered_at or now,
        consent_at=now if consent else None,
        consent_text=consent_text if consent else "",
    )
    tx.save(worker)
    tx.audit("register_worker", "worker", worker.id, detail)
    return worker


def edit_worker(desk: Desk, worker_id: str, draft: WorkerDraft) -> Registration:
    """Save a registered worker's form. The form shows the ID number and phone masked until
    staff ask to see them; a masked value sent back unchanged keeps the stored number."""
    with desk.db.read() as session:
        stored = _get(session, worker_id)
    if stored.status == ERASED:
        raise ValidationFailed({"name": ERASED_REFUSAL})
    draft = _unmasked(draft, stored)
    fields, errors = validate_worker(draft, today=desk.today())
    if fields is None:
        raise ValidationFailed(errors)
    with desk.transaction() as tx:
        worker = _get(tx.session, worker_id)
        other = worker_by_id_number(tx.session, fields.id_number)
        if other is not None and other.id != worker.id:
            raise ValidationFailed({"id_number": f"该身份证号已登记给{other.name}，不能重复。"})
        changed = tx.update(worker, _values(fields))
        if changed:
            tx.audit("edit_worker", "worker", worker.id, ",".join(changed))
        warnings = _similar_warning(
            similar_workers(tx.session, worker.name, worker.phone, worker.id)
        )
        return Registration(worker, created=False, warnings=warnings)


def _unmasked(draft: WorkerDraft, stored: Worker) -> WorkerDraft:
    """The draft with a masked ID number / phone (as the edit form shows them) replaced by
    the stored values."""
    values = dict(draft.__dict__)
    for name, mask in (("id_number", mask_id_number), ("phone", mask_phone)):
        current = getattr(stored, name)
        if current and (values[name] or "").strip() == mask(current) != current:
            values[name] = current
    return WorkerDraft(**values)


def set_worker_status(desk: Desk, worker_id: str, active: bool, reason: str = "") -> Worker:
    """Deactivate (no longer seeking work) or reactivate a worker; the record is kept. An
    erased person stays erased (ValidationFailed)."""
    with desk.transaction() as tx:
        worker = _get(tx.session, worker_id)
        if worker.status == ERASED:
            raise ValidationFailed({"status": ERASED_REFUSAL})
        status = "active" if active else "inactive"
        if tx.update(worker, {"status": status}):
            tx.audit(
                "activate_worker" if active else "deactivate_worker", "worker", worker.id, reason
            )
        return worker


def deactivate_worker(desk: Desk, worker_id: str, reason: str = "") -> Worker:
    return set_worker_status(desk, worker_id, active=False, reason=reason)


def erase_worker(desk: Desk, worker_id: str, reason: str) -> Worker:
    """删除个人信息 on the person's request (admin only): name, ID number, phone and free text
    are wiped, the birth date keeps its year, the status becomes "erased". What statistics
    count stays, and so do the person's referrals, services and placements. The change syncs
    like any edit, so it reaches every station; the audit log keeps the reason."""
    desk.require_admin("删除个人信息")
    why = clean_text(reason)
    if not why:
        raise ValidationFailed({"reason": "请填写删除原因（例如：本人书面申请删除）。"})
    with desk.transaction() as tx:
        worker = _get(tx.session, worker_id)
        if worker.status == ERASED:
            raise ValidationFailed({"reason": "该人员的个人信息已经删除过了。"})
        wiped = erasure_values(worker.birth_date)
        changed = tx.update(worker, wiped)
        # The old values also sit in this desk's sync history (store/erasure.py).
        purge_worker_history(sqlite_connection(tx.session), worker.id)
        tx.audit("erase_worker", "worker", worker.id, json_detail(reason=why, fields=changed))
        return worker


def reveal_worker(desk: Desk, worker_id: str, what: str = "id_number,phone") -> Worker:
    """显示完整号码: read the worker's full ID number and phone and write the audit row in the
    same transaction. ``what`` names what is shown (for the audit row)."""
    with desk.transaction() as tx:
        worker = _get(tx.session, worker_id)
        tx.audit("reveal", "worker", worker.id, json_detail(fields=what.split(",")))
        return worker


def json_detail(**values: Any) -> str:
    """An audit row's detail as JSON (Chinese kept readable)."""
    return json.dumps(values, ensure_ascii=False, sort_keys=True)


def get_worker(desk: Desk, worker_id: str) -> Worker:
    with desk.db.read() as session:
        return _get(session, worker_id)


def _get(session: Session, worker_id: str) -> Worker:
    worker = session.get(Worker, worker_id)
    if worker is None or worker.deleted:
        raise NotFound(f"找不到该零工记录（{worker_id}）")
    return worker


def draft_from_worker(worker: Worker) -> WorkerDraft:
    """The form's view of a stored worker, for editing."""
    from station_desk.domain.posting import format_pay

    pay = ""
    if worker.expected_pay_min is not None or worker.expected_pay_max is not None:
        pay = format_pay(worker.expected_pay_min, worker.expected_pay_max, worker.expected_pay_unit)
    return WorkerDraft(
        name=worker.name,
        id_number=worker.id_number,
        phone=worker.phone,
        skills=worker.skills_text,
        intentions=worker.intentions_text,
        expected_pay=pay,
        note=worker.note,
        hardship_long_wait=worker.hardship_long_wait,
        hardship_low_income=worker.hardship_low_income,
        hardship_disability=worker.hardship_disability,
    )


__all__ = [
    "Registration",
    "add_worker",
    "consent_text",
    "deactivate_worker",
    "draft_from_worker",
    "edit_worker",
    "erase_worker",
    "find_registered",
    "get_worker",
    "normalize_id_number",
    "register_worker",
    "reveal_worker",
    "set_consent_text",
    "set_worker_status",
    "similar_workers",
    "worker_by_id_number",
]
