"""The first-run wizard: keyboard only, offline or connected to a real district server."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from district_server.auth import BAD_TOKEN
from district_server.db import Database as DistrictDatabase
from district_server.stations import add_station
from server_process import run_district
from station_desk.cli import main
from station_desk.domain.station import StationDraft
from station_desk.domain.worker import WorkerDraft
from station_desk.services.context import Desk, get_setting, put_setting
from station_desk.services.station import save_station_profile, station_profile
from station_desk.services.workers import register_worker
from station_desk.store.settings import STATION_ID_KEY
from station_desk.sync.engine import SERVER_KEY, TOKEN_KEY
from station_desk.ui import app as app_module
from station_desk.ui import first_run
from station_desk.ui.background import TaskManager
from station_desk.ui.first_run import FirstRunWizard, needs_first_run
from station_desk.ui.login import SignInDialog


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    with run_district(tmp_path_factory.mktemp("district")) as running:
        yield running


def _issue(db_url: str) -> tuple[str, str]:
    """A new station on the district server: (station id, token)."""
    database = DistrictDatabase(db_url)
    issued = add_station(database, f"青山镇零工驿站-{uuid.uuid4().hex[:4]}")
    database.dispose()
    return issued.station_id, issued.token


@pytest.fixture
def wizard(desk_app, desk: Desk, qtbot: QtBot) -> Iterator[FirstRunWizard]:
    tasks = TaskManager()
    shown = FirstRunWizard(desk, tasks)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    yield shown
    tasks.wait()
    _delete(shown)


def _delete(widget: QWidget) -> None:
    """Close and really delete: a closed QWizard still alive crashes the next setStyle()."""
    widget.close()
    widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _setting(desk: Desk, key: str) -> str:
    with desk.db.read() as session:
        return get_setting(session, key)


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _type(qtbot: QtBot, text: str) -> None:
    """Type into the focused field: ASCII as key presses, Chinese as an input method commits it."""
    if text.isascii():
        qtbot.keyClicks(_focused(), text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(_focused(), event)


def _key(qtbot: QtBot, key: Qt.Key) -> None:
    qtbot.keyClick(_focused(), key)


def _fill_station_page(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    qtbot.waitUntil(lambda: _focused() is wizard.station_page.fields["name"])
    _type(qtbot, "青山镇零工驿站")
    _key(qtbot, Qt.Key.Key_Tab)  # kind: 零工驿站
    _key(qtbot, Qt.Key.Key_Down)  # → 零工市场
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "青山镇政府东侧")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "周一至周六 7:30-17:30")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "12333")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "0370-1234567")
    _key(qtbot, Qt.Key.Key_Return)


ADMIN_PASSWORD = "qingshan2024"


def _fill_admin_page(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    """Name, (username admin as offered), the password twice, Enter."""
    qtbot.waitUntil(lambda: _focused() is wizard.admin_page.name)
    _type(qtbot, "李娟")
    _key(qtbot, Qt.Key.Key_Tab)
    assert _focused() is wizard.admin_page.username and _focused().text() == "admin"
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, ADMIN_PASSWORD)
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, ADMIN_PASSWORD)
    _key(qtbot, Qt.Key.Key_Return)


def test_the_keyboard_alone_sets_up_an_offline_station(
    wizard: FirstRunWizard, desk: Desk, qtbot: QtBot
) -> None:
    assert wizard.currentPage() is wizard.station_page
    assert wizard.windowTitle() == "驿站工作台 · 首次设置"
    _fill_station_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.connect_page
    assert wizard.connect_page.offline.isChecked()  # 暂不连接，离线工作 is the default
    assert wizard.connect_page.offline.text() == "暂不连接，离线工作(&O)"
    _key(qtbot, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.admin_page
    assert "密码" in wizard.admin_page.note.text()
    _fill_admin_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.done_page
    summary = wizard.done_page.summary.text()
    assert "青山镇零工驿站（零工市场）" in summary and "离线工作" in summary and "李娟" in summary
    _key(qtbot, Qt.Key.Key_Return)  # 完成

    assert not wizard.isVisible() and wizard.result() == FirstRunWizard.DialogCode.Accepted
    station = station_profile(desk)
    assert station is not None
    assert (station.name, station.kind, station.address) == (
        "青山镇零工驿站",
        "market",
        "青山镇政府东侧",
    )
    assert (station.opening_hours, station.hotline) == ("周一至周六 7:30-17:30", "12333")
    assert station.complaint_channel == "0370-1234567"
    assert _setting(desk, first_run.ADMIN_NAME_KEY) == "李娟" and desk.staff == "李娟"
    assert wizard.account is not None and (wizard.account.username, desk.role) == ("admin", "admin")
    assert _setting(desk, SERVER_KEY) == ""
    assert not needs_first_run(desk)


def test_a_missing_station_name_is_shown_next_to_the_field(
    wizard: FirstRunWizard, desk: Desk, qtbot: QtBot
) -> None:
    qtbot.waitUntil(lambda: _focused() is wizard.station_page.fields["name"])
    _key(qtbot, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.station_page
    error = wizard.station_page.errors["name"]
    assert error.isVisible() and error.text() == "请填写驿站名称"
    assert station_profile(desk) is None
    _type(qtbot, "青山镇零工驿站")
    _key(qtbot, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.connect_page
    assert not error.isVisible()


def test_the_administrator_name_is_required(wizard: FirstRunWizard, qtbot: QtBot) -> None:
    _fill_station_page(qtbot, wizard)
    _key(qtbot, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.admin_page
    _key(qtbot, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.admin_page
    assert wizard.admin_page.error.text() == "请填写管理员姓名。"


def test_a_bad_token_shows_the_reason_and_keeps_the_page(
    wizard: FirstRunWizard, desk: Desk, district: tuple[str, str], qtbot: QtBot
) -> None:
    _fill_station_page(qtbot, wizard)
    page = wizard.connect_page
    page.use_server.setChecked(True)
    page.server.setText(district[0])
    page.token.setText("not-a-token")
    page.token.setFocus()
    _key(qtbot, Qt.Key.Key_Return)
    assert page.busy and not wizard.button(FirstRunWizard.WizardButton.NextButton).isEnabled()
    qtbot.waitUntil(lambda: not page.busy, timeout=20_000)
    assert wizard.currentPage() is page
    assert page.message.isVisible() and page.message.text() == BAD_TOKEN  # the server's words
    assert page.message.property("role") == "error" and _focused() is page.token
    assert page.connected is None and _setting(desk, SERVER_KEY) == ""


def test_a_good_token_connects_and_adopts_the_station_id(
    wizard: FirstRunWizard, desk: Desk, district: tuple[str, str], qtbot: QtBot
) -> None:
    _fill_station_page(qtbot, wizard)
    local_id = desk.station_id
    station_id, token = _issue(district[1])
    page = wizard.connect_page
    page.use_server.setChecked(True)
    page.server.setText(district[0] + "/")
    page.token.setText(token)
    page.token.setFocus()
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.admin_page, timeout=20_000)
    assert page.connected is not None
    assert _setting(desk, SERVER_KEY) == district[0] and _setting(desk, TOKEN_KEY) == token
    assert _setting(desk, STATION_ID_KEY) == station_id != local_id
    assert desk.station_id == station_id
    station = station_profile(desk)  # the profile saved on page 1 moved to the issued id
    assert station is not None and station.id == station_id and station.name == "青山镇零工驿站"
    _fill_admin_page(qtbot, wizard)
    assert "已连接区服务器" in wizard.done_page.summary.text()


def test_the_provisioning_file_connects(
    wizard: FirstRunWizard, desk: Desk, district: tuple[str, str], qtbot: QtBot, tmp_path: Path
) -> None:
    station_id, token = _issue(district[1])
    provision = tmp_path / "station.json"
    data = {"server_url": district[0], "station_id": station_id, "token": token}
    provision.write_text(json.dumps(data), encoding="utf-8")
    _fill_station_page(qtbot, wizard)
    page = wizard.connect_page
    page.use_file.setChecked(True)
    page.file_path.setText(str(tmp_path / "missing.json"))
    wizard.next()
    assert wizard.currentPage() is page and "找不到配置文件" in page.message.text()
    page.file_path.setText(str(provision))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.admin_page, timeout=20_000)
    assert _setting(desk, TOKEN_KEY) == token and desk.station_id == station_id


def test_cancelling_works_offline_with_a_default_profile(
    wizard: FirstRunWizard, desk: Desk, qtbot: QtBot
) -> None:
    assert needs_first_run(desk)
    _key(qtbot, Qt.Key.Key_Escape)
    assert not wizard.isVisible() and wizard.result() == FirstRunWizard.DialogCode.Rejected
    station = station_profile(desk)
    assert station is not None and station.name == "本驿站"
    assert _setting(desk, first_run.FIRST_RUN_KEY) == "1"
    assert not needs_first_run(desk)


def test_a_desk_with_records_does_not_need_the_wizard(desk: Desk) -> None:
    assert needs_first_run(desk)
    register_worker(
        desk, WorkerDraft(name="张三", id_number="11010519491231002X", phone="13812345678")
    )
    assert station_profile(desk) is None
    assert not needs_first_run(desk)


def test_a_desk_with_a_profile_does_not_need_the_wizard(desk: Desk) -> None:
    save_station_profile(desk, StationDraft(name="青山镇零工驿站"))
    assert not needs_first_run(desk)


def test_needs_first_run_is_false_once_done_even_without_a_profile(desk: Desk) -> None:
    with desk.db.write() as session:
        put_setting(session, first_run.FIRST_RUN_KEY, "1")
    assert station_profile(desk) is None
    assert not needs_first_run(desk)


def _close_main_windows() -> None:
    from station_desk.ui.main_window import MainWindow

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.sync.timer.stop()
            _delete(widget)


def test_the_desk_shows_the_wizard_before_the_main_window(
    tmp_data_dir: Path, desk_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    from station_desk.ui.main_window import MainWindow

    seen: list[str] = []

    def fake_exec(self: FirstRunWizard) -> int:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        seen.append("wizard" if not any(w.isVisible() for w in windows) else "too late")
        self.admin_page.name.setText("李娟")
        self.admin_page.password.setText(ADMIN_PASSWORD)
        self.admin_page.confirm.setText(ADMIN_PASSWORD)
        self.admin_page.validatePage()
        self.reject()
        return 0

    monkeypatch.setattr(FirstRunWizard, "exec", fake_exec)
    monkeypatch.setattr(app_module, "offer_demo", lambda window: seen.append("demo"))
    monkeypatch.setattr(type(desk_app), "exec", lambda self: seen.append("main") or 0)
    assert main(["--data-dir", str(tmp_data_dir)]) == 0
    assert seen == ["wizard", "demo", "main"]
    staff = [w.desk.staff for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    assert staff == ["李娟"]
    _close_main_windows()

    seen.clear()

    def sign_in(self: SignInDialog) -> int:
        seen.append("sign in")
        self.panel.username.setText("admin")
        self.panel.password.setText(ADMIN_PASSWORD)
        self.panel.submit()
        return int(self.result())

    monkeypatch.setattr(SignInDialog, "exec", sign_in)
    assert main(["--data-dir", str(tmp_data_dir)]) == 0  # shown once only; then a sign-in
    assert seen == ["sign in", "demo", "main"]
    staff = [w.desk.staff for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    assert staff == ["李娟"]  # a new start works as the account that signed in
    _close_main_windows()


def test_a_desk_connected_in_the_wizard_is_not_offered_demo_data(
    tmp_data_dir: Path, desk_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []

    def fake_exec(self: FirstRunWizard) -> int:
        seen.append("wizard")
        with self.desk.db.write() as session:  # as connect() leaves it
            put_setting(session, SERVER_KEY, "http://127.0.0.1:9")
        self.admin_page.name.setText("李娟")
        self.admin_page.password.setText(ADMIN_PASSWORD)
        self.admin_page.confirm.setText(ADMIN_PASSWORD)
        self.admin_page.validatePage()
        self.accept()
        return 1

    monkeypatch.setattr(FirstRunWizard, "exec", fake_exec)
    monkeypatch.setattr(app_module, "offer_demo", lambda window: seen.append("demo"))
    monkeypatch.setattr(type(desk_app), "exec", lambda self: seen.append("main") or 0)
    assert main(["--data-dir", str(tmp_data_dir)]) == 0
    assert seen == ["wizard", "main"]  # demo data would be pushed to the district
    _close_main_windows()


def test_the_screenshot_mode_never_shows_the_wizard(
    tmp_data_dir: Path, qapp, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[bool] = []
    monkeypatch.setattr(FirstRunWizard, "exec", lambda self: shown.append(True) or 0)
    png = tmp_data_dir / "desk.png"
    assert main(["--data-dir", str(tmp_data_dir), "--screenshot", str(png)]) == 0
    assert png.exists() and shown == []
