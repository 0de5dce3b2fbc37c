"""`station-desk board`: the lobby board on its own, full-screen on a chosen monitor, in a
window, or rendered offscreen to a PNG for IT and the docs."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from station_desk.paths import Paths
from station_desk.ui.app import APP_NAME, make_app

log = logging.getLogger(__name__)
EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_DATABASE = 3


def pick_screen(index: int | None, default: int) -> QScreen:
    """The screen numbered index (from 0), else the default one if it exists, else the last."""
    screens = QGuiApplication.screens()
    wanted = default if index is None else index
    if 0 <= wanted < len(screens):
        return screens[wanted]
    if index is not None:
        log.warning("no screen %d (there are %d); using the last one", index, len(screens))
    return screens[-1] if screens else QGuiApplication.primaryScreen()


def place_board(board: QWidget, screen: QScreen, windowed: bool, size: tuple[int, int]) -> None:
    """Full-screen on screen (with the mouse pointer hidden), or a normal window of size."""
    board.setScreen(screen)
    if windowed:
        board.resize(*size)
        area = screen.availableGeometry()
        board.move(area.center() - board.rect().center())
        board.show()
        return
    board.setGeometry(screen.geometry())
    board.setCursor(Qt.CursorShape.BlankCursor)
    board.showFullScreen()


def run_board(
    paths: Paths,
    screen: int | None = None,
    windowed: bool = False,
    size: tuple[int, int] = (1920, 1080),
    screenshot: str | None = None,
) -> int:
    app = make_app(offscreen=screenshot is not None)
    from station_desk.services.board import load_board_settings
    from station_desk.services.context import Desk
    from station_desk.store.db import Database, DatabaseError
    from station_desk.store.migrations import NewerSchemaError

    try:
        database = Database(paths.database)
    except (DatabaseError, NewerSchemaError) as error:
        message = QCoreApplication.translate(
            "BoardApp", "The database could not be opened, so the board did not start.\n\n%1"
        )
        message = message.replace("%1", str(error))
        print(message, file=sys.stderr)
        if screenshot is None:
            QMessageBox.critical(None, APP_NAME, message)
        return EXIT_DATABASE

    from station_desk.ui.board.window import BoardWindow

    desk = Desk(database)
    board = BoardWindow(desk)
    if screenshot is not None:
        return _screenshot(app, board, screenshot, size, database)
    several = len(QGuiApplication.screens()) > 1
    target = pick_screen(screen, load_board_settings(desk).screen if several else 0)
    place_board(board, target, windowed, size)
    code = app.exec()
    board.close()
    database.close()
    return code


def _screenshot(
    app: QApplication, board: QWidget, png: str, size: tuple[int, int], database
) -> int:
    board.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    board.resize(*size)
    board.show()
    app.processEvents()
    board.refresh(force=True)  # type: ignore[attr-defined]
    app.processEvents()
    ok = board.grab().save(png)
    board.close()
    board.deleteLater()
    app.processEvents()
    database.close()
    if not ok:
        print(
            QCoreApplication.translate("BoardApp", "Could not write the screenshot: %1").replace(
                "%1", png
            ),
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    return EXIT_OK
