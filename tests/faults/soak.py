"""Randomized convergence soak: `./dev soak --runs N --seed S` (docs/soak.md).

Three stations and one district server behind the fault proxy. Run i uses seed S + i; every
choice in it (actions, faults, kills, clock skews) comes from that seed, so
`./dev soak --runs 1 --seed <S + i>` replays run i. A run:

1. makes three fresh station desks (each a real SQLite file) connected through the proxy,
   their pull cursors at the server's current end, so one server serves every run;
2. interleaves random counter actions (soak_ops) with syncs through random faults (dropped
   connections before and after the server commits, 502/503 bursts, truncated replies,
   delays), kill -9 of a desk's sync (a forked child running sync_once, killed while the
   proxy holds its push or pull, at a random moment, or while the clerk keeps writing), and
   kill -9 of the server (between steps or during a desk's sync), restarted on the same
   database and port;
3. heals the network and syncs the three desks round after round until a round moves
   nothing, then a fourth, fresh desk pulls everything;
4. checks the desks and the server against the model of acknowledged writes (soak_model).

A failing run prints its seed, the problems, and the history of the steps that touched the
records involved (all steps with --verbose). The last line of output is one JSON summary.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import signal
import sqlite3
import sys
import tempfile
import time
import traceback
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
for _path in (HERE, HERE.parent):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from proxy import DistrictProcess, Fault, FaultPlan, FaultProxy  # noqa: E402
from soak_model import (  # noqa: E402
    Model,
    Problem,
    check_desk_db,
    check_export,
    check_server,
    same_exports,
)
from soak_ops import Clerk, act  # noqa: E402

from district_server.db import Database as DistrictDatabase  # noqa: E402
from district_server.stations import add_station  # noqa: E402
from station_desk.reports.ledger_export import export_ledger  # noqa: E402
from station_desk.services.context import Desk  # noqa: E402
from station_desk.store.db import Database  # noqa: E402
from station_desk.store.settings import put_setting  # noqa: E402
from station_desk.sync.client import SyncError  # noqa: E402
from station_desk.sync.commands import connect  # noqa: E402
from station_desk.sync.engine import CURSOR_KEY, sync_once  # noqa: E402

STATIONS = ("a", "b", "c")
DAY = 24 * 3600.0
SKEWS = [0.0, 0.0, 0.0, 3 * DAY, -365 * DAY, 600.0, -900.0]
HEAL_ROUNDS = 8
HOLD_S = 0.3  # how long the proxy holds a request whose sender is about to be killed
WAIT_S = 20.0  # bound on any wait for a moment to come
STEP_WEIGHTS = {"act": 14, "sync": 3, "kill_desk": 2, "write_during_sync": 1}
# A server restart costs seconds (its imports): at most one kill -9 of it per run.
SERVER_KILL_RUNS = 0.15
STEPS = (15, 40)


@dataclass
class Stats:
    runs: int = 0
    failures: int = 0
    faults: Counter[str] = field(default_factory=Counter)
    kills: Counter[str] = field(default_factory=Counter)
    actions: int = 0
    syncs: int = 0
    failed_seeds: list[int] = field(default_factory=list)

    def summary(self, seconds: float) -> dict[str, object]:
        return {
            "runs": self.runs,
            "failures": self.failures,
            "failed_seeds": self.failed_seeds,
            "faults": dict(sorted(self.faults.items())),
            "faults_total": sum(self.faults.values()),
            "kills": dict(sorted(self.kills.items())),
            "kills_total": sum(self.kills.values()),
            "actions": self.actions,
            "syncs": self.syncs,
            "seconds": round(seconds, 1),
        }


class World:
    """The district server (killable, one database for every run) behind the fault proxy."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.server_db = root / "district.db"
        db_url = f"sqlite:///{self.server_db}"
        schema = DistrictDatabase(db_url)
        schema.create_schema()
        schema.dispose()
        self.district = DistrictDatabase(db_url)
        self.server = DistrictProcess(db_url, root / "server")
        self.plan = FaultPlan()
        self.proxy = FaultProxy(self.server.url, self.plan)

    def __enter__(self) -> World:
        self.server.start()
        self.proxy.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.proxy.__exit__()
        self.server.__exit__()
        self.district.dispose()

    def ensure_server(self) -> None:
        if self.server.process is None or self.server.process.poll() is not None:
            self.server.start()

    def top_seq(self) -> int:
        conn = sqlite3.connect(self.server_db, timeout=30)
        try:
            return int(conn.execute("SELECT coalesce(max(seq), 0) FROM change_log").fetchone()[0])
        finally:
            conn.close()

    def new_desk(self, folder: Path, name: str, skew: float, cursor: int) -> Desk:
        issued = add_station(self.district, f"soak-{name}-{uuid.uuid4().hex[:8]}")
        desk = Desk(Database(folder / name / "station.db"), clock=_clock(skew))
        connect(desk, self.proxy.url, issued.token)
        with desk.db.write() as session:
            put_setting(session, CURSOR_KEY, str(cursor))
        return desk


