"""Matching at the counter: open postings for a worker, active workers for a posting.

SQL narrows the candidates (open, unexpired postings of the worker's trades and their
catalogue groups; active workers whose trade codes contain the posting's trade, then its
group's trades only when they could still reach the list), ``domain.matching`` scores them.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Sequence
from datetime import datetime

from station_desk.domain import matching as rules
from station_desk.domain.masking import mask_name
from station_desk.domain.matching import Match, PostingView, WorkerView
from station_desk.domain.occupations import occupation_by_code, related_codes
from station_desk.domain.posting import format_pay
from station_desk.services.context import Desk, NotFound
from station_desk.store.db import sqlite_connection
from station_desk.store.rows import stored_time

_WORKER_COLUMNS = (
    "id, name, skill_codes, intention_codes, skills_text, intentions_text, expected_pay_min, "
    "expected_pay_max, expected_pay_unit, hardship_long_wait, hardship_low_income, "
    "hardship_disability, hardship_older, registered_at"
)
_POSTING_COLUMNS = (
    "p.id, p.occupation_code, p.occupation_name, p.employment_mode, p.work_location, p.pay_min, "
    "p.pay_max, p.pay_unit, p.published_at, coalesce(e.name, '')"
)
_ACTIVE_WORKER = "status = 'active' AND NOT deleted"
_OPEN_POSTING = (
    "p.status = 'open' AND NOT p.deleted AND (p.expiry_date IS NULL OR p.expiry_date >= ?)"
)


def _codes(text: str | None) -> tuple[str, ...]:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return ()
    return tuple(str(c) for c in value) if isinstance(value, list) else ()


def _worker(row: Sequence[object]) -> WorkerView:
    flags = row[9:13]
    return WorkerView(
        id=str(row[0]),
        name=str(row[1]),
        skill_codes=_codes(row[2]),  # type: ignore[arg-type]
        intention_codes=_codes(row[3]),  # type: ignore[arg-type]
        skills_text=str(row[4] or ""),
        intentions_text=str(row[5] or ""),
        expected_pay_min=row[6],  # type: ignore[arg-type]
        expected_pay_max=row[7],  # type: ignore[arg-type]
        expected_pay_unit=row[8],  # type: ignore[arg-type]
        hardships=tuple(
            label for (_, label), flag in zip(rules.HARDSHIP_LABELS, flags, strict=True) if flag
        ),
    )


def _posting(row: Sequence[object]) -> PostingView:
    return PostingView(
        id=str(row[0]),
        occupation_code=row[1],  # type: ignore[arg-type]
        occupation_name=str(row[2] or ""),
        employment_mode=str(row[3] or ""),
        work_location=str(row[4] or ""),
        pay_min=row[5],  # type: ignore[arg-type]
        pay_max=row[6],  # type: ignore[arg-type]
        pay_unit=row[7],  # type: ignore[arg-type]
        published_at=stored_time(row[8]),
        employer_name=str(row[9] or ""),
    )


def posting_title(posting: PostingView) -> str:
    pay = format_pay(posting.pay_min, posting.pay_max, posting.pay_unit) or "面议"
    return " · ".join(p for p in (posting.occupation_name, posting.employer_name, pay) if p)


def worker_title(worker: WorkerView) -> str:
    """Masked name and trade: never the full name, ID number or phone."""
    codes = (*worker.intention_codes, *worker.skill_codes)
    occupation = occupation_by_code(codes[0]) if codes else None
    trade = occupation.name if occupation else (worker.intentions_text or worker.skills_text)
    return " · ".join(p for p in (mask_name(worker.name), trade[:12]) if p)


def _load_worker(conn: sqlite3.Connection, worker_id: str) -> WorkerView:
    row = conn.execute(
        f"SELECT {_WORKER_COLUMNS} FROM worker WHERE id = ? AND NOT deleted", (worker_id,)
    ).fetchone()
    if row is None:
        raise NotFound(f"找不到该零工记录（{worker_id}）")
    return _worker(row)


def _load_posting(conn: sqlite3.Connection, posting_id: str) -> PostingView:
    row = conn.execute(
        f"SELECT {_POSTING_COLUMNS} FROM posting p LEFT JOIN employer e ON e.id = p.employer_id "
        "WHERE p.id = ? AND NOT p.deleted",
        (posting_id,),
    ).fetchone()
    if row is None:
        raise NotFound(f"找不到该招聘信息（{posting_id}）")
    return _posting(row)


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))


def postings_for_worker(desk: Desk, worker_id: str, limit: int = 20) -> list[Match]:
    """Open postings for a worker, best first."""
    now = desk.now()
    with desk.db.read() as session:
        conn = sqlite_connection(session)
        worker = _load_worker(conn, worker_id)
        codes = list(dict.fromkeys((*worker.intention_codes, *worker.skill_codes)))
        wanted = list(dict.fromkeys(c for code in codes for c in (code, *related_codes(code))))
        rows = conn.execute(
            f"SELECT {_POSTING_COLUMNS} FROM posting p LEFT JOIN employer e "
            f"ON e.id = p.employer_id WHERE {_OPEN_POSTING} AND "
            f"(p.occupation_code IN ({_marks(wanted)}) OR p.occupation_code IS NULL)",
            (desk.today().isoformat(), *wanted),
        ).fetchall()
    scored = []
    for row in rows:
        posting = _posting(row)
        match = rules.score(worker, posting, now)
        if match is not None:
            match.id, match.title = posting.id, posting_title(posting)
            newest = -(posting.published_at or datetime.min).timestamp()
            scored.append((match, (newest, posting.id)))
    return rules.rank(scored, limit)


def _estimate_sql(posting: PostingView) -> tuple[str, list[object]]:
    """domain.matching's points but freshness, computed by SQLite so the candidates come
    best first. Never below the true points: area and mode are tested by substring."""
    offer = posting.pay_max if posting.pay_max is not None else posting.pay_min
    needle = f'"{posting.occupation_code}"'
    sql = (
        "(CASE WHEN instr(intention_codes, ?) THEN ? WHEN instr(skill_codes, ?) THEN ? "
        "ELSE ? END) + (CASE WHEN hardship_long_wait OR hardship_low_income OR "
        "hardship_disability OR hardship_older THEN ? ELSE 0 END) + (CASE WHEN "
        "expected_pay_min IS NULL OR ? IS NULL OR expected_pay_unit IS NOT ? THEN 0 "
        "WHEN ? >= expected_pay_min THEN ? ELSE ? END)"
    )
    args: list[object] = [needle, rules.WISH_EXACT, needle, rules.SKILL_EXACT, rules.SAME_GROUP]
    args += [rules.HARDSHIP, offer, posting.pay_unit, offer, rules.PAY_OK, rules.PAY_LOW]
    places = rules.places(posting.work_location)
    if places:
        test = " OR ".join("instr(intentions_text || ' ' || skills_text, ?)" for _ in places)
        sql += f" + (CASE WHEN {test} THEN ? ELSE 0 END)"
        args += [*places, rules.AREA]
    words = rules.mode_words(posting.employment_mode)
    if words:
        test = " OR ".join("instr(intentions_text, ?)" for _ in words)
        sql += f" + (CASE WHEN {test} THEN ? ELSE 0 END)"
        args += [*words, rules.MODE]
    return sql, args


def _best_workers(
    conn: sqlite3.Connection,
    posting: PostingView,
    codes: Sequence[str],
    now: datetime,
    limit: int,
    best: list[tuple[Match, tuple[str, str]]],
) -> None:
    """Add the workers of these trades to ``best`` (kept to ``limit``), reading them best
    first and stopping once no further worker can enter the list."""
    if not codes or limit == 0:
        return
    estimate, args = _estimate_sql(posting)
    test = " OR ".join("instr(intention_codes, ?) OR instr(skill_codes, ?)" for _ in codes)
    needles = [n for code in codes for n in (f'"{code}"',) * 2]
    cursor = conn.execute(
        f"SELECT {_WORKER_COLUMNS}, {estimate} AS estimate FROM worker "
        f"WHERE {_ACTIVE_WORKER} AND ({test}) ORDER BY estimate DESC, registered_at, id",
        [*args, *needles],
    )
    fresh = rules.fresh_points(posting, now)
    seen = {m.id for m, _ in best}
    while rows := cursor.fetchmany(256):
        for row in rows:
            key = (str(row[13]), str(row[0]))  # longest registered first
            if len(best) >= limit:
                kth, kth_key = best[-1][0].score, best[-1][1]
                bound = row[14] + fresh
                if bound < kth or (bound == kth and key > kth_key):
                    return  # every later row is estimated lower, or equal and later
            if row[0] in seen:
                continue
            worker = _worker(row)
            match = rules.score(worker, posting, now)
            if match is None:
                continue
            match.id, match.title = worker.id, worker_title(worker)
            best.append((match, key))
            best.sort(key=lambda item: (-item[0].score, item[1]))
            del best[limit:]


def workers_for_posting(desk: Desk, posting_id: str, limit: int = 20) -> list[Match]:
    """Active workers for a posting, best first (hardship workers ranked up)."""
    now = desk.now()
    limit = max(0, limit)
    best: list[tuple[Match, tuple[str, str]]] = []
    with desk.db.read() as session:
        conn = sqlite_connection(session)
        posting = _load_posting(conn, posting_id)
        code = posting.occupation_code
        if not code:
            name = posting.occupation_name
            rows = conn.execute(
                f"SELECT {_WORKER_COLUMNS} FROM worker WHERE {_ACTIVE_WORKER} AND "
                "(instr(intentions_text, ?) OR instr(skills_text, ?))",
                (name, name),
            ).fetchall()
            for row in rows:
                worker = _worker(row)
                match = rules.score(worker, posting, now)
                if match is not None:
                    match.id, match.title = worker.id, worker_title(worker)
                    best.append((match, (str(row[13]), worker.id)))
            return rules.rank(best, limit)  # type: ignore[arg-type]
        _best_workers(conn, posting, [code], now, limit, best)
        # A worker of a related trade scores at most this; read them only if that could matter.
        reach = rules.SAME_GROUP + rules.HARDSHIP + rules.MAX_EXTRA - rules.FRESH
        reach += rules.fresh_points(posting, now)
        if len(best) < limit or best[-1][0].score <= reach:
            _best_workers(conn, posting, related_codes(code), now, limit, best)
    return [m for m, _ in best]


def match_command(
    desk: Desk, worker_id: str | None, posting_id: str | None, limit: int = 20
) -> int:
    """`station-desk match`: print the ranked list as JSON; 1 when the id is not found."""
    kind, record_id = ("worker", worker_id) if worker_id else ("posting", posting_id)
    assert record_id is not None
    try:
        if kind == "worker":
            results = postings_for_worker(desk, record_id, limit)
        else:
            results = workers_for_posting(desk, record_id, limit)
    except NotFound as error:
        print(str(error), file=sys.stderr)
        return 1
    payload = {
        "for": {"kind": kind, "id": record_id},
        "results": [
            {"id": m.id, "score": m.score, "reasons": m.reasons, "title": m.title} for m in results
        ],
    }
    print(json.dumps(payload, ensure_ascii=False))
    return 0
