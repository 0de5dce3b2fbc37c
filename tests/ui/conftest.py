"""UI fixtures: the application set up as the desk sets it up, a main window over a real
database, and a few registered people."""

from __future__ import annotations

from datetime import date

import pytest

from station_desk.domain.idcard import make_id_number
from station_desk.domain.worker import WorkerDraft
from station_desk.services.context import Desk
from station_desk.services.workers import register_worker

SAMPLE_ID = "11010519491231002X"
PEOPLE = (
    ("张三", SAMPLE_ID, "13812345678", "电工"),
    ("李四", make_id_number("330106", date(1980, 5, 6), 123), "13900001111", "焊工"),
    ("王秀英", make_id_number("440305", date(1975, 2, 3), 244), "13700002222", "保洁员"),
)


@pytest.fixture(scope="session", autouse=True)
def _compiled_translations() -> None:
    from station_desk.ui.translations_build import build

    build()


@pytest.fixture(scope="session")
def desk_app(qapp):
    """The QApplication with the desk's font, style and zh_CN translator (set up once: a new
    style sheet re-polishes every widget alive)."""
    from station_desk.ui.app import make_app

    return make_app()


@pytest.fixture(autouse=True)
def _no_windows_left_behind(qapp):
    """Close and delete every top-level window a test leaves open (dialogs it opened, windows
    not handed to qtbot), so later tests do not pay for them on every style or font change."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    for widget in qapp.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def people(desk: Desk) -> dict[str, str]:
    """Three registered workers; name → id."""
    ids = {}
    for name, id_number, phone, skills in PEOPLE:
        draft = WorkerDraft(name=name, id_number=id_number, phone=phone, skills=skills)
        ids[name] = register_worker(desk, draft).worker.id
    return ids


@pytest.fixture
def window(desk_app, desk: Desk, qtbot):
    from station_desk.ui.main_window import MainWindow

    main = MainWindow(desk)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.tasks.wait()
