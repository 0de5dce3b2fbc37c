"""Search benchmark: find-as-you-type through the FTS index against a LIKE '%…%' scan.

Builds a fresh station database with demo data (the generation rate is measured too), draws
mixed queries from that data — name fragments, pinyin initials, ID number tails, phone
numbers, trades, a few two-term queries, and posting queries by trade, employer and place —
and times each through ``store.search.search_ids`` (limit 50) and through a baseline scan of
the same columns with LIKE, newest 50 first, in the same run. Prints one JSON object a line:

    {"bench": "search_p95_ms", "value": 1.2, "baseline": 80.0, "ratio": 66.7}

ratio = baseline / value (higher is better). Run: ``./dev bench search [--workers N ...]``.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from station_desk.domain.occupations import CATALOGUE
from station_desk.domain.text import pinyin_keys
from station_desk.services.context import Desk
from station_desk.services.demo import fill_demo
from station_desk.store.db import Database, sqlite_connection
from station_desk.store.search import search_ids

LIMIT = 50
WORKER_COLUMNS = ("name", "id_number", "phone", "skills_text", "intentions_text")
POSTING_COLUMNS = ("p.occupation_name", "e.name", "p.work_location", "p.contact_phone")

Query = tuple[str, str, str]  # (kind, category, text)


def _fragment(rng: random.Random, text: str, low: int = 1, high: int = 2) -> str:
    size = min(len(text), rng.randint(low, high))
    start = rng.randrange(len(text) - size + 1)
    return text[start : start + size]


def draw_queries(conn: sqlite3.Connection, count: int, rng: random.Random) -> list[Query]:
    workers = conn.execute(
        "SELECT name, id_number, phone FROM worker ORDER BY random() LIMIT ?", (count,)
    ).fetchall()
    postings = conn.execute(
        "SELECT p.occupation_name, e.name, p.work_location FROM posting p "
        "JOIN employer e ON e.id = p.employer_id ORDER BY random() LIMIT ?",
        (count,),
    ).fetchall()
    trades = [o.name for o in CATALOGUE[:120]]
    makers: list[tuple[int, Callable[[int], Query]]] = [
        (20, lambda i: ("worker", "name", _fragment(rng, workers[i][0]))),
        (15, lambda i: ("worker", "initials", pinyin_keys(workers[i][0])[1][: rng.randint(2, 3)])),
        (5, lambda i: ("worker", "pinyin", pinyin_keys(workers[i][0])[0][: rng.randint(4, 8)])),
        (15, lambda i: ("worker", "id_tail", workers[i][1][-rng.randint(4, 6) :])),
        (10, lambda i: ("worker", "phone", workers[i][2])),
        (5, lambda i: ("worker", "phone_tail", workers[i][2][-4:])),
        (10, lambda i: ("worker", "trade", _fragment(rng, rng.choice(trades), 1, 3))),
        (5, lambda i: ("worker", "two_terms", _two_terms(rng, workers[i][0], trades))),
        (5, lambda i: ("posting", "occupation", _fragment(rng, postings[i][0], 2, 3))),
        (5, lambda i: ("posting", "employer", _fragment(rng, postings[i][1], 2, 4))),
        (5, lambda i: ("posting", "place", _fragment(rng, postings[i][2], 2, 4))),
    ]
    weights = [w for w, _ in makers]
    return [rng.choices(makers, weights)[0][1](i % len(workers)) for i in range(count)]


def _two_terms(rng: random.Random, name: str, trades: list[str]) -> str:
    return f"{pinyin_keys(name)[1][:2]} {_fragment(rng, rng.choice(trades), 1, 2)}"


def baseline_ids(conn: sqlite3.Connection, kind: str, text: str) -> list[str]:
    """The naive way: every term LIKE '%term%' in one of the columns, newest first."""
    terms = text.split()
    if kind == "worker":
        columns, source, order = WORKER_COLUMNS, "worker p", "p.registered_at"
    else:
        columns = POSTING_COLUMNS
        source, order = "posting p JOIN employer e ON e.id = p.employer_id", "p.published_at"
    where = " AND ".join(
        "(" + " OR ".join(f"{c if '.' in c else 'p.' + c} LIKE ?" for c in columns) + ")"
        for _ in terms
    )
    params = [f"%{t}%" for t in terms for _ in columns]
    sql = f"SELECT p.id FROM {source} WHERE NOT p.deleted AND {where} ORDER BY {order} DESC LIMIT ?"
    return [r[0] for r in conn.execute(sql, (*params, LIMIT))]


def _time(run: Callable[[], list[str]]) -> tuple[float, int]:
    started = time.perf_counter()
    found = run()
    return (time.perf_counter() - started) * 1000, len(found)


def _pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=100_000)
    parser.add_argument("--postings", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--verbose", action="store_true", help="per-query timings on stderr")
    parser.add_argument("--database", help="search this existing database (no generation)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        rate = None
        if args.database:
            desk = Desk(Database(args.database))
        else:
            desk = Desk(Database(Path(tmp) / "station.db"))
            result = fill_demo(desk, args.workers, args.postings, seed=args.seed)
            rate = result.as_dict()["workers_per_second"]
            print(f"demo data: {json.dumps(result.as_dict())}", file=sys.stderr)
        rng = random.Random(args.seed)
        with desk.db.read() as session:
            conn = sqlite_connection(session)
            queries = draw_queries(conn, args.queries, rng)
            for kind, _, text in queries:  # warm the page cache for both ways
                search_ids(conn, kind, text, limit=LIMIT)
                baseline_ids(conn, kind, text)
            fast, slow = [], []
            for kind, category, text in queries:
                ms, hits = _time(lambda k=kind, t=text: search_ids(conn, k, t, limit=LIMIT))
                base_ms, base_hits = _time(lambda k=kind, t=text: baseline_ids(conn, k, t))
                fast.append(ms)
                slow.append(base_ms)
                if args.verbose:
                    print(
                        f"{category:11} {text!r:24} fts {ms:7.2f} ms {hits:3}  "
                        f"like {base_ms:7.2f} ms {base_hits:3}",
                        file=sys.stderr,
                    )
        desk.db.close()

    for name, q in (("search_p50_ms", 50), ("search_p95_ms", 95)):
        value, baseline = _pct(fast, q), _pct(slow, q)
        line = {
            "bench": name,
            "value": round(value, 3),
            "baseline": round(baseline, 3),
            "ratio": round(baseline / value, 1) if value > 0 else None,
        }
        print(json.dumps(line))
    if rate is not None:
        print(json.dumps({"bench": "demo_workers_per_second", "value": rate}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
