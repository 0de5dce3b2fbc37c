"""Counter actions on workers (零工人员): register, edit, deactivate, look up."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from station_desk.domain.idcard import IdNumberError, normalize_id_number, parse_id_number
from station_desk.domain.worker import WorkerDraft, WorkerFields, validate_worker
from station_desk.services.context import Desk, NotFound, Tx, ValidationFailed
from station_desk.store.models import Worker


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


def register_worker(desk: Desk, draft: WorkerDraft, consent: bool = True) -> Registration:
    """Register a job seeker. An ID number already on the books returns that person instead."""
    fields, errors = validate_worker(draft, today=desk.today())
    if fields is None:
        raise ValidationFailed(errors)
    with desk.transaction() as tx:
        existing = worker_by_id_number(tx.session, fields.id_number)
        if existing is not None:
            return Registration(
                existing, created=False, warnings=["该身份证号已登记，已打开其档案。"]
            )
        warnings = _similar_warning(similar_workers(tx.session, fields.name, fields.phone))
        worker = add_worker(tx, fields, consent=consent)
        return Registration(worker, created=True, warnings=warnings)


def add_worker(
    tx: Tx,
    fields: WorkerFields,
    consent: bool,
    detail: str = "",
    status: str = "active",
    registered_at: datetime | None = None,
) -> Worker:
    """Within a transaction: write a new worker (the caller has checked the ID number).
    A ledger import passes the status and registration date its rows carry."""
    now = tx.desk.now()
    worker = Worker(
        **_values(fields),
        status=status,
        registered_at=registered_at or now,
        consent_at=now if consent else None,
    )
    tx.save(worker)
    tx.audit("register_worker", "worker", worker.id, detail)
    return worker


def edit_worker(desk: Desk, worker_id: str, draft: WorkerDraft) -> Registration:
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


def set_worker_status(desk: Desk, worker_id: str, active: bool, reason: str = "") -> Worker:
    """Deactivate (no longer seeking work) or reactivate a worker; the record is kept."""
    with desk.transaction() as tx:
        worker = _get(tx.session, worker_id)
        status = "active" if active else "inactive"
        if tx.update(worker, {"status": status}):
            tx.audit(
                "activate_worker" if active else "deactivate_worker", "worker", worker.id, reason
            )
        return worker


def deactivate_worker(desk: Desk, worker_id: str, reason: str = "") -> Worker:
    return set_worker_status(desk, worker_id, active=False, reason=reason)


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
    "deactivate_worker",
    "draft_from_worker",
    "edit_worker",
    "find_registered",
    "get_worker",
    "normalize_id_number",
    "register_worker",
    "set_worker_status",
    "similar_workers",
    "worker_by_id_number",
]
