"""File → Import ledger… and File → Export…: run in a worker thread, report when done.

The export holds personal data: it asks for a reason, suggests a file name that says so
(含个人信息_求职人员_<date>.xlsx) and is written to the audit trail.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_desk.services.context import Desk, PermissionDenied, ValidationFailed
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


def ask_export_path(parent: QWidget | None, title: str, suggested: Path) -> Path | None:
    """The save-file dialog (tests replace this with a fixed path)."""
    chosen, _ = QFileDialog.getSaveFileName(
        parent, title, str(suggested), ";;".join(EXPORT_FILTERS.values())
    )
    return Path(chosen) if chosen else None


class ExportDialog(QDialog):
    """File → Export…: a personal-data export needs a reason; the file name says what it
    holds; the export runs off the UI thread and is written to the audit trail."""

    def __init__(
        self,
        desk: Desk,
        tasks: TaskManager,
        on_finished: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from station_desk.ui.dashboard import documents_folder

        self.desk, self.tasks = desk, tasks
        self._on_finished = on_finished
        self.counts: dict[str, int] | None = None
        self.saved: Path | None = None
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export personal data"))
        self.setMinimumWidth(620)
        notice = QLabel(
            self.tr(
                "The file will hold names, ID numbers and phone numbers of every registered "
                "person. Keep it safe and delete it when it is no longer needed. The export "
                "is recorded in the audit trail with your name and reason."
            )
        )
        notice.setWordWrap(True)
        notice.setProperty("role", "hint")
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("e.g. monthly ledger for the district bureau"))
        self.format = QComboBox()
        self.format.setObjectName("format")
        for fmt, text in EXPORT_FILTERS.items():
            self.format.addItem(text, fmt)
        self.path = QLineEdit()
        self.path.setObjectName("path")
        self._folder = documents_folder()
        self.path.setText(str(self._folder / self._default_name("xlsx")))
        browse = QPushButton(self.tr("Choose…"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse)
        path_row = QWidget()
        path_layout = QHBoxLayout(path_row)
        path_layout.setContentsMargins(0, 0, 0, 0)
        path_layout.addWidget(self.path, 1)
        path_layout.addWidget(browse)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        self.format.currentIndexChanged.connect(self._format_changed)
        form = QFormLayout()
        form.addRow(self.tr("Reason (required)"), self.reason)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Save to"), path_row)
        layout = QVBoxLayout(self)
        layout.addWidget(notice)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.reason.setFocus()

    def _default_name(self, fmt: str) -> str:
        from station_desk.reports.ledger_export import personal_file_name

        return personal_file_name(self.desk.today(), fmt)

    def fmt(self) -> str:
        return str(self.format.currentData())

    def _format_changed(self) -> None:
        current = Path(self.path.text().strip() or self._default_name(self.fmt()))
        self.path.setText(str(current.with_suffix("." + self.fmt())))

    def _browse(self) -> None:
        chosen = ask_export_path(self, self.tr("Export"), Path(self.path.text().strip()))
        if chosen is None:
            return
        fmt = export_format(str(chosen), "")
        if chosen.suffix.lower().lstrip(".") != fmt:
            chosen = chosen.with_name(chosen.name + "." + self.fmt())
            fmt = self.fmt()
        self.format.blockSignals(True)
        self.format.setCurrentIndex(self.format.findData(fmt))
        self.format.blockSignals(False)
        self.path.setText(str(chosen))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def start(self) -> None:
        reason = " ".join(self.reason.text().split())
        if not reason:
            self.show_error(self.tr("Please write why the data is exported."))
            self.reason.setFocus()
            return
        text = self.path.text().strip()
        if not text:
            self.show_error(self.tr("Please choose where to save the file."))
            return
        path, fmt = Path(text), self.fmt()
        if path.suffix.lower().lstrip(".") != fmt:
            path = path.with_name(path.name + "." + fmt)
        self.error.hide()
        self.buttons.setEnabled(False)
        self.show_error(self.tr("Exporting…"))
        desk = self.desk

        def work() -> dict[str, int]:
            from station_desk.reports.ledger_export import export_ledger

            return export_ledger(desk, fmt, path, reason=reason)

        def done(counts: dict[str, int]) -> None:
            self.counts = counts
            self.saved = path
            self.error.hide()
            self._on_finished(self.tr("Exported to %1").replace("%1", str(path)))
            self.accept()

        def failed(error: Exception) -> None:
            self.buttons.setEnabled(True)
            if isinstance(error, PermissionDenied):
                self.show_error(str(error))
            elif isinstance(error, ValidationFailed):
                self.show_error("；".join(error.errors.values()))
            else:
                message = getattr(error, "strerror", None) or str(error)
                self.show_error(self.tr("Export failed: %1").replace("%1", message))

        self.tasks.run(work, done, failed)
