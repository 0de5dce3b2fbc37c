"""Import of a station's ledger (台账): .xlsx or .csv rows of workers and postings.

Every row goes through the same domain rules as the counter form. Rows with problems are
listed (sheet, row as Excel shows it, column, Chinese reason) and left out; all good rows are
saved in one transaction. Importing the same file again adds nothing: a worker is the same
person by ID number, a posting the same when employer, occupation, work location, pay and
expiry date equal an open posting's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from station_desk.domain.dates import DateFormatError, parse_date
from station_desk.domain.employer import EmployerDraft, validate_employer
from station_desk.domain.enums import Enum, code_of
from station_desk.domain.ledger import (
    EMPLOYER_ERROR_COLUMNS,
    POSTING,
    POSTING_SPEC,
    WORKER,
    cell_value,
    digits_lost,
    employer_kind,
)
from station_desk.domain.posting import (
    POSTING_STATUSES,
    PostingDraft,
    PostingFields,
    validate_posting,
)
from station_desk.domain.text import clean_text
from station_desk.domain.worker import WORKER_STATUSES, WorkerDraft, validate_worker
from station_desk.services import workers as worker_service
from station_desk.services.context import Desk, Tx
from station_desk.services.employers import add_employer, employer_by_name
from station_desk.services.ledger_files import (  # noqa: F401 - LedgerReadError for callers
    KIND_LABELS,
    PROGRESS_EVERY,
    ImportReport,
    LedgerReadError,
    LedgerRow,
    Progress,
    RejectedRow,
    read_ledger,
)
from station_desk.services.postings import ScreeningFailed, add_posting, screen_fields
from station_desk.store.models import Employer, Posting, Worker

_WORKER_DRAFT_FIELDS = frozenset(WorkerDraft.__dataclass_fields__)
_POSTING_DRAFT_FIELDS = frozenset(PostingDraft.__dataclass_fields__)
_LOST_DIGITS = "号码被Excel存成了数字，后几位已丢失。请把该列设为文本格式，重新输入后再导入"
PostingKey = tuple[Any, ...]


def _shown(value: Any) -> str:
    text = cell_value(value, POSTING_SPEC.column("expiry_date"))
    return text.isoformat() if hasattr(text, "isoformat") else clean_text(str(text))


def _reject(report: ImportReport, row: LedgerRow, key: str, reason: str) -> None:
    header = row.headers.get(key) or row.header.spec.header_for_error(key)
    value = _shown(row.values.get(key)) if key else ""
    report.rejected.append(RejectedRow(row.sheet, row.number, header, value, reason))


def _reject_all(report: ImportReport, row: LedgerRow, errors: dict[str, str]) -> None:
    spec = row.header.spec
    for key, reason in errors.items():
        column_key = dict(spec.error_columns).get(key, key)
        _reject(report, row, column_key, reason)


def _row_values(
    row: LedgerRow, draft_fields: frozenset[str]
) -> tuple[dict[str, Any], dict[str, str]]:
    """Cell values converted for the draft, and problems found before validation."""
    values: dict[str, Any] = {}
    problems: dict[str, str] = {}
    for column in row.header.columns.values():
        raw = row.values.get(column.key)
        if column.text and digits_lost(raw):
            problems[column.key] = _LOST_DIGITS
        if column.key in draft_fields:
            values[column.key] = cell_value(raw, column)
    return values, problems


@dataclass
class _Known:
    """What the database already holds, looked up once per import (10,000 single-row queries,
    each flushing the session first, would take most of an import's time)."""

    worker_ids: set[str]
    postings: set[PostingKey]
    employers: dict[str, Employer] = field(default_factory=dict)
    seen_workers: dict[str, int] = field(default_factory=dict)  # ID number → first row
    seen_postings: dict[PostingKey, int] = field(default_factory=dict)


def registered_id_numbers(session: Session) -> set[str]:
    """ID numbers of registered workers (the set ``worker_by_id_number`` looks in)."""
    statement = select(Worker.id_number).where(col(Worker.deleted).is_(False))
    return set(session.exec(statement).all())


def _history(
    row: LedgerRow, statuses: Enum, date_key: str, today: date
) -> tuple[str, datetime | None, dict[str, str]]:
    """The status and registration date a ledger row carries (an export has them), so
    records brought in keep their place in the station's history."""
    errors: dict[str, str] = {}
    text = clean_text(str(row.values.get("status") or ""))
    status = code_of(statuses, text) if text else statuses[0][0]
    if status is None:
        errors["status"] = (
            f"无法识别的状态：{text}（可填 {'、'.join(label for _, label in statuses)}）"
        )
    when: datetime | None = None
    raw = row.values.get(date_key)
    if raw not in (None, ""):
        try:
            day = parse_date(raw)
        except DateFormatError as error:
            errors[date_key] = error.message
        else:
            if day is not None and day > today:
                errors[date_key] = "日期不能晚于今天"
            elif day is not None:
                when = datetime.combine(day, time())
    return status or statuses[0][0], when, errors


def _add_worker(tx: Tx, row: LedgerRow, report: ImportReport, known: _Known) -> None:
    values, problems = _row_values(row, _WORKER_DRAFT_FIELDS)
    fields, errors = validate_worker(WorkerDraft(**values), today=tx.desk.today())
    status, registered_at, history_errors = _history(
        row, WORKER_STATUSES, "registered_at", tx.desk.today()
    )
    if status == "erased":
        # A row with full details marked 已删除 is a person on paper again, not an erasure.
        status = "inactive"
    errors.update(problems)
    errors.update(history_errors)
    if fields is None or errors:
        _reject_all(report, row, errors)
        return
    first = known.seen_workers.get(fields.id_number)
    if first is not None:
        _reject(report, row, "id_number", f"与第{first}行的身份证号重复（同一人只登记一次）")
        return
    known.seen_workers[fields.id_number] = row.number
    if fields.id_number in known.worker_ids:
        report.skipped_existing[WORKER] += 1
        return
    # A file does not show that the person was told and agreed, so no consent time is set.
    worker_service.add_worker(
        tx, fields, consent=False, detail="台账导入", status=status, registered_at=registered_at
    )
    report.added[WORKER] += 1


def posting_key(
    employer_name: str,
    occupation_name: str,
    work_location: str,
    pay: tuple[Any, Any, str | None],
    expiry: Any,
) -> PostingKey:
    """What makes two postings the same one for import."""
    low, high, unit = pay
    amounts = tuple(None if v is None else float(v) for v in (low, high))
    return (employer_name, occupation_name, clean_text(work_location), *amounts, unit, expiry)


def _fields_key(fields: PostingFields) -> PostingKey:
    pay = (fields.pay_min, fields.pay_max, fields.pay_unit)
    return posting_key(
        fields.employer_name, fields.occupation_name, fields.work_location, pay, fields.expiry_date
    )


def open_posting_keys(session: Session) -> set[PostingKey]:
    statement = (
        select(Posting, Employer.name)
        .join(Employer, col(Employer.id) == col(Posting.employer_id))
        .where(Posting.status == "open", col(Posting.deleted).is_(False))
    )
    return {
        posting_key(
            name,
            p.occupation_name,
            p.work_location,
            (p.pay_min, p.pay_max, p.pay_unit),
            p.expiry_date,
        )
        for p, name in session.exec(statement).all()
    }


def _employer(
    tx: Tx, fields: PostingFields, kind_text: str, known: _Known
) -> tuple[Employer | None, dict[str, str]]:
    """The employer of that name, or a new one registered the way the counter does; or
    (None, errors keyed by posting column) when the employer cannot be registered."""
    existing = known.employers.get(fields.employer_name)
    if existing is None:
        existing = employer_by_name(tx.session, fields.employer_name)
    if existing is not None:
        known.employers[fields.employer_name] = existing
        return existing, {}
    draft = EmployerDraft(
        name=fields.employer_name,
        kind=employer_kind(fields.employer_name, kind_text),
        contact_person=fields.contact_person,
        phone=fields.contact_phone,
    )
    employer_fields, errors = validate_employer(draft)
    if employer_fields is None:
        return None, {EMPLOYER_ERROR_COLUMNS.get(k, k): v for k, v in errors.items()}
    employer = add_employer(tx, employer_fields).employer
    known.employers[fields.employer_name] = employer
    return employer, {}


def _add_posting(
    tx: Tx,
    row: LedgerRow,
    report: ImportReport,
    known: _Known,
) -> None:
    values, problems = _row_values(row, _POSTING_DRAFT_FIELDS)
    fields, errors = validate_posting(PostingDraft(**values), today=tx.desk.today(), history=True)
    status, published_at, history_errors = _history(
        row, POSTING_STATUSES, "published_at", tx.desk.today()
    )
    errors.update(problems)
    errors.update(history_errors)
    if fields is None or errors:
        _reject_all(report, row, errors)
        return
    key = _fields_key(fields)
    first = known.seen_postings.get(key)
    if first is not None:
        _reject(report, row, "", f"与第{first}行的用工信息相同（重复登记）")
        return
    known.seen_postings[key] = row.number
    if key in known.postings:
        report.skipped_existing[POSTING] += 1
        return
    try:
        screen_fields(fields)  # the same anti-discrimination rule as the counter's form
    except ScreeningFailed as refused:
        _reject_all(report, row, refused.errors)
        return
    kind_text = clean_text(str(row.values.get("employer_kind") or ""))
    employer, employer_errors = _employer(tx, fields, kind_text, known)
    if employer is None:
        _reject_all(report, row, employer_errors)
        return
    add_posting(tx, fields, employer_id=employer.id, status=status, published_at=published_at)
    report.added[POSTING] += 1


def import_ledger(desk: Desk, path: Path, progress: Progress | None = None) -> ImportReport:
    """Import a ledger file (.xlsx with one or both sheets, or .csv); see the module doc.
    Raises LedgerReadError when the file cannot be read at all."""
    report = ImportReport(file=str(path))
    rows = read_ledger(path, report)
    total = len(rows)
    if progress is not None:
        progress(0, total)
    with desk.transaction() as tx:
        known = _Known(registered_id_numbers(tx.session), open_posting_keys(tx.session))
        for done, row in enumerate(rows, start=1):
            if row.header.spec.kind == WORKER:
                _add_worker(tx, row, report, known)
            else:
                _add_posting(tx, row, report, known)
            if progress is not None and done % PROGRESS_EVERY == 0 and done < total:
                progress(done, total)
        if any(report.added.values()):
            detail = f"{path.name}：" + "，".join(f"{k} {v}" for k, v in report.added.items())
            tx.audit("import_ledger", detail=detail)
    if progress is not None:
        progress(total, total)
    return report
