"""Counter actions on postings (用工信息): publish, edit, close.

Publishing and editing screen the posting's text for discriminatory requirements
(domain.screening). A flagged posting is refused with ``ScreeningFailed`` (the findings in
Chinese on their fields) unless staff record a lawful exception for each flagged rule; the
result and the exceptions are kept as JSON in ``posting.screening``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlmodel import Session

from station_desk.domain.employer import EmployerDraft, guess_employer_kind, validate_employer
from station_desk.domain.posting import PostingDraft, PostingFields, format_pay, validate_posting
from station_desk.domain.screening import (
    LawfulException,
    Screening,
    ScreeningResult,
    exceptions_from,
    screen_posting,
)
from station_desk.services.context import Desk, NotFound, Tx, ValidationFailed
from station_desk.services.employers import add_employer
from station_desk.store.models import Employer, Posting

CLOSED_STATUSES = ("closed", "filled")

ExceptionInput = LawfulException | Mapping[str, object]
Exceptions = ExceptionInput | Sequence[ExceptionInput] | None


class ScreeningFailed(ValidationFailed):
    """The posting has findings no lawful exception covers; ``screening`` holds them all."""

    def __init__(self, screening: Screening) -> None:
        uncovered = screening.uncovered()
        super().__init__(ScreeningResult(False, uncovered).errors())
        self.screening = screening
        self.findings = uncovered


def screening_texts(fields: PostingFields) -> dict[str, str]:
    """The posting's free-text fields, keyed by form field name, as screening reads them."""
    return {
        "occupation": fields.occupation_name,
        "skill_requirements": fields.skill_requirements,
        "work_location": fields.work_location,
        "work_hours": fields.work_hours,
        "description": fields.description,
    }


def _as_list(exception: Exceptions) -> list[ExceptionInput]:
    if exception is None:
        return []
    if isinstance(exception, LawfulException | Mapping):
        return [exception]
    return list(exception)


def screen_fields(
    fields: PostingFields,
    exception: Exceptions = None,
    *,
    staff: str = "",
    at: str = "",
    previous: Screening | None = None,
) -> Screening:
    """Screen a posting; raise ScreeningFailed unless every finding is covered by an
    exception given now or one recorded earlier for the same phrases (``previous``).
    An exception without ``by`` is recorded in the name of ``staff``."""
    result = screen_posting(screening_texts(fields))
    recorded: list[LawfulException] = []
    for given in exceptions_from(_as_list(exception)):
        given = replace(given, by=given.by or staff)
        problem = given.problem()
        if problem:
            raise ValidationFailed({"screening": problem})
        phrases = tuple(f.phrase for f in result.findings if f.category == given.rule)
        if phrases:  # an exception for a rule nothing broke is not kept
            recorded.append(replace(given, at=given.at or at, phrases=phrases))
    new_rules = {e.rule for e in recorded}
    for old in previous.exceptions if previous else []:
        phrases = {f.phrase for f in result.findings if f.category == old.rule}
        if old.rule not in new_rules and phrases and phrases <= set(old.phrases):
            recorded.append(old)
    screening = Screening(result, recorded)
    if not screening.allowed:
        raise ScreeningFailed(screening)
    return screening


def posting_screening(posting: Posting) -> Screening | None:
    """What was stored for a posting (None for postings saved before screening existed)."""
    return Screening.from_json(posting.screening)


def _values(fields: PostingFields) -> dict[str, Any]:
    return {
        "contact_person": fields.contact_person,
        "contact_phone": fields.contact_phone,
        "occupation_code": fields.occupation_code,
        "occupation_name": fields.occupation_name,
        "headcount": fields.headcount,
        "employment_mode": fields.employment_mode,
        "skill_requirements": fields.skill_requirements,
        "work_location": fields.work_location,
        "work_hours": fields.work_hours,
        "pay_min": None if fields.pay_min is None else float(fields.pay_min),
        "pay_max": None if fields.pay_max is None else float(fields.pay_max),
        "pay_unit": fields.pay_unit,
        "pay_method": fields.pay_method,
        "start_date": fields.start_date,
        "expiry_date": fields.expiry_date,
        "description": fields.description,
    }


def _employer_for(tx: Tx, fields: PostingFields, employer_id: str | None) -> Employer:
    if employer_id:
        employer = tx.session.get(Employer, employer_id)
        if employer is None or employer.deleted:
            raise ValidationFailed({"employer_name": "所选用工主体不存在。"})
        return employer
    employer_fields, errors = validate_employer(
        EmployerDraft(
            name=fields.employer_name,
            kind=guess_employer_kind(fields.employer_name),
            contact_person=fields.contact_person,
            phone=fields.contact_phone,
        )
    )
    if employer_fields is None:
        raise ValidationFailed({"employer_name": next(iter(errors.values()))})
    return add_employer(tx, employer_fields).employer


