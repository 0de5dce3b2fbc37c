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


def _progress_values(args: tuple[Any, ...]) -> tuple[int, int] | None:
    """(done, total) from whatever the importer reports: (done, total), a fraction, or text."""
    numbers = [a for a in args if isinstance(a, int | float) and not isinstance(a, bool)]
    if len(numbers) >= 2 and numbers[1]:
        return int(numbers[0]), int(numbers[1])
    if len(numbers) == 1 and 0 <= numbers[0] <= 1:
        return int(numbers[0] * 1000), 1000
    return None


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

        def progress(*args: Any) -> None:
            tasks.on_main(lambda: self._progress(args))

        def work() -> Any:
            from station_desk.services.ledger_import import import_ledger

            return import_ledger(desk, path, progress=progress)

        tasks.run(work, on_done=self._done, on_error=self._failed)

    def _progress(self, args: tuple[Any, ...]) -> None:
        values = _progress_values(args)
        if values is not None:
            self.bar.setRange(0, max(values[1], 1))
            self.bar.setValue(values[0])
        text = [a for a in args if isinstance(a, str)]
        if text:
            self.status.setText(text[0])

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
