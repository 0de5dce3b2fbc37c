"""The referral slip's content (推荐函): the worker's ID masked and no phone of the worker's, the
right employer, post and station, and the QR code the lobby board shows."""

from __future__ import annotations

import json
from datetime import date

import pytest
import segno

from records import post
from station_desk.domain.idcard import make_id_number
from station_desk.domain.station import StationDraft
from station_desk.domain.worker import WorkerDraft
from station_desk.reports.referral_slip import load_slip, slip_html, slip_plain_text
from station_desk.services import referrals
from station_desk.services.board import BoardSettings, save_board_settings
from station_desk.services.context import Desk, NotFound
from station_desk.services.station import save_station_profile
from station_desk.services.workers import register_worker

ID_NUMBER = make_id_number("330106", date(1980, 5, 6), 123)
PHONE = "13900001111"
QR_URL = "https://lgb.example.gov.cn/register"


def make_referral(desk: Desk, with_qr: bool = True) -> str:
    save_station_profile(
        desk,
        StationDraft(name="青山镇零工驿站", address="青山镇人民路8号", hotline="0571-12345678"),
    )
    if with_qr:
        save_board_settings(desk, BoardSettings(qr_url=QR_URL))
    worker = register_worker(
        desk, WorkerDraft(name="王小明", id_number=ID_NUMBER, phone=PHONE, skills="电工")
    ).worker
    posting = post(desk, "电工", pay="180-220元/天", work_hours="8:00-17:00")
    return referrals.refer(desk, worker.id, posting).id


def test_the_slip_names_the_worker_masked_and_the_post(desk: Desk) -> None:
    slip = load_slip(desk, make_referral(desk))
    assert slip.worker_name == "王小明"
    assert slip.worker_id_masked == ID_NUMBER[:6] + "********" + ID_NUMBER[-4:]
    assert slip.employer == "青山建筑劳务有限公司" and slip.contact_person == "陈经理"
    post_fields = dict(slip.post_fields())
    assert post_fields["岗位（工种）"] == "电工"
    assert post_fields["工作地点"] == "青山镇工业园"
    assert post_fields["工作时间"] == "8:00-17:00"
    assert "180" in post_fields["薪酬待遇"] and "220" in post_fields["薪酬待遇"]
    assert slip.station_name == "青山镇零工驿站"
    assert slip.station_address == "青山镇人民路8号"
    assert slip.station_hotline == "0571-12345678"
    assert slip.referred_on == desk.today()
    assert slip.number.startswith(f"{desk.today():%Y%m%d}-")
    assert slip.file_name() == f"推荐函-王＊＊-电工-{desk.today():%Y%m%d}.pdf"


def test_nothing_on_the_slip_shows_the_full_id_or_the_phone(desk: Desk) -> None:
    slip = load_slip(desk, make_referral(desk))
    everything = " ".join(
        [slip_html(slip), slip_plain_text(slip), json.dumps(slip.as_json(), ensure_ascii=False)]
    )
    assert ID_NUMBER not in everything and ID_NUMBER[6:14] not in everything
    assert PHONE not in everything and PHONE[-4:] not in everything
    assert slip.worker_id_masked in everything
    assert "盖章处" in everything


def test_the_qr_code_is_the_boards_city_platform_link(desk: Desk) -> None:
    slip = load_slip(desk, make_referral(desk))
    assert slip.qr_url == QR_URL and slip.qr_caption == "扫码注册灵工邦，找活更方便"
    expected = segno.make(QR_URL, error="m", micro=False)
    assert slip.qr_modules == tuple(tuple(bool(m) for m in row) for row in expected.matrix)
    assert len(slip.qr_modules) == len(slip.qr_modules[0]) >= 21


def test_without_a_board_link_the_slip_has_no_qr(desk: Desk) -> None:
    slip = load_slip(desk, make_referral(desk, with_qr=False))
    assert slip.qr_modules == () and slip.qr_caption == ""


def test_an_unknown_referral_is_not_found(desk: Desk) -> None:
    with pytest.raises(NotFound):
        load_slip(desk, "no-such-referral")
