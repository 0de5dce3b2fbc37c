"""Ledger (台账) spreadsheets: sheet names, columns, accepted header spellings, and finding the
header row in what a station typed. Pure: works on lists of cell values, reads no files."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from .employer import EMPLOYER_KINDS, guess_employer_kind
from .enums import code_of
from .posting import EMPLOYMENT_MODES, PAY_METHODS
from .text import clean_text, to_halfwidth

WORKER = "worker"
POSTING = "posting"
WORKER_SHEET = "零工登记"
POSTING_SHEET = "用工信息"
INSTRUCTIONS_SHEET = "说明"
OCCUPATIONS_SHEET = "工种目录"
AUX_SHEETS = frozenset({INSTRUCTIONS_SHEET, OCCUPATIONS_SHEET})
HEADER_SEARCH_ROWS = 30


@dataclass(frozen=True)
class Column:
    """One ledger column. ``key`` is the draft field it fills (WorkerDraft / PostingDraft).

    ``role``: "template" (in the template and the export), "optional" (read when present,
    written by the export) or "info" (written by the export for people, ignored on import).
    """

    key: str
    header: str
    aliases: tuple[str, ...] = ()
    width: int = 14
    text: bool = False  # stored as text so Excel keeps every digit
    required: bool = False
    choices: tuple[str, ...] = ()
    is_date: bool = False
    role: str = "template"
    hint: str = ""


@dataclass(frozen=True)
class SheetSpec:
    kind: str
    title: str
    columns: tuple[Column, ...]
    key_columns: tuple[str, ...]  # all of these present → the row is this kind's header
    error_columns: tuple[tuple[str, str], ...] = ()  # validation error key → column key

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    @property
    def template_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.role == "template")

    @property
    def export_columns(self) -> tuple[Column, ...]:
        return self.columns

    def header_for_error(self, error_key: str) -> str:
        """The column header a validation error (keyed by draft field) belongs to."""
        key = dict(self.error_columns).get(error_key, error_key)
        for column in self.columns:
            if column.key == key:
                return column.header
        return ""


_PHONE_ALIASES = ("手机号", "手机号码", "手机", "电话", "电话号码", "联系方式", "联系手机")

WORKER_SPEC = SheetSpec(
    kind=WORKER,
    title=WORKER_SHEET,
    columns=(
        Column(
            "name", "姓名", ("名字", "求职者姓名", "零工姓名", "求职人员姓名"), 10, required=True
        ),
        Column(
            "id_number",
            "身份证号",
            ("身份证号码", "公民身份号码", "身份证", "证件号码", "身份证件号码", "公民身份证号码"),
            22,
            text=True,
            required=True,
            hint="18位，末位X大小写均可",
        ),
        Column("phone", "联系电话", _PHONE_ALIASES, 15, text=True, required=True),
        Column("skills", "专业特长", ("特长", "技能", "专业技能", "技能特长", "擅长"), 24),
        Column("intentions", "求职意向", ("意向工种", "求职工种", "意向岗位", "意向"), 24),
        Column("note", "备注", ("说明",), 20),
        Column("expected_pay", "期望薪资", ("期望工资", "期望待遇"), 14, role="optional"),
        Column("sex", "性别", (), 6, role="info"),
        Column("birth_date", "出生日期", (), 12, role="info"),
        Column("registered_at", "登记日期", ("登记时间",), 12, is_date=True, role="optional"),
        Column("status", "状态", ("求职状态",), 8, role="optional"),
    ),
    key_columns=("name", "id_number"),
    error_columns=(("expected_pay", "expected_pay"),),
)

POSTING_SPEC = SheetSpec(
    kind=POSTING,
    title=POSTING_SHEET,
    columns=(
        Column(
            "employer_name",
            "用工主体名称",
            (
                "用工主体",
                "用工单位",
                "用工单位名称",
                "单位名称",
                "企业名称",
                "用人单位",
                "招聘单位",
                "雇主",
                "雇主名称",
            ),
            24,
            required=True,
        ),
        Column("contact_person", "联系人", ("联系人姓名",), 10),
        Column("contact_phone", "联系电话", _PHONE_ALIASES, 15, text=True, required=True),
        Column(
            "employment_mode",
            "用工方式",
            ("用工形式", "用工类型", "用工性质"),
            12,
            required=True,
            choices=tuple(label for _, label in EMPLOYMENT_MODES),
        ),
        Column(
            "occupation",
            "职业(工种)",
            ("职业", "工种", "职业工种", "职业/工种", "工种(职业)", "岗位", "招聘岗位", "岗位名称"),
            14,
            required=True,
            hint="可从“工种目录”中选择，也可直接填写",
        ),
        Column(
            "headcount", "招聘人数", ("人数", "需求人数", "招工人数", "用工人数"), 10, required=True
        ),
        Column("skill_requirements", "技能要求", ("岗位要求", "任职要求", "要求"), 24),
        Column("work_location", "工作地点", ("地点", "工作地址", "用工地点"), 20, required=True),
        Column("work_hours", "工作时长", ("工作时间", "时长", "工期"), 14),
        Column(
            "pay",
            "薪资待遇",
            ("薪资", "工资", "薪酬", "待遇", "工资待遇", "薪资标准"),
            16,
            hint="如 180-220元/天、5000元/月、面议",
        ),
        Column(
            "pay_method",
            "计酬方式",
            ("结算方式", "付薪方式", "计薪方式", "工资结算方式", "计酬形式"),
            12,
            choices=tuple(label for _, label in PAY_METHODS),
        ),
        Column(
            "expiry_date",
            "截止日期",
            ("截止时间", "有效期至", "招聘截止日期", "有效期"),
            12,
            is_date=True,
            hint="如 2026-12-31",
        ),
        Column(
            "start_date", "开始日期", ("开工日期", "到岗日期"), 12, is_date=True, role="optional"
        ),
        Column("description", "岗位说明", ("岗位描述", "工作内容"), 24, role="optional"),
        Column(
            "employer_kind",
            "用工主体类型",
            ("主体类型", "单位类型"),
            10,
            choices=tuple(label for _, label in EMPLOYER_KINDS),
            role="optional",
        ),
        Column("status", "状态", ("招聘状态",), 8, role="optional"),
        Column(
            "published_at", "发布日期", ("发布时间", "登记日期"), 12, is_date=True, role="optional"
        ),
    ),
    key_columns=("employer_name", "occupation"),
    error_columns=(("pay_min", "pay"), ("pay_max", "pay"), ("pay_unit", "pay")),
)

SPECS: tuple[SheetSpec, ...] = (WORKER_SPEC, POSTING_SPEC)

# Employer validation errors (EmployerDraft field) → posting column.
EMPLOYER_ERROR_COLUMNS = {
    "name": "employer_name",
    "kind": "employer_kind",
    "contact_person": "contact_person",
    "phone": "contact_phone",
}

_OPTIONAL_NOTE_RE = re.compile(r"\((?:必填|选填|可选|非必填|必须)\)$")
_TRAILING_HINT_RE = re.compile(r"\([^()]*\)$")


def header_key(text: Any) -> str:
    """A header cell reduced for comparison: half-width, no spaces, no required-marks."""
    s = to_halfwidth("" if text is None else str(text))
    s = re.sub(r"[\s*:\u200b\ufeff]+", "", s).replace("【", "(").replace("】", ")")
    return _OPTIONAL_NOTE_RE.sub("", s).lower()


def _lookup(spec: SheetSpec) -> dict[str, Column]:
    table: dict[str, Column] = {}
    for column in spec.columns:
        for name in (column.header, *column.aliases):
            table.setdefault(header_key(name), column)
    return table


_LOOKUPS = {spec.kind: _lookup(spec) for spec in SPECS}


def column_for_header(spec: SheetSpec, text: Any) -> Column | None:
    key = header_key(text)
    if not key:
        return None
    table = _LOOKUPS[spec.kind]
    found = table.get(key)
    if found is None:  # "联系电话(手机)", "截止日期(年-月-日)"
        found = table.get(_TRAILING_HINT_RE.sub("", key))
    return found


@dataclass
class HeaderMatch:
    """A recognised header row: which column index feeds which ledger column."""

    spec: SheetSpec
    row_index: int  # 0-based index into the rows given to find_header
    columns: dict[int, Column]
    unknown: list[str]  # header texts of columns that will be ignored
    duplicates: list[str]  # header texts of a column already filled by an earlier one


def match_header(spec: SheetSpec, cells: Sequence[Any], row_index: int = 0) -> HeaderMatch:
    columns: dict[int, Column] = {}
    unknown: list[str] = []
    duplicates: list[str] = []
    taken: set[str] = set()
    for index, cell in enumerate(cells):
        column = column_for_header(spec, cell)
        if column is None:
            if clean_text(_as_str(cell)):
                unknown.append(clean_text(_as_str(cell)))
        elif column.key in taken:
            duplicates.append(clean_text(_as_str(cell)))
        else:
            taken.add(column.key)
            if column.role != "info":
                columns[index] = column
    return HeaderMatch(spec, row_index, columns, unknown, duplicates)


def find_header(rows: Sequence[Sequence[Any]]) -> HeaderMatch | None:
    """The first row (of the first HEADER_SEARCH_ROWS) that is a worker or posting header:
    it names all key columns of a kind. Title rows, date lines and blank rows above it are
    skipped. When a row could be either kind, the kind with more recognised columns wins."""
    for index, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        best: HeaderMatch | None = None
        for spec in SPECS:
            match = match_header(spec, cells, index)
            keys = {c.key for c in match.columns.values()}
            if all(k in keys for k in spec.key_columns) and (
                best is None or len(match.columns) > len(best.columns)
            ):
                best = match
        if best is not None:
            return best
    return None


def _as_str(value: Any) -> str:
    return "" if value is None else str(value)


_SCIENTIFIC_RE = re.compile(r"^\s*\d(?:\.\d+)?[eE]\+?\d+\s*$")


def digits_lost(value: Any) -> bool:
    """True when a long number was stored by Excel as a floating-point number or shown in
    scientific notation (1.10105E+17): its last digits are gone and cannot be recovered.
    (A whole number stored as an integer, e.g. a phone typed as 13812345678, is exact.)"""
    if isinstance(value, float):
        return abs(value) >= 1e15 or not value.is_integer()
    return isinstance(value, str) and bool(_SCIENTIFIC_RE.match(to_halfwidth(value)))


def cell_value(value: Any, column: Column) -> Any:
    """A cell as the draft wants it: text, or a date for date columns (Excel dates kept)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        if column.is_date:
            return value.date()
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date):
        return value if column.is_date else value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if column.text:  # Excel tricks to keep digits: ="330102…", '330102…, a leading tab
        quoted = _EXCEL_TEXT_RE.fullmatch(text.strip())
        text = quoted.group(1) if quoted else text.strip().lstrip("'")
    return text


_EXCEL_TEXT_RE = re.compile(r'="(.*)"')


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not clean_text(value))


def employer_kind(name: str, kind_text: str = "") -> str:
    """The employer kind code: from the ledger's 用工主体类型 when given (left as typed when
    unknown, so validation names it), else guessed from the name as the counter does."""
    if clean_text(kind_text):
        return code_of(EMPLOYER_KINDS, kind_text) or clean_text(kind_text)
    return guess_employer_kind(name)
