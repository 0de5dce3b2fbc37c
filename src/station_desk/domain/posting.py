"""Posting (用工信息) fields of the service standard and their validation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from .dates import DateFormatError, parse_date
from .enums import code_of, label_of, make_enum
from .occupations import find_occupation
from .pay import (
    PAY_UNITS,
    PostingFieldError,
    format_pay,
    parse_amount,
    parse_pay,
    parse_pay_unit,
)
from .phone import PhoneError, parse_phone
from .text import clean_text

__all__ = [
    "EMPLOYMENT_MODES",
    "PAY_METHODS",
    "PAY_UNITS",
    "POSTING_STATUSES",
    "PostingDraft",
    "PostingFieldError",
    "PostingFields",
    "code_of",
    "format_pay",
    "label_of",
    "parse_pay",
    "posting_state_label",
    "validate_posting",
]

EMPLOYMENT_MODES = make_enum(
    (
        ("part_time", "非全日制"),
        ("temporary", "临时"),
        ("seasonal", "季节性"),
        ("daily", "日结"),
        ("hourly", "小时工"),
    ),
    {
        "part_time": ("非全日", "非全日制用工", "兼职", "非全职"),
        "temporary": ("临时工", "临时用工", "短期", "短期工", "临时性"),
        "seasonal": ("季节", "季节工", "季节性用工", "农忙"),
        "daily": ("日结工", "按天", "按日", "日结用工", "天结"),
        "hourly": ("钟点工", "按小时", "小时", "计时"),
    },
)

PAY_METHODS = make_enum(
    (
        ("daily", "日结"),
        ("weekly", "周结"),
        ("monthly", "月结"),
        ("on_completion", "完工结算"),
        ("piece", "计件"),
    ),
    {
        "daily": ("当天结", "天结", "按天结", "日清", "当日结"),
        "weekly": ("按周结", "每周结"),
        "monthly": ("按月结", "每月结", "月薪"),
        "on_completion": ("完工结", "完工后结算", "干完结", "做完结", "项目结"),
        "piece": ("计件结算", "按件", "按件结"),
    },
)

POSTING_STATUSES = make_enum(
    (("open", "招聘中"), ("closed", "已关闭"), ("filled", "已招满")),
    {"open": ("招聘", "开放"), "closed": ("关闭", "停止"), "filled": ("招满", "满员")},
)

EXPIRED_LABEL = "已过期"


def posting_state_label(status: str, expiry_date: date | str | None, today: date) -> str:
    """What a posting's status means today: an open posting past its closing date is 已过期."""
    if status == "open" and expiry_date:
        expiry = (
            expiry_date if isinstance(expiry_date, date) else date.fromisoformat(expiry_date[:10])
        )
        if expiry < today:
            return EXPIRED_LABEL
    return label_of(POSTING_STATUSES, status)


MAX_HEADCOUNT = 9999
MAX_TEXT = 2000
MAX_NAME = 100

DateInput = str | date | datetime | None


@dataclass
class PostingDraft:
    """What staff typed (or an import read); every value raw."""

    employer_name: str = ""
    contact_person: str = ""
    contact_phone: str = ""
    employment_mode: str = ""
    occupation: str = ""
    headcount: str | int = ""
    skill_requirements: str = ""
    work_location: str = ""
    work_hours: str = ""
    pay: str = ""  # free text "180-220元/天"; when empty pay_min/pay_max/pay_unit are used
    pay_min: str | int | float | Decimal = ""
    pay_max: str | int | float | Decimal = ""
    pay_unit: str = ""
    pay_method: str = ""
    start_date: DateInput = ""
    expiry_date: DateInput = ""
    description: str = ""


@dataclass
class PostingFields:
    """Validated, typed posting values."""

    employer_name: str
    contact_person: str
    contact_phone: str
    employment_mode: str
    occupation_code: str | None
    occupation_name: str
    headcount: int
    skill_requirements: str = ""
    work_location: str = ""
    work_hours: str = ""
    pay_min: Decimal | None = None
    pay_max: Decimal | None = None
    pay_unit: str | None = None
    pay_method: str | None = None
    start_date: date | None = None
    expiry_date: date | None = None
    description: str = ""

    @property
    def pay_text(self) -> str:
        return format_pay(self.pay_min, self.pay_max, self.pay_unit)


def _required(
    errors: dict[str, str], draft_field: str, value: str, message: str, limit: int = MAX_NAME
) -> str:
    text = clean_text(value)
    if not text:
        errors[draft_field] = message
    elif len(text) > limit:
        errors[draft_field] = f"内容过长（最多{limit}字）"
    return text


