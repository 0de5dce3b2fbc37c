"""The worker–trade table for matching: one row per active worker and trade code.

``services.matching`` finds the workers for a posting here instead of scanning the worker
table: the table is clustered by (group_code, code, worker_id), so the workers of one trade,
or of one catalogue group, are one contiguous range, and each row carries what the score
needs besides the posting (wish or skill, hardship, expected pay, wanted employment modes, the
worker's text when it names a place) so SQLite can estimate every candidate's score without
reading the worker rows. ``ix_worker_trade_class`` (group, placed, hardship, pay) lets the
service read a group's workers class by class, best possible score first.

Derived data, like the search index: it is written in the same transaction as every worker
write (``index_worker`` / ``index_workers`` with the values in hand, ``reindex_worker`` from the
stored row) and can be rebuilt from the worker table at any time (``rebuild``). Inactive and
deleted workers have no rows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from station_desk.domain.matching import PLACE_SUFFIXES, group_of, wanted_modes
from station_desk.store.driver import sqlite3
from station_desk.store.models import Worker
from station_desk.store.rows import storage_converters

HARDSHIP_FIELDS = (
    "hardship_long_wait",
    "hardship_low_income",
    "hardship_disability",
    "hardship_older",
)
COLUMNS = (
    "group_code, code, worker_id, wish, hardship, placed, pay_min, pay_unit, modes, wishes, "
    "registered_at"
)
_INSERT = f"INSERT OR REPLACE INTO worker_trade ({COLUMNS}) VALUES ({', '.join('?' * 11)})"
_DELETE = "DELETE FROM worker_trade WHERE worker_id = ?"
_WORKER_COLUMNS = (
    "id, deleted, status, skill_codes, intention_codes, skills_text, intentions_text, "
    f"expected_pay_min, expected_pay_unit, registered_at, {', '.join(HARDSHIP_FIELDS)}"
)

TradeRow = tuple[str, str, str, bool, bool, bool, float | None, str | None, str, str, str]


def codes(value: object) -> tuple[str, ...]:
    """Trade codes from a worker's stored JSON list (or a list already parsed)."""
    if isinstance(value, str):
        return _codes_of_json(value)
    if not isinstance(value, list | tuple):
        return ()
    return tuple(dict.fromkeys(str(c) for c in value if c))


@lru_cache(maxsize=8192)
def _codes_of_json(text: str) -> tuple[str, ...]:
    """Cached: the same few code lists repeat across thousands of workers (bulk indexing)."""
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return ()
    if not isinstance(value, list):
        return ()
    return tuple(dict.fromkeys(str(c) for c in value if c))


@lru_cache(maxsize=8192)
def _modes_text(intentions_text: str) -> str:
    """' daily temporary ' for the modes a worker's wishes name (instr(modes, ' daily '))."""
    wanted = sorted(wanted_modes(intentions_text))
    return f" {' '.join(wanted)} " if wanted else ""


def place_text(intentions_text: str, skills_text: str) -> str:
    """The text the area rule looks in, or '' when it names no township or village (so it can
    match no work location: every place ends with one of PLACE_SUFFIXES)."""
    text = f"{intentions_text} {skills_text}"
    return text if any(s in text for s in PLACE_SUFFIXES) else ""


def trade_rows(row: Mapping[str, Any]) -> list[TradeRow]:
    """The worker_trade rows of one worker's values (stored or model values)."""
    if row.get("deleted") or row.get("status", "active") != "active":
        return []
    wishes = codes(row.get("intention_codes"))
    skills = codes(row.get("skill_codes"))
    if not wishes and not skills:
        return []
    intentions_text = str(row.get("intentions_text") or "")
    skills_text = str(row.get("skills_text") or "")
    hardship = any(bool(row.get(name)) for name in HARDSHIP_FIELDS)
    pay_min = row.get("expected_pay_min")
    modes = _modes_text(intentions_text)
    places = place_text(intentions_text, skills_text)
    registered = row.get("registered_at") or ""
    if not isinstance(registered, str):  # a model's datetime: the text SQLite will hold
        registered = storage_converters(Worker)["registered_at"](registered)
    return [
        (
            group_of(code) or "",
            code,
            str(row["id"]),
            code in wishes,
            hardship,
            bool(places),
            None if pay_min is None else float(pay_min),
            row.get("expected_pay_unit"),
            modes,
            places,
            str(registered),
        )
        for code in dict.fromkeys((*wishes, *skills))
    ]


def _key(row: TradeRow) -> tuple[str, str, str]:
    return row[0], row[1], row[2]


def index_workers(
    conn: sqlite3.Connection, rows: Iterable[Mapping[str, Any]], *, new: bool = False
) -> int:
    """(Re)index workers from their values in hand (bulk writes: demo data, sync pulls);
    ``new``: none of them was indexed before (skips removing their old rows)."""
    ids: list[tuple[str]] = []
    values: list[TradeRow] = []
    for row in rows:
        ids.append((str(row["id"]),))
        values += trade_rows(row)
    if not new:
        conn.executemany(_DELETE, ids)
    conn.executemany(_INSERT, sorted(values, key=_key))  # in key order: fewer pages touched
    return len(values)


def index_worker(conn: sqlite3.Connection, row: Mapping[str, Any]) -> None:
    """(Re)index one worker from its values (Tx.save: ``record.model_dump()``)."""
    index_workers(conn, [row])


def remove_worker(conn: sqlite3.Connection, worker_id: str) -> None:
    conn.execute(_DELETE, (worker_id,))


def _stored_rows(conn: sqlite3.Connection, where: str, args: tuple[Any, ...]) -> list[dict]:
    cursor = conn.execute(f"SELECT {_WORKER_COLUMNS} FROM worker {where}", args)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]


def reindex_worker(conn: sqlite3.Connection, worker_id: str) -> None:
    """(Re)index one worker from its stored row (sync merges); a missing row leaves."""
    rows = _stored_rows(conn, "WHERE id = ?", (worker_id,))
    if rows:
        index_workers(conn, rows)
    else:
        remove_worker(conn, worker_id)


def rebuild(conn: sqlite3.Connection) -> int:
    """Empty the table and index every worker again; returns the number of rows."""
    conn.execute("DELETE FROM worker_trade")
    cursor = conn.execute(
        f"SELECT {_WORKER_COLUMNS} FROM worker WHERE status = 'active' AND NOT deleted"
    )
    names = [d[0] for d in cursor.description]
    values = [v for row in cursor for v in trade_rows(dict(zip(names, row, strict=True)))]
    conn.executemany(_INSERT, sorted(values, key=_key))
    return len(values)
