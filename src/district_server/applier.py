"""The applier of queued pushes (inbox.py): one at a time, in the order received.

A batch is applied with the same code as a direct push (merge.prepare_batch + PushApplier).
If the applier stops between the district commit and writing the verdict, the batch is
applied again at the next start; every op id in it is then known, so nothing is applied
twice. `district-server serve` runs it as a process of its own (`apply-batches`, started again
if it ends), so applying never takes the processor from the web workers' interpreter.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy.exc import OperationalError

from station_desk.sync.protocol import Change, PushRequest, PushResponse

from .clock import ServerClock
from .core.config import DEFAULT_MAX_BODY
from .db import Database
from .errors import describe_errors
from .filelock import exclusive
from .inbox import MAX_ATTEMPTS, Inbox, Queued, TooLarge, Verdict, error_json
from .merge import PushApplier, prepare_batch
from .screening import screen_json

POLL_SECONDS = 0.02  # the applier looks for new batches this often while stations push
IDLE_POLL_SECONDS = 0.2  # and this often once nothing has come for IDLE_AFTER seconds
IDLE_AFTER = 10.0
CLEANUP_SECONDS = 600
RESTART_SECONDS = 1.0
FIRST_BATCH_POLL_SECONDS = 0.1  # serve looks this often for a first batch to apply
APPLIER_NICENESS = 10

log = logging.getLogger("district_server")


def apply_push(
    db: Database, clock: ServerClock, station_id: str, changes: Sequence[Change]
) -> PushResponse:
    """Check and apply a batch whose body was screened (POST /push, and each queued batch):
    checks and encoding before the write lock, numbering and writing inside it."""
    batch = prepare_batch(changes, station_id, allow_nul=db.is_sqlite, body_screened=True)
    if batch.newest is not None:
        clock.observe([batch.newest])
    with db.write_session() as session:
        result = PushApplier(session, station_id, clock).apply(batch)
    for gone, into in result.merged:
        log.info("merged worker %s into %s", gone, into)
    return PushResponse(
        accepted=result.accepted, rejected=result.rejected, server_hlc=clock.tick().encode()
    )


class BatchApplier:
    """Applies stored batches in order. Only one runs at a time (a file lock)."""

    def __init__(
        self,
        db: Database,
        clock: ServerClock,
        inbox: Inbox,
        max_body_bytes: int = DEFAULT_MAX_BODY,
    ) -> None:
        self.db, self.clock, self.inbox = db, clock, inbox
        self.max_body_bytes = max_body_bytes

    def apply_next(self) -> bool:
        """Apply the oldest waiting batch and keep its verdict; False when none waits.
        An unavailable database raises and leaves the batch waiting."""
        queued = self.inbox.next_batch()
        if queued is None:
            return False
        try:
            verdict = self._verdict(queued)
        except OperationalError:
            raise
        except Exception:
            log.exception(
                "applying batch %s of station %s failed", queued.receipt, queued.station_id
            )
            if self.inbox.count_failure(queued.id) < MAX_ATTEMPTS:
                raise
            verdict = Verdict(
                500,
                error_json(
                    "server_error", "服务器处理这批修改时出错（已记录），下次同步会重新上传"
                ),
            )
        self.inbox.finish(queued.id, verdict)
        return True

    def _verdict(self, queued: Queued) -> Verdict:
        try:
            parsed = json.loads(queued.text(self.max_body_bytes))
            request = PushRequest.model_validate(parsed)
        except TooLarge:
            return Verdict(413, error_json("too_large", "请求内容解压后太大，请分批上传"))
        except ValidationError as error:
            detail = f"请求被拒绝：{describe_errors(error.errors(include_url=False))}"
            return Verdict(422, error_json("bad_request", detail))
        except (ValueError, RecursionError, zlib.error):
            return Verdict(422, error_json("bad_request", "请求被拒绝：上传的内容不是有效的JSON"))
        # What no desk ever sends refuses the whole batch, as on a direct push (api/deps.py).
        reason = screen_json(parsed, allow_nul=True)
        if reason:
            return Verdict(422, error_json("bad_request", f"请求被拒绝：{reason}"))
        reply = apply_push(self.db, self.clock, queued.station_id, request.changes)
        return Verdict(200, reply.model_dump_json())

    def run(self, stop: threading.Event) -> None:
        """Apply batches as they come until `stop` is set."""
        with exclusive(self.inbox.lock_path, give_up=stop) as held:
            cleaned = 0.0
            busy = time.monotonic()  # when a batch was last applied
            if not held:
                return
            while not stop.is_set():
                try:
                    if self.apply_next():
                        busy = time.monotonic()
                        continue
                    if time.monotonic() - cleaned > CLEANUP_SECONDS:
                        self.inbox.forget_old()
                        cleaned = time.monotonic()
                except Exception:  # the database is away, or a batch failed: try again soon
                    log.exception("queued batches: will try again")
                    stop.wait(1.0)
                    continue
                idle = time.monotonic() - busy > IDLE_AFTER
                stop.wait(IDLE_POLL_SECONDS if idle else POLL_SECONDS)


def start_applier_thread(
    db: Database, clock: ServerClock, inbox: Inbox, max_body_bytes: int
) -> threading.Event:
    """Run a BatchApplier in a thread of this process; set the returned event to stop it."""
    stop = threading.Event()
    applier = BatchApplier(db, clock, inbox, max_body_bytes)
    threading.Thread(target=applier.run, args=(stop,), name="batches", daemon=True).start()
    return stop


class ApplierProcess:
    """In `serve`: keeps one `district-server apply-batches` process running, from the first
    stored batch on (a server no station has pushed to yet does not start one: a process
    costs a few seconds of processor time to start)."""

    def __init__(self, db_url: str, data_dir: Path) -> None:
        self.inbox = Inbox(data_dir)
        self.command = [
            sys.executable,
            "-m",
            "district_server.cli",
            "apply-batches",
            "--db",
            db_url,
            "--data-dir",
            str(data_dir),
            "--parent-pid",
            str(os.getpid()),
        ]
        nice = shutil.which("nice")
        if nice and os.name == "posix":  # taking a batch in comes before applying one
            self.command = [nice, "-n", str(APPLIER_NICENESS), *self.command]
        self._stop = threading.Event()
        self._process: subprocess.Popen[bytes] | None = None
        self._thread = threading.Thread(target=self._run, name="applier", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _batch_waiting(self) -> bool:
        try:
            return self.inbox.waiting() > 0
        except sqlite3.Error:  # a damaged inbox: the applier's own start sets it aside
            return True

    def stop(self) -> None:
        self._stop.set()
        process = self._process
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()

    def _run(self) -> None:
        while not self._stop.is_set() and not self._batch_waiting():
            self._stop.wait(FIRST_BATCH_POLL_SECONDS)
        while not self._stop.is_set():
            self._process = subprocess.Popen(self.command, env=os.environ.copy())
            code = self._process.wait()
            if not self._stop.is_set():
                log.error("apply-batches ended (exit %s); starting it again", code)
                self._stop.wait(RESTART_SECONDS)
