"""Matching benchmark: top-20 matches both ways against a full evaluation of everyone.

Builds a fresh station database with demo data, draws random active workers and open
postings, and times ``services.matching.postings_for_worker`` and ``workers_for_posting``
(limit 20; SQL narrows and stops early) against the baseline in the same run: the full
evaluation ``rank_all_postings`` / ``rank_all_workers`` (every open posting, or every active
worker, scored by ``domain.matching`` with no SQL narrowing). The baseline is slow (seconds a
posting at 100,000 workers), so it runs for the first ``--baseline-queries`` of each kind, and
those lists are compared: ``same`` counts the queries whose top 20 are identical. Prints:

    {"bench": "match_worker_p95_ms", "value": 9.8, "baseline": 310.0, "ratio": 31.6, ...}

ratio = baseline / value (higher is better). Run: ``./dev bench match [--workers N ...]``.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from station_desk.domain.matching import Match
from station_desk.services import matching
from station_desk.services.context import Desk
from station_desk.services.demo import fill_demo
from station_desk.store import trade_index
from station_desk.store.db import Database, sqlite_connection

LIMIT = 20
Ranker = Callable[[Desk, str, int], list[Match]]
KINDS: dict[str, tuple[str, Ranker, Ranker]] = {
    # line name: (what the ids are, our way, the full evaluation)
    "match_worker": ("worker", matching.postings_for_worker, matching.rank_all_postings),
    "match_posting": ("posting", matching.workers_for_posting, matching.rank_all_workers),
}


def _pct(values: list[float], q: int) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def _timed(rank: Ranker, desk: Desk, record_id: str) -> tuple[float, list[tuple[str, int]]]:
    started = time.perf_counter()
    found = rank(desk, record_id, LIMIT)
    return (time.perf_counter() - started) * 1000, [(m.id, m.score) for m in found]


def draw_ids(desk: Desk, count: int, rng: random.Random) -> dict[str, list[str]]:
    with desk.db.read() as session:
        conn = sqlite_connection(session)
        workers = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM worker WHERE status = 'active' AND NOT deleted ORDER BY id"
            )
        ]
        postings = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM posting WHERE status = 'open' AND NOT deleted ORDER BY id"
            )
        ]
    return {
        "worker": rng.sample(workers, min(count, len(workers))),
        "posting": rng.sample(postings, min(count, len(postings))),
    }


def _ensure_trade_index(desk: Desk) -> None:
    """Databases filled before the demo filler wrote worker_trade: build it (and say so)."""
    with desk.db.write() as session:
        conn = sqlite_connection(session)
        if conn.execute("SELECT count(*) FROM worker_trade").fetchone()[0] == 0:
            rows = trade_index.rebuild(conn)
            print(f"worker_trade was empty: rebuilt ({rows} rows)", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=100_000)
    parser.add_argument("--postings", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--baseline-queries", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--verbose", action="store_true", help="per-query timings on stderr")
    parser.add_argument("--database", help="match in this existing database (no generation)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-match-") as tmp:
        if args.database:
            desk = Desk(Database(args.database))
        else:
            desk = Desk(Database(Path(tmp) / "station.db"))
            result = fill_demo(desk, args.workers, args.postings, seed=args.seed)
            print(f"demo data: {json.dumps(result.as_dict())}", file=sys.stderr)
        _ensure_trade_index(desk)
        ids = draw_ids(desk, args.queries, random.Random(args.seed))
        lines = []
        for name, (kind, ours, full) in KINDS.items():
            for record_id in ids[kind]:  # warm the page cache
                ours(desk, record_id, LIMIT)
            fast = []
            for record_id in ids[kind]:
                ms, found = _timed(ours, desk, record_id)
                fast.append(ms)
                if args.verbose:
                    print(f"{name} {record_id} {ms:7.2f} ms {len(found)}", file=sys.stderr)
            slow, same = [], 0
            for record_id in ids[kind][: args.baseline_queries]:
                base_ms, expected = _timed(full, desk, record_id)
                slow.append(base_ms)
                same += _timed(ours, desk, record_id)[1] == expected
            value = _pct(fast, 95)
            baseline = _pct(slow, 95) if slow else None
            lines.append(
                {
                    "bench": f"{name}_p95_ms",
                    "value": round(value, 2),
                    "baseline": None if baseline is None else round(baseline, 1),
                    "ratio": round(baseline / value, 1) if baseline and value > 0 else None,
                    "p50": round(_pct(fast, 50), 2),
                    "queries": len(fast),
                    "checked": len(slow),
                    "same": same,
                }
            )
        desk.db.close()
    for line in lines:
        print(json.dumps(line))
    return 0


if __name__ == "__main__":
    sys.exit(main())