def _clock(skew: float) -> Callable[[], float]:
    return lambda: time.time() + skew


class Run:
    def __init__(self, world: World, seed: int, folder: Path, stats: Stats) -> None:
        self.world, self.seed, self.folder, self.stats = world, seed, folder, stats
        self.rng = random.Random(seed)
        self.model = Model()
        self.history: list[tuple[str, set[str]]] = []  # (step, record ids it wrote)
        self.base = world.top_seq()
        self.skews = {name: self.rng.choice(SKEWS) for name in STATIONS}
        self.desks = {
            name: world.new_desk(folder, name, self.skews[name], self.base) for name in STATIONS
        }
        self.clerks = {name: Clerk(name, self.desks[name], self.rng, seed) for name in STATIONS}
        self.log_start = len(world.proxy.log)
        self._exited: dict[int, int] = {}  # child pid -> wait status, when reaped early
        self.capture_all()  # whatever connecting wrote

    # -- bookkeeping ----------------------------------------------------------------------

    def path(self, name: str) -> Path:
        return self.folder / name / "station.db"

    def capture(self, name: str) -> set[str]:
        return {w.record_id for w in self.model.capture(name, self.path(name))}

    def capture_all(self) -> None:
        for name in STATIONS:
            self.capture(name)

    def note(self, step: str, records: set[str] | None = None) -> None:
        self.history.append((step, records or set()))

    # -- steps ----------------------------------------------------------------------------

    def step(self) -> None:
        kind = self.rng.choices(list(STEP_WEIGHTS), weights=list(STEP_WEIGHTS.values()))[0]
        name = self.rng.choice(STATIONS)
        getattr(self, f"_{kind}")(name)

    def _act(self, name: str) -> None:
        text = act(self.clerks[name])
        self.stats.actions += 1
        self.note(f"{name}: {text}", self.capture(name))

    def _queue_faults(self) -> list[str]:
        drawn = []
        for _ in range(self.rng.choice([0, 0, 1, 1, 2, 3])):
            path = self.rng.choice([None, "/batches", "/pull"])
            roll = self.rng.random()
            if roll < 0.2:
                fault, text = Fault.reset(), "drop before"
            elif roll < 0.4:
                fault, text = Fault.lost_reply(), "drop after"
            elif roll < 0.6:
                code = self.rng.choice([502, 503])
                times = self.rng.randint(1, 4)
                self.world.plan.add(Fault.status(code), path=path, times=times)
                drawn.append(f"{code}x{times} {path or '*'}")
                continue
            elif roll < 0.8:
                keep, fix = self.rng.randint(0, 400), self.rng.random() < 0.5
                fault, text = Fault.truncate(keep, fix), f"truncate {keep}{' fixed' if fix else ''}"
            else:
                seconds = round(self.rng.uniform(0.01, 0.2), 3)
                fault, text = Fault.delay(seconds), f"delay {seconds}"
            self.world.plan.add(fault, path=path)
            drawn.append(f"{text} {path or '*'}")
        return drawn

    def _sync(self, name: str) -> None:
        faults = self._queue_faults()
        result = self._sync_in_process(name)
        self.world.plan.clear()
        self.note(f"{name}: sync [{', '.join(faults)}] -> {result}", self.capture(name))

    def _sync_in_process(self, name: str) -> str:
        self.stats.syncs += 1
        try:
            summary = sync_once(self.desks[name])
        except SyncError as error:
            return f"{error.kind}"
        return f"ok pushed={summary.pushed} pulled={summary.pulled}"

    def _fork_sync(self, name: str) -> int:
        """A child process running this desk's sync cycle on its own connection."""
        path, skew = self.path(name), self.skews[name]
        log = self.folder / f"child-{name}.log"
        # SQLite must not see a connection carried across fork (its locks are per process):
        # this process lets go of its connections to that file first, and opens new ones
        # after the fork when it next writes.
        self.desks[name].db.close()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            code = 1
            try:
                fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
                os.dup2(fd, 2)
                sync_once(Desk(Database(path), clock=_clock(skew)))
                code = 0
            except SyncError:
                code = 3
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(code)
        self.stats.syncs += 1
        return pid

    def _reap(self, pid: int, kill: bool) -> str:
        status = self._exited.pop(pid, None)
        if status is None:
            if kill:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            _pid, status = os.waitpid(pid, 0)
        if os.WIFSIGNALED(status):
            return "killed"
        code = os.WEXITSTATUS(status)
        if code == 1:
            raise AssertionError(f"desk sync crashed (see {self.folder}/child-*.log)")
        return "finished" if code == 0 else "failed"

    def _wait_log(self, pid: int, path: str, start: int) -> bool:
        """Until the proxy has seen a request to path (True) or the child has ended."""
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline:
            if any(p.endswith(path) for _m, p, _a in self.world.proxy.log[start:]):
                return True
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                self._exited[pid] = status
                return False
            time.sleep(0.002)
        return False

    def _kill_desk(self, name: str) -> None:
        mode = self.rng.choice(["held push", "held pull", "timed"])
        start = len(self.world.proxy.log)
        if mode == "timed":
            pid = self._fork_sync(name)
            time.sleep(self.rng.uniform(0.0, 0.25))
        else:
            path = "/batches" if mode == "held push" else "/pull"
            self.world.plan.add(Fault.delay(HOLD_S), path=path)
            pid = self._fork_sync(name)
            if not self._wait_log(pid, path, start):
                mode += " (never came)"
        outcome = self._reap(pid, kill=True)
        self.world.plan.clear()
        if outcome == "killed":
            self.stats.kills["desk " + mode.split(" (")[0]] += 1
        self.note(f"{name}: kill -9 of its sync ({mode}) -> {outcome}", self.capture(name))

    def _write_during_sync(self, name: str) -> None:
        """The clerk keeps working while the desk's push is on its way (the proxy holds it),
        then the sync finishes or is killed."""
        self.world.plan.add(Fault.delay(HOLD_S), path="/batches")
        start = len(self.world.proxy.log)
        pid = self._fork_sync(name)
        held = self._wait_log(pid, "/batches", start)
        texts = []
        for _ in range(self.rng.randint(1, 3)):
            texts.append(act(self.clerks[name]))
            self.stats.actions += 1
        written = self.capture(name)
        kill = self.rng.random() < 0.3
        outcome = self._reap(pid, kill=kill)
        self.world.plan.clear()
        if outcome == "killed":
            self.stats.kills["desk during writes"] += 1
        when = "during its push" if held else "during its sync"
        self.note(f"{name}: writes {when} ({'; '.join(texts)}) -> {outcome}", written)
        self.note(f"{name}: after sync", self.capture(name))

    def _kill_server(self, name: str) -> None:
        server = self.world.server
        if self.rng.random() < 0.5:
            pid = self._fork_sync(name)
            time.sleep(self.rng.uniform(0.0, 0.2))
            server.kill9()
            outcome = self._reap(pid, kill=False)
            self.stats.kills["server during sync"] += 1
            self.note(f"server: kill -9 during {name}'s sync -> {outcome}", self.capture(name))
        else:
            server.kill9()
            self.stats.kills["server"] += 1
            result = self._sync_in_process(name)
            self.note(f"server: kill -9; {name}: sync -> {result}", self.capture(name))
        for _ in range(self.rng.randint(0, 2)):
            self._act(self.rng.choice(STATIONS))
        server.start()
        self.note("server: started again")

    # -- the run --------------------------------------------------------------------------

    def share(self) -> None:
        """A few records every desk holds from the start, so that the random phase edits the
        same records at several stations at once."""
        for name, action in (("a", "register"), ("a", "register"), ("a", "publish"),
                             ("b", "register"), ("b", "publish")):  # fmt: skip
            text = getattr(self.clerks[name], action)()
            self.stats.actions += 1
            self.note(f"{name}: {text}", self.capture(name))
        for name in ("a", "b", "c", "a"):
            self.note(f"{name}: sync [] -> {self._sync_in_process(name)}", self.capture(name))

    def play(self) -> None:
        self.share()
        steps = self.rng.randint(*STEPS)
        server_kill = self.rng.randrange(steps) if self.rng.random() < SERVER_KILL_RUNS else -1
        for number in range(steps):
            if number == server_kill:
                self._kill_server(self.rng.choice(STATIONS))
            else:
                self.step()

    def heal(self) -> list[Problem]:
        self.world.plan.clear()
        self.world.ensure_server()
        time.sleep(0.05)
        if not self.world.proxy.wait_idle(WAIT_S):
            return [Problem("the proxy did not go idle")]
        quiet = False
        for round_no in range(HEAL_ROUNDS):
            moved = 0
            for name in STATIONS:
                try:
                    summary = sync_once(self.desks[name])
                except SyncError as error:
                    return [Problem(f"healed sync of {name} failed: {error.kind} {error.message}")]
                self.stats.syncs += 1
                moved += summary.pushed + summary.pulled + summary.pending + summary.rejected
            self.note(f"heal round {round_no + 1}: moved {moved}")
            if moved == 0:
                quiet = True
                break
        if not quiet:
            return [Problem(f"still moving after {HEAL_ROUNDS} rounds of healed syncs")]
        return []

    def verify(self) -> list[Problem]:
        self.capture_all()
        for _m, _p, action in self.world.proxy.log[self.log_start :]:
            if action != "pass":
                self.stats.faults[action] += 1
        problems = self.heal()
        if problems:
            return problems
        self.capture_all()  # nothing new expected: healing only syncs
        fresh = self.world.new_desk(self.folder, "fresh", 0.0, self.base)
        try:
            sync_once(fresh)
            desks = {**self.desks, "fresh": fresh}
            exports = {}
            for name, desk in desks.items():
                out = self.folder / f"{name}.json"
                export_ledger(desk.db, "json", out)
                exports[name] = out.read_bytes()
                problems += check_export(name, desk.db, self.model)
            problems += same_exports(exports)
            for name in desks:
                problems += check_desk_db(name, self.folder / name / "station.db", self.model)
            problems += check_server(self.world.server_db, self.base, self.model)
        finally:
            fresh.db.close()
        return problems

    def close(self) -> None:
        for desk in self.desks.values():
            desk.db.close()

    def report(self, problems: list[Problem], verbose: bool) -> str:
        involved = set().union(*(p.records for p in problems))
        lines = [f"FAILED run seed={self.seed}: replay with ./dev soak --runs 1 --seed {self.seed}"]
        lines += [f"  problem: {p.text}" for p in problems[:30]]
        if len(problems) > 30:
            lines.append(f"  ... and {len(problems) - 30} more problems")
        lines.append(f"  clocks: {self.skews}; data kept in {self.folder}")
        lines.append(
            "  history"
            + ("" if verbose else " (steps that wrote the records above, syncs, kills):")
        )
        for number, (step, records) in enumerate(self.history, 1):
            relevant = verbose or not involved or records & involved
            relevant = relevant or not step.split(": ", 1)[-1].startswith(
                ("register", "edit", "worker", "publish", "close", "reopen", "refer",
                 "outcome", "service", "delete")
            )  # fmt: skip
            if relevant:
                lines.append(f"  {number:3d}. {step}")
        return "\n".join(lines)


