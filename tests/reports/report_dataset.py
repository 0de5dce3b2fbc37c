"""A fixed dataset for the report tests, made through the real services at fixed times.

The hand count of every figure is written next to the records in station_dataset's
docstring; the tests compare the reports with those numbers, not with the code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlmodel import select

from records import post
from station_desk.domain.idcard import make_id_number
from station_desk.domain.station import StationDraft
from station_desk.domain.worker import WorkerDraft
from station_desk.services import referrals, rights_cases, service_log, tools
from station_desk.services.context import Desk
from station_desk.services.postings import get_posting
from station_desk.services.station import save_station_profile
from station_desk.services.workers import register_worker, set_worker_status
from station_desk.store.db import Database, sqlite_connection
from station_desk.store.models import Outbox
from station_desk.sync.merge import PageApplier
from station_desk.sync.protocol import PulledChange

REPORT_NOW = datetime(2024, 6, 2, 10, 0)


def at(desk: Desk, day: date | datetime, hour: int = 9, minute: int = 0) -> None:
    """Set the desk's clock: the next action happens then."""
    moment = datetime(day.year, day.month, day.day, hour, minute).timestamp()
    desk.clock = lambda: moment


def may(day: int) -> date:
    return date(2024, 5, day)


def new_desk(folder: Path) -> Desk:
    folder.mkdir(parents=True, exist_ok=True)
    return Desk(Database(folder / "station.db"), staff="测试", clock=lambda: REPORT_NOW.timestamp())


def profile(desk: Desk, name: str, kind: str = "station", **values: str) -> None:
    save_station_profile(desk, StationDraft(name=name, kind=kind, **values))


def worker(desk: Desk, name: str, serial: int, region: str = "330106", **flags: bool) -> str:
    number = make_id_number(region, date(1990, 3, 1), serial)
    draft = WorkerDraft(name=name, id_number=number, phone="13900001111", skills="电工", **flags)
    return register_worker(desk, draft).worker.id


@dataclass
class Dataset:
    workers: dict[str, str] = field(default_factory=dict)
    postings: dict[str, str] = field(default_factory=dict)
    referrals: dict[str, str] = field(default_factory=dict)


