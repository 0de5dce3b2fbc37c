"""帮助 → 诊断信息… shows the doctor's findings; 保存诊断包… writes a zip for IT in which no ID
number, phone number or name of a registered person can be read."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMenu

from station_desk.ui.help_actions import install_help_actions, save_diagnostics, show_diagnostics

SAMPLE_ID = "11010519491231002X"  # 张三's ID number in the `people` fixture


def close_message_boxes_soon() -> QTimer:
    """The 'saved' note is modal; accept it when it appears, as a clerk would."""
    timer = QTimer()
    timer.setInterval(50)

    def close() -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None:
            modal.accept()  # type: ignore[attr-defined]

    timer.timeout.connect(close)
    timer.start()
    return timer


def test_help_menu_entries_and_the_findings_dialog(window, qtbot) -> None:
    install_help_actions(window)
    menus = [a.menu() for a in window.menuBar().actions() if isinstance(a.menu(), QMenu)]
    help_menu = next(m for m in menus if "帮助" in m.title())
    texts = [a.text() for a in help_menu.actions()]
    assert "诊断信息…" in texts and "保存诊断包…" in texts
    assert len(menus) == len({m.title() for m in menus})  # no second Help menu

    dialog = show_diagnostics(window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "✓ 数据库完好" in dialog.text.toPlainText(), timeout=15_000)
    assert "单机使用" in dialog.text.toPlainText()


def test_the_diagnostics_zip_has_logs_without_personal_data(
    window, people, tmp_data_dir: Path, tmp_path: Path, qtbot
) -> None:
    logs = tmp_data_dir / "logs"
    logs.mkdir(exist_ok=True)
    (logs / "station-desk.log").write_text(
        f"2026-11-26 10:30 INFO registered 张三 {SAMPLE_ID} phone 13812345678; 王秀英 called\n"
        "2026-11-26 10:31 WARNING sync offline\n",
        encoding="utf-8",
    )
    target = tmp_path / "out" / "驿站诊断.zip"
    timer = close_message_boxes_soon()
    save_diagnostics(window, target)
    qtbot.waitUntil(target.exists, timeout=15_000)
    window.tasks.wait()
    timer.stop()

    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        log = archive.read("logs/station-desk.log").decode("utf-8")
        report = json.loads(archive.read("doctor.json"))
    assert "station.db" not in " ".join(names)
    assert {c["check"] for c in report["checks"]} >= {"database", "disk", "backup"}
    for secret in (SAMPLE_ID, "13812345678", "张三", "王秀英"):
        assert secret not in log
    assert "110105********002X" in log and "138****5678" in log
    assert "张*" in log and "王**" in log and "sync offline" in log
