"""Referral to placement: recommend a posting to a worker (or a point-to-point meeting),
record each step of the outcome, close a posting whose places are all filled, and list the
referrals waiting for follow-up. 即时快招 uses the same steps: phone confirmation with the
interview time, then the hire; the time from posting to hire is measured from them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session

from station_desk.domain.enums import label_of
from station_desk.domain.referral import (
    FINAL_OUTCOMES,
    OUTCOMES,
    REFERRAL_KINDS,
    Step,
    check_step,
    current_outcome,
    needs_follow_up,
    places_left,
)
from station_desk.services.context import Desk, NotFound, Tx, ValidationFailed
from station_desk.store.db import sqlite_connection
from station_desk.store.driver import sqlite3
from station_desk.store.models import Posting, Referral, ReferralOutcome, Worker
from station_desk.store.queries import hires_sql
from station_desk.store.rows import stored_time

# Final outcomes after which the same worker may be referred to the same posting again.
REFER_AGAIN_AFTER = FINAL_OUTCOMES - {"hired"}


@dataclass(frozen=True)
class Places:
    headcount: int
    hires: int

    @property
    def left(self) -> int:
        return places_left(self.headcount, self.hires)


@dataclass(frozen=True)
class ReferralRow:
    id: str
    worker_id: str
    worker_name: str
    posting_id: str
    posting_title: str
    kind: str
    outcome: str
    referred_at: datetime
    outcome_at: datetime | None
    interview_at: datetime | None
    is_quick: bool
    follow_up: bool

    @property
    def kind_label(self) -> str:
        return label_of(REFERRAL_KINDS, self.kind)

    @property
    def outcome_label(self) -> str:
        return label_of(OUTCOMES, self.outcome)


def _worker(session: Session, worker_id: str) -> Worker:
    worker = session.get(Worker, worker_id)
    if worker is None or worker.deleted:
        raise NotFound(f"找不到该零工记录（{worker_id}）")
    return worker


def _posting(session: Session, posting_id: str) -> Posting:
    posting = session.get(Posting, posting_id)
    if posting is None or posting.deleted:
        raise NotFound(f"找不到该招聘信息（{posting_id}）")
    return posting


def _steps(conn: sqlite3.Connection, referral_id: str) -> list[Step]:
    rows = conn.execute(
        "SELECT outcome, at FROM referral_outcome WHERE referral_id = ? AND NOT deleted",
        (referral_id,),
    )
    return [Step(outcome, stored_time(at)) for outcome, at in rows]  # type: ignore[arg-type]


def _outcome(conn: sqlite3.Connection, referral_id: str) -> str:
    step = current_outcome(_steps(conn, referral_id))
    return step.outcome if step else "pending"


def hires(conn: sqlite3.Connection, posting_id: str) -> int:
    """Referrals to the posting whose outcome is hired (each worker counted once; the
    definition is store.queries.hires_sql, which the postings list shares)."""
    row = conn.execute(f"SELECT {hires_sql('?')}", (posting_id,)).fetchone()
    return int(row[0])


def posting_places(desk: Desk, posting_id: str) -> Places:
    with desk.db.read() as session:
        posting = _posting(session, posting_id)
        return Places(posting.headcount, hires(sqlite_connection(session), posting_id))


def refer(
    desk: Desk, worker_id: str, posting_id: str, kind: str = "recommend", note: str = ""
) -> Referral:
    """Recommend the posting to the worker (or arrange a point-to-point meeting).

    Once per worker and posting: a second referral is refused while the first has no final
    outcome, and after a hire; only after declined or no-show (未录用 / 未到场: a second
    chance, e.g. a rescheduled interview) may the same posting be recommended again."""
    if kind not in {code for code, _ in REFERRAL_KINDS}:
        raise ValidationFailed({"kind": f"不认识的推荐方式：{kind}"})
    with desk.transaction() as tx:
        worker = _worker(tx.session, worker_id)
        posting = _posting(tx.session, posting_id)
        if posting.status != "open":
            raise ValidationFailed({"posting": "该岗位已停止招聘"})
        conn = sqlite_connection(tx.session)
        for (referral_id,) in conn.execute(
            "SELECT id FROM referral WHERE worker_id = ? AND posting_id = ? AND NOT deleted",
            (worker.id, posting.id),
        ).fetchall():
            outcome = _outcome(conn, referral_id)
            if outcome == "hired":
                raise ValidationFailed({"posting": "该零工已被这个岗位录用，不必再推荐"})
            if outcome not in REFER_AGAIN_AFTER:
                raise ValidationFailed({"posting": "已向该零工推荐过这个岗位，尚无结果"})
        referral = Referral(
            worker_id=worker.id,
            posting_id=posting.id,
            kind=kind,
            note=note.strip(),
            staff=desk.staff,
            referred_at=desk.now(),
        )
        tx.save(referral)
        tx.audit("refer", "referral", referral.id, f"{worker.id} → {posting.id}")
        return referral


def _fill_if_full(tx: Tx, posting: Posting) -> bool:
    """A posting whose hires reach its headcount closes itself (招满), as close_posting does."""
    if posting.status != "open":
        return False
    if hires(sqlite_connection(tx.session), posting.id) < posting.headcount:
        return False
    if tx.update(posting, {"status": "filled"}):
        tx.audit("close_posting", "posting", posting.id, "filled")
    return True


def record_outcome(
    desk: Desk,
    referral_id: str,
    outcome: str,
    note: str = "",
    interview_at: datetime | None = None,
) -> ReferralOutcome:
    """One step of a referral: confirmed (by phone), interviewed, hired, declined, no-show."""
    with desk.transaction() as tx:
        referral = tx.session.get(Referral, referral_id)
        if referral is None or referral.deleted:
            raise NotFound(f"找不到该推荐记录（{referral_id}）")
        tx.session.flush()
        conn = sqlite_connection(tx.session)
        problem = check_step(_outcome(conn, referral.id), outcome)
        if problem:
            raise ValidationFailed({"outcome": problem})
        step = ReferralOutcome(
            referral_id=referral.id,
            outcome=outcome,
            at=desk.now(),
            interview_at=interview_at,
            note=note.strip(),
            staff=desk.staff,
        )
        tx.save(step)
        tx.audit("referral_outcome", "referral", referral.id, outcome)
        if outcome == "hired":
            tx.session.flush()
            _fill_if_full(tx, _posting(tx.session, referral.posting_id))
        return step


def confirm_by_phone(
    desk: Desk, referral_id: str, interview_at: datetime, note: str = ""
) -> ReferralOutcome:
    """即时快招: the worker confirmed by phone; the same-day interview time is recorded."""
    return record_outcome(desk, referral_id, "confirmed", note, interview_at)


def time_to_hire(desk: Desk, posting_id: str) -> timedelta | None:
    """From publishing the posting to its first hire (即时快招's measure)."""
    with desk.db.read() as session:
        posting = _posting(session, posting_id)
        row = (
            sqlite_connection(session)
            .execute(
                "SELECT min(o.at) FROM referral_outcome o JOIN referral r ON r.id = o.referral_id "
                "WHERE r.posting_id = ? AND o.outcome = 'hired' AND NOT o.deleted AND NOT r.deleted",
                (posting_id,),
            )
            .fetchone()
        )
    if row[0] is None:
        return None
    return stored_time(row[0]) - posting.published_at  # type: ignore[operator]


_LIST_SQL = (
    "SELECT r.id, r.worker_id, coalesce(w.name, ''), r.posting_id, "
    "coalesce(p.occupation_name, ''), coalesce(e.name, ''), r.kind, r.referred_at, "
    "coalesce(p.is_quick, 0) FROM referral r LEFT JOIN worker w ON w.id = r.worker_id "
    "LEFT JOIN posting p ON p.id = r.posting_id LEFT JOIN employer e ON e.id = p.employer_id "
    "WHERE NOT r.deleted"
)


def list_referrals(
    desk: Desk, follow_up_only: bool = False, worker_id: str | None = None
) -> list[ReferralRow]:
    """Referrals, newest first; follow_up_only: those with no final outcome after 3 days,
    oldest first."""
    now = desk.now()
    sql, params = _LIST_SQL, []
    if worker_id:
        sql += " AND r.worker_id = ?"
        params.append(worker_id)
    with desk.db.read() as session:
        conn = sqlite_connection(session)
        steps: dict[str, list[tuple[Step, datetime | None]]] = {}
        for referral_id, outcome, at, interview in conn.execute(
            "SELECT referral_id, outcome, at, interview_at FROM referral_outcome WHERE NOT deleted"
        ):
            step = Step(outcome, stored_time(at))  # type: ignore[arg-type]
            steps.setdefault(referral_id, []).append((step, stored_time(interview)))
        rows = []
        for rid, wid, wname, pid, occupation, employer, kind, at, quick in conn.execute(
            sql, params
        ):
            referred_at = stored_time(at)
            assert referred_at is not None
            mine = steps.get(rid, [])
            best = current_outcome(s for s, _ in mine)
            outcome = best.outcome if best else "pending"
            interview = next((i for s, i in mine if i is not None), None)
            rows.append(
                ReferralRow(
                    id=rid,
                    worker_id=wid,
                    worker_name=wname,
                    posting_id=pid,
                    posting_title=" · ".join(p for p in (occupation, employer) if p),
                    kind=kind,
                    outcome=outcome,
                    referred_at=referred_at,
                    outcome_at=best.at if best else None,
                    interview_at=interview,
                    is_quick=bool(quick),
                    follow_up=needs_follow_up(outcome, referred_at, now),
                )
            )
    if follow_up_only:
        return sorted((r for r in rows if r.follow_up), key=lambda r: r.referred_at)
    return sorted(rows, key=lambda r: r.referred_at, reverse=True)


def referral_count(conn: sqlite3.Connection, worker_id: str) -> int:
    row = conn.execute(
        "SELECT count(*) FROM referral WHERE worker_id = ? AND NOT deleted", (worker_id,)
    ).fetchone()
    return int(row[0])


__all__ = [
    "Places",
    "ReferralRow",
    "confirm_by_phone",
    "hires",
    "list_referrals",
    "posting_places",
    "record_outcome",
    "refer",
    "time_to_hire",
]
