"""The desk's way to the lobby board: a 视图 menu with 大厅大屏 (F11) and 大屏设置….

    from station_desk.ui.board.desk_hook import install_board_action
    install_board_action(main_window)

The board opens full-screen on the screen chosen in the board settings (the second one by
default); with only one screen it opens as a normal window. F11 again closes it, and it
closes with the desk.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from station_desk.services.board import load_board_settings
from station_desk.ui.board.app import pick_screen, place_board
from station_desk.ui.board.settings_dialog import BoardSettingsDialog
from station_desk.ui.board.window import BoardWindow

WINDOWED_SIZE = QSize(1280, 720)


class BoardLauncher(QObject):
    """Opens and closes the board for a main window; closes it when the desk closes."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.board: BoardWindow | None = None
        self.dialog: BoardSettingsDialog | None = None
        self.action = QAction(QCoreApplication.translate("BoardHook", "&Lobby board"), window)
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence("F11"))
        self.action.triggered.connect(self.toggle)
        self.settings_action = QAction(
            QCoreApplication.translate("BoardHook", "Lobby board &settings…"), window
        )
        self.settings_action.triggered.connect(self.edit_settings)
        window.installEventFilter(self)

    def toggle(self, checked: bool | None = None) -> None:
        if self.board is not None:
            self.board.close()
        else:
            self.open()

    def open(self) -> BoardWindow:
        if self.board is not None:
            return self.board
        board = BoardWindow(self.window.desk)  # type: ignore[attr-defined]
        board.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        board.destroyed.connect(self._closed)
        screens = QGuiApplication.screens()
        chosen = load_board_settings(self.window.desk).screen  # type: ignore[attr-defined]
        if len(screens) > 1:
            place_board(board, pick_screen(None, chosen), False, (0, 0))
        else:
            size = (WINDOWED_SIZE.width(), WINDOWED_SIZE.height())
            place_board(board, pick_screen(None, 0), True, size)
        self.board = board
        self.action.setChecked(True)
        return board

    def _closed(self) -> None:
        self.board = None
        self.action.setChecked(False)

    def edit_settings(self) -> BoardSettingsDialog:
        dialog = BoardSettingsDialog(self.window.desk, self.window)  # type: ignore[attr-defined]
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close and self.board:
            self.board.close()
        return super().eventFilter(watched, event)


def _view_menu(window: QMainWindow) -> QMenu:
    """The window's View menu, made (before Help, the last menu) if there is none."""
    title = QCoreApplication.translate("BoardHook", "&View")
    bar = window.menuBar()
    actions = bar.actions()
    for action in actions:
        if action.menu() is not None and action.text() == title:
            return action.menu()  # type: ignore[return-value]
    menu = QMenu(title, window)
    if actions:
        bar.insertMenu(actions[-1], menu)
    else:
        bar.addMenu(menu)
    return menu


def install_board_action(window: QMainWindow) -> QAction:
    """Add 视图 → 大厅大屏 (F11) and 大屏设置… to the desk's main window; returns the former."""
    launcher = BoardLauncher(window)
    window.board_launcher = launcher  # type: ignore[attr-defined]
    menu = _view_menu(window)
    menu.addAction(launcher.action)
    menu.addAction(launcher.settings_action)
    window.addAction(launcher.action)
    return launcher.action
