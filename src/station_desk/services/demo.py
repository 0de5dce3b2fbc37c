"""Demo data: a believable station's books, generated in bulk.

Workers, employers and postings of one district (the counties of 河南省商丘市, the station in
a township of 虞城县) go through the same columns as real registrations — HLC stamps per
field, an outbox row per record, search documents — but written with executemany in one
transaction, so 100,000 workers take seconds. A seed fixes the content; ids are always fresh.
Township and village names are made up in the local style; they are not a gazetteer.
"""

from __future__ import annotations

import json
import random
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import accumulate
from typing import Any

from station_desk.domain.consent import DEFAULT_CONSENT_TEXT as DEMO_CONSENT_TEXT
from station_desk.domain.employer import CREDIT_CODE_CHARS, credit_code_check_char
from station_desk.domain.hlc import Hlc, tick
from station_desk.domain.idcard import make_id_number
from station_desk.domain.occupations import find_occupation, parse_trades
from station_desk.domain.regions import counties_in
from station_desk.domain.text import clean_text
from station_desk.domain.worker import is_older_worker
from station_desk.services import demo_data as data
from station_desk.services.context import HLC_KEY, Desk, Tx, put_setting, this_station
from station_desk.store import search, trade_index
from station_desk.store.db import sqlite_connection
from station_desk.store.models import (
    Employer,
    Outbox,
    Posting,
    Station,
    SyncColumns,
    Worker,
    json_value,
)
from station_desk.store.models import record_fields as model_fields

PREFECTURE = "4114"  # 河南省商丘市
HOME_COUNTY = "411425"  # 虞城县
AREA_CODE = "0370"
_CHUNK = 2000

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DemoResult:
    workers: int
    employers: int
    postings: int
    seconds: float

    def as_dict(self) -> dict[str, float | int]:
        rate = self.workers / self.seconds if self.seconds > 0 else 0.0
        return {
            "workers": self.workers,
            "employers": self.employers,
            "postings": self.postings,
            "seconds": round(self.seconds, 3),
            "workers_per_second": round(rate, 1),
        }


def database_is_empty(desk: Desk) -> bool:
    """True when nothing was ever registered: no workers, employers or postings (even deleted)."""
    with desk.db.read() as session:
        conn = sqlite_connection(session)
        return not any(
            conn.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]
            for table in ("worker", "employer", "posting")
        )


class _Bulk:
    """Writes records with the columns Tx.save fills: stamps, outbox, search documents."""

    def __init__(self, tx: Tx) -> None:
        self.tx = tx
        self.conn = sqlite_connection(tx.session)
        self.dialect = tx.desk.db.engine.dialect
        self.station = tx.station_id
        self.last = Hlc.decode(tx.stamp())
        outbox_time = Outbox.__table__.c.created_at.type  # type: ignore[attr-defined]
        bind = outbox_time.dialect_impl(self.dialect).bind_processor(self.dialect)
        self.outbox_at = bind(tx.desk.now()) if bind else tx.desk.now()

    def _stamp(self) -> str:
        self.last = tick(self.last, int(self.tx.desk.clock() * 1000), self.station)
        return self.last.encode()

    def _processors(self, model: type[SyncColumns]) -> dict[str, Callable[[Any], Any]]:
        table = model.__table__  # type: ignore[attr-defined]
        procs = {}
        for column in table.columns:
            proc = column.type.dialect_impl(self.dialect).bind_processor(self.dialect)
            if proc is not None and column.name not in ("expected_pay_min", "expected_pay_max"):
                procs[column.name] = proc
        return procs

    def write(self, model: type[SyncColumns], records: Sequence[dict[str, Any]]) -> None:
        kind: str = model.__tablename__  # type: ignore[assignment]
        names = model_fields(model)
        columns = ["id", "created_hlc", "updated_hlc", "field_hlc", "origin_station", *names]
        procs = self._processors(model)
        procs_at = [(i, name) for i, name in enumerate(names) if name in procs]
        rows, outbox = [], []
        for record in records:
            hlc = self._stamp()
            values = [record[n] for n in names]
            change = dict(zip(names, values, strict=True))
            bound = values.copy()
            for i, name in procs_at:
                value = values[i]
                bound[i] = procs[name](value)
                if isinstance(value, date):
                    change[name] = json_value(value)
            change["origin_station"] = self.station
            rows.append((record["id"], hlc, hlc, "{}", self.station, *bound))
            fields_json = json.dumps(change, ensure_ascii=False, sort_keys=True)
            outbox.append((str(uuid.uuid4()), kind, record["id"], fields_json, hlc, self.outbox_at))
        marks = ", ".join("?" * len(columns))
        self.conn.executemany(f"INSERT INTO {kind} ({', '.join(columns)}) VALUES ({marks})", rows)
        self.conn.executemany(
            "INSERT INTO outbox (op_id, record_kind, record_id, fields, hlc, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            outbox,
        )

    def finish(self) -> None:
        put_setting(self.tx.session, HLC_KEY, self.last.encode())


