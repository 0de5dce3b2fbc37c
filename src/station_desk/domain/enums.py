"""Code/label enumerations shared by the records, and tolerant lookup of a code from text."""

from __future__ import annotations

import re

from .text import clean_text

Enum = tuple[tuple[str, str], ...]

# Alternative spellings accepted by ``code_of`` (besides the code and the label).
_ALIASES: dict[Enum, dict[str, tuple[str, ...]]] = {}


def make_enum(items: Enum, aliases: dict[str, tuple[str, ...]] | None = None) -> Enum:
    """Register an enumeration's accepted variants and return its items unchanged."""
    _ALIASES[items] = aliases or {}
    return items


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", clean_text(text)).lower()


def label_of(enum: Enum, code: str | None) -> str:
    """The Chinese label of ``code``; "" for None, the code itself when unknown."""
    if not code:
        return ""
    for item_code, label in enum:
        if item_code == code:
            return label
    return code


def code_of(enum: Enum, text: str | None) -> str | None:
    """The code for a code, a label or a known variant ("日结工", "按天"); None when unknown."""
    if text is None:
        return None
    key = _norm(text)
    if not key:
        return None
    for code, label in enum:
        if key in (code.lower(), _norm(label)):
            return code
    aliases = _ALIASES.get(enum, {})
    for code, variants in aliases.items():
        if key in (_norm(v) for v in variants):
            return code
    # A label with a trailing "工"/"制"/"用工" dropped or added.
    for code, label in enum:
        base = _norm(label)
        if key.rstrip("工") == base or base.rstrip("制") == key:
            return code
    return None
