"""Ledger import against a real SQLite database: the files stations actually send."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlmodel import func, select

from station_desk.services.context import Desk
from station_desk.services.ledger_import import LedgerReadError, import_ledger
from station_desk.store.db import Database
from station_desk.store.models import AuditLog, Employer, Outbox, Posting, Worker

LEDGERS = Path(__file__).resolve().parents[1] / "data" / "ledgers"
GBK_CSV = LEDGERS / "清河镇求职登记台账.csv"
UTF8_CSV = LEDGERS / "柳塘村零工台账_utf8.csv"
STATION_XLSX = LEDGERS / "清河镇台账.xlsx"


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return Desk(
        Database(tmp_path / "station.sqlite"), clock=lambda: datetime(2026, 3, 1).timestamp()
    )


def _count(desk: Desk, model: type) -> int:
    with desk.db.read() as session:
        return int(session.exec(select(func.count()).select_from(model)).one())


def _workers(desk: Desk) -> dict[str, Worker]:
    with desk.db.read() as session:
        return {w.id_number: w for w in session.exec(select(Worker)).all()}


def test_gbk_csv_saves_good_rows_and_lists_bad_ones(desk: Desk) -> None:
    assert GBK_CSV.read_bytes().decode("gbk")  # the sample really is GBK, not UTF-8
    with pytest.raises(UnicodeDecodeError):
        GBK_CSV.read_bytes().decode("utf-8")

    report = import_ledger(desk, GBK_CSV)

    workers = _workers(desk)
    assert set(workers) == {"330102197503080118", "330108199006010351", "33018219881212079X"}
    zhang = workers["330102197503080118"]
    assert (zhang.name, zhang.phone, zhang.sex, zhang.birth_date) == (
        "张建国",
        "13805710001",
        "男",
        date(1975, 3, 8),
    )
    assert zhang.note == "持电工证"
    assert report.added == {"worker": 3, "posting": 0}
    rejected = {(r.row, r.column): r for r in report.rejected}
    assert set(rejected) == {(3, "身份证号码"), (5, "手机号"), (6, "姓名")}
    assert rejected[(3, "身份证号码")].reason == "第18位校验码应为3，请核对号码"
    assert rejected[(3, "身份证号码")].value == "330106196811200224"
    assert "11位" in rejected[(5, "手机号")].reason
    assert rejected[(6, "姓名")].reason == "请填写姓名"
    assert all(r.sheet == GBK_CSV.name for r in report.rejected)
    assert (
        f"{GBK_CSV.name} 第3行 身份证号码：第18位校验码应为3，请核对号码" in report.problem_lines()
    )
    assert "新增零工3条" in report.summary() and "3行有问题" in report.summary()
    # Saved the way the counter saves: outbox and audit rows in the same transaction.
    assert _count(desk, Outbox) == 3
    assert _count(desk, AuditLog) >= 3


def test_utf8_bom_csv_with_an_unknown_column(desk: Desk) -> None:
    assert UTF8_CSV.read_bytes().startswith(b"\xef\xbb\xbf")
    report = import_ledger(desk, UTF8_CSV)
    assert report.added["worker"] == 2 and not report.rejected
    assert report.notes == [f"{UTF8_CSV.name}：以下列无法识别，已忽略：年龄"]
    workers = _workers(desk)
    assert workers["330183197904040801"].phone == "0571-63210001"
    assert workers["330127196601300682"].name == "周桂兰"  # not "\ufeff周桂兰"


def test_messy_station_xlsx(desk: Desk, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["XX镇零工驿站求职登记台账"])
    ws.merge_cells("A1:G1")
    ws.append(["统计时间：2026年2月", None, None, "填表人：小李"])
    ws.append([])
    ws.append([" 姓 名 ", "公民身份号码*", "联系电话（手机）", "特长", "意向工种", "备注", "住址"])
    ws.append(
        [
            "张 建国",
            "３３０１０２１９７５０３０８０１１８",
            13805710001,
            "电工",
            "建筑",
            None,
            "张村",
        ]
    )
    ws.append([None, None, None, None, None, None, None])
    ws.append(["赵德胜 ", " 33018219881212079x", 13405710007.0, None, None, "小写x", None])
    ws.append(
        ["钱多多", "330110198302140465", "１３６０５７１０００４", "育婴、会做饭", "保姆", "", ""]
    )
    path = tmp_path / "台账.xlsx"
    wb.save(path)

    report = import_ledger(desk, path)

    assert report.rejected == []
    assert report.added["worker"] == 3
    assert report.notes == ["Sheet1：以下列无法识别，已忽略：住址"]
    workers = _workers(desk)
    assert workers["330102197503080118"].name == "张建国"
    assert workers["33018219881212079X"].phone == "13405710007"
    assert workers["330110198302140465"].phone == "13605710004"


def test_excel_number_ids_and_row_numbers_as_excel_shows_them(desk: Desk, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["村级零工花名册"])
    ws.append(["姓名", "身份证号", "电话"])
    ws.append(["孙丽", 3.30102197503081e17, 13800000001])  # what Excel keeps of a number
    ws.append(["孙丽", "330102197503080118", 13800000001])
    ws.append(["孙丽丽", "330102197503080118", 13800000002])
    path = tmp_path / "numbers.xlsx"
    wb.save(path)

    report = import_ledger(desk, path)

    assert [(r.row, r.column) for r in report.rejected] == [(3, "身份证号"), (5, "身份证号")]
    assert "后几位已丢失" in report.rejected[0].reason
    assert report.rejected[1].reason == "与第4行的身份证号重复（同一人只登记一次）"
    assert report.added["worker"] == 1


def test_both_sheets_of_a_station_workbook_and_reimport_adds_nothing(desk: Desk) -> None:
    progress: list[tuple[int, int]] = []
    first = import_ledger(desk, STATION_XLSX, lambda done, total: progress.append((done, total)))
    assert first.added == {"worker": 2, "posting": 3} and not first.rejected
    assert progress[0] == (0, 5) and progress[-1] == (5, 5)
    with desk.db.read() as session:
        employers = {e.name: e for e in session.exec(select(Employer)).all()}
        postings = {p.occupation_name: p for p in session.exec(select(Posting)).all()}
    assert employers["王建国"].kind == "individual"
    assert employers["清河建筑工程有限公司"].kind == "company"
    electrician = postings["电工"]
    assert (electrician.pay_min, electrician.pay_max, electrician.pay_unit) == (220, 260, "day")
    assert electrician.expiry_date == date(2030, 12, 31)
    assert electrician.employment_mode == "temporary" and electrician.pay_method == "daily"
    assert electrician.contact_phone == "13800571111"

    again = import_ledger(desk, STATION_XLSX)
    assert again.added == {"worker": 0, "posting": 0}
    assert again.skipped_existing == {"worker": 2, "posting": 3}
    assert "已存在，跳过零工2条，用工信息3条" in again.summary()
    assert _count(desk, Worker) == 2 and _count(desk, Posting) == 3 and _count(desk, Employer) == 3


def test_posting_rows_go_through_posting_rules(desk: Desk, tmp_path: Path) -> None:
    header = "用工单位,联系人,手机号,用工形式,工种,人数,要求,地点,工作时间,工资,结算方式,有效期至"
    rows = [
        header,
        "清河食品厂,李姐,13900001111,日结工,包装工,5人,,清河镇,8小时,180元/天,当天结,2030-01-31",
        "清河食品厂,李姐,13900001111,日结,包装工,5,,清河镇,8小时,180元/天,日结,2030/1/31",
        "清河食品厂,李姐,13900001111,包月,包装工,0,,清河镇,8小时,很多钱,年结,2025-01-01",
    ]
    path = tmp_path / "招工.csv"
    path.write_text("\n".join(rows) + "\n", encoding="gb18030")

    report = import_ledger(desk, path)

    assert report.added["posting"] == 1
    by_cell = {(r.row, r.column): r.reason for r in report.rejected}
    assert by_cell[(3, "")] == "与第2行的用工信息相同（重复登记）"
    assert {column for row, column in by_cell if row == 4} == {
        "用工形式",
        "人数",
        "工资",
        "结算方式",
    }


def test_a_ledger_keeps_its_history_status_dates_and_closed_postings(
    desk: Desk, tmp_path: Path
) -> None:
    """Old ledgers hold postings already closed and people registered long ago: they come in
    as they were, not refused for a past closing date nor dated today."""
    header = "用工单位,手机号,用工形式,工种,人数,地点,工资,有效期至,状态,发布日期"
    rows = [
        header,
        "清河食品厂,13900001111,日结,包装工,5,清河镇,180元/天,2025-01-31,已招满,2025-01-02",
        "清河食品厂,13900001111,日结,搬运工,2,清河镇,200元/天,2025-03-01,,2025-02-01",
        "清河食品厂,13900001111,日结,装卸工,2,清河镇,200元/天,2030-03-01,暂停,2031-01-01",
    ]
    path = tmp_path / "往年招工.csv"
    path.write_text("\n".join(rows) + "\n", encoding="gb18030")
    people = tmp_path / "往年登记.csv"
    people.write_text(
        "姓名,身份证号,联系电话,登记日期,状态\n王秀英,11010519491231002X,13812345678,2024/3/5,已停用\n",
        encoding="utf-8-sig",
    )

    report = import_ledger(desk, path)
    import_ledger(desk, people)

    with desk.db.read() as session:
        postings = {p.occupation_name: p for p in session.exec(select(Posting)).all()}
        worker = session.exec(select(Worker)).one()
    assert postings["包装工"].status == "filled"
    assert postings["包装工"].published_at.date() == date(2025, 1, 2)
    assert postings["搬运工"].status == "open"  # shown as 已过期 by its closing date
    assert "装卸工" not in postings
    by_cell = {(r.row, r.column): r.reason for r in report.rejected}
    assert by_cell[(4, "状态")].startswith("无法识别的状态：暂停")
    assert by_cell[(4, "发布日期")] == "日期不能晚于今天"
    assert (worker.status, worker.registered_at.date()) == ("inactive", date(2024, 3, 5))


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("broken.xlsx", b"this is not a spreadsheet at all", "不是有效的Excel"),
        ("locked.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "密码"),
        ("notes.txt", "姓名,身份证号\n".encode(), "不支持的文件类型"),
        ("old.xls", b"\xd0\xcf\x11\xe0", ".xls"),
        ("no_header.csv", "名单\n张三,李四\n".encode(), "没有找到表头"),
    ],
)
def test_unreadable_files(
    desk: Desk, tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(LedgerReadError) as caught:
        import_ledger(desk, path)
    assert expected in caught.value.message
    assert _count(desk, Worker) == 0


def test_missing_file(desk: Desk, tmp_path: Path) -> None:
    with pytest.raises(LedgerReadError, match="找不到文件"):
        import_ledger(desk, tmp_path / "nowhere.xlsx")


def test_a_discriminatory_posting_row_is_rejected_with_the_reason_and_the_rest_imported(
    desk: Desk, tmp_path: Path
) -> None:
    header = "用工单位,手机号,用工形式,工种,人数,地点,工资,技能要求"
    rows = [
        header,
        "清河食品厂,13900001111,日结,包装工,5,清河镇,180元/天,限女性，35岁以下",
        "清河食品厂,13900001111,日结,搬运工,2,清河镇,200元/天,能吃苦耐劳",
    ]
    path = tmp_path / "招工.csv"
    path.write_text("\n".join(rows) + "\n", encoding="gb18030")
    report = import_ledger(desk, path)
    assert report.added["posting"] == 1
    reasons = [r.reason for r in report.rejected if r.row == 2]
    assert reasons and any("就业促进法" in reason or "歧视" in reason for reason in reasons)