class _Maker:
    """Seeded generator of the district's people, employers and jobs."""

    def __init__(self, rng: random.Random, now: datetime) -> None:
        self.rng = rng
        self.now = now
        self.today = now.date()
        counties = [c for c in counties_in(PREFECTURE) if c[0][4] != "7"]
        self.county = dict(counties)[HOME_COUNTY]
        self.region_codes = [code for code, _ in counties]
        self.region_cum = list(accumulate(12 if c == HOME_COUNTY else 1 for c in self.region_codes))
        self.surnames, weights = data.surnames()
        self.surname_cum = list(accumulate(weights))
        self.trades = [find_occupation(name) for name in data.TRADE_WEIGHTS]
        self.trade_cum = list(accumulate(data.TRADE_WEIGHTS.values()))
        self.villages = {town: [self.village() for _ in range(8)] for town in data.TOWNSHIPS}
        self.used_ids: set[str] = set()
        self.used_employers: set[str] = set()

    def village(self) -> str:
        return self.rng.choice(self.surnames[:40]) + self.rng.choice(data.VILLAGE_SUFFIXES) + "村"

    def place(self) -> str:
        town = self.rng.choice(data.TOWNSHIPS)
        return town + self.rng.choice(self.villages[town])

    def name(self, male: bool) -> str:
        surname = self.rng.choices(self.surnames, cum_weights=self.surname_cum)[0]
        singles, doubles = data.GIVEN[male]
        if self.rng.random() < 0.3:
            return surname + self.rng.choice(singles)
        return surname + self.rng.choice(doubles)

    def mobile(self) -> str:
        return self.rng.choice(data.MOBILE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"

    def landline(self) -> str:
        return f"{AREA_CODE}-{self.rng.randint(2, 8)}{self.rng.randrange(10**6):06d}"

    def moment(self, earliest: datetime) -> datetime:
        """A time in working hours between earliest and now."""
        span = max(0.0, (self.now - earliest).total_seconds())
        moment = earliest + timedelta(seconds=self.rng.uniform(0, span))
        moment = moment.replace(hour=self.rng.randint(8, 17), minute=self.rng.randrange(60))
        moment = moment.replace(second=self.rng.randrange(60), microsecond=0)
        while moment > self.now:
            moment -= timedelta(days=1)
        return moment

    def _birth(self) -> date:
        low, high = self.rng.choices(((18, 35), (35, 60), (60, 66)), (24, 66, 10))[0]
        age_days = self.rng.uniform(low * 365.25 + 2, high * 365.25 - 2)
        return self.today - timedelta(days=int(age_days))

    def trade_text(self, count: int) -> str:
        picked: list[str] = []
        for occupation in self.rng.choices(self.trades, cum_weights=self.trade_cum, k=count):
            assert occupation is not None
            words = (occupation.name, *occupation.aliases[:3])
            word = occupation.name if self.rng.random() < 0.75 else self.rng.choice(words)
            if word not in picked:
                picked.append(word)
        return "、".join(picked)

    def worker(self) -> dict[str, Any]:
        rng = self.rng
        male = rng.random() < 0.56
        region = rng.choices(self.region_codes, cum_weights=self.region_cum)[0]
        birth = self._birth()
        number = make_id_number(region, birth, rng.randrange(500) * 2 + male)
        while number in self.used_ids:
            number = make_id_number(region, birth, rng.randrange(500) * 2 + male)
        self.used_ids.add(number)
        skills = self.trade_text(rng.choices((1, 2, 3), (50, 35, 15))[0])
        if rng.random() < 0.08:
            skills += "、" + rng.choice(data.SKILL_NOTES)
        intentions = self.trade_text(rng.choices((1, 2), (65, 35))[0])
        if rng.random() < 0.3:
            intentions += "；" + rng.choice(data.AREA_WISHES)
        skill_codes, skills_text = _parse(skills)
        intention_codes, intentions_text = _parse(intentions)
        pay: tuple[float | None, float | None, str | None] = (None, None, None)
        if intention_codes and rng.random() < 0.6:
            _, unit, low, high = self.pay_option(intention_codes[0])
            pay = (float(low), float(high), unit)
        sex = "男" if male else "女"
        age = self.today.year - birth.year
        age -= (self.today.month, self.today.day) < (birth.month, birth.day)
        disability = rng.random() < 0.015
        registered = self.moment(self.now - timedelta(days=365))
        return {
            "id": str(uuid.uuid4()),
            "name": self.name(male),
            "id_number": number,
            "birth_date": birth,
            "sex": sex,
            "region_code": region,
            "phone": self.mobile(),
            "skill_codes": json.dumps(skill_codes, ensure_ascii=False),
            "skills_text": skills_text,
            "intention_codes": json.dumps(intention_codes, ensure_ascii=False),
            "intentions_text": intentions_text,
            "expected_pay_min": pay[0],
            "expected_pay_max": pay[1],
            "expected_pay_unit": pay[2],
            "hardship_long_wait": rng.random() < 0.04,
            "hardship_low_income": rng.random() < 0.03,
            "hardship_disability": disability,
            "hardship_older": is_older_worker(sex, age),
            "consent_at": registered,
            "consent_text": DEMO_CONSENT_TEXT,
            "status": "active" if rng.random() < 0.92 else "inactive",
            "note": rng.choice(data.DISABILITY_NOTES) if disability else _maybe(rng, data.NOTES),
            "registered_at": registered,
        }

    def pay_option(self, code: str) -> tuple[str, str, float, float]:
        """(employment mode, pay unit, low, high) for a trade, rounded like real ads."""
        options = data.PAY_BY_TRADE.get(code) or data.PAY_BY_GROUP[code_group(code)]
        mode, unit, low, high = self.rng.choice(options)
        step = {"hour": 1, "day": 10, "month": 100}.get(unit, 10)
        pay_min = round(self.rng.uniform(low, (low + high) / 2) / step) * step
        pay_max = pay_min
        if self.rng.random() < 0.7:
            pay_max = max(pay_min + step, round(self.rng.uniform(pay_min, high) / step) * step)
        return mode, unit, pay_min, pay_max

    def employer(self) -> dict[str, Any]:
        rng = self.rng
        kind_name, trades = rng.choice(data.EMPLOYER_KINDS)
        individual = kind_name == ""
        for attempt in range(1000):
            if individual:
                surname = rng.choices(self.surnames, cum_weights=self.surname_cum)[0]
                name = f"{surname}{rng.choice(('先生', '女士'))}（{self.village()}）"
            else:
                place = rng.choice((self.county, self.county[:-1], "商丘", "", *data.TOWNSHIPS))
                brand = (
                    rng.choice(data.BRANDS)
                    if rng.random() < 0.5
                    else "".join(rng.sample(data.BRAND_CHARS, 2))
                )
                name = place + brand + kind_name
            if attempt > 100:
                name = f"{name}{attempt}号"
            if name not in self.used_employers:
                break
        self.used_employers.add(name)
        credit = ""
        if not individual and rng.random() < 0.6:
            body = rng.choice("123") + HOME_COUNTY
            body += "".join(rng.choice(CREDIT_CODE_CHARS) for _ in range(9))
            credit = "9" + body + credit_code_check_char("9" + body)
        contact = name.split("（")[0] if individual else self.name(rng.random() < 0.6)
        return {
            "id": str(uuid.uuid4()),
            "name": name,
            "kind": "individual" if individual else "company",
            "contact_person": contact,
            "phone": self.mobile() if individual or rng.random() < 0.6 else self.landline(),
            "address": f"{self.county}{self.place()}",
            "credit_code": credit,
            "note": "",
            "registered_at": self.moment(self.now - timedelta(days=365)),
            "_trades": trades,
        }

    def posting(self, employer: dict[str, Any]) -> dict[str, Any]:
        rng = self.rng
        occupation = find_occupation(rng.choice(employer["_trades"]))
        assert occupation is not None
        mode, unit, pay_min, pay_max = self.pay_option(occupation.code)
        status = rng.choices(("open", "filled", "closed"), (80, 10, 10))[0]
        earliest = employer["registered_at"]
        if status == "open":
            earliest = max(earliest, self.now - timedelta(days=30))
        published = self.moment(earliest)
        start = published.date() + timedelta(days=rng.randint(0, 7))
        expiry = start + timedelta(days=rng.randint(7, 60))
        if status == "open" and expiry < self.today:
            expiry = self.today + timedelta(days=rng.randint(3, 30))
        method = {"hour": "daily", "month": "monthly"}.get(unit, "daily")
        if unit == "day" and mode in ("temporary", "seasonal"):
            method = rng.choice(("daily", "weekly", "on_completion"))
        return {
            "id": str(uuid.uuid4()),
            "employer_id": employer["id"],
            "contact_person": employer["contact_person"],
            "contact_phone": employer["phone"],
            "occupation_code": occupation.code,
            "occupation_name": occupation.name,
            "headcount": rng.choices((1, 2, 3, 5, 10, 20), (30, 25, 15, 15, 10, 5))[0],
            "employment_mode": mode,
            "skill_requirements": rng.choice(data.REQUIREMENTS.get(occupation.name, ("",)))
            or _maybe(rng, data.GENERAL_REQUIREMENTS),
            "work_location": self.place(),
            "work_hours": rng.choice(data.HOURS[unit] if unit in data.HOURS else data.HOURS["day"]),
            "pay_min": float(pay_min),
            "pay_max": float(pay_max),
            "pay_unit": unit,
            "pay_method": method,
            "start_date": start,
            "expiry_date": expiry,
            "description": _maybe(rng, data.PERKS),
            "status": status,
            "is_quick": rng.random() < 0.05,
            "screening": "",
            "published_at": published,
        }

    def station(self, station_id: str) -> dict[str, Any]:
        town = data.TOWNSHIPS[0]
        return {
            "id": station_id,
            "name": f"{town}零工驿站",
            "kind": "station",
            "address": f"{self.county}{town}便民服务中心一楼",
            "opening_hours": "周一至周六 8:00–12:00，14:30–18:00",
            "trades": "建筑施工、家政服务、农林牧渔、物流配送、制造普工",
            "phone": self.landline(),
            "hotline": "12333",
            "complaint_channel": f"投诉电话 {self.landline()}（{self.county}人社局劳动保障监察大队）",
        }


def code_group(code: str) -> str:
    occupation = find_occupation(code)
    return occupation.group_code if occupation else "17"


_PARSED: dict[str, tuple[list[str], str]] = {}


def _parse(text: str) -> tuple[list[str], str]:
    """Trade codes and the text as kept, the way validate_worker does it."""
    if text not in _PARSED:
        cleaned = clean_text(text)
        _PARSED[text] = (parse_trades(cleaned)[0], cleaned)
    return _PARSED[text]


def _maybe(rng: random.Random, choices: Sequence[str], chance: float = 0.3) -> str:
    return rng.choice(choices) if rng.random() < chance else ""


def fill_demo(
    desk: Desk,
    workers: int,
    postings: int,
    employers: int | None = None,
    seed: int | None = None,
    progress: Progress | None = None,
) -> DemoResult:
    """Add demo workers, employers and postings (and this station's profile if missing)."""
    started = time.perf_counter()
    if employers is None:
        employers = max(1, postings // 4) if postings else 0
    if postings and not employers:
        employers = 1
    maker = _Maker(random.Random(seed), desk.now())
    total = workers + employers + postings
    done = 0
    with desk.transaction() as tx:
        bulk = _Bulk(tx)
        conn = bulk.conn
        maker.used_ids.update(r[0] for r in conn.execute("SELECT id_number FROM worker"))
        maker.used_employers.update(r[0] for r in conn.execute("SELECT name FROM employer"))
        if this_station(tx.session) is None:
            bulk.write(Station, [maker.station(tx.station_id)])
        batches: list[tuple[type[SyncColumns], list[dict[str, Any]]]] = []
        employer_rows = sorted(
            (maker.employer() for _ in range(employers)), key=lambda r: r["registered_at"]
        )
        worker_rows = sorted(
            (maker.worker() for _ in range(workers)), key=lambda r: r["registered_at"]
        )
        posting_rows = sorted(
            (maker.posting(maker.rng.choice(employer_rows)) for _ in range(postings)),
            key=lambda r: r["published_at"],
        )
        batches = [(Employer, employer_rows), (Worker, worker_rows), (Posting, posting_rows)]
        names = {e["id"]: e["name"] for e in employer_rows}
        for model, rows in batches:
            kind: str = model.__tablename__  # type: ignore[assignment]
            for start in range(0, len(rows), _CHUNK):
                chunk = rows[start : start + _CHUNK]
                bulk.write(model, chunk)
                if kind == "posting":
                    docs = [
                        (r["id"], search.posting_document(r, names[r["employer_id"]]))
                        for r in chunk
                    ]
                elif kind == "worker":
                    docs = [(r["id"], search.worker_document(r)) for r in chunk]
                    trade_index.index_workers(conn, chunk, new=True)
                else:
                    docs = [(r["id"], search.employer_document(r)) for r in chunk]
                search.index_documents(conn, kind, docs)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
        search.optimize_index(conn)
        bulk.finish()
        detail = json.dumps({"workers": workers, "employers": employers, "postings": postings})
        tx.audit("fill_demo", detail=detail)
    return DemoResult(workers, employers, postings, time.perf_counter() - started)
