"""Masking of personal data for lists, exports and printouts. Never raises."""

from __future__ import annotations

import re

_MASK = "*"


def mask_id_number(number: str | None) -> str:
    """ "11010519491231002X" → "110105********002X" (first 6 and last 4 kept).

    Shorter or odd input reveals at most a third of its characters at each end.
    """
    s = (number or "").strip()
    n = len(s)
    if n == 0:
        return ""
    if n == 18:
        return s[:6] + _MASK * 8 + s[-4:]
    head = min(6, n // 3)
    tail = min(4, n // 3)
    return s[:head] + _MASK * (n - head - tail) + (s[n - tail :] if tail else "")


def mask_phone(phone: str | None) -> str:
    """ "13812345678" → "138****5678"; "0571-87654321" → "0571-****4321".

    Landlines keep the area code and the last 2–4 digits of the local number; anything else
    keeps at most a third of its characters at each end.
    """
    s = (phone or "").strip()
    if not s:
        return ""
    if re.fullmatch(r"1\d{10}", s):
        return s[:3] + _MASK * 4 + s[-4:]
    m = re.fullmatch(r"(0\d{2,3})-(\d{5,8})(?:-\d+)?", s)
    if m:
        local = m.group(2)
        keep = 4 if len(local) >= 7 else 2
        return f"{m.group(1)}-{_MASK * (len(local) - keep)}{local[-keep:]}"
    n = len(s)
    head = min(3, n // 3)
    tail = min(4, n // 3)
    return s[:head] + _MASK * (n - head - tail) + (s[n - tail :] if tail else "")


def mask_name(name: str | None) -> str:
    """ "张三丰" → "张**" (family name only); for the lobby board and printed lists."""
    s = (name or "").strip()
    if not s:
        return ""
    return s[0] + _MASK * max(1, len(s) - 1)
