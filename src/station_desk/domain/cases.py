"""Rights cases (权益维护) and tool lending: kinds, statuses, amounts, what is overdue.

A case's status history is a list of events; the current status is the latest one, and the
amount recovered is the sum of the events' recovered amounts (additions never conflict).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from .enums import make_enum

CASE_KINDS = make_enum(
    (("wage_arrears", "欠薪"), ("dispute", "劳动争议"), ("complaint", "投诉")),
    {"wage_arrears": ("拖欠工资", "讨薪"), "dispute": ("争议", "纠纷")},
)
CASE_STATUSES = make_enum(
    (
        ("accepted", "受理"),
        ("mediating", "调解中"),
        ("resolved", "已解决"),
        ("referred", "移交劳动监察"),
    ),
    {"referred": ("移交", "劳动监察")},
)
CLOSED_CASE_STATUSES = frozenset({"resolved", "referred"})
_NEXT = {
    "accepted": {"mediating", "resolved", "referred"},
    "mediating": {"resolved", "referred"},
}
MAX_AMOUNT = 100_000_000


def check_status(current: str, status: str) -> str | None:
    """Why a case in ``current`` cannot move to ``status`` (Chinese), or None."""
    if status not in {code for code, _ in CASE_STATUSES}:
        return f"不认识的状态：{status}"
    if current in CLOSED_CASE_STATUSES:
        return "该案件已办结"
    if status not in _NEXT.get(current, set()):
        return "状态只能按 受理 → 调解中 → 已解决 / 移交劳动监察 推进"
    return None


def parse_amount(text: str) -> float | None:
    """An amount of money typed at the counter ("3500", "3,500元"); None when empty.
    Raises ValueError with a Chinese message."""
    cleaned = text.strip().replace(",", "").replace("，", "").removesuffix("元").strip()
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        raise ValueError("金额应为数字") from None
    if value < 0 or value > MAX_AMOUNT:
        raise ValueError("金额应在 0 到 1 亿元之间")
    return round(value, 2)


def recovered(amounts: Iterable[float | None]) -> float:
    return round(sum(a for a in amounts if a), 2)


def is_overdue(due: date | None, closed: bool, today: date) -> bool:
    return due is not None and not closed and due < today


_RANK = {"accepted": 0, "mediating": 1, "resolved": 2, "referred": 2}


def latest_status(events: Iterable[tuple[datetime, str]]) -> str:
    """The status of the latest event (by time, then by how far it is); a case with none is
    just accepted."""
    latest = max(events, key=lambda e: (e[0], _RANK.get(e[1], 0)), default=None)
    return latest[1] if latest else "accepted"
