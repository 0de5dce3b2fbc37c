"""Schema versions, keyed on SQLite's PRAGMA user_version.

Each migration is frozen once released: it creates exactly what that version had, so a
database made by any earlier version can be brought up to date step by step.
"""

from __future__ import annotations

from collections.abc import Callable

from station_desk.store.driver import sqlite3

SYNC_COLUMNS = """
    id VARCHAR NOT NULL PRIMARY KEY,
    created_hlc VARCHAR NOT NULL DEFAULT '',
    updated_hlc VARCHAR NOT NULL DEFAULT '',
    field_hlc VARCHAR NOT NULL DEFAULT '{}',
    origin_station VARCHAR NOT NULL DEFAULT '',
    deleted BOOLEAN NOT NULL DEFAULT 0"""

V1 = f"""
CREATE TABLE station ({SYNC_COLUMNS},
    name VARCHAR NOT NULL,
    kind VARCHAR NOT NULL DEFAULT 'station',
    address VARCHAR NOT NULL DEFAULT '',
    opening_hours VARCHAR NOT NULL DEFAULT '',
    trades VARCHAR NOT NULL DEFAULT '',
    phone VARCHAR NOT NULL DEFAULT '',
    hotline VARCHAR NOT NULL DEFAULT '',
    complaint_channel VARCHAR NOT NULL DEFAULT ''
);
CREATE TABLE worker ({SYNC_COLUMNS},
    name VARCHAR NOT NULL,
    id_number VARCHAR NOT NULL,
    birth_date DATE,
    sex VARCHAR NOT NULL DEFAULT '',
    region_code VARCHAR NOT NULL DEFAULT '',
    phone VARCHAR NOT NULL DEFAULT '',
    skill_codes VARCHAR NOT NULL DEFAULT '[]',
    skills_text VARCHAR NOT NULL DEFAULT '',
    intention_codes VARCHAR NOT NULL DEFAULT '[]',
    intentions_text VARCHAR NOT NULL DEFAULT '',
    expected_pay_min FLOAT,
    expected_pay_max FLOAT,
    expected_pay_unit VARCHAR,
    hardship_long_wait BOOLEAN NOT NULL DEFAULT 0,
    hardship_low_income BOOLEAN NOT NULL DEFAULT 0,
    hardship_disability BOOLEAN NOT NULL DEFAULT 0,
    hardship_older BOOLEAN NOT NULL DEFAULT 0,
    consent_at DATETIME,
    status VARCHAR NOT NULL DEFAULT 'active',
    note VARCHAR NOT NULL DEFAULT '',
    registered_at DATETIME NOT NULL
);
CREATE INDEX ix_worker_id_number ON worker (id_number);
CREATE TABLE employer ({SYNC_COLUMNS},
    name VARCHAR NOT NULL,
    kind VARCHAR NOT NULL DEFAULT 'company',
    contact_person VARCHAR NOT NULL DEFAULT '',
    phone VARCHAR NOT NULL DEFAULT '',
    address VARCHAR NOT NULL DEFAULT '',
    credit_code VARCHAR NOT NULL DEFAULT '',
    note VARCHAR NOT NULL DEFAULT '',
    registered_at DATETIME NOT NULL
);
CREATE INDEX ix_employer_name ON employer (name);
CREATE TABLE posting ({SYNC_COLUMNS},
    employer_id VARCHAR NOT NULL REFERENCES employer (id),
    contact_person VARCHAR NOT NULL DEFAULT '',
    contact_phone VARCHAR NOT NULL DEFAULT '',
    occupation_code VARCHAR,
    occupation_name VARCHAR NOT NULL,
    headcount INTEGER NOT NULL DEFAULT 1,
    employment_mode VARCHAR NOT NULL DEFAULT 'temporary',
    skill_requirements VARCHAR NOT NULL DEFAULT '',
    work_location VARCHAR NOT NULL DEFAULT '',
    work_hours VARCHAR NOT NULL DEFAULT '',
    pay_min FLOAT,
    pay_max FLOAT,
    pay_unit VARCHAR,
    pay_method VARCHAR,
    start_date DATE,
    expiry_date DATE,
    description VARCHAR NOT NULL DEFAULT '',
    status VARCHAR NOT NULL DEFAULT 'open',
    is_quick BOOLEAN NOT NULL DEFAULT 0,
    screening VARCHAR NOT NULL DEFAULT '',
    published_at DATETIME NOT NULL
);
CREATE INDEX ix_posting_employer_id ON posting (employer_id);
CREATE TABLE setting (
    key VARCHAR NOT NULL PRIMARY KEY,
    value VARCHAR NOT NULL DEFAULT ''
);
CREATE TABLE outbox (
    seq INTEGER NOT NULL PRIMARY KEY,
    op_id VARCHAR NOT NULL UNIQUE,
    record_kind VARCHAR NOT NULL,
    record_id VARCHAR NOT NULL,
    fields VARCHAR NOT NULL,
    hlc VARCHAR NOT NULL,
    created_at DATETIME NOT NULL,
    pushed_at DATETIME
);
"""

