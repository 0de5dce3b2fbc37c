"""即时快招: the same-day fast path for an urgent posting (``posting.is_quick``).

The desk shortlists the best workers (services.matching, hardship workers ranked up),
refers one, confirms by phone with a same-day interview time, records the interview and the
hire (onboarding); every step is an ordinary referral outcome (services.referrals), so it
syncs and counts like any other. The time from publishing to the first hire is read from
those outcomes (``referrals.time_to_hire``), in whole minutes here, for the desk and reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from station_desk.domain.masking import mask_name
from station_desk.domain.referral import Step, current_outcome
from station_desk.services import matching, referrals
from station_desk.services.context import Desk, ValidationFailed
from station_desk.store.db import sqlite_connection
from station_desk.store.driver import sqlite3
from station_desk.store.models import ReferralOutcome
from station_desk.store.rows import stored_time

# How far a quick posting got, in order: nobody referred yet (or all fell through), referred,
# confirmed by phone, interviewed, someone on the job.
STATES = ("waiting", "referred", "confirmed", "interviewed", "hired")
_STATE_OF = {"pending": "referred", "confirmed": "confirmed", "interviewed": "interviewed"}
_STATE_OF["hired"] = "hired"


@dataclass(frozen=True)
class Progress:
    """The latest referral of one worker to the posting and how far it got."""

    referral_id: str
    outcome: str  # pending, confirmed, interviewed, hired, declined, no_show
    interview_at: datetime | None


@dataclass(frozen=True)
class Candidate:
    """A worker on the shortlist (masked name · trade) with the fast path's progress."""

    worker_id: str
    title: str
    score: int | None  # None: referred earlier, no longer among the top matches
    reasons: list[str] = field(default_factory=list)
    progress: Progress | None = None

    @property
    def outcome(self) -> str:
        return self.progress.outcome if self.progress else ""


@dataclass(frozen=True)
class QuickPosting:
    posting_id: str
    title: str
    headcount: int
    hires: int
    state: str  # one of STATES
    published_at: datetime
    minutes_open: int  # since publishing, up to now
    minutes_to_hire: int | None  # publishing to the first hire


