"""Demo data: valid, believable, reproducible, and written like real registrations."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from sqlmodel import Session, select

from station_desk.cli import main
from station_desk.domain.employer import validate_employer
from station_desk.domain.enums import label_of
from station_desk.domain.hlc import Hlc
from station_desk.domain.idcard import parse_id_number
from station_desk.domain.occupations import occupation_by_code
from station_desk.domain.phone import is_mobile
from station_desk.domain.posting import EMPLOYMENT_MODES, PAY_METHODS, PAY_UNITS, validate_posting
from station_desk.domain.regions import counties_in
from station_desk.domain.worker import is_older_worker
from station_desk.services.context import HLC_KEY, Desk, get_setting, this_station
from station_desk.services.demo import DemoResult, database_is_empty, fill_demo
from station_desk.services.employers import draft_from_employer
from station_desk.services.postings import draft_from_posting
from station_desk.store.db import Database, sqlite_connection
from station_desk.store.models import Employer, Outbox, Posting, Worker
from station_desk.store.search import search_ids

NOW = datetime(2026, 5, 20, 10, 30).timestamp()


def _desk(path: Path) -> Desk:
    return Desk(Database(path / "station.db"), clock=lambda: NOW)


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Desk, DemoResult]:
    desk = _desk(tmp_path_factory.mktemp("demo"))
    return desk, fill_demo(desk, workers=300, postings=60, seed=7)


def _all(desk: Desk, model: type) -> list:
    with desk.db.read() as session:
        return list(session.exec(select(model)).all())


def test_result_counts(filled: tuple[Desk, DemoResult]) -> None:
    desk, result = filled
    data = result.as_dict()
    assert (data["workers"], data["postings"], data["employers"]) == (300, 60, 15)
    assert data["seconds"] > 0 and data["workers_per_second"] > 0
    assert len(_all(desk, Worker)) == 300
    assert len(_all(desk, Posting)) == 60
    assert len(_all(desk, Employer)) == 15


def test_workers_are_valid_people_of_one_district(filled: tuple[Desk, DemoResult]) -> None:
    desk, _ = filled
    today = desk.today()
    district = {code for code, _ in counties_in("4114")}
    workers = _all(desk, Worker)
    assert len({w.id_number for w in workers}) == len(workers)
    for worker in workers:
        info = parse_id_number(worker.id_number, today)
        assert (info.sex, info.birth_date, info.region_code) == (
            worker.sex,
            worker.birth_date,
            worker.region_code,
        )
        assert info.region_code in district
        assert 18 <= info.age(today) <= 65
        assert worker.hardship_older == is_older_worker(info.sex, info.age(today))
        assert is_mobile(worker.phone), worker.phone
        assert 2 <= len(worker.name) <= 4
        codes = json.loads(worker.skill_codes) + json.loads(worker.intention_codes)
        assert codes and all(occupation_by_code(c) for c in codes)
        assert worker.registered_at <= desk.now()
        assert (desk.now() - worker.registered_at).days <= 366
    ages = [parse_id_number(w.id_number, today).age(today) for w in workers]
    assert sum(35 <= a <= 60 for a in ages) > len(ages) / 2
    assert 0 < sum(w.hardship_long_wait or w.hardship_low_income for w in workers) < 40
    assert {w.sex for w in workers} == {"男", "女"}


def test_postings_and_employers_pass_the_counter_checks(filled: tuple[Desk, DemoResult]) -> None:
    desk, _ = filled
    employers = {e.id: e for e in _all(desk, Employer)}
    for employer in employers.values():
        fields, errors = validate_employer(draft_from_employer(employer))
        assert fields is not None, (employer.name, errors)
    postings = _all(desk, Posting)
    assert sum(p.status == "open" for p in postings) > len(postings) / 2
    for posting in postings:
        occupation = occupation_by_code(posting.occupation_code or "")
        assert occupation is not None and occupation.name == posting.occupation_name
        assert posting.pay_min is not None and posting.pay_max is not None
        assert 0 < posting.pay_min <= posting.pay_max
        for enum, code in (
            (PAY_UNITS, posting.pay_unit),
            (EMPLOYMENT_MODES, posting.employment_mode),
            (PAY_METHODS, posting.pay_method),
        ):
            assert label_of(enum, code) != code, code
        assert posting.headcount >= 1 and posting.work_location
        if posting.status == "open":
            draft = draft_from_posting(posting, employers[posting.employer_id].name)
            fields, errors = validate_posting(draft, today=desk.today())
            assert fields is not None, errors


def test_day_labour_pays_like_the_market(filled: tuple[Desk, DemoResult]) -> None:
    desk, _ = filled
    for posting in _all(desk, Posting):
        if posting.occupation_name == "搬运工":
            assert (posting.pay_unit, 180 <= posting.pay_min <= 260) == ("day", True)


def test_station_profile_and_audit(filled: tuple[Desk, DemoResult]) -> None:
    desk, _ = filled
    with desk.db.read() as session:
        station = this_station(session)
        assert station is not None and station.id == desk.station_id
        assert station.name.endswith("零工驿站") and station.hotline and station.complaint_channel
        assert station.kind == "station" and station.address and station.opening_hours


def test_every_record_has_stamps_outbox_and_search(filled: tuple[Desk, DemoResult]) -> None:
    desk, _ = filled
    rows = _all(desk, Outbox)
    assert len(rows) == 300 + 60 + 15 + 1  # and the station
    stamps = [row.hlc for row in rows]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    by_record = {row.record_id: row for row in rows}
    with desk.db.read() as session:
        assert get_setting(session, HLC_KEY) == max(stamps)
        assert Hlc.decode(max(stamps)).station == desk.station_id
        worker = session.exec(select(Worker)).first()
        assert worker is not None
        change = json.loads(by_record[worker.id].fields)
        assert change["id_number"] == worker.id_number
        assert change["origin_station"] == desk.station_id
        assert worker.created_hlc == by_record[worker.id].hlc
        assert json.loads(worker.field_hlc) == {}  # every field as of created_hlc
        conn = sqlite_connection(session)
        assert worker.id in search_ids(conn, "worker", worker.id_number[-6:])
        assert worker.id in search_ids(conn, "worker", f"{worker.name} {worker.phone}")
        posting = session.exec(select(Posting)).first()
        assert posting is not None
        assert posting.id in search_ids(conn, "posting", posting.occupation_name, limit=100)


def _content(session: Session) -> list[tuple]:
    workers = session.exec(select(Worker).order_by(Worker.registered_at)).all()
    postings = session.exec(select(Posting).order_by(Posting.published_at)).all()
    return [
        *((w.name, w.id_number, w.phone, w.skill_codes, w.registered_at) for w in workers),
        *((p.occupation_name, p.pay_min, p.work_location, p.published_at) for p in postings),
    ]


def test_seed_fixes_content_but_not_ids(tmp_path: Path) -> None:
    runs = []
    for name in ("a", "b", "c"):
        desk = _desk(tmp_path / name)
        fill_demo(desk, workers=40, postings=10, seed=1 if name != "c" else 2)
        with desk.db.read() as session:
            ids = {w.id for w in session.exec(select(Worker)).all()}
            runs.append((_content(session), ids))
    assert runs[0][0] == runs[1][0]
    assert runs[0][0] != runs[2][0]
    assert not runs[0][1] & runs[1][1]


def test_database_is_empty_and_second_fill_adds_new_people(tmp_path: Path) -> None:
    desk = _desk(tmp_path)
    assert database_is_empty(desk)
    calls: list[tuple[int, int]] = []
    fill_demo(
        desk,
        workers=0,
        postings=1,
        seed=1,
        progress=lambda done, total: calls.append((done, total)),
    )
    assert not database_is_empty(desk)
    assert calls[-1] == (2, 2)
    fill_demo(desk, workers=30, postings=0, seed=1)
    fill_demo(desk, workers=30, postings=0, seed=1)
    workers = _all(desk, Worker)
    assert len({w.id_number for w in workers}) == 60
    assert len(_all(desk, Outbox)) == 1 + 2 + 60


def test_cli_demo_and_if_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--data-dir", str(tmp_path), "demo", "--workers", "200", "--postings", "30"]
    assert main([*args, "--seed", "5"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert (printed["workers"], printed["postings"]) == (200, 30)
    assert printed["employers"] >= 1 and "workers_per_second" in printed
    assert main([*args, "--if-empty"]) == 0
    assert capsys.readouterr().out == ""
    desk = Desk(Database(tmp_path / "station.db"))
    assert len(_all(desk, Worker)) == 200