V2 = """
CREATE TABLE audit_log (
    id INTEGER NOT NULL PRIMARY KEY,
    at DATETIME NOT NULL,
    staff VARCHAR NOT NULL DEFAULT '',
    action VARCHAR NOT NULL,
    record_kind VARCHAR NOT NULL DEFAULT '',
    record_id VARCHAR NOT NULL DEFAULT '',
    detail VARCHAR NOT NULL DEFAULT ''
);
CREATE INDEX ix_worker_registered_at ON worker (registered_at);
CREATE INDEX ix_posting_status_expiry ON posting (status, expiry_date);
CREATE INDEX ix_outbox_pending ON outbox (pushed_at, seq);
"""


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run DDL statements inside the caller's transaction (executescript would commit it)."""
    for statement in script.split(";\n"):
        if statement.strip():
            conn.execute(statement)


V3 = """
ALTER TABLE outbox ADD COLUMN rejected_reason VARCHAR;
ALTER TABLE outbox ADD COLUMN base VARCHAR NOT NULL DEFAULT '{}';
CREATE TABLE conflict_log (
    id INTEGER NOT NULL PRIMARY KEY,
    at DATETIME NOT NULL,
    record_kind VARCHAR NOT NULL,
    record_id VARCHAR NOT NULL,
    field VARCHAR NOT NULL,
    kept_value VARCHAR NOT NULL,
    lost_value VARCHAR NOT NULL,
    kept_hlc VARCHAR NOT NULL,
    lost_hlc VARCHAR NOT NULL,
    lost_here BOOLEAN NOT NULL DEFAULT 0,
    note VARCHAR NOT NULL DEFAULT '',
    reviewed BOOLEAN NOT NULL DEFAULT 0
);
CREATE INDEX ix_conflict_log_record ON conflict_log (record_kind, record_id);
CREATE TABLE record_merge (
    from_id VARCHAR NOT NULL PRIMARY KEY,
    into_id VARCHAR NOT NULL,
    record_kind VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    at DATETIME NOT NULL,
    reviewed BOOLEAN NOT NULL DEFAULT 0
);
"""


V4 = f"""
CREATE TABLE referral ({SYNC_COLUMNS},
    worker_id VARCHAR NOT NULL,
    posting_id VARCHAR NOT NULL,
    kind VARCHAR NOT NULL DEFAULT 'recommend',
    note VARCHAR NOT NULL DEFAULT '',
    staff VARCHAR NOT NULL DEFAULT '',
    referred_at DATETIME NOT NULL
);
CREATE INDEX ix_referral_worker_id ON referral (worker_id);
CREATE INDEX ix_referral_posting_id ON referral (posting_id);
CREATE TABLE referral_outcome ({SYNC_COLUMNS},
    referral_id VARCHAR NOT NULL,
    outcome VARCHAR NOT NULL,
    at DATETIME NOT NULL,
    interview_at DATETIME,
    note VARCHAR NOT NULL DEFAULT '',
    staff VARCHAR NOT NULL DEFAULT ''
);
CREATE INDEX ix_referral_outcome_referral_id ON referral_outcome (referral_id);
CREATE TABLE service ({SYNC_COLUMNS},
    worker_id VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    note VARCHAR NOT NULL DEFAULT '',
    staff VARCHAR NOT NULL DEFAULT '',
    served_at DATETIME NOT NULL
);
CREATE INDEX ix_service_worker_id ON service (worker_id);
CREATE TABLE rights_case ({SYNC_COLUMNS},
    worker_id VARCHAR,
    employer_id VARCHAR,
    kind VARCHAR NOT NULL DEFAULT 'wage_arrears',
    summary VARCHAR NOT NULL DEFAULT '',
    amount_owed FLOAT,
    due_date DATE,
    staff VARCHAR NOT NULL DEFAULT '',
    opened_at DATETIME NOT NULL
);
CREATE INDEX ix_rights_case_worker_id ON rights_case (worker_id);
CREATE TABLE rights_case_event ({SYNC_COLUMNS},
    case_id VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    at DATETIME NOT NULL,
    amount_recovered FLOAT,
    note VARCHAR NOT NULL DEFAULT '',
    staff VARCHAR NOT NULL DEFAULT ''
);
CREATE INDEX ix_rights_case_event_case_id ON rights_case_event (case_id);
CREATE TABLE tool ({SYNC_COLUMNS},
    name VARCHAR NOT NULL,
    count INTEGER NOT NULL DEFAULT 1,
    note VARCHAR NOT NULL DEFAULT ''
);
CREATE TABLE tool_loan ({SYNC_COLUMNS},
    tool_id VARCHAR NOT NULL,
    worker_id VARCHAR NOT NULL,
    count INTEGER NOT NULL DEFAULT 1,
    lent_at DATETIME NOT NULL,
    due_date DATE,
    returned_at DATETIME,
    note VARCHAR NOT NULL DEFAULT '',
    staff VARCHAR NOT NULL DEFAULT ''
);
CREATE INDEX ix_tool_loan_tool_id ON tool_loan (tool_id);
CREATE INDEX ix_tool_loan_worker_id ON tool_loan (worker_id);
"""


