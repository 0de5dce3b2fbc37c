"""The daily work from the keyboard alone, in the real window over a real database: matches
for a worker, refer, record the hire and see the places drop, close a hardship worker's 131
gaps, log a wage-arrears case and a tool loan."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from ui_typing import type_text

from records import post
from station_desk.services import hardship, referrals, rights_cases, tools
from station_desk.services.context import Desk
from station_desk.ui.work_dialogs import FollowUpDialog, HardshipDialog, MatchDialog

CTRL = Qt.KeyboardModifier.ControlModifier


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _key(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(_focused(), key, modifier)


def _open(qtbot: QtBot, window, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier):  # type: ignore[no-untyped-def]
    window.work.dialog = None
    _key(qtbot, key, modifier)
    qtbot.waitUntil(lambda: window.work.dialog is not None and window.work.dialog.isVisible())
    dialog = window.work.dialog
    qtbot.waitUntil(lambda: _focused() is dialog.view)
    return dialog


def _close(qtbot: QtBot, dialog, back_to: QWidget) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    # The offscreen platform does not always hand activation back to the window underneath.
    back_to.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)


def test_refer_hire_131_case_and_loan_from_the_keyboard(
    window, desk: Desk, people: dict[str, str], qtbot: QtBot
) -> None:
    first = post(desk, "电工", headcount="2")
    post(desk, "电工", employer_name="红星物业服务有限公司")
    post(desk, "电工", employer_name="绿野农业合作社")
    zhang = people["张三"]  # born 1949, 女: an older (hardship) worker
    window.refresh_all()
    window.activateWindow()
    window.show_page("worker")
    window.page.select(zhang)
    window.page.view.setFocus()

    # Matches for the worker, then refer the best with Enter.
    matches = _open(qtbot, window, Qt.Key.Key_M, CTRL)
    assert isinstance(matches, MatchDialog) and matches.model.rowCount() == 3
    matches.view.selectRow(matches.model.row_of(first))
    _key(qtbot, Qt.Key.Key_Return)
    assert "F6" in matches.message.text()
    _close(qtbot, matches, window)

    # Follow-up: the hire takes a place off the posting.
    follow = _open(qtbot, window, Qt.Key.Key_F6)
    assert isinstance(follow, FollowUpDialog) and follow.model.rowCount() == 1
    _key(qtbot, Qt.Key.Key_I)
    _key(qtbot, Qt.Key.Key_H)
    assert "1" in follow.message.text() and "2" in follow.message.text()
    assert referrals.posting_places(desk, first).left == 1
    assert follow.model.rows[0][3] == "已录用"
    _close(qtbot, follow, window)

    # 帮扶台账: the gaps close one key each.
    ledger = _open(qtbot, window, Qt.Key.Key_F7)
    assert isinstance(ledger, HardshipDialog)
    ledger.view.selectRow(ledger.model.row_of(zhang))
    assert ledger.model.rows[ledger.model.row_of(zhang)][2:5] == ["1", "2", "1"]
    _key(qtbot, Qt.Key.Key_G)
    qtbot.waitUntil(lambda: _focused().objectName() == "note")
    type_text(qtbot, _focused(), "先考电工证")
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _focused() is ledger.view)
    _key(qtbot, Qt.Key.Key_T)
    qtbot.waitUntil(lambda: _focused().objectName() == "note")
    type_text(qtbot, _focused(), "电工培训班")
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _focused() is ledger.view)
    for _ in range(2):
        window.work.dialog = ledger
        _key(qtbot, Qt.Key.Key_M)
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), MatchDialog))
        more = QApplication.activeModalWidget()
        assert isinstance(more, MatchDialog)
        qtbot.waitUntil(lambda m=more: _focused() is m.view)
        for row in range(more.model.rowCount()):  # the first posting not yet recommended
            more.view.selectRow(row)
            _key(qtbot, Qt.Key.Key_Return)
            if "F6" in more.message.text():
                break
        _close(qtbot, more, ledger)
    row = ledger.model.rows[ledger.model.row_of(zhang)]
    assert row[2:5] == ["✓", "✓", "✓"]
    (mine,) = [r for r in hardship.hardship_list(desk) if r.worker_id == zhang]
    assert mine.owed.total == 0
    _close(qtbot, ledger, window)

    # A wage-arrears case for the selected worker.
    window.page.view.setFocus()
    cases = _open(qtbot, window, Qt.Key.Key_F8)
    _key(qtbot, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: _focused().objectName() == "kind")
    _key(qtbot, Qt.Key.Key_Tab)
    _key(qtbot, Qt.Key.Key_Tab)
    assert _focused().objectName() == "summary"
    type_text(qtbot, _focused(), "工地拖欠两个月工资")
    _key(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, _focused(), "3500")
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cases.model.rowCount() == 1)
    (case,) = rights_cases.list_cases(desk)
    assert (case.kind, case.amount_owed, case.worker_name) == ("wage_arrears", 3500, "张三")
    _close(qtbot, cases, window)

    # A tool loan: add a drill, lend it to the selected worker.
    window.page.view.setFocus()
    lending = _open(qtbot, window, Qt.Key.Key_F9)
    _key(qtbot, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: _focused().objectName() == "name")
    type_text(qtbot, _focused(), "电钻")
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _focused() is lending.view)
    _key(qtbot, Qt.Key.Key_L)
    qtbot.waitUntil(lambda: _focused().objectName() == "tool")
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: lending.model.rowCount() == 1)
    (loan,) = tools.list_loans(desk)
    assert (loan.tool_name, loan.worker_name) == ("电钻", "张三")
    _close(qtbot, lending, window)
