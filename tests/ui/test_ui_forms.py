"""The worker form, driven from the keyboard as staff at the counter drive it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlmodel import select
from ui_typing import type_text

from station_desk.services.context import Desk
from station_desk.store.models import Worker

NEW_ID = "110105198003070012"  # valid; not registered by the fixtures
BAD_CHECK_DIGIT = "110105198003070013"


def _workers(desk: Desk) -> list[Worker]:
    with desk.db.read() as session:
        return list(session.exec(select(Worker)).all())


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _type_then_tab(qtbot: QtBot, text: str, expect: str) -> None:
    widget = _focused()
    assert widget.objectName() == expect
    type_text(qtbot, widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def test_keyboard_only_registration_ends_in_the_list_and_the_database(
    window, desk: Desk, people: dict[str, str], qtbot: QtBot
) -> None:
    window.refresh_all()
    window.activateWindow()
    qtbot.keyClick(window.page.search_box, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = window.form
    assert form is not None and form.isVisible()
    qtbot.waitUntil(lambda: _focused() is form.id_number)

    _type_then_tab(qtbot, NEW_ID, "id_number")
    assert "1980-03-07" in form.id_info.text() and "男" in form.id_info.text()
    _type_then_tab(qtbot, "赵建国", "name")
    _type_then_tab(qtbot, "13812340000", "phone")
    _type_then_tab(qtbot, "电工", "skills")
    _type_then_tab(qtbot, "装修", "intentions")
    _type_then_tab(qtbot, "200元/天", "expected_pay")
    qtbot.keyClick(_focused(), Qt.Key.Key_Space)  # 待工时间长
    _type_then_tab(qtbot, "", "hardship_long_wait")
    _type_then_tab(qtbot, "", "hardship_low_income")
    _type_then_tab(qtbot, "", "hardship_disability")
    _type_then_tab(qtbot, "下午有空", "note")
    assert _focused().objectName() == "consent"
    qtbot.keyClick(_focused(), Qt.Key.Key_Space)
    qtbot.keyClick(_focused(), Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: window.form is None and not form.isVisible())
    saved = [w for w in _workers(desk) if w.id_number == NEW_ID]
    assert len(saved) == 1
    worker = saved[0]
    assert (worker.name, worker.phone, worker.hardship_long_wait) == ("赵建国", "13812340000", True)
    assert worker.consent_at is not None
    page = window.pages["worker"]
    assert page.current_id() == worker.id
    row = page.model.row_of(worker.id)
    assert page.model.index(row, 0).data() == "赵建国"
    assert "零工 4 人" in window.status_label.text()


def test_an_invalid_id_number_is_refused_beside_the_field_and_the_input_kept(
    desk_app, desk: Desk, qtbot: QtBot
) -> None:
    from station_desk.ui.worker_form import WorkerForm

    form = WorkerForm(desk)
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.id_number, BAD_CHECK_DIGIT)
    assert "校验码应为2" in form.id_info.text()  # shown while typing, before saving
    type_text(qtbot, form.fields["name"], "赵建国")
    qtbot.keyClicks(form.fields["phone"], "13812340000")
    form.consent.setChecked(True)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    beside = form.id_info  # the message stays next to the field, now in red
    assert beside.isVisible() and beside.property("role") == "error"
    assert "第18位校验码应为2" in beside.text()
    assert form.isVisible() and form.result() == 0
    assert form.id_number.text() == BAD_CHECK_DIGIT
    assert form.fields["name"].text() == "赵建国"
    assert _workers(desk) == []


def test_typing_a_registered_id_number_says_the_person_exists(
    desk_app, desk: Desk, people: dict[str, str], qtbot: QtBot
) -> None:
    from station_desk.ui.worker_form import WorkerForm

    form = WorkerForm(desk)
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.id_number, "11010519491231002x")
    assert form.found_row.isVisible()
    assert "张三" in form.found_label.text()
    qtbot.mouseClick(form.open_button, Qt.MouseButton.LeftButton)
    assert form.open_existing_id == people["张三"]
    assert form.result() == form.DialogCode.Accepted


def test_registering_a_known_id_number_opens_that_person(
    window, desk: Desk, people: dict[str, str], qtbot: QtBot
) -> None:
    form = window.new_record()
    qtbot.keyClicks(form.id_number, "110105 19491231 002X")
    type_text(qtbot, form.fields["name"], "张三")
    qtbot.keyClicks(form.fields["phone"], "13812345678")
    form.consent.setChecked(True)
    qtbot.keyClick(form.fields["phone"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.form is not None and window.form is not form)
    reopened = window.form
    assert getattr(reopened, "worker_id", None) == people["张三"]
    assert len(_workers(desk)) == 3
    reopened.reject()


def test_a_posting_for_a_new_employer_is_published_from_the_form(
    window, desk: Desk, qtbot: QtBot
) -> None:
    from station_desk.store.models import Employer, Posting

    window.show_page("postings")
    form = window.new_record()
    type_text(qtbot, form.employer.lineEdit(), "青山茶叶专业合作社")
    type_text(qtbot, form.fields["occupation"], "采茶工")
    type_text(qtbot, form.fields["headcount"], "20")
    form.fields["employment_mode"].setCurrentIndex(form.fields["employment_mode"].findText("日结"))
    type_text(qtbot, form.fields["pay"], "150-180元/天")
    type_text(qtbot, form.fields["work_location"], "青山镇茶园")
    type_text(qtbot, form.fields["contact_phone"], "13900001111")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.form is None)

    with desk.db.read() as session:
        posting = session.exec(select(Posting)).one()
        employer = session.exec(select(Employer)).one()
    assert (posting.headcount, posting.pay_min, posting.pay_unit) == (20, 150.0, "day")
    assert employer.name == "青山茶叶专业合作社"
    page = window.pages["posting"]
    assert page.current_id() == posting.id
    assert page.model.index(0, 4).data() == "150–180元/天"
    assert "招聘中 1 条" in window.status_label.text()
