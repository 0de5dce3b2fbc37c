"""File → Import ledger… and File → Export… run off the UI thread and report back."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from station_desk.services.context import Desk
from station_desk.store.db import sqlite_connection
from station_desk.store.search import search_ids

LEDGER = (
    "姓名,身份证号,联系电话,专业特长\n"
    "王秀英,11010519491231002x,13812345678,保洁员\n"
    "李强,110105198003070013,13900001111,电工\n"
)


def test_import_shows_the_report_and_the_new_people_are_in_the_list(
    window, desk: Desk, qtbot: QtBot, tmp_path: Path
) -> None:
    ledger = tmp_path / "台账.csv"
    ledger.write_bytes(LEDGER.encode("gbk"))
    dialog = window.start_import(ledger)
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=20_000)
    assert "新增零工1条" in dialog.status.text()
    assert "第3行" in dialog.details.toPlainText() and "校验码" in dialog.details.toPlainText()
    assert dialog.bar.value() == dialog.bar.maximum()
    assert window.pages["worker"].model.rowCount() == 1
    assert "零工 1 人" in window.status_label.text()
    with desk.db.read() as session:
        assert len(search_ids(sqlite_connection(session), "worker", "wxy")) == 1


def test_an_unreadable_file_is_reported_in_chinese(window, qtbot: QtBot, tmp_path: Path) -> None:
    broken = tmp_path / "坏文件.xlsx"
    broken.write_bytes(b"not a workbook")
    dialog = window.start_import(broken)
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=20_000)
    assert dialog.status.text().startswith("文件无法导入：")
    assert "Excel" in dialog.status.text()
