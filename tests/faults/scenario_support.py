"""Helpers for the named sync scenarios (tests/sync/test_scenario_*.py): desks behind the fault
proxy, what is still queued, what the district stream holds, and exports to compare."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from sqlmodel import col, select

from station_desk.domain.idcard import make_id_number
from station_desk.domain.worker import WorkerDraft
from station_desk.reports.ledger_export import export_ledger
from station_desk.services.context import Desk
from station_desk.store.models import Outbox
from station_desk.store.settings import get_setting, put_setting
from station_desk.sync.client import DistrictClient
from station_desk.sync.engine import CURSOR_KEY, SERVER_KEY, connection
from station_desk.sync.protocol import PulledChange


def people(n: int, start: int, region: str = "330127") -> list[WorkerDraft]:
    """n distinct people (ID numbers from the number k = start..start+n-1)."""
    return [
        WorkerDraft(
            name="孙" + "一二三四五六七八九十"[k % 10] + "平",
            id_number=make_id_number(
                region, date(1950 + k // 1000, 1 + k % 12, 1 + k % 28), k % 1000
            ),
            phone=f"136{k:08d}",
        )
        for k in range(start, start + n)
    ]


def through(desk: Desk, server_url: str) -> None:
    """Point a connected desk at another address (the fault proxy)."""
    with desk.db.write() as session:
        put_setting(session, SERVER_KEY, server_url)


def pending(desk: Desk) -> list[Outbox]:
    with desk.db.read() as session:
        return list(
            session.exec(
                select(Outbox).where(col(Outbox.pushed_at).is_(None)).order_by(col(Outbox.seq))
            ).all()
        )


def cursor(desk: Desk) -> int:
    with desk.db.read() as session:
        return int(get_setting(session, CURSOR_KEY, "0") or 0)


def stream(server_url: str, reader: Desk) -> list[PulledChange]:
    """The whole district stream as `reader` would pull it, read straight from the server."""
    _server, token = connection(reader)  # type: ignore[misc]
    client, after, changes = DistrictClient(server_url, token), 0, []
    while True:
        page = client.pull(after, 2000)
        changes += page.changes
        if not page.has_more or page.next_after <= after:
            return changes
        after = page.next_after


def op_counts(changes: list[PulledChange], author: Desk) -> Counter[tuple[str, str]]:
    """How often each (record, stamp) of this author is in the stream."""
    return Counter((c.record_id, c.hlc) for c in changes if c.station_id == author.station_id)


def export(desk: Desk, path: Path) -> bytes:
    export_ledger(desk.db, "json", path)
    return path.read_bytes()


def exported(desk: Desk, path: Path) -> dict[str, list[dict[str, object]]]:
    return json.loads(export(desk, path).decode("utf-8"))


def pull_afters(targets: list[str]) -> list[int]:
    """The `after` of every pull request the proxy saw, in order."""
    return [
        int(parse_qs(urlsplit(t).query)["after"][0])
        for t in targets
        if urlsplit(t).path.endswith("/pull")
    ]