def station_dataset(desk: Desk, serial: int = 100) -> Dataset:
    """青山镇零工驿站, May 2024 (the report is made on 2024-06-02):

    workers   W0 04-28 · W1 (低收入) W2 (残疾) W3 W4 05-10 · W5 05-11 · W6 06-01; W3 stopped
    postings  P1 电工 ×2 快招 05-10 09:00 · P2 保洁员 ×3 05-10 10:00 · P3 装修工 ×1 05-11
              (employers: 青山建筑 05-10, 绿水家政 05-11)
    referrals R1 W1→P1 05-10 10:00 confirmed 11:00, hired 15:00 (same-day quick hire)
              R2 W4→P1 05-10 10:30 hired 05-12 09:00 · R3 W1→P2 05-10 11:00 declined 05-15
              R4 W1→P3 05-11 10:00 no outcome · R5 W2→P2 05-11 10:00 hired 16:00
    services  W1 guidance + training 05-12 (W1's 131 complete) · W5 policy 05-20
    cases     wage arrears 5,000 05-13, recovered 2,000 (05-14) + 3,000 (05-20); complaint 05-21
    loans     电钻 to W4 05-12, to W5 05-13

    May: registrations 5, active 5, employers 2, postings 3, headcount 6, referrals 5,
    placements 3 (R1, R5, R2), daily 3/31, quick 1 of 1 same day, hardship 2 with 1 complete,
    services 3, cases 2 owed 5,000 recovered 5,000, loans 2, follow-up 3 of 5 within 3 days.
    05-10: registrations 4, active 4, employers 1, postings 2, headcount 5, referrals 3,
    placements 1, hardship 2 with 0 complete.
    """
    d = Dataset()
    at(desk, date(2024, 4, 20))
    profile(
        desk,
        "青山镇零工驿站",
        address="青山镇人民路8号",
        opening_hours="8:00-17:30",
        trades="电工、保洁",
        phone="0571-87650000",
    )
    at(desk, date(2024, 4, 28))
    d.workers["W0"] = worker(desk, "孙建国", serial + 1)
    at(desk, may(10), 8)
    d.workers["W1"] = worker(desk, "王大力", serial + 3, hardship_low_income=True)
    d.workers["W2"] = worker(desk, "李小红", serial + 5, hardship_disability=True)
    d.workers["W3"] = worker(desk, "张三", serial + 7)
    d.workers["W4"] = worker(desk, "赵平常", serial + 9)
    at(desk, may(10), 9)
    d.postings["P1"] = post(desk, "电工", quick=True, headcount="2")
    at(desk, may(10), 10)
    d.postings["P2"] = post(desk, "保洁员", headcount="3")
    d.referrals["R1"] = referrals.refer(desk, d.workers["W1"], d.postings["P1"]).id
    at(desk, may(10), 10, 30)
    d.referrals["R2"] = referrals.refer(desk, d.workers["W4"], d.postings["P1"]).id
    at(desk, may(10), 11)
    d.referrals["R3"] = referrals.refer(desk, d.workers["W1"], d.postings["P2"]).id
    referrals.confirm_by_phone(desk, d.referrals["R1"], datetime(2024, 5, 10, 14))
    at(desk, may(10), 15)
    referrals.record_outcome(desk, d.referrals["R1"], "hired")
    at(desk, may(11), 9)
    d.workers["W5"] = worker(desk, "钱多多", serial + 11)
    d.postings["P3"] = post(desk, "装修工", headcount="1", employer_name="绿水家政服务部")
    at(desk, may(11), 10)
    d.referrals["R4"] = referrals.refer(desk, d.workers["W1"], d.postings["P3"]).id
    d.referrals["R5"] = referrals.refer(desk, d.workers["W2"], d.postings["P2"]).id
    at(desk, may(11), 16)
    referrals.record_outcome(desk, d.referrals["R5"], "hired")
    at(desk, may(12), 9)
    referrals.record_outcome(desk, d.referrals["R2"], "hired")
    set_worker_status(desk, d.workers["W3"], active=False, reason="已找到长期工作")
    service_log.log_service(desk, d.workers["W1"], "guidance", "先考电工证")
    service_log.log_service(desk, d.workers["W1"], "training_referral", "电工培训班")
    drill = tools.add_tool(desk, "电钻", count=2).id
    tools.lend_tool(desk, drill, d.workers["W4"], may(19))
    at(desk, may(13), 9)
    loan = tools.lend_tool(desk, drill, d.workers["W5"], may(20))
    employer = get_posting(desk, d.postings["P1"]).employer_id
    case = rights_cases.open_case(
        desk,
        "wage_arrears",
        "拖欠两周工资",
        worker_id=d.workers["W3"],
        employer_id=employer,
        amount_owed=5000,
    )
    at(desk, may(14), 9)
    rights_cases.change_status(desk, case.id, "mediating", amount_recovered=2000)
    at(desk, may(15), 9)
    referrals.record_outcome(desk, d.referrals["R3"], "declined")
    tools.return_tool(desk, loan.id)
    at(desk, may(20), 9)
    rights_cases.change_status(desk, case.id, "resolved", amount_recovered=3000)
    service_log.log_service(desk, d.workers["W5"], "policy", "创业担保贷款")
    at(desk, may(21), 9)
    rights_cases.open_case(desk, "complaint", "招聘信息与实际不符", employer_id=employer)
    at(desk, date(2024, 6, 1), 9)
    d.workers["W6"] = worker(desk, "周末", serial + 13)
    desk.clock = lambda: REPORT_NOW.timestamp()
    return d


def small_station(desk: Desk, serial: int) -> Dataset:
    """河口村零工驿站: two workers 05-10, one posting 搬运工 ×4, one hire 05-10 (placements 1)."""
    d = Dataset()
    at(desk, date(2024, 4, 20))
    profile(desk, "河口村零工驿站", address="河口村委会", opening_hours="")
    at(desk, may(10), 8)
    d.workers["A"] = worker(desk, "吴一", serial + 1, region="330108")
    d.workers["B"] = worker(desk, "郑二", serial + 3, region="330108")
    at(desk, may(10), 9)
    d.postings["P"] = post(desk, "搬运工", headcount="4", employer_name="河口物流站")
    d.referrals["R"] = referrals.refer(desk, d.workers["A"], d.postings["P"]).id
    at(desk, may(10), 13)
    referrals.record_outcome(desk, d.referrals["R"], "hired")
    desk.clock = lambda: REPORT_NOW.timestamp()
    return d


def relay(source: Desk, target: Desk, seq_start: int) -> int:
    """Hand the source's outbox to the target as the district server would relay it."""
    with source.db.read() as session:
        rows = session.exec(select(Outbox).order_by(Outbox.seq)).all()  # type: ignore[arg-type]
    changes = [
        PulledChange(
            seq=seq_start + i,
            kind=row.record_kind,
            record_id=row.record_id,
            fields=json.loads(row.fields),
            hlc=row.hlc,
            station_id=source.station_id,
            base=json.loads(row.base),
        )
        for i, row in enumerate(rows, start=1)
    ]
    with target.db.write() as session:
        PageApplier(sqlite_connection(session), target.now(), target.station_id).apply(changes)
    return seq_start + len(changes)
