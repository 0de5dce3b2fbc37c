"""Consent on the form, masked numbers with an audited "show", erasure, the export that asks
for a reason, and the audit trail page, driven as staff drive them."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot
from sqlmodel import select

from records import post
from station_desk.domain.consent import DEFAULT_CONSENT_TEXT
from station_desk.services import referrals
from station_desk.services.context import STAFF, Desk
from station_desk.services.workers import get_worker, set_consent_text
from station_desk.store.models import AuditLog, Worker
from station_desk.ui import audit_page

SAMPLE_ID = "11010519491231002X"  # 张三 in the fixtures
NEW_ID = "110105198003070012"


def _audit(desk: Desk, action: str | None = None) -> list[AuditLog]:
    with desk.db.read() as session:
        statement = select(AuditLog)
        if action:
            statement = statement.where(AuditLog.action == action)
        return list(session.exec(statement).all())


def _select_worker(window, worker_id: str) -> None:  # type: ignore[no-untyped-def]
    window.refresh_all()
    window.show_page("worker")
    assert window.page.select(worker_id)


def test_the_form_shows_the_configured_consent_text_and_keeps_it_with_the_registration(
    window, desk: Desk, qtbot: QtBot
) -> None:
    set_consent_text(desk, "本站仅为推荐岗位记录您的信息。")
    form = window.new_record()
    assert form.consent_notice.toPlainText() == "本站仅为推荐岗位记录您的信息。"
    form.id_number.setText(NEW_ID)
    form.name.setText("赵建国")
    form.phone.setText("13812340000")
    form.save()
    assert "同意" in form.error_labels["consent"].text()
    assert form.isVisible()
    form.consent.setChecked(True)
    form.save()
    qtbot.waitUntil(lambda: not form.isVisible())
    with desk.db.read() as session:
        worker = session.exec(select(Worker).where(Worker.id_number == NEW_ID)).one()
    assert worker.consent_text == "本站仅为推荐岗位记录您的信息。"
    assert worker.consent_at is not None


def test_editing_shows_the_numbers_masked_until_show_is_clicked(
    window, desk: Desk, people: dict[str, str], qtbot: QtBot
) -> None:
    zhang = people["张三"]
    form = window.edit_record("worker", zhang)
    assert form.id_number.text() == "110105********002X"
    assert form.phone.text() == "138****5678"
    assert DEFAULT_CONSENT_TEXT in form.consent_notice.toPlainText()
    assert _audit(desk, "reveal") == []
    form.note.setPlainText("会开叉车")
    form.save()  # the masked numbers go back unchanged: the stored ones stay
    qtbot.waitUntil(lambda: not form.isVisible())
    worker = get_worker(desk, zhang)
    assert (worker.id_number, worker.phone, worker.note) == (SAMPLE_ID, "13812345678", "会开叉车")

    form = window.edit_record("worker", zhang)
    qtbot.mouseClick(form.reveal_button, Qt.MouseButton.LeftButton)
    assert form.id_number.text() == SAMPLE_ID and form.phone.text() == "13812345678"
    (row,) = _audit(desk, "reveal")
    assert row.record_id == zhang and row.staff == desk.staff
    form.reject()


def test_the_privacy_menu_sits_before_help_and_show_full_number_is_audited(
    window, desk: Desk, people: dict[str, str]
) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[-1] == "帮助(&H)" and "隐私(&V)" in titles
    view = window.pages["worker"].view
    assert window.findChild(type(window.export_action), "privacy_reveal") in view.actions()
    _select_worker(window, people["李四"])
    assert "13900001111" not in window.page.view.model().index(0, 4).data()
    dialog = window.privacy.reveal()
    assert "13900001111" in dialog.numbers.text()
    (row,) = _audit(desk, "reveal")
    assert row.record_id == people["李四"]
    dialog.reject()


def test_erasing_from_the_desk_needs_a_reason_and_leaves_a_placeholder(
    window, desk: Desk, people: dict[str, str], qtbot: QtBot
) -> None:
    zhang = people["张三"]
    _select_worker(window, zhang)
    dialog = window.privacy.erase()
    assert "张三" in dialog.findChild(QLabel, "eraseText").text()
    dialog.erase()
    assert "原因" in dialog.error.text() and dialog.isVisible()
    dialog.reason.setText("本人书面申请删除")
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    worker = get_worker(desk, zhang)
    assert (worker.name, worker.id_number, worker.status) == ("（已删除）", "", "erased")
    assert window.page.select(zhang)
    row = window.page.view.currentIndex().row()
    model = window.page.view.model()
    assert model.index(row, 0).data() == "（已删除）"
    assert model.index(row, 9).data() == "已删除"
    (audit,) = _audit(desk, "erase_worker")
    assert "本人书面申请删除" in audit.detail


def test_export_asks_for_a_reason_names_the_file_and_is_audited(
    window, desk: Desk, people: dict[str, str], qtbot: QtBot, tmp_path: Path
) -> None:
    window.export_action.trigger()
    dialog = window.privacy.dialog
    assert dialog.objectName() == "exportDialog"
    today = desk.today().isoformat()
    assert Path(dialog.path.text()).name == f"含个人信息_求职人员_{today}.xlsx"
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    assert Path(dialog.path.text()).name == f"含个人信息_求职人员_{today}.json"
    out = tmp_path / Path(dialog.path.text()).name
    dialog.path.setText(str(out))
    dialog.start()
    assert "原因" in dialog.error.text() and not out.exists()
    dialog.reason.setText("向区人社局报送")
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    assert len(json.loads(out.read_text(encoding="utf-8"))["workers"]) == 3
    (row,) = _audit(desk, "export")
    detail = json.loads(row.detail)
    assert detail["reason"] == "向区人社局报送" and set(detail["worker_ids"]) == set(
        people.values()
    )
    assert row.staff == desk.staff


def test_counter_staff_are_told_that_exports_and_the_trail_are_for_admins(
    window, desk: Desk, people: dict[str, str], qtbot: QtBot
) -> None:
    desk.role = STAFF
    window.export_action.trigger()
    box = window.findChildren(QMessageBox)[-1]
    assert "管理员" in box.text()
    assert window.privacy.audit() is None
    assert "管理员" in window.findChildren(QMessageBox)[-1].text()
    _select_worker(window, people["张三"])
    assert window.privacy.erase() is None
    assert get_worker(desk, people["张三"]).id_number == SAMPLE_ID


def test_the_audit_page_lists_newest_first_filters_and_loads_lazily(
    window, desk: Desk, people: dict[str, str], qtbot: QtBot, monkeypatch
) -> None:
    monkeypatch.setattr(audit_page, "PAGE", 2)
    start = desk.clock() + 86400  # after the registrations
    desk.clock = lambda: start
    from station_desk.services.workers import reveal_worker

    reveal_worker(desk, people["张三"])
    desk.clock = lambda: start + 3600
    reveal_worker(Desk(desk.db, staff="小张", clock=desk.clock), people["李四"])
    page = window.privacy.audit()
    model = page.model
    assert model.rowCount() == 2 and model.canFetchMore(QModelIndex())
    assert "已显示 2 条" in page.summary.text()
    assert model.index(0, 1).data() == "小张" and model.index(0, 2).data() == "查看完整号码"
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 5  # 3 registrations and 2 reveals
    page.staff.setCurrentIndex(page.staff.findData("小张"))
    page.apply()
    assert model.rowCount() == 1 and model.index(0, 3).data().startswith("李*（")
    assert model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole) == people["李四"]
    page.staff.setCurrentIndex(0)
    page.record.setText(people["张三"])
    page.apply()
    assert [model.index(r, 2).data() for r in range(model.rowCount())] == [
        "查看完整号码",
        "登记零工",
    ]
    page.grab().save(str(Path("/tmp") / "audit_page_test.png"))
    page.reject()


def test_quick_hire_masks_the_phone_until_p(
    window, desk: Desk, people: dict[str, str], qtbot: QtBot
) -> None:
    from station_desk.ui.quick_hire import QuickHireDialog

    posting_id = post(desk, "电工", quick=True)
    dialog = QuickHireDialog(desk, posting_id, window)
    qtbot.addWidget(dialog)
    zhang = people["张三"]
    assert dialog.current_id() == zhang
    assert "138****5678" in dialog.contact.text()
    assert "13812345678" not in dialog.contact.text()
    dialog.reveal_phone()
    assert "13812345678" in dialog.contact.text()
    (row,) = _audit(desk, "reveal")
    assert row.record_id == zhang and json.loads(row.detail) == {"fields": ["phone"]}


def test_saving_a_referral_slip_is_audited(
    window, desk: Desk, people: dict[str, str], qtbot: QtBot, tmp_path: Path, monkeypatch
) -> None:
    from station_desk.reports.referral_slip import load_slip
    from station_desk.ui import slip_dialog

    referral = referrals.refer(desk, people["王秀英"], post(desk, "保洁员"))
    out = tmp_path / "slip.pdf"
    monkeypatch.setattr(slip_dialog, "ask_save_path", lambda *_args: out)
    said: list[str] = []
    dialog = slip_dialog.SlipDialog(load_slip(desk, referral.id), said.append, window, desk)
    qtbot.addWidget(dialog)
    dialog.save_pdf()
    assert out.exists() and said
    (row,) = _audit(desk, "save_slip")
    assert row.record_id == people["王秀英"] and "slip.pdf" in row.detail
