"""The first-run wizard (首次设置): station profile, district server or offline, administrator.

Shown once, before the main window, on a desk with no station profile and no records. Every
step can be changed later (文件 → 驿站信息…, 文件 → 连接区服务器…). Cancelling means working
offline under a default profile; either way `first_run.done` is set so it is not shown again.
The administrator step makes the first sign-in account (username ``admin`` unless changed);
whoever finishes the wizard is signed in as it. More accounts: 账号 → 管理账号.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from station_desk.domain.accounts import FIRST_ADMIN_USERNAME
from station_desk.domain.station import STATION_KINDS, StationDraft
from station_desk.domain.text import clean_text
from station_desk.services.accounts import (
    AccountInfo,
    AccountRefused,
    act_as,
    create_first_admin,
    has_accounts,
)
from station_desk.services.context import Desk, ValidationFailed, get_setting, put_setting
from station_desk.services.demo import database_is_empty
from station_desk.services.station import (
    DEFAULT_STATION_NAME,
    draft_from_station,
    save_station_profile,
    station_profile,
)
from station_desk.sync.client import SyncError
from station_desk.sync.commands import connect, read_provisioning
from station_desk.sync.engine import SERVER_KEY
from station_desk.sync.identity import IdentityError
from station_desk.ui.background import TaskManager
from station_desk.ui.login import password_box

FIRST_RUN_KEY = "first_run.done"
ADMIN_NAME_KEY = "staff.admin_name"
MAX_ADMIN_NAME = 20
PAGE_FIELDS = ("name", "kind", "address", "opening_hours", "hotline", "complaint_channel")


def _setting(desk: Desk, key: str) -> str:
    with desk.db.read() as session:
        return get_setting(session, key)


def needs_first_run(desk: Desk) -> bool:
    """Not set up yet: never finished the wizard, no station profile, and no records at all."""
    if _setting(desk, FIRST_RUN_KEY):
        return False
    return station_profile(desk) is None and database_is_empty(desk)


def is_connected(desk: Desk) -> bool:
    return bool(_setting(desk, SERVER_KEY))


def admin_name(desk: Desk) -> str:
    return _setting(desk, ADMIN_NAME_KEY)


def apply_admin_name(desk: Desk) -> None:
    """Work under the administrator's name (the screenshot path, which signs nobody in)."""
    if name := admin_name(desk):
        desk.staff = name


def save_admin_name(desk: Desk, name: str) -> None:
    with desk.db.write() as session:
        put_setting(session, ADMIN_NAME_KEY, name)
    desk.staff = name


def finish_first_run(desk: Desk) -> None:
    """Give the station a default profile if it has none, and never show the wizard again."""
    if station_profile(desk) is None:
        save_station_profile(desk, StationDraft(name=DEFAULT_STATION_NAME))
    with desk.db.write() as session:
        put_setting(session, FIRST_RUN_KEY, "1")


def _error_label() -> QLabel:
    label = QLabel()
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.hide()
    return label


def _show(label: QLabel, text: str, error: bool = True) -> None:
    label.setText(text)
    label.setProperty("role", "error" if error else "hint")
    label.style().polish(label)
    label.setVisible(bool(text))


