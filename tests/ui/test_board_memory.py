"""The board runs for weeks: 10,000 page turns (with reloads) leave memory, widgets and file
handles where they were after a warm-up."""

from __future__ import annotations

import os

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from station_desk.services.board import BoardSettings, save_board_settings
from station_desk.services.context import Desk
from station_desk.services.demo import fill_demo
from station_desk.ui.board.window import BoardWindow

PAGES = 10_000
WARM_UP = 1_000
PAINT_EVERY = 8  # painting a page offscreen takes ~10 ms; turning one takes ~0.5 ms


def resident_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def open_handles() -> int:
    return len(os.listdir("/proc/self/fd"))


def turn(board: BoardWindow, app: QApplication, pages: int, start: int) -> None:
    for i in range(start, start + pages):
        board.next_page()
        if i % PAINT_EVERY == 0:
            app.processEvents()
        if i % 1000 == 999:  # now and then the desk changes something the board shows
            save_board_settings(desk_of(board), BoardSettings(show_employer_phone=i % 2000 == 999))
            board.refresh_timer.timeout.emit()


def desk_of(board: BoardWindow) -> Desk:
    return board.desk


@pytest.mark.slow
def test_ten_thousand_pages_keep_memory_and_handles_flat(
    desk_app, desk: Desk, qtbot: QtBot
) -> None:
    fill_demo(desk, workers=0, postings=50, employers=10, seed=5)
    board = BoardWindow(desk)
    qtbot.addWidget(board)
    board.resize(960, 540)
    board.show()
    qtbot.waitExposed(board)
    assert len(board.pages) >= 4
    turn(board, desk_app, WARM_UP, 0)
    before, handles, widgets = resident_bytes(), open_handles(), len(board.findChildren(QWidget))
    turn(board, desk_app, PAGES, WARM_UP)
    after = resident_bytes()
    print(
        f"resident memory after warm-up {before / 2**20:.1f} MiB, after {PAGES} pages "
        f"{after / 2**20:.1f} MiB ({(after - before) / before:+.1%})"
    )
    assert after <= before * 1.10
    # Never more handles; fewer is fine (files of earlier tests may close meanwhile).
    assert open_handles() <= handles
    assert len(board.findChildren(QWidget)) == widgets
