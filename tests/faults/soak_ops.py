"""The clerks' side of the soak: random counter actions through the real services.

Each action picks its record from what this desk can see (live rows in its own database) and
calls one service function, as the desk's forms do. A refusal (ValidationFailed, NotFound:
the posting was closed meanwhile, the referral already has its final outcome...) is a normal
answer and acknowledges nothing. `delete` writes a tombstone the way a deleting service does:
one transaction, `deleted` set and stamped through Tx.save, so it goes out like any edit.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from records import post
from station_desk.domain.idcard import make_id_number
from station_desk.domain.worker import WorkerDraft
from station_desk.services.context import Desk, NotFound, ValidationFailed
from station_desk.services.postings import (
    close_posting,
    draft_from_posting,
    edit_posting,
    reopen_posting,
)
from station_desk.services.referrals import record_outcome, refer
from station_desk.services.service_log import log_service
from station_desk.services.workers import (
    draft_from_worker,
    edit_worker,
    register_worker,
    set_worker_status,
)
from station_desk.store.db import sqlite_connection
from station_desk.store.models import Employer, Posting, Referral, Worker

NAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平"
TRADES = ["保洁员", "电工", "焊工", "搬运工", "厨师", "保安员", "育婴员", "砌筑工"]
OUTCOME_NEXT = {
    "pending": ["confirmed", "interviewed", "hired", "declined", "no_show"],
    "confirmed": ["interviewed", "hired", "declined", "no_show"],
    "interviewed": ["hired", "declined", "no_show"],
}
HOT, HOT_SHARE = 2, 0.6
MODELS: dict[str, Any] = {"worker": Worker, "posting": Posting, "referral": Referral}


class Clerk:
    """One station's counter in one run: draws actions from the run's random generator."""

    def __init__(self, name: str, desk: Desk, rng: random.Random, run_seed: int) -> None:
        self.name, self.desk, self.rng = name, desk, rng
        # ID numbers unique to this run and station: birth date from the run seed, sequence
        # from a counter (the district server merges equal ID numbers across all runs).
        self.birth = date(1960, 1, 1) + timedelta(days=run_seed % 14000)
        self.region = {"a": "330127", "b": "411425", "c": "110105"}[name]
        self.count = 0
        self.run_seed = run_seed

    def ids(self, kind: str, where: str = "") -> list[str]:
        with self.desk.db.read() as session:
            rows = sqlite_connection(session).execute(
                f"SELECT id FROM {kind} WHERE NOT deleted {where} ORDER BY id"
            )
            return [r[0] for r in rows]

    def pick(self, kind: str, where: str = "") -> str | None:
        """A live record; more often one of the few that sort first by id (the same few at
        every desk), so that stations edit the same records at the same time."""
        ids = self.ids(kind, where)
        if not ids:
            return None
        return self.rng.choice(ids[:HOT] if self.rng.random() < HOT_SHARE else ids)

    # -- actions: each returns a short description for the history ------------------------

    def register(self) -> str:
        self.count += 1
        n = self.count
        draft = WorkerDraft(
            name=self.rng.choice(NAMES) + self.rng.choice(GIVEN) + self.rng.choice(GIVEN),
            id_number=make_id_number(self.region, self.birth, n % 1000),
            phone=f"13{self.rng.randint(0, 9)}{self.rng.randint(0, 99_999_999):08d}",
            skills=self.rng.choice(TRADES),
        )
        worker = register_worker(self.desk, draft).worker
        return f"register worker {worker.id[:8]}"

    def edit_worker(self) -> str:
        worker_id = self.pick("worker")
        if worker_id is None:
            return "edit worker: none"
        with self.desk.db.read() as session:
            worker = session.get(Worker, worker_id)
            assert worker is not None
            draft = draft_from_worker(worker)
        what = self.rng.choice(["phone", "phone", "name", "skills", "note"])
        value: str
        if what == "phone":
            value = f"15{self.rng.randint(0, 9)}{self.rng.randint(0, 99_999_999):08d}"
        elif what == "name":
            value = self.rng.choice(NAMES) + self.rng.choice(GIVEN) + self.rng.choice(GIVEN)
        elif what == "skills":
            value = self.rng.choice(TRADES)
        else:
            value = f"备注{self.rng.randint(0, 9999)}"
        edit_worker(self.desk, worker_id, replace(draft, **{what: value}))
        return f"edit worker {worker_id[:8]} {what}={value}"

    def worker_status(self) -> str:
        worker_id = self.pick("worker")
        if worker_id is None:
            return "worker status: none"
        active = self.rng.random() < 0.5
        set_worker_status(self.desk, worker_id, active)
        return f"worker {worker_id[:8]} {'active' if active else 'inactive'}"

    def publish(self) -> str:
        employer = f"{self.rng.choice(NAMES)}氏{self.run_seed % 97}号劳务公司"
        posting_id = post(
            self.desk,
            self.rng.choice(TRADES),
            employer_name=employer,
            headcount=str(self.rng.randint(1, 4)),
        )
        return f"publish posting {posting_id[:8]}"

    def edit_posting(self) -> str:
        posting_id = self.pick("posting")
        if posting_id is None:
            return "edit posting: none"
        with self.desk.db.read() as session:
            posting = session.get(Posting, posting_id)
            assert posting is not None
            employer = session.get(Employer, posting.employer_id)
            draft = draft_from_posting(posting, employer.name if employer else "")
        headcount = str(self.rng.randint(1, 6))
        pay = f"{self.rng.randint(15, 25) * 10}元/天"
        edit_posting(self.desk, posting_id, replace(draft, headcount=headcount, pay=pay))
        return f"edit posting {posting_id[:8]} headcount={headcount} pay={pay}"

    def close_or_reopen(self) -> str:
        posting_id = self.pick("posting")
        if posting_id is None:
            return "close posting: none"
        if self.rng.random() < 0.6:
            close_posting(self.desk, posting_id)
            return f"close posting {posting_id[:8]}"
        reopen_posting(self.desk, posting_id)
        return f"reopen posting {posting_id[:8]}"

    def refer(self) -> str:
        worker_id, posting_id = self.pick("worker"), self.pick("posting", "AND status = 'open'")
        if worker_id is None or posting_id is None:
            return "refer: none"
        referral = refer(self.desk, worker_id, posting_id)
        return f"refer {referral.id[:8]}: worker {worker_id[:8]} -> posting {posting_id[:8]}"

    def outcome(self) -> str:
        referral_id = self.pick("referral")
        if referral_id is None:
            return "outcome: none"
        with self.desk.db.read() as session:
            steps = sqlite_connection(session).execute(
                "SELECT outcome FROM referral_outcome WHERE referral_id = ? AND NOT deleted",
                (referral_id,),
            )
            done = {r[0] for r in steps}
        current = next(
            (o for o in ("hired", "declined", "no_show", "interviewed", "confirmed") if o in done),
            "pending",
        )
        choices = OUTCOME_NEXT.get(current)
        if not choices:
            return f"outcome {referral_id[:8]}: final already"
        outcome = self.rng.choice(choices)
        record_outcome(self.desk, referral_id, outcome)
        return f"outcome {referral_id[:8]} {outcome}"

    def service(self) -> str:
        worker_id = self.pick("worker")
        if worker_id is None:
            return "service: none"
        service = log_service(self.desk, worker_id, "guidance", f"指导{self.rng.randint(0, 99)}")
        return f"service {service.id[:8]} for worker {worker_id[:8]}"

    def delete(self) -> str:
        kind = self.rng.choice(["worker", "worker", "posting", "referral"])
        record_id = self.pick(kind)
        if record_id is None:
            return f"delete {kind}: none"
        with self.desk.transaction() as tx:
            record = tx.session.get(MODELS[kind], record_id)
            if record is None or record.deleted:
                raise NotFound(record_id)
            record.deleted = True
            tx.save(record, ["deleted"])
            tx.audit("delete", kind, record_id)
        return f"delete {kind} {record_id[:8]}"

    def action(self) -> tuple[str, Callable[[], str]]:
        name = self.rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
        return name, getattr(self, name)


WEIGHTS = {
    "register": 8,
    "edit_worker": 12,
    "worker_status": 2,
    "publish": 3,
    "edit_posting": 3,
    "close_or_reopen": 1,
    "refer": 4,
    "outcome": 3,
    "service": 2,
    "delete": 2,
}


def act(clerk: Clerk) -> str:
    """One random action; a refusal is reported as such and acknowledges nothing."""
    name, action = clerk.action()
    try:
        return action()
    except (ValidationFailed, NotFound) as refused:
        return f"{name} refused: {refused}"
