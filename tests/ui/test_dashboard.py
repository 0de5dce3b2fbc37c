"""The 报表 menu and the dashboard: reports exported off the UI thread, charts over real data."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QMenu

sys.path.insert(0, str(Path(__file__).parents[1] / "reports"))

from report_dataset import station_dataset

from station_desk.ui.dashboard import (
    ReportDialog,
    export_report,
    install_report_actions,
    load_dashboard,
    show_dashboard,
)


def test_the_reports_menu_and_an_export(window, desk, qtbot, tmp_path: Path) -> None:
    station_dataset(desk)
    menu = install_report_actions(window)
    assert isinstance(menu, QMenu) and "报表" in menu.title()
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == [
        "日报…",
        "月报…",
        "名录…",
        "月调度表…",
        "星级评定…",
        "统计看板…",
        "年度登记目标…",
    ]

    dialog = ReportDialog("monthly", "月报…", desk.today())
    qtbot.addWidget(dialog)
    assert dialog.out().suffix == ".pdf" and dialog.out().name.startswith("月报-")
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    assert dialog.out().suffix == ".json"

    saved: list[Path] = []
    out = tmp_path / "m.json"
    export_report(window, "monthly", date(2024, 5, 1), "json", out, saved.append)
    qtbot.waitUntil(lambda: bool(saved), timeout=15_000)
    assert json.loads(out.read_text("utf-8"))["figures"]["placements"] == 3
    assert str(out) in window.statusBar().currentMessage()


def test_dashboard_charts_show_the_last_30_days(window, desk, qtbot) -> None:
    station_dataset(desk)  # the desk's clock is now 2024-06-02
    data = load_dashboard(desk)
    assert len(data.days) == 30 and sum(n for _, n in data.days) == 3
    assert data.trades == [("保洁员", 3), ("电工", 2), ("装修工", 1)]
    assert (data.hardship, data.complete) == (2, 1)
    dialog = show_dashboard(window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.data is not None, timeout=15_000)
    assert "3" in dialog.status.text()
    assert not dialog.grab().isNull()


def test_a_pdf_from_the_menu_is_drawn_and_saved(window, desk, qtbot, tmp_path) -> None:
    from datetime import date

    from station_desk.ui.dashboard import export_report

    out = tmp_path / "日报.pdf"
    export_report(window, "daily", date.today(), "pdf", out)
    qtbot.waitUntil(lambda: out.exists() and out.stat().st_size > 1000, timeout=20_000)
    assert out.read_bytes().startswith(b"%PDF")
