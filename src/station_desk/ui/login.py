"""Signing in: the sign-in panel (also the lock screen's), the sign-in dialog shown before the
main window, the first administrator's dialog, and "change my password".

A wrong password clears the password box and says so; from the third wrong try in a row each
further try waits (2, 4, 8 … up to 30 seconds). An account whose password was set by someone
else (new, or reset) must choose its own before the desk opens.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_desk.domain.accounts import FIRST_ADMIN_USERNAME, sign_in_delay
from station_desk.services.accounts import (
    AccountInfo,
    AccountRefused,
    act_as,
    change_own_password,
    create_first_admin,
    sign_in,
)
from station_desk.services.context import Desk, ValidationFailed
from station_desk.services.station import station_name
from station_desk.ui.forms import RecordForm

APP_NAME = "驿站工作台"


def password_box(name: str) -> QLineEdit:
    box = QLineEdit()
    box.setObjectName(name)
    box.setEchoMode(QLineEdit.EchoMode.Password)
    box.setMaxLength(128)
    return box


def _label(role: str, name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setProperty("role", role)
    label.setWordWrap(True)
    return label


class SignInPanel(QWidget):
    """Username and password, or, for an account that must, a new password twice.
    Emits signed_in(account) once the account is signed in (desk.staff and desk.role set)."""

    signed_in = Signal(object)

    def __init__(self, desk: Desk, button_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.failures = 0
        self.wait_left = 0
        self.fixed_user: AccountInfo | None = None
        self._pending: tuple[str, str] | None = None  # (username, password) awaiting a change
        self.wait_timer = QTimer(self)
        self.wait_timer.setInterval(1000)
        self.wait_timer.timeout.connect(self._tick)

        self.who = _label("", "signInWho")
        self.who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who.hide()
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setMaxLength(32)
        self.password = password_box("password")
        self.new_password = password_box("newPassword")
        self.confirm = password_box("confirmPassword")
        self.message = _label("error", "signInError")
        self.message.hide()
        self.button = QPushButton(button_text or self.tr("Sign in"))
        self.button.setObjectName("signInButton")
        self.button.setProperty("primary", True)
        # Enter in the boxes submits through returnPressed; a dialog's default button would
        # submit a second time (with the password box still empty after a username).
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self.submit)

        self.sign_in_form = QWidget()
        form = QFormLayout(self.sign_in_form)
        form.setContentsMargins(0, 0, 0, 0)
        self.username_label = QLabel(self.tr("Username"))
        form.addRow(self.username_label, self.username)
        form.addRow(self.tr("Password"), self.password)
        self.change_form = QWidget()
        change = QFormLayout(self.change_form)
        change.setContentsMargins(0, 0, 0, 0)
        self.change_note = _label("hint", "changeNote")
        self.change_note.setText(
            self.tr(
                "This password was set by an administrator. Choose your own now: at least 8 "
                "characters, easy for you to remember, hard for others to guess."
            )
        )
        change.addRow(self.change_note)
        change.addRow(self.tr("New password"), self.new_password)
        change.addRow(self.tr("New password again"), self.confirm)
        self.change_form.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.who)
        layout.addWidget(self.sign_in_form)
        layout.addWidget(self.change_form)
        layout.addWidget(self.message)
        self.button_row = QHBoxLayout()
        self.button_row.addStretch(1)
        self.button_row.addWidget(self.button)
        layout.addLayout(self.button_row)
        self.username.returnPressed.connect(self._username_entered)
        self.password.returnPressed.connect(self.submit)
        self.new_password.returnPressed.connect(self.confirm.setFocus)
        self.confirm.returnPressed.connect(self.submit)

    # -- modes -------------------------------------------------------------------------

    def ask_for(self, account: AccountInfo | None) -> None:
        """Only this account's password (unlocking), or any account (None: switch user)."""
        self.fixed_user = account
        self._pending = None
        self.change_form.hide()
        self.sign_in_form.show()
        self.password.clear()
        self.show_message("")
        if account is not None:
            self.username.setText(account.username)
            self.who.setText(
                self.tr("%1 (%2), enter your password to unlock.")
                .replace("%1", account.display_name)
                .replace("%2", account.username)
            )
        else:
            self.username.clear()
        self.who.setVisible(account is not None)
        self.username.setVisible(account is None)
        self.username_label.setVisible(account is None)
        self.focus()

    def focus(self) -> None:
        if not self.change_form.isHidden():
            target = self.new_password
        elif not self.username.isHidden() and not self.username.text().strip():
            target = self.username
        else:
            target = self.password
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_message(self, text: str, error: bool = True) -> None:
        self.message.setText(text)
        self.message.setProperty("role", "error" if error else "hint")
        self.message.style().polish(self.message)
        self.message.setVisible(bool(text))

    def _username_entered(self) -> None:
        if self.username.text().strip():
            self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- signing in --------------------------------------------------------------------

    def submit(self) -> None:
        if self.wait_left:
            return
        if self._pending is not None:
            self._change()
            return
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.show_message(self.tr("Enter the username and the password."))
            self.focus()
            return
        try:
            account = sign_in(self.desk, username, password)
        except Exception as error:  # SignInFailed, or a database that cannot be written
            self._failed(str(error))
            return
        self.failures = 0
        self.password.clear()
        if account.must_change_password:
            self._pending = (account.username, password)
            self.sign_in_form.hide()
            self.change_form.show()
            self.show_message("")
            self.new_password.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._done(account)

    def _failed(self, text: str) -> None:
        self.failures += 1
        self.password.clear()
        delay = sign_in_delay(self.failures)
        if delay:
            self.wait_left = delay
            self._set_waiting(True)
            self.wait_timer.start()
            self._tick_text()
            return
        self.show_message(text)
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_waiting(self, waiting: bool) -> None:
        for widget in (self.password, self.button, self.username):
            widget.setEnabled(not waiting)

    def _tick_text(self) -> None:
        self.show_message(
            self.tr("Wrong password %1 times in a row. Wait %2 seconds, then try again.")
            .replace("%1", str(self.failures))
            .replace("%2", str(self.wait_left))
        )

    def _tick(self) -> None:
        self.wait_left = max(0, self.wait_left - 1)
        if self.wait_left:
            self._tick_text()
            return
        self.wait_timer.stop()
        self._set_waiting(False)
        self.show_message(self.tr("Try again."), error=False)
        self.focus()

    def _change(self) -> None:
        assert self._pending is not None
        username, old = self._pending
        new, again = self.new_password.text(), self.confirm.text()
        if new != again:
            self.show_message(self.tr("The two new passwords differ. Type them again."))
            self.confirm.clear()
            self.confirm.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        try:
            account = change_own_password(self.desk, username, old, new)
        except ValidationFailed as failed:
            self.show_message("\n".join(failed.errors.values()))
            self.new_password.selectAll()
            self.new_password.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._pending = None
        self.new_password.clear()
        self.confirm.clear()
        self._done(account)

    def _done(self, account: AccountInfo) -> None:
        act_as(self.desk, account)
        self.show_message("")
        self.signed_in.emit(account)


