"""One sync cycle: push the outbox in batches, then pull the district's changes page by page.

The outbox is only marked after the server has answered, so any failure leaves it as it was
and the next cycle sends the same ops again (the server applies each op id once). Each pulled
page and the cursor after it are stored in one transaction, so a cut-off pull resumes at the
page where it stopped.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy import func
from sqlmodel import Session, col, select

from station_desk.domain.hlc import Hlc, receive
from station_desk.store.db import Database, sqlite_connection
from station_desk.store.models import Outbox
from station_desk.store.settings import HLC_KEY, get_setting, put_setting
from station_desk.sync.client import DistrictClient, SyncError
from station_desk.sync.merge import PageApplier
from station_desk.sync.protocol import PULL_PAGE_SIZE, Change

SERVER_KEY = "sync.server_url"
TOKEN_KEY = "sync.token"
CURSOR_KEY = "sync.cursor"
LAST_SUCCESS_KEY = "sync.last_success"
OFFLINE_SINCE_KEY = "sync.offline_since"
LAST_ERROR_KEY = "sync.last_error"
PUSH_BATCH = 500

Progress = Callable[[str, int], None]  # (phase "push"|"pull", rows so far)


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

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def connection(desk: Desk) -> tuple[str, str] | None:
    """(server URL, token) when this desk is connected to a district server."""
    with desk.db.read() as session:
        server, token = get_setting(session, SERVER_KEY), get_setting(session, TOKEN_KEY)
    return (server, token) if server and token else None


def pending_count(session: Session) -> int:
    statement = select(func.count()).select_from(Outbox).where(col(Outbox.pushed_at).is_(None))
    return int(session.exec(statement).one())


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
    desk: Desk, client: DistrictClient | None = None, progress: Progress | None = None
) -> SyncSummary:
    settings = connection(desk)
    if settings is None:
        raise SyncError("not_connected", "本驿站还没有连接区里的服务器（station-desk connect）")
    client = client or DistrictClient(*settings)
    desk.station_id  # noqa: B018 - known before any transaction below needs it
    summary = SyncSummary()
    try:
        _push(desk, client, summary, progress)
        _pull(desk, client, summary, progress)
    except SyncError as error:
        _remember_failure(desk, error)
        raise
    with desk.db.write() as session:
        put_setting(session, LAST_SUCCESS_KEY, desk.now().isoformat())
        put_setting(session, OFFLINE_SINCE_KEY, "")
        put_setting(session, LAST_ERROR_KEY, "")
        summary.pending = pending_count(session)
    return summary


def _remember_failure(desk: Desk, error: SyncError) -> None:
    with desk.db.write() as session:
        if not get_setting(session, OFFLINE_SINCE_KEY):
            put_setting(session, OFFLINE_SINCE_KEY, desk.now().isoformat())
        put_setting(
            session,
            LAST_ERROR_KEY,
            json.dumps({"kind": error.kind, "message": error.message}, ensure_ascii=False),
        )


def _push(
    desk: Desk, client: DistrictClient, summary: SyncSummary, progress: Progress | None
) -> None:
    while True:
        with desk.db.read() as session:
            rows = session.exec(
                select(Outbox)
                .where(col(Outbox.pushed_at).is_(None))
                .order_by(col(Outbox.seq))
                .limit(PUSH_BATCH)
            ).all()
        if not rows:
            return
        changes = [
            Change(
                op_id=row.op_id,
                kind=row.record_kind,
                record_id=row.record_id,
                fields=json.loads(row.fields),
                hlc=row.hlc,
                base=json.loads(row.base or "{}"),
            )
            for row in rows
        ]
        reply = client.push(changes)
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
        if not done & {row.op_id for row in rows}:
            raise SyncError("protocol", "服务器没有处理上传的修改，稍后重试")


def _pull(
    desk: Desk, client: DistrictClient, summary: SyncSummary, progress: Progress | None
) -> None:
    while True:
        with desk.db.read() as session:
            cursor = int(get_setting(session, CURSOR_KEY, "0") or 0)
        page = client.pull(cursor, PULL_PAGE_SIZE)
        with desk.db.write() as session:
            applier = PageApplier(sqlite_connection(session), desk.now(), desk.station_id)
            result = applier.apply(page.changes)
            put_setting(session, CURSOR_KEY, str(page.next_after))
            advance_clock(desk, session, max(result.max_hlc, page.server_hlc))
        summary.pulled += result.applied
        summary.conflicts += result.conflicts
        summary.merged += result.merged
        if progress is not None:
            progress("pull", summary.pulled)
        if not page.has_more or page.next_after <= cursor:
            return
