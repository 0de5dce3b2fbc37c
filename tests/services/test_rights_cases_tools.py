"""Rights cases (status history, amounts, overdue) and tool lending."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from station_desk.domain.cases import parse_amount
from station_desk.domain.idcard import make_id_number
from station_desk.domain.worker import WorkerDraft
from station_desk.services import rights_cases, tools
from station_desk.services.context import Desk, ValidationFailed
from station_desk.services.workers import register_worker


def _worker(desk: Desk) -> str:
    number = make_id_number("330106", date(1985, 3, 4), 11)
    draft = WorkerDraft(name="张三", id_number=number, phone="13900001111", skills="电工")
    return register_worker(desk, draft).worker.id


def test_a_wage_arrears_case_moves_on_and_adds_up_what_was_recovered(desk: Desk) -> None:
    worker_id = _worker(desk)
    with pytest.raises(ValidationFailed) as refused:
        rights_cases.open_case(desk, "wage_arrears", "拖欠两个月工资", worker_id=worker_id)
    assert "amount_owed" in refused.value.errors
    due = desk.today() + timedelta(days=7)
    case = rights_cases.open_case(
        desk, "wage_arrears", "拖欠两个月工资", worker_id=worker_id, amount_owed=8000, due_date=due
    )
    rights_cases.change_status(desk, case.id, "mediating", "约双方面谈", amount_recovered=3000)
    with pytest.raises(ValidationFailed, match="推进"):
        rights_cases.change_status(desk, case.id, "accepted")
    (row,) = rights_cases.list_cases(desk)
    assert (row.status_label, row.amount_recovered, row.worker_name) == ("调解中", 3000, "张三")
    assert not row.overdue and rights_cases.list_cases(desk, overdue_only=True) == []
    start = desk.clock()
    desk.clock = lambda: start + 8 * 86400
    assert [r.id for r in rights_cases.list_cases(desk, overdue_only=True)] == [case.id]
    rights_cases.change_status(desk, case.id, "resolved", amount_recovered=5000)
    (row,) = rights_cases.list_cases(desk)
    assert row.status == "resolved" and row.amount_recovered == 8000 and not row.overdue


def test_amounts_typed_at_the_counter() -> None:
    assert parse_amount("3,500元") == 3500 and parse_amount(" ") is None
    with pytest.raises(ValueError, match="数字"):
        parse_amount("三千")


def test_tools_are_lent_returned_and_overdue_loans_listed(desk: Desk) -> None:
    worker_id = _worker(desk)
    drill = tools.add_tool(desk, "电钻", 1)
    assert tools.add_tool(desk, "电钻", 1).id == drill.id
    due = desk.today() + timedelta(days=2)
    loan = tools.lend_tool(desk, drill.id, worker_id, due, count=2)
    with pytest.raises(ValidationFailed, match="只剩0件"):
        tools.lend_tool(desk, drill.id, worker_id, due)
    (tool,) = tools.list_tools(desk)
    assert (tool.count, tool.lent, tool.available) == (2, 2, 0)
    start = desk.clock()
    desk.clock = lambda: start + 3 * 86400
    (late,) = tools.list_loans(desk, overdue_only=True)
    assert late.id == loan.id and late.worker_name == "张三"
    tools.return_tool(desk, loan.id)
    assert tools.list_loans(desk, overdue_only=True) == []
    assert tools.list_tools(desk)[0].available == 2
