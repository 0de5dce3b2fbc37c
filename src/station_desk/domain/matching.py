"""Matching workers and postings both ways: a score and the reasons for it.

Pure scoring over plain values; ``services.matching`` picks the candidates with SQL. A pair
matches only when the trades meet (the same trade, or trades of one catalogue group); the
rest adds to the score:

    trade     the posting's trade among the worker's wishes (求职意向) 50, skills 45,
              same catalogue group 20, trade name in the worker's text 40 (postings without a
              catalogue trade)
    area      a township or village of the work location named in the worker's wishes 15
    pay       same unit and the posting pays at least the expected minimum +10, less −10
    mode      the employment mode the worker asked for (日结, 临时 …) +5
    fresh     postings published today +10, fading to 0 at FRESH_DAYS
    hardship  a hardship worker (the standard's 131: matched first) +15

Scores only add up within those bounds, so ``MAX_EXTRA`` bounds what anything but the
trade and hardship can add (the service uses it to stop early).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from .enums import _ALIASES, code_of, label_of
from .occupations import GROUP_NAMES, occupation_by_code
from .posting import EMPLOYMENT_MODES

WISH_EXACT = 50
SKILL_EXACT = 45
TEXT_EXACT = 40
SAME_GROUP = 20
AREA = 15
PAY_OK = 10
PAY_LOW = -10
MODE = 5
FRESH = 10
FRESH_DAYS = 30
HARDSHIP = 15
# What area, pay, mode and freshness can add at most.
MAX_EXTRA = AREA + PAY_OK + MODE + FRESH

HARDSHIP_LABELS = (
    ("hardship_long_wait", "待工时间长"),
    ("hardship_low_income", "低收入家庭"),
    ("hardship_disability", "残疾"),
    ("hardship_older", "大龄"),
)

# A township or village name ends with one of these (the area rule looks for such names).
PLACE_SUFFIXES = ("街道", "镇", "乡", "村", "社区", "园区", "工业园", "开发区")
_SUFFIX_RE = "(?:" + "|".join(PLACE_SUFFIXES) + ")"
_PLACE_RE = re.compile(r"[\u4e00-\u9fff]{1,6}?" + _SUFFIX_RE)
_PLACE_FULL = re.compile(r"[\u4e00-\u9fff]{1,6}" + _SUFFIX_RE)
_PLACE_MAX = 6 + max(len(s) for s in PLACE_SUFFIXES)
_SPLIT_RE = re.compile(r"[、，,;；/／|\s]+")


@dataclass(frozen=True)
class WorkerView:
    id: str
    name: str = ""
    skill_codes: tuple[str, ...] = ()
    intention_codes: tuple[str, ...] = ()
    skills_text: str = ""
    intentions_text: str = ""
    expected_pay_min: float | None = None
    expected_pay_max: float | None = None
    expected_pay_unit: str | None = None
    hardships: tuple[str, ...] = ()  # labels of the hardship flags that apply


@dataclass(frozen=True)
class PostingView:
    id: str
    occupation_code: str | None = None
    occupation_name: str = ""
    employment_mode: str = ""
    work_location: str = ""
    pay_min: float | None = None
    pay_max: float | None = None
    pay_unit: str | None = None
    published_at: datetime | None = None
    employer_name: str = ""


@dataclass
class Match:
    id: str
    score: int
    reasons: list[str] = field(default_factory=list)
    title: str = ""


@lru_cache(maxsize=1024)
def group_of(code: str | None) -> str | None:
    occupation = occupation_by_code(code or "")
    return occupation.group_code if occupation else None


@lru_cache(maxsize=4096)
def places(location: str) -> tuple[str, ...]:
    """Township and village names in a work location ("张集镇王庄村" → 张集镇, 王庄村)."""
    found = [m.group() for m in _PLACE_RE.finditer(location or "")]
    return tuple(dict.fromkeys(found))


@lru_cache(maxsize=4096)
def place_candidates(text: str) -> tuple[str, ...]:
    """Every substring of a worker's text that could be a place name (as ``places`` finds
    them in a work location). A posting's location can earn the area points for this text
    only if it contains one of these (the service tests that in SQL)."""
    if not any(s in text for s in PLACE_SUFFIXES):
        return ()
    found = {
        text[i:j]
        for i in range(len(text))
        for j in range(i + 2, min(len(text), i + _PLACE_MAX) + 1)
        if _PLACE_FULL.fullmatch(text, i, j)
    }
    return tuple(sorted(found))


@lru_cache(maxsize=16)
def mode_words(mode: str) -> tuple[str, ...]:
    """The words that name an employment mode in a worker's wishes (label and aliases)."""
    if not mode:
        return ()
    label = label_of(EMPLOYMENT_MODES, mode)
    words = [mode, label, label.rstrip("制"), *_ALIASES.get(EMPLOYMENT_MODES, {}).get(mode, ())]
    return tuple(dict.fromkeys(w for w in words if w))


