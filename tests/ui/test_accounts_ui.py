"""Accounts at the counter: signing in, the lock (Ctrl+L and idle), switching user, what a
counter-staff account sees, the first administrator, and the start of the desk."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from station_desk.cli import main
from station_desk.domain.station import StationDraft
from station_desk.services import accounts
from station_desk.services.context import Desk
from station_desk.services.station import save_station_profile
from station_desk.ui import app as app_module
from station_desk.ui.login import FirstAdminDialog, SignInDialog, SignInPanel

ADMIN_PASSWORD = "qingshan2024"
STAFF_PASSWORD = "wangfang88"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def admin(desk: Desk) -> accounts.AccountInfo:
    made = accounts.create_first_admin(desk, "admin", "李娟", ADMIN_PASSWORD)
    accounts.create_account(desk, "wang", "王芳", "staff", STAFF_PASSWORD, False)
    return made


@pytest.fixture
def signed_in(window, desk: Desk, admin):
    """The main window with the administrator signed in."""
    window.accounts.signed_in(accounts.sign_in(desk, "admin", ADMIN_PASSWORD))
    return window


def _type_and_enter(qtbot: QtBot, box: QLineEdit, text: str) -> None:
    box.setFocus()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def _sign_in(qtbot: QtBot, panel: SignInPanel, username: str, password: str) -> None:
    if not panel.username.isHidden():
        _type_and_enter(qtbot, panel.username, username)
    _type_and_enter(qtbot, panel.password, password)


def _covered(window) -> bool:
    """Every point of the window (menus, lists, status bar) shows the lock screen."""
    screen = window.accounts.lock.screen
    rect = window.rect()
    points = [
        QPoint(x, y)
        for x in (5, rect.width() // 2, rect.width() - 5)
        for y in (5, 60, rect.height() // 2, rect.height() - 5)
    ]
    hits = [window.childAt(point) for point in points]
    return all(hit is screen or screen.isAncestorOf(hit) for hit in hits)


def _visible_text(widget: QWidget) -> str:
    parts = [label.text() for label in widget.findChildren(QLabel) if label.isVisible()]
    parts += [box.text() for box in widget.findChildren(QLineEdit) if box.isVisible()]
    return " ".join(parts)


# -- the sign-in dialog -----------------------------------------------------------------


def test_sign_in_with_the_keyboard(desk_app, desk: Desk, admin, qtbot: QtBot) -> None:
    dialog = SignInDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.panel.username)
    assert dialog.windowTitle() == "驿站工作台 · 登录"
    _sign_in(qtbot, dialog.panel, "admin", ADMIN_PASSWORD)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.account is not None and dialog.account.username == "admin"
    assert (desk.staff, desk.role) == ("李娟", "admin")


def test_a_wrong_password_says_so_and_repeated_tries_slow_down(
    desk_app, desk: Desk, admin, qtbot: QtBot
) -> None:
    dialog = SignInDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    panel = dialog.panel
    _sign_in(qtbot, panel, "admin", "qingshan2023")
    assert panel.message.isVisible() and panel.message.text() == "用户名或密码不对，请再试一次。"
    assert panel.password.text() == "" and dialog.isVisible() and dialog.account is None
    _type_and_enter(qtbot, panel.password, "qingshan2022")
    assert panel.button.isEnabled()  # two wrong tries: no waiting yet
    _type_and_enter(qtbot, panel.password, "qingshan2021")
    assert not panel.button.isEnabled() and not panel.password.isEnabled()
    assert "连续输错 3 次" in panel.message.text() and "请等 2 秒" in panel.message.text()
    panel.submit()  # Enter while waiting does nothing
    assert dialog.account is None
    qtbot.waitUntil(panel.button.isEnabled, timeout=10_000)
    _type_and_enter(qtbot, panel.password, ADMIN_PASSWORD)
    assert dialog.account is not None and panel.failures == 0


def test_a_reset_password_must_be_replaced_at_sign_in(
    desk_app, desk: Desk, admin, qtbot: QtBot
) -> None:
    temporary = accounts.reset_password(desk, "wang")
    dialog = SignInDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    _sign_in(qtbot, dialog.panel, "wang", temporary)
    panel = dialog.panel
    assert dialog.account is None and panel.change_form.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.new_password)
    _type_and_enter(qtbot, panel.new_password, "wang-own-pass1")
    _type_and_enter(qtbot, panel.confirm, "wang-own-pass2")
    assert "不一样" in panel.message.text() and dialog.account is None
    _type_and_enter(qtbot, panel.confirm, "wang-own-pass1")
    assert dialog.account is not None and not dialog.account.must_change_password
    assert accounts.sign_in(Desk(desk.db), "wang", "wang-own-pass1").username == "wang"


# -- the lock ---------------------------------------------------------------------------


def test_ctrl_l_hides_every_record_and_the_password_unlocks(
    signed_in, desk: Desk, people: dict[str, str], qtbot: QtBot
) -> None:
    window = signed_in
    window.refresh_all()
    form = window.edit_record("worker", people["张三"])
    qtbot.waitExposed(form)
    form.fields["phone"].setText("13812340000")  # typed, not saved yet
    qtbot.keyClick(form, Qt.Key.Key_L, CTRL)
    lock = window.accounts.lock
    assert lock.locked and lock.screen.isVisible()
    assert not form.isVisible()  # the open form is hidden too
    assert _covered(window)
    assert "张三" not in _visible_text(window) and "李娟（admin）" in _visible_text(lock.screen)
    assert not window.menuBar().isEnabled()
    # Shortcuts and keys do not reach the desk while locked.
    qtbot.keyClick(lock.screen.panel.password, Qt.Key.Key_N, CTRL)
    qtbot.keyClick(lock.screen.panel.password, Qt.Key.Key_F6)
    assert window.form is form and window.work.dialog is None
    assert QApplication.focusWidget() is lock.screen.panel.password

    _type_and_enter(qtbot, lock.screen.panel.password, "wrong-password")
    assert lock.locked and "不对" in lock.screen.panel.message.text()
    _type_and_enter(qtbot, lock.screen.panel.password, ADMIN_PASSWORD)
    assert not lock.locked and not lock.screen.isVisible()
    assert form.isVisible() and form.fields["phone"].text() == "13812340000"  # nothing lost
    assert window.menuBar().isEnabled() and desk.staff == "李娟"


def test_the_desk_locks_itself_when_idle(signed_in, qtbot: QtBot) -> None:
    lock = signed_in.accounts.lock
    assert lock.idle_ms == 10 * 60_000 and lock.idle.isActive()  # the default, 10 minutes
    lock.set_idle_ms(300)
    qtbot.waitUntil(lambda: lock.locked, timeout=10_000)
    assert _covered(signed_in)


def test_no_idle_lock_when_nobody_signed_in(window, qtbot: QtBot) -> None:
    """A window built directly (tests, screenshots) has nobody to unlock it: no idle lock."""
    lock = window.accounts.lock
    lock.set_idle_ms(50)
    assert not lock.idle.isActive()
    assert not window.accounts.lock_action.isEnabled()  # and no account to unlock with


def test_switch_user_to_a_counter_staff_account(signed_in, desk: Desk, qtbot: QtBot) -> None:
    window = signed_in
    manage = window.accounts.manage()
    assert manage is not None
    qtbot.waitExposed(manage)
    qtbot.keyClick(manage.table, Qt.Key.Key_L, CTRL)  # from inside the dialog
    lock = window.accounts.lock
    assert lock.locked and not manage.isVisible()
    qtbot.mouseClick(lock.screen.switch, Qt.MouseButton.LeftButton)
    assert lock.screen.panel.username.isVisible()
    _sign_in(qtbot, lock.screen.panel, "wang", STAFF_PASSWORD)
    assert not lock.locked
    assert (desk.staff, desk.role) == ("王芳", "staff")
    # The administrator's account list is closed, not shown to the next person.
    assert not manage.isVisible()
    assert not window.station_action.isVisible() and not window.export_action.isVisible()
    assert not window.accounts.manage_action.isVisible()


def test_sign_out_asks_for_any_account(signed_in, desk: Desk, qtbot: QtBot) -> None:
    signed_in.accounts.sign_out_action.trigger()
    lock = signed_in.accounts.lock
    assert lock.locked and lock.screen.panel.username.isVisible()
    assert desk.role == "staff"  # nobody signed in: no administrator's rights
    _sign_in(qtbot, lock.screen.panel, "admin", ADMIN_PASSWORD)
    assert not lock.locked and desk.role == "admin"
    assert signed_in.station_action.isVisible()


# -- roles ------------------------------------------------------------------------------


def test_a_staff_account_sees_no_admin_actions(
    desk_app, desk: Desk, admin, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from station_desk.ui.main_window import MainWindow

    accounts.sign_in(desk, "wang", STAFF_PASSWORD)
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.accounts.signed_in(accounts.get_account(desk, "wang"))
    window.show()
    qtbot.waitExposed(window)
    for action in (
        window.station_action,
        window.export_action,
        window.accounts.manage_action,
        window.accounts.idle_action,
    ):
        assert not action.isVisible() and not action.isEnabled(), action.text()
    titles = [a.text() for a in window.accounts.menu.actions() if a.isVisible()]
    assert "修改我的密码(&C)…" in titles and "锁定工作台(&O)" in titles
    assert "管理账号(&M)…" not in titles
    exports: list[bool] = []
    window.export_action.triggered.connect(lambda *_: exports.append(True))
    qtbot.keyClick(window.page.view, Qt.Key.Key_E, CTRL)
    assert exports == [] and window.accounts.manage() is None
    window.tasks.wait()


def test_the_admin_manages_accounts(signed_in, desk: Desk, qtbot: QtBot) -> None:
    dialog = signed_in.accounts.manage()
    assert dialog is not None
    assert [a.username for a in dialog.rows] == ["admin", "wang"]
    dialog.select("admin")
    dialog.disable_button.click()
    assert "唯一在用的管理员" in dialog.message.text()
    new = dialog.new_account()
    new.fields["display_name"].setText("张强")
    new.fields["username"].setText("zhang")
    new.save()
    qtbot.waitUntil(lambda: isinstance(dialog.popup, QWidget) and dialog.popup.isVisible())
    assert new.password and new.password in dialog.popup.text()  # shown once
    dialog.popup.close()
    assert accounts.sign_in(Desk(desk.db), "zhang", new.password).must_change_password
    dialog.select("wang")
    dialog.role_button.click()
    assert accounts.get_account(desk, "wang").role == "admin"
    dialog.reset_button.click()
    temporary = dialog.popup.text().split("\n\n")[1]
    assert accounts.sign_in(Desk(desk.db), "wang", temporary).must_change_password


def test_ctrl_shift_l_logs_a_service_now(window, people: dict[str, str], qtbot: QtBot) -> None:
    window.refresh_all()
    window.page.select(people["张三"])
    window.page.view.setFocus()
    qtbot.keyClick(window.page.view, Qt.Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.work.dialog is not None and window.work.dialog.isVisible()
    window.work.dialog.reject()


# -- the first administrator and the start of the desk ---------------------------------


def test_first_admin_dialog(desk_app, desk: Desk, qtbot: QtBot) -> None:
    dialog = FirstAdminDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.fields["username"].text() == "admin"
    dialog.fields["display_name"].setText("李娟")
    dialog.fields["password"].setText(ADMIN_PASSWORD)
    dialog.fields["confirm"].setText("qingshan2025")
    dialog.save()
    assert dialog.error_labels["confirm"].isVisible() and not accounts.has_accounts(desk)
    dialog.fields["confirm"].setText(ADMIN_PASSWORD)
    dialog.fields["password"].setFocus()
    qtbot.keyClick(dialog.fields["password"], Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.account is not None and dialog.account.is_admin
    assert (desk.staff, desk.role) == ("李娟", "admin")


def _close_main_windows() -> None:
    from station_desk.ui.main_window import MainWindow

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.sync.timer.stop()
            widget.close()
            widget.deleteLater()


def _started_windows():
    from station_desk.ui.main_window import MainWindow

    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]


def test_an_upgraded_desk_asks_for_the_first_administrator(
    tmp_data_dir: Path, desk_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    from station_desk.domain.worker import WorkerDraft
    from station_desk.services.workers import register_worker
    from station_desk.store.db import Database

    database = Database(tmp_data_dir / "station.db")  # records, no account: an upgraded desk
    draft = WorkerDraft(name="张三", id_number="11010519491231002X", phone="13812345678")
    register_worker(Desk(database), draft)
    database.close()
    seen: list[str] = []

    def create(self: FirstAdminDialog) -> int:
        seen.append("first admin" if not _started_windows() else "too late")
        self.fields["display_name"].setText("李娟")
        self.fields["password"].setText(ADMIN_PASSWORD)
        self.fields["confirm"].setText(ADMIN_PASSWORD)
        self.save()
        return int(self.result())

    monkeypatch.setattr(FirstAdminDialog, "exec", create)
    monkeypatch.setattr(app_module, "offer_demo", lambda window: seen.append("demo"))
    monkeypatch.setattr(type(desk_app), "exec", lambda self: seen.append("main") or 0)
    assert main(["--data-dir", str(tmp_data_dir)]) == 0
    assert seen == ["first admin", "main"]
    (window,) = _started_windows()
    assert (window.desk.staff, window.desk.role) == ("李娟", "admin")
    assert window.accounts.account.username == "admin"
    _close_main_windows()

    # The next start asks for a sign-in; closing it does not open the desk.
    seen.clear()
    monkeypatch.setattr(SignInDialog, "exec", lambda self: seen.append("sign in") or 0)
    assert main(["--data-dir", str(tmp_data_dir)]) == 0
    assert seen == ["sign in"] and not _started_windows()


def test_the_desk_starts_signed_in_as_the_account_that_signed_in(
    tmp_data_dir: Path, desk_app, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    from station_desk.store.db import Database

    database = Database(tmp_data_dir / "station.db")
    desk = Desk(database)
    accounts.create_first_admin(desk, "admin", "李娟", ADMIN_PASSWORD)
    accounts.create_account(desk, "wang", "王芳", "staff", STAFF_PASSWORD, False)
    save_station_profile(desk, StationDraft(name="青山镇零工驿站"))  # set up: no wizard
    database.close()

    def sign_in_as_staff(self: SignInDialog) -> int:
        self.panel.username.setText("wang")
        self.panel.password.setText(STAFF_PASSWORD)
        self.panel.submit()
        return int(self.result())

    monkeypatch.setattr(SignInDialog, "exec", sign_in_as_staff)
    monkeypatch.setattr(app_module, "offer_demo", lambda window: None)
    monkeypatch.setattr(type(desk_app), "exec", lambda self: 0)
    assert main(["--data-dir", str(tmp_data_dir)]) == 0
    (window,) = _started_windows()
    assert (window.desk.staff, window.desk.role) == ("王芳", "staff")
    assert not window.station_action.isVisible() and window.accounts.lock.idle.isActive()
    _close_main_windows()


def test_the_screenshot_asks_nothing(tmp_data_dir: Path, qapp, monkeypatch: pytest.MonkeyPatch):
    from station_desk.store.db import Database

    database = Database(tmp_data_dir / "station.db")
    accounts.create_first_admin(Desk(database), "admin", "李娟", ADMIN_PASSWORD)
    database.close()
    asked: list[str] = []
    monkeypatch.setattr(SignInDialog, "exec", lambda self: asked.append("sign in") or 0)
    monkeypatch.setattr(FirstAdminDialog, "exec", lambda self: asked.append("admin") or 0)
    png = tmp_data_dir / "desk.png"
    assert main(["--data-dir", str(tmp_data_dir), "--screenshot", str(png)]) == 0
    assert png.exists() and asked == []


def test_the_wizard_makes_the_first_administrator(desk_app, desk: Desk, qtbot: QtBot) -> None:
    from station_desk.ui.background import TaskManager
    from station_desk.ui.first_run import FirstRunWizard

    tasks = TaskManager()
    wizard = FirstRunWizard(desk, tasks)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.admin_page
    page.name.setText("李娟")
    page.password.setText("short")
    page.confirm.setText("short")
    assert not page.validatePage() and "至少要8位" in page.errors["password"].text()
    assert not accounts.has_accounts(desk)
    page.password.setText(ADMIN_PASSWORD)
    page.confirm.setText(ADMIN_PASSWORD)
    assert page.validatePage()
    assert wizard.account is not None and wizard.account.username == "admin"
    assert not page.password.isEnabled()  # made once; Back and Next again changes nothing
    assert page.validatePage() and len(accounts.list_accounts(desk)) == 1
    wizard.done_page.initializePage()
    assert "登录用户名 admin" in wizard.done_page.summary.text()
    tasks.wait()
    wizard.close()


def test_the_lock_screen_buttons(signed_in) -> None:
    screen = signed_in.accounts.lock.screen
    buttons = {b.objectName(): b.text() for b in screen.findChildren(QPushButton)}
    assert buttons == {"signInButton": "解锁", "switchUser": "切换用户(&S)"}
