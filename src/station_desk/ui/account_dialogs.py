"""The administrator's account dialogs: 管理账号 (list, new, reset password, disable/enable,
change role) and 自动锁定时间. Every change goes through services.accounts, which refuses it to
a counter-staff account and never leaves the desk without an enabled administrator."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station_desk.domain.accounts import (
    ADMIN,
    IDLE_LOCK_MAX_MINUTES,
    IDLE_LOCK_MIN_MINUTES,
    ROLE_NAMES,
    STAFF,
)
from station_desk.services import accounts
from station_desk.services.accounts import AccountInfo
from station_desk.services.context import Desk, ValidationFailed
from station_desk.ui.forms import RecordForm

COLUMNS = 5


class NewAccountDialog(RecordForm):
    """新建账号: name, username, role. The desk makes a one-time password; its holder chooses
    their own at the first sign-in."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.setObjectName("newAccountDialog")
        self.setWindowTitle(self.tr("New account"))
        self.setMinimumWidth(520)
        self.line("display_name", self.tr("Name"), self.tr("e.g. 王芳"))
        self.line("username", self.tr("Username"), self.tr("letters or digits, e.g. wangfang"))
        self.combo(
            "role", self.tr("Role"), ((STAFF, ROLE_NAMES[STAFF]), (ADMIN, ROLE_NAMES[ADMIN])), False
        )
        note = QLabel(
            self.tr(
                "The desk makes a one-time password for the new account and shows it once. "
                "The holder signs in with it and then chooses their own."
            )
        )
        note.setProperty("role", "hint")
        note.setWordWrap(True)
        self.form.addRow(note)
        self.apply_tab_order()
        self.fields["display_name"].setFocus()
        self.password = ""
        self.account: AccountInfo | None = None

    def submit(self) -> None:
        self.password = accounts.temporary_password()
        self.account = accounts.create_account(
            self.desk,
            self.value("username"),
            self.value("display_name"),
            self.value("role"),
            self.password,
        )
        self.saved_id = self.account.username


