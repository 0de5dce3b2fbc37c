"""The postings list's 还缺 column: headcount less the workers hired through referrals
(declined and no-show referrals take no place; a full posting shows 0)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from records import post
from station_desk.services import referrals
from station_desk.services.context import Desk


def _places_left(window, posting_id: str) -> str:  # type: ignore[no-untyped-def]
    model = window.pages["posting"].model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    column = headers.index("还缺")
    return str(model.index(model.row_of(posting_id), column).data())


def _hire(desk: Desk, worker_id: str, posting_id: str, outcome: str = "hired") -> None:
    referral = referrals.refer(desk, worker_id, posting_id)
    referrals.record_outcome(desk, referral.id, outcome)


def test_the_postings_list_shows_the_places_left(
    window, desk: Desk, people: dict[str, str], qtbot: QtBot
) -> None:
    three = post(desk, "电工", headcount="3")
    one = post(desk, "焊工", headcount="1", employer_name="红星物业服务有限公司")
    window.refresh_all()
    assert (_places_left(window, three), _places_left(window, one)) == ("3", "1")

    _hire(desk, people["张三"], three)
    _hire(desk, people["李四"], three, "declined")
    _hire(desk, people["王秀英"], three, "no_show")
    _hire(desk, people["李四"], one)
    window.records_changed()
    qtbot.waitUntil(lambda: _places_left(window, three) == "2")
    assert _places_left(window, one) == "0"
