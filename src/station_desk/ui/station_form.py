"""The station profile (驿站信息): what the status bar, the board and reports say about us."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from station_desk.domain.station import STATION_KINDS, StationDraft
from station_desk.services.context import Desk
from station_desk.services.station import (
    draft_from_station,
    save_station_profile,
    station_profile,
)
from station_desk.ui.forms import RecordForm

FIELDS = (
    "name",
    "kind",
    "address",
    "opening_hours",
    "trades",
    "phone",
    "hotline",
    "complaint_channel",
)


class StationForm(RecordForm):
    def __init__(self, desk: Desk, _record_id: str | None = None, parent: QWidget | None = None):
        super().__init__(desk, parent)
        self.setWindowTitle(self.tr("Station profile"))
        self.line("name", self.tr("Station name"), self.tr("e.g. 青山镇零工驿站"))
        self.combo("kind", self.tr("Type"), STATION_KINDS, blank=False)
        self.line("address", self.tr("Address"))
        self.line("opening_hours", self.tr("Opening hours"), self.tr("e.g. 周一至周六 7:30-17:30"))
        self.line("trades", self.tr("Main trades"), self.tr("e.g. 建筑、家政、采摘"))
        self.line("phone", self.tr("Phone"), self.tr("mobile or landline with area code"))
        self.line("hotline", self.tr("Service hotline"), self.tr("e.g. 12333"))
        self.line("complaint_channel", self.tr("Complaints"), self.tr("phone or address"))
        self.apply_tab_order()
        draft = draft_from_station(station_profile(desk))
        for name in FIELDS:
            self.set_value(name, getattr(draft, name))
        self.fields["name"].setFocus()

    def draft(self) -> StationDraft:
        return StationDraft(**{name: self.value(name) for name in FIELDS})

    def submit(self) -> None:
        self.saved_id = save_station_profile(self.desk, self.draft()).id
