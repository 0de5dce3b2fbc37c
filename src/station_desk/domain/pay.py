"""Pay amounts and units: parsing "180-220元/天" and formatting back."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from .enums import code_of, label_of, make_enum
from .text import clean_text

PAY_UNITS = make_enum(
    (
        ("hour", "元/小时"),
        ("day", "元/天"),
        ("week", "元/周"),
        ("month", "元/月"),
        ("piece", "元/件"),
        ("job", "元/次"),
        ("mu", "元/亩"),
    ),
    {
        "hour": (
            "小时",
            "时",
            "每小时",
            "一小时",
            "元/时",
            "元每小时",
            "按小时",
            "/小时",
            "/h",
            "h",
        ),
        "day": ("天", "日", "每天", "一天", "元/日", "元每天", "按天", "/天", "/日", "工日"),
        "week": ("周", "每周", "一周", "星期", "/周"),
        "month": ("月", "每月", "一个月", "元每月", "按月", "/月", "个月"),
        "piece": ("件", "每件", "计件", "元每件", "/件", "个", "元/个", "斤", "元/斤"),
        "job": ("次", "每次", "单", "元/单", "每单", "趟", "元/趟", "/次", "/单"),
        "mu": ("亩", "每亩", "/亩"),
    },
)

MAX_PAY = Decimal("1000000")
_NUM = r"(\d+(?:\.\d+)?)\s*(千|k|万|w)?"
_PAY_RE = re.compile(
    rf"^{_NUM}\s*(?:元|块钱|块)?\s*(?:(?:-|~|～|—|–|至|到)\s*{_NUM}\s*(?:元|块钱|块)?)?\s*(.*)$",
    re.IGNORECASE,
)
_NEGOTIABLE = frozenset({"面议", "议价", "商议", "协商", "面谈", "待定"})


class PostingFieldError(ValueError):
    """A posting (or worker) field that cannot be understood; ``field`` names the draft field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _amount(number: str, scale: str | None) -> Decimal:
    value = Decimal(number)
    if scale:
        value *= Decimal(10000) if scale.lower() in ("万", "w") else Decimal(1000)
    return value


def parse_amount(text: str | None, field: str = "pay") -> Decimal | None:
    """A single money amount ("220", "220元", "5千"); empty → None."""
    s = re.sub(r"\s+", "", clean_text(text))
    if not s:
        return None
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(千|k|万|w)?(?:元|块)?", s, re.IGNORECASE)
    if not m:
        raise PostingFieldError(field, f"金额应为数字：{s}")
    try:
        return _check(_amount(m.group(1), m.group(2)), field)
    except InvalidOperation:
        raise PostingFieldError(field, f"金额应为数字：{s}") from None


def _check(value: Decimal, field: str) -> Decimal:
    if value <= 0:
        raise PostingFieldError(field, "薪资应大于0")
    if value > MAX_PAY:
        raise PostingFieldError(field, "薪资金额过大，请核对")
    return value.quantize(Decimal("0.01")).normalize() if value % 1 else value.quantize(Decimal(1))


def parse_pay_unit(text: str | None, field: str = "pay_unit") -> str | None:
    s = clean_text(text)
    if not s:
        return None
    code = code_of(PAY_UNITS, s.lstrip("/"))
    if code is None:
        code = code_of(PAY_UNITS, s)
    if code is None:
        raise PostingFieldError(field, f"无法识别的薪资单位：{s}")
    return code


def parse_pay(
    text: str | None, field: str = "pay"
) -> tuple[Decimal | None, Decimal | None, str | None]:
    """Parse free-text pay into (min, max, unit code).

    "180-220元/天" → (180, 220, "day"); "200元/天" → (200, 200, "day"); "150～200 元每天";
    "5000元/月"; "面议" or empty → (None, None, None). Raises PostingFieldError on nonsense
    or when the unit is missing.
    """
    s = re.sub(r"\s+", "", clean_text(text))
    if not s or s in _NEGOTIABLE:
        return None, None, None
    m = _PAY_RE.match(s)
    if not m:
        raise PostingFieldError(field, f"无法识别薪资：{s}（例如 180-220元/天）")
    low = _check(_amount(m.group(1), m.group(2)), field)
    high = _check(_amount(m.group(3), m.group(4)), field) if m.group(3) else low
    if low > high:
        raise PostingFieldError(field, "最低薪资不能高于最高薪资")
    rest = m.group(5)
    if not rest:
        raise PostingFieldError(field, "请写明薪资单位，如 元/天、元/月")
    unit = parse_pay_unit(rest, field)
    return low, high, unit


def _fmt(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_pay(pay_min: Decimal | None, pay_max: Decimal | None, unit: str | None) -> str:
    """(180, 220, "day") → "180–220元/天"; (200, 200, "day") → "200元/天"; nothing → "面议"."""
    if pay_min is None and pay_max is None:
        return "面议"
    suffix = label_of(PAY_UNITS, unit) if unit else "元"
    if pay_min is None or pay_max is None or pay_min == pay_max:
        only = pay_min if pay_min is not None else pay_max
        assert only is not None
        prefix = "最高" if pay_min is None else ("" if pay_max is not None else "最低")
        return f"{prefix}{_fmt(only)}{suffix}"
    return f"{_fmt(pay_min)}–{_fmt(pay_max)}{suffix}"
