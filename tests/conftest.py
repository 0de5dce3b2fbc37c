"""Shared fixtures: a data folder and a Desk over a real SQLite file in tmp_path.

Qt runs offscreen, and in tests/ui a Qt warning (or worse) fails the test.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Messages the offscreen platform prints for every window; not our bugs.
QT_LOG_IGNORE = (
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
    "QFont::setPointSize: Point size <= 0",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui" in item.nodeid.replace(os.sep, "/"):
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(*QT_LOG_IGNORE, extend=True))


@pytest.fixture
def tmp_data_dir(tmp_path: Path) -> Path:
    """An empty data folder, as --data-dir would give."""
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def desk(tmp_data_dir: Path):
    from station_desk.services.context import Desk
    from station_desk.store.db import Database

    database = Database(tmp_data_dir / "station.db")
    yield Desk(database, staff="测试")
    database.close()