V5 = """
CREATE TABLE worker_trade (
    group_code VARCHAR NOT NULL,
    code VARCHAR NOT NULL,
    worker_id VARCHAR NOT NULL,
    wish BOOLEAN NOT NULL DEFAULT 0,
    hardship BOOLEAN NOT NULL DEFAULT 0,
    placed BOOLEAN NOT NULL DEFAULT 0,
    pay_min FLOAT,
    pay_unit VARCHAR,
    modes VARCHAR NOT NULL DEFAULT '',
    wishes VARCHAR NOT NULL DEFAULT '',
    registered_at DATETIME NOT NULL,
    PRIMARY KEY (group_code, code, worker_id)
) WITHOUT ROWID
"""

# Created after the table is filled: building an index from sorted rows is much faster.
V5_INDEXES = """
CREATE INDEX ix_worker_trade_worker_id ON worker_trade (worker_id);
CREATE INDEX ix_worker_trade_class ON worker_trade (group_code, placed, hardship, pay_unit, pay_min);
CREATE INDEX ix_worker_trade_code_class ON worker_trade (group_code, code, placed, hardship,
    pay_unit, pay_min);
CREATE INDEX ix_posting_match ON posting (occupation_code, status, deleted, expiry_date,
    published_at, pay_min, pay_max, pay_unit, employment_mode, work_location, occupation_name, id);
"""


V6 = """
CREATE TABLE staff_account (
    id INTEGER NOT NULL PRIMARY KEY,
    username VARCHAR NOT NULL UNIQUE,
    display_name VARCHAR NOT NULL DEFAULT '',
    role VARCHAR NOT NULL DEFAULT 'staff',
    password_hash VARCHAR NOT NULL,
    must_change_password BOOLEAN NOT NULL DEFAULT 0,
    disabled BOOLEAN NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL,
    last_login_at DATETIME
)
"""

V7 = """
ALTER TABLE worker ADD COLUMN consent_text VARCHAR NOT NULL DEFAULT '';
CREATE INDEX ix_audit_log_at ON audit_log (at);
CREATE INDEX ix_audit_log_record ON audit_log (record_kind, record_id)
"""


def _v1(conn: sqlite3.Connection) -> None:
    run_script(conn, V1)


def _v2(conn: sqlite3.Connection) -> None:
    from station_desk.store import search

    run_script(conn, V2)
    search.create_index(conn)
    search.rebuild_index(conn)


def _v3(conn: sqlite3.Connection) -> None:
    run_script(conn, V3)


def _v4(conn: sqlite3.Connection) -> None:
    """Referrals and their outcomes, services, rights cases and their events, tool lending."""
    run_script(conn, V4)


def _v5(conn: sqlite3.Connection) -> None:
    """Matching: the derived worker–trade table (filled from the workers) and postings by
    trade and status."""
    from station_desk.store import trade_index

    run_script(conn, V5)
    trade_index.rebuild(conn)
    run_script(conn, V5_INDEXES)


def _v6(conn: sqlite3.Connection) -> None:
    """Staff accounts (local to the desk, never synced)."""
    run_script(conn, V6)


def _v7(conn: sqlite3.Connection) -> None:
    """The consent text a worker was shown; audit trail lookups by time and by record."""
    run_script(conn, V7)


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1, _v2, _v3, _v4, _v5, _v6, _v7]
LATEST_VERSION = len(MIGRATIONS)


class NewerSchemaError(RuntimeError):
    """The database was written by a newer Station Desk than this one."""


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def upgrade(conn: sqlite3.Connection, target: int = LATEST_VERSION) -> int:
    """Apply every migration past the database's version, each in its own transaction."""
    current = schema_version(conn)
    if current > LATEST_VERSION:
        raise NewerSchemaError(
            f"数据库版本({current})比本程序支持的版本({LATEST_VERSION})新，请升级驿站工作台。"
        )
    for version in range(current + 1, target + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[version - 1](conn)
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return schema_version(conn)
