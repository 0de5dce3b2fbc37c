"""The banner that says sync is stuck: it appears for a stuck state recorded in the
database, says why and what to do in Chinese, and goes away after the next successful sync
against a real district server."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from district_server.db import Database as DistrictDatabase
from district_server.stations import add_station
from server_process import free_port, run_district
from station_desk.domain.worker import WorkerDraft
from station_desk.services.context import Desk
from station_desk.services.workers import register_worker
from station_desk.store.settings import put_setting
from station_desk.sync import health
from station_desk.sync.commands import connect
from station_desk.ui.sync_dialogs import ConnectDialog

WAIT_MS = 20_000


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    with run_district(tmp_path_factory.mktemp("district")) as running:
        yield running


def _record_failure(desk: Desk, kind: str, message: str, minutes: float) -> None:
    """What the sync engine writes after failing the same way for `minutes`."""
    now = datetime.now()
    with desk.db.write() as session:
        put_setting(session, health.LAST_ERROR_KEY, health.error_setting(kind, message))
        put_setting(session, health.ERROR_SINCE_KEY, (now - timedelta(minutes=minutes)).isoformat())
        put_setting(session, health.LAST_ATTEMPT_KEY, now.isoformat())


def _offline_settings(desk: Desk) -> None:
    with desk.db.write() as session:
        put_setting(session, health.SERVER_KEY, f"http://127.0.0.1:{free_port()}")
        put_setting(session, health.TOKEN_KEY, "t")


def test_no_banner_while_sync_is_fine_or_only_briefly_failing(window, desk: Desk, qtbot) -> None:
    window.tasks.wait()
    assert not window.sync_health_banner.isVisible()
    _offline_settings(desk)
    _record_failure(desk, "offline", "连不上区里的服务器", minutes=5)
    window.sync.check_health()
    window.tasks.wait()
    assert not window.sync_health_banner.isVisible()
    assert not window.sync_label.text().startswith("同步卡住了")


def test_a_stuck_sync_shows_the_reason_what_to_do_and_a_retry_button(
    window, desk: Desk, qtbot: QtBot
) -> None:
    _offline_settings(desk)
    register_worker(
        desk, WorkerDraft(name="王秀英", id_number="110105198003070012", phone="13812345678")
    )
    _record_failure(desk, "offline", "连不上区里的服务器", minutes=45)
    window.sync.check_health()
    banner = window.sync_health_banner
    qtbot.waitUntil(banner.isVisible, timeout=WAIT_MS)
    assert banner.title.text() == "同步卡住了 · 待上传 1 条"
    assert banner.detail.text().startswith("连不上区里的服务器")
    assert "网线" in banner.detail.text() and "4G" in banner.detail.text()
    assert banner.retry_button.isVisible() and banner.retry_button.text() == "立即重试"
    assert not banner.connect_button.isVisible()  # only for a refused token
    assert window.sync_label.text().startswith("同步卡住了（见上方提示）")
    assert banner.y() < window.tabs.mapTo(window, window.tabs.rect().topLeft()).y()
    window.sync.timer.stop()


def test_a_refused_token_offers_to_connect_again(window, desk: Desk, qtbot: QtBot) -> None:
    _offline_settings(desk)
    _record_failure(desk, "auth", "本驿站已被停用", minutes=1)
    window.sync.check_health()
    banner = window.sync_health_banner
    qtbot.waitUntil(banner.isVisible, timeout=WAIT_MS)
    assert "令牌" in banner.detail.text() and "配置文件" in banner.detail.text()
    assert banner.connect_button.isVisible() and banner.connect_button.text() == "重新连接…"
    banner.connect_button.click()
    dialogs = [w for w in window.findChildren(ConnectDialog) if w.isVisible()]
    assert dialogs  # the connect dialog is open for the new provisioning file
    for dialog in dialogs:
        dialog.reject()


def test_the_banner_goes_away_after_the_next_successful_sync(
    window, desk: Desk, district: tuple[str, str], qtbot: QtBot
) -> None:
    base_url, db_url = district
    database = DistrictDatabase(db_url)
    issued = add_station(database, f"清河镇驿站-{uuid.uuid4().hex[:4]}")
    database.dispose()
    connect(desk, base_url, issued.token)
    register_worker(
        desk, WorkerDraft(name="李四", id_number="110105199003070017", phone="13700001111")
    )
    _record_failure(desk, "server", "服务器出错（503），稍后会自动重试", minutes=90)
    window.sync.check_health()
    banner = window.sync_health_banner
    qtbot.waitUntil(banner.isVisible, timeout=WAIT_MS)
    assert "故障" in banner.detail.text()

    banner.retry_button.click()  # the server is up again: the retry goes through
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=WAIT_MS)
    window.sync.timer.stop()
    assert window.sync_label.text().startswith("已同步")
    assert window.sync.health is not None and window.sync.health.pending == 0
    assert window.sync.health.error_kind == ""