def show_one_time_password(parent: QWidget, account: AccountInfo, password: str) -> QMessageBox:
    """The one-time password, once, selectable so it can be copied."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("AccountsDialog", "One-time password"),
        QCoreApplication.translate(
            "AccountsDialog",
            "One-time password for %1 (%2):\n\n%3\n\nGive it to them; it is shown only now. "
            "At the next sign-in they must choose their own password.",
        )
        .replace("%1", account.display_name)
        .replace("%2", account.username)
        .replace("%3", password),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("oneTimePassword")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class AccountsDialog(QDialog):
    """管理账号 (administrator only)."""

    def __init__(self, desk: Desk, me: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountsDialog")
        self.setWindowTitle(self.tr("Manage accounts"))
        self.resize(820, 440)
        self.desk = desk
        self.me = me  # the signed-in username, if any
        self.rows: list[AccountInfo] = []
        self.popup: QWidget | None = None
        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("accountsTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Username"),
                self.tr("Name"),
                self.tr("Role"),
                self.tr("State"),
                self.tr("Last sign-in"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.message = QLabel()
        self.message.setObjectName("accountsMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.new_button = QPushButton(self.tr("&New account…"))
        self.reset_button = QPushButton(self.tr("&Reset password"))
        self.disable_button = QPushButton(self.tr("&Disable"))
        self.role_button = QPushButton(self.tr("Make &administrator"))
        close = QPushButton(self.tr("Close"))
        for name, button, slot in (
            ("newAccount", self.new_button, self.new_account),
            ("resetPassword", self.reset_button, self.reset_selected),
            ("toggleDisabled", self.disable_button, self.toggle_disabled),
            ("toggleRole", self.role_button, self.toggle_role),
            ("close", close, self.reject),
        ):
            button.setObjectName(name)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.reset_button, self.disable_button, self.role_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.refresh()

    # -- the list ------------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        current = select or (self.selected().username if self.selected() else None)
        self.rows = accounts.list_accounts(self.desk)
        self.table.setRowCount(len(self.rows))
        for row, account in enumerate(self.rows):
            state = self.tr("disabled") if account.disabled else self.tr("in use")
            if account.must_change_password and not account.disabled:
                state += self.tr(", must change password")
            last = (
                account.last_login_at.strftime("%Y-%m-%d %H:%M")
                if account.last_login_at
                else self.tr("never")
            )
            name = account.display_name + (self.tr(" (you)") if account.username == self.me else "")
            for column, text in enumerate((account.username, name, account.role_name, state, last)):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if account.username == current:
                self.table.selectRow(row)
        if self.selected() is None and self.rows:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> AccountInfo | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()]

    def select(self, username: str) -> None:
        for row, account in enumerate(self.rows):
            if account.username == username:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        account = self.selected()
        for button in (self.reset_button, self.disable_button, self.role_button):
            button.setEnabled(account is not None)
        if account is None:
            return
        self.disable_button.setText(self.tr("&Enable") if account.disabled else self.tr("&Disable"))
        self.role_button.setText(
            self.tr("Make &counter staff") if account.is_admin else self.tr("Make &administrator")
        )

    def say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("role", "error" if error else "info")
        self.message.style().polish(self.message)
        self.message.setVisible(bool(text))

    def _run(self, change: Callable[[], object], done: str) -> bool:
        """Call the service; show its refusal in red, or what was done."""
        try:
            change()
        except (ValidationFailed, accounts.AccountRefused, PermissionError, LookupError) as error:
            text = (
                "\n".join(error.errors.values())
                if isinstance(error, ValidationFailed)
                else str(error)
            )
            self.say(text, error=True)
            return False
        self.say(done)
        self.refresh()
        return True

    # -- actions -------------------------------------------------------------------------

    def new_account(self) -> NewAccountDialog:
        dialog = NewAccountDialog(self.desk, self)

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and dialog.account is not None:
                self.refresh(dialog.account.username)
                self.say(self.tr("Account %1 created.").replace("%1", dialog.account.username))
                self.popup = show_one_time_password(self, dialog.account, dialog.password)
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()
        self.popup = dialog
        return dialog

    def reset_selected(self) -> None:
        account = self.selected()
        if account is None:
            return
        password: list[str] = []
        if self._run(
            lambda: password.append(accounts.reset_password(self.desk, account.username)),
            self.tr("A one-time password was set for %1.").replace("%1", account.username),
        ):
            self.popup = show_one_time_password(self, account, password[0])

    def toggle_disabled(self) -> None:
        account = self.selected()
        if account is None:
            return
        done = self.tr("%1 can sign in again.") if account.disabled else self.tr("%1 is disabled.")
        self._run(
            lambda: accounts.set_disabled(self.desk, account.username, not account.disabled),
            done.replace("%1", account.username),
        )

    def toggle_role(self) -> None:
        account = self.selected()
        if account is None:
            return
        role = STAFF if account.is_admin else ADMIN
        self._run(
            lambda: accounts.set_role(self.desk, account.username, role),
            self.tr("%1 is now %2.")
            .replace("%1", account.username)
            .replace("%2", ROLE_NAMES[role]),
        )


class IdleLockDialog(QDialog):
    """自动锁定: minutes without use before the desk locks itself."""

    def __init__(self, desk: Desk, applied: Callable[[int], None], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("idleLockDialog")
        self.setWindowTitle(self.tr("Automatic lock"))
        self.desk, self.applied = desk, applied
        self.minutes = QSpinBox()
        self.minutes.setObjectName("minutes")
        self.minutes.setRange(IDLE_LOCK_MIN_MINUTES, IDLE_LOCK_MAX_MINUTES)
        self.minutes.setValue(accounts.idle_lock_minutes(desk))
        self.minutes.setSuffix(self.tr(" minutes"))
        hint = QLabel(
            self.tr(
                "With no key press or mouse movement for this long, the desk locks itself and "
                "hides every record; the lobby board keeps showing. Ctrl+L locks at once."
            )
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(hint)
        layout.addRow(self.tr("Lock after"), self.minutes)
        layout.addRow(self.error)
        layout.addRow(buttons)
        self.minutes.setFocus()
        self.minutes.selectAll()

    def save(self) -> None:
        try:
            accounts.set_idle_lock_minutes(self.desk, self.minutes.value())
        except (ValidationFailed, PermissionError) as error:
            text = (
                "\n".join(error.errors.values())
                if isinstance(error, ValidationFailed)
                else str(error)
            )
            self.error.setText(text)
            return
        self.applied(self.minutes.value())
        self.accept()


__all__ = ["AccountsDialog", "IdleLockDialog", "NewAccountDialog", "show_one_time_password"]
