"""The 报表 menu and the statistics dashboard.

    install_report_actions(window)   # window has .desk, .tasks (ui/background.TaskManager)

Each report asks for the day or month, the format and where to save (the Documents folder by
default), then is built and written off the UI thread with a progress dialog. The dashboard
draws its charts with QPainter (Qt Charts is not in PySide6-Essentials): placements per day
over the last 30 days, postings by trade, and the 131 completion of hardship workers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QRectF, QStandardPaths, Qt
from PySide6.QtGui import QAction, QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_desk.reports.commands import make_report, write_report
from station_desk.reports.report_model import ReportDoc
from station_desk.reports.statistics import (
    Period,
    hardship_figures,
    is_market_desk,
    per_day,
    postings_by_trade,
    this_station_id,
)
from station_desk.services.context import Desk
from station_desk.store.db import sqlite_connection
from station_desk.ui.target_dialog import RegistrationTargetDialog

ACCENT = QColor("#2f6fb3")


def report_kinds() -> list[tuple[str, str]]:
    return [
        ("daily", QCoreApplication.translate("ReportActions", "Daily report…")),
        ("monthly", QCoreApplication.translate("ReportActions", "Monthly report…")),
        ("directory", QCoreApplication.translate("ReportActions", "Directory…")),
        ("dispatch", QCoreApplication.translate("ReportActions", "Monthly dispatch…")),
        ("rating", QCoreApplication.translate("ReportActions", "Star rating…")),
    ]


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


class ReportDialog(QDialog):
    """Which day or month, which format, where to save."""

    def __init__(self, kind: str, title: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setWindowTitle(title.rstrip("…"))
        self.when = QDateEdit(QDate(today.year, today.month, today.day))
        self.when.setCalendarPopup(True)
        self.when.setMaximumDate(QDate(today.year, today.month, today.day))
        self.when.setDisplayFormat("yyyy-MM-dd" if kind == "daily" else "yyyy-MM")
        self.format = QComboBox()
        for code, label in (("pdf", "PDF"), ("xlsx", "Excel (xlsx)"), ("json", "JSON")):
            self.format.addItem(label, code)
        self.path = QLineEdit()
        browse = QPushButton(QCoreApplication.translate("ReportActions", "Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(
            QCoreApplication.translate("ReportActions", "Day:")
            if kind == "daily"
            else QCoreApplication.translate("ReportActions", "Month:"),
            self.when,
        )
        form.addRow(QCoreApplication.translate("ReportActions", "Format:"), self.format)
        form.addRow(QCoreApplication.translate("ReportActions", "Save to:"), row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.when.dateChanged.connect(self._default_path)
        self.format.currentIndexChanged.connect(self._default_path)
        self._default_path()

    def day(self) -> date:
        return self.when.date().toPython()  # type: ignore[return-value]

    def fmt(self) -> str:
        return str(self.format.currentData())

    def out(self) -> Path:
        return Path(self.path.text().strip())

    def _default_path(self) -> None:
        stamp = f"{self.day():%Y-%m-%d}" if self.kind == "daily" else f"{self.day():%Y-%m}"
        name = f"{self.windowTitle()}-{stamp}.{self.fmt()}"
        folder = self.out().parent if self.path.text().strip() else documents_folder()
        self.path.setText(str(folder / name))

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("ReportActions", "Save report"), str(self.out())
        )
        if chosen:
            self.path.setText(chosen)


def export_report(
    window: QMainWindow,
    kind: str,
    day: date,
    fmt: str,
    out: Path,
    done: Callable[[Path], None] | None = None,
) -> QProgressDialog:
    """Gather the report off the UI thread (with a progress dialog) and write it; a PDF is
    drawn on the UI thread, where Qt text layout belongs."""
    desk: Desk = window.desk  # type: ignore[attr-defined]
    tasks = window.tasks  # type: ignore[attr-defined]
    progress = QProgressDialog(
        QCoreApplication.translate("ReportActions", "Preparing the report…"), "", 0, 0, window
    )
    progress.setCancelButton(None)
    progress.setWindowTitle(QCoreApplication.translate("ReportActions", "Report"))
    progress.setMinimumDuration(300)

    def step(text: str) -> None:
        tasks.on_main(lambda: progress.setLabelText(text))

    def work() -> Path | ReportDoc:
        doc = make_report(desk, kind, day, step)
        if fmt == "pdf":
            return doc  # Qt text layout and painting stay on the UI thread (fast: a few pages)
        write_report(doc, fmt, out)
        return out

    def finished(result: Path | ReportDoc) -> None:
        if not isinstance(result, Path):
            try:
                write_report(result, fmt, out)
            except OSError as error:
                failed(error)
                return
        path = out
        progress.close()
        window.statusBar().showMessage(
            QCoreApplication.translate("ReportActions", "Report saved to %1").replace(
                "%1", str(path)
            ),
            10000,
        )
        if done is not None:
            done(path)

    def failed(error: Exception) -> None:
        progress.close()
        QMessageBox.warning(
            window,
            QCoreApplication.translate("ReportActions", "Report"),
            QCoreApplication.translate(
                "ReportActions", "The report could not be saved: %1"
            ).replace("%1", str(error)),
        )

    tasks.run(work, finished, failed)
    return progress


def ask_and_export(window: QMainWindow, kind: str, title: str) -> None:
    desk: Desk = window.desk  # type: ignore[attr-defined]
    dialog = ReportDialog(kind, title, desk.today(), window)
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.path.text().strip():
        export_report(window, kind, dialog.day(), dialog.fmt(), dialog.out())


def install_report_actions(window: QMainWindow) -> QMenu:
    """Adds the 报表 menu (the lead calls this from main_window)."""
    menu = window.menuBar().addMenu(QCoreApplication.translate("ReportActions", "Re&ports"))
    menu.setObjectName("reportsMenu")
    for kind, title in report_kinds():
        action = QAction(title, window)
        action.setObjectName(f"report_{kind}")
        action.triggered.connect(lambda _=False, k=kind, t=title: ask_and_export(window, k, t))
        menu.addAction(action)
    menu.addSeparator()
    board = QAction(QCoreApplication.translate("ReportActions", "Statistics dashboard…"), window)
    board.setObjectName("report_dashboard")
    board.triggered.connect(lambda: show_dashboard(window))
    menu.addAction(board)
    targets = QAction(
        QCoreApplication.translate("RegistrationTargetDialog", "Yearly registration targets…"),
        window,
    )
    targets.setObjectName("report_targets")
    targets.triggered.connect(lambda: edit_targets(window))
    menu.addAction(targets)
    return menu


def edit_targets(window: QMainWindow) -> QDialog:
    """年度登记目标…: the dialog, opened window-modal; the dispatch report reads the targets."""
    dialog = RegistrationTargetDialog(window.desk, window)  # type: ignore[attr-defined]
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


@dataclass(frozen=True)
class DashboardData:
    days: list[tuple[str, int]]  # placements per day, oldest first
    trades: list[tuple[str, int]]  # places posted by occupation
    hardship: int
    complete: int


def load_dashboard(desk: Desk, days: int = 30) -> DashboardData:
    today = desk.today()
    period = Period(today - timedelta(days=days - 1), today + timedelta(days=1))
    with desk.db.read() as session:
        conn = sqlite_connection(session)
        scope = None if is_market_desk(conn) else this_station_id(conn)
        placed = per_day(conn, period, scope)
        trades = postings_by_trade(conn, period, scope, limit=8)
        workers, complete, _ = hardship_figures(conn, period, scope)
    return DashboardData(
        [(day[5:], n) for day, n in placed.items()],
        [(name, places) for name, _, places in trades],
        int(workers.value),
        int(complete.value),
    )


class BarChart(QWidget):
    """Bars with their values; vertical (days) or horizontal (trades)."""

    def __init__(self, title: str, horizontal: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.title, self.horizontal = title, horizontal
        self.values: list[tuple[str, int]] = []
        self.setMinimumSize(360, 240)

    def set_values(self, values: list[tuple[str, int]]) -> None:
        self.values = values
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(8, 28, -8, -24)
        p.drawText(QRectF(8, 4, self.width() - 16, 20), int(Qt.AlignmentFlag.AlignLeft), self.title)
        top = max((v for _, v in self.values), default=0) or 1
        n = max(1, len(self.values))
        for i, (label, value) in enumerate(self.values):
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(ACCENT)
            if self.horizontal:
                h = rect.height() / n
                label_w = 90
                w = (rect.width() - label_w - 40) * value / top
                p.drawRect(QRectF(rect.left() + label_w, rect.top() + i * h + 2, w, h - 4))
                p.setPen(QPen(self.palette().text().color()))
                row = QRectF(rect.left(), rect.top() + i * h, label_w - 4, h)
                p.drawText(
                    row, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), label
                )
                after = QRectF(rect.left() + label_w + w + 4, rect.top() + i * h, 40, h)
                p.drawText(after, int(Qt.AlignmentFlag.AlignVCenter), str(value))
            else:
                w = rect.width() / n
                h = (rect.height() - 16) * value / top
                p.drawRect(QRectF(rect.left() + i * w + 1, rect.bottom() - h, w - 2, h))
                p.setPen(QPen(self.palette().text().color()))
                if value:
                    above = QRectF(rect.left() + i * w - 4, rect.bottom() - h - 16, w + 8, 14)
                    p.drawText(above, int(Qt.AlignmentFlag.AlignHCenter), str(value))
                if i % 5 == 0 or i == n - 1:
                    below = QRectF(rect.left() + i * w - 12, rect.bottom() + 4, 40, 16)
                    p.drawText(below, int(Qt.AlignmentFlag.AlignLeft), label)
        if not self.values or not any(v for _, v in self.values):
            p.setPen(QPen(self.palette().text().color()))
            p.drawText(
                rect,
                int(Qt.AlignmentFlag.AlignCenter),
                QCoreApplication.translate("ReportActions", "No data yet"),
            )
        p.end()


class RingChart(QWidget):
    """The share of hardship workers whose 131 is complete."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title, self.done, self.total = title, 0, 0
        self.setMinimumSize(240, 240)

    def set_values(self, done: int, total: int) -> None:
        self.done, self.total = done, total
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.drawText(QRectF(8, 4, self.width() - 16, 20), int(Qt.AlignmentFlag.AlignLeft), self.title)
        side = min(self.width(), self.height() - 40) - 40
        ring = QRectF((self.width() - side) / 2, 36, side, side)
        p.setPen(QPen(QColor("#dddddd"), 18))
        p.drawEllipse(ring)
        share = self.done / self.total if self.total else 0.0
        p.setPen(QPen(ACCENT, 18))
        p.drawArc(ring, 90 * 16, int(-360 * 16 * share))
        p.setPen(QPen(self.palette().text().color()))
        text = f"{share * 100:.0f}%\n{self.done}/{self.total}"
        p.drawText(ring, int(Qt.AlignmentFlag.AlignCenter), text)
        p.end()


