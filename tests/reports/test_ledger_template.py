"""The import template: sheets, headers, drop-downs, text formats — and that it imports."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from station_desk.reports.ledger_template import write_template
from station_desk.services.context import Desk
from station_desk.services.ledger_import import import_ledger
from station_desk.store.db import Database

WORKER_HEADERS = ["姓名", "身份证号", "联系电话", "专业特长", "求职意向", "备注"]
POSTING_HEADERS = [
    "用工主体名称",
    "联系人",
    "联系电话",
    "用工方式",
    "职业(工种)",
    "招聘人数",
    "技能要求",
    "工作地点",
    "工作时长",
    "薪资待遇",
    "计酬方式",
    "截止日期",
]


@pytest.fixture
def template(tmp_path: Path) -> Path:
    path = tmp_path / "sub" / "导入模板.xlsx"
    write_template(path)
    return path


def _validations(ws: Worksheet) -> dict[str, str]:
    return {str(v.sqref).split(":")[0]: v.formula1 for v in ws.data_validations.dataValidation}


def test_sheets_and_headers(template: Path) -> None:
    wb = load_workbook(template)
    assert wb.sheetnames[:2] == ["零工登记", "用工信息"]
    assert "说明" in wb.sheetnames
    assert [c.value for c in wb["零工登记"][1]] == WORKER_HEADERS
    assert [c.value for c in wb["用工信息"][1]] == POSTING_HEADERS
    for title in ("零工登记", "用工信息"):
        ws = wb[title]
        assert ws.freeze_panes == "A2"
        assert all(c.font.bold for c in ws[1])
        assert all(ws.column_dimensions[c.column_letter].width >= 6 for c in ws[1])
    assert wb["工种目录"].sheet_state == "hidden"
    assert wb["说明"]["A1"].value and "导入" in wb["说明"]["A1"].value


def test_id_and_phone_columns_are_text(template: Path) -> None:
    wb = load_workbook(template)
    workers, postings = wb["零工登记"], wb["用工信息"]
    for cell in ("B2", "C2", "B500", "C2001"):
        assert workers[cell].number_format == "@", cell
    assert postings["C2"].number_format == "@"
    assert workers["A2"].number_format != "@"


def test_drop_downs(template: Path) -> None:
    wb = load_workbook(template)
    found = _validations(wb["用工信息"])
    assert found["D2"] == '"非全日制,临时,季节性,日结,小时工"'  # 用工方式
    assert found["K2"] == '"日结,周结,月结,完工结算,计件"'  # 计酬方式
    assert found["E2"].startswith("'工种目录'!$A$2")  # 职业(工种)
    catalogue = [row[0].value for row in wb["工种目录"].iter_rows(min_row=2)]
    assert "电工" in catalogue and len(catalogue) > 50


def test_filled_template_imports(template: Path, tmp_path: Path) -> None:
    wb = load_workbook(template)
    worker = ["张建国", "330102197503080118", "13805710001", "电工", "建筑", ""]
    for column, value in zip("ABCDEF", worker, strict=True):
        wb["零工登记"][f"{column}2"] = value
    wb["用工信息"]["A2"] = "清河建筑工程有限公司"
    for column, value in zip(
        "BCDEFGHIJKL",
        [
            "刘经理",
            "13800571111",
            "临时",
            "电工",
            3,
            "",
            "清河镇",
            "8小时",
            "200元/天",
            "日结",
            "2030-12-31",
        ],
        strict=True,
    ):
        wb["用工信息"][f"{column}2"] = value
    wb.save(template)
    desk = Desk(Database(tmp_path / "db.sqlite"), clock=lambda: datetime(2026, 3, 1).timestamp())

    report = import_ledger(desk, template)

    assert report.rejected == [] and report.notes == []
    assert report.added == {"worker": 1, "posting": 1}