def _optional(errors: dict[str, str], draft_field: str, value: str, limit: int) -> str:
    text = clean_text(value)
    if len(text) > limit:
        errors[draft_field] = f"内容过长（最多{limit}字）"
    return text


def _headcount(value: str | int, errors: dict[str, str]) -> int:
    text = clean_text(str(value)).removesuffix("人").removesuffix("名")
    if not text:
        errors["headcount"] = "请填写招聘人数"
        return 0
    if text.isascii() and text.isdigit() and 1 <= int(text) <= MAX_HEADCOUNT:
        return int(text)
    errors["headcount"] = f"招聘人数应为1–{MAX_HEADCOUNT}的整数"
    return 0


def _date(value: DateInput, draft_field: str, errors: dict[str, str]) -> date | None:
    try:
        return parse_date(value)
    except DateFormatError as exc:
        errors[draft_field] = exc.message
        return None


PayValue = tuple[Decimal | None, Decimal | None, str | None]


def _pay(draft: PostingDraft, errors: dict[str, str]) -> PayValue | None:
    """(min, max) amounts and unit code, or None after recording an error."""
    try:
        if clean_text(draft.pay):
            return parse_pay(draft.pay, "pay")
        low = parse_amount(str(draft.pay_min), "pay_min")
        high = parse_amount(str(draft.pay_max), "pay_max")
        unit = parse_pay_unit(draft.pay_unit, "pay_unit")
    except PostingFieldError as exc:
        errors[exc.field] = exc.message
        return None
    if low is not None and high is not None and low > high:
        errors["pay_min"] = "最低薪资不能高于最高薪资"
        return None
    if (low is not None or high is not None) and unit is None:
        errors["pay_unit"] = "请选择薪资单位"
        return None
    return low, high, unit


def validate_posting(
    draft: PostingDraft, today: date | None = None, *, history: bool = False
) -> tuple[PostingFields | None, dict[str, str]]:
    """Check a draft; return (fields, {}) or (None, {draft field: Chinese message}).

    history: the posting is from a ledger of past work, so a closing date before today is
    allowed (the posting shows as expired)."""
    today = today or date.today()
    errors: dict[str, str] = {}

    employer_name = _required(
        errors, "employer_name", draft.employer_name, "请填写用工单位或个人名称"
    )
    contact_person = _optional(errors, "contact_person", draft.contact_person, 50)
    phone = ""
    try:
        phone = parse_phone(draft.contact_phone)
    except PhoneError as exc:
        errors["contact_phone"] = exc.message

    mode_text = clean_text(draft.employment_mode)
    mode = code_of(EMPLOYMENT_MODES, mode_text)
    if not mode_text:
        errors["employment_mode"] = "请选择用工形式"
    elif mode is None:
        errors["employment_mode"] = f"无法识别的用工形式：{mode_text}"

    occupation_text = _required(errors, "occupation", draft.occupation, "请填写职业(工种)")
    occupation = find_occupation(occupation_text)
    headcount = _headcount(draft.headcount, errors)
    skill_requirements = _optional(errors, "skill_requirements", draft.skill_requirements, MAX_TEXT)
    work_location = _required(errors, "work_location", draft.work_location, "请填写工作地点", 200)
    work_hours = _optional(errors, "work_hours", draft.work_hours, 200)
    pay = _pay(draft, errors)

    method_text = clean_text(draft.pay_method)
    pay_method = code_of(PAY_METHODS, method_text)
    if method_text and pay_method is None:
        errors["pay_method"] = f"无法识别的计酬方式：{method_text}"

    start = _date(draft.start_date, "start_date", errors)
    expiry = _date(draft.expiry_date, "expiry_date", errors)
    if expiry is not None and "expiry_date" not in errors:
        if expiry < today and not history:
            errors["expiry_date"] = "截止日期不能早于今天"
        elif start is not None and expiry < start:
            errors["expiry_date"] = "截止日期不能早于开始日期"
    description = _optional(errors, "description", draft.description, MAX_TEXT)

    if errors:
        return None, errors
    assert mode is not None and pay is not None
    return (
        PostingFields(
            employer_name=employer_name,
            contact_person=contact_person,
            contact_phone=phone,
            employment_mode=mode,
            occupation_code=occupation.code if occupation else None,
            occupation_name=occupation.name if occupation else occupation_text,
            headcount=headcount,
            skill_requirements=skill_requirements,
            work_location=work_location,
            work_hours=work_hours,
            pay_min=pay[0],
            pay_max=pay[1],
            pay_unit=pay[2],
            pay_method=pay_method,
            start_date=start,
            expiry_date=expiry,
            description=description,
        ),
        {},
    )
