"""Referral (岗位推荐 / 点对点对接) rules: kinds, outcomes and how they move forward.

A referral's outcome is not a field edited in place: every step is its own event, so steps
recorded at two stations never conflict. The current outcome is the furthest step reached
(ties: the later one), so outcomes only ever move forward.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from .enums import make_enum

REFERRAL_KINDS = make_enum(
    (("recommend", "岗位推荐"), ("meeting", "点对点对接")),
    {"recommend": ("推荐",), "meeting": ("点对点", "对接")},
)
OUTCOMES = make_enum(
    (
        ("pending", "待反馈"),
        ("confirmed", "已电话确认"),
        ("interviewed", "已面试"),
        ("hired", "已录用"),
        ("declined", "未录用"),
        ("no_show", "未到场"),
    ),
    {"hired": ("录用", "上岗"), "declined": ("拒绝", "不合适"), "no_show": ("爽约",)},
)
STEP_OUTCOMES = frozenset(code for code, _ in OUTCOMES if code != "pending")
FINAL_OUTCOMES = frozenset({"hired", "declined", "no_show"})
_RANK = {"pending": 0, "confirmed": 1, "interviewed": 2, "hired": 3, "declined": 3, "no_show": 3}
FOLLOW_UP_AFTER = timedelta(days=3)


@dataclass(frozen=True)
class Step:
    outcome: str
    at: datetime


def current_outcome(steps: Iterable[Step]) -> Step | None:
    """The furthest step reached; among equally far ones, the later one."""
    best: Step | None = None
    for step in steps:
        if best is None or (_RANK[step.outcome], step.at) > (_RANK[best.outcome], best.at):
            best = step
    return best


def check_step(current: str, outcome: str) -> str | None:
    """Why ``outcome`` cannot follow ``current`` (Chinese), or None."""
    if outcome not in STEP_OUTCOMES:
        return f"不认识的结果：{outcome}"
    if current in FINAL_OUTCOMES:
        return "该推荐已有最终结果，不能再更改"
    if _RANK[outcome] <= _RANK[current]:
        return "结果只能向前推进"
    return None


def needs_follow_up(outcome: str, referred_at: datetime, now: datetime) -> bool:
    """A referral with no final outcome after FOLLOW_UP_AFTER goes on the follow-up list."""
    return outcome not in FINAL_OUTCOMES and now - referred_at >= FOLLOW_UP_AFTER


def places_left(headcount: int, hires: int) -> int:
    return max(0, headcount - hires)