@lru_cache(maxsize=4096)
def wanted_modes(text: str) -> frozenset[str]:
    """Employment modes a worker named in their wishes ("日结、临时")."""
    modes = set()
    for token in _SPLIT_RE.split(text or ""):
        code = _mode_of(token) if token else None
        if code:
            modes.add(code)
    return frozenset(modes)


@lru_cache(maxsize=4096)
def _mode_of(token: str) -> str | None:
    return code_of(EMPLOYMENT_MODES, token)


def trade_score(worker: WorkerView, posting: PostingView) -> tuple[int, str] | None:
    """(points, reason) for how the trades meet, or None when they do not."""
    code = posting.occupation_code
    if code and code in worker.intention_codes:
        return WISH_EXACT, f"求职意向相同：{posting.occupation_name}"
    if code and code in worker.skill_codes:
        return SKILL_EXACT, f"工种相同：{posting.occupation_name}"
    name = posting.occupation_name
    if not code and name and (name in worker.intentions_text or name in worker.skills_text):
        return TEXT_EXACT, f"工种相同：{name}"
    group = group_of(code)
    if group and any(group_of(c) == group for c in (*worker.intention_codes, *worker.skill_codes)):
        return SAME_GROUP, f"同属{GROUP_NAMES[group]}类"
    return None


def _pay(worker: WorkerView, posting: PostingView) -> tuple[int, str]:
    want = worker.expected_pay_min
    offer = posting.pay_max if posting.pay_max is not None else posting.pay_min
    if want is None or offer is None or worker.expected_pay_unit != posting.pay_unit:
        return 0, ""
    if offer >= want:
        return PAY_OK, "薪资符合期望"
    return PAY_LOW, "薪资低于期望"


def fresh_points(posting: PostingView, now: datetime) -> int:
    if posting.published_at is None:
        return 0
    days = max(0.0, (now - posting.published_at).total_seconds() / 86400)
    return round(FRESH * max(0.0, 1 - days / FRESH_DAYS))


def score(worker: WorkerView, posting: PostingView, now: datetime) -> Match | None:
    """How well a worker and a posting fit; None when the trades do not meet."""
    trade = trade_score(worker, posting)
    if trade is None:
        return None
    total, reasons = trade[0], [trade[1]]
    wishes = f"{worker.intentions_text} {worker.skills_text}"
    near = [p for p in places(posting.work_location) if p in wishes]
    if near:
        total += AREA
        reasons.append(f"地点合适：{near[0]}")
    pay, pay_reason = _pay(worker, posting)
    if pay_reason:
        total += pay
        reasons.append(pay_reason)
    if posting.employment_mode in wanted_modes(worker.intentions_text):
        total += MODE
        reasons.append(f"用工形式合适：{label_of(EMPLOYMENT_MODES, posting.employment_mode)}")
    fresh = fresh_points(posting, now)
    if fresh:
        total += fresh
        if fresh >= FRESH * 0.9:
            reasons.append("新发布")
    if worker.hardships:
        total += HARDSHIP
        reasons.append(f"困难人员优先（{'、'.join(worker.hardships)}）")
    return Match(id="", score=total, reasons=reasons)


def rank(matches: Sequence[tuple[Match, tuple[object, ...]]], limit: int) -> list[Match]:
    """Best first: score, then the tie-break key given with each match (ascending)."""
    ordered = sorted(matches, key=lambda item: (-item[0].score, item[1]))
    return [m for m, _ in ordered[: max(0, limit)]]