def run_one(world: World, seed: int, root: Path, stats: Stats, verbose: bool) -> bool:
    folder = root / f"run-{seed}"
    world.ensure_server()
    world.plan.clear()
    run = Run(world, seed, folder, stats)
    problems: list[Problem]
    try:
        run.play()
        problems = run.verify()
    except Exception:  # a crash of the driver or the desk code is a failure of this run
        problems = [Problem("crashed:\n" + traceback.format_exc())]
    finally:
        run.close()
    stats.runs += 1
    if problems:
        stats.failures += 1
        stats.failed_seeds.append(seed)
        print(run.report(problems, verbose), flush=True)
        return False
    shutil.rmtree(folder, ignore_errors=True)
    return True


def soak(runs: int, seed: int, verbose: bool = False, root: Path | None = None) -> Stats:
    stats = Stats()
    own = root is None
    # In memory where there is such a folder: kill -9 keeps the page cache, so the files are
    # as a killed process left them, and the soak does not wait on the disk.
    shm = Path("/dev/shm")
    root = root or Path(tempfile.mkdtemp(prefix="station-soak-", dir=shm if shm.is_dir() else None))
    try:
        with World(root) as world:
            for i in range(runs):
                ok = run_one(world, seed + i, root, stats, verbose)
                if verbose or (i + 1) % 50 == 0:
                    print(f"run {i + 1}/{runs} seed={seed + i} {'ok' if ok else 'FAILED'}",
                          file=sys.stderr, flush=True)  # fmt: skip
    finally:
        if own and not stats.failures:
            shutil.rmtree(root, ignore_errors=True)
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="./dev soak", description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--verbose", action="store_true", help="print every step of a failure")
    args = parser.parse_args(argv)
    started = time.monotonic()
    stats = soak(args.runs, args.seed, args.verbose)
    print(json.dumps(stats.summary(time.monotonic() - started), ensure_ascii=False), flush=True)
    return 1 if stats.failures else 0


if __name__ == "__main__":
    sys.exit(main())
