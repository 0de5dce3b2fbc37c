"""The fast screening of request JSON (decided in C for the common case) gives the same verdict
as walking every value, for everything the server must refuse and for ordinary records."""

from __future__ import annotations

from typing import Any

import pytest

from district_server.screening import MAX_DEPTH, _walk, screen_json
from station_desk.domain.idcard import IdNumberError, id_number_problem, parse_id_number


def _nested(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth - 1):
        value = [value]
    return value


CASES = [
    {"name": "张三", "n": 3, "ok": True, "codes": ["6-29-01"], "none": None},
    {"note": "x\x00y"},
    {"k\x00": 1},
    {"pay": float("nan")},
    {"pay": float("inf")},
    {"n": 2**63},
    {"n": -(2**63) - 5},
    {"n": 2**63 - 1, "text": "12345678901234567890123"},
    {"bad": "\ud800"},
    {"\udfff": "key"},
    _nested(MAX_DEPTH),
    _nested(MAX_DEPTH + 1),
    _nested(MAX_DEPTH + 2),
    {"fields": {"a": [{"b": [True, False, 1.5]}]}},
]


@pytest.mark.parametrize("value", CASES)
@pytest.mark.parametrize("allow_nul", [False, True])
def test_the_fast_verdict_is_the_walks(value: Any, allow_nul: bool) -> None:
    assert screen_json(value, allow_nul) == _walk(value, allow_nul)


def test_the_refusals_are_named() -> None:
    assert screen_json({"note": "x\x00"}) is not None
    assert screen_json({"note": "x\x00"}, allow_nul=True) is None
    assert "太大" in (screen_json({"n": 2**64}) or "")
    assert "NaN" in (screen_json({"n": float("nan")}) or "")
    assert "嵌套" in (screen_json(_nested(MAX_DEPTH + 2)) or "")  # 17 levels of lists


@pytest.mark.parametrize(
    "number",
    [
        "11010519491231002X",
        "11010519491231002x",
        "110105 1949 1231 002X",
        "11010519491231002",
        "11010519491231002Y",
        "99010519491231002X",
        "11010519491331002X",
        "110105194912310021",
        "",
    ],
)
def test_id_number_problem_agrees_with_parsing(number: str) -> None:
    try:
        parse_id_number(number)
        expected = None
    except IdNumberError as error:
        expected = error.message
    assert id_number_problem(number) == expected
