"""Find-as-you-type search over a real station database, filled through the real services."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from station_desk.domain.employer import EmployerDraft
from station_desk.domain.idcard import make_id_number
from station_desk.domain.posting import PostingDraft
from station_desk.domain.worker import WorkerDraft
from station_desk.services.context import Desk
from station_desk.services.employers import edit_employer, register_employer
from station_desk.services.postings import publish_posting
from station_desk.services.workers import edit_worker, register_worker
from station_desk.store.db import Database, sqlite_connection
from station_desk.store.models import Worker
from station_desk.store.search import match_expression, rebuild_index, search_ids

ZHANG_ID = make_id_number("110105", date(1975, 12, 31), 3)


def _id_ending_in_x() -> str:
    for sequence in range(1, 999, 2):
        number = make_id_number("411425", date(1968, 5, 4), sequence)
        if number.endswith("X"):
            return number
    raise AssertionError("no X check digit")


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return Desk(Database(tmp_path / "station.db"))


@pytest.fixture
def people(desk: Desk) -> dict[str, str]:
    """Three workers and their ids: 张三 (electrician), 张三丰 (welder, ID ending in X), 李四."""
    drafts = {
        "张三": WorkerDraft(name="张三", id_number=ZHANG_ID, phone="13812345678", skills="电工"),
        "张三丰": WorkerDraft(
            name="张三丰", id_number=_id_ending_in_x(), phone="15937001234", skills="电焊工"
        ),
        "李四": WorkerDraft(
            name="李四",
            id_number=make_id_number("411425", date(1990, 1, 2), 22),
            phone="0370-4567890",
            skills="保洁、会开叉车",
        ),
    }
    return {name: register_worker(desk, draft).worker.id for name, draft in drafts.items()}


def find(desk: Desk, query: str, kind: str = "worker") -> list[str]:
    with desk.db.read() as session:
        return search_ids(sqlite_connection(session), kind, query)


def names(desk: Desk, people: dict[str, str], query: str) -> set[str]:
    by_id = {v: k for k, v in people.items()}
    return {by_id[i] for i in find(desk, query)}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("三", {"张三", "张三丰"}),
        ("张三", {"张三", "张三丰"}),
        ("三丰", {"张三丰"}),
        ("四", {"李四"}),
        ("zs", {"张三", "张三丰"}),
        ("ZSF", {"张三丰"}),
        ("sf", {"张三丰"}),
        ("zhangsan", {"张三", "张三丰"}),
        ("zhang", {"张三", "张三丰"}),
        ("sanfeng", {"张三丰"}),
        ("lisi", {"李四"}),
        ("王", set()),
    ],
)
def test_names_by_fragment_initials_and_pinyin(
    desk: Desk, people: dict[str, str], query: str, expected: set[str]
) -> None:
    assert names(desk, people, query) == expected


def test_id_number_tail_including_x(desk: Desk, people: dict[str, str]) -> None:
    number = _id_ending_in_x()
    for tail in (number[-4:], number[-5:], number[-6:], number[-4:].lower()):
        assert names(desk, people, tail) == {"张三丰"}, tail
    assert names(desk, people, ZHANG_ID[-4:]) == {"张三"}
    assert names(desk, people, number) == {"张三丰"}


def test_phone_full_prefix_and_tail(desk: Desk, people: dict[str, str]) -> None:
    assert names(desk, people, "13812345678") == {"张三"}
    assert names(desk, people, "138 1234 5678") == {"张三"}
    assert names(desk, people, "1381234") == {"张三"}
    assert names(desk, people, "5678") == {"张三"}
    assert names(desk, people, "0370-4567890") == {"李四"}
    assert names(desk, people, "7890") == {"李四"}


def test_trades_by_name_alias_and_fragment(desk: Desk, people: dict[str, str]) -> None:
    assert names(desk, people, "电工") == {"张三"}
    assert names(desk, people, "焊") == {"张三丰"}
    assert names(desk, people, "电焊") == {"张三丰"}
    assert names(desk, people, "焊工") == {"张三丰"}
    assert names(desk, people, "保洁") == {"李四"}
    assert names(desk, people, "叉车") == {"李四"}


def test_terms_combine(desk: Desk, people: dict[str, str]) -> None:
    assert names(desk, people, "zs 电工") == {"张三"}
    assert names(desk, people, "zs 焊") == {"张三丰"}
    assert names(desk, people, "张 保洁") == set()


def test_newest_registration_first(desk: Desk, people: dict[str, str]) -> None:
    assert find(desk, "zs") == [people["张三丰"], people["张三"]]


def test_edit_updates_the_index(desk: Desk, people: dict[str, str]) -> None:
    draft = WorkerDraft(name="王五", id_number=ZHANG_ID, phone="13900001111", skills="木工")
    edit_worker(desk, people["张三"], draft)
    assert names(desk, people, "zs") == {"张三丰"}
    assert find(desk, "ww") == [people["张三"]]
    assert find(desk, "木工") == [people["张三"]]
    assert find(desk, "13812345678") == []
    assert find(desk, "1111") == [people["张三"]]


def test_deleted_record_leaves_the_index(desk: Desk, people: dict[str, str]) -> None:
    with desk.transaction() as tx:
        worker = tx.session.get(Worker, people["张三"])
        assert worker is not None
        worker.deleted = True
        tx.save(worker, ["name"])
    assert names(desk, people, "zs") == {"张三丰"}
    assert find(desk, ZHANG_ID[-6:]) == []


def test_rebuild_gives_the_same_results(desk: Desk, people: dict[str, str]) -> None:
    queries = ["三", "zs", "zhang", "电工", "焊", "5678", _id_ending_in_x()[-4:], "李"]
    before = {q: find(desk, q) for q in queries}
    with desk.db.write() as session:
        conn = sqlite_connection(session)
        assert rebuild_index(conn) == 3
    assert {q: find(desk, q) for q in queries} == before


@pytest.mark.parametrize(
    "query",
    ['"', "'", "*", '"张', "张*", "AND", "OR", "NOT", "-", "—", "()", "NEAR(", "^", ":",
     "' OR 1=1 --", '"" AND ""', "", "   ", "，。！", "a\"b", "\\", "%", "_", "zs -电工",
     "x" * 500, " ".join(["zs"] * 40)],
)  # fmt: skip
def test_odd_input_never_raises(desk: Desk, people: dict[str, str], query: str) -> None:
    assert isinstance(find(desk, query), list)
    for kind in ("employer", "posting"):
        assert isinstance(find(desk, query, kind), list)


def test_operators_are_searched_as_words(desk: Desk, people: dict[str, str]) -> None:
    assert match_expression("，。！") is None
    assert find(desk, "AND") == []
    assert names(desk, people, "张*") == {"张三", "张三丰"}
    assert names(desk, people, '"zs"') == {"张三", "张三丰"}


@pytest.fixture
def posting_id(desk: Desk) -> Iterator[str]:
    draft = PostingDraft(
        employer_name="鑫源建筑劳务有限公司",
        contact_person="陈经理",
        contact_phone="0370-4123456",
        employment_mode="日结",
        occupation="瓦工",
        headcount="3",
        work_location="张集镇李庄村",
        pay="280-350元/天",
    )
    yield publish_posting(desk, draft).id


def test_postings_by_trade_employer_and_place(desk: Desk, posting_id: str) -> None:
    for query in ("砌筑", "瓦工", "鑫源", "劳务", "xyjz", "李庄", "4123456"):
        assert find(desk, query, "posting") == [posting_id], query
    assert find(desk, "家政", "posting") == []


def test_renamed_employer_renames_its_postings(desk: Desk, posting_id: str) -> None:
    found = EmployerDraft(name="鑫源建筑劳务有限公司", kind="company", phone="0370-4123456")
    employer = register_employer(desk, found).employer
    draft = EmployerDraft(name="恒达建筑劳务有限公司", kind="company", phone="0370-4123456")
    edit_employer(desk, employer.id, draft)
    assert find(desk, "恒达", "posting") == [posting_id]
    assert find(desk, "鑫源", "posting") == []
    assert find(desk, "恒达", "employer") == [employer.id]


def test_skill_codes_of_unknown_shape_are_ignored(desk: Desk) -> None:
    from station_desk.store.search import worker_document

    row = {
        "name": "赵六",
        "id_number": "",
        "phone": "",
        "skill_codes": json.dumps({"not": "a list"}),
        "intention_codes": "not json",
        "skills_text": "",
        "intentions_text": "",
    }
    assert "赵六" in worker_document(row).split()
