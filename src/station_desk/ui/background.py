"""Run slow work off the UI thread and call back on it (after Anki's taskman).

    tasks.run(lambda: export_ledger(...), on_done=show_counts, on_error=show_error)

The callable runs in a QThreadPool thread; on_done/on_error run on the UI thread, queued
through a signal of an object that lives there. Worker code reports progress with
tasks.on_main(callback), which is safe to call from any thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Job(QRunnable):
    def __init__(self, manager: TaskManager, fn: Callable[[], Any], on_done, on_error) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._manager = manager
        self._fn = fn
        self._on_done = on_done
        self._on_error = on_error

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as error:  # reported to the UI thread, never lost
            log.exception("background task failed")
            if self._on_error is not None:
                self._manager.on_main(partial(self._on_error, error))
        else:
            if self._on_done is not None:
                self._manager.on_main(partial(self._on_done, result))
        finally:
            self._manager.on_main(self._manager._finished_one)


class TaskManager(QObject):
    """One per application; create it on the UI thread."""

    _pending = Signal()
    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._lock = threading.Lock()
        self._closures: list[Callable[[], None]] = []
        self._running = 0
        self._pending.connect(self._run_closures)

    @property
    def busy(self) -> bool:
        return self._running > 0

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        self._running += 1
        self._pool.start(_Job(self, fn, on_done, on_error))

    def on_main(self, closure: Callable[[], None]) -> None:
        """Run closure on the UI thread soon (callable from any thread)."""
        with self._lock:
            self._closures.append(closure)
        self._pending.emit()

    @Slot()
    def _run_closures(self) -> None:
        with self._lock:
            closures, self._closures = self._closures, []
        for closure in closures:
            closure()

    def _finished_one(self) -> None:
        self._running -= 1
        if self._running == 0:
            self.idle.emit()

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the pool is empty (for shutdown and tests), then run the callbacks."""
        done = self._pool.waitForDone(msecs)
        self._run_closures()
        return done
