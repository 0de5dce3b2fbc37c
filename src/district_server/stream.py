"""Reading the district stream for a pull.

Runs in one read snapshot (db.read_session), so the highest sequence examined is exact: when
the page is not full, the cursor moves to the highest sequence in that snapshot (past the
asking station's own changes), and anything committed later has a higher sequence.

A page is written straight to JSON text: `fields` and `base` are stored as JSON written by
the server itself (merge.py), so they are copied into the reply as they are instead of being
parsed, validated and encoded again for every row (a first sync reads the whole stream).
"""

from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlmodel import Session

from station_desk.sync.protocol import PulledChange

from .models import ChangeLog

_log = ChangeLog.__table__  # type: ignore[attr-defined]
_COLUMNS = (
    _log.c.seq,
    _log.c.kind,
    _log.c.record_id,
    _log.c.fields,
    _log.c.hlc,
    _log.c.station_id,
    _log.c.base,
)
Row = tuple[int, str, str, str, str, str, str | None]


def _read_rows(
    session: Session, station_id: str, after: int, limit: int
) -> tuple[list[Row], int, bool]:
    query = (
        select(*_COLUMNS)
        .where(_log.c.seq > after, _log.c.station_id != station_id)
        .order_by(_log.c.seq)
        .limit(limit + 1)
    )
    rows: list[Row] = [tuple(r) for r in session.execute(query)]  # type: ignore[misc]
    if len(rows) > limit:
        rows = rows[:limit]
        return rows, rows[-1][0], True
    top = session.execute(select(func.max(_log.c.seq))).scalar()
    return rows, max(after, int(top or 0)), False


def read_page(
    session: Session, station_id: str, after: int, limit: int
) -> tuple[list[PulledChange], int, bool]:
    """(changes, next_after, has_more) for the changes after `after` not authored by station."""
    rows, next_after, has_more = _read_rows(session, station_id, after, limit)
    changes = [
        PulledChange(
            seq=seq,
            kind=kind,
            record_id=record_id,
            fields=json.loads(fields),
            hlc=hlc,
            station_id=author,
            base=json.loads(base or "{}"),
        )
        for seq, kind, record_id, fields, hlc, author, base in rows
    ]
    return changes, next_after, has_more


_quote = json.JSONEncoder(ensure_ascii=False).encode


def read_page_json(
    session: Session, station_id: str, after: int, limit: int
) -> tuple[str, int, bool]:
    """As read_page, with the changes as the text of a JSON array of PulledChange."""
    rows, next_after, has_more = _read_rows(session, station_id, after, limit)
    text = ",".join(
        f'{{"seq":{seq},"kind":{_quote(kind)},"record_id":{_quote(record_id)},'
        f'"fields":{fields},"hlc":{_quote(hlc)},"station_id":{_quote(author)},'
        f'"base":{base or "{}"}}}'
        for seq, kind, record_id, fields, hlc, author, base in rows
    )
    return f"[{text}]", next_after, has_more


def highest_stamp(session: Session) -> str | None:
    return session.execute(select(func.max(_log.c.hlc))).scalar()
