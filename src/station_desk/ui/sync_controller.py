"""Background sync for the desk: runs sync_once off the UI thread every few seconds while
connected and soon after a change, backs off while the server cannot be reached, and tells
the status bar what it knows (已同步 / 待上传 N 条 / 离线 / 未连接)."""

from __future__ import annotations

import logging
import threading
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from station_desk.services.context import Desk
from station_desk.store.db import sqlite_connection
from station_desk.sync.client import SyncCancelled, SyncError
from station_desk.sync.engine import (
    LAST_SUCCESS_KEY,
    OFFLINE_SINCE_KEY,
    SERVER_KEY,
    TOKEN_KEY,
    SyncSummary,
    sync_health,
    sync_once,
)
from station_desk.sync.health import Stuck, SyncHealth, stuck_state
from station_desk.sync.protocol import PULL_PAGE_SIZE
from station_desk.sync.schedule import (
    AFTER_CHANGE_S,
    INTERVAL_S,
    MAX_BACKOFF_S,
    next_delay,
    retries_after,
)
from station_desk.ui.background import TaskManager

log = logging.getLogger(__name__)
STATUS_QUERY = (
    "SELECT (SELECT count(*) FROM setting WHERE key IN (?, ?) AND value != '') = 2, "
    "(SELECT count(*) FROM outbox WHERE pushed_at IS NULL), "
    "(SELECT value FROM setting WHERE key = ?), (SELECT value FROM setting WHERE key = ?)"
)
# The arithmetic lives in sync/schedule.py (pure, testable with a fake clock).
# Pull pages of at most 500 rows in the desk: parsing a page holds the GIL for all of it
# (500 rows ≈ 5 ms, 2,000 rows ≈ 40 ms), and the UI thread waits for the GIL meanwhile.
DESK_MAX_PAGE = PULL_PAGE_SIZE
CONNECTED_QUERY = "SELECT count(*) = 2 FROM setting WHERE key IN (?, ?) AND value != ''"
INTERVAL_MS = int(INTERVAL_S * 1000)
AFTER_CHANGE_MS = int(AFTER_CHANGE_S * 1000)
# Capped at a minute: when the line comes back, waiting changes go out within that minute.
MAX_BACKOFF_MS = int(MAX_BACKOFF_S * 1000)


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
    arrived so the lists can refresh; `health_changed` carries a Stuck (sync is stuck: why
    and what to do) or None, after each attempt and at start."""

    changed = Signal(str)
    pulled = Signal()
    health_changed = Signal(object)

    def __init__(self, desk: Desk, tasks: TaskManager, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self.running = False
        self.last_error: SyncError | None = None
        self.progress_text = ""
        self.failures = 0  # attempts in a row that failed
        self.stuck: Stuck | None = None
        self.health: SyncHealth | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.sync_now)
        self.stopping = threading.Event()  # set when the window closes: a running cycle ends

    def stop(self) -> None:
        """The desk is closing: no new cycle, and a running one ends at its next step."""
        self.stopping.set()
        self.timer.stop()

    def start(self) -> None:
        self.refresh_text()
        self.check_health()
        if self.is_connected():
            self.timer.start(1_000)

    def local_change(self) -> None:
        """A record was saved here: send it soon (unless the server is known to be away)."""
        self.refresh_text()
        if self.is_connected() and self.last_error is None:
            self.timer.start(
                min(self.timer.remainingTime(), AFTER_CHANGE_MS)
                if self.timer.isActive()
                else AFTER_CHANGE_MS
            )

    def sync_now(self) -> None:
        if self.running or self.stopping.is_set() or not self.is_connected():
            return
        self.running = True
        self.progress_text = QCoreApplication.translate("SyncController", "Syncing…")
        self.refresh_text()

        def progress(phase: str, count: int) -> None:
            if phase == "snapshot":  # a new station downloads the district's data (bytes)
                text = QCoreApplication.translate(
                    "SyncController", "Syncing: downloading the district's data, %1 MB"
                )
                shown = f"{count / 1_000_000:.1f}"
            else:
                text = (
                    QCoreApplication.translate("SyncController", "Syncing: %1 sent")
                    if phase == "push"
                    else QCoreApplication.translate("SyncController", "Syncing: %1 received")
                )
                shown = str(count)
            self.tasks.on_main(lambda: self._progress(text.replace("%1", shown)))

        self.tasks.run(
            lambda: sync_once(
                self.desk, progress=progress, max_page=DESK_MAX_PAGE, stop=self.stopping
            ),
            self._done,
            self._failed,
        )

    def _progress(self, text: str) -> None:
        self.progress_text = text
        self.refresh_text()

    def _done(self, summary: SyncSummary) -> None:
        self.running = False
        self.last_error = None
        self.progress_text = ""
        self.failures = 0
        self.refresh_text()
        self.check_health()
        if summary.pulled:
            self.pulled.emit()
        self.timer.start(AFTER_CHANGE_MS if summary.pending else INTERVAL_MS)

    def _failed(self, error: Exception) -> None:
        self.running = False
        self.progress_text = ""
        if isinstance(error, SyncCancelled):
            return
        if not isinstance(error, SyncError):
            log.error("sync failed: %s", error)
            error = SyncError(
                "local",
                QCoreApplication.translate("SyncController", "Sync failed: %1").replace(
                    "%1", str(error)
                ),
            )
        self.last_error = error
        self.refresh_text()
        self.check_health()
        # Back off while the server is away (capped), so an offline desk does not keep trying.
        self.failures += 1
        if retries_after(error.kind):
            self.timer.start(int(next_delay(self.failures) * 1000))

    def is_connected(self) -> bool:
        """Server and token stored. Plain SQL on purpose: this runs on the UI thread, and the
        ORM's first query of a kind costs ~140 ms (it was the stall at the start of a sync)."""
        with self.desk.db.read() as session:
            row = (
                sqlite_connection(session)
                .execute(CONNECTED_QUERY, (SERVER_KEY, TOKEN_KEY))
                .fetchone()
            )
        return bool(row[0])

    def check_health(self) -> None:
        """Read off the UI thread whether sync is stuck; emits health_changed."""
        self.tasks.run(lambda: sync_health(self.desk), self._health_read)

    def _health_read(self, health: SyncHealth) -> None:
        was_stuck = self.stuck is not None
        self.health = health
        self.stuck = stuck_state(health, self.desk.now())
        if was_stuck != (self.stuck is not None):
            self.refresh_text()
        self.health_changed.emit(self.stuck)

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
        if self.stuck is not None:
            text = QCoreApplication.translate("SyncController", "Sync stuck (see above)")
        elif self.last_error is not None or offline_since:
            text = QCoreApplication.translate("SyncController", "Offline since %1").replace(
                "%1", _clock(offline_since)
            )
        elif pending:
            text = QCoreApplication.translate(
                "SyncController", "%1 changes waiting to be sent"
            ).replace("%1", str(pending))
        else:
            text = QCoreApplication.translate("SyncController", "Synced")
        if pending and (self.last_error is not None or offline_since or self.stuck):
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
