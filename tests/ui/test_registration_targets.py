"""年度登记目标… in the 报表 menu: the district's yearly target and a station's own one, as the
monthly dispatch reads them."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from station_desk.domain.station import StationDraft
from station_desk.reports.report_data import registration_targets
from station_desk.reports.statistics import covered_stations
from station_desk.services.context import Desk
from station_desk.services.station import save_station_profile
from station_desk.store.db import sqlite_connection
from station_desk.ui.dashboard import install_report_actions
from station_desk.ui.target_dialog import RegistrationTargetDialog, load_targets


def _targets(desk: Desk) -> dict[str, int]:
    with desk.db.read() as session:
        conn = sqlite_connection(session)
        return registration_targets(conn, covered_stations(conn, everyone=True))


def test_the_menu_item_opens_the_dialog_and_saves(window, desk: Desk, qtbot: QtBot) -> None:
    save_station_profile(desk, StationDraft(name="青山镇零工驿站"))
    menu = install_report_actions(window)
    (action,) = [a for a in menu.actions() if a.objectName() == "report_targets"]
    assert action.text() == "年度登记目标…"
    action.trigger()
    qtbot.waitUntil(lambda: window.findChild(RegistrationTargetDialog) is not None)
    dialog = window.findChild(RegistrationTargetDialog)
    assert dialog.district.value() == 100_000
    (field,) = dialog.fields.values()
    assert field.text() == "" and "100,000" in field.placeholderText()

    dialog.district.setValue(120_000)
    dialog.save()
    assert load_targets(desk).district == 120_000
    assert _targets(desk) == {desk.station_id: 120_000}


def test_a_station_target_above_the_districts_is_refused(desk_app, desk: Desk, qtbot) -> None:
    save_station_profile(desk, StationDraft(name="青山镇零工驿站"))
    dialog = RegistrationTargetDialog(desk)
    qtbot.addWidget(dialog)
    dialog.district.setValue(5_000)
    dialog.fields[desk.station_id].setText("6000")
    dialog.save()
    assert "超过" in dialog.error.text() and load_targets(desk).district == 100_000
    dialog.fields[desk.station_id].setText("4000")
    dialog.save()
    assert load_targets(desk).own == {desk.station_id: 4000}
    assert _targets(desk) == {desk.station_id: 4000}
