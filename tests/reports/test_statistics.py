"""Every figure against a hand count of the fixed dataset (report_dataset.station_dataset)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from report_dataset import REPORT_NOW, Dataset, at, new_desk, station_dataset, worker

from station_desk.reports.statistics import Period, Stats, per_day, period_stats, postings_by_trade
from station_desk.services.context import Desk
from station_desk.services.hardship import hardship_list
from station_desk.store.db import sqlite_connection

MAY = Period(date(2024, 5, 1), date(2024, 6, 1))
MAY_10 = Period(date(2024, 5, 10), date(2024, 5, 11))


@pytest.fixture(scope="module")
def station(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Desk, Dataset]]:
    desk = new_desk(tmp_path_factory.mktemp("station") / "data")
    data = station_dataset(desk)
    yield desk, data
    desk.db.close()


def stats(desk: Desk, period: Period, station: str | None = "") -> Stats:
    with desk.db.read() as session:
        scope = desk.station_id if station == "" else station
        return period_stats(sqlite_connection(session), period, scope)


def test_may_matches_the_hand_count(station: tuple[Desk, Dataset]) -> None:
    desk, d = station
    s = stats(desk, MAY)
    expected = {
        "registrations": 5,
        "active_workers": 5,
        "employers": 2,
        "postings": 3,
        "headcount": 6,
        "referrals": 5,
        "placements": 3,
        "quick_postings": 1,
        "quick_same_day": 1,
        "quick_rate": 1.0,
        "hardship_workers": 2,
        "hardship_complete": 1,
        "hardship_rate": 0.5,
        "services": 3,
        "service.guidance": 1,
        "service.training_referral": 1,
        "service.policy": 1,
        "service.entrepreneurship": 0,
        "cases": 2,
        "amount_owed": 5000,
        "amount_recovered": 5000,
        "tool_loans": 2,
        "referrals_due": 5,
        "referrals_followed": 3,
        "follow_up_rate": 0.6,
    }
    assert {key: s[key] for key in expected} == expected
    assert s["daily_placements"] == pytest.approx(3 / 31)
    # traceable: the ids counted are the records themselves
    w = d.workers
    assert set(s.figures["registrations"].ids) == {w[k] for k in ("W1", "W2", "W3", "W4", "W5")}
    assert set(s.figures["placements"].ids) == {d.referrals[k] for k in ("R1", "R2", "R5")}
    assert s.figures["hardship_complete"].ids == (w["W1"],)
    assert s.figures["quick_same_day"].ids == (d.postings["P1"],)
    assert "referral_outcome" in s.figures["placements"].trace()["query"]


def test_one_day_matches_the_hand_count(station: tuple[Desk, Dataset]) -> None:
    desk, _ = station
    s = stats(desk, MAY_10)
    expected = {
        "registrations": 4,
        "active_workers": 4,
        "employers": 1,
        "postings": 2,
        "headcount": 5,
        "referrals": 3,
        "placements": 1,
        "daily_placements": 1,
        "hardship_workers": 2,
        "hardship_complete": 0,
        "services": 0,
        "cases": 0,
        "tool_loans": 0,
    }
    assert {key: s[key] for key in expected} == expected


def test_district_scope_and_other_stations(station: tuple[Desk, Dataset]) -> None:
    desk, _ = station
    assert stats(desk, MAY, None).figures.keys() == stats(desk, MAY).figures.keys()
    assert stats(desk, MAY, None)["placements"] == 3  # only this station's rows are here
    assert stats(desk, MAY, "another-station")["registrations"] == 0


def test_hardship_figures_agree_with_the_131_ledger(station: tuple[Desk, Dataset]) -> None:
    desk, _ = station
    rows = hardship_list(desk)
    today = REPORT_NOW.date()
    s = stats(desk, Period(date(2024, 1, 1), date(today.year, today.month, today.day + 1)))
    assert s["hardship_workers"] == len(rows) == 2
    assert s["hardship_complete"] == sum(1 for r in rows if r.owed.total == 0) == 1


def test_placements_per_day_and_postings_by_trade(station: tuple[Desk, Dataset]) -> None:
    desk, _ = station
    with desk.db.read() as session:
        conn = sqlite_connection(session)
        days = per_day(conn, MAY, desk.station_id)
        trades = postings_by_trade(conn, MAY, desk.station_id)
    assert len(days) == 31 and sum(days.values()) == 3
    assert (days["2024-05-10"], days["2024-05-11"], days["2024-05-12"]) == (1, 1, 1)
    assert trades == [("保洁员", 1, 3), ("电工", 1, 2), ("装修工", 1, 1)]


def test_a_later_record_does_not_change_a_closed_month(tmp_path: Path) -> None:
    desk = new_desk(tmp_path / "data")
    station_dataset(desk)
    before = stats(desk, MAY)
    at(desk, date(2024, 6, 2), 9)
    worker(desk, "后来者", 555)
    assert stats(desk, MAY).figures == before.figures
