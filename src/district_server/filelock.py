"""An exclusive lock on a file, held across processes (one snapshot builder, one applier)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path

RETRY_SECONDS = 0.2


@contextlib.contextmanager
def exclusive(path: Path, give_up: threading.Event | None = None) -> Iterator[bool]:
    """Hold an exclusive lock on `path` (created if missing) for the block; waits for any
    other holder, or until `give_up` is set (then the block runs with False: not held).
    Where there is no fcntl (Windows) the caller's own rule keeps it single."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        try:
            import fcntl
        except ImportError:
            yield True
            return
        if give_up is None:
            fcntl.flock(handle, fcntl.LOCK_EX)
        else:
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if give_up.wait(RETRY_SECONDS):
                        yield False
                        return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
