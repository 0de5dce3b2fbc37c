"""Domain checks on the values a change carries, after protocol.validate_change.

Each check returns a Chinese reason or None. They check what the server must rely on (ID
numbers for merging, phones, numbers, dates, codes), not the whole form validation the desk
already did; a field the server does not know a rule for only has to be plain JSON text,
number, boolean, list, object or null.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from station_desk.domain.cases import CASE_KINDS, CASE_STATUSES
from station_desk.domain.employer import EMPLOYER_KINDS
from station_desk.domain.hardship import SERVICE_KINDS
from station_desk.domain.hlc import MAX_COUNTER, Hlc
from station_desk.domain.idcard import id_number_problem
from station_desk.domain.pay import PAY_UNITS
from station_desk.domain.phone import PhoneError, parse_phone
from station_desk.domain.posting import EMPLOYMENT_MODES, PAY_METHODS, POSTING_STATUSES
from station_desk.domain.referral import OUTCOMES, REFERRAL_KINDS
from station_desk.domain.station import STATION_KINDS
from station_desk.domain.worker import ERASED, WORKER_STATUSES
from station_desk.sync.protocol import Change

MAX_TEXT = 20_000
MAX_WALL_MS = 10**13 - 1
Check = Callable[[Any], str | None]


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return "应为文字"
    return "内容太长" if len(value) > MAX_TEXT else None


def _required_text(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return "不能为空"
    return _text(value)


def _id_number(value: Any) -> str | None:
    if not isinstance(value, str):
        return "应为文字"
    return id_number_problem(value)


def _phone(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        return "应为文字"
    try:
        parse_phone(value)
    except PhoneError as exc:
        return exc.message
    return None


def _bool(value: Any) -> str | None:
    return None if isinstance(value, bool) else "应为是/否"


def _amount(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "应为数字"
    return "不能为负数" if value < 0 else None


def _headcount(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return "应为整数"
    return "至少为1人" if value < 1 else None


def _count(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return "应为整数"
    return "不能为负数" if value < 0 else None


def _optional_text(value: Any) -> str | None:
    return None if value is None else _text(value)


def _date(value: Any) -> str | None:
    if value is None:
        return None
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        return f"日期格式不对：{value}"
    return None


def _datetime(value: Any) -> str | None:
    if value is None:
        return None
    try:
        datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return f"时间格式不对：{value}"
    return None


def _code(enum: Any, optional: bool = False) -> Check:
    codes = {code for code, _label in enum}

    def check(value: Any) -> str | None:
        if optional and (value is None or value == ""):
            return None
        return None if value in codes else f"不认识的取值：{value}"

    return check


def _sex(value: Any) -> str | None:
    return None if value in ("男", "女", "") else f"性别应为男或女：{value}"


FIELD_LABELS = {
    "id_number": "身份证号",
    "phone": "电话",
    "contact_phone": "联系电话",
    "headcount": "招聘人数",
    "name": "名称",
    "employer_id": "用工单位",
    "occupation_name": "工种",
    "amount_owed": "欠薪金额",
    "amount_recovered": "追回金额",
    "outcome": "推荐结果",
    "count": "数量",
}

CHECKS: dict[str, dict[str, Check]] = {
    "worker": {
        "name": _required_text,
        "id_number": _id_number,
        "phone": _phone,
        "birth_date": _date,
        "sex": _sex,
        "expected_pay_min": _amount,
        "expected_pay_max": _amount,
        "expected_pay_unit": _code(PAY_UNITS, optional=True),
        "hardship_long_wait": _bool,
        "hardship_low_income": _bool,
        "hardship_disability": _bool,
        "hardship_older": _bool,
        "consent_at": _datetime,
        "status": _code(WORKER_STATUSES),
        "registered_at": _datetime,
    },
    "employer": {
        "name": _required_text,
        "kind": _code(EMPLOYER_KINDS),
        "phone": _phone,
        "registered_at": _datetime,
    },
    "posting": {
        "employer_id": _required_text,
        "contact_phone": _phone,
        "occupation_name": _required_text,
        "headcount": _headcount,
        "employment_mode": _code(EMPLOYMENT_MODES),
        "pay_min": _amount,
        "pay_max": _amount,
        "pay_unit": _code(PAY_UNITS, optional=True),
        "pay_method": _code(PAY_METHODS, optional=True),
        "start_date": _date,
        "expiry_date": _date,
        "status": _code(POSTING_STATUSES),
        "is_quick": _bool,
        "published_at": _datetime,
    },
    "station": {
        "name": _required_text,
        "kind": _code(STATION_KINDS),
        "phone": _phone,
    },
    "referral": {
        "worker_id": _required_text,
        "posting_id": _required_text,
        "kind": _code(REFERRAL_KINDS),
        "referred_at": _datetime,
    },
    "referral_outcome": {
        "referral_id": _required_text,
        "outcome": _code(OUTCOMES),
        "at": _datetime,
        "interview_at": _datetime,
    },
    "service": {
        "worker_id": _required_text,
        "kind": _code(SERVICE_KINDS),
        "served_at": _datetime,
    },
    "rights_case": {
        "worker_id": _optional_text,
        "employer_id": _optional_text,
        "kind": _code(CASE_KINDS),
        "amount_owed": _amount,
        "due_date": _date,
        "opened_at": _datetime,
    },
    "rights_case_event": {
        "case_id": _required_text,
        "status": _code(CASE_STATUSES),
        "at": _datetime,
        "amount_recovered": _amount,
    },
    "tool": {"name": _required_text, "count": _count},
    "tool_loan": {
        "tool_id": _required_text,
        "worker_id": _required_text,
        "count": _headcount,
        "lent_at": _datetime,
        "due_date": _date,
        "returned_at": _datetime,
    },
}
BOOKKEEPING_CHECKS: dict[str, Check] = {"deleted": _bool, "origin_station": _required_text}


def _plain(value: Any) -> str | None:
    if value is None or isinstance(value, bool | int | float):
        return None
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, list | dict):  # e.g. code lists; bounded by the request size limit
        return None
    return "应为文字、数字或是/否"


# An erasure (删除个人信息) blanks what identifies the person; only in the change that marks
# the worker erased may the ID number be blank.
_ERASURE_CHECKS: dict[str, Check] = {
    "id_number": lambda value: None if value == "" else _id_number(value),
}


def check_values(change: Change) -> str | None:
    """Why the values of this (protocol-valid) change are wrong, or None."""
    stamp = Hlc.decode(change.hlc)
    if not (0 <= stamp.wall_ms <= MAX_WALL_MS and 0 <= stamp.counter <= MAX_COUNTER):
        return f"时间戳超出范围：{change.hlc}"
    rules = CHECKS.get(change.kind, {})
    if change.kind == "worker" and change.fields.get("status") == ERASED:
        rules = {**rules, **_ERASURE_CHECKS}
    for name, value in change.fields.items():
        check = BOOKKEEPING_CHECKS.get(name) or rules.get(name) or _plain
        problem = check(value)
        if problem:
            return f"{FIELD_LABELS.get(name, name)}：{problem}"
    for low, high in (("pay_min", "pay_max"), ("expected_pay_min", "expected_pay_max")):
        lo, hi = change.fields.get(low), change.fields.get(high)
        if isinstance(lo, int | float) and isinstance(hi, int | float) and lo > hi:
            return "最低报酬不能高于最高报酬"
    return None
