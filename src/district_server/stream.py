"""Reading the district stream for a pull.

Runs in one read snapshot (db.read_session), so the highest sequence examined is exact: when
the page is not full, the cursor moves to the highest sequence in that snapshot (past the
asking station's own changes), and anything committed later has a higher sequence.
"""

from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlmodel import Session

from station_desk.sync.protocol import PulledChange

from .models import ChangeLog

_log = ChangeLog.__table__  # type: ignore[attr-defined]


def read_page(
    session: Session, station_id: str, after: int, limit: int
) -> tuple[list[PulledChange], int, bool]:
    """(changes, next_after, has_more) for the changes after `after` not authored by station."""
    query = (
        select(
            _log.c.seq,
            _log.c.kind,
            _log.c.record_id,
            _log.c.fields,
            _log.c.hlc,
            _log.c.station_id,
            _log.c.base,
        )
        .where(_log.c.seq > after, _log.c.station_id != station_id)
        .order_by(_log.c.seq)
        .limit(limit + 1)
    )
    rows = session.execute(query).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
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
    if has_more:
        return changes, rows[-1][0], True
    top = session.execute(select(func.max(_log.c.seq))).scalar()
    return changes, max(after, int(top or 0)), False


def highest_stamp(session: Session) -> str | None:
    return session.execute(select(func.max(_log.c.hlc))).scalar()
