"""Matching through the services over a real database: open postings for a worker, active
workers for a posting, hardship workers first, and the `match` command's JSON."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from station_desk.domain.idcard import make_id_number
from station_desk.domain.matching import Match
from station_desk.domain.posting import PostingDraft
from station_desk.domain.worker import WorkerDraft
from station_desk.services.context import Desk, NotFound
from station_desk.services.demo import fill_demo
from station_desk.services.matching import (
    match_command,
    postings_for_worker,
    rank_all_postings,
    rank_all_workers,
    workers_for_posting,
)
from station_desk.services.postings import close_posting, publish_posting
from station_desk.services.workers import deactivate_worker, register_worker
from station_desk.store.db import sqlite_connection


def _worker(desk: Desk, name: str, serial: int, **values: object) -> str:
    number = make_id_number("411422", date(1990, 1, 1), serial)
    draft = WorkerDraft(name=name, id_number=number, phone=f"1380000{serial:04d}", **values)  # type: ignore[arg-type]
    return register_worker(desk, draft).worker.id


def _posting(desk: Desk, occupation: str, **values: object) -> str:
    fields: dict[str, object] = {
        "employer_name": "青山建筑劳务有限公司",
        "contact_phone": "13912345678",
        "employment_mode": "日结",
        "occupation": occupation,
        "headcount": "2",
        "work_location": "张集镇王庄村",
        "pay": "200-260元/天",
        "expiry_date": (date.today() + timedelta(days=10)).isoformat(),
    }
    fields.update(values)
    return publish_posting(desk, PostingDraft(**fields)).id  # type: ignore[arg-type]


@pytest.fixture
def town(desk: Desk) -> dict[str, str]:
    ids = {
        "electrician": _worker(desk, "张建国", 11, skills="电工", expected_pay="220元/天"),
        "aircon": _worker(desk, "李卫东", 13, skills="空调安装工"),
        "cleaner": _worker(desk, "王秀英", 12, skills="保洁员"),
        "hardship": _worker(
            desk, "赵春生", 15, skills="电工", intentions="张集镇附近", hardship_low_income=True
        ),
        "inactive": _worker(desk, "孙志强", 17, skills="电工"),
        "wire": _posting(desk, "电工"),
        "clean": _posting(desk, "保洁员", pay="3000元/月"),
        "closed": _posting(desk, "电工", work_location="李庄镇"),
        "repair": _posting(desk, "家电维修工"),
    }
    deactivate_worker(desk, ids["inactive"])
    close_posting(desk, ids["closed"])
    return ids


def test_workers_for_a_posting_rank_hardship_and_exact_trades_first(
    desk: Desk, town: dict[str, str]
) -> None:
    results = workers_for_posting(desk, town["wire"])
    ids = [r.id for r in results]
    assert ids == [town["hardship"], town["electrician"], town["aircon"]]
    first = results[0]
    assert "工种相同：电工" in first.reasons and "地点合适：张集镇" in first.reasons
    assert any(r.startswith("困难人员优先") for r in first.reasons)
    assert "薪资符合期望" in results[1].reasons
    assert results[2].reasons[0] == "同属维修安装类"
    assert results[0].title == "赵** · 电工"
    assert all("1380000" not in r.title for r in results)


def test_postings_for_a_worker_are_open_ones_of_their_trades(
    desk: Desk, town: dict[str, str]
) -> None:
    results = postings_for_worker(desk, town["electrician"])
    assert [r.id for r in results] == [town["wire"], town["repair"]]
    assert results[0].title == "电工 · 青山建筑劳务有限公司 · 200–260元/天"
    assert results[0].score > results[1].score
    assert postings_for_worker(desk, town["cleaner"])[0].id == town["clean"]


def test_limit_and_unknown_ids(desk: Desk, town: dict[str, str]) -> None:
    assert len(workers_for_posting(desk, town["wire"], limit=1)) == 1
    with pytest.raises(NotFound):
        workers_for_posting(desk, "no-such-posting")
    with pytest.raises(NotFound):
        postings_for_worker(desk, "no-such-worker")


def test_match_command_prints_json(
    desk: Desk, town: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert match_command(desk, None, town["wire"], 2) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["for"] == {"kind": "posting", "id": town["wire"]}
    assert [r["id"] for r in payload["results"]] == [town["hardship"], town["electrician"]]
    assert set(payload["results"][0]) == {"id", "score", "reasons", "title"}
    assert match_command(desk, "nobody", None, 20) == 1
    assert "找不到" in capsys.readouterr().err


def _listed(matches: list[Match]) -> list[tuple[str, int, list[str]]]:
    return [(m.id, m.score, m.reasons) for m in matches]


def test_the_narrowed_search_finds_exactly_the_full_evaluations_top(desk: Desk) -> None:
    """SQL narrows and stops early; the lists must still be the top of scoring everyone."""
    fill_demo(desk, workers=800, postings=200, seed=7)
    with desk.db.read() as session:
        conn = sqlite_connection(session)
        postings = [r[0] for r in conn.execute("SELECT id FROM posting ORDER BY id")]
        workers = [r[0] for r in conn.execute("SELECT id FROM worker ORDER BY id LIMIT 100")]
    assert postings and workers
    for limit in (20, 1, 7):
        for posting_id in postings[:: 1 if limit == 20 else 5]:
            expected = _listed(rank_all_workers(desk, posting_id, limit))
            assert _listed(workers_for_posting(desk, posting_id, limit)) == expected, posting_id
        for worker_id in workers[:: 1 if limit == 20 else 5]:
            expected = _listed(rank_all_postings(desk, worker_id, limit))
            assert _listed(postings_for_worker(desk, worker_id, limit)) == expected, worker_id
    assert workers_for_posting(desk, postings[0], 0) == []


def test_town_lists_equal_the_full_evaluation(desk: Desk, town: dict[str, str]) -> None:
    for key in ("wire", "clean", "repair", "closed"):
        assert _listed(workers_for_posting(desk, town[key])) == _listed(
            rank_all_workers(desk, town[key])
        )
    for key in ("electrician", "aircon", "cleaner", "hardship"):
        assert _listed(postings_for_worker(desk, town[key])) == _listed(
            rank_all_postings(desk, town[key])
        )
