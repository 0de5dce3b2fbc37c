"""Occupation (工种) catalogue: lookup, search and parsing of free-text skills."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .occupation_data import GROUPS, TRADES
from .text import clean_text, pinyin_keys


@dataclass(frozen=True)
class Occupation:
    code: str
    name: str
    group_code: str
    group_name: str
    aliases: tuple[str, ...]
    pinyin: str
    initials: str

    @property
    def is_national(self) -> bool:
        """True when the code is one of the national occupational classification."""
        return not self.code.startswith("L-")


GROUP_NAMES: dict[str, str] = dict(GROUPS)


def _build() -> tuple[Occupation, ...]:
    items: list[Occupation] = []
    for code, name, group, aliases in TRADES:
        full, initials = pinyin_keys(name, surname=False)
        items.append(
            Occupation(
                code=code,
                name=name,
                group_code=group,
                group_name=GROUP_NAMES[group],
                aliases=tuple(a for a in aliases.split("|") if a),
                pinyin=full,
                initials=initials,
            )
        )
    return tuple(items)


CATALOGUE: tuple[Occupation, ...] = _build()

_BY_CODE: dict[str, Occupation] = {o.code: o for o in CATALOGUE}


def _key(text: str) -> str:
    """Lookup key: half-width, no whitespace, upper-case letters."""
    return re.sub(r"\s+", "", clean_text(text)).upper()


_BY_TEXT: dict[str, Occupation] = {}
for _occ in CATALOGUE:
    for _text in (_occ.code, _occ.name, *_occ.aliases):
        _BY_TEXT.setdefault(_key(_text), _occ)
# Alias pinyin is used for search too ("dianhan" finds 焊工 through 电焊工).
_ALIAS_KEYS: dict[str, tuple[tuple[str, str], ...]] = {
    o.code: tuple(pinyin_keys(a, surname=False) for a in o.aliases) for o in CATALOGUE
}


def occupation_by_code(code: str) -> Occupation | None:
    return _BY_CODE.get(_key(code or ""))


def find_occupation(text: str | None) -> Occupation | None:
    """The occupation whose code, name or alias equals ``text`` (spaces and width ignored)."""
    if not text:
        return None
    return _BY_TEXT.get(_key(text))


def search_occupations(query: str, limit: int = 20) -> list[Occupation]:
    """Occupations matching ``query`` by name/alias substring, code prefix, pinyin prefix or
    initials prefix; exact and prefix matches first."""
    q = _key(query)
    if not q:
        return []
    q_lower = q.lower()
    scored: list[tuple[int, int, Occupation]] = []
    for index, occ in enumerate(CATALOGUE):
        names = (occ.name, *occ.aliases)
        score: int | None = None
        if q in (occ.name, occ.code) or q in occ.aliases:
            score = 0
        elif occ.name.startswith(q) or occ.code.startswith(q):
            score = 1
        elif any(n.startswith(q) for n in occ.aliases):
            score = 2
        elif any(q in n for n in names):
            score = 3
        elif q_lower.isascii() and q_lower.isalnum():
            keys = ((occ.pinyin, occ.initials), *_ALIAS_KEYS[occ.code])
            if occ.initials.startswith(q_lower) or occ.pinyin.startswith(q_lower):
                score = 4
            elif any(i.startswith(q_lower) or p.startswith(q_lower) for p, i in keys):
                score = 5
        if score is not None:
            scored.append((score, index, occ))
    scored.sort(key=lambda t: (t[0], t[1]))
    return [occ for _, _, occ in scored[: max(0, limit)]]


def related_codes(code: str) -> list[str]:
    """Codes of the other occupations in the same group (for matching and suggestions)."""
    occ = occupation_by_code(code)
    if occ is None:
        return []
    return [o.code for o in CATALOGUE if o.group_code == occ.group_code and o.code != occ.code]


_SPLIT_RE = re.compile(r"[、，,;；/／|\s]+")
_FILLER_PREFIXES = (
    "会开",
    "能开",
    "会做",
    "会干",
    "能做",
    "熟练",
    "擅长",
    "熟悉",
    "会",
    "能",
    "懂",
    "做过",
    "干过",
    "有",
)
_FILLER_SUFFIXES = ("证书", "经验", "工作", "证", "活")


def _recognise(token: str) -> Occupation | None:
    occ = find_occupation(token)
    if occ is not None:
        return occ
    stripped = token
    for prefix in _FILLER_PREFIXES:
        if stripped.startswith(prefix) and len(stripped) > len(prefix):
            stripped = stripped[len(prefix) :]
            break
    for suffix in _FILLER_SUFFIXES:
        if stripped.endswith(suffix) and len(stripped) > len(suffix):
            candidate = find_occupation(stripped[: -len(suffix)])
            if candidate is not None:
                return candidate
    return find_occupation(stripped)


def parse_trades(text: str | None) -> tuple[list[str], str]:
    """Split a free-text skills field ("电工、焊工，会开叉车") into recognised occupation codes
    (in order, without duplicates) and the leftover text ("、"-joined unrecognised parts)."""
    codes: list[str] = []
    leftover: list[str] = []
    for token in _SPLIT_RE.split(clean_text(text)):
        if not token:
            continue
        occ = _recognise(token)
        if occ is None:
            leftover.append(token)
        elif occ.code not in codes:
            codes.append(occ.code)
    return codes, "、".join(leftover)