class SignInDialog(QDialog):
    """登录: shown before the main window when the desk has accounts."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Station Desk: sign in"))
        self.account: AccountInfo | None = None
        title = QLabel(station_name(desk))
        title.setObjectName("signInStation")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 15pt; font-weight: bold; color: #12357a;")
        self.panel = SignInPanel(desk, parent=self)
        self.panel.signed_in.connect(self._signed_in)
        forgot = _label("hint", "forgotHint")
        forgot.setText(
            self.tr(
                "Forgot your password? Ask the administrator to reset it (Accounts → Manage "
                "accounts). A forgotten administrator password is reset by IT on this PC."
            )
        )
        self.exit_button = QPushButton(self.tr("Exit"))
        self.exit_button.setObjectName("exitButton")
        self.exit_button.setAutoDefault(False)
        self.exit_button.clicked.connect(self.reject)
        self.panel.button_row.insertWidget(0, self.exit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 18)
        layout.setSpacing(14)
        layout.addWidget(title)
        layout.addWidget(self.panel)
        layout.addWidget(forgot)
        self.setMinimumWidth(460)
        self.panel.ask_for(None)

    def _signed_in(self, account: AccountInfo) -> None:
        self.account = account
        self.accept()


class FirstAdminDialog(RecordForm):
    """The first administrator on a desk with no account yet (e.g. after an upgrade)."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.setObjectName("firstAdminDialog")
        self.setWindowTitle(self.tr("Station Desk: first administrator"))
        self.account: AccountInfo | None = None
        note = _label("hint", "firstAdminNote")
        note.setText(
            self.tr(
                "This desk has no sign-in accounts yet. Create the administrator's account: "
                "it signs in, manages the other accounts, the station profile, exports and "
                "restores. Counter staff get their own accounts afterwards (Accounts → Manage "
                "accounts)."
            )
        )
        self.form.addRow(note)
        add_account_fields(self, username=FIRST_ADMIN_USERNAME)
        self.save_button.setText(self.tr("Create and sign in"))
        self.cancel_button.setText(self.tr("Exit"))
        self.apply_tab_order()
        self.fields["display_name"].setFocus()

    def submit(self) -> None:
        password = check_confirmed(self)
        self.account = create_first_admin(
            self.desk, self.value("username"), self.value("display_name"), password
        )
        act_as(self.desk, self.account)
        self.saved_id = self.account.username

    def save(self) -> None:
        try:
            super().save()
        except AccountRefused as refused:
            self.show_errors({"": str(refused)})


