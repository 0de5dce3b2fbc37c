"""Employer (用工主体) fields and the unified social credit code (GB 32100-2015)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .enums import code_of, make_enum
from .phone import PhoneError, parse_phone
from .text import clean_text

EMPLOYER_KINDS = make_enum(
    (("company", "企业/单位"), ("individual", "个人")),
    {
        "company": ("企业", "单位", "公司", "合作社", "个体工商户", "机关", "事业单位"),
        "individual": ("个人雇主", "自然人", "私人", "农户", "家庭"),
    },
)

CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


class CreditCodeError(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def credit_code_check_char(first17: str) -> str:
    """GB 32100-2015 check character for the first 17 characters."""
    total = sum(
        CREDIT_CODE_CHARS.index(c) * w for c, w in zip(first17, _CREDIT_WEIGHTS, strict=True)
    )
    return CREDIT_CODE_CHARS[(31 - total % 31) % 31]


def parse_credit_code(raw: str | None) -> str:
    """Normalised 18-character code ("" when empty) or CreditCodeError."""
    code = re.sub(r"[\s\-]+", "", clean_text(raw)).upper()
    if not code:
        return ""
    if len(code) != 18:
        raise CreditCodeError(f"统一社会信用代码应为18位，现在是{len(code)}位")
    bad = [c for c in code if c not in CREDIT_CODE_CHARS]
    if bad:
        raise CreditCodeError(f"统一社会信用代码含有无效字符：{bad[0]}（不使用I、O、Z、S、V）")
    if not code[2:8].isdigit():
        raise CreditCodeError("统一社会信用代码第3–8位应为行政区划代码")
    expected = credit_code_check_char(code[:17])
    if code[17] != expected:
        raise CreditCodeError(f"统一社会信用代码校验位应为{expected}")
    return code


@dataclass
class EmployerDraft:
    name: str = ""
    kind: str = ""
    contact_person: str = ""
    phone: str = ""
    address: str = ""
    credit_code: str = ""


@dataclass
class EmployerFields:
    name: str
    kind: str
    contact_person: str
    phone: str
    address: str
    credit_code: str  # "" when not given


_ORGANISATION_ENDINGS = (
    "公司",
    "厂",
    "部",
    "店",
    "中心",
    "合作社",
    "社",
    "场",
    "站",
    "院",
    "所",
    "局",
    "会",
    "馆",
    "园",
    "行",
    "坊",
    "队",
    "集团",
    "企业",
    "超市",
    "酒店",
    "餐厅",
    "学校",
)


def guess_employer_kind(name: str) -> str:
    """company when the name reads like an organisation (…有限公司, …服务部), else individual
    (王先生, 张女士): for employers first met through a phoned-in posting."""
    return "company" if clean_text(name).endswith(_ORGANISATION_ENDINGS) else "individual"


def validate_employer(draft: EmployerDraft) -> tuple[EmployerFields | None, dict[str, str]]:
    """Check a draft; return (fields, {}) or (None, {draft field: Chinese message})."""
    errors: dict[str, str] = {}
    name = clean_text(draft.name)
    if not name:
        errors["name"] = "请填写用工主体名称"
    elif len(name) > 100:
        errors["name"] = "名称过长（最多100字）"

    kind_text = clean_text(draft.kind)
    kind = code_of(EMPLOYER_KINDS, kind_text) if kind_text else None
    if not kind_text:
        errors["kind"] = "请选择用工主体类型（企业/单位或个人）"
    elif kind is None:
        errors["kind"] = f"无法识别的用工主体类型：{kind_text}"

    contact_person = clean_text(draft.contact_person)
    if len(contact_person) > 50:
        errors["contact_person"] = "联系人过长（最多50字）"

    phone = ""
    try:
        phone = parse_phone(draft.phone)
    except PhoneError as exc:
        errors["phone"] = exc.message

    address = clean_text(draft.address)
    if len(address) > 200:
        errors["address"] = "地址过长（最多200字）"

    credit_code = ""
    try:
        credit_code = parse_credit_code(draft.credit_code)
    except CreditCodeError as exc:
        errors["credit_code"] = exc.message

    if errors or kind is None:
        return None, errors
    return EmployerFields(name, kind, contact_person, phone, address, credit_code), {}
