"""Administrative division codes (GB/T 2260): province, prefecture city and county names.

The table lives in ``data/regions.tsv`` (see ``data/README.md`` for its source). It holds the
current codes and older, abolished codes that are still printed on ID cards.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

# City-level placeholder names used by the standard for municipalities and for counties
# administered directly by a province. They are never shown as a city name.
_PLACEHOLDER_CITY_NAMES = frozenset(
    {"市辖区", "县", "郊县", "省直辖县级行政区划", "省直辖行政单位"}
)
# County-level placeholder (old codes for "the city proper").
_PLACEHOLDER_COUNTY_NAMES = frozenset({"市辖区"})
# Provinces whose prefecture level is the municipality itself.
_MUNICIPALITIES = frozenset({"11", "12", "31", "50"})


@cache
def _load() -> tuple[dict[str, str], frozenset[str]]:
    """Return (code → name, set of abolished codes)."""
    names: dict[str, str] = {}
    old: set[str] = set()
    text = resources.files(__package__).joinpath("data/regions.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        code, name = parts[0], parts[1]
        names[code] = name
        if len(parts) > 2 and parts[2] == "old":
            old.add(code)
    return names, frozenset(old)


def _valid_code(code: str) -> bool:
    return len(code) == 6 and code.isascii() and code.isdigit()


def is_known_province(code2: str) -> bool:
    """True when the 2-digit province code exists (e.g. "11" 北京市, "81" 香港)."""
    return len(code2) == 2 and f"{code2}0000" in _load()[0]


def province_name(code6: str) -> str | None:
    """Province name of a 6-digit (or longer, e.g. an ID number) code, or None."""
    return _load()[0].get(f"{code6[:2]}0000") if len(code6) >= 2 else None


def region_names(code6: str) -> tuple[str | None, str | None, str | None]:
    """(province, city, county) names for a 6-digit code; None for a level that is unknown or
    does not apply. Municipalities give the municipality as the city ("北京市", "北京市",
    "朝阳区"); county-level cities under a province directly give city None."""
    if not _valid_code(code6):
        return None, None, None
    names = _load()[0]
    province = names.get(f"{code6[:2]}0000")
    if province is None:
        return None, None, None
    city: str | None
    if code6[:2] in _MUNICIPALITIES:
        city = province
    elif code6[2:4] == "00":
        city = None
    else:
        city = names.get(f"{code6[:4]}00")
        if city in _PLACEHOLDER_CITY_NAMES:
            city = None
    county: str | None = None
    if code6[4:] != "00":
        county = names.get(code6)
        if county in _PLACEHOLDER_COUNTY_NAMES:
            county = None
        if county is not None and county == city:
            county = None
    return province, city, county


def region_label(code6: str) -> str:
    """Display label like "北京市 朝阳区" or "浙江省 杭州市 西湖区"; "" when unknown."""
    parts: list[str] = []
    for name in region_names(code6):
        if name and name not in parts:
            parts.append(name)
    return " ".join(parts)


def is_known_region(code6: str) -> bool:
    """True when the exact 6-digit code is in the table (current or abolished)."""
    return code6 in _load()[0]


def is_current_region(code6: str) -> bool:
    """True when the code is in the table and not abolished."""
    names, old = _load()
    return code6 in names and code6 not in old


def counties_in(prefix: str, *, include_old: bool = False) -> list[tuple[str, str]]:
    """County-level (code, name) pairs under a 2- or 4-digit prefix, sorted by code.

    Only current codes unless ``include_old``; city-proper placeholders ("市辖区") are skipped.
    """
    names, old = _load()
    result: list[tuple[str, str]] = []
    for code, name in names.items():
        if not code.startswith(prefix) or code.endswith("00"):
            continue
        if name in _PLACEHOLDER_COUNTY_NAMES or (code in old and not include_old):
            continue
        result.append((code, name))
    result.sort()
    return result
