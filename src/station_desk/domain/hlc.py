"""Hybrid logical clock: orders changes across stations whose wall clocks disagree.

A stamp is (wall milliseconds, counter, station id). Its text form sorts the same way as
the tuple, so stamps can be compared as strings in SQL.
"""

from __future__ import annotations

from dataclasses import dataclass

_MS_DIGITS = 13
_COUNTER_DIGITS = 5


@dataclass(frozen=True, order=True)
class Hlc:
    wall_ms: int
    counter: int
    station: str

    def encode(self) -> str:
        return f"{self.wall_ms:0{_MS_DIGITS}d}-{self.counter:0{_COUNTER_DIGITS}d}-{self.station}"

    @classmethod
    def decode(cls, text: str) -> Hlc:
        wall, counter, station = text.split("-", 2)
        return cls(int(wall), int(counter), station)


MAX_COUNTER = 10**_COUNTER_DIGITS - 1


def _next(wall_ms: int, counter: int, station: str) -> Hlc:
    # A full counter moves the clock on by a millisecond, so the text form keeps sorting.
    if counter > MAX_COUNTER:
        return Hlc(wall_ms + 1, 0, station)
    return Hlc(wall_ms, counter, station)


def tick(last: Hlc | None, now_ms: int, station: str) -> Hlc:
    """The stamp of a new local event."""
    if last is None or now_ms > last.wall_ms:
        return Hlc(now_ms, 0, station)
    return _next(last.wall_ms, last.counter + 1, station)


def receive(last: Hlc | None, remote: Hlc, now_ms: int, station: str) -> Hlc:
    """Advance the local clock past a stamp seen from elsewhere (e.g. the server)."""
    wall = max(now_ms, remote.wall_ms, last.wall_ms if last else 0)
    if last is not None and wall == last.wall_ms == remote.wall_ms:
        counter = max(last.counter, remote.counter) + 1
    elif last is not None and wall == last.wall_ms:
        counter = last.counter + 1
    elif wall == remote.wall_ms:
        counter = remote.counter + 1
    else:
        counter = 0
    return _next(wall, counter, station)
