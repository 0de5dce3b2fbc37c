"""At the district market's desk the reports cover every station synced there: three
stations' records (the market's own, two stations' relayed as the server would) counted by hand."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from report_dataset import at, new_desk, profile, relay, small_station, station_dataset, worker

from station_desk.reports.commands import report_command
from station_desk.services.context import Desk


@pytest.fixture(scope="module")
def market(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    root = tmp_path_factory.mktemp("district")
    desks = [new_desk(root / name) for name in ("market", "qingshan", "hekou")]
    market, qingshan, hekou = desks
    at(market, date(2024, 4, 1))
    profile(
        market,
        "青山区零工市场",
        kind="market",
        address="青山区人民大道1号",
        opening_hours="7:00-18:00",
        phone="0571-87000000",
        hotline="12333",
        trades="综合",
        complaint_channel="12345",
    )
    at(market, date(2024, 5, 10), 8)
    worker(market, "冯市场", 501, region="330102")
    station_dataset(qingshan, serial=100)
    small_station(hekou, serial=300)
    seq = relay(qingshan, market, 0)
    relay(hekou, market, seq)
    market.clock = qingshan.clock
    yield market
    for desk in desks:
        desk.db.close()


def report(desk: Desk, tmp_path: Path, kind: str, fmt: str = "json") -> dict:
    path = tmp_path / f"{kind}.{fmt}"
    assert report_command(desk, kind, None, "2024-05", fmt, path) == 0
    return json.loads(path.read_text("utf-8")) if fmt == "json" else {"path": path}


def test_directory_lists_every_station(market: Desk, tmp_path: Path) -> None:
    data = report(market, tmp_path, "directory")
    table = data["tables"][0]
    names = [row[0] for row in table["rows"]]
    assert names == ["青山区零工市场", "河口村零工驿站", "青山镇零工驿站"]
    assert [row[1] for row in table["rows"]] == ["零工市场", "零工驿站", "零工驿站"]
    assert [row[3] for row in table["rows"]] == [1, 2, 5]  # job seekers on the books
    assert [row[4] for row in table["rows"]] == ["综合", "搬运工", "保洁员、电工、装修工"]
    assert [row[5] for row in table["rows"]] == [0, round(1 / 31, 4), round(3 / 31, 4)]
    assert table["totals"][3] == 8 and table["totals"][5] == round(4 / 31, 4)
    book = load_workbook(report(market, tmp_path, "directory", "xlsx")["path"])
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    totals = next(r for r in rows if r[0] == "合计")
    assert totals[3] == 8 and totals[5] == pytest.approx(4 / 31)


def test_dispatch_splits_the_target_over_every_station(market: Desk, tmp_path: Path) -> None:
    table = report(market, tmp_path, "dispatch")["tables"][0]
    assert [row[:4] for row in table["rows"]] == [
        ["青山区零工市场", 33334, 1, 1],
        ["河口村零工驿站", 33333, 2, 2],
        ["青山镇零工驿站", 33333, 5, 6],
    ]
    assert table["totals"][:4] == ["合计", 100000, 8, 9]
    assert table["totals"][4] == round(9 / 100000, 4)


def test_monthly_report_counts_the_district(market: Desk, tmp_path: Path) -> None:
    data = report(market, tmp_path, "monthly")
    f = data["figures"]
    assert (f["registrations"], f["postings"], f["headcount"], f["placements"]) == (8, 4, 10, 4)
    assert f["hardship_workers"] == 2 and f["hardship_complete"] == 1
    by_name = {s["name"]: s["figures"] for s in data["stations"]}
    assert by_name["河口村零工驿站"]["placements"] == 1
    assert by_name["青山镇零工驿站"]["placements"] == 3
    stations = data["tables"][2]
    assert stations["totals"][0] == "全区合计" and stations["totals"][1] == 8


def test_rating_and_pdf_cover_every_station(market: Desk, tmp_path: Path) -> None:
    rows = report(market, tmp_path, "rating")["tables"][0]["rows"]
    assert [r[:3] for r in rows] == [
        ["青山区零工市场", "7/7", "7:00-18:00"],
        ["河口村零工驿站", "2/7", "未公开"],
        ["青山镇零工驿站", "5/7", "8:00-17:30"],
    ]
    assert rows[1][5] == 1.0  # 河口's one referral had its outcome the same day
    from test_reports_station import pdf_text

    text = pdf_text(report(market, tmp_path, "directory", "pdf")["path"])
    for name in ("青山区零工市场", "河口村零工驿站", "青山镇零工驿站", "合计"):
        assert name in text
