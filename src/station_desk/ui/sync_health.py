"""The banner above the lists that says sync is stuck: why, since when, and what to do, with
a button to try again now (or to connect again when the token was refused). It follows
SyncController.health_changed and hides itself on the next successful sync."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from station_desk.sync.health import Stuck

STYLE = """
QFrame#syncHealthBanner { background: #fff4e0; border: 1px solid #e8b04a; border-radius: 6px; }
QFrame#syncHealthBanner[kind="auth"] { background: #fdecea; border: 1px solid #e57373; }
QFrame#syncHealthBanner QLabel { background: transparent; border: none; }
QLabel#syncHealthTitle { font-weight: bold; color: #8a4b00; }
QFrame#syncHealthBanner[kind="auth"] QLabel#syncHealthTitle { color: #b71c1c; }
"""


class SyncHealthBanner(QWidget):
    """Hidden while sync is fine; shows a Stuck in a coloured box."""

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_ = window
        self.stuck: Stuck | None = None
        self.box = QFrame()
        self.box.setObjectName("syncHealthBanner")
        self.box.setStyleSheet(STYLE)
        self.title = QLabel(self.tr("Sync is stuck"))
        self.title.setObjectName("syncHealthTitle")
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("Retry now"))
        self.retry_button.setAutoDefault(False)
        self.retry_button.clicked.connect(self.retry)
        self.connect_button = QPushButton(self.tr("Connect again…"))
        self.connect_button.setAutoDefault(False)
        self.connect_button.clicked.connect(self.reconnect)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addWidget(self.detail)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 2)
        outer.addWidget(self.box)
        layout = QHBoxLayout(self.box)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(10)
        layout.addLayout(text, 1)
        layout.addWidget(self.connect_button)
        layout.addWidget(self.retry_button)
        self.hide()

    def show_state(self, stuck: Stuck | None) -> None:
        self.stuck = stuck
        self.retry_button.setEnabled(True)
        if stuck is None:
            self.hide()
            return
        self.box.setProperty("kind", stuck.kind)
        for widget in (self.box, self.title):
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        health = self.window_.sync.health
        pending = health.pending if health is not None else 0
        title = self.tr("Sync is stuck")
        if pending:
            title += " · " + self.tr("%1 changes waiting to be sent").replace("%1", str(pending))
        self.title.setText(title)
        self.detail.setText(stuck.detail())
        self.connect_button.setVisible(stuck.kind == "auth")
        self.show()

    def retry(self) -> None:
        self.retry_button.setEnabled(False)  # until the attempt's result comes back
        self.window_.sync_now()
        if not self.window_.sync.running:
            self.retry_button.setEnabled(True)

    def reconnect(self) -> None:
        self.window_.connect_server()


def install_sync_health(window: Any) -> SyncHealthBanner:
    """Put the banner above the window's central widget and follow the sync controller."""
    banner = SyncHealthBanner(window)
    central = window.takeCentralWidget()
    container = QWidget()
    layout = QVBoxLayout(container)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(6)
    layout.addWidget(banner)
    if central is not None:
        layout.addWidget(central, 1)
    window.setCentralWidget(container)
    window.sync_health_banner = banner
    window.sync.health_changed.connect(banner.show_state)
    window.sync.check_health()
    return banner
