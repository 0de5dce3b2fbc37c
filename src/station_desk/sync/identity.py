"""Taking on the station id the district issued.

A desk that worked offline before it was connected has stamped its records with an id it
made itself. When IT connects it with the district's station id, every stamp and origin is
rewritten to the issued id in one transaction, before anything has been pushed, so the
server sees all of the station's work as its own.
"""

from __future__ import annotations

from station_desk.store.driver import sqlite3
from station_desk.store.models import SYNCED_MODELS

_STAMPED = ("created_hlc", "updated_hlc", "field_hlc", "origin_station")


class IdentityError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def adopt_station_id(conn: sqlite3.Connection, old: str, new: str) -> None:
    """Rewrite this desk's records from station id `old` to `new` (inside a transaction)."""
    if old == new:
        return
    pushed = conn.execute("SELECT count(*) FROM outbox WHERE pushed_at IS NOT NULL").fetchone()[0]
    if pushed:
        raise IdentityError(
            "本机已经以另一个驿站身份同步过数据，不能改用新的驿站编号。"
            "如需更换，请联系区里的信息化人员。"
        )
    for kind in SYNCED_MODELS:
        assignments = ", ".join(f"{c} = replace({c}, ?, ?)" for c in _STAMPED)
        conn.execute(f"UPDATE {kind} SET {assignments}", [old, new] * len(_STAMPED))
    conn.execute("UPDATE station SET id = ? WHERE id = ?", (new, old))
    conn.execute(
        "UPDATE outbox SET hlc = replace(hlc, ?, ?), fields = replace(fields, ?, ?), "
        "record_id = CASE WHEN record_kind = 'station' AND record_id = ? THEN ? ELSE record_id END",
        (old, new, old, new, old, new),
    )
    conn.execute(
        "UPDATE setting SET value = replace(value, ?, ?) WHERE key = 'hlc.last'", (old, new)
    )
    conn.execute("UPDATE setting SET value = ? WHERE key = 'station.id'", (new,))
