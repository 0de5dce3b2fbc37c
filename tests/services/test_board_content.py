"""What the lobby board reads: open postings in the right order with the right marks, the
board settings, and never a worker row."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from records import post
from station_desk.domain.worker import WorkerDraft
from station_desk.services.board import (
    DEFAULT_PAGE_SECONDS,
    DEFAULT_QR_CAPTION,
    BoardSettings,
    board_postings,
    data_version,
    load_board,
    load_board_settings,
    open_board_connection,
    save_board_settings,
)
from station_desk.services.context import Desk
from station_desk.services.postings import close_posting
from station_desk.services.workers import register_worker
from station_desk.store.driver import sqlite3

T0 = datetime(2025, 6, 3, 10, 0).timestamp()
NOW = datetime(2025, 6, 3, 10, 0)


def from_other_station(desk: Desk, posting_id: str, station: str = "other-station") -> None:
    """As if the posting had arrived by sync from another station of the district."""
    with desk.db.write() as session:
        session.connection().exec_driver_sql(
            "UPDATE posting SET origin_station = ? WHERE id = ?", (station, posting_id)
        )


@pytest.fixture
def clocked(desk: Desk) -> Desk:
    desk.clock = lambda: T0
    return desk


def test_own_postings_first_then_the_districts_quick_ones_first_within(clocked: Desk) -> None:
    theirs = post(clocked, "电工")
    from_other_station(clocked, theirs)
    ours_old = post(clocked, "焊工")
    ours_quick = post(clocked, "保洁员", quick=True)
    conn = open_board_connection(clocked.db.path)
    rows = board_postings(conn, clocked.station_id, NOW, show_phone=False)
    assert [p.id for p in rows] == [ours_quick, ours_old, theirs]
    assert [p.own for p in rows] == [True, True, False]
    assert [p.is_quick for p in rows] == [True, False, False]


def test_new_mark_only_for_the_last_24_hours(clocked: Desk) -> None:
    clocked.clock = lambda: T0 - 25 * 3600
    old = post(clocked, "焊工")
    clocked.clock = lambda: T0 - 23 * 3600
    fresh = post(clocked, "电工")
    conn = open_board_connection(clocked.db.path)
    marks = {p.id: p.is_new for p in board_postings(conn, clocked.station_id, NOW, False)}
    assert marks == {old: False, fresh: True}


def test_pay_mode_and_method_in_words(clocked: Desk) -> None:
    post(clocked, "搬运工", pay="180-220元/天", employment_mode="临时", pay_method="周结")
    conn = open_board_connection(clocked.db.path)
    (row,) = board_postings(conn, clocked.station_id, NOW, False)
    assert (row.pay, row.mode, row.method) == ("180–220元/天", "临时", "周结")
    assert (row.employer, row.headcount, row.location) == (
        "青山建筑劳务有限公司",
        5,
        "青山镇工业园",
    )


def test_employer_phone_only_when_the_board_is_set_to_show_it(clocked: Desk) -> None:
    post(clocked, "电工")
    conn = open_board_connection(clocked.db.path)
    assert board_postings(conn, clocked.station_id, NOW, False)[0].phone == ""
    assert board_postings(conn, clocked.station_id, NOW, True)[0].phone == "0571-87654321"
    save_board_settings(clocked, BoardSettings(show_employer_phone=True))
    assert load_board(clocked, conn, NOW).postings[0].phone == "0571-87654321"


def test_closed_and_expired_postings_are_left_out(clocked: Desk) -> None:
    kept = post(clocked, "电工")
    closed = post(clocked, "焊工")
    close_posting(clocked, closed, "filled")
    expiring = post(clocked, "厨工", expiry_date=(NOW.date() + timedelta(days=1)).isoformat())
    conn = open_board_connection(clocked.db.path)
    ids = lambda now: [p.id for p in board_postings(conn, clocked.station_id, now, False)]  # noqa: E731
    assert set(ids(NOW)) == {kept, expiring}
    assert set(ids(NOW + timedelta(days=1))) == {kept, expiring}  # open on its closing day
    assert ids(NOW + timedelta(days=2)) == [kept]


def test_settings_round_trip_with_defaults_and_limits(desk: Desk) -> None:
    assert load_board_settings(desk) == BoardSettings()
    assert load_board_settings(desk).page_seconds == DEFAULT_PAGE_SECONDS
    assert load_board_settings(desk).qr_caption == DEFAULT_QR_CAPTION
    saved = save_board_settings(
        desk,
        BoardSettings(
            page_seconds=1,
            qr_url=" https://example.org/lgb ",
            qr_caption="扫码注册",
            notices=("  6月8日 电工培训  ", "", "x" * 200),
            show_employer_phone=True,
            speech=True,
            screen=2,
        ),
    )
    assert saved.page_seconds == 5 and saved.qr_url == "https://example.org/lgb"
    assert saved.notices == ("6月8日 电工培训", "x" * 80)
    assert load_board_settings(desk) == saved
    with desk.db.read() as session:
        actions = session.connection().exec_driver_sql("SELECT action FROM audit_log").all()
    assert ("edit_board_settings",) in actions


def test_data_version_moves_when_the_desk_writes(clocked: Desk) -> None:
    conn = open_board_connection(clocked.db.path)
    before = data_version(conn)
    assert data_version(conn) == before
    post(clocked, "电工")
    assert data_version(conn) != before


def test_the_board_connection_cannot_write(desk: Desk) -> None:
    conn = open_board_connection(desk.db.path)
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM posting")


def test_loading_the_board_never_reads_a_worker_row(clocked: Desk) -> None:
    draft = WorkerDraft(name="张三", id_number="11010519491231002X", phone="13812345678")
    register_worker(clocked, draft)
    post(clocked, "电工")
    conn = open_board_connection(clocked.db.path)
    tables: set[str] = set()

    def watch(action: int, arg1: str | None, *_: object) -> int:
        if action == sqlite3.SQLITE_READ and arg1:
            tables.add(arg1)
        return sqlite3.SQLITE_OK

    conn.set_authorizer(watch)
    content = load_board(clocked, conn, NOW)
    assert content.postings and "posting" in tables
    assert "worker" not in tables
