"""The list pages: find-as-you-type, masking, lazy loading of big tables."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from station_desk.services.context import Desk
from station_desk.store.driver import sqlite3
from station_desk.ui.table_models import BLOCK, RecordTableModel, sqlite_connector

START = datetime(2024, 1, 1, 8, 0, 0)


def _names(model: RecordTableModel) -> list[str]:
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_search_box_filters_by_pinyin_initials_and_id_tail(
    window, people: dict[str, str], qtbot: QtBot
) -> None:
    page = window.pages["worker"]
    window.refresh_all()
    assert sorted(_names(page.model)) == sorted(people)

    page.search_box.setFocus()
    qtbot.keyClicks(page.search_box, "zs")
    qtbot.waitUntil(lambda: _names(page.model) == ["张三"], timeout=2000)

    page.search_box.clear()
    qtbot.keyClicks(page.search_box, "002x")
    qtbot.waitUntil(lambda: _names(page.model) == ["张三"], timeout=2000)

    qtbot.keyClick(page.search_box, Qt.Key.Key_Escape)
    assert page.search_box.text() == ""
    assert len(_names(page.model)) == 3

    qtbot.keyClicks(page.search_box, "wxy")
    qtbot.waitUntil(lambda: _names(page.model) == ["王秀英"], timeout=2000)
    qtbot.keyClick(page.search_box, Qt.Key.Key_Down)
    assert page.view.hasFocus()
    assert page.current_id() == people["王秀英"]


def test_ctrl_f_focuses_the_search_box(window, qtbot: QtBot) -> None:
    page = window.pages["worker"]
    page.view.setFocus()
    window.activateWindow()
    qtbot.keyClick(page.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_box.hasFocus()


def test_the_list_shows_id_numbers_and_phones_masked(window, people: dict[str, str]) -> None:
    window.refresh_all()
    model = window.pages["worker"].model
    row = model.row_of(people["张三"])
    shown = [model.index(row, column).data() for column in range(model.columnCount())]
    assert "110105********002X" in shown
    assert "138****5678" in shown
    assert "11010519491231002X" not in shown and "13812345678" not in shown
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:5] == ["姓名", "性别", "年龄", "身份证号", "电话"]


def _fill_workers(path: Path, count: int) -> list[str]:
    """count workers straight into the table (no services: this is about the model)."""
    names = [f"人员{i:05d}" for i in range(count)]
    conn = sqlite3.connect(path)
    rows = [
        (
            str(uuid.uuid4()),
            name,
            f"110105199001{i % 28 + 1:02d}{i % 1000:03d}X",
            f"139{i:08d}",
            str(START + timedelta(seconds=i)),
        )
        for i, name in enumerate(names)
    ]
    conn.executemany(
        "INSERT INTO worker (id, name, id_number, phone, registered_at) VALUES (?, ?, ?, ?, ?)",
        rows,
    )
    conn.commit()
    conn.close()
    return names


def test_the_table_model_loads_a_big_list_lazily(desk: Desk, desk_app) -> None:
    count = 6000
    names = _fill_workers(desk.db.path, count)
    model = RecordTableModel("worker", sqlite_connector(desk.db.path))
    model.reload()
    assert model.rowCount() == count
    assert model.loaded_blocks == 0  # nothing but ids so far

    far = count - 10
    # newest first: the far row is one of the earliest registered
    assert model.index(far, 0).data() == names[9]
    assert model.index(far, 4).data() == f"139****{9:04d}"
    assert model.loaded_blocks == 1
    assert model.index(far - 1, 0).data() == names[10]  # same block, from the cache
    assert model.loaded_blocks == 1
    assert model.index(0, 0).data() == names[-1]
    assert model.loaded_blocks == 2
    assert count // BLOCK > 2
