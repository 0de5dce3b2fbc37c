"""Tool lending (免费常用工具借用): a small inventory, loans to workers with a due date,
returns, and the overdue list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from station_desk.services.context import Desk, NotFound, ValidationFailed
from station_desk.store.db import sqlite_connection
from station_desk.store.driver import sqlite3
from station_desk.store.models import Tool, ToolLoan, Worker
from station_desk.store.rows import stored_time

MAX_COUNT = 10_000


@dataclass(frozen=True)
class ToolRow:
    id: str
    name: str
    count: int
    lent: int

    @property
    def available(self) -> int:
        return max(0, self.count - self.lent)


@dataclass(frozen=True)
class LoanRow:
    id: str
    tool_name: str
    worker_id: str
    worker_name: str
    count: int
    lent_at: datetime
    due_date: date | None
    returned_at: datetime | None
    overdue: bool


def add_tool(desk: Desk, name: str, count: int = 1, note: str = "") -> Tool:
    """Add a kind of tool to the inventory (or add more of one already there)."""
    name = name.strip()
    if not name:
        raise ValidationFailed({"name": "请填写工具名称"})
    if not 1 <= count <= MAX_COUNT:
        raise ValidationFailed({"count": "数量应为 1 到 10000"})
    with desk.transaction() as tx:
        row = (
            sqlite_connection(tx.session)
            .execute("SELECT id FROM tool WHERE name = ? AND NOT deleted", (name,))
            .fetchone()
        )
        if row is not None:
            tool = tx.session.get(Tool, row[0])
            assert tool is not None
            tx.update(tool, {"count": tool.count + count})
            tx.audit("add_tool", "tool", tool.id, f"+{count}")
            return tool
        tool = Tool(name=name, count=count, note=note.strip())
        tx.save(tool)
        tx.audit("add_tool", "tool", tool.id, str(count))
        return tool


def _lent(conn: sqlite3.Connection, tool_id: str) -> int:
    row = conn.execute(
        "SELECT coalesce(sum(count), 0) FROM tool_loan WHERE tool_id = ? AND returned_at IS NULL "
        "AND NOT deleted",
        (tool_id,),
    ).fetchone()
    return int(row[0])


def lend_tool(
    desk: Desk, tool_id: str, worker_id: str, due_date: date, count: int = 1, note: str = ""
) -> ToolLoan:
    if due_date < desk.today():
        raise ValidationFailed({"due_date": "归还日期不能早于今天"})
    if count < 1:
        raise ValidationFailed({"count": "数量至少为1"})
    with desk.transaction() as tx:
        tool = tx.session.get(Tool, tool_id)
        if tool is None or tool.deleted:
            raise NotFound(f"找不到该工具（{tool_id}）")
        worker = tx.session.get(Worker, worker_id)
        if worker is None or worker.deleted:
            raise NotFound(f"找不到该零工记录（{worker_id}）")
        available = tool.count - _lent(sqlite_connection(tx.session), tool.id)
        if count > available:
            raise ValidationFailed({"count": f"{tool.name}只剩{max(0, available)}件可借"})
        loan = ToolLoan(
            tool_id=tool.id,
            worker_id=worker.id,
            count=count,
            lent_at=desk.now(),
            due_date=due_date,
            note=note.strip(),
            staff=desk.staff,
        )
        tx.save(loan)
        tx.audit("lend_tool", "tool_loan", loan.id, f"{tool.name} × {count}")
        return loan


def return_tool(desk: Desk, loan_id: str) -> ToolLoan:
    with desk.transaction() as tx:
        loan = tx.session.get(ToolLoan, loan_id)
        if loan is None or loan.deleted:
            raise NotFound(f"找不到该借用记录（{loan_id}）")
        if loan.returned_at is not None:
            raise ValidationFailed({"loan": "该工具已归还"})
        tx.update(loan, {"returned_at": desk.now()})
        tx.audit("return_tool", "tool_loan", loan.id)
        return loan


def list_tools(desk: Desk) -> list[ToolRow]:
    with desk.db.read() as session:
        rows = (
            sqlite_connection(session)
            .execute(
                "SELECT t.id, t.name, t.count, (SELECT coalesce(sum(l.count), 0) FROM tool_loan l "
                "WHERE l.tool_id = t.id AND l.returned_at IS NULL AND NOT l.deleted) "
                "FROM tool t WHERE NOT t.deleted ORDER BY t.name"
            )
            .fetchall()
        )
    return [ToolRow(*row) for row in rows]


def list_loans(desk: Desk, open_only: bool = True, overdue_only: bool = False) -> list[LoanRow]:
    """Loans, the longest overdue first; open_only: not yet returned."""
    today = desk.today()
    sql = (
        "SELECT l.id, coalesce(t.name, ''), l.worker_id, coalesce(w.name, ''), l.count, "
        "l.lent_at, l.due_date, l.returned_at FROM tool_loan l "
        "LEFT JOIN tool t ON t.id = l.tool_id LEFT JOIN worker w ON w.id = l.worker_id "
        "WHERE NOT l.deleted"
    )
    if open_only or overdue_only:
        sql += " AND l.returned_at IS NULL"
    with desk.db.read() as session:
        rows = sqlite_connection(session).execute(sql).fetchall()
    result = []
    for lid, tool, wid, wname, count, lent, due, returned in rows:
        due_date = date.fromisoformat(due) if due else None
        back = stored_time(returned)
        overdue = back is None and due_date is not None and due_date < today
        if overdue_only and not overdue:
            continue
        result.append(
            LoanRow(
                lid,
                tool,
                wid,
                wname,
                count,
                stored_time(lent) or datetime.min,
                due_date,
                back,
                overdue,
            )
        )
    result.sort(key=lambda r: (r.returned_at is not None, r.due_date or date.max, r.lent_at))
    return result
