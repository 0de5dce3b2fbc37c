"""station-desk template / import / export, as IT and scripts run them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from station_desk.cli import main

LEDGERS = Path(__file__).resolve().parents[1] / "data" / "ledgers"
GBK_CSV = LEDGERS / "清河镇求职登记台账.csv"
STATION_XLSX = LEDGERS / "清河镇台账.xlsx"


def _run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def test_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "模板.xlsx"
    assert _run(tmp_path / "data", "template", str(out)) == 0
    assert "已生成导入模板" in capsys.readouterr().out
    assert load_workbook(out).sheetnames[:2] == ["零工登记", "用工信息"]


def test_import_with_rejected_rows_exits_1_and_writes_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report_path = tmp_path / "report.json"
    code = _run(tmp_path / "data", "import", str(GBK_CSV), "--report", str(report_path))

    assert code == 1
    out = capsys.readouterr().out
    assert "新增零工3条" in out
    assert f"{GBK_CSV.name} 第5行 手机号：手机号应为11位，现在是10位" in out
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert set(report) == {"file", "added", "skipped_existing", "rejected", "notes"}
    assert report["file"] == str(GBK_CSV)
    assert report["added"] == {"worker": 3, "posting": 0}
    assert report["rejected"][0] == {
        "sheet": GBK_CSV.name,
        "row": 3,
        "column": "身份证号码",
        "value": "330106196811200224",
        "reason": "第18位校验码应为3，请核对号码",
    }
    assert [(r["row"], r["column"]) for r in report["rejected"]] == [
        (3, "身份证号码"),
        (5, "手机号"),
        (6, "姓名"),
    ]

    # The same file again: nothing new, the same problems.
    assert _run(tmp_path / "data", "import", str(GBK_CSV), "--report", str(report_path)) == 1
    again = json.loads(report_path.read_text(encoding="utf-8"))
    assert again["added"] == {"worker": 0, "posting": 0}
    assert again["skipped_existing"]["worker"] == 3


def test_clean_import_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(tmp_path / "data", "import", str(STATION_XLSX)) == 0
    assert "新增零工2条，用工信息3条" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("garbage.xlsx", bytes(range(256)) * 4, "不是有效的Excel"),
        ("list.txt", "姓名,身份证号\n".encode(), "不支持的文件类型"),
        ("missing.xlsx", None, "找不到文件"),
    ],
)
def test_unreadable_file_exits_2_with_a_chinese_message(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: bytes | None,
    expected: str,
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    report_path = tmp_path / "report.json"
    assert _run(tmp_path / "data", "import", str(path), "--report", str(report_path)) == 2
    err = capsys.readouterr().err
    assert "无法读取文件" in err and expected in err
    assert expected in json.loads(report_path.read_text(encoding="utf-8"))["error"]


def test_export_json_twice_is_identical(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    assert _run(data, "import", str(STATION_XLSX)) == 0
    first, second = tmp_path / "1.json", tmp_path / "2.json"
    assert _run(data, "export", "--format", "json", "--out", str(first)) == 0
    assert _run(data, "export", "--format", "json", "--out", str(second)) == 0
    assert first.read_bytes() == second.read_bytes()
    exported = json.loads(first.read_text(encoding="utf-8"))
    assert len(exported["workers"]) == 2 and len(exported["postings"]) == 3
    assert "已导出到" in capsys.readouterr().out


def test_export_xlsx_then_import_elsewhere(tmp_path: Path) -> None:
    assert _run(tmp_path / "a", "import", str(STATION_XLSX)) == 0
    out = tmp_path / "导出.xlsx"
    assert _run(tmp_path / "a", "export", "--format", "xlsx", "--out", str(out)) == 0
    report_path = tmp_path / "report.json"
    assert _run(tmp_path / "b", "import", str(out), "--report", str(report_path)) == 0
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["added"] == {"worker": 2, "posting": 3}
