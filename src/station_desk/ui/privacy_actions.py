"""The 隐私 (Privacy) menu and the worker list's context menu:

- 显示完整号码 (Ctrl+Shift+H): the selected worker's full ID number and phone, written to
  the audit trail as they are read;
- 删除个人信息… (admin): erasure on the person's request, with a reason;
- 告知同意文本… (admin): the consent text the registration form shows;
- 审计记录… (admin): the audit trail page.

File → Export… is routed to the export dialog that asks for a reason (ui/import_dialog).
Admin actions carry the Qt property ``adminOnly``; the services refuse them to counter
staff in any case (Desk.require_admin) and the message says so.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_desk.domain.consent import DEFAULT_CONSENT_TEXT
from station_desk.services import workers
from station_desk.services.context import Desk, NotFound, PermissionDenied, ValidationFailed


def _refusal(error: Exception) -> str:
    if isinstance(error, ValidationFailed):
        return "；".join(error.errors.values())
    return str(error)


class RevealDialog(QDialog):
    """The full numbers, after the audit row is written; closes with Esc."""

    def __init__(self, name: str, id_number: str, phone: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("revealDialog")
        self.setWindowTitle(self.tr("Full ID number and phone"))
        self.numbers = QLabel(
            self.tr("%1\nID number: %2\nPhone: %3")
            .replace("%1", name)
            .replace("%2", id_number or "—")
            .replace("%3", phone or "—")
        )
        self.numbers.setObjectName("numbers")
        self.numbers.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note = QLabel(self.tr("This view is recorded in the audit trail."))
        note.setProperty("role", "hint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.numbers)
        layout.addWidget(note)
        layout.addWidget(buttons)


class EraseDialog(QDialog):
    """删除个人信息: what is wiped, what stays, a required reason, then erase."""

    def __init__(self, desk: Desk, worker_id: str, name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.desk, self.worker_id = desk, worker_id
        self.erased = False
        self.setObjectName("eraseDialog")
        self.setWindowTitle(self.tr("Erase personal data"))
        self.setMinimumWidth(560)
        text = QLabel(
            self.tr(
                "Erase the personal data of %1 at the person's request?\n\n"
                "Name, ID number, phone, skills and job-wanted text and notes are wiped at this "
                "station and, after the next sync, at every station. Sex, birth year, region, "
                "hardship flags and the referrals and placements stay, so statistics keep "
                "counting. This cannot be undone; if the person comes back, register them anew."
            ).replace("%1", name)
        )
        text.setWordWrap(True)
        text.setObjectName("eraseText")
        text.setMinimumWidth(520)  # wrapped text gets its full height at this width
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(
            self.tr("Reason (required), e.g. written request of the person")
        )
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.erase_button = QPushButton(self.tr("Erase"))
        self.erase_button.setObjectName("erase")
        self.erase_button.setAutoDefault(False)
        buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.erase_button.clicked.connect(self.erase)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
        self.reason.setFocus()

    def erase(self) -> None:
        try:
            workers.erase_worker(self.desk, self.worker_id, self.reason.text())
        except (ValidationFailed, PermissionDenied, NotFound) as error:
            self.error.setText(_refusal(error))
            self.error.show()
            return
        self.erased = True
        self.accept()


class ConsentTextDialog(QDialog):
    """告知同意文本: what the registration form shows before the person agrees."""

    def __init__(self, desk: Desk, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setObjectName("consentTextDialog")
        self.setWindowTitle(self.tr("Consent text"))
        self.setMinimumSize(600, 360)
        hint = QLabel(
            self.tr(
                "The registration form shows this text next to the consent box; read it to "
                "the person or let them read it. Each registration keeps the text it was "
                "agreed with. Leave it empty to use the standard text."
            )
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        self.text = QPlainTextEdit(workers.consent_text(desk))
        self.text.setObjectName("text")
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        standard = QPushButton(self.tr("Standard text"))
        standard.setAutoDefault(False)
        standard.clicked.connect(lambda: self.text.setPlainText(DEFAULT_CONSENT_TEXT))
        buttons.addButton(standard, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            workers.set_consent_text(self.desk, self.text.toPlainText())
        except (ValidationFailed, PermissionDenied) as error:
            self.error.setText(_refusal(error))
            self.error.show()
            return
        self.accept()


class PrivacyActions:
    """What the menu entries do, for the window they were installed in."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.dialog: QDialog | None = None

    @property
    def desk(self) -> Desk:
        return self.window.desk

    def _worker_id(self) -> str | None:
        page = self.window.pages["worker"]
        if self.window.kind != "worker":
            self.window.show_page("worker")
        worker_id = page.current_id()
        if worker_id is None:
            self._say(
                QCoreApplication.translate("PrivacyActions", "Select a worker in the list first.")
            )
        return worker_id

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    def _refuse(self, title: str, error: Exception) -> None:
        QMessageBox(
            QMessageBox.Icon.Warning,
            title,
            _refusal(error),
            QMessageBox.StandardButton.Ok,
            self.window,
        ).open()

    def _open(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.open()
        return dialog

    def reveal(self) -> QDialog | None:
        worker_id = self._worker_id()
        if worker_id is None:
            return None
        try:
            worker = workers.reveal_worker(self.desk, worker_id)
        except NotFound as error:
            self._refuse(
                QCoreApplication.translate("PrivacyActions", "Full ID number and phone"), error
            )
            return None
        return self._open(RevealDialog(worker.name, worker.id_number, worker.phone, self.window))

    def erase(self) -> QDialog | None:
        worker_id = self._worker_id()
        if worker_id is None:
            return None
        title = QCoreApplication.translate("PrivacyActions", "Erase personal data")
        try:
            self.desk.require_admin("删除个人信息")
            worker = workers.get_worker(self.desk, worker_id)
        except (PermissionDenied, NotFound) as error:
            self._refuse(title, error)
            return None
        if worker.status == "erased":
            self._say(
                QCoreApplication.translate(
                    "PrivacyActions", "This person's data was already erased."
                )
            )
            return None
        dialog = EraseDialog(self.desk, worker_id, worker.name, self.window)

        def finished(_result: int) -> None:
            if dialog.erased:
                self._say(
                    QCoreApplication.translate(
                        "PrivacyActions",
                        "Personal data erased; the change goes to the district at the next sync.",
                    )
                )
                self.window.records_changed()
                self.window.pages["worker"].select(worker_id)

        dialog.finished.connect(finished)
        return self._open(dialog)

    def consent_text(self) -> QDialog | None:
        try:
            self.desk.require_admin("修改告知同意文本")
        except PermissionDenied as error:
            self._refuse(QCoreApplication.translate("PrivacyActions", "Consent text"), error)
            return None
        return self._open(ConsentTextDialog(self.desk, self.window))

    def audit(self) -> QDialog | None:
        from station_desk.ui.audit_page import AuditPage

        try:
            self.desk.require_admin("查看审计记录")
        except PermissionDenied as error:
            self._refuse(QCoreApplication.translate("PrivacyActions", "Audit trail"), error)
            return None
        return self._open(AuditPage(self.desk, self.window))

    def export(self) -> QDialog | None:
        from station_desk.ui.import_dialog import ExportDialog

        try:
            self.desk.require_admin("导出个人信息")
        except PermissionDenied as error:
            self._refuse(
                QCoreApplication.translate("PrivacyActions", "Export personal data"), error
            )
            return None
        return self._open(ExportDialog(self.desk, self.window.tasks, self._exported, self.window))

    def _exported(self, message: str) -> None:
        self._say(message)
        QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("PrivacyActions", "Export personal data"),
            message,
            QMessageBox.StandardButton.Ok,
            self.window,
        ).open()


