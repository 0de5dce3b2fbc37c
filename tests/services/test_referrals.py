"""Referral to placement: refer, record outcomes, hires fill a posting, follow-up list,
即时快招 time to hire."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlmodel import select

from records import post
from station_desk.domain.idcard import make_id_number
from station_desk.domain.worker import WorkerDraft
from station_desk.services import referrals
from station_desk.services.context import Desk, ValidationFailed
from station_desk.services.postings import get_posting
from station_desk.services.workers import register_worker
from station_desk.store.models import Outbox


def _worker(desk: Desk, name: str, serial: int) -> str:
    number = make_id_number("330106", datetime(1985, 3, 4).date(), serial)
    draft = WorkerDraft(name=name, id_number=number, phone="13900001111", skills="电工")
    return register_worker(desk, draft).worker.id


def test_hires_fill_the_posting_which_closes_itself(desk: Desk) -> None:
    posting_id = post(desk, "电工", headcount="2")
    a, b = _worker(desk, "张三", 11), _worker(desk, "李四", 13)
    first = referrals.refer(desk, a, posting_id)
    second = referrals.refer(desk, b, posting_id, kind="meeting")
    referrals.record_outcome(desk, first.id, "interviewed")
    referrals.record_outcome(desk, first.id, "hired")
    places = referrals.posting_places(desk, posting_id)
    assert (places.headcount, places.hires, places.left) == (2, 1, 1)
    assert get_posting(desk, posting_id).status == "open"
    referrals.record_outcome(desk, second.id, "hired")
    assert referrals.posting_places(desk, posting_id).left == 0
    assert get_posting(desk, posting_id).status == "filled"
    rows = {r.id: r for r in referrals.list_referrals(desk)}
    assert rows[first.id].outcome == "hired" and rows[second.id].kind_label == "点对点对接"


def test_outcomes_only_move_forward_and_each_is_its_own_synced_event(desk: Desk) -> None:
    posting_id = post(desk, "电工")
    worker_id = _worker(desk, "张三", 11)
    referral = referrals.refer(desk, worker_id, posting_id)
    with pytest.raises(ValidationFailed, match="尚无结果"):
        referrals.refer(desk, worker_id, posting_id)
    referrals.record_outcome(desk, referral.id, "interviewed")
    with pytest.raises(ValidationFailed, match="向前"):
        referrals.record_outcome(desk, referral.id, "confirmed")
    referrals.record_outcome(desk, referral.id, "declined")
    with pytest.raises(ValidationFailed, match="最终结果"):
        referrals.record_outcome(desk, referral.id, "hired")
    with desk.db.read() as session:
        kinds = [o.record_kind for o in session.exec(select(Outbox)).all()]
    assert kinds.count("referral") == 1 and kinds.count("referral_outcome") == 2


def test_referrals_without_an_outcome_after_three_days_need_follow_up(desk: Desk) -> None:
    posting_id = post(desk, "电工")
    worker_id = _worker(desk, "张三", 11)
    start = desk.clock()
    referral = referrals.refer(desk, worker_id, posting_id)
    assert referrals.list_referrals(desk, follow_up_only=True) == []
    desk.clock = lambda: start + 3 * 86400 + 60
    (row,) = referrals.list_referrals(desk, follow_up_only=True)
    assert row.id == referral.id and row.outcome == "pending"
    referrals.record_outcome(desk, referral.id, "no_show")
    assert referrals.list_referrals(desk, follow_up_only=True) == []


def test_quick_hiring_records_the_phone_confirmation_and_time_to_hire(desk: Desk) -> None:
    start = desk.clock()
    posting_id = post(desk, "搬运工", quick=True, headcount="1")
    worker_id = _worker(desk, "张三", 11)
    referral = referrals.refer(desk, worker_id, posting_id)
    interview = datetime.fromtimestamp(start + 3600).replace(microsecond=0)
    referrals.confirm_by_phone(desk, referral.id, interview, "电话确认下午到")
    assert referrals.time_to_hire(desk, posting_id) is None
    desk.clock = lambda: start + 5400
    referrals.record_outcome(desk, referral.id, "hired")
    (row,) = referrals.list_referrals(desk)
    assert row.is_quick and row.interview_at == interview
    taken = referrals.time_to_hire(desk, posting_id)
    assert taken is not None and 5300 <= taken.total_seconds() <= 5500
    assert get_posting(desk, posting_id).status == "filled"
