"""即时快招 from the keyboard, in the real window over a real database: a quick posting,
Ctrl+K, the shortlist, refer, confirm by phone with today's interview time, interviewed,
on the job; the places left drop and the minutes from posting to hire are shown, and the
工作 → 即时快招 menu lists today's quick postings with their state."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlmodel import select

from records import post
from station_desk.services import referrals
from station_desk.services.context import Desk
from station_desk.store.models import ReferralOutcome
from station_desk.ui.quick_hire import QuickHireDialog

CTRL = Qt.KeyboardModifier.ControlModifier
MORNING = datetime.combine(date.today(), time(9, 0))


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _key(qtbot: QtBot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(_focused(), key, modifier)


def _at(desk: Desk, minutes: int) -> None:
    desk.clock = lambda: MORNING.timestamp() + minutes * 60


def _select_posting(window, posting_id: str) -> None:  # type: ignore[no-untyped-def]
    window.refresh_all()
    window.activateWindow()
    window.show_page("posting")
    window.page.select(posting_id)
    window.page.view.setFocus()


def _open_quick(qtbot: QtBot, window) -> QuickHireDialog:  # type: ignore[no-untyped-def]
    window.work.dialog = None
    _key(qtbot, Qt.Key.Key_K, CTRL)
    qtbot.waitUntil(lambda: window.work.dialog is not None and window.work.dialog.isVisible())
    dialog = window.work.dialog
    assert isinstance(dialog, QuickHireDialog)
    qtbot.waitUntil(lambda: _focused() is dialog.view)
    return dialog


def _progress(dialog: QuickHireDialog, worker_id: str) -> list[str]:
    return dialog.model.rows[dialog.model.row_of(worker_id)]


def test_quick_hire_from_the_keyboard(
    window, desk: Desk, people: dict[str, str], qtbot: QtBot
) -> None:
    _at(desk, 0)
    posting_id = post(desk, "电工", quick=True, headcount="2")
    zhang = people["张三"]  # 电工, an older (hardship) worker
    _select_posting(window, posting_id)

    dialog = _open_quick(qtbot, window)
    assert dialog.windowTitle() == "即时快招"
    assert (
        "还缺 2 人（共 2 人）" in dialog.summary.text() and "已发布 0 分钟" in dialog.summary.text()
    )
    assert dialog.current_id() == zhang
    assert _progress(dialog, zhang)[2] == "未推荐"
    assert "138****5678" in dialog.contact.text()  # masked until asked for
    _key(qtbot, Qt.Key.Key_P)
    assert "13812345678" in dialog.contact.text()  # the number to call, shown on P (audited)

    _at(desk, 4)
    _key(qtbot, Qt.Key.Key_Return)  # refer
    assert _progress(dialog, zhang)[2] == "已推荐，待电话确认"
    assert "按 C" in dialog.message.text()

    _key(qtbot, Qt.Key.Key_T)  # the interview time, then back to the list with Enter
    qtbot.waitUntil(lambda: _focused() is dialog.interview)
    dialog.interview.selectAll()
    qtbot.keyClicks(dialog.interview, "10:30")
    _key(qtbot, Qt.Key.Key_Return)
    assert _focused() is dialog.view
    _at(desk, 10)
    _key(qtbot, Qt.Key.Key_C)
    assert _progress(dialog, zhang)[2:4] == ["已电话确认", "10:30"]
    assert "10:30" in dialog.message.text()
    with desk.db.read() as session:
        query = select(ReferralOutcome).where(ReferralOutcome.outcome == "confirmed")
        (step,) = session.exec(query).all()
    assert step.interview_at == datetime.combine(date.today(), time(10, 30))
    assert step.note == "测试于09:10电话确认，当天10:30面试"

    _at(desk, 95)
    _key(qtbot, Qt.Key.Key_Return)  # interviewed
    assert _progress(dialog, zhang)[2] == "已面试"
    _at(desk, 102)
    _key(qtbot, Qt.Key.Key_Return)  # on the job
    assert _progress(dialog, zhang)[2] == "已上岗"
    assert "还缺 1 人（共 2 人）" in dialog.message.text()
    assert "从发布到上岗用时 102 分钟" in dialog.message.text()
    assert "从发布到上岗 102 分钟" in dialog.summary.text()
    assert referrals.posting_places(desk, posting_id).left == 1
    _key(qtbot, Qt.Key.Key_Return)  # nothing further for this worker
    assert dialog.message.text() == "该零工已上岗。"

    qtbot.keyClick(dialog.view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    # 工作 → 即时快招: today's quick postings with their state and minutes.
    menu = window.work.quick_menu
    menu.aboutToShow.emit()
    (entry,) = menu.actions()
    assert "已上岗" in entry.text() and "102 分钟上岗" in entry.text()
    entry.trigger()
    qtbot.waitUntil(lambda: isinstance(window.work.dialog, QuickHireDialog))
    assert window.work.dialog.posting_id == posting_id


def test_the_menu_shows_waiting_postings_and_ctrl_k_needs_a_quick_one(
    window, desk: Desk, people: dict[str, str], qtbot: QtBot
) -> None:
    _at(desk, 0)
    quick = post(desk, "电工", quick=True)
    ordinary = post(desk, "焊工", employer_name="红星物业服务有限公司")
    _at(desk, 25)
    window.work.quick_menu.aboutToShow.emit()
    (entry,) = window.work.quick_menu.actions()
    assert "待推荐" in entry.text() and "已发布 25 分钟" in entry.text()

    _select_posting(window, ordinary)
    window.work.dialog = None
    _key(qtbot, Qt.Key.Key_K, CTRL)
    assert window.work.dialog is None
    assert "即时快招" in window.statusBar().currentMessage()

    _select_posting(window, quick)
    dialog = _open_quick(qtbot, window)
    _key(qtbot, Qt.Key.Key_C)  # not referred yet: nothing recorded
    assert "请先推荐" in dialog.message.text()
    _key(qtbot, Qt.Key.Key_R)
    _key(qtbot, Qt.Key.Key_N)  # no-show: the worker may be referred again with Enter
    assert _progress(dialog, people["张三"])[2] == "未到场"
    _key(qtbot, Qt.Key.Key_Return)
    assert _progress(dialog, people["张三"])[2] == "已推荐，待电话确认"
    window.work.quick_menu.aboutToShow.emit()
    assert "已推荐" in window.work.quick_menu.actions()[0].text()
