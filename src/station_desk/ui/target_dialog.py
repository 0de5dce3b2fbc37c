"""年度登记目标… (the 报表 menu): the year's registration target for the district (the plan's
100,000 by default) and, per station, an own target or a share of what is left — the figures
the monthly dispatch (月调度表) compares against. Stored through reports'
set_registration_target; at a station's desk only this station is listed."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from station_desk.reports.report_data import (
    DEFAULT_TARGET,
    TARGET_KEY,
    registration_targets,
    set_registration_target,
)
from station_desk.reports.statistics import StationInfo, covered_stations
from station_desk.services.context import Desk
from station_desk.store.db import sqlite_connection
from station_desk.store.driver import sqlite3

MAX_TARGET = 10_000_000


@dataclass(frozen=True)
class Targets:
    district: int
    stations: list[StationInfo]
    own: dict[str, int | None]  # station id → its own target, None: a share of the rest
    shares: dict[str, int]  # station id → the target in effect


def _setting(conn: sqlite3.Connection, key: str) -> int | None:
    row = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    return int(row[0]) if row and str(row[0]).isdigit() else None


def load_targets(desk: Desk) -> Targets:
    desk.station_id  # noqa: B018 - makes sure the station has its id
    with desk.db.read() as session:
        conn = sqlite_connection(session)
        stations = covered_stations(conn)
        own = {s.id: _setting(conn, f"{TARGET_KEY}.{s.id}") for s in stations}
        everyone = covered_stations(conn, everyone=True)
        shares = registration_targets(conn, everyone)
        return Targets(_setting(conn, TARGET_KEY) or DEFAULT_TARGET, stations, own, shares)


def save_targets(desk: Desk, district: int, own: dict[str, int | None]) -> None:
    """The district target and each station's own one (None: back to a share of the rest)."""
    with desk.transaction() as tx:
        conn = sqlite_connection(tx.session)
        set_registration_target(conn, district)
        for station_id, value in own.items():
            if value is None:
                conn.execute("DELETE FROM setting WHERE key = ?", (f"{TARGET_KEY}.{station_id}",))
            else:
                set_registration_target(conn, value, station_id)
        detail = ";".join(f"{k}={v}" for k, v in own.items() if v is not None)
        tx.audit("set_registration_target", detail=f"district={district};{detail}".rstrip(";"))


class RegistrationTargetDialog(QDialog):
    """The district target in a spin box; per station a number, or blank for a share."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registrationTargetDialog")
        self.setWindowTitle(self.tr("Yearly registration targets"))
        self.desk = desk
        targets = load_targets(desk)
        self.district = QSpinBox()
        self.district.setObjectName("district")
        self.district.setRange(0, MAX_TARGET)
        self.district.setSingleStep(1000)
        self.district.setGroupSeparatorShown(True)
        self.district.setValue(targets.district)
        self.fields: dict[str, QLineEdit] = {}
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        layout = QFormLayout(self)
        layout.addRow(self.tr("District, people per year"), self.district)
        for station in targets.stations:
            field = QLineEdit()
            field.setValidator(QIntValidator(0, MAX_TARGET, field))
            own = targets.own.get(station.id)
            field.setText("" if own is None else str(own))
            share = f"{targets.shares.get(station.id, 0):,}"
            field.setPlaceholderText(self.tr("Blank: share of the rest (%1)").replace("%1", share))
            self.fields[station.id] = field
            layout.addRow(station.name or station.id[:8], field)
        hint = QLabel(self.tr("The monthly dispatch report compares registrations with these."))
        hint.setWordWrap(True)
        layout.addRow(hint)
        layout.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.district.setFocus()

    def save(self) -> None:
        own: dict[str, int | None] = {}
        for station_id, field in self.fields.items():
            digits = "".join(c for c in field.text() if c.isdigit())
            own[station_id] = int(digits) if digits else None
        district = self.district.value()
        if sum(v for v in own.values() if v is not None) > district:
            self.error.setText(
                self.tr("The stations' own targets add up to more than the district's.")
            )
            return
        save_targets(self.desk, district, own)
        self.accept()
