"""The posting form shows screening findings next to the fields and records a lawful
exception through a small dialog, in the name of the staff at the counter."""

from __future__ import annotations

import json
from datetime import date, timedelta

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlmodel import select

from station_desk.services.context import Desk
from station_desk.store.models import Posting
from station_desk.ui import posting_form
from station_desk.ui.posting_form import ExceptionDialog, PostingForm


def _fill(form: PostingForm, requirements: str) -> None:
    form.employer.setEditText("青山矿业有限公司")
    form.set_value("occupation", "装卸工")
    form.set_value("headcount", "3")
    form.set_value("employment_mode", "daily")
    form.set_value("work_location", "张集镇")
    form.set_value("contact_phone", "13912345678")
    form.set_value("skill_requirements", requirements)
    form.set_value("expiry_date", (date.today() + timedelta(days=7)).isoformat())


def _postings(desk: Desk) -> list[Posting]:
    with desk.db.read() as session:
        return list(session.exec(select(Posting)).all())


def test_findings_are_shown_and_an_exception_lets_the_posting_through(
    desk_app, desk: Desk, qtbot: QtBot, monkeypatch
) -> None:
    form = PostingForm(desk)
    qtbot.addWidget(form)
    form.show()
    _fill(form, "限男性，井口地面装车")
    form.save()
    assert _postings(desk) == []
    assert form.error_labels["skill_requirements"].isVisible()
    assert "限男性" in form.error_labels["skill_requirements"].text()
    assert form.screening_box.isVisible() and "限男性" in form.screening_box.text()
    assert "《就业促进法》" in form.screening_box.text()
    assert form.exception_button.isVisible()

    def fill_and_accept(dialog: ExceptionDialog) -> int:
        assert dialog.rule.currentData() == "gender"
        dialog.why.setPlainText("单件负重40公斤，属女职工禁忌劳动范围")
        dialog._accept()
        return int(dialog.result() == QDialog.DialogCode.Accepted)

    monkeypatch.setattr(posting_form.ExceptionDialog, "exec", fill_and_accept)
    form.exception_button.click()
    (posting,) = _postings(desk)
    stored = json.loads(posting.screening)
    assert stored["exceptions"][0]["by"] == "测试"
    assert stored["exceptions"][0]["rule"] == "gender"

    again = PostingForm(desk, posting.id)
    qtbot.addWidget(again)
    assert "单件负重40公斤" in again.recorded.text() and "测试" in again.recorded.text()


def test_the_dialog_wants_a_reason(desk_app, desk: Desk, qtbot: QtBot) -> None:
    dialog = ExceptionDialog("测试", ["age"])
    qtbot.addWidget(dialog)
    dialog._accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.text()


def test_a_clean_posting_shows_no_findings(desk_app, desk: Desk, qtbot: QtBot) -> None:
    form = PostingForm(desk)
    qtbot.addWidget(form)
    _fill(form, "男女不限，能吃苦耐劳")
    form.save()
    assert len(_postings(desk)) == 1
    assert not form.screening_box.isVisible()
