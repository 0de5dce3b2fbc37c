"""Schema version 5 (matching: the worker–trade table and the posting match index) upgrades a
version 4 file and fills the table from the workers already there."""

from __future__ import annotations

import json
from pathlib import Path

from station_desk.domain.occupations import find_occupation
from station_desk.store import migrations
from station_desk.store.db import Database, raw_connection, sqlite_connection


def test_a_version_4_database_with_workers_upgrades_to_5(tmp_path: Path) -> None:
    electrician, cleaner = find_occupation("电工"), find_occupation("保洁员")
    assert electrician is not None and cleaner is not None
    path = tmp_path / "station.db"
    conn = raw_connection(path)
    migrations.upgrade(conn, target=4)
    for worker_id, status, skills, wishes in (
        ("w-1", "active", [electrician.code], [cleaner.code]),
        ("w-2", "inactive", [electrician.code], []),
        ("w-3", "active", [], []),
    ):
        conn.execute(
            "INSERT INTO worker (id, name, id_number, status, skill_codes, intention_codes, "
            "intentions_text, hardship_older, registered_at) "
            "VALUES (?, '张三', ?, ?, ?, ?, '日结', 1, '2024-05-01 09:00:00')",
            (worker_id, worker_id, status, json.dumps(skills), json.dumps(wishes)),
        )
    conn.close()

    db = Database(path)
    assert db.schema_version() >= 5
    with db.read() as session:
        conn = sqlite_connection(session)
        rows = conn.execute(
            "SELECT worker_id, code, group_code, wish, hardship, modes, registered_at "
            "FROM worker_trade ORDER BY code"
        ).fetchall()
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert sorted(rows) == sorted(
        [
            (
                "w-1",
                electrician.code,
                electrician.group_code,
                0,
                1,
                " daily ",
                "2024-05-01 09:00:00",
            ),
            ("w-1", cleaner.code, cleaner.group_code, 1, 1, " daily ", "2024-05-01 09:00:00"),
        ]
    )
    assert {"ix_worker_trade_class", "ix_worker_trade_code_class", "ix_posting_match"} <= indexes
    db.close()
