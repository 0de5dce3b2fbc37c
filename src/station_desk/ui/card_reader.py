"""The ID card reader in the desk: 读身份证 (F9) in the worker registration form, and the
reader settings dialog under 文件 → 身份证读卡器设置.

    attach_card_reader(form)              # end of WorkerForm.__init__
    install_card_reader_actions(window)   # MainWindow.__init__

The card is read off the UI thread (the window's TaskManager); the form fills the ID number
and the name, and the ID number's read-out then shows birth date, sex, age and home region.
The address, photo and the rest stay on the card: the registration does not need them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_desk.devices.idcard_reader import (
    AUTO_PORT,
    COM_PORTS,
    KIND_CVR,
    KIND_FAKE,
    KIND_NONE,
    KIND_SDT,
    NO_READER,
    SETUP,
    USB_PORTS,
    CardData,
    CardReader,
    CardReaderError,
    ReaderSettings,
    make_reader,
    port_label,
)
from station_desk.devices.settings import load_reader_settings, save_reader_settings
from station_desk.domain.idcard import normalize_id_number
from station_desk.domain.masking import mask_id_number, mask_name
from station_desk.services.context import Desk
from station_desk.ui.background import TaskManager

POLL_MS = 1500


def _set_role(label: QLabel, text: str, role: str) -> None:
    label.setText(text)
    label.setProperty("role", role)
    label.style().unpolish(label)
    label.style().polish(label)


def _tasks_near(widget: QWidget, owner: QObject) -> TaskManager:
    """The main window's task pool when the widget has one above it, else a pool of its own."""
    parent = widget.parentWidget()
    while parent is not None:
        tasks = getattr(parent, "tasks", None)
        if isinstance(tasks, TaskManager):
            return tasks
        parent = parent.parentWidget()
    return TaskManager(owner)


def read_once(factory: Callable[[], CardReader], today: date) -> CardData | None:
    """Open the reader, read one card, close it (runs in a worker thread)."""
    with factory() as reader:
        return reader.read_card(today)


# -- the registration form ---------------------------------------------------------------------


class CardReaderControl(QObject):
    """读身份证 (F9) in one worker form; optionally reads by itself while the form is open."""

    def __init__(self, form: Any) -> None:
        super().__init__(form)
        self.form = form
        self.settings = load_reader_settings(form.desk)
        self.reader_factory: Callable[[], CardReader] = lambda: make_reader(self.settings)
        self.tasks = _tasks_near(form, self)
        self.busy = False
        self.closed = False

        self.button = QPushButton(self.tr("Read ID card (F9)"))
        self.button.setObjectName("readCardButton")
        self.button.setAutoDefault(False)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # F9 from the keyboard; Tab skips it
        self.button.clicked.connect(lambda: self.read())
        self.status = QLabel()
        self.status.setObjectName("cardStatus")
        self.status.setWordWrap(True)
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(10)
        layout.addWidget(self.button)
        layout.addWidget(self.status, 1)
        form.form.insertRow(0, "", row)
        self.shortcut = QShortcut(QKeySequence("F9"), form, activated=lambda: self.read())

        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._poll)
        form.finished.connect(self._stop)
        if self.settings.kind == KIND_NONE:
            self._show(
                self.tr(
                    "No ID card reader is set up: type the ID number, or choose the reader "
                    "under File → ID card reader."
                ),
                "hint",
            )
        elif self.settings.poll:
            self._show(self.tr("Put the ID card on the reader: it is read by itself."), "hint")
            self.timer.start()
        else:
            self._show(self.tr("Put the ID card on the reader and press F9."), "hint")

    # -- reading ------------------------------------------------------------------------

    def read(self, quiet: bool = False) -> None:
        """Read the card in the background; ``quiet`` (polling) says nothing when no card."""
        if self.busy or self.closed:
            return
        self.busy = True
        self.button.setEnabled(False)
        if not quiet:
            self._show(self.tr("Reading the ID card…"), "hint")
        job = partial(read_once, self.reader_factory, self.form.desk.today())
        self.tasks.run(job, partial(self._done, quiet), partial(self._failed, quiet))

    def _poll(self) -> None:
        if not self.form.value("id_number").strip():
            self.read(quiet=True)

    def _alive(self) -> bool:
        return not self.closed and shiboken6.isValid(self) and shiboken6.isValid(self.form)

    def _done(self, quiet: bool, card: CardData | None) -> None:
        if not self._alive():
            return
        self.busy = False
        self.button.setEnabled(True)
        if card is None:
            if not quiet:
                self._show(
                    self.tr(
                        "No ID card on the reader: put it flat on the reader and press F9 again "
                        "(a card just read must be lifted and put back)."
                    ),
                    "error",
                )
            return
        self.fill(card)

    def _failed(self, quiet: bool, error: Exception) -> None:
        if not self._alive():
            return
        self.busy = False
        self.button.setEnabled(True)
        if isinstance(error, CardReaderError):
            message = error.message
            if quiet and error.kind in (NO_READER, SETUP):
                self.timer.stop()  # said once; F9 tries again
        else:
            message = self.tr("The reader failed (%1): type the ID number by hand.").replace(
                "%1", str(error)
            )
            self.timer.stop()
        self._show(message, "error")

    def fill(self, card: CardData) -> None:
        """Put the card's number and name in the form (the number's read-out follows)."""
        form = self.form
        current = normalize_id_number(form.value("id_number"))
        # Editing shows the stored number masked: compare it masked, and leave it masked.
        masked = "*" in current
        same = current == (mask_id_number(card.id_number) if masked else card.id_number)
        if form.worker_id and current and not same:
            self._show(
                self.tr(
                    "This card is someone else's (%1): the record being edited has another ID "
                    "number. Nothing was changed."
                ).replace("%1", mask_name(card.name)),
                "error",
            )
            return
        self.timer.stop()
        if not masked:
            form.set_value("id_number", card.id_number)
        form.set_value("name", card.name)
        today = form.desk.today()
        if card.is_expired(today):
            text = self.tr(
                "Read %1. The card expired on %2: ask for a valid ID card or a temporary one."
            ).replace("%2", card.valid_to.isoformat() if card.valid_to else "")
            role = "error"
        else:
            valid = card.valid_to.isoformat() if card.valid_to else self.tr("long-term")
            text = self.tr("Read %1 (valid until %2). Check the name, then fill in the rest.")
            text = text.replace("%2", valid)
            role = "info"
        self._show(text.replace("%1", card.name), role)
        form.phone.setFocus()

    def _show(self, text: str, role: str) -> None:
        _set_role(self.status, text, role)

    def _stop(self, _result: int = 0) -> None:
        self.closed = True
        self.timer.stop()


