"""Schema version 4 (referrals, services, rights cases, tools) upgrades a version 3 file."""

from __future__ import annotations

from pathlib import Path

from station_desk.store import migrations
from station_desk.store.db import Database, raw_connection, sqlite_connection


def test_a_version_3_database_with_rows_upgrades_to_4(tmp_path: Path) -> None:
    path = tmp_path / "station.db"
    conn = raw_connection(path)
    migrations.upgrade(conn, target=3)
    conn.execute(
        "INSERT INTO worker (id, name, id_number, registered_at) "
        "VALUES ('w-1', '张三', '11010519491231002X', '2024-05-01 09:00:00')"
    )
    conn.execute(
        "INSERT INTO employer (id, name, registered_at) VALUES ('e-1', '青山', '2024-05-01')"
    )
    conn.execute(
        "INSERT INTO posting (id, employer_id, occupation_name, published_at) "
        "VALUES ('p-1', 'e-1', '搬运工', '2024-05-02 10:00:00')"
    )
    conn.execute(
        "INSERT INTO outbox (op_id, record_kind, record_id, fields, hlc, created_at, base) "
        "VALUES ('op-1', 'worker', 'w-1', '{}', '0000000000001-00000-s', '2024-05-01', '{}')"
    )
    conn.execute(
        "INSERT INTO conflict_log (at, record_kind, record_id, field, kept_value, lost_value, "
        "kept_hlc, lost_hlc) VALUES ('2024-05-01', 'worker', 'w-1', 'phone', '1', '2', 'a', 'b')"
    )
    conn.close()

    db = Database(path)
    assert db.schema_version() == migrations.LATEST_VERSION >= 4
    with db.write() as session:
        conn = sqlite_connection(session)
        assert conn.execute("SELECT name FROM worker").fetchall() == [("张三",)]
        assert conn.execute("SELECT op_id FROM outbox").fetchall() == [("op-1",)]
        assert conn.execute("SELECT count(*) FROM conflict_log").fetchone() == (1,)
        conn.execute(
            "INSERT INTO referral (id, worker_id, posting_id, referred_at) "
            "VALUES ('r-1', 'w-1', 'p-1', '2024-05-03 09:00:00')"
        )
        conn.execute(
            "INSERT INTO referral_outcome (id, referral_id, outcome, at) "
            "VALUES ('o-1', 'r-1', 'hired', '2024-05-04 09:00:00')"
        )
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"referral", "referral_outcome", "service", "rights_case", "rights_case_event"} <= tables
    assert {"tool", "tool_loan"} <= tables
    db.close()
