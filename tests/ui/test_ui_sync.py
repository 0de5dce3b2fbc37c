"""The desk's sync status, connect dialog and sync record, with a real district server."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from district_server.db import Database as DistrictDatabase
from district_server.stations import add_station
from server_process import run_district
from station_desk.domain.worker import WorkerDraft
from station_desk.services.context import Desk
from station_desk.services.workers import register_worker


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    with run_district(tmp_path_factory.mktemp("district")) as running:
        yield running


def _token(db_url: str) -> str:
    database = DistrictDatabase(db_url)
    issued = add_station(database, f"青山镇零工驿站-{uuid.uuid4().hex[:4]}")
    database.dispose()
    return issued.token


def test_a_desk_that_is_not_connected_says_it_works_offline(window) -> None:
    assert window.sync_label.text() == "离线工作（未连接区服务器）"


def test_connecting_then_syncing_shows_synced_and_waiting_changes(
    window, desk: Desk, district: tuple[str, str], qtbot: QtBot
) -> None:
    base_url, db_url = district
    dialog = window.connect_server()
    dialog.server.setText(base_url)
    dialog.token.setText(_token(db_url))
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    assert dialog.connected is not None
    window.sync.timer.stop()
    window.sync_now()
    qtbot.waitUntil(lambda: window.sync_label.text().startswith("已同步"), timeout=20_000)

    register_worker(
        desk, WorkerDraft(name="王秀英", id_number="110105198003070012", phone="13812345678")
    )
    window.records_changed()
    assert window.sync_label.text().startswith("待上传 1 条")
    window.sync.timer.stop()
    window.sync_now()
    qtbot.waitUntil(lambda: window.sync_label.text().startswith("已同步"), timeout=20_000)


def test_a_wrong_token_keeps_the_dialog_open_with_the_reason(
    window, district: tuple[str, str], qtbot: QtBot
) -> None:
    dialog = window.connect_server()
    dialog.server.setText(district[0])
    dialog.token.setText("not-a-token")
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: dialog.connect_button.isEnabled(), timeout=20_000)
    assert dialog.isVisible() and "令牌" in dialog.message.text()
    assert window.sync_label.text() == "离线工作（未连接区服务器）"
    dialog.reject()


def test_the_sync_record_lists_conflicts_in_chinese(window, desk: Desk, tmp_path: Path) -> None:
    with desk.db.write() as session:
        from station_desk.store.db import sqlite_connection

        sqlite_connection(session).execute(
            "INSERT INTO conflict_log (at, record_kind, record_id, field, kept_value, lost_value,"
            " kept_hlc, lost_hlc, lost_here) VALUES (?, 'worker', 'w', 'phone', ?, ?, 'b', 'a', 1)",
            ("2026-11-26 10:00:00", '"13900000002"', '"13900000001"'),
        )
    dialog = window.show_sync_log()
    cells = [dialog.table.item(0, c).text() for c in range(5)]
    assert cells[2:] == ["电话", "139****0002", "139****0001 （本机的修改）"]  # masked
    dialog.reject()


def test_records_arriving_by_sync_reload_the_page_in_view_and_the_others_when_shown(
    window, desk: Desk, people: dict[str, str]
) -> None:
    window.refresh_all()
    window.show_page("employers")
    register_worker(
        desk, WorkerDraft(name="赵强", id_number="110105199003070017", phone="13700001111")
    )
    window.refresh_after_sync()
    assert window.pages["worker"].model.rowCount() == 3  # not reloaded yet
    window.show_page("workers")
    assert window.pages["worker"].model.rowCount() == 4


def test_the_page_in_view_reloads_off_the_ui_thread_after_a_sync(
    window, desk: Desk, people: dict[str, str]
) -> None:
    window.refresh_all()
    window.show_page("workers")
    register_worker(
        desk, WorkerDraft(name="赵强", id_number="110105199003070017", phone="13700001111")
    )
    window.refresh_after_sync()
    window.tasks.wait()  # the ids were read in the pool; applied on the UI thread
    assert window.pages["worker"].model.rowCount() == 4
    assert "零工 4 人" in window.status_label.text()


def test_while_the_server_is_away_retries_back_off_but_never_beyond_a_minute(window) -> None:
    from station_desk.sync.client import SyncError

    delays = []
    for _ in range(10):
        window.sync._failed(SyncError("offline", "连不上区里的服务器"))
        delays.append(window.sync.timer.interval())
    window.sync.timer.stop()
    assert delays[0] < delays[2] <= 60_000  # grows, then
    assert delays[-1] == 60_000  # is capped: back within a minute of the line returning
    assert window.sync_label.text() != ""


def test_closing_the_window_stops_sync_and_leaves_no_error_shown(
    window, desk: Desk, district: tuple[str, str], qtbot: QtBot
) -> None:
    from station_desk.sync.commands import connect

    base_url, db_url = district
    connect(desk, base_url, _token(db_url))
    register_worker(
        desk, WorkerDraft(name="赵丽", id_number="110105198003070039", phone="13812345679")
    )
    window.sync.timer.stop()

    window.close()

    assert window.sync.stopping.is_set() and not window.sync.timer.isActive()
    window.sync_now()  # nothing starts once the window is closing
    assert not window.sync.running and window.sync.last_error is None
