from datetime import date, datetime
from decimal import Decimal

import pytest

from station_desk.domain.dates import DateFormatError, parse_date
from station_desk.domain.posting import (
    EMPLOYMENT_MODES,
    PAY_METHODS,
    PAY_UNITS,
    PostingDraft,
    code_of,
    label_of,
    validate_posting,
)

TODAY = date(2026, 2, 1)


def _draft(**changes: object) -> PostingDraft:
    values: dict[str, object] = {
        "employer_name": " 某某农业合作社 ",
        "contact_person": "李四",
        "contact_phone": "138 1234 5678",
        "employment_mode": "日结工",
        "occupation": "采茶工",
        "headcount": "10人",
        "work_location": "某镇某村茶园",
        "pay": "150～200 元每天",
        "pay_method": "当天结",
        "start_date": "2026/3/1",
        "expiry_date": "2026年3月31日",
    }
    values.update(changes)
    return PostingDraft(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-01", date(2026, 12, 1)),
        ("2026/12/1", date(2026, 12, 1)),
        ("2026.12.1", date(2026, 12, 1)),
        ("20261201", date(2026, 12, 1)),
        ("2026年12月1日", date(2026, 12, 1)),
        ("2026-12-01 00:00:00", date(2026, 12, 1)),
        (datetime(2026, 12, 1, 8, 30), date(2026, 12, 1)),
        (date(2026, 12, 1), date(2026, 12, 1)),
        ("", None),
        (None, None),
    ],
)
def test_parse_date(text: object, expected: date | None) -> None:
    assert parse_date(text) == expected  # type: ignore[arg-type]


def test_parse_date_errors() -> None:
    with pytest.raises(DateFormatError, match="日期2026年2月30日不存在"):
        parse_date("2026-02-30")
    with pytest.raises(DateFormatError, match="日期格式不正确"):
        parse_date("下周一")


def test_enumerations() -> None:
    assert label_of(EMPLOYMENT_MODES, "part_time") == "非全日制"
    assert code_of(EMPLOYMENT_MODES, "非全日") == "part_time"
    assert code_of(EMPLOYMENT_MODES, " 日 结 工 ") == "daily"
    assert code_of(EMPLOYMENT_MODES, "按天") == "daily"
    assert code_of(EMPLOYMENT_MODES, "seasonal") == "seasonal"
    assert code_of(EMPLOYMENT_MODES, "季节性") == "seasonal"
    assert code_of(EMPLOYMENT_MODES, "全职") is None
    assert code_of(PAY_UNITS, "按天") == "day"
    assert code_of(PAY_METHODS, "完工结算") == "on_completion"
    assert label_of(PAY_METHODS, "weekly") == "周结"
    assert label_of(PAY_METHODS, None) == ""


def test_valid_posting() -> None:
    fields, errors = validate_posting(_draft(), TODAY)
    assert errors == {}
    assert fields is not None
    assert fields.employer_name == "某某农业合作社"
    assert fields.contact_phone == "13812345678"
    assert fields.employment_mode == "daily"
    assert (fields.occupation_code, fields.occupation_name) == ("L-09-02", "采摘工")
    assert fields.headcount == 10
    assert (fields.pay_min, fields.pay_max, fields.pay_unit) == (Decimal(150), Decimal(200), "day")
    assert fields.pay_text == "150–200元/天"
    assert fields.pay_method == "daily"
    assert fields.start_date == date(2026, 3, 1)
    assert fields.expiry_date == date(2026, 3, 31)


def test_unknown_occupation_is_kept_as_text() -> None:
    fields, errors = validate_posting(_draft(occupation="茶叶炒制"), TODAY)
    assert errors == {}
    assert fields is not None
    assert (fields.occupation_code, fields.occupation_name) == (None, "茶叶炒制")


def test_structured_pay_and_excel_dates() -> None:
    draft = _draft(
        pay="", pay_min="4500", pay_max=6000, pay_unit="元/月", expiry_date=datetime(2026, 5, 1)
    )
    fields, errors = validate_posting(draft, TODAY)
    assert errors == {}
    assert fields is not None
    assert (fields.pay_min, fields.pay_max, fields.pay_unit) == (
        Decimal(4500),
        Decimal(6000),
        "month",
    )
    assert fields.expiry_date == date(2026, 5, 1)


def test_negotiable_pay() -> None:
    fields, _ = validate_posting(_draft(pay="面议"), TODAY)
    assert fields is not None and fields.pay_text == "面议"


def test_posting_errors() -> None:
    draft = PostingDraft(headcount="0", expiry_date="2026-01-31", employment_mode="全职")
    fields, errors = validate_posting(draft, TODAY)
    assert fields is None
    assert errors == {
        "employer_name": "请填写用工单位或个人名称",
        "contact_phone": "请填写联系电话",
        "employment_mode": "无法识别的用工形式：全职",
        "occupation": "请填写职业(工种)",
        "headcount": "招聘人数应为1–9999的整数",
        "work_location": "请填写工作地点",
        "expiry_date": "截止日期不能早于今天",
    }


def test_pay_and_date_errors() -> None:
    _, errors = validate_posting(_draft(pay="", pay_min="300", pay_max="200", pay_unit="天"), TODAY)
    assert errors == {"pay_min": "最低薪资不能高于最高薪资"}
    _, errors = validate_posting(_draft(pay="", pay_min="300", pay_unit=""), TODAY)
    assert errors == {"pay_unit": "请选择薪资单位"}
    _, errors = validate_posting(_draft(pay="很多"), TODAY)
    assert set(errors) == {"pay"}
    _, errors = validate_posting(_draft(start_date="2026-04-01"), TODAY)
    assert errors == {"expiry_date": "截止日期不能早于开始日期"}
    _, errors = validate_posting(_draft(start_date="2026-02-30"), TODAY)
    assert errors == {"start_date": "日期2026年2月30日不存在"}
    _, errors = validate_posting(_draft(headcount="十个"), TODAY)
    assert errors == {"headcount": "招聘人数应为1–9999的整数"}
    _, errors = validate_posting(_draft(pay_method="年结"), TODAY)
    assert errors == {"pay_method": "无法识别的计酬方式：年结"}
