"""Help menu entries for IT: the doctor's findings, and a diagnostics zip without personal data.

    install_help_actions(window)   # window has .desk, .tasks and a 帮助 (Help) menu

The checks and the zip are written off the UI thread (window.tasks); the server check can take
a few seconds when the line is down.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from station_desk.paths import Paths
from station_desk.services.doctor import Finding, format_text, run_checks, write_diagnostics_zip


def window_paths(window: QMainWindow) -> Paths:
    return Paths(Path(window.desk.db.path).parent)  # type: ignore[attr-defined]


def help_menu(window: QMainWindow) -> QMenu:
    """The window's Help menu (帮助), made when the window has none."""
    for action in window.menuBar().actions():
        menu = action.menu()
        title = action.text().replace("&", "")
        if isinstance(menu, QMenu) and ("帮助" in title or "Help" in title):
            return menu
    return window.menuBar().addMenu(QCoreApplication.translate("HelpActions", "&Help"))


def install_help_actions(window: QMainWindow) -> None:
    menu = help_menu(window)
    menu.addSeparator()
    diagnose = QAction(QCoreApplication.translate("HelpActions", "Diagnostics…"), window)
    diagnose.setObjectName("helpDiagnostics")
    diagnose.triggered.connect(lambda: show_diagnostics(window))
    save = QAction(QCoreApplication.translate("HelpActions", "Save diagnostics package…"), window)
    save.setObjectName("helpSaveDiagnostics")
    save.triggered.connect(lambda: ask_and_save_diagnostics(window))
    menu.addAction(diagnose)
    menu.addAction(save)


class DiagnosticsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("HelpActions", "Diagnostics"))
        self.resize(760, 420)
        self.text = QPlainTextEdit(QCoreApplication.translate("HelpActions", "Checking…"))
        self.text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)

    def show_findings(self, findings: list[Finding]) -> None:
        errors = sum(f.level == "error" for f in findings)
        warnings = sum(f.level == "warn" for f in findings)
        if errors or warnings:
            summary = QCoreApplication.translate("HelpActions", "%1 problem(s), %2 warning(s).")
            summary = summary.replace("%1", str(errors)).replace("%2", str(warnings))
        else:
            summary = QCoreApplication.translate("HelpActions", "Everything is fine.")
        self.text.setPlainText(format_text(findings) + "\n\n" + summary)

    def show_error(self, error: Exception) -> None:
        self.text.setPlainText(
            QCoreApplication.translate("HelpActions", "The checks could not be run: %1").replace(
                "%1", str(error)
            )
        )


def show_diagnostics(window: QMainWindow) -> DiagnosticsDialog:
    dialog = DiagnosticsDialog(window)
    paths = window_paths(window)
    window.tasks.run(  # type: ignore[attr-defined]
        lambda: run_checks(paths), dialog.show_findings, dialog.show_error
    )
    dialog.show()
    return dialog


def default_zip_name(now: datetime | None = None) -> str:
    return f"驿站诊断-{(now or datetime.now()):%Y%m%d-%H%M}.zip"


def ask_and_save_diagnostics(window: QMainWindow) -> None:
    start = str(Path.home() / default_zip_name())
    chosen, _ = QFileDialog.getSaveFileName(
        window,
        QCoreApplication.translate("HelpActions", "Save diagnostics package"),
        start,
        QCoreApplication.translate("HelpActions", "Zip files (*.zip)"),
    )
    if chosen:
        save_diagnostics(window, Path(chosen))


def save_diagnostics(window: QMainWindow, target: Path) -> None:
    """Write the zip off the UI thread; say where it is when done."""
    paths = window_paths(window)

    def done(path: Path) -> None:
        QMessageBox.information(
            window,
            QCoreApplication.translate("HelpActions", "Diagnostics package"),
            QCoreApplication.translate(
                "HelpActions",
                "Saved %1.\n\nIt holds the check results and the logs with ID numbers, phone "
                "numbers and names masked; no database. Send it to the district's IT staff.",
            ).replace("%1", str(path)),
        )

    def failed(error: Exception) -> None:
        QMessageBox.warning(
            window,
            QCoreApplication.translate("HelpActions", "Diagnostics package"),
            QCoreApplication.translate("HelpActions", "The package could not be saved: %1").replace(
                "%1", str(error)
            ),
        )

    window.tasks.run(lambda: write_diagnostics_zip(paths, target), done, failed)  # type: ignore[attr-defined]
