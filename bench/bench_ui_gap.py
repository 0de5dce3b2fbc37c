"""UI responsiveness during a first sync: the longest gap of a 10 ms heartbeat timer in a
running desk window while it pulls everything from a real district server in the background.
Prints one JSON object a line, like the other benches:

    {"bench": "ui_max_gap_ms", "value": 31.0, "baseline": 11.0, "ratio": 2.8, ...}

- value: the longest heartbeat gap during the first sync (window shown, sync started by the
  controller exactly as F5 does); baseline: the same window idle for 2 s; goal <= 50 ms.
- Also "gaps_over_50ms" (how many) and "first_gap_ms" (the longest gap in the first second
  of the sync, where the old 95-121 ms stall was).
- With --trace, each gap over 30 ms is printed to stderr with what the UI thread was doing
  then: a sampler thread records the UI thread's Python stack every 2 ms
  (sys._current_frames(); a poor man's py-spy), and the samples that fall inside the gap are
  summarised by their innermost frames of our code and of the library.
- --before runs the desk as before the fix (the ORM query on the UI thread when the sync
  starts, pull pages growing to 2,000 rows) to compare; --max-page and --switch-ms try
  other page caps and GIL switch intervals.

Run: ``./dev bench ui_gap [--workers 20000 --postings 4000 --trace --before]``.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import json
import os
import sys
import tempfile
import threading
import time
import traceback
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TRACE_MS = 30.0


def emit(**values: object) -> None:
    print(json.dumps(values, ensure_ascii=False), flush=True)


def note(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


class Sampler(threading.Thread):
    """Records (monotonic ms, "ui" or "worker", Python stack) of every thread every
    `every_ms`. It needs the GIL to take a sample, so a gap with few samples means some
    thread held the GIL in C code; the samples just before it show which."""

    def __init__(self, ui_thread: int, every_ms: float = 2.0) -> None:
        super().__init__(daemon=True)
        self.ui_thread, self.every = ui_thread, every_ms / 1000
        self.samples: list[tuple[float, str, list[str]]] = []
        self.stopped = threading.Event()

    def run(self) -> None:
        me = threading.get_ident()
        while not self.stopped.is_set():
            now = time.monotonic() * 1000
            for ident, frame in sys._current_frames().items():
                if ident == me:
                    continue
                stack = [
                    f"{Path(f.filename).name}:{f.lineno} {f.name}"
                    for f in traceback.extract_stack(frame)
                ]
                if not any("bench_ui_gap" in s or "background.py" in s for s in stack):
                    continue  # threads of Qt's pool that wait for work, the server's, …
                who = "ui" if ident == self.ui_thread else "worker"
                self.samples.append((now, who, stack))
            time.sleep(self.every)

    def during(self, start_ms: float, end_ms: float) -> list[tuple[float, str, list[str]]]:
        return [s for s in self.samples if start_ms <= s[0] <= end_ms]


def _summary(samples: list[tuple[float, str, list[str]]]) -> list[tuple[str, int]]:
    """The most common innermost frames among the samples, per thread."""
    counts = collections.Counter(
        f"{who}: " + " <- ".join(reversed(s[-4:])) for _, who, s in samples
    )
    return counts.most_common(6)


def measure(app, window, seconds: float, run_sync: bool, sampler: Sampler | None):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer

    beats: list[float] = []

    def beat() -> None:
        beats.append(time.monotonic() * 1000)

    timer = QTimer()
    timer.timeout.connect(beat)
    timer.start(10)
    started = time.monotonic() * 1000
    beats.append(started)
    if run_sync:
        window.sync.sync_now()
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline and (not run_sync or window.sync.running):
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    gaps = [(b - a, a, b) for a, b in itertools.pairwise(beats)]
    if sampler is not None:
        for gap, a, b in gaps:
            if gap > TRACE_MS:
                note(f"gap {gap:.0f} ms at +{a - started:.0f} ms:")
                for frames, count in _summary(sampler.during(a - 3, b)):
                    note(f"    {count:3d} × {frames}")
    return gaps, started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=20_000)
    parser.add_argument("--postings", type=int, default=4_000)
    parser.add_argument("--trace", action="store_true")
    parser.add_argument(
        "--before", action="store_true", help="as before the fix: ORM query, 2,000-row pages"
    )
    parser.add_argument("--max-page", type=int, default=0, help="override the desk's page cap")
    parser.add_argument("--switch-ms", type=float, default=0.0, help="sys.setswitchinterval")
    args = parser.parse_args()
    if args.switch_ms:
        sys.setswitchinterval(args.switch_ms / 1000)

    from district_server.db import Database as DistrictDatabase
    from district_server.stations import add_station
    from server_process import run_server
    from station_desk.services.context import Desk
    from station_desk.services.demo import fill_demo
    from station_desk.store.db import Database

    with tempfile.TemporaryDirectory(prefix="bench-ui-gap-") as tmp:
        folder = Path(tmp)
        db_url = f"sqlite:///{folder / 'district.db'}"
        schema = DistrictDatabase(db_url)
        schema.create_schema()
        schema.dispose()
        with run_server(db_url, folder / "server") as base_url:

            def station(name: str) -> Desk:
                database = DistrictDatabase(db_url)
                issued = add_station(database, f"{name}-{uuid.uuid4().hex[:6]}")
                database.dispose()
                desk = Desk(Database(folder / name / "station.db"))
                # connect() imports the HTTP client; the window below must start without it,
                # as the desk does after the first-run wizard, so store the settings directly.
                from station_desk.store.settings import STATION_ID_KEY, put_setting
                from station_desk.sync.health import SERVER_KEY, TOKEN_KEY

                with desk.db.write() as session:
                    put_setting(session, SERVER_KEY, base_url)
                    put_setting(session, TOKEN_KEY, issued.token)
                    put_setting(session, STATION_ID_KEY, issued.station_id)
                desk._station_id = None
                return desk

            source = station("source")
            note(f"filling the source station: {args.workers} workers, {args.postings} postings…")
            fill_demo(source, workers=args.workers, postings=args.postings, seed=1)
            _push_in_subprocess(source.db.path.parent)

            from station_desk.ui.app import make_app
            from station_desk.ui.main_window import MainWindow

            app = make_app(offscreen=True)
            window = MainWindow(station("window"))
            from station_desk.sync.protocol import MAX_PULL_PAGE
            from station_desk.ui import sync_controller

            if args.before:
                from station_desk.sync.engine import connection

                window.sync.is_connected = lambda: connection(window.sync.desk) is not None
                sync_controller.DESK_MAX_PAGE = MAX_PULL_PAGE
            if args.max_page:
                sync_controller.DESK_MAX_PAGE = args.max_page
            window.sync.timer.stop()
            window.show()
            window.tasks.wait()
            if args.trace:
                _time_ui_calls(window)
            sampler = Sampler(threading.get_ident()) if args.trace else None
            if sampler is not None:
                sampler.start()
            idle, _ = measure(app, window, 2.0, run_sync=False, sampler=None)
            busy, started = measure(app, window, 600.0, run_sync=True, sampler=sampler)
            if sampler is not None:
                sampler.stopped.set()
            worst = max(g for g, _, _ in busy)
            baseline = max(g for g, _, _ in idle)
            first = max((g for g, a, _ in busy if a - started < 1000), default=0.0)
            emit(
                bench="ui_max_gap_ms",
                value=round(worst, 1),
                baseline=round(baseline, 1),
                ratio=round(worst / max(baseline, 1.0), 2),
                first_gap_ms=round(first, 1),
                gaps_over_50ms=sum(g > 50 for g, _, _ in busy),
                rows=args.workers + args.postings,
                before_fix=args.before,
                max_page=sync_controller.DESK_MAX_PAGE,
                switch_ms=round(sys.getswitchinterval() * 1000, 2),
                p99_gap_ms=round(sorted(g for g, _, _ in busy)[int(len(busy) * 0.99)], 1),
                goal="<=50 ms",
            )
            window.close()
    return 0


def _time_ui_calls(window) -> None:  # type: ignore[no-untyped-def]
    """--trace: report every call of these UI-thread entry points that takes over 10 ms."""
    targets = [
        (window.sync, "sync_now"),
        (window.sync, "refresh_text"),
        (window.sync, "_progress"),
        (window.sync, "_done"),
        (window.sync, "_health_read"),
        (window.tasks, "_run_closures"),
        (window, "refresh_after_sync"),
    ]
    for owner, name in targets:
        original = getattr(owner, name)

        def timed(*a, _original=original, _name=name, **k):  # type: ignore[no-untyped-def]
            began = time.perf_counter()
            try:
                return _original(*a, **k)
            finally:
                took = (time.perf_counter() - began) * 1000
                if took > 10:
                    note(f"  UI thread: {_name} took {took:.0f} ms")

        setattr(owner, name, timed)


def _push_in_subprocess(data_dir: Path) -> None:
    """Push the source station with `station-desk sync --once` in its own process, so this
    process has not imported the sync client yet when the window starts (as at a counter)."""
    import subprocess

    script = Path(sys.executable).with_name("station-desk")
    done = subprocess.run(
        [str(script), "--data-dir", str(data_dir), "sync", "--once"],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if done.returncode != 0:
        raise RuntimeError(f"push failed: {done.stderr}")


if __name__ == "__main__":
    sys.exit(main())