def attach_card_reader(form: Any) -> CardReaderControl:
    """Add 读身份证 (F9) to a worker form; the control is kept as form.card_reader."""
    control = CardReaderControl(form)
    form.card_reader = control
    return control


# -- settings ----------------------------------------------------------------------------------


class CardReaderSettingsDialog(QDialog):
    """Which reader, on which port, where its DLL is; 检测 tries it without saving."""

    def __init__(self, desk: Desk, tasks: TaskManager | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("cardReaderSettings")
        self.setWindowTitle(self.tr("ID card reader"))
        self.setMinimumWidth(620)
        self.desk = desk
        self.tasks = tasks or TaskManager(self)
        self.testing = False
        current = load_reader_settings(desk)

        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for kind, text in (
            (KIND_NONE, self.tr("No reader (type the ID number)")),
            (KIND_CVR, self.tr("Chinavision (华视) CVR-100 series — Termb.dll")),
            (KIND_SDT, self.tr("Synjones (神思) and other readers — sdtapi.dll")),
            (KIND_FAKE, self.tr("Demo reader (no device, for practice)")),
        ):
            self.kind.addItem(text, kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current.kind)))
        self.port = QComboBox()
        self.port.setObjectName("port")
        self.port.addItem(self.tr("Automatic (USB1–16, then COM1–16)"), AUTO_PORT)
        for port in (*USB_PORTS, *COM_PORTS):
            self.port.addItem(port_label(port), port)
        self.port.setCurrentIndex(max(0, self.port.findData(current.port)))
        self.dll_dir = QLineEdit(current.dll_dir)
        self.dll_dir.setObjectName("dllDir")
        self.dll_dir.setPlaceholderText(self.tr("blank: the program's folder"))
        browse = QPushButton(self.tr("Choose…"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse)
        dll_row = QWidget()
        dll_layout = QHBoxLayout(dll_row)
        dll_layout.setContentsMargins(0, 0, 0, 0)
        dll_layout.addWidget(self.dll_dir, 1)
        dll_layout.addWidget(browse)
        self.poll = QCheckBox(self.tr("Read by itself while the registration form is open"))
        self.poll.setObjectName("poll")
        self.poll.setChecked(current.poll)
        hint = QLabel(
            self.tr(
                "Install the reader maker's driver first, then choose the folder that holds "
                "Termb.dll (华视) or sdtapi.dll (神思 and others). The DLL must be the 64-bit "
                "one. In the form, F9 reads the card into the ID number and name."
            )
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        self.result = QLabel()
        self.result.setObjectName("testResult")
        self.result.setWordWrap(True)
        self.test_button = QPushButton(self.tr("Test the reader"))
        self.test_button.setObjectName("testButton")
        self.test_button.setAutoDefault(False)
        self.test_button.clicked.connect(self.test)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.setHorizontalSpacing(14)
        form.addRow(self.tr("Reader"), self.kind)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Driver folder"), dll_row)
        form.addRow("", self.poll)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.result, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.setSpacing(10)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addLayout(test_row)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.kind.setFocus()

    def chosen(self) -> ReaderSettings:
        return ReaderSettings(
            kind=str(self.kind.currentData()),
            port=int(self.port.currentData()),
            dll_dir=self.dll_dir.text().strip(),
            poll=self.poll.isChecked(),
        )

    def _kind_changed(self) -> None:
        device = self.kind.currentData() in (KIND_CVR, KIND_SDT)
        self.port.setEnabled(device)
        self.dll_dir.setEnabled(device)
        self.poll.setEnabled(self.kind.currentData() != KIND_NONE)
        self.test_button.setEnabled(self.kind.currentData() != KIND_NONE and not self.testing)
        self.result.clear()

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder of the reader driver"), self.dll_dir.text()
        )
        if folder:
            self.dll_dir.setText(folder)

    def test(self) -> None:
        """Open the chosen reader and try one read, off the UI thread; nothing is saved."""
        if self.testing:
            return
        self.testing = True
        self.test_button.setEnabled(False)
        _set_role(self.result, self.tr("Testing…"), "hint")
        settings, today = self.chosen(), self.desk.today()

        def job() -> tuple[str, CardData | None]:
            with make_reader(settings) as reader:
                port = port_label(reader.port)
                return port, reader.read_card(today)

        self.tasks.run(job, self._tested, self._test_failed)

    def _tested(self, outcome: tuple[str, CardData | None]) -> None:
        if not shiboken6.isValid(self):
            return
        self.testing = False
        self.test_button.setEnabled(True)
        port, card = outcome
        if card is None:
            text = self.tr("The reader works (port %1). No card is on it now.")
        else:
            text = self.tr("The reader works (port %1): read %2, %3.")
            text = text.replace("%2", mask_name(card.name))
            text = text.replace("%3", mask_id_number(card.id_number))
        _set_role(self.result, text.replace("%1", port), "info")

    def _test_failed(self, error: Exception) -> None:
        if not shiboken6.isValid(self):
            return
        self.testing = False
        self.test_button.setEnabled(True)
        message = error.message if isinstance(error, CardReaderError) else str(error)
        _set_role(self.result, message, "error")

    def save(self) -> None:
        try:
            save_reader_settings(self.desk, self.chosen())
        except ValueError as error:
            _set_role(self.result, str(error), "error")
            return
        self.accept()


def _file_menu(window: QMainWindow) -> QMenu | None:
    anchor = getattr(window, "station_action", None)
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and anchor in menu.actions():
            return menu
    return None


def install_card_reader_actions(window: QMainWindow) -> QAction:
    """文件 → 身份证读卡器设置…, after the station profile (or first in the first menu)."""
    action = QAction(QCoreApplication.translate("CardReaderActions", "ID card &reader…"), window)
    action.setObjectName("cardReaderSettings")
    action.triggered.connect(lambda: open_card_reader_settings(window))
    menu = _file_menu(window)
    if menu is not None:
        actions = menu.actions()
        at = actions.index(window.station_action) + 1  # type: ignore[attr-defined]
        if at < len(actions):
            menu.insertAction(actions[at], action)
        else:
            menu.addAction(action)
    else:
        first = window.menuBar().actions()
        target = first[0].menu() if first else None
        if isinstance(target, QMenu):
            target.addAction(action)
        else:
            window.menuBar().addAction(action)
    window.card_reader_action = action  # type: ignore[attr-defined]
    return action


def open_card_reader_settings(window: QMainWindow) -> CardReaderSettingsDialog:
    desk = window.desk  # type: ignore[attr-defined]
    dialog = CardReaderSettingsDialog(desk, getattr(window, "tasks", None), window)
    dialog.finished.connect(lambda _result: dialog.deleteLater())
    window.card_reader_dialog = dialog  # type: ignore[attr-defined]
    dialog.open()
    return dialog
