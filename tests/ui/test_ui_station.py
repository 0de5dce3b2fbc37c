"""The station profile dialog, and undoing a deactivation or a closing from the list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from ui_typing import type_text

from station_desk.services.context import Desk
from station_desk.services.station import station_profile
from station_desk.services.workers import deactivate_worker, get_worker


def test_station_profile_is_saved_and_named_in_the_status_bar(
    window, desk: Desk, qtbot: QtBot
) -> None:
    assert "本驿站" in window.status_label.text()
    form = window.edit_station()
    type_text(qtbot, form.fields["name"], "青山镇零工驿站")
    type_text(qtbot, form.fields["hotline"], "12333")
    qtbot.keyClick(form.fields["hotline"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible())
    profile = station_profile(desk)
    assert profile is not None and (profile.name, profile.hotline) == ("青山镇零工驿站", "12333")
    assert "青山镇零工驿站" in window.status_label.text()


def test_station_profile_without_a_name_shows_the_error_and_stays_open(
    window, desk: Desk, qtbot: QtBot
) -> None:
    form = window.edit_station()
    type_text(qtbot, form.fields["address"], "青山镇人民路8号")
    form.save()
    assert form.isVisible()
    assert form.error_labels["name"].text() == "请填写驿站名称"
    assert form.fields["address"].text() == "青山镇人民路8号"
    assert station_profile(desk) is None


def test_a_deactivated_worker_can_be_reactivated_from_the_list(
    window, desk: Desk, people: dict[str, str]
) -> None:
    worker_id = people["张三"]
    deactivate_worker(desk, worker_id)
    window.refresh_all()
    window.pages["worker"].select(worker_id)
    assert window.close_action.text() == "恢复求职(&D)"
    window.close_current()  # no question asked: reactivating loses nothing
    assert get_worker(desk, worker_id).status == "active"
    assert window.close_action.text() == "停用零工(&D)"
