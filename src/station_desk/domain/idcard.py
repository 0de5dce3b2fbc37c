"""Citizen ID numbers (GB 11643-1999): normalisation, check digit, birth date, sex, region."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from operator import mul

from .regions import is_known_province, region_label, region_names
from .text import to_halfwidth

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_STRIP_RE = re.compile(r"[\s\-_\u2010-\u2015\u2212]+")
EARLIEST_BIRTH_YEAR = 1900


class IdNumberError(ValueError):
    """An ID number that is not valid; ``message`` is shown to staff (Chinese)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def normalize_id_number(raw: str) -> str:
    """Strip spaces and dashes, convert full-width characters, upper-case the trailing x."""
    s = _STRIP_RE.sub("", to_halfwidth(raw or ""))
    return s.upper()


def check_digit(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character for the first 17 digits."""
    if len(first17) != 17 or not (first17.isascii() and first17.isdigit()):
        raise ValueError("first17 must be 17 ASCII digits")
    total = sum(map(mul, map(int, first17), _WEIGHTS))
    return _CHECK_CHARS[total % 11]


@dataclass(frozen=True)
class IdCardInfo:
    """What an 18-digit ID number tells about its holder."""

    number: str
    birth_date: date
    sex: str  # "男" or "女"
    region_code: str
    province: str | None
    city: str | None
    county: str | None

    def age(self, on: date) -> int:
        """Age in whole years on the given day (a 29 Feb birthday counts from 1 Mar)."""
        years = on.year - self.birth_date.year
        if (on.month, on.day) < (self.birth_date.month, self.birth_date.day):
            years -= 1
        return years

    @property
    def region_label(self) -> str:
        return region_label(self.region_code)


def _validated(raw: str, today: date | None) -> tuple[str, date]:
    """The normalised number and birth date of a valid ID number; raises IdNumberError."""
    today = today or date.today()
    number = normalize_id_number(raw)
    if not number:
        raise IdNumberError("请填写身份证号")
    if len(number) != 18:
        raise IdNumberError(f"身份证号应为18位，现在是{len(number)}位")
    first17, last = number[:17], number[17]
    if not (first17.isascii() and first17.isdigit()):
        raise IdNumberError("前17位只能是数字")
    if not (last == "X" or (last.isascii() and last.isdigit())):
        raise IdNumberError("第18位只能是数字或X")
    if not is_known_province(number[:2]):
        raise IdNumberError(f"省份代码{number[:2]}不存在")
    birth_text = number[6:14]
    try:
        birth = date(int(birth_text[:4]), int(birth_text[4:6]), int(birth_text[6:8]))
    except ValueError:
        raise IdNumberError(f"出生日期{birth_text}不存在") from None
    if birth > today:
        raise IdNumberError("出生日期不能晚于今天")
    if birth.year < EARLIEST_BIRTH_YEAR:
        raise IdNumberError(f"出生年份早于{EARLIEST_BIRTH_YEAR}年")
    expected = check_digit(first17)
    if last != expected:
        raise IdNumberError(f"第18位校验码应为{expected}，请核对号码")
    return number, birth


def id_number_problem(raw: str, today: date | None = None) -> str | None:
    """Why an ID number is not valid (the message staff see), or None: the checks of
    parse_id_number without looking up the region's names (for checking many at once)."""
    try:
        _validated(raw, today)
    except IdNumberError as error:
        return error.message
    return None


def parse_id_number(raw: str, today: date | None = None) -> IdCardInfo:
    """Validate an ID number and return what it encodes; raises IdNumberError."""
    number, birth = _validated(raw, today)
    region_code = number[:6]
    province, city, county = region_names(region_code)
    return IdCardInfo(
        number=number,
        birth_date=birth,
        sex="男" if int(number[16]) % 2 == 1 else "女",
        region_code=region_code,
        province=province,
        city=city,
        county=county,
    )


def is_valid_id_number(raw: str, today: date | None = None) -> bool:
    try:
        parse_id_number(raw, today)
    except IdNumberError:
        return False
    return True


def make_id_number(region_code: str, birth: date, sequence: int) -> str:
    """Build a valid ID number (for demo data and tests). ``sequence`` is 0–999; odd = male."""
    if len(region_code) != 6 or not region_code.isdigit():
        raise ValueError("region_code must be 6 digits")
    if not 0 <= sequence <= 999:
        raise ValueError("sequence must be 0–999")
    first17 = f"{region_code}{birth:%Y%m%d}{sequence:03d}"
    return first17 + check_digit(first17)
