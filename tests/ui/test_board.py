"""The lobby board window over a real database, offscreen: what it shows, what it never
shows, how it follows the desk, and how it pages."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QFontInfo, QImage
from pytestqt.qtbot import QtBot

from records import post
from station_desk.cli import main
from station_desk.domain.posting import PostingDraft
from station_desk.domain.station import StationDraft
from station_desk.services.board import BoardSettings, save_board_settings
from station_desk.services.context import Desk
from station_desk.services.postings import close_posting, edit_posting
from station_desk.services.station import save_station_profile
from station_desk.store.driver import sqlite3
from station_desk.ui.board import window as board_window
from station_desk.ui.board.window import BoardWindow

T0 = datetime(2025, 6, 3, 10, 0).timestamp()
TRADES = ("电工", "焊工", "保洁员", "搬运工", "厨工", "育婴员", "砌筑工", "钢筋工", "木工")


class FakeClock:
    def __init__(self) -> None:
        self.t = T0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def clock(desk: Desk) -> FakeClock:
    fake = FakeClock()
    desk.clock = fake
    return fake


@pytest.fixture
def make_board(desk_app, desk: Desk, clock: FakeClock, qtbot: QtBot):
    def make(width: int = 1920, height: int = 1080) -> BoardWindow:
        board = BoardWindow(desk)
        qtbot.addWidget(board)
        board.resize(width, height)
        board.show()
        qtbot.waitExposed(board)
        return board

    return make


def all_texts(board: BoardWindow) -> list[str]:
    """Every text the board shows over one whole cycle of pages."""
    texts: list[str] = []
    for _ in range(max(1, len(board.pages))):
        texts += board.visible_texts()
        board.next_page()
    return texts


def shown(board: BoardWindow, text: str) -> bool:
    return any(text in t for t in board.visible_texts())


def test_no_worker_name_id_number_or_phone_is_ever_shown(
    make_board, desk: Desk, people: dict[str, str]
) -> None:
    from station_desk.services.demo import fill_demo

    fill_demo(desk, workers=150, postings=0, employers=0, seed=7)
    for i, trade in enumerate(TRADES):
        post(desk, trade, quick=i % 3 == 0)
    save_board_settings(desk, BoardSettings(notices=("欢迎来到驿站",), qr_url="https://e.org/x"))
    with desk.db.read() as session:
        rows = session.connection().exec_driver_sql("SELECT name, id_number, phone FROM worker")
        secrets = {value for row in rows for value in row if value}
    assert len(secrets) > 400
    board = make_board(1280, 720)
    for show_phone in (False, True):
        save_board_settings(desk, BoardSettings(show_employer_phone=show_phone))
        board.refresh_timer.timeout.emit()
        texts = all_texts(board)
        assert "电工" in texts and "青山建筑劳务有限公司" in texts
        leaks = {s for s in secrets for t in texts if s in t}
        assert leaks == set()


def test_every_posting_appears_in_a_cycle_own_station_first(make_board, desk: Desk) -> None:
    ids = [post(desk, trade, headcount=str(i + 1)) for i, trade in enumerate(TRADES)]
    with desk.db.write() as session:  # the first one arrived by sync from another station
        session.connection().exec_driver_sql(
            "UPDATE posting SET origin_station = 'elsewhere' WHERE id = ?", (ids[0],)
        )
    board = make_board(1280, 720)
    assert len(board.cards) >= 2 and len(board.pages) >= 2
    assert board.page_label.text() == f"第 1/{len(board.pages)} 页"
    seen = []
    for _ in range(len(board.pages)):
        seen += [c.occupation.text() for c in board.cards if c.isVisibleTo(board)]
        board.next_page()
    assert sorted(seen) == sorted(TRADES)
    assert seen[-1] == "电工"  # the other station's posting comes after all of ours
    assert board.page_index == 0  # after the last page comes the first


def test_a_card_shows_trade_employer_pay_mode_and_marks(make_board, desk: Desk) -> None:
    post(desk, "电工", quick=True, pay="180-220元/天", employment_mode="临时", pay_method="周结")
    board = make_board()
    card = board.cards[0]
    assert card.occupation.text() == "电工"
    assert card.pay.text() == "180–220元/天"
    assert card.employer.text() == "青山建筑劳务有限公司"
    assert card.headcount.text() == "招5人 · 临时 · 周结"
    assert card.new_badge.isVisibleTo(board) and card.new_badge.text() == "新"
    assert card.quick_badge.isVisibleTo(board) and card.quick_badge.text() == "即时快招"
    assert card.property("quick") == "true"
    assert not card.other_badge.isVisibleTo(board)


def test_employer_phone_hidden_unless_turned_on(make_board, desk: Desk) -> None:
    post(desk, "电工")
    board = make_board()
    assert shown(board, "详询服务窗口")
    assert not shown(board, "87654321")
    save_board_settings(desk, BoardSettings(show_employer_phone=True))
    board.refresh_timer.timeout.emit()
    assert shown(board, "0571-87654321")
    assert not shown(board, "详询服务窗口")


def test_desk_changes_show_at_the_next_refresh(make_board, desk: Desk) -> None:
    board = make_board()
    assert board.refresh_timer.interval() <= 3000 and board.refresh_timer.isActive()
    posting_id = post(desk, "电工")
    assert not shown(board, "电工")
    board.refresh_timer.timeout.emit()
    assert shown(board, "电工")
    draft = PostingDraft(
        employer_name="青山建筑劳务有限公司",
        contact_phone="0571-87654321",
        employment_mode="日结",
        occupation="焊工",
        headcount="3",
        work_location="青山镇工业园",
        pay="250元/天",
    )
    edit_posting(desk, posting_id, draft)
    board.refresh_timer.timeout.emit()
    assert shown(board, "焊工") and shown(board, "250元/天") and not shown(board, "电工")
    close_posting(desk, posting_id)
    board.refresh_timer.timeout.emit()
    assert not shown(board, "焊工")
    assert board.stack.currentWidget() is board.empty_page


def test_expired_postings_drop_off_without_any_write(
    make_board, desk: Desk, clock: FakeClock
) -> None:
    tomorrow = datetime.fromtimestamp(T0).date() + timedelta(days=1)
    post(desk, "电工", expiry_date=tomorrow.isoformat())
    post(desk, "焊工")
    board = make_board()
    assert shown(board, "电工")
    clock.t += 2 * 86400
    board.refresh_timer.timeout.emit()
    assert shown(board, "焊工") and not shown(board, "电工")


def test_empty_board_is_friendly_and_names_no_station_details_yet(make_board) -> None:
    board = make_board()
    assert board.stack.currentWidget() is board.empty_page
    texts = board.visible_texts()
    assert "暂时没有招聘信息" in texts
    assert "驿站信息正在完善，请到服务窗口咨询。" in texts
    assert board.page_label.text() == ""


def test_station_profile_notices_and_qr_in_header_and_footer(make_board, desk: Desk) -> None:
    save_station_profile(
        desk,
        StationDraft(
            name="青山镇零工驿站",
            address="青山镇便民服务中心",
            opening_hours="周一至周六 8:00–18:00",
            hotline="12333",
            complaint_channel="0571-12345678",
        ),
    )
    save_board_settings(
        desk, BoardSettings(notices=("6月8日 电工培训", "社保补贴政策"), qr_url="https://e.org/x")
    )
    board = make_board()
    texts = board.visible_texts()
    for text in ("青山镇零工驿站", "地址：青山镇便民服务中心", "服务热线：12333"):
        assert text in texts
    assert "投诉渠道：0571-12345678" in texts
    assert "服务时间：周一至周六 8:00–18:00" in texts
    assert board.notice.text() == "6月8日 电工培训"
    board.next_page()
    assert board.notice.text() == "社保补贴政策"
    assert board.qr_image.isVisibleTo(board) and not board.qr_image.pixmap().isNull()
    assert "扫码注册灵工邦，找活更方便" in board.visible_texts()
    assert "星期二" in board.date_label.text() and board.time_label.text() == "10:00"


@pytest.mark.parametrize(
    ("width", "height"), [(1920, 1080), (1280, 720), (3840, 2160), (1080, 1920)]
)
def test_main_lines_are_a_twentieth_of_the_screen(
    make_board, desk: Desk, width: int, height: int
) -> None:
    post(desk, "电工")
    board = make_board(width, height)
    least = min(width, height) / 20  # the height of a landscape screen
    card = board.cards[0]
    for label in (card.occupation, card.pay, board.station_name, board.time_label):
        assert QFontInfo(label.font()).pixelSize() >= least, label.objectName()
        assert label.height() >= QFontInfo(label.font()).pixelSize()
    assert card.width() >= width / (2 if width > height else 1) * 0.8
    assert board.height() == height


def test_the_cycle_starts_again_after_the_pc_slept(
    make_board, desk: Desk, clock: FakeClock
) -> None:
    for trade in TRADES:
        post(desk, trade)
    board = make_board(1280, 720)
    board.next_page()
    assert board.page_index == 1
    clock.t += 1
    board.clock_timer.timeout.emit()
    assert board.page_index == 1
    clock.t += 6 * 3600  # the PC woke up
    board.clock_timer.timeout.emit()
    assert board.page_index == 0 and board.page_timer.isActive()


def test_a_busy_database_is_retried_at_the_next_tick(
    make_board, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    board = make_board()
    post(desk, "电工")
    real = board_window.data_version

    def busy(_conn: sqlite3.Connection) -> int:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(board_window, "data_version", busy)
    assert board.refresh() is False
    assert not shown(board, "电工")
    monkeypatch.setattr(board_window, "data_version", real)
    board.refresh_timer.timeout.emit()
    assert shown(board, "电工")


def test_new_postings_are_announced_only_when_voice_is_on(make_board, desk: Desk) -> None:
    post(desk, "焊工")
    board = make_board()
    post(desk, "木工")
    board.refresh_timer.timeout.emit()
    assert list(board.announcer.spoken) == []
    save_board_settings(desk, BoardSettings(speech=True))
    post(desk, "电工", headcount="3", pay="200元/天")
    board.refresh_timer.timeout.emit()  # no speech engine here: quietly nothing, no error
    assert list(board.announcer.spoken) == ["新岗位：电工，招3人，200元/天"]


def test_screenshot_from_the_command_line(tmp_data_dir: Path, desk: Desk, qapp) -> None:
    post(desk, "电工")
    png = tmp_data_dir / "board.png"
    code = main(
        ["--data-dir", str(tmp_data_dir), "board", "--screenshot", str(png), "--size", "1280x720"]
    )
    assert code == 0
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1280, 720)
    colours = {image.pixel(x, y) for x in range(0, 1280, 9) for y in range(0, 720, 9)}
    assert len(colours) > 20


def test_a_damaged_database_stops_the_board_with_code_3(tmp_data_dir: Path, qapp) -> None:
    (tmp_data_dir / "station.db").write_bytes(b"not a database" * 100)
    png = tmp_data_dir / "board.png"
    code = main(["--data-dir", str(tmp_data_dir), "board", "--screenshot", str(png)])
    assert code == 3 and not png.exists()
