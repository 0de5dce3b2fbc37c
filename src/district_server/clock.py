"""The server's hybrid logical clock (station id "server").

It advances past every stamp the server accepts, and every reply carries it, so a desk whose
PC clock is days behind catches up and one that is ahead does not fall back. At start it is
set past the highest stamp already in change_log, so a restart never moves it back.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable

from station_desk.domain.hlc import Hlc, receive, tick

from .models import SERVER_STATION_ID


def now_ms() -> int:
    return time.time_ns() // 1_000_000


class ServerClock:
    def __init__(self, last: Hlc | None = None) -> None:
        self._last = last
        self._lock = threading.Lock()

    def tick(self) -> Hlc:
        """A fresh stamp for an event of the server's own (a reply, a merge)."""
        with self._lock:
            self._last = tick(self._last, now_ms(), SERVER_STATION_ID)
            return self._last

    def observe(self, stamps: Iterable[Hlc]) -> None:
        """Move past stamps seen from stations."""
        with self._lock:
            for stamp in stamps:
                if self._last is None or stamp.wall_ms >= self._last.wall_ms:
                    self._last = receive(self._last, stamp, now_ms(), SERVER_STATION_ID)

    def observe_text(self, stamp: str | None) -> None:
        if stamp:
            self.observe([Hlc.decode(stamp)])
