"""Connecting the desk to the district server, and the record of conflicts and merges."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station_desk.domain.masking import mask_id_number, mask_phone
from station_desk.services.context import Desk
from station_desk.store.db import sqlite_connection
from station_desk.sync.client import SyncError
from station_desk.sync.commands import connect, read_provisioning
from station_desk.sync.identity import IdentityError
from station_desk.ui.background import TaskManager

LABELS = {
    "worker": QT_TRANSLATE_NOOP("SyncLog", "Worker"),
    "employer": QT_TRANSLATE_NOOP("SyncLog", "Employer"),
    "posting": QT_TRANSLATE_NOOP("SyncLog", "Posting"),
    "station": QT_TRANSLATE_NOOP("SyncLog", "Station"),
    "name": QT_TRANSLATE_NOOP("SyncLog", "Name"),
    "phone": QT_TRANSLATE_NOOP("SyncLog", "Phone"),
    "id_number": QT_TRANSLATE_NOOP("SyncLog", "ID number"),
    "status": QT_TRANSLATE_NOOP("SyncLog", "Status"),
    "deleted": QT_TRANSLATE_NOOP("SyncLog", "Deleted"),
    "skills_text": QT_TRANSLATE_NOOP("SyncLog", "Skills"),
    "intentions_text": QT_TRANSLATE_NOOP("SyncLog", "Job wanted"),
    "headcount": QT_TRANSLATE_NOOP("SyncLog", "Headcount"),
    "contact_phone": QT_TRANSLATE_NOOP("SyncLog", "Contact phone"),
}


def label(key: str) -> str:
    return QCoreApplication.translate("SyncLog", LABELS[key]) if key in LABELS else key


class ConnectDialog(QDialog):
    """Server address and token, or the provisioning file IT brought. Cancel = work offline."""

    def __init__(self, desk: Desk, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self.connected: dict[str, str] | None = None
        self.setWindowTitle(self.tr("Connect to the district server"))
        self.setMinimumWidth(560)
        self.server = QLineEdit()
        self.server.setPlaceholderText("https://…")
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        file_button = QPushButton(self.tr("Use provisioning file…"))
        file_button.setAutoDefault(False)
        file_button.clicked.connect(self.choose_file)
        self.message = QLabel(
            self.tr("The desk works fully offline; connecting shares records with the district.")
        )
        self.message.setWordWrap(True)
        self.message.setProperty("role", "hint")
        form = QFormLayout()
        form.addRow(self.tr("Server address"), self.server)
        form.addRow(self.tr("Station token"), self.token)
        row = QHBoxLayout()
        row.addWidget(file_button)
        row.addStretch(1)
        self.buttons = QDialogButtonBox()
        self.connect_button = self.buttons.addButton(
            self.tr("Connect"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.connect_button.setProperty("primary", True)
        self.buttons.addButton(self.tr("Work offline"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.try_connect)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Provisioning file"), str(Path.home()), "station.json (*.json)"
        )
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        try:
            data = read_provisioning(path)
        except ValueError as error:
            self.show_message(str(error), error=True)
            return
        self.server.setText(data["server_url"])
        self.token.setText(data["token"])

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("role", "error" if error else "hint")
        self.message.style().polish(self.message)

    def try_connect(self) -> None:
        server, token = self.server.text().strip(), self.token.text().strip()
        if not server or not token:
            self.show_message(self.tr("Enter the server address and the token."), error=True)
            return
        self.connect_button.setEnabled(False)
        self.show_message(self.tr("Checking the server and the token…"))
        self.tasks.run(lambda: connect(self.desk, server, token), self._done, self._failed)

    def _done(self, result: dict[str, str]) -> None:
        self.connected = result
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.connect_button.setEnabled(True)
        if isinstance(error, SyncError | IdentityError):
            self.show_message(error.message, error=True)
        else:
            self.show_message(str(error), error=True)


class SyncLogDialog(QDialog):
    """Edits that lost to (or beat) an edit made elsewhere, and people merged into one."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Sync record: conflicts and merges"))
        self.resize(900, 480)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Record"), self.tr("Field"), self.tr("Kept"), self.tr("Lost")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.load()

    def load(self) -> None:
        with self.desk.db.read() as session:
            conn = sqlite_connection(session)
            conflicts = conn.execute(
                "SELECT c.at, c.record_kind, c.record_id, c.field, c.kept_value, c.lost_value, "
                "c.lost_here, c.note, w.name FROM conflict_log c "
                "LEFT JOIN worker w ON c.record_kind = 'worker' AND w.id = c.record_id "
                "ORDER BY c.id DESC LIMIT 500"
            ).fetchall()
            merges = conn.execute(
                "SELECT m.at, m.from_id, m.into_id, w.name FROM record_merge m "
                "LEFT JOIN worker w ON w.id = m.into_id ORDER BY m.seq DESC LIMIT 500"
            ).fetchall()
        rows: list[tuple[str, ...]] = []
        for at, kind, _rid, field, kept, lost, lost_here, note, name in conflicts:
            where = self.tr("(this desk)") if lost_here else self.tr("(another station)")
            rows.append(
                (
                    str(at)[:16],
                    f"{label(kind)} {name or ''}".strip(),
                    label(field),
                    note or _shown(kept, field),
                    f"{_shown(lost, field)} {where}" if not note else "",
                )
            )
        for at, _from_id, _into_id, name in merges:
            rows.append(
                (
                    str(at)[:16],
                    f"worker {name or ''}",
                    self.tr("same ID number"),
                    self.tr("merged into one record"),
                    "",
                )
            )
        self.table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()


def _shown(value: str, field: str = "") -> str:
    """A logged value as staff read it; ID numbers and phones masked like everywhere else."""
    try:
        decoded = json.loads(value)
    except ValueError:
        decoded = value
    text = "" if decoded is None else str(decoded)
    if field == "id_number":
        return mask_id_number(text)
    if field in ("phone", "contact_phone"):
        return mask_phone(text)
    return text