def add_posting(
    tx: Tx,
    fields: PostingFields,
    employer_id: str | None = None,
    status: str = "open",
    published_at: datetime | None = None,
    exception: Exceptions = None,
) -> Posting:
    """Within a transaction: write a new posting (a ledger import passes status and date).
    Raises ScreeningFailed, before writing anything, when the posting discriminates and no
    lawful exception covers it."""
    screening = screen_fields(
        fields, exception, staff=tx.desk.staff, at=tx.desk.now().isoformat(timespec="seconds")
    )
    employer = _employer_for(tx, fields, employer_id)
    posting = Posting(
        employer_id=employer.id,
        **_values(fields),
        status=status,
        screening=screening.to_json(),
        published_at=published_at or tx.desk.now(),
    )
    tx.save(posting)
    tx.audit("publish_posting", "posting", posting.id)
    _audit_exceptions(tx, posting.id, screening, None)
    return posting


def _audit_exceptions(
    tx: Tx, posting_id: str, screening: Screening, previous: Screening | None
) -> None:
    old = set(previous.exceptions) if previous else set()
    for exception in screening.exceptions:
        if exception not in old:
            detail = f"{exception.rule}：{exception.why}"
            tx.audit("screening_exception", "posting", posting_id, detail)


def publish_posting(
    desk: Desk,
    draft: PostingDraft,
    employer_id: str | None = None,
    quick: bool = False,
    exception: Exceptions = None,
) -> Posting:
    """Put an employer's job on the books. Without employer_id the employer is found by
    name or registered on the spot (the phone-in case). ``exception``: lawful exceptions
    ({"by", "rule", "why"}, one or a list) for screening findings."""
    fields, errors = validate_posting(draft, today=desk.today())
    if fields is None:
        raise ValidationFailed(errors)
    with desk.transaction() as tx:
        posting = add_posting(tx, fields, employer_id, exception=exception)
        if quick:
            tx.update(posting, {"is_quick": True})
        return posting


def edit_posting(
    desk: Desk, posting_id: str, draft: PostingDraft, exception: Exceptions = None
) -> Posting:
    """Change a posting; it is screened again (exceptions recorded earlier still cover the
    same phrases)."""
    fields, errors = validate_posting(draft, today=desk.today())
    if fields is None:
        raise ValidationFailed(errors)
    with desk.transaction() as tx:
        posting = _get(tx.session, posting_id)
        previous = posting_screening(posting)
        screening = screen_fields(
            fields,
            exception,
            staff=desk.staff,
            at=desk.now().isoformat(timespec="seconds"),
            previous=previous,
        )
        employer = tx.session.get(Employer, posting.employer_id)
        values = _values(fields)
        values["screening"] = screening.to_json()
        if employer is not None and fields.employer_name and fields.employer_name != employer.name:
            values["employer_id"] = _employer_for(tx, fields, None).id
        changed = tx.update(posting, values)
        if changed:
            tx.audit("edit_posting", "posting", posting.id, ",".join(changed))
            _audit_exceptions(tx, posting.id, screening, previous)
        return posting


def close_posting(desk: Desk, posting_id: str, status: str = "closed") -> Posting:
    """Take a posting off the board: closed (withdrawn) or filled (招满)."""
    if status not in CLOSED_STATUSES:
        raise ValueError(status)
    with desk.transaction() as tx:
        posting = _get(tx.session, posting_id)
        if tx.update(posting, {"status": status}):
            tx.audit("close_posting", "posting", posting.id, status)
        return posting


def reopen_posting(desk: Desk, posting_id: str) -> Posting:
    with desk.transaction() as tx:
        posting = _get(tx.session, posting_id)
        if tx.update(posting, {"status": "open"}):
            tx.audit("reopen_posting", "posting", posting.id)
        return posting


def get_posting(desk: Desk, posting_id: str) -> Posting:
    with desk.db.read() as session:
        return _get(session, posting_id)


def _get(session: Session, posting_id: str) -> Posting:
    posting = session.get(Posting, posting_id)
    if posting is None or posting.deleted:
        raise NotFound(f"找不到该招聘信息（{posting_id}）")
    return posting


def draft_from_posting(posting: Posting, employer_name: str) -> PostingDraft:
    return PostingDraft(
        employer_name=employer_name,
        contact_person=posting.contact_person,
        contact_phone=posting.contact_phone,
        employment_mode=posting.employment_mode,
        occupation=posting.occupation_name,
        headcount=str(posting.headcount),
        skill_requirements=posting.skill_requirements,
        work_location=posting.work_location,
        work_hours=posting.work_hours,
        pay=format_pay(posting.pay_min, posting.pay_max, posting.pay_unit),
        pay_method=posting.pay_method or "",
        start_date=posting.start_date.isoformat() if posting.start_date else "",
        expiry_date=posting.expiry_date.isoformat() if posting.expiry_date else "",
        description=posting.description,
    )
