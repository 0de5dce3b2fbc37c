"""即时快招 services: the shortlist with each worker's progress, the phone confirmation with a
same-day interview, today's quick postings and their state, minutes from posting to hire;
and the rule that a worker is referred to a posting again only after declined or no-show."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from records import post
from station_desk.domain.idcard import make_id_number
from station_desk.domain.worker import WorkerDraft
from station_desk.services import quick_hire, referrals
from station_desk.services.context import Desk, ValidationFailed
from station_desk.services.workers import register_worker
from station_desk.store.db import sqlite_connection
from station_desk.store.models import ReferralOutcome
from station_desk.store.queries import record_rows

MORNING = datetime(2026, 3, 10, 9, 0).timestamp()


def _worker(desk: Desk, name: str, born: date, serial: int) -> str:
    number = make_id_number("330106", born, serial)  # odd serial: a man, even: a woman
    draft = WorkerDraft(name=name, id_number=number, phone="13900001111", skills="搬运工")
    return register_worker(desk, draft).worker.id


def _at(desk: Desk, minutes: int) -> None:
    desk.clock = lambda: MORNING + minutes * 60


def test_the_fast_path_from_shortlist_to_hire_in_minutes(desk: Desk) -> None:
    _at(desk, 0)
    young = _worker(desk, "赵强", date(1995, 1, 1), 11)
    older = _worker(desk, "钱秀兰", date(1970, 1, 1), 12)  # a woman past 40: hardship first
    posting_id = post(desk, "搬运工", quick=True, headcount="2")
    post(desk, "搬运工", employer_name="红星物业服务有限公司")  # not quick: not listed
    (row,) = quick_hire.quick_postings(desk)
    assert (row.posting_id, row.state, row.minutes_to_hire) == (posting_id, "waiting", None)

    shortlist = quick_hire.shortlist(desk, posting_id)
    assert [c.worker_id for c in shortlist] == [older, young]
    assert shortlist[0].progress is None and shortlist[0].score is not None

    _at(desk, 5)
    referral = referrals.refer(desk, young, posting_id)
    first = quick_hire.shortlist(desk, posting_id)[0]  # referred workers come first
    assert (first.worker_id, first.outcome) == (young, "pending")
    assert quick_hire.quick_postings(desk)[0].state == "referred"

    _at(desk, 12)
    interview = datetime(2026, 3, 10, 10, 30)
    step = quick_hire.confirm(desk, referral.id, interview)
    assert step.interview_at == interview
    assert step.note == "测试于09:12电话确认，当天10:30面试"
    with pytest.raises(ValidationFailed, match="当天"):
        quick_hire.confirm(desk, referral.id, datetime(2026, 3, 11, 9, 0))
    assert quick_hire.quick_postings(desk)[0].state == "confirmed"
    assert quick_hire.shortlist(desk, posting_id)[0].progress.interview_at == interview  # type: ignore[union-attr]

    _at(desk, 90)
    referrals.record_outcome(desk, referral.id, "interviewed")
    assert quick_hire.quick_postings(desk)[0].state == "interviewed"
    assert quick_hire.quick_postings(desk)[0].minutes_open == 90
    _at(desk, 97)
    referrals.record_outcome(desk, referral.id, "hired")
    (row,) = quick_hire.quick_postings(desk)
    assert (row.state, row.hires, row.minutes_to_hire) == ("hired", 1, 97)
    assert quick_hire.minutes_to_hire(desk, posting_id) == 97
    assert referrals.posting_places(desk, posting_id).left == 1

    # Reports ask for a span of days; yesterday's list is empty.
    assert [r.minutes_to_hire for r in quick_hire.quick_postings(desk, date(2026, 3, 1))] == []
    spans = quick_hire.quick_postings(desk, date(2026, 3, 1), date(2026, 3, 31))
    assert [r.minutes_to_hire for r in spans] == [97]


def test_a_worker_is_referred_again_only_after_declined_or_no_show(desk: Desk) -> None:
    posting_id = post(desk, "搬运工", quick=True, headcount="3")
    worker_id = _worker(desk, "赵强", date(1995, 1, 1), 11)
    referral = referrals.refer(desk, worker_id, posting_id)
    with pytest.raises(ValidationFailed, match="尚无结果"):
        referrals.refer(desk, worker_id, posting_id)
    referrals.record_outcome(desk, referral.id, "no_show")
    again = referrals.refer(desk, worker_id, posting_id)  # a second chance
    referrals.record_outcome(desk, again.id, "confirmed")
    with pytest.raises(ValidationFailed, match="尚无结果"):
        referrals.refer(desk, worker_id, posting_id)
    referrals.record_outcome(desk, again.id, "hired")
    with pytest.raises(ValidationFailed, match="已被这个岗位录用"):
        referrals.refer(desk, worker_id, posting_id)
    assert referrals.posting_places(desk, posting_id).hires == 1


def test_the_postings_list_counts_hires_as_the_referrals_do(desk: Desk) -> None:
    posting_id = post(desk, "搬运工", headcount="3")
    a = _worker(desk, "赵强", date(1995, 1, 1), 11)
    b = _worker(desk, "孙丽", date(1996, 1, 1), 12)
    for worker_id, outcome in ((a, "hired"), (b, "declined")):
        referral = referrals.refer(desk, worker_id, posting_id)
        referrals.record_outcome(desk, referral.id, outcome)
    # A hire recorded twice (at two stations) still counts one worker once.
    with desk.transaction() as tx:
        (first,) = [r for r in referrals.list_referrals(desk) if r.worker_id == a]
        tx.save(ReferralOutcome(referral_id=first.id, outcome="hired", at=desk.now()))
    with desk.db.read() as session:
        conn = sqlite_connection(session)
        listed = record_rows(conn, "posting", [posting_id])[posting_id]["hires"]
        assert listed == referrals.hires(conn, posting_id) == 1
