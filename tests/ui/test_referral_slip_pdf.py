"""The referral slip as a PDF (read back with pdftotext) and printed from the follow-up list
with one key (P)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

sys.path.insert(0, str(Path(__file__).parents[1] / "reports"))

from test_referral_slip import ID_NUMBER, PHONE, make_referral

from station_desk.reports.referral_slip import load_slip
from station_desk.services.context import Desk
from station_desk.ui.pdf_render import render_slip_pdf
from station_desk.ui.slip_dialog import SlipDialog
from station_desk.ui.work_dialogs import FollowUpDialog


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return result.stdout


def page_size(path: Path) -> str:
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    (line,) = [x for x in info.stdout.splitlines() if x.startswith("Page size:")]
    return line


def test_the_slip_pdf_reads_back_masked_and_in_chinese(qapp, desk: Desk, tmp_path: Path) -> None:
    slip = load_slip(desk, make_referral(desk))
    out = tmp_path / slip.file_name()
    render_slip_pdf(slip, out)
    assert out.read_bytes().startswith(b"%PDF") and not out.with_name(out.name + ".part").exists()
    assert "(A5)" in page_size(out)
    text = pdf_text(out)
    assert slip.worker_id_masked in text and "王小明" in text
    assert ID_NUMBER not in text and PHONE not in text
    assert "青山建筑劳务有限公司" in text and "电工" in text
    assert "零工推荐函" in text and "工作时间" in text  # 工 itself, not the radical ⼯
    assert "⼯" not in text
    assert "青山镇零工驿站" in text and "0571-12345678" in text
    assert "盖章处" in text and "扫码注册灵工邦" in text
    assert slip.number in text and slip.date_label in text


def test_the_slip_can_be_a4(qapp, desk: Desk, tmp_path: Path) -> None:
    out = tmp_path / "slip.pdf"
    render_slip_pdf(load_slip(desk, make_referral(desk)), out, "A4")
    assert "(A4)" in page_size(out)


def test_p_in_the_follow_up_list_saves_the_slip(
    desk_app, desk: Desk, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_referral(desk)
    out = tmp_path / "推荐函.pdf"
    suggested: list[str] = []

    def fake_save_file_dialog(_parent, _title, where, _filter):  # type: ignore[no-untyped-def]
        suggested.append(where)
        return str(out), "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save_file_dialog))
    follow = FollowUpDialog(desk, lambda: None, None)
    qtbot.addWidget(follow)
    follow.show()
    qtbot.waitExposed(follow)
    assert "P：打印推荐函" in follow.hint.text()
    follow.activateWindow()
    follow.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is follow.view)
    qtbot.keyClick(follow.view, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: isinstance(follow.child, SlipDialog) and follow.child.isVisible())
    slip_dialog = follow.child
    assert isinstance(slip_dialog, SlipDialog)
    assert slip_dialog.findChild(object, "print") is not None  # QtPrintSupport is there
    qtbot.keyClick(slip_dialog.page, Qt.Key.Key_Return)  # the default button: 保存为 PDF…
    qtbot.waitUntil(lambda: not slip_dialog.isVisible())
    assert Path(suggested[0]).name.startswith("推荐函-王＊＊-电工-")
    assert out.exists() and "王小明" in pdf_text(out)
    assert str(out) in follow.message.text() and "推荐函已保存" in follow.message.text()