class FirstRunStationPage(QWizardPage):
    """驿站信息: what the status bar, the lobby board and the reports call this station."""

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.setTitle(self.tr("Station information"))
        self.setSubTitle(self.tr("How the desk, the lobby board and reports name this station."))
        self.fields: dict[str, QLineEdit | QComboBox] = {}
        self.errors: dict[str, QLabel] = {}
        self.general_error = _error_label()
        self.form = QFormLayout()
        self._add("name", self.tr("Station name"), self.tr("e.g. 青山镇零工驿站"))
        kind = QComboBox()
        for code, text in STATION_KINDS:
            kind.addItem(text, code)
        self._add("kind", self.tr("Type"), widget=kind)
        self._add("address", self.tr("Address"))
        self._add("opening_hours", self.tr("Opening hours"), self.tr("e.g. 周一至周六 7:30-17:30"))
        self._add("hotline", self.tr("Service hotline"), self.tr("e.g. 12333"))
        self._add("complaint_channel", self.tr("Complaints"), self.tr("phone or address"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.general_error)
        layout.addLayout(self.form)
        self.draft = draft_from_station(station_profile(desk))
        for name in PAGE_FIELDS:
            self.set_value(name, getattr(self.draft, name))

    def _add(
        self, name: str, label: str, placeholder: str = "", widget: QComboBox | None = None
    ) -> None:
        field: QLineEdit | QComboBox = widget or QLineEdit()
        if isinstance(field, QLineEdit):
            field.setPlaceholderText(placeholder)
        field.setObjectName(name)
        error = _error_label()
        error.setObjectName(f"error_{name}")
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(error)
        self.form.addRow(label, box)
        self.fields[name], self.errors[name] = field, error

    def set_value(self, name: str, value: str) -> None:
        field = self.fields[name]
        if isinstance(field, QComboBox):
            field.setCurrentIndex(max(field.findData(value), 0))
        else:
            field.setText(value)

    def value(self, name: str) -> str:
        field = self.fields[name]
        return str(field.currentData()) if isinstance(field, QComboBox) else field.text()

    def validatePage(self) -> bool:
        for label in (*self.errors.values(), self.general_error):
            _show(label, "")
        for name in PAGE_FIELDS:
            setattr(self.draft, name, self.value(name))
        try:
            save_station_profile(self.desk, self.draft)
        except ValidationFailed as failed:
            self.show_errors(failed.errors)
            return False
        return True

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message next to its field; the first bad field gets the focus."""
        first: QWidget | None = None
        for name, message in errors.items():
            if name in self.errors:
                _show(self.errors[name], message)
                first = first or self.fields[name]
            else:  # a field this page does not show (set earlier in 驿站信息)
                _show(self.general_error, message)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)


class FirstRunConnectPage(QWizardPage):
    """连接区服务器: the provisioning file, or server address and token, or work offline."""

    def __init__(self, desk: Desk, tasks: TaskManager) -> None:
        super().__init__()
        self.desk = desk
        self.tasks = tasks
        self.busy = False
        self.connected: dict[str, str] | None = None
        self._connected_with: tuple[str, str] | None = None
        self.setTitle(self.tr("District server"))
        self.setSubTitle(
            self.tr("The desk works fully offline; connecting shares records with the district.")
        )
        self.use_file = QRadioButton(self.tr("Use the &provisioning file from the district"))
        self.use_server = QRadioButton(self.tr("Enter the &server address and token"))
        self.offline = QRadioButton(self.tr("Not now, work &offline"))
        self.offline.setChecked(True)
        self.choice = QButtonGroup(self)
        for button in (self.use_file, self.use_server, self.offline):
            self.choice.addButton(button)
            button.toggled.connect(self._update_enabled)
        self.file_path = QLineEdit()
        self.file_path.setPlaceholderText("station.json")
        self.browse = QPushButton(self.tr("Choose file…"))
        self.browse.setAutoDefault(False)
        self.browse.clicked.connect(self.choose_file)
        self.server = QLineEdit()
        self.server.setPlaceholderText("https://…")
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.server.setText(_setting(desk, SERVER_KEY))
        self.message = QLabel(
            self.tr("This can be done later: File → Connect to the district server…")
        )
        self.message.setWordWrap(True)
        self.message.setProperty("role", "hint")
        file_row = QHBoxLayout()
        file_row.setContentsMargins(24, 0, 0, 0)
        file_row.addWidget(self.file_path, 1)
        file_row.addWidget(self.browse)
        server_form = QFormLayout()
        server_form.setContentsMargins(24, 0, 0, 0)
        server_form.addRow(self.tr("Server address"), self.server)
        server_form.addRow(self.tr("Station token"), self.token)
        layout = QVBoxLayout(self)
        layout.addWidget(self.use_file)
        layout.addLayout(file_row)
        layout.addWidget(self.use_server)
        layout.addLayout(server_form)
        layout.addWidget(self.offline)
        layout.addSpacing(8)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self._update_enabled()

    def _update_enabled(self) -> None:
        for widget in (self.file_path, self.browse):
            widget.setEnabled(self.use_file.isChecked() and not self.busy)
        for widget in (self.server, self.token):
            widget.setEnabled(self.use_server.isChecked() and not self.busy)
        for button in self.choice.buttons():
            button.setEnabled(not self.busy)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Provisioning file"), str(Path.home()), "station.json (*.json)"
        )
        if path:
            self.file_path.setText(path)

    def show_message(self, text: str, error: bool = False) -> None:
        _show(self.message, text, error)

    def isComplete(self) -> bool:
        return not self.busy

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_enabled()
        self.completeChanged.emit()

    def _target(self) -> tuple[str, str] | None:
        """The server and token chosen, or None (with the reason shown) when incomplete."""
        if self.use_file.isChecked():
            path = self.file_path.text().strip()
            if not path:
                self.show_message(self.tr("Choose the provisioning file."), error=True)
                return None
            try:
                data = read_provisioning(Path(path))
            except ValueError as error:
                self.show_message(str(error), error=True)
                return None
            return str(data["server_url"]).strip(), str(data["token"]).strip()
        server, token = self.server.text().strip(), self.token.text().strip()
        if not server or not token:
            self.show_message(self.tr("Enter the server address and the token."), error=True)
            return None
        return server, token

    def validatePage(self) -> bool:
        if self.offline.isChecked():
            return True
        if self.busy or (target := self._target()) is None:
            return False
        if self.connected is not None and self._connected_with == target:
            return True
        self._set_busy(True)
        self.show_message(self.tr("Checking the server and the token…"))
        server, token = target
        self.tasks.run(
            lambda: connect(self.desk, server, token),
            lambda result: self._done(result, target),
            self._failed,
        )
        return False

    def _done(self, result: dict[str, str], target: tuple[str, str]) -> None:
        self._set_busy(False)
        self.connected, self._connected_with = result, target
        self.show_message(self.tr("Connected as %1.").replace("%1", result["name"]))
        wizard = self.wizard()
        if wizard is not None and wizard.isVisible() and wizard.currentPage() is self:
            wizard.next()

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        text = error.message if isinstance(error, SyncError | IdentityError) else str(error)
        self.show_message(text, error=True)
        (self.file_path if self.use_file.isChecked() else self.token).setFocus()


class FirstRunAdminPage(QWizardPage):
    """管理员: the first administrator's account (name, username, password twice). On a desk
    that already has accounts (made with `station-desk account add`) there is nothing to do."""

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.account: AccountInfo | None = None
        self.existing = has_accounts(desk)
        self.setTitle(self.tr("Administrator"))
        self.setSubTitle(self.tr("Who looks after this desk, and their sign-in account."))
        self.name = QLineEdit(admin_name(desk))
        self.name.setPlaceholderText(self.tr("e.g. 李娟"))
        self.username = QLineEdit(FIRST_ADMIN_USERNAME)
        self.username.setObjectName("username")
        self.password = password_box("password")
        self.confirm = password_box("confirm")
        self.errors = {
            name: _error_label() for name in ("display_name", "username", "password", "confirm")
        }
        self.error = self.errors["display_name"]
        self.note = QLabel(
            self.tr(
                "The administrator signs in with this username and password, manages the staff "
                "accounts, the station profile, exports and restores. Counter staff get their "
                "own accounts later (Accounts → Manage accounts). A forgotten password can be "
                "reset by IT on this PC."
            )
        )
        self.note.setWordWrap(True)
        self.note.setProperty("role", "hint")
        form = QFormLayout()
        widgets = {
            "display_name": self.name,
            "username": self.username,
            "password": self.password,
            "confirm": self.confirm,
        }
        labels = {
            "display_name": self.tr("Administrator's name"),
            "username": self.tr("Username"),
            "password": self.tr("Password"),
            "confirm": self.tr("Password again"),
        }
        for key, widget in widgets.items():
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(self.errors[key])
            form.addRow(labels[key], column)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addStretch(1)
        if self.existing:
            for widget in (self.username, self.password, self.confirm):
                widget.setEnabled(False)
            self.note.setText(
                self.tr(
                    "This desk already has sign-in accounts; the desk asks for one when it "
                    "starts. Only the administrator's name is recorded here."
                )
            )

    def _show_errors(self, errors: dict[str, str]) -> None:
        first: QWidget | None = None
        widgets = {"display_name": self.name, "username": self.username}
        for key, message in errors.items():
            label = self.errors.get(key, self.errors["password"])
            _show(label, message)
            first = first or widgets.get(key, self.password)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def validatePage(self) -> bool:
        for label in self.errors.values():
            _show(label, "")
        name = clean_text(self.name.text())
        if not name:
            self._show_errors({"display_name": self.tr("Enter the administrator's name.")})
            return False
        if len(name) > MAX_ADMIN_NAME:
            message = self.tr("The name is too long (at most %1 characters).")
            self._show_errors({"display_name": message.replace("%1", str(MAX_ADMIN_NAME))})
            return False
        if self.account is None and not self.existing:
            if self.password.text() != self.confirm.text():
                self.confirm.clear()
                self._show_errors({"confirm": self.tr("The two passwords differ.")})
                return False
            try:
                self.account = create_first_admin(
                    self.desk, self.username.text(), name, self.password.text()
                )
            except ValidationFailed as failed:
                self._show_errors(failed.errors)
                return False
            except AccountRefused as refused:
                self._show_errors({"username": str(refused)})
                return False
            act_as(self.desk, self.account)
            for widget in (self.name, self.username, self.password, self.confirm):
                widget.setEnabled(False)
        save_admin_name(self.desk, name if self.account is None else self.account.display_name)
        return True


class FirstRunDonePage(QWizardPage):
    def __init__(
        self, desk: Desk, connect_page: FirstRunConnectPage, admin_page: FirstRunAdminPage
    ) -> None:
        super().__init__()
        self.desk = desk
        self.connect_page = connect_page
        self.admin_page = admin_page
        self.setTitle(self.tr("Ready"))
        self.setSubTitle(self.tr("The desk is set up and ready for work."))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        later = QLabel(
            self.tr(
                "Everything can be changed later: File → Station profile…, "
                "File → Connect to the district server…"
            )
        )
        later.setWordWrap(True)
        later.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addSpacing(12)
        layout.addWidget(later)
        layout.addStretch(1)

    def _admin_line(self) -> str:
        account = self.admin_page.account
        if account is None:
            return self.tr("Administrator: %1").replace("%1", admin_name(self.desk))
        return (
            self.tr("Administrator: %1, signs in as %2")
            .replace("%1", account.display_name)
            .replace("%2", account.username)
        )

    def initializePage(self) -> None:
        station = station_profile(self.desk)
        kinds = dict(STATION_KINDS)
        name = station.name if station else DEFAULT_STATION_NAME
        kind = kinds.get(station.kind, "") if station else ""
        connected = self.connect_page.connected
        server = (
            self.tr("connected to the district server as %1").replace("%1", connected["name"])
            if connected
            else self.tr("working offline")
        )
        lines = [
            self.tr("Station: %1 (%2)").replace("%1", name).replace("%2", kind),
            self.tr("District server: %1").replace("%1", server),
            self._admin_line(),
        ]
        self.summary.setText("\n".join(lines))


class FirstRunWizard(QWizard):
    def __init__(self, desk: Desk, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Station Desk: first-time setup"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        self.setMinimumSize(640, 520)
        buttons = {
            QWizard.WizardButton.BackButton: self.tr("< &Back"),
            QWizard.WizardButton.NextButton: self.tr("&Next >"),
            QWizard.WizardButton.FinishButton: self.tr("&Finish"),
            QWizard.WizardButton.CancelButton: self.tr("Set up later"),
        }
        for which, text in buttons.items():
            self.setButtonText(which, text)
        self.station_page = FirstRunStationPage(desk)
        self.connect_page = FirstRunConnectPage(desk, tasks)
        self.admin_page = FirstRunAdminPage(desk)
        self.done_page = FirstRunDonePage(desk, self.connect_page, self.admin_page)
        for page in (self.station_page, self.connect_page, self.admin_page, self.done_page):
            self.addPage(page)
        self.station_page.fields["name"].setFocus()

    @property
    def account(self) -> AccountInfo | None:
        """The administrator account made in the wizard (signed in), if any."""
        return self.admin_page.account

    @property
    def connected(self) -> dict[str, str] | None:
        return self.connect_page.connected

    def done(self, result: int) -> None:
        """Finished or cancelled: make sure there is a profile; do not ask again."""
        finish_first_run(self.desk)
        super().done(result)


def run_first_run(desk: Desk, tasks: TaskManager) -> FirstRunWizard:
    """Show the wizard modally (before the main window) and return it when it is closed."""
    wizard = FirstRunWizard(desk, tasks)
    wizard.exec()
    return wizard
