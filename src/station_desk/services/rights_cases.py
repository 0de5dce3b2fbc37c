"""Rights cases (权益维护): intake with parties, status changes as append-only events
(受理 → 调解中 → 已解决 / 移交劳动监察), amounts owed and recovered, due dates, overdue list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from station_desk.domain.cases import (
    CASE_KINDS,
    CASE_STATUSES,
    CLOSED_CASE_STATUSES,
    check_status,
    is_overdue,
    latest_status,
    recovered,
)
from station_desk.domain.enums import label_of
from station_desk.services.context import Desk, NotFound, ValidationFailed
from station_desk.store.db import sqlite_connection
from station_desk.store.driver import sqlite3
from station_desk.store.models import Employer, RightsCase, RightsCaseEvent, Worker
from station_desk.store.rows import stored_time

MAX_TEXT = 2000


@dataclass(frozen=True)
class CaseRow:
    id: str
    kind: str
    worker_name: str
    employer_name: str
    summary: str
    amount_owed: float | None
    amount_recovered: float
    status: str
    due_date: date | None
    opened_at: datetime
    overdue: bool

    @property
    def kind_label(self) -> str:
        return label_of(CASE_KINDS, self.kind)

    @property
    def status_label(self) -> str:
        return label_of(CASE_STATUSES, self.status)


def open_case(
    desk: Desk,
    kind: str,
    summary: str,
    worker_id: str | None = None,
    employer_id: str | None = None,
    amount_owed: float | None = None,
    due_date: date | None = None,
) -> RightsCase:
    """Take in a case (受理): its parties, what it is about, the amount owed, a due date."""
    errors: dict[str, str] = {}
    if kind not in {code for code, _ in CASE_KINDS}:
        errors["kind"] = f"不认识的案件类型：{kind}"
    if not worker_id and not employer_id:
        errors["worker"] = "请至少填写一方当事人（零工或用工单位）"
    if not summary.strip():
        errors["summary"] = "请简要填写案情"
    elif len(summary) > MAX_TEXT:
        errors["summary"] = f"案情不能超过{MAX_TEXT}字"
    if kind == "wage_arrears" and not amount_owed:
        errors["amount_owed"] = "欠薪案件请填写欠薪金额"
    if amount_owed is not None and amount_owed < 0:
        errors["amount_owed"] = "金额不能为负数"
    if errors:
        raise ValidationFailed(errors)
    with desk.transaction() as tx:
        for model, record_id in ((Worker, worker_id), (Employer, employer_id)):
            if record_id:
                found = tx.session.get(model, record_id)
                if found is None or found.deleted:
                    raise NotFound(f"找不到当事人（{record_id}）")
        case = RightsCase(
            worker_id=worker_id or None,
            employer_id=employer_id or None,
            kind=kind,
            summary=summary.strip(),
            amount_owed=amount_owed,
            due_date=due_date,
            staff=desk.staff,
            opened_at=desk.now(),
        )
        tx.save(case)
        tx.save(
            RightsCaseEvent(case_id=case.id, status="accepted", at=desk.now(), staff=desk.staff)
        )
        tx.audit("open_case", "rights_case", case.id, kind)
        return case


def _events(conn: sqlite3.Connection, case_id: str) -> list[tuple[datetime, str]]:
    rows = conn.execute(
        "SELECT at, status FROM rights_case_event WHERE case_id = ? AND NOT deleted", (case_id,)
    )
    return [(stored_time(at) or datetime.min, status) for at, status in rows]


def change_status(
    desk: Desk,
    case_id: str,
    status: str,
    note: str = "",
    amount_recovered: float | None = None,
) -> RightsCaseEvent:
    """Move a case on (an event of its own); amount_recovered: money recovered at this step."""
    if amount_recovered is not None and amount_recovered < 0:
        raise ValidationFailed({"amount_recovered": "金额不能为负数"})
    with desk.transaction() as tx:
        case = tx.session.get(RightsCase, case_id)
        if case is None or case.deleted:
            raise NotFound(f"找不到该案件（{case_id}）")
        current = latest_status(_events(sqlite_connection(tx.session), case.id))
        problem = check_status(current, status)
        if problem:
            raise ValidationFailed({"status": problem})
        event = RightsCaseEvent(
            case_id=case.id,
            status=status,
            at=desk.now(),
            amount_recovered=amount_recovered,
            note=note.strip(),
            staff=desk.staff,
        )
        tx.save(event)
        tx.audit("case_status", "rights_case", case.id, status)
        return event


def list_cases(desk: Desk, overdue_only: bool = False) -> list[CaseRow]:
    """Cases, open ones first by due date; overdue_only: past due and not closed."""
    today = desk.today()
    with desk.db.read() as session:
        conn = sqlite_connection(session)
        events: dict[str, list[tuple[datetime, str, float | None]]] = {}
        for case_id, at, status, amount in conn.execute(
            "SELECT case_id, at, status, amount_recovered FROM rights_case_event WHERE NOT deleted"
        ):
            events.setdefault(case_id, []).append((stored_time(at) or datetime.min, status, amount))
        rows = conn.execute(
            "SELECT c.id, c.kind, coalesce(w.name, ''), coalesce(e.name, ''), c.summary, "
            "c.amount_owed, c.due_date, c.opened_at FROM rights_case c "
            "LEFT JOIN worker w ON w.id = c.worker_id "
            "LEFT JOIN employer e ON e.id = c.employer_id WHERE NOT c.deleted"
        ).fetchall()
    result = []
    for cid, kind, worker, employer, summary, owed, due, opened in rows:
        mine = events.get(cid, [])
        status = latest_status((at, s) for at, s, _ in mine)
        due_date = date.fromisoformat(due) if due else None
        closed = status in CLOSED_CASE_STATUSES
        result.append(
            CaseRow(
                cid,
                kind,
                worker,
                employer,
                summary,
                owed,
                recovered(a for _, _, a in mine),
                status,
                due_date,
                stored_time(opened) or datetime.min,
                is_overdue(due_date, closed, today),
            )
        )
    if overdue_only:
        result = [r for r in result if r.overdue]
    result.sort(
        key=lambda r: (r.status in CLOSED_CASE_STATUSES, r.due_date or date.max, r.opened_at)
    )
    return result
