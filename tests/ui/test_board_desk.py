"""The board from the desk: the 视图 menu's 大厅大屏 (F11) and the 大屏设置 dialog."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from station_desk.services.board import load_board_settings
from station_desk.ui.board.desk_hook import install_board_action
from station_desk.ui.board.settings_dialog import BoardSettingsDialog


def test_f11_opens_the_board_in_a_window_on_a_single_screen_and_closes_it(
    window, qtbot: QtBot
) -> None:
    action = window.board_action  # installed by the main window
    assert action.text() == "大厅大屏(&L)"
    assert action.shortcut() == QKeySequence("F11")
    titles = [a.text() for a in window.menuBar().actions()]
    assert "视图(&V)" in titles and titles[-1].startswith("帮助")
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "视图(&V)")
    assert [a.text() for a in view.actions()] == ["大厅大屏(&L)", "大屏设置(&S)…"]
    action.trigger()
    board = window.board_launcher.board
    assert board is not None and board.isVisible() and not board.isFullScreen()
    assert action.isChecked()
    action.trigger()
    qtbot.waitUntil(lambda: window.board_launcher.board is None)
    assert not action.isChecked()


def test_the_board_closes_with_the_desk(window, qtbot: QtBot) -> None:
    window.board_action.trigger()
    board = window.board_launcher.board
    assert board is not None
    window.close()
    qtbot.waitUntil(lambda: window.board_launcher.board is None)


def test_settings_dialog_saves_notices_and_options(window, qtbot: QtBot) -> None:
    install_board_action(window)
    dialog = window.board_launcher.edit_settings()
    assert isinstance(dialog, BoardSettingsDialog)
    assert dialog.qr_caption.text() == "扫码注册灵工邦，找活更方便"
    dialog.notices.setPlainText("6月8日 电工培训\n\n社保补贴政策")
    dialog.page_seconds.setValue(20)
    dialog.qr_url.setText("https://example.org/lgb")
    dialog.show_phone.setChecked(True)
    dialog.accept()
    saved = load_board_settings(window.desk)
    assert saved.notices == ("6月8日 电工培训", "社保补贴政策")
    assert (saved.page_seconds, saved.qr_url, saved.show_employer_phone) == (
        20,
        "https://example.org/lgb",
        True,
    )
    assert saved.speech is False


def test_an_open_board_follows_the_settings(window, qtbot: QtBot) -> None:
    action = install_board_action(window)
    action.trigger()
    board = window.board_launcher.board
    dialog = window.board_launcher.edit_settings()
    dialog.notices.setPlainText("今天下午三点 招聘会")
    dialog.page_seconds.setValue(30)
    dialog.accept()
    board.refresh_timer.timeout.emit()
    assert board.notice.text() == "今天下午三点 招聘会"
    assert board.page_timer.interval() == 30_000
    action.trigger()
