"""Text normalisation and pinyin search keys."""

from __future__ import annotations

import re

_WS_RE = re.compile(r"\s+")
_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_ALNUM_RE = re.compile(r"[0-9a-z]+")

# Readings of heteronym characters when they are used as a surname (first character of a name).
# pypinyin has no surname mode, so the common cases are listed here (syllables separated by
# spaces for compound surnames).
SURNAME_READINGS: dict[str, str] = {
    "单": "shan",
    "曾": "zeng",
    "解": "xie",
    "仇": "qiu",
    "朴": "piao",
    "查": "zha",
    "区": "ou",
    "秘": "bi",
    "盖": "ge",
    "繁": "po",
    "乐": "yue",
    "覃": "qin",
    "缪": "miao",
    "翟": "zhai",
    "种": "chong",
    "重": "chong",
    "黑": "he",
    "那": "na",
    "柏": "bai",
    "折": "she",
    "员": "yun",
    "尉": "wei",
    "隗": "wei",
    "召": "shao",
    "宿": "su",
    "冼": "xian",
    "长": "chang",
    "万": "wan",
    "沈": "shen",
    "任": "ren",
    "华": "hua",
    "纪": "ji",
    "燕": "yan",
    "褚": "chu",
    "贲": "ben",
    "阚": "kan",
    "句": "gou",
    "都": "du",
    "薄": "bo",
    "谌": "chen",
    "蕃": "pi",
    "逄": "pang",
    "令狐": "ling hu",
    "尉迟": "yu chi",
    "长孙": "zhang sun",
    "万俟": "mo qi",
    "单于": "chan yu",
}


_HALFWIDTH = {0x3000: " ", **{code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}}


def to_halfwidth(s: str) -> str:
    """Convert full-width ASCII variants (digits, letters, punctuation) and the ideographic
    space to their ASCII equivalents. Other characters are unchanged."""
    return s.translate(_HALFWIDTH)


# NUL and other control characters (tab and newline aside), and lone UTF-16 surrogates: text
# pasted from elsewhere can carry them, and the district's PostgreSQL refuses NUL outright.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def drop_control_chars(s: str) -> str:
    return CONTROL_RE.sub("", s)


def clean_text(s: str | None) -> str:
    """Half-width, stripped text with internal whitespace runs collapsed to one space."""
    if s is None:
        return ""
    return _WS_RE.sub(" ", to_halfwidth(str(s))).strip()


def _han_pinyin(run: str) -> list[str]:
    # Imported here: its dictionaries take 0.3 s to load, which every process that only
    # checks an ID number or a phone (the district server, most commands) would pay.
    from pypinyin import Style, lazy_pinyin

    return [p.lower() for p in lazy_pinyin(run, style=Style.NORMAL, errors="ignore")]


def pinyin_keys(text: str, *, surname: bool = True) -> tuple[str, str]:
    """Search keys for ``text``: (full pinyin without tones or spaces, initials).

    "张三" → ("zhangsan", "zs"). With ``surname`` (the default, for people's names) a heteronym
    first character is read as a surname ("单" → "shan", "曾" → "zeng"). Letters and digits are
    kept lower-case (a run contributes itself to the full key and its first character to the
    initials); spaces and punctuation are dropped.
    """
    s = clean_text(text).lower()
    syllables: list[str] = []
    if surname and s:
        for key in sorted(SURNAME_READINGS, key=len, reverse=True):
            if s.startswith(key):
                syllables.extend(SURNAME_READINGS[key].split())
                s = s[len(key) :]
                break
    pos = 0
    while pos < len(s):
        han = _HAN_RE.match(s, pos)
        if han:
            syllables.extend(_han_pinyin(han.group()))
            pos = han.end()
            continue
        alnum = _ALNUM_RE.match(s, pos)
        if alnum:
            syllables.append(alnum.group())
            pos = alnum.end()
            continue
        pos += 1
    full = "".join(syllables)
    initials = "".join(syl[0] for syl in syllables if syl)
    return full, initials
