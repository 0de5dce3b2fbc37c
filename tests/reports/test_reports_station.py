"""The five reports of one station, in every format, against the hand count of the dataset."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from report_dataset import new_desk, station_dataset

from station_desk.reports.commands import report_command
from station_desk.reports.report_data import set_registration_target
from station_desk.services.context import Desk
from station_desk.store.db import sqlite_connection


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    desk = new_desk(tmp_path_factory.mktemp("station") / "data")
    station_dataset(desk)
    yield desk
    desk.db.close()


def run(
    desk: Desk,
    out: Path,
    kind: str,
    fmt: str,
    day: str | None = None,
    month: str | None = "2024-05",
) -> Path:
    path = out / f"{kind}.{fmt}"
    assert report_command(desk, kind, day, None if day else month, fmt, path) == 0
    return path


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return result.stdout


def test_monthly_report_json_xlsx_and_pdf(desk: Desk, tmp_path: Path) -> None:
    data = json.loads(run(desk, tmp_path, "monthly", "json").read_text(encoding="utf-8"))
    assert data["title"] == "青山镇零工驿站零工服务月报"
    assert data["period_start"] == "2024-05-01" and data["days"] == 31
    f = data["figures"]
    assert (f["registrations"], f["postings"], f["headcount"], f["placements"]) == (5, 3, 6, 3)
    assert (f["hardship_rate"], f["quick_rate"], f["amount_recovered"]) == (0.5, 1.0, 5000)
    assert len(data["trace"]["registrations"]["ids"]) == 5

    book = load_workbook(run(desk, tmp_path, "monthly", "xlsx"))
    sheet = book["主要指标"]
    values = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row[1] is not None}
    assert values["新登记求职人数"] == 5 and values["成功就业人次"] == 3
    assert values["招聘人数"] == 6 and values["追回金额（元）"] == 5000
    assert sheet.column_dimensions["C"].width > 40
    services = book["服务分类"]
    last = list(services.iter_rows(values_only=True))
    total_row = next(r for r in last if r[0] == "合计")
    assert total_row[1] == 3
    cell = next(c for row in sheet.iter_rows() for c in row if c.value == 0.5)
    assert cell.number_format == "0.0%"

    text = pdf_text(run(desk, tmp_path, "monthly", "pdf"))
    assert "青山镇零工驿站零工服务月报" in text
    assert "统计期间：2024年05月01日至2024年05月31日（31天）" in text
    assert "第 1 页，共" in text
    lines = {
        line.split()[0]: line.split()[1] for line in text.splitlines() if len(line.split()) > 1
    }
    assert lines["新登记求职人数"] == "5" and lines["成功就业人次"] == "3"
    assert lines["“131”完成率"] == "50.0%" and lines["追回金额（元）"] == "5,000.00"
    assert lines["合计"] == "3"  # services by kind


def test_daily_report(desk: Desk, tmp_path: Path) -> None:
    data = json.loads(run(desk, tmp_path, "daily", "json", day="2024-05-10").read_text("utf-8"))
    f = data["figures"]
    assert (f["registrations"], f["postings"], f["referrals"], f["placements"]) == (4, 2, 3, 1)
    assert f["daily_placements"] == 1 and f["hardship_complete"] == 0
    text = pdf_text(run(desk, tmp_path, "daily", "pdf", day="2024-05-10"))
    assert "零工服务日报" in text and "2024年05月10日" in text


def test_directory_dispatch_and_rating(desk: Desk, tmp_path: Path) -> None:
    directory = json.loads(run(desk, tmp_path, "directory", "json").read_text("utf-8"))
    (row,) = directory["tables"][0]["rows"]
    assert row[:5] == ["青山镇零工驿站", "零工驿站", "青山镇人民路8号", 5, "保洁员、电工、装修工"]
    assert row[5] == round(3 / 31, 4)

    dispatch = json.loads(run(desk, tmp_path, "dispatch", "json").read_text("utf-8"))
    (row,) = dispatch["tables"][0]["rows"]
    # target 100,000 (one station known); May 5 registrations; since January 6 (W0 in April)
    assert row[:4] == ["青山镇零工驿站", 100000, 5, 6]
    with desk.db.write() as session:
        set_registration_target(sqlite_connection(session), 1200)
    dispatch = json.loads(run(desk, tmp_path, "dispatch", "json").read_text("utf-8"))
    assert dispatch["tables"][0]["rows"][0][1:5] == [1200, 5, 6, 0.005]
    text = pdf_text(run(desk, tmp_path, "dispatch", "pdf"))
    assert "月调度表" in text and "1,200" in text and "0.5%" in text

    rating = json.loads(run(desk, tmp_path, "rating", "json").read_text("utf-8"))
    (row,) = rating["tables"][0]["rows"]
    # 5 of 7 profile fields (no hotline, no complaint channel)
    assert row == ["青山镇零工驿站", "5/7", "8:00-17:30", 5, 0.5, 0.6, 3, round(3 / 31, 4), 1.0]
    book = load_workbook(run(desk, tmp_path, "rating", "xlsx"))
    sheet = book.worksheets[0]
    assert sheet.freeze_panes is not None and int(sheet.page_setup.paperSize) == 9
    assert any("需现场考核" in str(c.value) for r in sheet.iter_rows() for c in r)


def test_bad_input_exits_2_with_a_chinese_message(
    desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.json"
    assert report_command(desk, "daily", "2024-13-01", None, "json", out) == 2
    assert "日期" in capsys.readouterr().err
    assert report_command(desk, "monthly", None, "2024/05", "json", out) == 2
    assert "月份" in capsys.readouterr().err
    assert report_command(desk, "monthly", None, "2031-01", "json", out) == 2
    assert "不能晚于" in capsys.readouterr().err
    assert report_command(desk, "daily", None, None, "json", tmp_path / "none" / "r.json") == 2
    assert "不存在" in capsys.readouterr().err
    assert not out.exists()
