"""Phone numbers: 11-digit mainland mobiles and landlines with an area code.

Normal forms:
- mobile: 11 digits, "13812345678" (a leading +86 / 0086 / 86 is dropped);
- landline: "0571-87654321" — area code of 3–4 digits starting with 0, local number of
  7–8 digits not starting with 0 or 1; an extension is kept after a second dash
  ("0571-87654321-8001", 1–6 digits; written with 转, ext, x or # on input).
"""

from __future__ import annotations

import re

from .text import to_halfwidth

_MOBILE_RE = re.compile(r"1[3-9]\d{9}")
_LANDLINE_RE = re.compile(r"(0\d{2,3})-?([2-9]\d{6,7})(?:-(\d{1,6}))?")
# 3-digit area codes (010, 02x); every other area code has 4 digits.
_THREE_DIGIT_AREA_RE = re.compile(r"0(10|2\d)")
_EXT_RE = re.compile(r"(?:转|分机|ext\.?|x|#)", re.IGNORECASE)
_SEP_RE = re.compile(r"[\s\u2010-\u2015\u2212()（）]+")


class PhoneError(ValueError):
    """A phone number that is not valid; ``message`` is shown to staff (Chinese)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _prepare(raw: str) -> str:
    s = to_halfwidth(raw or "").strip()
    s = _EXT_RE.sub("-", s)
    s = _SEP_RE.sub("", s)
    s = re.sub(r"-+", "-", s).strip("-")
    if s.startswith("+86"):
        s = s[3:].lstrip("-")
    elif s.startswith("0086"):
        s = s[4:].lstrip("-")
    elif s.startswith("86") and len(s.replace("-", "")) == 13:
        s = s[2:].lstrip("-")
    return s


def normalize_phone(raw: str) -> str:
    """Best-effort normal form (see module doc); returns the cleaned text even when invalid."""
    try:
        return parse_phone(raw)
    except PhoneError:
        return _prepare(raw)


def parse_phone(raw: str) -> str:
    """Return the normalised number or raise PhoneError with a Chinese message."""
    s = _prepare(raw)
    if not s:
        raise PhoneError("请填写联系电话")
    digits = s.replace("-", "")
    if not digits.isascii() or not digits.isdigit():
        raise PhoneError("电话号码只能包含数字")
    if digits.startswith("1"):
        if len(digits) != 11:
            raise PhoneError(f"手机号应为11位，现在是{len(digits)}位")
        if not _MOBILE_RE.fullmatch(digits):
            raise PhoneError("手机号应以13–19开头")
        return digits
    if not digits.startswith("0"):
        raise PhoneError("固定电话需带区号（如0571-87654321）")
    return _parse_landline(s)


def _parse_landline(s: str) -> str:
    parts = s.split("-")
    if len(parts[0]) <= 4:
        area, local, ext = parts[0], (parts[1] if len(parts) > 1 else ""), "".join(parts[2:])
    else:
        digits = parts[0]
        area_len = 3 if _THREE_DIGIT_AREA_RE.match(digits) else 4
        area, local, ext = digits[:area_len], digits[area_len:], "".join(parts[1:])
    candidate = f"{area}-{local}" + (f"-{ext}" if ext else "")
    m = _LANDLINE_RE.fullmatch(candidate)
    if not m:
        if not 3 <= len(area) <= 4:
            raise PhoneError("区号应为3–4位，以0开头")
        raise PhoneError("固定电话号码应为区号加7–8位号码")
    if _THREE_DIGIT_AREA_RE.fullmatch(area) is None and len(area) == 3:
        raise PhoneError("区号应为3–4位，以0开头")
    return candidate


def is_mobile(s: str) -> bool:
    """True for an 11-digit mainland mobile number (after normalisation)."""
    try:
        return parse_phone(s).isdigit()
    except PhoneError:
        return False


def is_valid_phone(s: str) -> bool:
    try:
        parse_phone(s)
    except PhoneError:
        return False
    return True
