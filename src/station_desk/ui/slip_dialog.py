"""The referral slip (推荐函) from the follow-up list (key P): save it as an A5 or A4 PDF, in
the Documents folder by default, or send it to a printer through the system print dialog.
The slip names the worker, so each save or print is written to the audit trail."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QPageSize, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from station_desk.reports.referral_slip import SlipDoc
from station_desk.services.audit_trail import audit_slip
from station_desk.services.context import Desk
from station_desk.ui.dashboard import documents_folder
from station_desk.ui.pdf_render import SLIP_PAGES, draw_slip, render_slip_pdf

try:  # QtPrintSupport ships with PySide6-Essentials; a trimmed build may lack it
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
except ImportError:  # pragma: no cover - depends on the Qt build
    QPrintDialog = QPrinter = None  # type: ignore[assignment,misc]


def ask_save_path(parent: QWidget | None, title: str, suggested: Path) -> Path | None:
    """The save-file dialog (tests replace this with a fixed path)."""
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), "PDF (*.pdf)")
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def can_print() -> bool:
    return QPrintDialog is not None


class SlipDialog(QDialog):
    """Paper size, then 保存 PDF… (Enter) or 打印…; ``report`` hears what happened."""

    def __init__(
        self,
        slip: SlipDoc,
        report: Callable[[str], None],
        parent: QWidget | None,
        desk: Desk | None = None,
    ) -> None:
        super().__init__(parent)
        # The desk to audit with: given, or the calling dialog's.
        self.desk: Desk | None = desk or getattr(parent, "desk", None)
        self.setObjectName("slipDialog")
        self.setWindowTitle(self.tr("Referral slip"))
        self.slip, self.report = slip, report
        self.saved: Path | None = None
        self.page = QComboBox()
        self.page.setObjectName("page")
        for size in SLIP_PAGES:
            self.page.addItem(size, size)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        save = QPushButton(self.tr("Save PDF…"))
        save.setObjectName("savePdf")
        save.setDefault(True)
        save.clicked.connect(self.save_pdf)
        buttons.addButton(save, QDialogButtonBox.ButtonRole.ActionRole)
        if can_print():
            printing = QPushButton(self.tr("Print…"))
            printing.setObjectName("print")
            printing.clicked.connect(self.print_slip)
            buttons.addButton(printing, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        worker = f"{slip.worker_name}（{slip.worker_id_masked}）"
        layout.addRow(self.tr("Worker"), QLabel(worker))
        layout.addRow(self.tr("Post"), QLabel(f"{slip.trade} · {slip.employer}"))
        layout.addRow(self.tr("Paper"), self.page)
        layout.addRow(self.error)
        layout.addRow(buttons)
        self.page.setFocus()

    def page_size(self) -> str:
        return str(self.page.currentData())

    def save_pdf(self) -> None:
        out = ask_save_path(
            self, self.tr("Save referral slip"), documents_folder() / self.slip.file_name()
        )
        if out is None:
            return
        try:
            render_slip_pdf(self.slip, out, self.page_size())
        except OSError as error:
            self.error.setText(
                self.tr("Could not save: %1").replace("%1", error.strerror or str(error))
            )
            return
        self.saved = out
        self._audit("save_slip", out.name)
        self.report(self.tr("Referral slip saved to %1").replace("%1", str(out)))
        self.accept()

    def print_slip(self) -> None:
        if QPrinter is None or QPrintDialog is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(f"{self.slip.title} {self.slip.number}")
        printer.setPageSize(QPageSize(SLIP_PAGES[self.page_size()]))
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        painter = QPainter()
        if not painter.begin(printer):
            self.error.setText(self.tr("The printer could not be opened."))
            return
        try:
            draw_slip(
                painter,
                self.slip,
                printer.pageLayout().paintRectPixels(printer.resolution()).size().toSizeF(),
            )
        finally:
            painter.end()
        self._audit("print_slip")
        self.report(self.tr("Referral slip sent to the printer."))
        self.accept()

    def _audit(self, how: str, out: str = "") -> None:
        if self.desk is not None:
            audit_slip(self.desk, self.slip.referral_id, how, out)
