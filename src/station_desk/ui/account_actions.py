"""The 账号 menu and role gating for the main window.

    install_account_actions(window)   # last in MainWindow.__init__; sets window.accounts

Menu (before 帮助): 管理账号… and 自动锁定时间… (administrator), 修改我的密码…, 锁定 (Ctrl+L),
切换用户/退出登录. A counter-staff account does not see the administrator's actions: 驿站信息,
导出, 管理账号, 自动锁定时间, and any action another part of the desk marks with the Qt property
"adminOnly" (action.setProperty(ADMIN_ONLY, True)). The services refuse them too.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu

from station_desk.services import accounts
from station_desk.services.accounts import AccountInfo
from station_desk.ui.account_dialogs import AccountsDialog, IdleLockDialog
from station_desk.ui.lock import DeskLock
from station_desk.ui.login import ChangePasswordDialog

ADMIN_ONLY = "adminOnly"
# The main window's own actions that only an administrator may use.
ADMIN_WINDOW_ACTIONS = ("station_action", "export_action")


class AccountActions(QObject):
    """Who is signed in at this window, the 账号 menu, and the lock."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.account: AccountInfo | None = None
        self.dialog: QDialog | None = None
        self.lock = DeskLock(window)
        self.lock.unlocked.connect(self.signed_in)
        self.lock.shortcut = self.lock_now  # Ctrl+L from inside a dialog too
        self.menu = QMenu(self.tr("&Accounts"), window)
        self.menu.setObjectName("accountsMenu")
        bar = window.menuBar()
        help_menu = getattr(window, "help_menu", None)
        if help_menu is not None:  # before 帮助, which stays last
            bar.insertMenu(help_menu.menuAction(), self.menu)
        else:
            bar.addMenu(self.menu)
        self.manage_action = self._add("manageAccounts", self.tr("&Manage accounts…"), self.manage)
        self.idle_action = self._add("idleLock", self.tr("Automatic &lock…"), self.idle_settings)
        for action in (self.manage_action, self.idle_action):
            action.setProperty(ADMIN_ONLY, True)
        self.password_action = self._add(
            "changePassword", self.tr("&Change my password…"), self.change_password
        )
        self.menu.addSeparator()
        self.lock_action = self._add("lockDesk", self.tr("L&ock the desk"), self.lock_now, "Ctrl+L")
        self.sign_out_action = self._add(
            "signOut", self.tr("&Switch user / sign out"), self.sign_out
        )
        for name in ADMIN_WINDOW_ACTIONS:
            action = getattr(window, name, None)
            if isinstance(action, QAction):
                action.setProperty(ADMIN_ONLY, True)
        self.lock.set_idle_minutes(accounts.idle_lock_minutes(window.desk))  # type: ignore[attr-defined]
        self.apply_role()

    def _add(self, name: str, text: str, slot, key: str = "") -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if key:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _=False: slot())
        self.window.addAction(action)
        self.menu.addAction(action)
        return action

    # -- who is signed in ----------------------------------------------------------------

    def signed_in(self, account: AccountInfo) -> None:
        """The desk now works as this account (at start, after unlocking or switching)."""
        accounts.act_as(self.window.desk, account)  # type: ignore[attr-defined]
        self.account = account
        self.lock.set_account(account)
        self.apply_role()
        self.window.statusBar().showMessage(
            self.tr("Signed in: %1 (%2)")
            .replace("%1", account.display_name)
            .replace("%2", account.role_name),
            8000,
        )

    def apply_role(self) -> None:
        """Show the administrator's actions to an administrator only."""
        admin = self.window.desk.is_admin  # type: ignore[attr-defined]
        for action in self.window.findChildren(QAction):
            if action.property(ADMIN_ONLY):
                action.setVisible(admin)
                action.setEnabled(admin)
        self.password_action.setEnabled(self.account is not None)
        can_lock = self.account is not None or accounts.has_accounts(self.window.desk)  # type: ignore[attr-defined]
        self.lock_action.setEnabled(can_lock)
        self.sign_out_action.setEnabled(can_lock)

    # -- actions -------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()
        return dialog

    def manage(self) -> QDialog | None:
        if not self.window.desk.is_admin:  # type: ignore[attr-defined]
            return None
        me = self.account.username if self.account else None
        dialog = AccountsDialog(self.window.desk, me, self.window)  # type: ignore[attr-defined]

        def closed(_result: int) -> None:
            # The signed-in account may have been changed (its role, say): reread it.
            if self.account is not None:
                fresh = accounts.get_account(self.window.desk, self.account.username)  # type: ignore[attr-defined]
                if fresh is not None:
                    self.signed_in(fresh)
            self.apply_role()

        dialog.finished.connect(closed)
        return self._open(dialog)

    def idle_settings(self) -> QDialog | None:
        if not self.window.desk.is_admin:  # type: ignore[attr-defined]
            return None
        return self._open(IdleLockDialog(self.window.desk, self.lock.set_idle_minutes, self.window))  # type: ignore[attr-defined]

    def change_password(self) -> QDialog | None:
        if self.account is None:
            return None
        dialog = ChangePasswordDialog(self.window.desk, self.account, self.window)  # type: ignore[attr-defined]

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                self.window.statusBar().showMessage(self.tr("Your password was changed."), 6000)

        dialog.finished.connect(finished)
        return self._open(dialog)

    def lock_now(self) -> None:
        if self.lock_action.isEnabled():
            self.lock.lock()

    def sign_out(self) -> None:
        if self.sign_out_action.isEnabled():
            self.lock.sign_out()
            self.apply_role()


def install_account_actions(window: QMainWindow) -> AccountActions:
    actions = AccountActions(window)
    window.accounts = actions  # type: ignore[attr-defined]
    return actions


__all__ = ["ADMIN_ONLY", "AccountActions", "install_account_actions"]
