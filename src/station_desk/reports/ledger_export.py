"""Export of every record: JSON (complete, for machines), xlsx and csv (the ledger layout of
the import template, for people and for importing elsewhere)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from sqlmodel import Session, col, select

from station_desk.domain.employer import EMPLOYER_KINDS
from station_desk.domain.enums import label_of
from station_desk.domain.ledger import POSTING_SPEC, WORKER_SPEC, Column, SheetSpec
from station_desk.domain.occupations import occupation_by_code
from station_desk.domain.pay import format_pay
from station_desk.domain.posting import EMPLOYMENT_MODES, PAY_METHODS, POSTING_STATUSES
from station_desk.domain.worker import WORKER_STATUSES
from station_desk.reports.ledger_template import style_sheet
from station_desk.services.audit_trail import audited_read
from station_desk.services.context import Desk, Tx, ValidationFailed
from station_desk.store.db import Database
from station_desk.store.models import (
    Employer,
    Posting,
    Referral,
    ReferralOutcome,
    RightsCase,
    RightsCaseEvent,
    Service,
    Station,
    SyncColumns,
    Tool,
    ToolLoan,
    Worker,
    json_value,
    record_fields,
)

FORMATS = ("json", "csv", "xlsx")
JSON_KINDS: dict[str, type[SyncColumns]] = {
    "stations": Station,
    "workers": Worker,
    "employers": Employer,
    "postings": Posting,
    "referrals": Referral,
    "referral_outcomes": ReferralOutcome,
    "services": Service,
    "rights_cases": RightsCase,
    "rights_case_events": RightsCaseEvent,
    "tools": Tool,
    "tool_loans": ToolLoan,
}


CLI_REASON = "命令行导出"
CLI_STAFF = "命令行"


def personal_file_name(day: date, fmt: str, what: str = "求职人员") -> str:
    """The default name of an export holding personal data: it says so in the name, e.g.
    含个人信息_求职人员_2026-11-26.xlsx."""
    return f"含个人信息_{what}_{day.isoformat()}.{fmt}"


def _records(session: Session, model: type[SyncColumns]) -> list[Any]:
    statement = select(model).where(col(model.deleted).is_(False)).order_by(col(model.id))
    return list(session.exec(statement).all())


def export_data(session: Session) -> dict[str, list[dict[str, Any]]]:
    """Every live record as plain data: {kind: [{"id", business fields…}]}, sorted by id.
    Sync bookkeeping (clocks, origin, tombstones) is left out; deleted records entirely."""
    data: dict[str, list[dict[str, Any]]] = {}
    for kind, model in JSON_KINDS.items():
        names = record_fields(model)
        data[kind] = [
            {"id": record.id, **{n: json_value(getattr(record, n)) for n in names}}
            for record in _records(session, model)
        ]
    return data


def _trades(codes_json: str, text: str) -> str:
    """专业特长 / 求职意向 as typed (the text keeps what staff wrote); the catalogue names of
    the codes when there is no text (records made elsewhere, e.g. by code only)."""
    if text:
        return text
    try:
        codes = json.loads(codes_json or "[]")
    except ValueError:
        codes = []
    return "、".join(o.name for o in (occupation_by_code(str(c)) for c in codes) if o is not None)


def _date(value: date | datetime | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value


def worker_row(worker: Worker) -> dict[str, Any]:
    pay = ""
    if worker.expected_pay_min is not None or worker.expected_pay_max is not None:
        pay = format_pay(worker.expected_pay_min, worker.expected_pay_max, worker.expected_pay_unit)
    return {
        "name": worker.name,
        "id_number": worker.id_number,
        "phone": worker.phone,
        "skills": _trades(worker.skill_codes, worker.skills_text),
        "intentions": _trades(worker.intention_codes, worker.intentions_text),
        "note": worker.note,
        "expected_pay": pay,
        "sex": worker.sex,
        "birth_date": worker.birth_date,
        "registered_at": _date(worker.registered_at),
        "status": label_of(WORKER_STATUSES, worker.status),
    }


def posting_row(posting: Posting, employer: Employer | None) -> dict[str, Any]:
    pay = format_pay(posting.pay_min, posting.pay_max, posting.pay_unit)  # type: ignore[arg-type]
    return {
        "employer_name": employer.name if employer else "",
        "contact_person": posting.contact_person,
        "contact_phone": posting.contact_phone,
        "employment_mode": label_of(EMPLOYMENT_MODES, posting.employment_mode),
        "occupation": posting.occupation_name,
        "headcount": posting.headcount,
        "skill_requirements": posting.skill_requirements,
        "work_location": posting.work_location,
        "work_hours": posting.work_hours,
        "pay": pay,
        "pay_method": label_of(PAY_METHODS, posting.pay_method),
        "expiry_date": posting.expiry_date,
        "start_date": posting.start_date,
        "description": posting.description,
        "employer_kind": label_of(EMPLOYER_KINDS, employer.kind) if employer else "",
        "status": label_of(POSTING_STATUSES, posting.status),
        "published_at": _date(posting.published_at),
    }


def ledger_rows(session: Session) -> tuple[dict[str, list[dict[str, Any]]], list[str]]:
    """Rows of the two ledger sheets, keyed by column key, in a stable order; and the ids
    of the workers in them."""
    employers = {e.id: e for e in _records(session, Employer)}
    workers = sorted(_records(session, Worker), key=lambda w: (w.registered_at, w.id))
    postings = sorted(_records(session, Posting), key=lambda p: (p.published_at, p.id))
    rows = {
        WORKER_SPEC.kind: [worker_row(w) for w in workers],
        POSTING_SPEC.kind: [posting_row(p, employers.get(p.employer_id)) for p in postings],
    }
    return rows, [w.id for w in workers]


def _write_sheet(wb: Workbook, spec: SheetSpec, rows: Iterable[dict[str, Any]], n: int) -> None:
    ws = wb.create_sheet(spec.title)
    columns = spec.export_columns
    style_sheet(ws, columns, rows=n)
    for r, row in enumerate(rows, start=2):
        for c, column in enumerate(columns, start=1):
            value = row.get(column.key)
            cell = ws.cell(row=r, column=c, value=None if value == "" else value)
            if column.text:
                cell.number_format = "@"
            elif isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
    if n:
        ws.auto_filter.ref = ws.dimensions


def _csv_cell(value: Any, column: Column) -> str:
    if value is None or value == "":
        return ""
    if column.text:  # a leading tab keeps Excel from turning 18 digits into 3.30102E+17
        return "\t" + str(value)
    return value.isoformat() if isinstance(value, date) else str(value)


def _write_csv(path: Path, spec: SheetSpec, rows: list[dict[str, Any]]) -> None:
    # UTF-8 with BOM and CRLF: what Excel on Chinese Windows opens without garbling.
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow([c.header for c in spec.export_columns])
        for row in rows:
            writer.writerow([_csv_cell(row.get(c.key), c) for c in spec.export_columns])


def posting_csv_path(out: Path) -> Path:
    return out.with_name(f"{out.stem}_{POSTING_SPEC.title}{out.suffix or '.csv'}")


def export_ledger(
    source: Desk | Database, fmt: str, out: Path, reason: str = CLI_REASON
) -> dict[str, int]:
    """Export every live record and return the count written per kind.

    The export holds personal data, so it is for administrators (``Desk.require_admin``),
    needs a reason, and writes an audit row ("export": reason, format, file, counts and the
    ids of the workers) in the same transaction as the records are read
    (``audited_read``: the write lock is taken only for the audit row, so the counter and
    sync are not held up by a large export). A bare Database (the command line) exports as
    staff "命令行". The file is written after that transaction commits.

    - ``json``: one object {"employers", "postings", "referrals", "referral_outcomes",
      "rights_cases", "rights_case_events", "services", "stations", "tool_loans", "tools",
      "workers"}, each a list of
      records (``id`` and every business field) sorted by id, keys sorted, dates as ISO text.
      The same records always give byte-identical files.
    - ``xlsx``: the import template's sheets 零工登记 and 用工信息 with its headers, then a few
      columns for people (期望薪资, 性别, 出生日期, 登记日期, 状态 …); the file imports again.
      Employers appear through their postings.
    - ``csv``: CSV holds one table per file, so ``out`` receives the worker rows and a sibling
      ``<stem>_用工信息.csv`` the posting rows; both UTF-8 with BOM, so Excel opens them.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    desk = source if isinstance(source, Desk) else Desk(source, staff=CLI_STAFF)
    desk.require_admin("导出个人信息")
    why = " ".join((reason or "").split())
    if not why:
        raise ValidationFailed({"reason": "请填写导出原因（例如：向区人社局报送台账）。"})
    out.parent.mkdir(parents=True, exist_ok=True)

    def read(session: Session) -> tuple[Any, dict[str, int], list[str]]:
        if fmt == "json":
            data = export_data(session)
            counts = {kind: len(records) for kind, records in data.items()}
            return data, counts, [w["id"] for w in data["workers"]]
        rows, worker_ids = ledger_rows(session)
        counts = {"workers": len(worker_ids), "postings": len(rows[POSTING_SPEC.kind])}
        return rows, counts, worker_ids

    def audit(tx: Tx, found: tuple[Any, dict[str, int], list[str]]) -> None:
        _, counts, worker_ids = found
        detail = {
            "reason": why,
            "format": fmt,
            "file": str(out),
            "count": counts,
            "worker_ids": worker_ids,
        }
        tx.audit("export", "worker", "", json.dumps(detail, ensure_ascii=False, sort_keys=True))

    found, counts, _ids = audited_read(desk, read, audit)
    if fmt == "json":
        text = json.dumps(found, sort_keys=True, ensure_ascii=False, indent=1) + "\n"
        out.write_bytes(text.encode("utf-8"))
        return counts
    workers, postings = found[WORKER_SPEC.kind], found[POSTING_SPEC.kind]
    if fmt == "xlsx":
        wb = Workbook()
        wb.remove(wb.active)  # type: ignore[arg-type]
        _write_sheet(wb, WORKER_SPEC, workers, len(workers))
        _write_sheet(wb, POSTING_SPEC, postings, len(postings))
        wb.save(out)
    else:
        _write_csv(out, WORKER_SPEC, workers)
        _write_csv(posting_csv_path(out), POSTING_SPEC, postings)
    return {"workers": len(workers), "postings": len(postings)}
