"""Lenient parsing of dates typed at the counter or read from spreadsheets."""

from __future__ import annotations

import re
from datetime import date, datetime

from .text import clean_text

_YMD_RE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_COMPACT_RE = re.compile(r"(\d{4})(\d{2})(\d{2})")


class DateFormatError(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def parse_date(value: str | date | datetime | None) -> date | None:
    """Parse 2026-12-01, 2026/12/1, 2026.12.1, 20261201, 2026年12月1日, or a date/datetime
    value (Excel cells). Empty → None. Raises DateFormatError with a Chinese message."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = clean_text(str(value))
    if not text:
        return None
    # A datetime rendered as text ("2026-12-01 00:00:00"): ignore the time part.
    text = re.sub(r"\s+\d{1,2}:\d{2}(:\d{2})?$", "", text)
    m = _YMD_RE.fullmatch(text) or _COMPACT_RE.fullmatch(text)
    if not m:
        raise DateFormatError(f"日期格式不正确：{text}（例如 2026-12-01）")
    year, month, day = (int(g) for g in m.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise DateFormatError(f"日期{year}年{month}月{day}日不存在") from None
