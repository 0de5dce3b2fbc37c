import pytest

from station_desk.domain.masking import mask_id_number, mask_name, mask_phone
from station_desk.domain.phone import PhoneError, is_mobile, normalize_phone, parse_phone


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("0086-13812345678", "13812345678"),
        ("１３８１２３４５６７８", "13812345678"),
        ("0571-87654321", "0571-87654321"),
        ("057187654321", "0571-87654321"),
        ("(010)87654321", "010-87654321"),
        ("0571-87654321转8001", "0571-87654321-8001"),
    ],
)
def test_parse_phone_normalises(raw: str, expected: str) -> None:
    assert parse_phone(raw) == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "请填写联系电话"),
        ("1381234567", "手机号应为11位，现在是10位"),
        ("12345678901", "手机号应以13–19开头"),
        ("87654321", "固定电话需带区号（如0571-87654321）"),
        ("0571-876", "固定电话号码应为区号加7–8位号码"),
        ("138abc45678", "电话号码只能包含数字"),
    ],
)
def test_parse_phone_errors(raw: str, message: str) -> None:
    with pytest.raises(PhoneError) as info:
        parse_phone(raw)
    assert info.value.message == message


def test_is_mobile_and_normalize() -> None:
    assert is_mobile("+8613812345678")
    assert not is_mobile("0571-87654321")
    assert not is_mobile("123")
    assert normalize_phone(" 138 1234 5678 ") == "13812345678"
    assert normalize_phone("12 3") == "123"


def test_mask_id_number() -> None:
    assert mask_id_number("11010519491231002X") == "110105********002X"
    assert mask_id_number("") == ""
    assert mask_id_number(None) == ""
    short = mask_id_number("123456789")
    assert short == "123***789"
    assert mask_id_number("12") == "**"


def test_mask_phone() -> None:
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("0571-87654321") == "0571-****4321"
    assert mask_phone("0571-87654321-8001") == "0571-****4321"
    assert mask_phone("12") == "**"
    assert mask_phone(None) == ""
    odd = mask_phone("123456")
    assert odd.count("*") >= 2 and len(odd) == 6


def test_mask_name() -> None:
    assert mask_name("张三丰") == "张**"
    assert mask_name("李") == "李*"
