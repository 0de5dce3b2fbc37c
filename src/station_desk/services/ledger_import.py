"""Import of a station's ledger (台账): .xlsx or .csv rows of workers and postings.

Every row goes through the same domain rules as the counter form. Rows with problems are
listed (sheet, row as Excel shows it, column, Chinese reason) and left out; all good rows are
saved in one transaction. Importing the same file again adds nothing: a worker is the same
person by ID number, a posting the same when employer, occupation, work location, pay and
expiry date equal an open posting's.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from station_desk.domain.dates import DateFormatError, parse_date
from station_desk.domain.employer import EmployerDraft, validate_employer
from station_desk.domain.enums import Enum, code_of
from station_desk.domain.ledger import (
    AUX_SHEETS,
    EMPLOYER_ERROR_COLUMNS,
    POSTING,
    POSTING_SPEC,
    WORKER,
    HeaderMatch,
    cell_value,
    digits_lost,
    employer_kind,
    find_header,
    is_blank,
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
from station_desk.services.postings import ScreeningFailed, add_posting, screen_fields
from station_desk.store.models import Employer, Posting, Worker

KIND_LABELS = {WORKER: "零工", POSTING: "用工信息"}
PROGRESS_EVERY = 100
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .xlsx and old .xls
Progress = Callable[[int, int], None]


class LedgerReadError(Exception):
    """The file cannot be read as a ledger at all; ``message`` says why, in Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class RejectedRow:
    sheet: str
    row: int  # as Excel shows it (1-based, header and title rows counted)
    column: str  # header text, "" when the problem is the whole row
    value: str
    reason: str

    def line(self) -> str:
        where = f"{self.sheet} 第{self.row}行"
        return f"{where} {self.column}：{self.reason}" if self.column else f"{where}：{self.reason}"


@dataclass
class ImportReport:
    file: str
    added: dict[str, int] = field(default_factory=lambda: {WORKER: 0, POSTING: 0})
    skipped_existing: dict[str, int] = field(default_factory=lambda: {WORKER: 0, POSTING: 0})
    rejected: list[RejectedRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def rejected_rows(self) -> int:
        return len({(r.sheet, r.row) for r in self.rejected})

    def summary(self) -> str:
        def counts(values: dict[str, int]) -> str:
            parts = [f"{KIND_LABELS[k]}{v}条" for k, v in values.items() if v]
            return "，".join(parts) or "0条"

        text = f"导入 {Path(self.file).name}：新增{counts(self.added)}"
        if any(self.skipped_existing.values()):
            text += f"；已存在，跳过{counts(self.skipped_existing)}"
        if self.rejected:
            text += f"；有{self.rejected_rows}行有问题未导入"
        return text + "。"

    def problem_lines(self) -> list[str]:
        return [*self.notes, *(r.line() for r in self.rejected)]

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "added": dict(self.added),
            "skipped_existing": dict(self.skipped_existing),
            "rejected": [
                {
                    "sheet": r.sheet,
                    "row": r.row,
                    "column": r.column,
                    "value": r.value,
                    "reason": r.reason,
                }
                for r in self.rejected
            ],
            "notes": list(self.notes),
        }


@dataclass
class _Row:
    sheet: str
    number: int
    header: HeaderMatch
    values: dict[str, Any]  # column key → raw cell value
    headers: dict[str, str]  # column key → header text as written in the file


# --- reading -------------------------------------------------------------------------------


@dataclass
class _Found:
    rows: list[_Row] = field(default_factory=list)
    tables: int = 0


def _table(
    name: str, rows: list[list[Any]], numbers: list[int], report: ImportReport, found: _Found
) -> None:
    """Add the data rows of one sheet (or CSV file), if it has a recognisable header."""
    match = find_header(rows)
    if match is None:
        if name not in AUX_SHEETS and any(not is_blank(v) for r in rows for v in r):
            report.notes.append(f"{name}：没有找到可识别的表头，整张表已跳过")
        return
    found.tables += 1
    ignored = match.unknown + match.duplicates
    if ignored:
        report.notes.append(f"{name}：以下列无法识别，已忽略：{'、'.join(ignored)}")
    header_cells = rows[match.row_index]
    headers = {c.key: clean_text(str(header_cells[i])) for i, c in match.columns.items()}
    for offset in range(match.row_index + 1, len(rows)):
        cells = rows[offset]
        values = {c.key: cells[i] if i < len(cells) else None for i, c in match.columns.items()}
        if not all(is_blank(v) for v in values.values()):
            found.rows.append(_Row(name, numbers[offset], match, values, headers))


