"""The 帮扶台账 ("131") and the services log that closes its gaps."""

from __future__ import annotations

import json
from datetime import date

import pytest

from records import post
from station_desk.domain.idcard import make_id_number
from station_desk.domain.worker import WorkerDraft
from station_desk.services import hardship, referrals, service_log
from station_desk.services.context import Desk, ValidationFailed
from station_desk.services.workers import register_worker


def _worker(desk: Desk, name: str, birth: date, serial: int, **flags: bool) -> str:
    number = make_id_number("330106", birth, serial)
    now = desk.clock() + 60
    desk.clock = lambda: now  # registered a minute after the one before
    draft = WorkerDraft(name=name, id_number=number, phone="13900001111", skills="电工", **flags)
    return register_worker(desk, draft).worker.id


def test_gaps_close_as_guidance_recommendations_and_training_are_logged(
    desk: Desk, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _worker(desk, "王大力", date(1990, 1, 1), 11, hardship_low_income=True)
    second = _worker(desk, "李小红", date(1992, 1, 1), 12, hardship_disability=True)
    _worker(desk, "赵平常", date(1995, 1, 1), 13)  # not a hardship worker
    rows = hardship.hardship_list(desk)
    assert [r.worker_id for r in rows] == [first, second]
    assert rows[0].owed.as_dict() == {"guidance": 1, "recommendations": 3, "training": 1}

    with pytest.raises(ValidationFailed) as refused:
        service_log.log_service(desk, second, "guidance", "")
    assert "note" in refused.value.errors
    service_log.log_service(desk, second, "guidance", "先考电工证，再找稳定岗位")
    service_log.log_service(desk, second, "training_referral", "电工培训班")
    for occupation in ("电工", "装修工", "保洁员"):
        referrals.refer(desk, second, post(desk, occupation))
    rows = hardship.hardship_list(desk)
    assert [r.worker_id for r in rows] == [first, second]  # the complete one goes last
    assert rows[1].owed.total == 0

    assert hardship.hardship_command(desk, as_json=True) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed[0]["name"] == "王**" and printed[0]["flags"] == ["low_income"]
    assert printed[1]["owed"] == {"guidance": 0, "recommendations": 0, "training": 0}
    assert set(printed[0]) == {"worker_id", "name", "flags", "owed", "registered_at"}
    (logged,) = [s for s in service_log.list_services(desk) if s.kind == "guidance"]
    assert logged.kind_label == "职业指导" and logged.worker_id == second


def test_older_age_follows_the_configurable_line(desk: Desk) -> None:
    today = desk.today()
    woman = _worker(desk, "陈秀兰", date(today.year - 45, 1, 1), 22)  # 女 (even serial)
    man = _worker(desk, "陈国强", date(today.year - 45, 1, 1), 21)  # 男
    found = {r.worker_id: r.flags for r in hardship.hardship_list(desk)}
    assert found == {woman: ["older"]}
    hardship.set_older_ages(desk, male=45, female=50)
    found = {r.worker_id: r.flags for r in hardship.hardship_list(desk)}
    assert found == {man: ["older"]}
