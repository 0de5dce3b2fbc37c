"""Matching at the counter: open postings for a worker, active workers for a posting.

SQL narrows the candidates and estimates their scores: open, unexpired postings of the
worker's trades and catalogue groups (by the posting trade/status index); active workers of
the posting's trade from the derived ``worker_trade`` table (store.trade_index), then of its
group's other trades only when they could still reach the list. The estimates are upper
bounds of ``domain.matching.score`` computed by SQLite, so candidates are read best first, a
few at a time, scored by the domain rules, and reading stops as soon as no later candidate
can enter the list: the result is exactly the top of a full evaluation (``rank_all_*``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from station_desk.domain import matching as rules
from station_desk.domain.masking import mask_name
from station_desk.domain.matching import Match, PostingView, WorkerView
from station_desk.domain.occupations import occupation_by_code, related_codes
from station_desk.domain.posting import format_pay
from station_desk.services.context import Desk, NotFound
from station_desk.store.db import sqlite_connection
from station_desk.store.driver import sqlite3
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


Key = tuple[Any, ...]
Ranked = list[tuple[Match, Key]]
# (id, estimate, tie-break key): candidates best first, the estimate never below the score.
Candidate = tuple[str, int, Key]


def _posting_key(published_at: object, posting_id: str) -> Key:
    """Newest first, then by id (the order of ``published_at DESC, id``)."""
    moment = stored_time(published_at) or datetime.min
    return (-moment.timestamp(), posting_id)


def _add(best: Ranked, match: Match, key: Key, limit: int) -> None:
    best.append((match, key))
    best.sort(key=lambda item: (-item[0].score, item[1]))
    del best[limit:]


def _collect(
    candidates: Callable[[int], list[Candidate]],
    score: Callable[[list[str]], dict[str, Match]],
    limit: int,
    best: Ranked,
) -> None:
    """Score candidates best estimate first into ``best`` (kept to ``limit``), stopping as
    soon as no later candidate can enter: its estimate is an upper bound of its score, and
    the candidates come by estimate, then tie-break key, so the first that cannot enter ends
    it. Reads them ``size`` at a time (SQLite keeps just the top ``size`` while sorting)."""
    if limit <= 0:
        return
    size, done = 2 * limit + 8, {m.id for m, _ in best}

    def cannot_enter(estimate: int, key: Key) -> bool:
        if len(best) < limit:
            return False
        kth, kth_key = best[-1][0].score, best[-1][1]
        return estimate < kth or (estimate == kth and key > kth_key)

    while True:
        rows = candidates(size)
        # Load and score a few at a time: only rows before the first that cannot enter now.
        start = 0
        while start < len(rows):
            if cannot_enter(rows[start][1], rows[start][2]):
                return
            chunk = rows[start : start + max(8, limit)]
            matches = score([rid for rid, _, _ in chunk if rid not in done])
            for rid, estimate, key in chunk:
                if cannot_enter(estimate, key):
                    return
                if rid not in done:
                    done.add(rid)
                    if (match := matches.get(rid)) is not None:
                        _add(best, match, key, limit)
            start += len(chunk)
        if len(rows) < size:
            return
        size *= 4


def _fresh_sql(now: datetime) -> tuple[str, list[object]]:
    """An upper bound of ``rules.fresh_points`` in SQL (rounds half up, with a hair of slack
    for floating point; the true points round half to even)."""
    sql = (
        "coalesce(min(?, max(0, CAST(? * (1 - max(0, julianday(?) - julianday(p.published_at)) "
        "/ ?) + 0.500001 AS INTEGER))), ?)"
    )
    return sql, [rules.FRESH, float(rules.FRESH), now.isoformat(" "), rules.FRESH_DAYS, rules.FRESH]


def _posting_estimate(
    worker: WorkerView, now: datetime, groups: Sequence[str]
) -> tuple[str, list[object]]:
    """``rules.score`` of each posting for this worker in SQL, NULL when the trades do not
    meet; exact but for the area (any place-like part of the worker's text in the location)
    and the rounding of freshness, where it can only be higher."""
    wishes, skills = list(worker.intention_codes), list(worker.skill_codes)
    trade = (
        "CASE WHEN coalesce(p.occupation_code, '') = '' THEN (CASE WHEN p.occupation_name != '' "
        "AND (instr(?, p.occupation_name) OR instr(?, p.occupation_name)) THEN ? END)"
    )
    args: list[object] = [worker.intentions_text, worker.skills_text, rules.TEXT_EXACT]
    for codes, points in ((wishes, rules.WISH_EXACT), (skills, rules.SKILL_EXACT)):
        if codes:
            trade += f" WHEN p.occupation_code IN ({_marks(codes)}) THEN ?"
            args += [*codes, points]
    if groups:
        trade += f" WHEN p.occupation_code IN ({_marks(groups)}) THEN ?"
        args += [*groups, rules.SAME_GROUP]
    sql = f"({trade} END)"
    if worker.expected_pay_min is not None:
        sql += (
            " + (CASE WHEN coalesce(p.pay_max, p.pay_min) IS NULL OR p.pay_unit IS NOT ? THEN 0 "
            "WHEN coalesce(p.pay_max, p.pay_min) >= ? THEN ? ELSE ? END)"
        )
        args += [worker.expected_pay_unit, worker.expected_pay_min, rules.PAY_OK, rules.PAY_LOW]
    modes = sorted(rules.wanted_modes(worker.intentions_text))
    if modes:
        sql += f" + (CASE WHEN p.employment_mode IN ({_marks(modes)}) THEN ? ELSE 0 END)"
        args += [*modes, rules.MODE]
    near = rules.place_candidates(f"{worker.intentions_text} {worker.skills_text}")
    if near:
        test = " OR ".join("instr(p.work_location, ?)" for _ in near)
        sql += f" + (CASE WHEN {test} THEN ? ELSE 0 END)"
        args += [*near, rules.AREA]
    fresh, fresh_args = _fresh_sql(now)
    sql += f" + {fresh}"
    args += fresh_args
    if worker.hardships:
        sql += " + ?"
        args.append(rules.HARDSHIP)
    return sql, args


def postings_for_worker(desk: Desk, worker_id: str, limit: int = 20) -> list[Match]:
    """Open postings for a worker, best first."""
    now, limit = desk.now(), max(0, limit)
    best: Ranked = []
    with desk.db.read() as session:
        conn = sqlite_connection(session)
        worker = _load_worker(conn, worker_id)
        codes = list(dict.fromkeys((*worker.intention_codes, *worker.skill_codes)))
        groups = list(dict.fromkeys(c for code in codes for c in related_codes(code)))
        estimate, args = _posting_estimate(worker, now, groups)
        wanted = list(dict.fromkeys((*codes, *groups)))
        # Both parts read ix_posting_match alone (the + keeps SQLite off the status index).
        # Postings without a catalogue trade match by name, tested in the estimate.
        select = f"SELECT p.id, p.published_at, {estimate} AS estimate FROM posting p WHERE "
        is_open = (
            "p.status = 'open' AND NOT +p.deleted "
            "AND (+p.expiry_date IS NULL OR +p.expiry_date >= ?)"
        )
        query = (
            f"{select} p.occupation_code IN ({_marks(wanted)}, '') AND {is_open} "
            f"AND estimate IS NOT NULL UNION ALL {select} p.occupation_code IS NULL AND "
            f"{is_open} AND estimate IS NOT NULL "
            "ORDER BY estimate DESC, published_at DESC, id LIMIT ?"
        )
        today = desk.today().isoformat()
        params = [*args, *wanted, today, *args, today]

        def candidates(size: int) -> list[Candidate]:
            rows = conn.execute(query, [*params, size]).fetchall()
            return [(r[0], r[2], _posting_key(r[1], r[0])) for r in rows]

        def score(ids: list[str]) -> dict[str, Match]:
            found: dict[str, Match] = {}
            for posting in _load_postings(conn, ids):
                match = rules.score(worker, posting, now)
                if match is not None:
                    match.id, match.title = posting.id, posting_title(posting)
                    found[posting.id] = match
            return found

        _collect(candidates, score, limit, best)
    return [m for m, _ in best]


def _load_postings(conn: sqlite3.Connection, ids: Sequence[str]) -> list[PostingView]:
    if not ids:
        return []
    rows = conn.execute(
        f"SELECT {_POSTING_COLUMNS} FROM posting p LEFT JOIN employer e ON e.id = p.employer_id "
        f"WHERE p.id IN ({_marks(ids)})",
        list(ids),
    ).fetchall()
    return [_posting(row) for row in rows]


def _load_workers(conn: sqlite3.Connection, ids: Sequence[str]) -> list[tuple[WorkerView, str]]:
    if not ids:
        return []
    rows = conn.execute(
        f"SELECT {_WORKER_COLUMNS} FROM worker WHERE id IN ({_marks(ids)})", list(ids)
    ).fetchall()
    return [(_worker(row), str(row[13])) for row in rows]


def _worker_estimate(posting: PostingView, trade: str, now: datetime) -> tuple[str, list[object]]:
    """``rules.score`` of each worker_trade row for this posting in SQL: exact (the row
    carries the worker's wanted modes and, when it names a place, the text the area rule
    reads); ``trade`` is the SQL of the trade points."""
    offer = posting.pay_max if posting.pay_max is not None else posting.pay_min
    sql = (
        f"{trade} + hardship * ? + (CASE WHEN pay_min IS NULL OR ? IS NULL OR "
        "pay_unit IS NOT ? THEN 0 WHEN ? >= pay_min THEN ? ELSE ? END)"
    )
    args: list[object] = [rules.HARDSHIP, offer, posting.pay_unit, offer]
    args += [rules.PAY_OK, rules.PAY_LOW]
    if posting.employment_mode:
        sql += " + (CASE WHEN instr(modes, ?) THEN ? ELSE 0 END)"
        args += [f" {posting.employment_mode} ", rules.MODE]
    places = rules.places(posting.work_location)
    if places:
        test = " OR ".join("instr(wishes, ?)" for _ in places)
        sql += f" + (CASE WHEN placed AND ({test}) THEN ? ELSE 0 END)"
        args += [*places, rules.AREA]
    sql += " + ?"
    args.append(rules.fresh_points(posting, now))
    return sql, args


Class = tuple[int, str, list[object]]  # (the most its rows can score, SQL condition, args)


def _classes(posting: PostingView, trade_max: int, now: datetime) -> list[Class]:
    """The worker_trade rows split by what the score can reach (ix_worker_trade_class):
    names a place or not, hardship or not, pay meets the offer, falls short or says nothing.
    Best reach first."""
    offer = posting.pay_max if posting.pay_max is not None else posting.pay_min
    base = trade_max + rules.fresh_points(posting, now)
    base += rules.MODE if posting.employment_mode else 0
    if offer is None:
        pays: list[tuple[int, str, list[object]]] = [(0, "", [])]
    else:
        unit = posting.pay_unit
        pays = [
            (rules.PAY_OK, " AND pay_unit IS ? AND pay_min <= ?", [unit, offer]),
            (0, " AND NOT (pay_unit IS ? AND pay_min IS NOT NULL)", [unit]),
            (rules.PAY_LOW, " AND pay_unit IS ? AND pay_min > ?", [unit, offer]),
        ]
    area = rules.AREA if rules.places(posting.work_location) else 0
    classes = [
        (
            base + placed * area + hardship * rules.HARDSHIP + pay,
            f"placed = ? AND hardship = ?{sql}",
            [placed, hardship, *args],
        )
        for placed in (1, 0)
        for hardship in (1, 0)
        for pay, sql, args in pays
    ]
    return sorted(classes, key=lambda c: -c[0])


def _best_workers(
    conn: sqlite3.Connection,
    posting: PostingView,
    now: datetime,
    limit: int,
    best: Ranked,
    related: bool,
) -> None:
    """Add the workers of the posting's trade (or, ``related``, of the other trades in its
    catalogue group) to ``best``, read from worker_trade class by class, best estimate first,
    skipping the classes that cannot reach the list."""
    if limit <= 0:
        return
    code = str(posting.occupation_code)
    group = rules.group_of(code) or ""
    if related:
        trade, trade_args, trade_max = "?", [rules.SAME_GROUP], rules.SAME_GROUP
        where, where_args = "group_code = ? AND code != ?", [group, code]
    else:
        trade = "(CASE WHEN wish THEN ? ELSE ? END)"
        trade_args, trade_max = [rules.WISH_EXACT, rules.SKILL_EXACT], rules.WISH_EXACT
        where, where_args = "group_code = ? AND code = ?", [group, code]
    estimate, args = _worker_estimate(posting, trade, now)

    def score(ids: list[str]) -> dict[str, Match]:
        found: dict[str, Match] = {}
        for worker, _ in _load_workers(conn, ids):
            if related and code in (*worker.intention_codes, *worker.skill_codes):
                continue  # of the trade itself: read in the first pass, and could not enter
            match = rules.score(worker, posting, now)
            if match is not None:
                match.id, match.title = worker.id, worker_title(worker)
                found[worker.id] = match
        return found

    for reach, condition, condition_args in _classes(posting, trade_max, now):
        if len(best) >= limit and reach < best[-1][0].score:
            return
        query = (
            f"SELECT worker_id, registered_at, {estimate} AS estimate FROM worker_trade "
            f"WHERE {where} AND {condition} ORDER BY estimate DESC, registered_at, worker_id "
            "LIMIT ?"
        )
        params = [*trade_args, *args, *where_args, *condition_args]

        def candidates(
            size: int, query: str = query, params: list[object] = params
        ) -> list[Candidate]:
            rows = conn.execute(query, [*params, size]).fetchall()
            return [(r[0], r[2], (str(r[1]), r[0])) for r in rows]

        _collect(candidates, score, limit, best)


def workers_for_posting(desk: Desk, posting_id: str, limit: int = 20) -> list[Match]:
    """Active workers for a posting, best first (hardship workers ranked up)."""
    now, limit = desk.now(), max(0, limit)
    best: Ranked = []
    with desk.db.read() as session:
        conn = sqlite_connection(session)
        posting = _load_posting(conn, posting_id)
        code = posting.occupation_code
        if limit == 0:
            return []
        if not code:
            # No catalogue trade: workers whose text names it (rare; a scan of the text).
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
            return rules.rank(best, limit)
        _best_workers(conn, posting, now, limit, best, related=False)
        # A worker of a related trade scores at most this; read them only if that could matter.
        reach = rules.SAME_GROUP + rules.HARDSHIP + rules.MAX_EXTRA - rules.FRESH
        reach += rules.fresh_points(posting, now)
        if rules.group_of(code) and (len(best) < limit or best[-1][0].score <= reach):
            _best_workers(conn, posting, now, limit, best, related=True)
    return [m for m, _ in best]


def rank_all_postings(desk: Desk, worker_id: str, limit: int = 20) -> list[Match]:
    """The reference: every open posting scored by ``domain.matching``, no narrowing (what
    ``postings_for_worker`` must equal; the benchmark's baseline)."""
    now = desk.now()
    with desk.db.read() as session:
        conn = sqlite_connection(session)
        worker = _load_worker(conn, worker_id)
        rows = conn.execute(
            f"SELECT {_POSTING_COLUMNS} FROM posting p LEFT JOIN employer e "
            f"ON e.id = p.employer_id WHERE {_OPEN_POSTING}",
            (desk.today().isoformat(),),
        ).fetchall()
    scored: Ranked = []
    for row in rows:
        posting = _posting(row)
        match = rules.score(worker, posting, now)
        if match is not None:
            match.id, match.title = posting.id, posting_title(posting)
            scored.append((match, _posting_key(row[8], posting.id)))
    return rules.rank(scored, limit)


def rank_all_workers(desk: Desk, posting_id: str, limit: int = 20) -> list[Match]:
    """The reference: every active worker scored by ``domain.matching``, no narrowing (what
    ``workers_for_posting`` must equal; the benchmark's baseline)."""
    now = desk.now()
    with desk.db.read() as session:
        conn = sqlite_connection(session)
        posting = _load_posting(conn, posting_id)
        rows = conn.execute(f"SELECT {_WORKER_COLUMNS} FROM worker WHERE {_ACTIVE_WORKER}")
        scored: Ranked = []
        for row in rows:
            worker = _worker(row)
            match = rules.score(worker, posting, now)
            if match is not None:
                match.id, match.title = worker.id, worker_title(worker)
                scored.append((match, (str(row[13]), worker.id)))
    return rules.rank(scored, limit)


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
