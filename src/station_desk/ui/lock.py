"""The desk's lock: Ctrl+L at once, or after some idle minutes (default 10, set by the
administrator). Locked, the main window is covered by the lock screen, the menus are off, every
other desk window (forms, lists) is hidden and no shortcut or click reaches them; only the lobby
board keeps showing. The signed-in person unlocks with their password; 切换用户 lets another
account sign in instead (then the previous person's open windows are closed, not shown to them).

Idle time is measured by an application-wide event filter that restarts a timer on every key
press, click, wheel turn and mouse move.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from station_desk.domain.accounts import STAFF
from station_desk.services.accounts import AccountInfo
from station_desk.services.station import station_name
from station_desk.ui.login import SignInPanel

ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.HoverMove,
        QEvent.Type.TouchBegin,
    }
)
LOCK_KEY = QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_L)
# Input that must not reach anything but the lock screen (and the board) while locked.
BLOCKED_WHEN_LOCKED = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.ShortcutOverride,
        QEvent.Type.Shortcut,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
        QEvent.Type.ContextMenu,
    }
)


def _is_board(widget: QWidget) -> bool:
    from station_desk.ui.board.window import BoardWindow

    return isinstance(widget.window(), BoardWindow)


class LockScreen(QWidget):
    """What covers the main window while the desk is locked: no records, only who is
    signed in, the password box and 切换用户."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("lockScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("QWidget#lockScreen { background: #e9edf3; }")
        desk = window.desk  # type: ignore[attr-defined]
        self.title = QLabel(self.tr("The desk is locked"))
        self.title.setObjectName("lockTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setStyleSheet("font-size: 20pt; font-weight: bold; color: #12357a;")
        self.station = QLabel(station_name(desk))
        self.station.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.station.setProperty("role", "hint")
        self.panel = SignInPanel(desk, self.tr("Unlock"), self)
        self.switch = QPushButton(self.tr("&Switch user"))
        self.switch.setObjectName("switchUser")
        self.switch.setAutoDefault(False)
        self.switch.clicked.connect(lambda: self.ask_for(None))
        card = QFrame()
        card.setObjectName("lockCard")
        card.setStyleSheet(
            "QFrame#lockCard { background: #ffffff; border: 1px solid #d3d8df; border-radius: 8px; }"
        )
        card.setFixedWidth(460)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 22, 28, 20)
        inner.setSpacing(12)
        inner.addWidget(self.title)
        inner.addWidget(self.station)
        inner.addSpacing(6)
        inner.addWidget(self.panel)
        self.panel.button_row.insertWidget(0, self.switch)
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(card)
        middle.addStretch(1)
        outer.addLayout(middle)
        outer.addStretch(3)
        self.hide()

    def ask_for(self, account: AccountInfo | None) -> None:
        self.switch.setVisible(account is not None)
        self.panel.ask_for(account)


