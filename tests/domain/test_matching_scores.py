"""Matching scores: trade first, then area, pay, mode, freshness and hardship, with reasons."""

from __future__ import annotations

from datetime import datetime, timedelta

from station_desk.domain import matching as m
from station_desk.domain.occupations import find_occupation

NOW = datetime(2025, 6, 1, 9, 0)


def _code(name: str) -> str:
    occupation = find_occupation(name)
    assert occupation is not None
    return occupation.code


def _posting(**values: object) -> m.PostingView:
    base: dict[str, object] = {
        "id": "p",
        "occupation_code": _code("电工"),
        "occupation_name": "电工",
        "employment_mode": "daily",
        "work_location": "张集镇王庄村",
        "pay_min": 200.0,
        "pay_max": 260.0,
        "pay_unit": "day",
        "published_at": NOW - timedelta(days=40),
    }
    base.update(values)
    return m.PostingView(**base)  # type: ignore[arg-type]


def test_trades_must_meet_and_exact_beats_group() -> None:
    posting = _posting()
    wish = m.WorkerView(id="a", intention_codes=(_code("电工"),))
    skill = m.WorkerView(id="b", skill_codes=(_code("电工"),))
    group = m.WorkerView(id="c", skill_codes=(_code("空调安装工"),))
    other = m.WorkerView(id="d", skill_codes=(_code("保洁员"),))
    scores = [m.score(w, posting, NOW) for w in (wish, skill, group, other)]
    assert scores[3] is None
    assert scores[0] and scores[1] and scores[2]
    assert scores[0].score > scores[1].score > scores[2].score
    assert scores[0].reasons[0] == "求职意向相同：电工"
    assert scores[2].reasons[0].startswith("同属") and scores[2].reasons[0].endswith("类")


def test_area_pay_mode_freshness_and_hardship_add_with_reasons() -> None:
    worker = m.WorkerView(
        id="a",
        skill_codes=(_code("电工"),),
        intentions_text="日结；张集镇附近",
        expected_pay_min=220.0,
        expected_pay_unit="day",
        hardships=("大龄",),
    )
    plain = m.score(m.WorkerView(id="b", skill_codes=(_code("电工"),)), _posting(), NOW)
    best = m.score(worker, _posting(published_at=NOW), NOW)
    assert plain is not None and best is not None
    assert best.score == plain.score + m.AREA + m.PAY_OK + m.MODE + m.FRESH + m.HARDSHIP
    assert "地点合适：张集镇" in best.reasons
    assert "薪资符合期望" in best.reasons
    assert "用工形式合适：日结" in best.reasons
    assert "困难人员优先（大龄）" in best.reasons
    low = m.score(worker, _posting(pay_max=200.0), NOW)
    assert low is not None and "薪资低于期望" in low.reasons
    monthly = m.score(worker, _posting(pay_unit="month", pay_max=6000.0), NOW)
    assert monthly is not None and not any("薪资" in r for r in monthly.reasons)


def test_rank_orders_by_score_then_tie_break() -> None:
    a, b, c = m.Match("a", 50), m.Match("b", 70), m.Match("c", 50)
    ranked = m.rank([(a, (2,)), (b, (3,)), (c, (1,))], limit=2)
    assert [x.id for x in ranked] == ["b", "c"]