def install_privacy_actions(window: Any) -> PrivacyActions:
    """Adds the 隐私 menu before 帮助 and the worker list's context menu (the lead calls
    this from main_window)."""
    actions = PrivacyActions(window)
    window.privacy = actions
    menu = QMenu(QCoreApplication.translate("PrivacyActions", "Pri&vacy"), window)
    menu.setObjectName("privacyMenu")
    entries = (
        (
            "reveal",
            QCoreApplication.translate("PrivacyActions", "Show full ID number and phone"),
            actions.reveal,
            "Ctrl+Shift+H",
            False,
        ),
        (
            "erase",
            QCoreApplication.translate("PrivacyActions", "Erase personal data…"),
            actions.erase,
            "",
            True,
        ),
        (None, "", None, "", False),
        (
            "consent",
            QCoreApplication.translate("PrivacyActions", "Consent text…"),
            actions.consent_text,
            "",
            True,
        ),
        (
            "audit",
            QCoreApplication.translate("PrivacyActions", "Audit trail…"),
            actions.audit,
            "",
            True,
        ),
    )
    made: dict[str, QAction] = {}
    for key, text, slot, shortcut, admin in entries:
        if key is None:
            menu.addSeparator()
            continue
        action = QAction(text, window)
        action.setObjectName(f"privacy_{key}")
        action.setProperty("adminOnly", admin)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False, s=slot: s())
        window.addAction(action)
        menu.addAction(action)
        made[key] = action
    window.menuBar().insertMenu(window.help_menu.menuAction(), menu)
    window.privacy_menu = menu

    view = window.pages["worker"].view
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    view.addAction(made["reveal"])
    view.addAction(made["erase"])

    # File → Export… holds personal data: ask for a reason and audit it.
    export = window.export_action
    export.triggered.disconnect()
    export.triggered.connect(lambda _=False: actions.export())
    export.setProperty("adminOnly", True)
    return actions
