"""Reading a ledger file (台账): .xlsx sheets or a .csv in UTF-8 or GBK, with the header row
found below any title rows, into rows of worker or posting cells; and the import report."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from station_desk.domain.ledger import (
    AUX_SHEETS,
    POSTING,
    WORKER,
    HeaderMatch,
    find_header,
    is_blank,
)
from station_desk.domain.text import clean_text

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
class LedgerRow:
    sheet: str
    number: int
    header: HeaderMatch
    values: dict[str, Any]  # column key → raw cell value
    headers: dict[str, str]  # column key → header text as written in the file


# --- reading -------------------------------------------------------------------------------


@dataclass
class _Found:
    rows: list[LedgerRow] = field(default_factory=list)
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
            found.rows.append(LedgerRow(name, numbers[offset], match, values, headers))


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


def read_ledger(path: Path, report: ImportReport) -> list[LedgerRow]:
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
