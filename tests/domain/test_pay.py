from decimal import Decimal

import pytest

from station_desk.domain.pay import PostingFieldError, format_pay, parse_pay


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("180-220元/天", (Decimal(180), Decimal(220), "day")),
        ("200元/天", (Decimal(200), Decimal(200), "day")),
        ("150～200 元每天", (Decimal(150), Decimal(200), "day")),
        ("5000元/月", (Decimal(5000), Decimal(5000), "month")),
        ("５千/月", (Decimal(5000), Decimal(5000), "month")),
        ("25.5元/小时", (Decimal("25.5"), Decimal("25.5"), "hour")),
        ("3到4元/件", (Decimal(3), Decimal(4), "piece")),
        ("面议", (None, None, None)),
        ("", (None, None, None)),
    ],
)
def test_parse_pay(text: str, expected: tuple) -> None:
    assert parse_pay(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("很多钱", "无法识别薪资：很多钱（例如 180-220元/天）"),
        ("300-200元/天", "最低薪资不能高于最高薪资"),
        ("0元/天", "薪资应大于0"),
        ("200", "请写明薪资单位，如 元/天、元/月"),
        ("200元/光年", "无法识别的薪资单位：/光年"),
    ],
)
def test_parse_pay_errors(text: str, message: str) -> None:
    with pytest.raises(PostingFieldError) as info:
        parse_pay(text)
    assert info.value.message == message
    assert info.value.field == "pay"


def test_format_pay() -> None:
    assert format_pay(Decimal(180), Decimal(220), "day") == "180–220元/天"
    assert format_pay(Decimal(200), Decimal(200), "day") == "200元/天"
    assert format_pay(Decimal("25.50"), None, "hour") == "最低25.5元/小时"
    assert format_pay(None, None, None) == "面议"
    assert format_pay(*parse_pay("4500-6000元/月")) == "4500–6000元/月"
