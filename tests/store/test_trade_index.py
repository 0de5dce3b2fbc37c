"""The derived worker–trade table: its rows from a worker's values, kept in step with worker
writes (register, edit, deactivate), and rebuilt from the worker table."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from station_desk.domain.idcard import make_id_number
from station_desk.domain.occupations import find_occupation
from station_desk.domain.worker import WorkerDraft
from station_desk.services.context import Desk
from station_desk.services.workers import deactivate_worker, register_worker
from station_desk.store import trade_index
from station_desk.store.db import sqlite_connection
from station_desk.store.driver import sqlite3

ELECTRICIAN = find_occupation("电工")
CLEANER = find_occupation("保洁员")
assert ELECTRICIAN is not None and CLEANER is not None


def _values(**changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "id": "w-1",
        "deleted": False,
        "status": "active",
        "skill_codes": json.dumps([ELECTRICIAN.code]),
        "intention_codes": json.dumps([CLEANER.code, ELECTRICIAN.code]),
        "skills_text": "电工",
        "intentions_text": "保洁员、日结；张集镇附近",
        "expected_pay_min": 200.0,
        "expected_pay_unit": "day",
        "hardship_long_wait": False,
        "hardship_low_income": True,
        "hardship_disability": False,
        "hardship_older": False,
        "registered_at": datetime(2026, 5, 1, 9, 30),
    }
    values.update(changes)
    return values


def _rows(conn: sqlite3.Connection, worker_id: str) -> list[tuple[str, bool]]:
    return conn.execute(
        "SELECT code, wish FROM worker_trade WHERE worker_id = ? ORDER BY code", (worker_id,)
    ).fetchall()


def test_one_row_per_trade_with_what_the_score_needs() -> None:
    rows = {r[1]: r for r in trade_index.trade_rows(_values())}
    assert set(rows) == {ELECTRICIAN.code, CLEANER.code}
    group, code, worker, wish, hardship, placed, pay_min, unit, modes, wishes, at = rows[
        ELECTRICIAN.code
    ]
    assert (group, code, worker) == (ELECTRICIAN.group_code, ELECTRICIAN.code, "w-1")
    assert wish and hardship and placed  # a wish as well as a skill: the wish counts
    assert (pay_min, unit, modes) == (200.0, "day", " daily ")
    assert "张集镇" in wishes
    assert at == "2026-05-01 09:30:00.000000"  # as SQLite stores it
    stored = trade_index.trade_rows(_values(registered_at="2026-05-01 09:30:00"))[0]
    assert stored[-1] == "2026-05-01 09:30:00"  # a stored value is kept as it is


def test_inactive_deleted_and_tradeless_workers_have_no_rows() -> None:
    assert trade_index.trade_rows(_values(status="inactive")) == []
    assert trade_index.trade_rows(_values(deleted=True)) == []
    assert trade_index.trade_rows(_values(skill_codes="[]", intention_codes="[]")) == []
    plain = trade_index.trade_rows(_values(intentions_text="日结", skills_text=""))[0]
    assert plain[5] is False and plain[9] == ""  # names no place: nothing for the area rule


def test_index_reindex_remove_and_rebuild(desk: Desk) -> None:
    with desk.db.write() as session:
        conn = sqlite_connection(session)
        conn.execute(
            "INSERT INTO worker (id, name, id_number, skill_codes, intention_codes, "
            "registered_at) VALUES ('w-2', '李四', '1', ?, '[]', '2026-05-02 08:00:00')",
            (json.dumps([CLEANER.code]),),
        )
        trade_index.index_worker(conn, _values())
        assert _rows(conn, "w-1") == sorted([(CLEANER.code, 1), (ELECTRICIAN.code, 1)])
        trade_index.index_worker(conn, _values(intention_codes="[]"))
        assert _rows(conn, "w-1") == [(ELECTRICIAN.code, 0)]
        trade_index.reindex_worker(conn, "w-2")
        assert _rows(conn, "w-2") == [(CLEANER.code, 0)]
        trade_index.reindex_worker(conn, "w-1")  # not in the worker table: leaves
        assert _rows(conn, "w-1") == []
        trade_index.index_worker(conn, _values())
        trade_index.remove_worker(conn, "w-1")
        assert _rows(conn, "w-1") == []
        conn.execute("UPDATE worker SET status = 'inactive' WHERE id = 'w-2'")
        assert trade_index.rebuild(conn) == 0
        conn.execute("UPDATE worker SET status = 'active' WHERE id = 'w-2'")
        assert trade_index.rebuild(conn) == 1


def test_worker_writes_keep_it_in_step(desk: Desk) -> None:
    number = make_id_number("411422", date(1990, 1, 1), 11)
    draft = WorkerDraft(name="张建国", id_number=number, phone="13800000011", skills="电工")
    worker_id = register_worker(desk, draft).worker.id
    with desk.db.read() as session:
        assert _rows(sqlite_connection(session), worker_id) == [(ELECTRICIAN.code, 0)]
    deactivate_worker(desk, worker_id)
    with desk.db.read() as session:
        assert _rows(sqlite_connection(session), worker_id) == []
