"""Starting the desk: screenshot mode, the translator, a bad database, background tasks."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from station_desk.cli import main
from station_desk.services.context import Desk
from station_desk.ui.background import TaskManager


def test_screenshot_writes_a_png_of_the_window(
    tmp_data_dir: Path, desk: Desk, people: dict[str, str], qapp
) -> None:
    png = tmp_data_dir / "desk.png"
    code = main(["--data-dir", str(tmp_data_dir), "--screenshot", str(png), "--page", "workers"])
    assert code == 0
    image = QImage(str(png))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1366, 768)
    # not a blank picture: a window with a table in it has many distinct colours
    colours = {image.pixel(x, y) for x in range(0, 1366, 7) for y in range(0, 768, 7)}
    assert len(colours) > 20


def test_menus_and_pages_are_in_chinese(window) -> None:
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[0].startswith("文件")
    assert [window.tabs.tabText(i) for i in range(3)] == ["零工", "用工主体", "招聘信息"]
    file_menu = window.menuBar().actions()[0].menu()
    assert any(a.text().startswith("导入台账") for a in file_menu.actions())
    assert "本驿站" in window.status_label.text()


def test_a_damaged_database_is_refused_and_left_untouched(tmp_data_dir: Path, qapp) -> None:
    database = tmp_data_dir / "station.db"
    garbage = b"this is not a database" * 100
    database.write_bytes(garbage)
    png = tmp_data_dir / "desk.png"
    code = main(["--data-dir", str(tmp_data_dir), "--screenshot", str(png)])
    assert code == 3
    assert database.read_bytes() == garbage
    assert not png.exists()


def test_background_work_reports_back_on_the_ui_thread(qtbot: QtBot, qapp) -> None:
    tasks = TaskManager()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker_thread"] = threading.current_thread()
        return 42

    def done(value: int) -> None:
        seen["value"] = value
        seen["callback_thread"] = threading.current_thread()

    tasks.run(work, on_done=done)
    qtbot.waitUntil(lambda: "value" in seen)
    assert seen["value"] == 42
    assert seen["worker_thread"] is not threading.main_thread()
    assert seen["callback_thread"] is threading.main_thread()

    failures: list[Exception] = []
    tasks.run(lambda: 1 / 0, on_error=failures.append)
    qtbot.waitUntil(lambda: bool(failures))
    assert isinstance(failures[0], ZeroDivisionError)


def test_a_damaged_database_at_start_offers_the_newest_backup_and_keeps_the_damaged_file(
    tmp_data_dir: Path, desk_app, qtbot: QtBot
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from station_desk.domain.worker import WorkerDraft
    from station_desk.paths import resolve_paths
    from station_desk.services.backup import backup_now
    from station_desk.services.context import Desk
    from station_desk.services.workers import register_worker
    from station_desk.store.db import Database
    from station_desk.ui.app import offer_last_backup

    paths = resolve_paths(tmp_data_dir).ensure()
    database = Database(paths.database)
    register_worker(
        Desk(database),
        WorkerDraft(name="王秀英", id_number="11010519491231002X", phone="13812345678"),
    )
    database.close()
    backup_now(paths)
    garbage = b"this is not a database" * 100
    paths.database.write_bytes(garbage)
    for suffix in ("-wal", "-shm"):
        paths.database.with_name(paths.database.name + suffix).unlink(missing_ok=True)

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        assert "无法打开数据库" in box.text() and "最近的备份" in box.informativeText()
        [restore] = [b for b in box.buttons() if b.text() == "恢复最近的备份"]
        restore.click()

    QTimer.singleShot(0, answer)
    assert offer_last_backup(paths, RuntimeError("文件已损坏"))
    aside = [p for p in tmp_data_dir.iterdir() if ".before-restore-" in p.name]
    assert [p.read_bytes() for p in aside if not p.name.endswith(("-wal", "-shm"))] == [garbage]
    restored = Database(paths.database)
    with restored.read() as session:
        from sqlmodel import select

        from station_desk.store.models import Worker

        assert [w.name for w in session.exec(select(Worker))] == ["王秀英"]
    restored.close()
