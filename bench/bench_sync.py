"""Sync benchmark: a real district server on 127.0.0.1 and station desks, each figure against
a baseline measured in the same run. Prints one JSON object a line:

    {"bench": "first_sync_seconds", "value": 14.2, "baseline": 5.1, "ratio": 2.8, ...}

- first_sync: an empty station gets everything (workers + employers + postings) the district
  holds, from the district snapshot (`district-server snapshot`, built once beforehand and
  reported as snapshot_build_seconds) and then the ordinary pull; baseline =
  sqlite3.executemany of the same rows into an empty database of the same schema (ratio =
  value / baseline; lower is better). Also rows_per_second. first_sync_paged_seconds is the
  same first sync page by page (no snapshot), for comparison.
- incremental_sync: 1,000 edited workers pulled by a station that is otherwise up to date;
  baseline = executemany UPDATE of the same 1,000 rows.
- push_p95_ms: N stations push a 500-change batch each at the same moment, as desks do (POST
  /batches, answered once the server has stored it); p95 of those round trips; baseline = one
  station pushing a 500-change batch alone. Also "lost": ops accepted but missing from the
  stream (must be 0). push_verdict_p95_ms: the same batches until each one's verdict (the
  server applies them one after another); push_direct_p95_ms: N other stations at once
  through POST /push (applied before the reply), for comparison.
- ui_max_gap_ms: the longest gap of a 10 ms heartbeat timer in a running desk window while
  it does its first sync in the background; baseline = the same window idle.

Each line also says whether its goal is met ("met") and, for the sync figures, the processor
seconds the desk ("desk_cpu_s") and the server process ("server_cpu_s") used: on a shared or
busy machine the wall-clock seconds grow with the load, the processor seconds much less.

Run: ``./dev bench sync [--workers 100000 --postings 20000 --stations 16]``.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from district_server.db import Database as DistrictDatabase
from district_server.stations import add_station
from server_process import run_server, server_command
from station_desk.services.context import Desk
from station_desk.services.demo import fill_demo
from station_desk.store import driver
from station_desk.store.db import Database, sqlite_connection
from station_desk.store.driver import sqlite3  # the desk's own SQLite build, for the baseline
from station_desk.store.models import Worker
from station_desk.sync.client import DistrictClient, SyncError, encode_batch, pack_batch
from station_desk.sync.commands import connect
from station_desk.sync.engine import connection, sync_once
from station_desk.sync.protocol import Change

KINDS = ("station", "employer", "worker", "posting")


def emit(**values: object) -> None:
    print(json.dumps(values, ensure_ascii=False), flush=True)


def note(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


class District:
    def __init__(self, base_url: str, db_url: str, folder: Path) -> None:
        self.base_url, self.db_url, self.folder = base_url, db_url, folder

    def build_snapshot(self) -> dict[str, object]:
        """Run `district-server snapshot` as IT (or serve) would; its JSON line."""
        command = [*server_command(), "snapshot", "--db", self.db_url]
        command += ["--data-dir", str(self.folder / "server")]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        return json.loads(done.stdout)  # type: ignore[no-any-return]

    def desk(self, name: str) -> Desk:
        return self.desk_at(self.folder / name / "station.db", name)

    def desk_at(self, path: Path, name: str) -> Desk:
        database = DistrictDatabase(self.db_url)
        issued = add_station(database, f"{name}-{uuid.uuid4().hex[:6]}")
        database.dispose()
        desk = Desk(Database(path))
        connect(desk, self.base_url, issued.token)
        return desk


def server_cpu_seconds() -> float:
    """Processor seconds used so far by this process's descendants (the district server and,
    with --server-workers, its worker processes)."""
    stats: dict[str, tuple[str, float]] = {}  # pid -> (parent pid, seconds)
    tick = os.sysconf("SC_CLK_TCK")
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        stats[entry] = (stat[1], (int(stat[11]) + int(stat[12])) / tick)
    mine, total, grew = {str(os.getpid())}, 0.0, True
    while grew:
        grew = False
        for pid, (parent, _seconds) in stats.items():
            if parent in mine and pid not in mine:
                mine.add(pid)
                grew = True
    for pid in mine - {str(os.getpid())}:
        total += stats[pid][1]
    return total


class CpuClock:
    """Processor seconds of this process (the desk) and of the server since start."""

    def __init__(self) -> None:
        self.desk, self.server = time.process_time(), server_cpu_seconds()

    def figures(self) -> dict[str, float]:
        return {
            "desk_cpu_s": round(time.process_time() - self.desk, 2),
            "server_cpu_s": round(server_cpu_seconds() - self.server, 2),
        }


def executemany_baseline(source: Path, target: Path) -> float:
    """Seconds to insert the same rows with plain executemany (schema made by the desk)."""
    Database(target).close()
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    tables = {k: src.execute(f"SELECT * FROM {k}").fetchall() for k in KINDS}
    columns = {k: [d[1] for d in src.execute(f"PRAGMA table_info({k})")] for k in KINDS}
    started = time.perf_counter()
    dst.execute("BEGIN")
    for kind in KINDS:
        marks = ",".join("?" * len(columns[kind]))
        dst.executemany(f"INSERT INTO {kind} VALUES ({marks})", tables[kind])
    dst.execute("COMMIT")
    return time.perf_counter() - started


def first_sync(district: District, workers: int, postings: int) -> tuple[Desk, Desk]:
    source = district.desk("source")
    note(f"filling the source station with {workers} workers and {postings} postings…")
    fill_demo(source, workers=workers, postings=postings, seed=1)
    started = time.perf_counter()
    pushed = sync_once(source)
    push_seconds = time.perf_counter() - started
    emit(
        bench="populate_push_rows_per_second",
        value=round(pushed.pushed / push_seconds, 1),
        rows=pushed.pushed,
        seconds=round(push_seconds, 2),
    )
    paged = district.desk("paged")
    cpu = CpuClock()
    started = time.perf_counter()
    summary = sync_once(paged)
    seconds = time.perf_counter() - started
    emit(
        bench="first_sync_paged_seconds",
        value=round(seconds, 2),
        rows=summary.pulled,
        rows_per_second=round(summary.pulled / seconds, 1),
        **cpu.figures(),
        note="page by page, no snapshot (before the district snapshot; for comparison)",
    )
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    built = district.build_snapshot()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    emit(
        bench="snapshot_build_seconds",
        value=round(time.perf_counter() - started, 2),
        size_mb=round(float(built["size"]) / 1e6, 1),  # type: ignore[arg-type]
        seq=built["seq"],
        build_cpu_s=round(
            after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime, 2
        ),
        note="district-server snapshot, once for all new stations (a separate process)",
    )
    target = district.desk("target")
    cpu = CpuClock()
    started = time.perf_counter()
    summary = sync_once(target)
    seconds = time.perf_counter() - started
    used = cpu.figures()
    baseline = executemany_baseline(target.db.path, district.folder / "baseline.db")
    rate = summary.pulled / seconds
    emit(
        bench="first_sync_seconds",
        value=round(seconds, 2),
        baseline=round(baseline, 2),
        ratio=round(seconds / baseline, 2),
        rows=summary.pulled,
        rows_per_second=round(rate, 1),
        **used,
        goal="<=20 s, >=5000 rows/s, <=3x",
        met=seconds <= 20 and rate >= 5000 and seconds / baseline <= 3,
    )
    encrypted_first_sync(district, baseline)
    return source, target


def encrypted_first_sync(district: District, baseline: float) -> None:
    """The same first sync at a station whose database is encrypted (SQLCipher): the snapshot
    is kept in memory and its rows copied by Python. The key store is the in-memory stand-in
    for the Windows Credential Manager."""
    from station_desk.paths import Paths
    from station_desk.services.encryption import encrypt_database
    from station_desk.store.keystore import FakeKeyStore, use_key_store

    if not driver.can_encrypt():
        note("SQLCipher is not installed: no encrypted first sync")
        return
    keys = FakeKeyStore()
    use_key_store(keys)
    paths = Paths(district.folder / "encrypted")
    Database(paths.database).close()
    encrypt_database(paths, keys)
    desk = district.desk_at(paths.database, "encrypted")
    gc.collect()
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cpu = CpuClock()
    started = time.perf_counter()
    summary = sync_once(desk)
    seconds = time.perf_counter() - started
    peak_growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before
    emit(
        bench="first_sync_encrypted_seconds",
        value=round(seconds, 2),
        baseline=round(baseline, 2),
        ratio=round(seconds / baseline, 2),
        rows=summary.pulled,
        rows_per_second=round(summary.pulled / seconds, 1),
        from_snapshot=summary.snapshot_seq is not None,
        peak_memory_growth_mb=round(peak_growth / 1024, 1),  # ru_maxrss is in kB (Linux)
        **cpu.figures(),
        note="an encrypted station: the snapshot held in memory, rows copied by Python",
    )
    desk.db.close()
    use_key_store(None)


def incremental_sync(source: Desk, target: Desk, count: int = 1000) -> None:
    with source.transaction() as tx:
        rows = tx.session.exec(  # type: ignore[call-overload]
            Worker.__table__.select().limit(count)  # type: ignore[attr-defined]
        ).all()
        for row in rows:
            worker = tx.session.get(Worker, row.id)
            tx.update(worker, {"note": f"已回访 {uuid.uuid4().hex[:4]}"})
    sync_once(source)
    cpu = CpuClock()
    started = time.perf_counter()
    summary = sync_once(target)
    seconds = time.perf_counter() - started
    used = cpu.figures()
    with target.db.write() as session:
        conn = sqlite_connection(session)
        ids = [r[0] for r in conn.execute("SELECT id FROM worker LIMIT ?", (count,))]
        began = time.perf_counter()
        conn.executemany("UPDATE worker SET note = ? WHERE id = ?", [("x", i) for i in ids])
        baseline = time.perf_counter() - began
    emit(
        bench="incremental_sync_seconds",
        value=round(seconds, 3),
        baseline=round(baseline, 4),
        ratio=round(seconds / max(baseline, 1e-6), 1),
        changes=summary.pulled,
        **used,
        goal="<=2 s",
        met=seconds <= 2,
    )


def _batch(desk: Desk) -> list[Change]:
    with desk.db.read() as session:
        rows = (
            sqlite_connection(session)
            .execute(
                "SELECT op_id, record_kind, record_id, fields, hlc FROM outbox "
                "WHERE pushed_at IS NULL ORDER BY seq LIMIT 500"
            )
            .fetchall()
        )
    return [
        Change(op_id=o, kind=k, record_id=r, fields=json.loads(f), hlc=h) for o, k, r, f, h in rows
    ]


def _stations_with_batches(
    district: District, count: int, tag: str, packed: bool
) -> list[tuple[DistrictClient, bytes, list[str]]]:
    """`count` stations, each with a 490-worker batch (about 500 changes) ready to send:
    gzip-packed as a desk sends to the queue (packed) or plain JSON as for POST /push."""
    ready = []
    for number in range(count):
        desk = district.desk(f"{tag}{number}")
        fill_demo(desk, workers=490, postings=0, employers=0, seed=100 + number)
        batch = _batch(desk)
        client = DistrictClient(*connection(desk))  # type: ignore[misc]
        body = pack_batch(batch) if packed else encode_batch(batch)
        ready.append((client, body, [c.record_id for c in batch]))
    return ready


def _all_at_once(
    ready: list[tuple[DistrictClient, bytes, list[str]]],
    send: Callable[[DistrictClient, bytes], tuple[float, float, list[str]]],
) -> tuple[list[float], list[float], list[str]]:
    """Every station sends at the same moment; (first-answer ms, verdict ms, accepted ops)."""
    answered: list[float] = []
    decided: list[float] = []
    accepted: list[str] = []
    barrier = threading.Barrier(len(ready))

    def run(client: DistrictClient, body: bytes) -> None:
        barrier.wait()
        first, last, ops = send(client, body)
        answered.append(first)
        decided.append(last)
        accepted.extend(ops)

    threads = [threading.Thread(target=run, args=(c, b)) for c, b, _ in ready]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answered, decided, accepted


def _queued(client: DistrictClient, body: bytes) -> tuple[float, float, list[str]]:
    """As a desk pushes: POST /batches (answered once stored), then GET the verdict."""
    began = time.perf_counter()
    receipt = client.post_batch_body(body)
    stored = (time.perf_counter() - began) * 1000
    assert receipt is not None
    while (verdict := client.batch_verdict(receipt.receipt, wait=30)) is None:
        pass
    return stored, (time.perf_counter() - began) * 1000, verdict.accepted


def _direct(client: DistrictClient, body: bytes) -> tuple[float, float, list[str]]:
    """POST /push: the batch applied before the reply (what desks did before the queue)."""
    began = time.perf_counter()
    reply = client.push_body(body)
    took = (time.perf_counter() - began) * 1000
    return took, took, reply.accepted


def _warm_up(client: DistrictClient) -> None:
    """A server process sets up each route at its first request; a running server has."""
    client.station()
    with contextlib.suppress(SyncError):
        client.batch_verdict("0" * 32, wait=0)  # unknown: 404


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) > 1 else values[0]


def _lost(district: District, sent: set[str]) -> int:
    observer = district.desk(f"observer-{uuid.uuid4().hex[:4]}")
    stream: set[str] = set()
    client = DistrictClient(*connection(observer))  # type: ignore[misc]
    after = 0
    while True:
        page = client.pull(after, 2000)
        stream.update(c.record_id for c in page.changes)
        after = page.next_after
        if not page.has_more:
            return len(sent - stream)


def concurrent_push(district: District, stations: int) -> None:
    queued = _stations_with_batches(district, stations + 1, "push", packed=True)
    direct = _stations_with_batches(district, stations + 1, "direct", packed=False)
    for client, _body, _ops in queued:  # every server process has answered these before
        _warm_up(client)
    gc.collect()  # the stations' set-up left garbage: no full collection while timing
    gc.freeze()
    alone_client, alone_body, _ = queued.pop()
    alone_stored, alone_decided, _ = _queued(alone_client, alone_body)
    direct_client, direct_body, _ = direct.pop()
    alone_direct, _, _ = _direct(direct_client, direct_body)

    server_before = server_cpu_seconds()
    answered, decided, accepted = _all_at_once(queued, _queued)
    server_cpu = server_cpu_seconds() - server_before
    lost = _lost(district, {op for _c, _b, ops in queued for op in ops})
    p95 = _p95(answered)
    _emit_p95(
        "push_p95_ms",
        p95,
        alone_stored,
        stations=len(queued),
        ops=len(accepted),
        lost=lost,
        server_cpu_s=round(server_cpu, 2),
        goal="<=200 ms, lost 0",
        met=p95 <= 200 and lost == 0,
    )
    _emit_p95(
        "push_verdict_p95_ms",
        _p95(decided),
        alone_decided,
        stations=len(queued),
        note="until each batch's verdict (applied one after another by the server)",
    )
    answered, _, accepted = _all_at_once(direct, _direct)
    lost = _lost(district, {op for _c, _b, ops in direct for op in ops})
    _emit_p95(
        "push_direct_p95_ms",
        _p95(answered),
        alone_direct,
        stations=len(direct),
        ops=len(accepted),
        lost=lost,
        note="POST /push, applied before the reply, for comparison",
    )


def _emit_p95(bench: str, p95: float, alone: float, **extra: object) -> None:
    """A p95 line: the stations at once against one station alone."""
    emit(
        bench=bench,
        value=round(p95, 1),
        baseline=round(alone, 1),
        ratio=round(p95 / alone, 2),
        **extra,
    )


def ui_heartbeat(district: District, source_rows: int) -> None:
    from PySide6.QtCore import QElapsedTimer, QTimer

    from station_desk.ui.app import keep_window_responsive, make_app
    from station_desk.ui.main_window import MainWindow

    app = make_app(offscreen=True)
    desk = district.desk("window")
    window = MainWindow(desk)
    window.show()
    keep_window_responsive()  # as the desk does at start (ui/app.run_desk)

    def measure(seconds_limit: float, run_sync: bool) -> float:
        gaps: list[float] = []
        clock = QElapsedTimer()
        clock.start()
        last = [clock.elapsed()]

        def beat() -> None:
            now = clock.elapsed()
            gaps.append(now - last[0])
            last[0] = now

        timer = QTimer()
        timer.timeout.connect(beat)
        timer.start(10)
        if run_sync:
            window.sync.sync_now()
        deadline = time.perf_counter() + seconds_limit
        while time.perf_counter() < deadline and (not run_sync or window.sync.running):
            app.processEvents()
            time.sleep(0.001)
        timer.stop()
        return max(gaps) if gaps else 0.0

    idle = measure(2.0, run_sync=False)
    busy = measure(600.0, run_sync=True)
    emit(
        bench="ui_max_gap_ms",
        value=round(busy, 1),
        baseline=round(idle, 1),
        ratio=round(busy / max(idle, 1.0), 2),
        rows=source_rows,
        goal="<=50 ms",
        met=busy <= 50,
    )
    window.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=100_000)
    parser.add_argument("--postings", type=int, default=20_000)
    parser.add_argument("--stations", type=int, default=16)
    parser.add_argument("--skip-ui", action="store_true")
    parser.add_argument(
        "--server-workers",
        type=int,
        default=min(4, os.cpu_count() or 1),
        help="district-server serve --workers (default: the cores, at most 4)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp:
        folder = Path(tmp)
        db_url = f"sqlite:///{folder / 'district.db'}"
        database = DistrictDatabase(db_url)
        database.create_schema()
        database.dispose()
        with run_server(db_url, folder / "server", workers=args.server_workers) as base_url:
            district = District(base_url, db_url, folder)
            source, target = first_sync(district, args.workers, args.postings)
            incremental_sync(source, target)
            concurrent_push(district, args.stations)
            if not args.skip_ui:
                ui_heartbeat(district, args.workers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
