"""The 大龄 line (工作 → 大龄线设置): typed in the dialog, it changes who counts as an older,
hardship worker in the 帮扶台账."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from station_desk.services import hardship
from station_desk.services.context import Desk
from station_desk.ui.settings_dialogs import OlderAgeDialog


def _older(desk: Desk) -> set[str]:
    return {r.worker_id for r in hardship.hardship_list(desk) if "older" in r.flags}


def test_the_older_age_line_changes_the_hardship_ledger(
    window, desk: Desk, people: dict[str, str], qtbot: QtBot
) -> None:
    # 张三 (a woman born 1949), 王秀英 (a woman born 1975), 李四 (a man born 1980).
    assert _older(desk) == {people["张三"], people["王秀英"]}

    window.work.actions["older_ages"].trigger()
    dialog = window.work.dialog
    assert isinstance(dialog, OlderAgeDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.male)
    assert (dialog.male.value(), dialog.female.value()) == (50, 40)
    qtbot.keyClicks(dialog.male, "40")  # the value is selected: typing replaces it
    qtbot.keyClick(dialog.male, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.female
    dialog.female.selectAll()
    qtbot.keyClicks(dialog.female, "60")
    qtbot.keyClick(dialog.female, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    assert hardship.older_ages(desk) == {"男": 40, "女": 60}
    assert _older(desk) == {people["张三"], people["李四"]}

    # Esc leaves the line as it was.
    window.work.actions["older_ages"].trigger()
    again = window.work.dialog
    assert isinstance(again, OlderAgeDialog) and again.male.value() == 40
    qtbot.keyClicks(again.male, "70")
    qtbot.keyClick(again.male, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not again.isVisible())
    assert hardship.older_ages(desk) == {"男": 40, "女": 60}