class DashboardDialog(QDialog):
    def __init__(self, desk: Desk, tasks: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("ReportActions", "Statistics dashboard"))
        self.resize(980, 560)
        self.days = BarChart(
            QCoreApplication.translate("ReportActions", "Placements per day (last 30 days)")
        )
        self.trades = BarChart(
            QCoreApplication.translate("ReportActions", "Places posted by trade (last 30 days)"),
            horizontal=True,
        )
        self.ring = RingChart(
            QCoreApplication.translate("ReportActions", "131 completion of hardship workers")
        )
        self.status = QLabel(QCoreApplication.translate("ReportActions", "Loading…"))
        grid = QGridLayout(self)
        grid.addWidget(self.days, 0, 0, 1, 2)
        grid.addWidget(self.trades, 1, 0)
        grid.addWidget(self.ring, 1, 1)
        grid.addWidget(self.status, 2, 0, 1, 2)
        self.data: DashboardData | None = None
        tasks.run(lambda: load_dashboard(desk), self.show_data, self.show_error)  # type: ignore[attr-defined]

    def show_data(self, data: DashboardData) -> None:
        self.data = data
        self.days.set_values(data.days)
        self.trades.set_values(data.trades)
        self.ring.set_values(data.complete, data.hardship)
        self.status.setText(
            QCoreApplication.translate("ReportActions", "Placements in 30 days: %1").replace(
                "%1", str(sum(n for _, n in data.days))
            )
        )

    def show_error(self, error: Exception) -> None:
        self.status.setText(str(error))


def show_dashboard(window: QMainWindow) -> DashboardDialog:
    dialog = DashboardDialog(window.desk, window.tasks, window)  # type: ignore[attr-defined]
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
