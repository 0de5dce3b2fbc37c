"""Counter actions on employers (用工主体)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, select

from station_desk.domain.employer import EmployerDraft, EmployerFields, validate_employer
from station_desk.services.context import Desk, NotFound, Tx, ValidationFailed
from station_desk.store.models import Employer


@dataclass
class EmployerRegistration:
    employer: Employer
    created: bool
    warnings: list[str] = field(default_factory=list)


def _values(fields: EmployerFields) -> dict[str, Any]:
    return {
        "name": fields.name,
        "kind": fields.kind,
        "contact_person": fields.contact_person,
        "phone": fields.phone,
        "address": fields.address,
        "credit_code": fields.credit_code,
    }


def employer_by_name(session: Session, name: str) -> Employer | None:
    statement = select(Employer).where(Employer.name == name, col(Employer.deleted).is_(False))
    return session.exec(statement).first()


def add_employer(tx: Tx, fields: EmployerFields) -> EmployerRegistration:
    """Within a transaction: the employer of that name, or a new one."""
    existing = employer_by_name(tx.session, fields.name)
    if existing is not None:
        return EmployerRegistration(
            existing, created=False, warnings=["该用工主体已登记，已打开其档案。"]
        )
    employer = Employer(**_values(fields), registered_at=tx.desk.now())
    tx.save(employer)
    tx.audit("register_employer", "employer", employer.id)
    return EmployerRegistration(employer, created=True)


def register_employer(desk: Desk, draft: EmployerDraft) -> EmployerRegistration:
    fields, errors = validate_employer(draft)
    if fields is None:
        raise ValidationFailed(errors)
    with desk.transaction() as tx:
        return add_employer(tx, fields)


def edit_employer(desk: Desk, employer_id: str, draft: EmployerDraft) -> Employer:
    fields, errors = validate_employer(draft)
    if fields is None:
        raise ValidationFailed(errors)
    with desk.transaction() as tx:
        employer = _get(tx.session, employer_id)
        other = employer_by_name(tx.session, fields.name)
        if other is not None and other.id != employer.id:
            raise ValidationFailed({"name": "已有同名的用工主体，不能重复登记。"})
        changed = tx.update(employer, _values(fields))
        if changed:
            tx.audit("edit_employer", "employer", employer.id, ",".join(changed))
        return employer


def get_employer(desk: Desk, employer_id: str) -> Employer:
    with desk.db.read() as session:
        return _get(session, employer_id)


def _get(session: Session, employer_id: str) -> Employer:
    employer = session.get(Employer, employer_id)
    if employer is None or employer.deleted:
        raise NotFound(f"找不到该用工主体（{employer_id}）")
    return employer


def draft_from_employer(employer: Employer) -> EmployerDraft:
    return EmployerDraft(
        name=employer.name,
        kind=employer.kind,
        contact_person=employer.contact_person,
        phone=employer.phone,
        address=employer.address,
        credit_code=employer.credit_code,
    )
