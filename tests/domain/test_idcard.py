from datetime import date

import pytest

from station_desk.domain.idcard import (
    IdNumberError,
    check_digit,
    make_id_number,
    normalize_id_number,
    parse_id_number,
)

TODAY = date(2026, 6, 1)
SAMPLE = "11010519491231002X"


def _error(raw: str) -> str:
    with pytest.raises(IdNumberError) as info:
        parse_id_number(raw, TODAY)
    return info.value.message


def test_standard_sample_parses() -> None:
    info = parse_id_number(SAMPLE, TODAY)
    assert info.number == SAMPLE
    assert info.birth_date == date(1949, 12, 31)
    assert info.sex == "女"
    assert info.region_code == "110105"
    assert (info.province, info.city, info.county) == ("北京市", "北京市", "朝阳区")
    assert info.region_label == "北京市 朝阳区"
    assert info.age(date(2026, 12, 30)) == 76
    assert info.age(date(2026, 12, 31)) == 77


def test_check_digit_mod_11_2() -> None:
    assert check_digit(SAMPLE[:17]) == "X"
    # Any single-digit change in the body changes the check digit (MOD 11-2 property).
    for pos in range(17):
        digit = SAMPLE[pos]
        other = "1" if digit != "1" else "2"
        assert check_digit(SAMPLE[:pos] + other + SAMPLE[pos + 1 : 17]) != "X"
    with pytest.raises(ValueError):
        check_digit("123")


def test_lower_case_x_full_width_and_separators() -> None:
    assert parse_id_number("11010519491231002x", TODAY).number == SAMPLE
    assert normalize_id_number("１１０１０５ １９４９１２３１ ００２ｘ") == SAMPLE
    assert parse_id_number("110105-19491231-002X", TODAY).number == SAMPLE


def test_wrong_check_digit_names_the_right_one() -> None:
    message = _error("110105194912310021")
    assert "第18位校验码应为X" in message


def test_wrong_length() -> None:
    assert _error(SAMPLE[:17]) == "身份证号应为18位，现在是17位"
    assert _error("") == "请填写身份证号"


def test_non_digit_body_and_bad_last_char() -> None:
    assert _error("1101051949123100AX") == "前17位只能是数字"
    assert _error("11010519491231002Y") == "第18位只能是数字或X"


def test_impossible_birth_date() -> None:
    number = make_id_number("110105", date(2000, 1, 1), 1)
    feb31 = number[:6] + "20000231" + number[14:17]
    feb31 += check_digit(feb31)
    assert _error(feb31) == "出生日期20000231不存在"
    bad_month = "110105" + "19491331" + "002"
    assert _error(bad_month + check_digit(bad_month)) == "出生日期19491331不存在"


def test_future_and_too_old_birth_date() -> None:
    assert _error(make_id_number("110105", date(2026, 6, 2), 1)) == "出生日期不能晚于今天"
    assert parse_id_number(make_id_number("110105", TODAY, 1), TODAY).birth_date == TODAY
    assert _error(make_id_number("110105", date(1899, 12, 31), 1)) == "出生年份早于1900年"


def test_unknown_province() -> None:
    assert _error(make_id_number("990105", date(1980, 1, 1), 1)) == "省份代码99不存在"


def test_old_region_code_still_accepted() -> None:
    info = parse_id_number(make_id_number("110103", date(1980, 5, 6), 12), TODAY)
    assert info.county == "崇文区"
    assert info.sex == "女"


def test_make_id_number_sex_and_validity() -> None:
    male = make_id_number("330106", date(1990, 2, 28), 123)
    assert len(male) == 18
    info = parse_id_number(male, TODAY)
    assert info.sex == "男"
    assert info.region_label == "浙江省 杭州市 西湖区"
    with pytest.raises(ValueError):
        make_id_number("330106", date(1990, 2, 28), 1000)
