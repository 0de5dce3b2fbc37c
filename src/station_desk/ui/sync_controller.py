"""Background sync for the desk: runs sync_once off the UI thread every few seconds while
connected and soon after a change, backs off while the server cannot be reached, and tells
the status bar what it knows (已同步 / 待上传 N 条 / 离线 / 未连接)."""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from station_desk.services.context import Desk
from station_desk.store.db import sqlite_connection
from station_desk.sync.client import SyncError
from station_desk.sync.engine import (
    LAST_SUCCESS_KEY,
    OFFLINE_SINCE_KEY,
    SERVER_KEY,
    TOKEN_KEY,
    SyncSummary,
    connection,
    sync_once,
)
from station_desk.ui.background import TaskManager

log = logging.getLogger(__name__)
STATUS_QUERY = (
    "SELECT (SELECT count(*) FROM setting WHERE key IN (?, ?) AND value != '') = 2, "
    "(SELECT count(*) FROM outbox WHERE pushed_at IS NULL), "
    "(SELECT value FROM setting WHERE key = ?), (SELECT value FROM setting WHERE key = ?)"
)
INTERVAL_MS = 15_000
AFTER_CHANGE_MS = 2_000
# Capped at a minute: when the line comes back, waiting changes go out within that minute.
MAX_BACKOFF_MS = 60_000


def _clock(iso: str) -> str:
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return ""
    if moment.date() == datetime.now().date():
        return moment.strftime("%H:%M")
    return moment.strftime("%m-%d %H:%M")


class SyncController(QObject):
    """One per main window. `changed` carries the status text; `pulled` fires when records
    arrived so the lists can refresh."""

    changed = Signal(str)
    pulled = Signal()

    def __init__(self, desk: Desk, tasks: TaskManager, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self.running = False
        self.last_error: SyncError | None = None
        self.progress_text = ""
        self._delay = INTERVAL_MS
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.sync_now)

    def start(self) -> None:
        self.refresh_text()
        if connection(self.desk) is not None:
            self.timer.start(1_000)

    def local_change(self) -> None:
        """A record was saved here: send it soon (unless the server is known to be away)."""
        self.refresh_text()
        if connection(self.desk) is not None and self.last_error is None:
            self.timer.start(
                min(self.timer.remainingTime(), AFTER_CHANGE_MS)
                if self.timer.isActive()
                else AFTER_CHANGE_MS
            )

    def sync_now(self) -> None:
        if self.running or connection(self.desk) is None:
            return
        self.running = True
        self.progress_text = QCoreApplication.translate("SyncController", "Syncing…")
        self.refresh_text()

        def progress(phase: str, rows: int) -> None:
            text = (
                QCoreApplication.translate("SyncController", "Syncing: %1 sent")
                if phase == "push"
                else QCoreApplication.translate("SyncController", "Syncing: %1 received")
            )
            self.tasks.on_main(lambda: self._progress(text.replace("%1", str(rows))))

        self.tasks.run(lambda: sync_once(self.desk, progress=progress), self._done, self._failed)

    def _progress(self, text: str) -> None:
        self.progress_text = text
        self.refresh_text()

    def _done(self, summary: SyncSummary) -> None:
        self.running = False
        self.last_error = None
        self.progress_text = ""
        self._delay = INTERVAL_MS
        self.refresh_text()
        if summary.pulled:
            self.pulled.emit()
        self.timer.start(AFTER_CHANGE_MS if summary.pending else INTERVAL_MS)

    def _failed(self, error: Exception) -> None:
        self.running = False
        self.progress_text = ""
        if not isinstance(error, SyncError):
            log.error("sync failed: %s", error)
            error = SyncError(
                "server",
                QCoreApplication.translate("SyncController", "Sync failed: %1").replace(
                    "%1", str(error)
                ),
            )
        self.last_error = error
        self.refresh_text()
        # Back off while the server is away (capped), so an offline desk does not keep trying.
        self._delay = min(self._delay * 2, MAX_BACKOFF_MS)
        if error.kind != "auth":
            self.timer.start(self._delay)

    def status_text(self) -> str:
        # One short read: this runs on the UI thread, also while a sync is writing.
        with self.desk.db.read() as session:
            row = (
                sqlite_connection(session)
                .execute(STATUS_QUERY, (SERVER_KEY, TOKEN_KEY, LAST_SUCCESS_KEY, OFFLINE_SINCE_KEY))
                .fetchone()
            )
        connected, pending, last_ok, offline_since = bool(row[0]), row[1], row[2], row[3]
        if not connected:
            return QCoreApplication.translate(
                "SyncController", "Working offline (not connected to the district)"
            )
        if self.progress_text:
            return self.progress_text
        if self.last_error is not None and self.last_error.kind == "auth":
            return QCoreApplication.translate("SyncController", "Sync refused: %1").replace(
                "%1", self.last_error.message
            )
        if self.last_error is not None or offline_since:
            text = QCoreApplication.translate("SyncController", "Offline since %1").replace(
                "%1", _clock(offline_since)
            )
        elif pending:
            text = QCoreApplication.translate(
                "SyncController", "%1 changes waiting to be sent"
            ).replace("%1", str(pending))
        else:
            text = QCoreApplication.translate("SyncController", "Synced")
        if pending and (self.last_error is not None or offline_since):
            text += " · " + QCoreApplication.translate(
                "SyncController", "%1 changes waiting to be sent"
            ).replace("%1", str(pending))
        if last_ok:
            text += " · " + QCoreApplication.translate("SyncController", "last sync %1").replace(
                "%1", _clock(last_ok)
            )
        return text

    def refresh_text(self) -> None:
        self.changed.emit(self.status_text())
