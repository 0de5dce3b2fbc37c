"""读身份证 (F9) in the real worker form with the FakeCardReader, and the reader settings
under 文件, as staff at the counter use them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot
from sqlmodel import select
from ui_typing import type_text

from station_desk.devices.fake_reader import DEMO_CARD, DEMO_CARDS, FakeCardReader
from station_desk.devices.idcard_reader import KIND_FAKE, KIND_SDT, ReaderSettings
from station_desk.devices.settings import load_reader_settings, save_reader_settings
from station_desk.domain.idcard import make_id_number
from station_desk.services.context import Desk
from station_desk.store.models import Worker

SAMPLE_ID = "11010519491231002X"  # 张三 of the people fixture
MANUAL_ID = make_id_number("510122", date(1988, 8, 8), 135)


def _use_fake(desk: Desk, poll: bool = False) -> None:
    save_reader_settings(desk, ReaderSettings(kind=KIND_FAKE, poll=poll))


def _form(desk: Desk, qtbot: QtBot, worker_id: str | None = None):
    from station_desk.ui.worker_form import WorkerForm

    form = WorkerForm(desk, worker_id)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)  # F9 is a shortcut of the form's window
    return form


def _workers(desk: Desk) -> list[Worker]:
    with desk.db.read() as session:
        return list(session.exec(select(Worker)).all())


def test_f9_in_the_registration_opened_from_the_desk_fills_number_and_name(
    window, desk: Desk, qtbot: QtBot
) -> None:
    _use_fake(desk)
    window.activateWindow()
    qtbot.keyClick(window.page.search_box, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = window.form
    assert form is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.id_number)
    assert form.card_reader.button.text() == "读身份证 (F9)"

    qtbot.keyClick(form.id_number, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: form.value("id_number") == DEMO_CARD.id_number)
    assert form.value("name") == "王建国"
    # the number's read-out: birth date, sex, home region
    assert "1979-03-15" in form.id_info.text() and "男" in form.id_info.text()
    assert "郸城县" in form.id_info.text()
    assert "已读取 王建国" in form.card_reader.status.text()
    assert QApplication.focusWidget() is form.phone  # F9 did not open tool lending
    assert window.work.dialog is None

    type_text(qtbot, form.phone, "13800001111")
    form.consent.setChecked(True)
    qtbot.keyClick(form.phone, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.form is None)
    saved = [w for w in _workers(desk) if w.id_number == DEMO_CARD.id_number]
    assert len(saved) == 1 and saved[0].name == "王建国" and saved[0].phone == "13800001111"


def test_no_card_says_so_and_the_form_stays_usable(desk_app, desk: Desk, qtbot: QtBot) -> None:
    _use_fake(desk)
    form = _form(desk, qtbot)
    form.card_reader.reader_factory = lambda: FakeCardReader(mode="no_card")
    qtbot.keyClick(form.id_number, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: "没有身份证" in form.card_reader.status.text())
    assert form.card_reader.status.property("role") == "error"
    assert form.value("id_number") == "" and form.card_reader.button.isEnabled()

    # typed by hand instead, and saved
    type_text(qtbot, form.id_number, MANUAL_ID)
    type_text(qtbot, form.name, "赵六")
    type_text(qtbot, form.phone, "13900002222")
    form.consent.setChecked(True)
    form.save()
    assert [w.name for w in _workers(desk) if w.id_number == MANUAL_ID] == ["赵六"]


def test_no_reader_and_a_moved_card_are_explained(desk_app, desk: Desk, qtbot: QtBot) -> None:
    _use_fake(desk)
    form = _form(desk, qtbot)
    form.card_reader.reader_factory = lambda: FakeCardReader(mode="unplugged")
    form.card_reader.read()
    qtbot.waitUntil(lambda: "找不到身份证读卡器" in form.card_reader.status.text())
    assert "USB线" in form.card_reader.status.text()

    form.card_reader.reader_factory = lambda: FakeCardReader(mode="removed")
    qtbot.keyClick(form.name, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: "移开" in form.card_reader.status.text())
    form.card_reader.reader_factory = lambda: FakeCardReader(mode="bad")
    qtbot.keyClick(form.name, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: "信息不对" in form.card_reader.status.text())
    assert form.value("id_number") == ""  # a bad read never reaches the form


def test_without_a_reader_set_up_f9_says_where_to_set_it(
    desk_app, desk: Desk, qtbot: QtBot
) -> None:
    form = _form(desk, qtbot)
    assert "还没有设置身份证读卡器" in form.card_reader.status.text()
    qtbot.keyClick(form.id_number, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: "选择读卡器型号" in form.card_reader.status.text())
    assert form.value("id_number") == ""


def test_an_expired_card_is_filled_with_a_warning(desk_app, desk: Desk, qtbot: QtBot) -> None:
    _use_fake(desk)
    form = _form(desk, qtbot)
    form.card_reader.reader_factory = lambda: FakeCardReader(card=DEMO_CARDS[1])
    form.card_reader.read()
    qtbot.waitUntil(lambda: form.value("name") == "李秀兰")
    assert "2022-08-20 过期" in form.card_reader.status.text()
    assert form.card_reader.status.property("role") == "error"


def test_polling_fills_the_form_when_a_card_is_put_down(desk_app, desk: Desk, qtbot: QtBot) -> None:
    _use_fake(desk, poll=True)
    form = _form(desk, qtbot)
    control = form.card_reader
    reader = FakeCardReader(script=["no_card", "no_card", "card"])
    control.reader_factory = lambda: reader
    control.timer.setInterval(20)
    assert control.timer.isActive()
    qtbot.waitUntil(lambda: form.value("id_number") == DEMO_CARD.id_number)
    assert reader.reads == 3 and not control.timer.isActive()


def test_polling_stops_after_saying_the_reader_is_missing(
    desk_app, desk: Desk, qtbot: QtBot
) -> None:
    _use_fake(desk, poll=True)
    form = _form(desk, qtbot)
    control = form.card_reader
    control.reader_factory = lambda: FakeCardReader(mode="unplugged")
    control.timer.setInterval(20)
    qtbot.waitUntil(lambda: not control.timer.isActive())
    assert "找不到身份证读卡器" in control.status.text()


def test_editing_someone_else_with_a_card_changes_nothing(
    desk_app, desk: Desk, people: dict[str, str], qtbot: QtBot
) -> None:
    _use_fake(desk)
    form = _form(desk, qtbot, people["李四"])
    before = (form.value("id_number"), form.value("name"))
    form.card_reader.read()
    qtbot.waitUntil(lambda: "别人的" in form.card_reader.status.text())
    assert (form.value("id_number"), form.value("name")) == before


def test_editing_the_same_person_with_their_card_updates_the_name_only(
    desk_app, desk: Desk, people: dict[str, str], qtbot: QtBot
) -> None:
    _use_fake(desk)
    form = _form(desk, qtbot, people["张三"])
    number_shown = form.value("id_number")  # masked or full, as the form shows it
    their_card = replace(
        DEMO_CARD,
        name="张叁",
        id_number=SAMPLE_ID,
        birth_date=date(1949, 12, 31),
        sex="女",
    )
    form.card_reader.reader_factory = lambda: FakeCardReader(card=their_card)
    form.card_reader.read()
    qtbot.waitUntil(lambda: form.value("name") == "张叁")
    assert form.value("id_number") == number_shown
    assert "别人的" not in form.card_reader.status.text()


def test_reader_settings_in_the_file_menu_save_and_test(window, desk: Desk, qtbot: QtBot) -> None:
    action = window.card_reader_action
    file_menu = next(
        a.menu()
        for a in window.menuBar().actions()
        if isinstance(a.menu(), QMenu) and window.station_action in a.menu().actions()
    )
    assert action in file_menu.actions()
    assert action.text() == "身份证读卡器设置(&R)…"
    assert window.menuBar().actions()[-1].menu() is window.help_menu  # 帮助 stays last

    action.trigger()
    dialog = window.card_reader_dialog
    qtbot.waitExposed(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(KIND_FAKE))
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "读卡器正常" in dialog.result.text())
    assert "王**" in dialog.result.text() and DEMO_CARD.id_number not in dialog.result.text()

    dialog.kind.setCurrentIndex(dialog.kind.findData(KIND_SDT))
    assert dialog.port.isEnabled() and dialog.dll_dir.isEnabled()
    dialog.port.setCurrentIndex(dialog.port.findData(1002))
    dialog.dll_dir.setText(r"C:\Program Files\SDT")
    dialog.poll.setChecked(True)
    dialog.save()
    assert load_reader_settings(desk) == ReaderSettings(
        KIND_SDT, 1002, r"C:\Program Files\SDT", True
    )


def test_testing_a_windows_reader_here_says_it_needs_windows(
    desk_app, desk: Desk, qtbot: QtBot
) -> None:
    from station_desk.ui.card_reader import CardReaderSettingsDialog

    dialog = CardReaderSettingsDialog(desk, None, None)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("cvr"))
    dialog.test()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled())
    assert "Windows" in dialog.result.text() and "驱动" in dialog.result.text()
    dialog.reject()
    assert load_reader_settings(desk).kind == "none"  # testing saves nothing
