"""One sync cycle: push the outbox in batches, then pull the district's changes page by page.

Batches go to the server's queue (POST /batches, answered once stored) a few ahead of their
verdicts. The outbox is only marked after the verdict, so any failure leaves it as it was
and the next cycle sends the same ops again (the server applies each op id once). Each pulled
page and the cursor after it are stored in one transaction, so a cut-off pull resumes at the
page where it stopped.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy import func
from sqlmodel import Session, col, select

from station_desk.domain.hlc import Hlc, receive
from station_desk.store.db import Database, sqlite_connection
from station_desk.store.models import Outbox
from station_desk.store.settings import CURSOR_KEY, HLC_KEY, get_setting, put_setting
from station_desk.sync.bootstrap import bootstrap
from station_desk.sync.client import DistrictClient, SyncCancelled, SyncError
from station_desk.sync.health import (
    ERROR_SINCE_KEY,
    LAST_ATTEMPT_KEY,
    LAST_ERROR_KEY,
    LAST_SUCCESS_KEY,
    SERVER_KEY,
    TOKEN_KEY,
    SyncHealth,
    error_setting,
    parse_error,
    read_health,
)
from station_desk.sync.merge import PageApplier, finish_index, index_pending
from station_desk.sync.protocol import (
    MAX_PULL_PAGE,
    PULL_PAGE_SIZE,
    Change,
    PushResponse,
)

# SERVER_KEY, TOKEN_KEY, LAST_SUCCESS_KEY, LAST_ERROR_KEY, ERROR_SINCE_KEY and
# LAST_ATTEMPT_KEY live in sync/health.py (the doctor reads them without the engine).
OFFLINE_SINCE_KEY = "sync.offline_since"
PUSH_BATCH = 500
PUSH_AHEAD = 4  # batches sent to the server's queue before the first verdict is asked for
VERDICT_DEADLINE = 120.0  # seconds a cycle waits for one batch's verdict
VERDICT_POLL = 5.0  # seconds one request for a verdict may wait at the server

log = logging.getLogger(__name__)
Progress = Callable[[str, int], None]  # (phase "push"|"pull"|"snapshot", rows or bytes so far)


class Desk(Protocol):
    """What sync needs of the counter (services.context.Desk has it)."""

    db: Database
    clock: Callable[[], float]

    @property
    def station_id(self) -> str: ...

    def now(self) -> datetime: ...


@dataclass
class SyncSummary:
    pushed: int = 0
    pulled: int = 0
    pending: int = 0
    conflicts: int = 0
    merged: int = 0
    rejected: int = 0
    snapshot_seq: int | None = None  # started from the district snapshot holding up to this

    def as_dict(self) -> dict[str, int | None]:
        return asdict(self)


def connection(desk: Desk) -> tuple[str, str] | None:
    """(server URL, token) when this desk is connected to a district server."""
    with desk.db.read() as session:
        server, token = get_setting(session, SERVER_KEY), get_setting(session, TOKEN_KEY)
    return (server, token) if server and token else None


def pending_count(session: Session) -> int:
    statement = select(func.count()).select_from(Outbox).where(col(Outbox.pushed_at).is_(None))
    return int(session.exec(statement).one())


def sync_health(desk: Desk) -> SyncHealth:
    """Pending count, oldest pending change, last success / attempt / error (one read)."""
    with desk.db.read() as session:
        return read_health(sqlite_connection(session))


def advance_clock(desk: Desk, session: Session, remote: str) -> None:
    """Move this desk's HLC past a stamp from elsewhere, so a wrong PC clock cannot make
    later local edits lose (or win) unfairly."""
    if not remote:
        return
    stored = get_setting(session, HLC_KEY)
    last = Hlc.decode(stored) if stored else None
    after = receive(last, Hlc.decode(remote), int(desk.clock() * 1000), desk.station_id)
    put_setting(session, HLC_KEY, after.encode())


def sync_once(
    desk: Desk,
    client: DistrictClient | None = None,
    progress: Progress | None = None,
    summary: SyncSummary | None = None,
    max_page: int = MAX_PULL_PAGE,
    stop: threading.Event | None = None,
) -> SyncSummary:
    """One cycle. `summary`, when given, is filled in as the cycle goes, so a caller still
    knows what was pushed and pulled when the cycle fails half-way. `max_page` caps the pull
    page size: the desk's background sync uses a smaller cap, because parsing a page holds
    the GIL for its whole length (2,000 rows ≈ 40 ms, a stall the counter can see). `stop`:
    once set (the desk is closing), the cycle ends at the next batch, page or verdict poll
    with SyncCancelled; what was stored stays stored and nothing is recorded as a failure."""
    settings = connection(desk)
    if settings is None:
        raise SyncError("not_connected", "本驿站还没有连接区里的服务器（station-desk connect）")
    client = client or DistrictClient(*settings)
    desk.station_id  # noqa: B018 - known before any transaction below needs it
    summary = summary if summary is not None else SyncSummary()
    started = desk.now().isoformat()
    try:
        _push(desk, client, summary, progress, stop)
        _pull(desk, client, summary, progress, max_page, stop)
    except SyncCancelled:
        raise
    except SyncError as error:
        _remember_failure(desk, error, started)
        raise
    except Exception as error:  # a fault on this PC (disk, database): staff must see it too
        _remember_failure(desk, SyncError("local", f"本机出错：{error}"), started)
        raise
    with desk.db.write() as session:
        put_setting(session, LAST_SUCCESS_KEY, desk.now().isoformat())
        put_setting(session, LAST_ATTEMPT_KEY, started)
        put_setting(session, OFFLINE_SINCE_KEY, "")
        put_setting(session, LAST_ERROR_KEY, "")
        put_setting(session, ERROR_SINCE_KEY, "")
        summary.pending = pending_count(session)
    return summary


def _remember_failure(desk: Desk, error: SyncError, started: str) -> None:
    """Last error, since when the same kind repeats, last attempt: one transaction. Never
    raises: a failure to record must not hide the failure itself."""
    try:
        with desk.db.write() as session:
            if not get_setting(session, OFFLINE_SINCE_KEY):
                put_setting(session, OFFLINE_SINCE_KEY, desk.now().isoformat())
            previous, _ = parse_error(get_setting(session, LAST_ERROR_KEY))
            if previous != error.kind or not get_setting(session, ERROR_SINCE_KEY):
                put_setting(session, ERROR_SINCE_KEY, started)
            put_setting(session, LAST_ERROR_KEY, error_setting(error.kind, error.message))
            put_setting(session, LAST_ATTEMPT_KEY, started)
    except Exception:
        log.exception("could not record the sync failure (%s)", error.kind)


def _check(stop: threading.Event | None) -> None:
    if stop is not None and stop.is_set():
        raise SyncCancelled()


def _push(
    desk: Desk,
    client: DistrictClient,
    summary: SyncSummary,
    progress: Progress | None,
    stop: threading.Event | None = None,
) -> None:
    """Send the outbox in batches to the server's queue, a few ahead of their verdicts, and
    mark each batch's ops when its verdict comes. A server without the queue applies each
    batch in its reply (push)."""
    waiting: deque[tuple[str, list[Change]]] = deque()  # (receipt, changes)
    after = 0  # outbox seq sent in this cycle
    queue = True
    while True:
        _check(stop)
        rows = _unsent(desk, after) if len(waiting) < PUSH_AHEAD else []
        if rows:
            after = rows[-1][0]
            changes = [change for _seq, change in rows]
            receipt = client.post_batch(changes) if queue else None
            if receipt is not None:
                waiting.append((receipt.receipt, changes))
                continue
            queue = False
            _record(desk, summary, progress, changes, client.push(changes))
            continue
        if not waiting:
            return
        receipt_id, sent = waiting.popleft()
        _record(desk, summary, progress, sent, _verdict(client, receipt_id, stop))


def _unsent(desk: Desk, after: int) -> list[tuple[int, Change]]:
    with desk.db.read() as session:
        rows = session.exec(
            select(Outbox)
            .where(col(Outbox.pushed_at).is_(None), col(Outbox.seq) > after)
            .order_by(col(Outbox.seq))
            .limit(PUSH_BATCH)
        ).all()
    return [
        (
            row.seq or 0,
            Change(
                op_id=row.op_id,
                kind=row.record_kind,
                record_id=row.record_id,
                fields=json.loads(row.fields),
                hlc=row.hlc,
                base=json.loads(row.base or "{}"),
            ),
        )
        for row in rows
    ]


def _verdict(
    client: DistrictClient, receipt: str, stop: threading.Event | None = None
) -> PushResponse:
    deadline = time.monotonic() + VERDICT_DEADLINE
    while True:
        _check(stop)
        left = deadline - time.monotonic()
        reply = client.batch_verdict(receipt, wait=max(0.0, min(VERDICT_POLL, left)))
        if reply is not None:
            return reply
        if left <= 0:  # the outbox stays as it is: the next cycle sends the batch again
            raise SyncError("server", "区里的服务器还在处理本站上传的修改，稍后会自动确认")


def _record(
    desk: Desk,
    summary: SyncSummary,
    progress: Progress | None,
    changes: list[Change],
    reply: PushResponse,
) -> None:
    """Mark the ops the server accepted or rejected (with the reason), in one transaction."""
    reasons = {r.op_id: r.reason for r in reply.rejected}
    done = set(reply.accepted) | set(reasons)
    with desk.db.write() as session:
        now = desk.now().isoformat(sep=" ", timespec="microseconds")  # as the ORM stores it
        sqlite_connection(session).executemany(
            "UPDATE outbox SET pushed_at = ?, rejected_reason = ? WHERE op_id = ?",
            [(now, reasons.get(op_id), op_id) for op_id in done],
        )
        advance_clock(desk, session, reply.server_hlc)
    summary.pushed += len(reply.accepted)
    summary.rejected += len(reasons)
    if progress is not None:
        progress("push", summary.pushed)
    if not done & {change.op_id for change in changes}:
        raise SyncError("protocol", "服务器没有处理上传的修改，稍后重试")


def _pull(
    desk: Desk,
    client: DistrictClient,
    summary: SyncSummary,
    progress: Progress | None,
    max_page: int = MAX_PULL_PAGE,
    stop: threading.Event | None = None,
) -> None:
    try:
        with desk.db.read() as session:
            first = int(get_setting(session, CURSOR_KEY, "0") or 0) == 0
        if first:  # a new station may start from the district snapshot (sync/bootstrap.py)
            start = bootstrap(
                desk.db.path, desk.station_id, client, int(desk.clock() * 1000), progress
            )
            if start is not None:
                summary.pulled += start.records
                summary.snapshot_seq = start.seq
        _pull_pages(desk, client, summary, progress, max_page, stop)
    except SyncCancelled:
        raise  # the desk is closing; the next sync builds what the index still lacks
    except Exception:
        _finish_index(desk, quiet=True)  # search still finds every stored row
        raise
    _finish_index(desk)


def _pull_pages(
    desk: Desk,
    client: DistrictClient,
    summary: SyncSummary,
    progress: Progress | None,
    max_page: int = MAX_PULL_PAGE,
    stop: threading.Event | None = None,
) -> None:
    size = min(
        PULL_PAGE_SIZE, max_page
    )  # a backlog's pages grow to MAX_PULL_PAGE: fewer round trips
    while True:
        _check(stop)
        with desk.db.read() as session:
            cursor = int(get_setting(session, CURSOR_KEY, "0") or 0)
        page = client.pull(cursor, size)
        with desk.db.write() as session:
            applier = PageApplier(sqlite_connection(session), desk.now(), desk.station_id)
            result = applier.apply(page.changes, more=page.has_more, first=cursor == 0)
            put_setting(session, CURSOR_KEY, str(page.next_after))
            advance_clock(desk, session, max(result.max_hlc, page.server_hlc))
        summary.pulled += result.applied
        summary.conflicts += result.conflicts
        summary.merged += result.merged
        if progress is not None:
            progress("pull", summary.pulled)
        if not page.has_more or page.next_after <= cursor:
            return
        size = min(size * 2, max_page, MAX_PULL_PAGE)  # (the module value read now)


def _finish_index(desk: Desk, quiet: bool = False) -> None:
    """Build the indexes a bulk load (first sync) left pending (sync/merge.py)."""
    try:
        with desk.db.read() as session:
            if not index_pending(sqlite_connection(session)):
                return
        done = False
        while not done:  # a slice a transaction: counter saves are not held up
            with desk.db.write() as session:
                done = finish_index(sqlite_connection(session))
    except Exception:
        if not quiet:
            raise
        log.exception("could not finish the search index; the next sync does")