def _read_xlsx(path: Path, report: ImportReport, found: _Found) -> None:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    with path.open("rb") as handle:
        magic = handle.read(8)
    if magic == _OLE_MAGIC:
        raise LedgerReadError(
            "文件设置了打开密码，或是旧版Excel（.xls）文件。"
            "请在Excel中取消密码并另存为 .xlsx 后再导入。"
        )
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as error:
        raise LedgerReadError(f"不是有效的Excel（.xlsx）文件，可能已损坏（{error}）。") from error
    try:
        for ws in wb.worksheets:
            rows: list[list[Any]] = []
            numbers: list[int] = []
            for cells in ws.iter_rows():
                number = next((c.row for c in cells if getattr(c, "row", None)), None)
                if number is not None:
                    rows.append([c.value for c in cells])
                    numbers.append(number)
            _table(ws.title, rows, numbers, report, found)
    finally:
        wb.close()


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise LedgerReadError(
        "无法识别文件的文字编码，请在Excel中另存为“CSV UTF-8（逗号分隔）”后再导入。"
    )  # pragma: no cover - gb18030 decodes almost anything


def _read_csv(path: Path, report: ImportReport, found: _Found) -> None:
    text = _decode(path.read_bytes())
    if "\x00" in text:
        raise LedgerReadError("文件内容不是文字表格（CSV），请确认选择了正确的文件。")
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    try:
        rows = [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as error:
        raise LedgerReadError(f"CSV文件格式有误：{error}") from error
    numbers, line = [], 1  # physical line numbers: a quoted cell may span lines
    for row in rows:
        numbers.append(line)
        line += 1 + sum(cell.count("\n") for cell in row)
    _table(path.name, rows, numbers, report, found)


def read_ledger(path: Path, report: ImportReport) -> list[_Row]:
    """The data rows of every recognised table in the file, in file order."""
    if not path.exists():
        raise LedgerReadError(f"找不到文件：{path}")
    if path.is_dir():
        raise LedgerReadError(f"{path} 是文件夹，不是台账文件。")
    suffix = path.suffix.lower()
    found = _Found()
    if suffix in (".xlsx", ".xlsm"):
        _read_xlsx(path, report, found)
    elif suffix == ".csv":
        _read_csv(path, report, found)
    elif suffix == ".xls":
        raise LedgerReadError("不支持旧版Excel（.xls）文件，请在Excel中另存为 .xlsx 后再导入。")
    else:
        raise LedgerReadError(
            f"不支持的文件类型“{suffix or path.name}”，请导入 .xlsx 或 .csv 文件。"
        )
    if not found.tables:
        raise LedgerReadError(
            "没有找到表头：零工表的表头应含“姓名”“身份证号”，用工表的表头应含"
            "“用工主体名称”“职业(工种)”。可用 station-desk template 生成导入模板。"
        )
    return found.rows


# --- checking and saving -------------------------------------------------------------------

_WORKER_DRAFT_FIELDS = frozenset(WorkerDraft.__dataclass_fields__)
_POSTING_DRAFT_FIELDS = frozenset(PostingDraft.__dataclass_fields__)
_LOST_DIGITS = "号码被Excel存成了数字，后几位已丢失。请把该列设为文本格式，重新输入后再导入"
PostingKey = tuple[Any, ...]


def _shown(value: Any) -> str:
    text = cell_value(value, POSTING_SPEC.column("expiry_date"))
    return text.isoformat() if hasattr(text, "isoformat") else clean_text(str(text))


def _reject(report: ImportReport, row: _Row, key: str, reason: str) -> None:
    header = row.headers.get(key) or row.header.spec.header_for_error(key)
    value = _shown(row.values.get(key)) if key else ""
    report.rejected.append(RejectedRow(row.sheet, row.number, header, value, reason))


def _reject_all(report: ImportReport, row: _Row, errors: dict[str, str]) -> None:
    spec = row.header.spec
    for key, reason in errors.items():
        column_key = dict(spec.error_columns).get(key, key)
        _reject(report, row, column_key, reason)


def _row_values(row: _Row, draft_fields: frozenset[str]) -> tuple[dict[str, Any], dict[str, str]]:
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
    row: _Row, statuses: Enum, date_key: str, today: date
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


def _add_worker(tx: Tx, row: _Row, report: ImportReport, known: _Known) -> None:
    values, problems = _row_values(row, _WORKER_DRAFT_FIELDS)
    fields, errors = validate_worker(WorkerDraft(**values), today=tx.desk.today())
    status, registered_at, history_errors = _history(
        row, WORKER_STATUSES, "registered_at", tx.desk.today()
    )
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
    row: _Row,
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
