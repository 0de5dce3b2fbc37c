"""List queries for the desk's tables: ordered id lists, rows by id in blocks, counts.

SQL only (no Qt): the UI's table models hold the ordered ids and ask for the rows they
show, a block at a time, so a list of 100,000 workers costs one id column in memory.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from station_desk.store.driver import sqlite3

Row = dict[str, Any]


def hires_sql(posting_id: str) -> str:
    """How many workers a posting has hired, as an SQL expression: referrals to the posting
    with a 'hired' outcome, each worker counted once. The one definition of a hire that the
    postings list (还缺) and services.referrals (a full posting closes itself) share;
    ``posting_id`` is the SQL for the posting's id (``?`` or a column such as ``p.id``)."""
    return (
        "(SELECT count(DISTINCT r.worker_id) FROM referral r "
        f"WHERE r.posting_id = {posting_id} AND NOT r.deleted AND EXISTS (SELECT 1 FROM "
        "referral_outcome o WHERE o.referral_id = r.id AND o.outcome = 'hired' AND NOT o.deleted))"
    )


_ID_QUERIES = {
    "worker": "SELECT id FROM worker WHERE NOT deleted ORDER BY registered_at DESC, id DESC",
    "employer": "SELECT id FROM employer WHERE NOT deleted ORDER BY registered_at DESC, id DESC",
    "posting": "SELECT id FROM posting WHERE NOT deleted ORDER BY published_at DESC, id DESC",
}

_ROW_QUERIES = {
    "worker": (
        "SELECT id, name, sex, birth_date, id_number, phone, region_code, skills_text, "
        "intentions_text, skill_codes, intention_codes, status, registered_at, "
        "hardship_long_wait, hardship_low_income, hardship_disability, hardship_older "
        "FROM worker WHERE id IN ({marks})"
    ),
    "employer": (
        "SELECT e.id, e.name, e.kind, e.contact_person, e.phone, e.address, e.registered_at, "
        "(SELECT count(*) FROM posting p WHERE p.employer_id = e.id AND p.status = 'open' "
        "AND NOT p.deleted) AS open_postings "
        "FROM employer e WHERE e.id IN ({marks})"
    ),
    "posting": (
        "SELECT p.id, p.occupation_name, p.occupation_code, e.name AS employer_name, "
        "p.headcount, p.employment_mode, p.pay_min, p.pay_max, p.pay_unit, p.pay_method, "
        "p.work_location, p.expiry_date, p.status, p.published_at, "
        f"{hires_sql('p.id')} AS hires "
        "FROM posting p LEFT JOIN employer e ON e.id = p.employer_id WHERE p.id IN ({marks})"
    ),
}

# SQLite's default limit on host parameters is 999 in old builds; stay well below.
_MAX_PARAMS = 500


def record_ids(conn: sqlite3.Connection, kind: str) -> list[str]:
    """All live ids of a kind, newest first (the order of the desk's lists)."""
    return [r[0] for r in conn.execute(_ID_QUERIES[kind])]


def record_rows(conn: sqlite3.Connection, kind: str, ids: Sequence[str]) -> dict[str, Row]:
    """The list columns of the given records, keyed by id (missing ids are left out)."""
    sql = _ROW_QUERIES[kind]
    found: dict[str, Row] = {}
    for start in range(0, len(ids), _MAX_PARAMS):
        chunk = list(ids[start : start + _MAX_PARAMS])
        cursor = conn.execute(sql.format(marks=",".join("?" * len(chunk))), chunk)
        names = [d[0] for d in cursor.description]
        for values in cursor:
            row = dict(zip(names, values, strict=True))
            found[row["id"]] = row
    return found


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """What the status bar shows: workers, employers and open postings on the books."""
    row = conn.execute(
        "SELECT (SELECT count(*) FROM worker WHERE NOT deleted), "
        "(SELECT count(*) FROM employer WHERE NOT deleted), "
        "(SELECT count(*) FROM posting WHERE NOT deleted AND status = 'open' "
        "AND (expiry_date IS NULL OR expiry_date >= date('now', 'localtime')))"
    ).fetchone()
    return {"workers": row[0], "employers": row[1], "open_postings": row[2]}


def employer_choices(conn: sqlite3.Connection, limit: int = 5000) -> list[tuple[str, str]]:
    """(id, name) of employers for the posting form's picker, most recent first."""
    rows = conn.execute(
        "SELECT id, name FROM employer WHERE NOT deleted ORDER BY registered_at DESC LIMIT ?",
        (limit,),
    )
    return [(r[0], r[1]) for r in rows]


def employer_name(conn: sqlite3.Connection, employer_id: str) -> str:
    row = conn.execute("SELECT name FROM employer WHERE id = ?", (employer_id,)).fetchone()
    return str(row[0]) if row else ""


def is_erased(conn: sqlite3.Connection, record_id: str) -> bool:
    row = conn.execute("SELECT status = 'erased' FROM worker WHERE id = ?", (record_id,))
    found = row.fetchone()
    return bool(found and found[0])


def is_active(conn: sqlite3.Connection, kind: str, record_id: str) -> bool:
    """A worker still seeking work / a posting still open (expired ones count as closed)."""
    if kind == "worker":
        row = conn.execute("SELECT status = 'active' FROM worker WHERE id = ?", (record_id,))
    elif kind == "posting":
        row = conn.execute(
            "SELECT status = 'open' AND (expiry_date IS NULL OR expiry_date >= date('now', "
            "'localtime')) FROM posting WHERE id = ?",
            (record_id,),
        )
    else:
        return True
    found = row.fetchone()
    return bool(found and found[0])