def add_account_fields(form: RecordForm, username: str = "") -> None:
    """Name, username, password and the password again, as RecordForm fields."""
    form.line(
        "display_name",
        QCoreApplication.translate("AccountFields", "Name"),
        QCoreApplication.translate("AccountFields", "e.g. 李娟"),
    )
    form.line(
        "username",
        QCoreApplication.translate("AccountFields", "Username"),
        QCoreApplication.translate("AccountFields", "letters or digits, e.g. lijuan"),
    ).setText(username)
    for name, label in (
        ("password", QCoreApplication.translate("AccountFields", "Password")),
        ("confirm", QCoreApplication.translate("AccountFields", "Password again")),
    ):
        box = form.line(name, label, QCoreApplication.translate("AccountFields", "at least 8"))
        box.setEchoMode(QLineEdit.EchoMode.Password)
        box.setMaxLength(128)


def check_confirmed(form: RecordForm, first: str = "password", second: str = "confirm") -> str:
    """The password typed twice, or ValidationFailed on the second box when they differ."""
    password = form.value(first)
    if password != form.value(second):
        form.fields[second].clear()  # type: ignore[attr-defined]
        raise ValidationFailed(
            {second: QCoreApplication.translate("AccountFields", "The two passwords differ.")}
        )
    return password


class ChangePasswordDialog(RecordForm):
    """修改我的密码: the old password, then the new one twice."""

    def __init__(self, desk: Desk, account: AccountInfo, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Change my password"))
        self.account = account
        self.setMinimumWidth(520)
        who = QLabel(
            self.tr("Account: %1 (%2)")
            .replace("%1", account.display_name)
            .replace("%2", account.username)
        )
        self.form.addRow(who)
        for name, label in (
            ("old_password", self.tr("Current password")),
            ("new_password", self.tr("New password")),
            ("confirm", self.tr("New password again")),
        ):
            box = self.line(name, label)
            box.setEchoMode(QLineEdit.EchoMode.Password)
            box.setMaxLength(128)
        self.apply_tab_order()
        self.fields["old_password"].setFocus()

    def submit(self) -> None:
        new = check_confirmed(self, "new_password", "confirm")
        self.account = change_own_password(
            self.desk, self.account.username, self.value("old_password"), new
        )
        self.saved_id = self.account.username


def ask_sign_in(desk: Desk) -> AccountInfo | None:
    """The sign-in dialog, modal, before the main window; None when it was closed."""
    dialog = SignInDialog(desk)
    dialog.exec()
    return dialog.account


def ask_first_admin(desk: Desk) -> AccountInfo | None:
    """The first administrator's dialog, modal, before the main window; None when closed."""
    dialog = FirstAdminDialog(desk)
    dialog.exec()
    return dialog.account


__all__ = [
    "APP_NAME",
    "ChangePasswordDialog",
    "FirstAdminDialog",
    "SignInDialog",
    "SignInPanel",
    "ask_first_admin",
    "ask_sign_in",
]