class DeskLock(QObject):
    """Locks and unlocks a main window. `account` is who is signed in (None: nobody, e.g. a
    window built directly in a test or before any account exists; then there is no idle lock).
    Emits unlocked(account) with whoever unlocked it, perhaps another account."""

    unlocked = Signal(object)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.account: AccountInfo | None = None
        self.locked = False
        self.hidden: list[QWidget] = []
        self.screen = LockScreen(window)
        self.screen.panel.signed_in.connect(self._signed_in)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self.lock)
        self.idle_ms = 0
        self.shortcut: Callable[[], None] = self.lock  # what Ctrl+L in a dialog does
        window.installEventFilter(self)
        app = QApplication.instance()
        if app is not None:  # removed by Qt when this object goes with its window
            app.installEventFilter(self)

    # -- settings ----------------------------------------------------------------------

    def set_idle_minutes(self, minutes: int) -> None:
        self.set_idle_ms(minutes * 60_000)

    def set_idle_ms(self, milliseconds: int) -> None:
        self.idle_ms = milliseconds
        self._restart_idle()

    def set_account(self, account: AccountInfo | None) -> None:
        self.account = account
        self._restart_idle()

    def _restart_idle(self) -> None:
        if self.account is not None and self.idle_ms > 0 and not self.locked:
            self.idle.start(self.idle_ms)
        else:
            self.idle.stop()

    # -- locking -----------------------------------------------------------------------

    def lock(self, switch_user: bool = False) -> None:
        """Cover the window now. switch_user: ask for any account (signing out)."""
        if not self.locked:
            self.locked = True
            self.idle.stop()
            self._hide_windows()
            self.window.menuBar().setEnabled(False)
            self.screen.setGeometry(self.window.rect())
            self.screen.show()
            self.screen.raise_()
        self.screen.ask_for(None if switch_user or self.account is None else self.account)
        self.window.activateWindow()

    def sign_out(self) -> None:
        """Lock and forget who was signed in: only a sign-in opens the desk again."""
        self.lock(switch_user=True)
        self.window.desk.role = STAFF  # type: ignore[attr-defined]  # nobody: no admin rights

    def _hide_windows(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if widget is self.window or not widget.isVisible() or not self._ours(widget):
                continue
            widget.hide()
            self.hidden.append(widget)

    def _signed_in(self, account: AccountInfo) -> None:
        same = self.account is not None and account.username == self.account.username
        self.account = account
        self.locked = False
        self.screen.hide()
        self.window.menuBar().setEnabled(True)
        hidden = [widget for widget in self.hidden if isValid(widget)]
        self.hidden = []
        for widget in hidden:
            if same:
                widget.show()
            else:  # another person: the previous one's windows are not theirs to see
                widget.close()
        if same and hidden:
            hidden[-1].activateWindow()
        else:
            self.window.activateWindow()
        self._restart_idle()
        self.unlocked.emit(account)

    # -- events ------------------------------------------------------------------------

    def _ours(self, target: QObject) -> bool:
        """Part of this desk window: the window, its menus, actions and dialogs, or a window
        with no parent (a message box). Not the board, not another main window."""
        current: QObject | None = target
        while current is not None:
            if current is self.window:
                return True
            if isinstance(current, QWidget) and current.isWindow() and not current.parentWidget():
                return not isinstance(current, QMainWindow) and not _is_board(current)
            current = current.parent()
        return False

    def _allowed(self, target: QObject) -> bool:
        """While locked: may this object get input? Only the lock screen, and what is not
        this desk window's (the board, say)."""
        if not self._ours(target):
            return True
        if not isinstance(target, QWidget):
            return False  # this window's QAction shortcuts, menu mnemonics
        if target is self.screen or self.screen.isAncestorOf(target):
            return True
        parent = target.parentWidget()
        # e.g. a password box's context menu
        return target.isWindow() and parent is not None and self.screen.isAncestorOf(parent)

    def _lock_key_in_dialog(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+L pressed in one of this desk's dialogs (the main window has the action)."""
        if not isinstance(watched, QWidget) or not isinstance(event, QKeyEvent):
            return False
        if event.keyCombination() != LOCK_KEY:
            return False
        top = watched.window()
        if top is self.window:
            return False
        while top is not None and top is not self.window:
            top = top.parentWidget()
        return top is self.window

    def _foreign_window(self, watched: QObject) -> bool:
        return (
            isinstance(watched, QWidget)
            and watched.isWindow()
            and watched is not self.window
            and not self._allowed(watched)
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isValid(self.window):
            return False  # the window is being destroyed; this filter goes with it
        kind = event.type()
        if watched is self.window and kind == QEvent.Type.Resize and self.locked:
            self.screen.setGeometry(self.window.rect())
        if not self.locked:
            if kind in ACTIVITY and self.account is not None and self.idle_ms > 0:
                self.idle.start(self.idle_ms)
            if kind == QEvent.Type.KeyPress and self._lock_key_in_dialog(watched, event):
                self.shortcut()
                return True
            return False
        if not self.window.isVisible():
            return False  # the desk window was closed: nothing left to guard
        if kind in BLOCKED_WHEN_LOCKED and not self._allowed(watched):
            return True
        if kind == QEvent.Type.Show and self._foreign_window(watched):
            # Something opened while locked (a finished task's message): keep it for later.
            QTimer.singleShot(0, watched.hide)
            if watched not in self.hidden:
                self.hidden.append(watched)  # type: ignore[arg-type]
        return False


__all__ = ["DeskLock", "LockScreen"]