def minutes(span: timedelta | None) -> int | None:
    return None if span is None else max(0, int(span.total_seconds() // 60))


def _progress(conn: sqlite3.Connection, posting_id: str) -> dict[str, Progress]:
    """worker id → their latest referral to the posting."""
    found: dict[str, tuple[datetime, Progress]] = {}
    referral_rows = conn.execute(
        "SELECT id, worker_id, referred_at FROM referral WHERE posting_id = ? AND NOT deleted",
        (posting_id,),
    ).fetchall()
    for referral_id, worker_id, referred in referral_rows:
        steps: list[Step] = []
        interview = None
        for outcome, at, interview_at in conn.execute(
            "SELECT outcome, at, interview_at FROM referral_outcome "
            "WHERE referral_id = ? AND NOT deleted",
            (referral_id,),
        ):
            steps.append(Step(outcome, stored_time(at)))  # type: ignore[arg-type]
            interview = stored_time(interview_at) or interview
        best = current_outcome(steps)
        progress = Progress(referral_id, best.outcome if best else "pending", interview)
        at = stored_time(referred) or datetime.min
        if worker_id not in found or at >= found[worker_id][0]:
            found[worker_id] = (at, progress)
    return {worker_id: progress for worker_id, (_, progress) in found.items()}


def _state(progress: dict[str, Progress]) -> str:
    reached = [_STATE_OF.get(p.outcome, "waiting") for p in progress.values()]
    return max(reached, key=STATES.index, default="waiting")


def shortlist(desk: Desk, posting_id: str, limit: int = 10) -> list[Candidate]:
    """Workers already referred to the posting (furthest along first), then the best matches
    not yet referred."""
    matches = matching.workers_for_posting(desk, posting_id, limit)
    with desk.db.read() as session:
        conn = sqlite_connection(session)
        progress = _progress(conn, posting_id)
        names = {
            wid: (name, trade)
            for wid, name, trade in conn.execute(
                "SELECT id, name, coalesce(nullif(intentions_text, ''), skills_text, '') "
                f"FROM worker WHERE id IN ({','.join('?' * len(progress))})",
                list(progress),
            )
        }
    scored = {m.id: m for m in matches}
    referred = []
    for worker_id, step in progress.items():
        match = scored.get(worker_id)
        name, trade = names.get(worker_id, ("", ""))
        title = match.title if match else " · ".join(p for p in (mask_name(name), trade) if p)
        referred.append(
            Candidate(
                worker_id,
                title,
                match.score if match else None,
                list(match.reasons) if match else [],
                step,
            )
        )
    referred.sort(key=lambda c: -STATES.index(_STATE_OF.get(c.outcome, "waiting")))
    rest = [Candidate(m.id, m.title, m.score, list(m.reasons)) for m in matches]
    return referred + [c for c in rest if c.worker_id not in progress]


def confirm(desk: Desk, referral_id: str, interview_at: datetime) -> ReferralOutcome:
    """The worker confirmed by phone; the same-day interview time is recorded, with a note of
    who confirmed and when."""
    now = desk.now()
    if interview_at.date() != now.date():
        raise ValidationFailed({"interview_at": "即时快招的面试应安排在当天"})
    note = f"{desk.staff}于{now:%H:%M}电话确认，当天{interview_at:%H:%M}面试"
    return referrals.confirm_by_phone(desk, referral_id, interview_at, note)


def minutes_to_hire(desk: Desk, posting_id: str) -> int | None:
    """Minutes from publishing the posting to its first hire (None: nobody hired yet)."""
    return minutes(referrals.time_to_hire(desk, posting_id))


def quick_postings(
    desk: Desk, start: date | None = None, end: date | None = None
) -> list[QuickPosting]:
    """Quick postings published from start to end (default: today), newest first, with how
    far the fast path got and the minutes it took (reports read ``minutes_to_hire``)."""
    start = start or desk.today()
    end = end or start
    now = desk.now()
    with desk.db.read() as session:
        conn = sqlite_connection(session)
        rows = conn.execute(
            "SELECT p.id, p.occupation_name, coalesce(e.name, ''), p.headcount, p.published_at "
            "FROM posting p LEFT JOIN employer e ON e.id = p.employer_id WHERE p.is_quick AND "
            "NOT p.deleted AND date(p.published_at) BETWEEN ? AND ? "
            "ORDER BY p.published_at DESC, p.id DESC",
            (start.isoformat(), end.isoformat()),
        ).fetchall()
        found = [
            (row, referrals.hires(conn, row[0]), _state(_progress(conn, row[0]))) for row in rows
        ]
    result = []
    for (posting_id, occupation, employer, headcount, published), hires, state in found:
        published_at = stored_time(published) or now
        taken = minutes_to_hire(desk, posting_id) if state == "hired" else None
        result.append(
            QuickPosting(
                posting_id=posting_id,
                title=" · ".join(p for p in (occupation, employer) if p),
                headcount=headcount,
                hires=hires,
                state=state,
                published_at=published_at,
                minutes_open=minutes(now - published_at) or 0,
                minutes_to_hire=taken,
            )
        )
    return result


def is_quick(desk: Desk, posting_id: str) -> bool:
    with desk.db.read() as session:
        row = (
            sqlite_connection(session)
            .execute("SELECT is_quick FROM posting WHERE id = ? AND NOT deleted", (posting_id,))
            .fetchone()
        )
    return bool(row and row[0])


__all__ = [
    "STATES",
    "Candidate",
    "Progress",
    "QuickPosting",
    "confirm",
    "is_quick",
    "minutes_to_hire",
    "quick_postings",
    "shortlist",
]
