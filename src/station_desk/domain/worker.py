"""Gig worker (零工人员) registration fields and their validation."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from .enums import make_enum
from .idcard import IdCardInfo, IdNumberError, parse_id_number
from .occupations import parse_trades
from .pay import PostingFieldError, parse_pay
from .phone import PhoneError, parse_phone
from .text import clean_text

# "大龄" hardship threshold, following the "4050" definition used by employment-assistance
# policy: women aged 40 and over, men aged 50 and over.
OLDER_AGE: dict[str, int] = {"男": 50, "女": 40}
OLDER_AGE_MALE = OLDER_AGE["男"]
OLDER_AGE_FEMALE = OLDER_AGE["女"]

WORKER_STATUSES = make_enum(
    (("active", "求职中"), ("inactive", "已停用"), ("erased", "已删除")),
    {
        "active": ("在册", "正常", "求职"),
        "inactive": ("停用", "不再求职", "已就业"),
        "erased": ("已删除个人信息",),
    },
)
ERASED = "erased"
# What an erased person's name becomes: the record stays (statistics count it), the person
# can no longer be identified from it.
ERASED_NAME = "（已删除）"

NAME_MIN, NAME_MAX = 2, 20
MAX_TEXT = 500
_NAME_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fffA-Za-z·]+")
_DOTS_RE = re.compile(r"[.•・‧∙⋅･\u00b7\u2027\u30fb]")


@dataclass
class WorkerDraft:
    """What staff typed for a worker; every value raw."""

    name: str = ""
    id_number: str = ""
    phone: str = ""
    skills: str = ""
    intentions: str = ""
    expected_pay: str = ""
    note: str = ""
    hardship_long_wait: bool = False
    hardship_low_income: bool = False
    hardship_disability: bool = False


@dataclass
class WorkerFields:
    """Validated, typed worker values."""

    name: str
    id_number: str
    birth_date: date
    sex: str
    region_code: str
    phone: str
    skill_codes: list[str] = field(default_factory=list)
    skills_text: str = ""
    intention_codes: list[str] = field(default_factory=list)
    intentions_text: str = ""
    expected_pay_min: Decimal | None = None
    expected_pay_max: Decimal | None = None
    expected_pay_unit: str | None = None
    note: str = ""
    hardship_long_wait: bool = False
    hardship_low_income: bool = False
    hardship_disability: bool = False
    hardship_older: bool = False

    @property
    def is_hardship(self) -> bool:
        """True when any hardship flag applies (the worker gets the 131 measure)."""
        return (
            self.hardship_long_wait
            or self.hardship_low_income
            or self.hardship_disability
            or self.hardship_older
        )


def is_older_worker(sex: str, age: int) -> bool:
    """True when the worker counts as 大龄 (see OLDER_AGE)."""
    return age >= OLDER_AGE.get(sex, OLDER_AGE_MALE)


def normalize_name(raw: str | None) -> str:
    """Remove all spaces inside Chinese names, keep single spaces between Latin words, and
    unify middle dots to "·"."""
    text = _DOTS_RE.sub("·", clean_text(raw))
    if re.search(r"[A-Za-z]", text) and not re.search(r"[\u3400-\u9fff]", text):
        return text
    return re.sub(r"\s+", "", text)


def check_name(raw: str | None) -> str:
    """Return the normalised name or raise ValueError with a Chinese message."""
    name = normalize_name(raw)
    if not name:
        raise ValueError("请填写姓名")
    if not _NAME_RE.fullmatch(name.replace(" ", "")) or name.startswith("·") or name.endswith("·"):
        raise ValueError("姓名只能包含汉字、字母和·")
    if not NAME_MIN <= len(name) <= NAME_MAX:
        raise ValueError(f"姓名应为{NAME_MIN}–{NAME_MAX}个字")
    return name


def validate_worker(
    draft: WorkerDraft, today: date | None = None
) -> tuple[WorkerFields | None, dict[str, str]]:
    """Check a draft; return (fields, {}) or (None, {draft field: Chinese message})."""
    today = today or date.today()
    errors: dict[str, str] = {}

    name = ""
    try:
        name = check_name(draft.name)
    except ValueError as exc:
        errors["name"] = str(exc)

    info: IdCardInfo | None = None
    try:
        info = parse_id_number(draft.id_number, today)
    except IdNumberError as exc:
        errors["id_number"] = exc.message

    phone = ""
    try:
        phone = parse_phone(draft.phone)
    except PhoneError as exc:
        errors["phone"] = exc.message

    # The text is kept as typed (it is what staff see and edit); the codes are what matching
    # and statistics use.
    skills_text, intentions_text = clean_text(draft.skills), clean_text(draft.intentions)
    skill_codes = parse_trades(skills_text)[0]
    intention_codes = parse_trades(intentions_text)[0]
    for key, text in (("skills", skills_text), ("intentions", intentions_text)):
        if len(text) > MAX_TEXT:
            errors[key] = f"内容过长（最多{MAX_TEXT}字）"

    pay: tuple[Decimal | None, Decimal | None, str | None] = (None, None, None)
    try:
        pay = parse_pay(draft.expected_pay, "expected_pay")
    except PostingFieldError as exc:
        errors["expected_pay"] = exc.message

    note = clean_text(draft.note)
    if len(note) > MAX_TEXT:
        errors["note"] = f"内容过长（最多{MAX_TEXT}字）"

    if errors or info is None:
        return None, errors
    return (
        WorkerFields(
            name=name,
            id_number=info.number,
            birth_date=info.birth_date,
            sex=info.sex,
            region_code=info.region_code,
            phone=phone,
            skill_codes=skill_codes,
            skills_text=skills_text,
            intention_codes=intention_codes,
            intentions_text=intentions_text,
            expected_pay_min=pay[0],
            expected_pay_max=pay[1],
            expected_pay_unit=pay[2],
            note=note,
            hardship_long_wait=bool(draft.hardship_long_wait),
            hardship_low_income=bool(draft.hardship_low_income),
            hardship_disability=bool(draft.hardship_disability),
            hardship_older=is_older_worker(info.sex, info.age(today)),
        ),
        {},
    )


PERSONAL_FIELDS = ("name", "id_number", "phone", "skills_text", "intentions_text", "note")


def wipe_personal(fields: dict[str, Any]) -> dict[str, Any]:
    """A worker change's fields (as synced: JSON values) with what identifies the person
    wiped as an erasure wipes it: used to rewrite the history of an erased person. A birth
    date keeps its year."""
    wiped = dict(fields)
    for name in PERSONAL_FIELDS:
        if name in wiped:
            wiped[name] = ERASED_NAME if name == "name" else ""
    born = wiped.get("birth_date")
    if isinstance(born, str) and len(born) >= 4 and born[:4].isdigit():
        wiped["birth_date"] = f"{born[:4]}-01-01"
    return wiped


def erasure_values(birth_date: date | None) -> dict[str, object]:
    """The worker fields an erasure (删除个人信息) sets: everything that identifies the person
    or may hold personal free text is wiped; what statistics count stays (sex, birth year,
    region, hardship flags, trade codes, expected pay, registration and consent times).
    The birth date keeps only its year."""
    return {
        "name": ERASED_NAME,
        "id_number": "",
        "phone": "",
        "skills_text": "",
        "intentions_text": "",
        "note": "",
        "birth_date": birth_date.replace(month=1, day=1) if birth_date else None,
        "status": ERASED,
    }
