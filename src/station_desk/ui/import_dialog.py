"""File → Import ledger… and File → Export…: run in a worker thread, report when done."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from station_desk.services.context import Desk
from station_desk.ui.background import TaskManager


class ImportDialog(QDialog):
    """Shows the import's progress, then its report (counts and rejected rows)."""

    def __init__(
        self,
        desk: Desk,
        tasks: TaskManager,
        path: Path,
        on_finished: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.path = path
        self._on_finished = on_finished
        self.report: Any = None
        self.setWindowTitle(self.tr("Import ledger"))
        self.setMinimumSize(640, 420)
        self.status = QLabel(self.tr("Importing %1 …").replace("%1", path.name))
        self.status.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.buttons.rejected.connect(self.reject)
        self.buttons.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)

        def progress(done: int, total: int) -> None:
            tasks.on_main(lambda: self._progress(done, total))

        def work() -> Any:
            from station_desk.services.ledger_import import import_ledger

            return import_ledger(desk, path, progress=progress)

        tasks.run(work, on_done=self._done, on_error=self._failed)

    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _done(self, report: Any) -> None:
        self.report = report
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        summary = report.summary() if hasattr(report, "summary") else ""
        self.status.setText(summary or self.tr("Import finished"))
        lines = list(report.problem_lines()) if hasattr(report, "problem_lines") else []
        if lines:
            self.details.setPlainText(
                self.tr("Rows not imported (row, column, reason):") + "\n" + "\n".join(lines)
            )
            self.details.show()
        self.buttons.setEnabled(True)
        self._on_finished()

    def _failed(self, error: Exception) -> None:
        message = getattr(error, "message", None) or str(error)
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.status.setText(self.tr("The file could not be imported: %1").replace("%1", message))
        self.status.setProperty("role", "error")
        self.status.style().polish(self.status)
        self.buttons.setEnabled(True)
        self._on_finished()


EXPORT_FILTERS = {
    "xlsx": "Excel (*.xlsx)",
    "csv": "CSV (*.csv)",
    "json": "JSON (*.json)",
}


def export_format(path: str, chosen_filter: str) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix in EXPORT_FILTERS:
        return suffix
    for fmt, text in EXPORT_FILTERS.items():
        if text == chosen_filter:
            return fmt
    return "xlsx"
