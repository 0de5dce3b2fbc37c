"""When the desk tries to sync next: pure arithmetic, no Qt, no clock, no I/O.

The background sync (ui/sync_controller.py) asks `next_delay(failures)` after every attempt.
A test can therefore simulate hours of a failing server with a fake clock:

    t, failures = 0.0, 0
    while t < 30 * 60:          # 30 minutes of 5xx
        failures += 1
        t += next_delay(failures)
    # the server is back: the next attempt comes at most MAX_BACKOFF_S later

Schedule: every INTERVAL_S (15 s) while all is well; after n failures in a row the wait
doubles from there (30 s, 60 s, …) and is capped at MAX_BACKOFF_S (60 s), so changes made
while the line was down go out within a minute of it coming back, and an offline desk tries
at most once a minute (never a busy loop: the wait is never below `base`).
"""

from __future__ import annotations

INTERVAL_S = 15.0  # between syncs while connected and all is well
AFTER_CHANGE_S = 2.0  # a record was saved here: send it this soon
MAX_BACKOFF_S = 60.0  # the longest wait between two attempts while the server is away
_MAX_DOUBLINGS = 16  # 2**16 * base is far past any cap; keeps the float finite


def next_delay(failures: int, *, base: float = INTERVAL_S, cap: float = MAX_BACKOFF_S) -> float:
    """Seconds to wait before the next sync attempt.

    failures: how many attempts in a row have failed (0 = the last one succeeded).
    Returns `base` after a success, `base * 2**failures` after failures, never more than
    `cap` and never less than `min(base, cap)`. Negative `failures` count as 0.
    """
    if base <= 0 or cap <= 0:
        raise ValueError("base and cap must be positive")
    doublings = min(max(failures, 0), _MAX_DOUBLINGS)
    return min(base * (2**doublings), cap)


def retries_after(kind: str) -> bool:
    """Whether the desk retries by itself after an error of this kind. A refused token
    ("auth") will not fix itself: retrying only fills the server's log, so the desk waits
    for staff (F5) or a new provisioning file."""
    return kind != "auth"
