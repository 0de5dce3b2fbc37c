"""Records the tests make through the real services."""

from __future__ import annotations

from station_desk.domain.posting import PostingDraft
from station_desk.services.context import Desk
from station_desk.services.postings import publish_posting


def post(desk: Desk, occupation: str, quick: bool = False, **overrides: object) -> str:
    """Publish a posting like a phoned-in job; returns its id."""
    values: dict[str, object] = {
        "employer_name": "青山建筑劳务有限公司",
        "contact_person": "陈经理",
        "contact_phone": "0571-87654321",
        "employment_mode": "日结",
        "occupation": occupation,
        "headcount": "5",
        "work_location": "青山镇工业园",
        "work_hours": "8:00-17:00",
        "pay": "180-220元/天",
        "pay_method": "日结",
    }
    values.update(overrides)
    return publish_posting(desk, PostingDraft(**values), quick=quick).id  # type: ignore[arg-type]
