from station_desk.domain.regions import (
    counties_in,
    is_known_province,
    province_name,
    region_label,
    region_names,
)


def test_table_is_complete_enough() -> None:
    assert len(counties_in("")) > 2800
    assert len(counties_in("", include_old=True)) > len(counties_in(""))


def test_provinces() -> None:
    assert is_known_province("11")
    assert is_known_province("65")
    assert is_known_province("81")
    assert not is_known_province("99")
    assert not is_known_province("1")
    assert province_name("330106") == "浙江省"
    assert province_name("990000") is None


def test_region_names_and_labels() -> None:
    assert region_names("330106") == ("浙江省", "杭州市", "西湖区")
    assert region_label("330106") == "浙江省 杭州市 西湖区"
    assert region_names("110105") == ("北京市", "北京市", "朝阳区")
    assert region_label("500230") == "重庆市 丰都县"
    assert region_names("429004") == ("湖北省", None, "仙桃市")
    assert region_label("441900") == "广东省 东莞市"
    assert region_label("990101") == ""
    assert region_label("abc") == ""


def test_counties_in_prefix() -> None:
    hangzhou = dict(counties_in("3301"))
    assert hangzhou["330106"] == "西湖区"
    assert all(code.startswith("3301") for code in hangzhou)
    assert "330100" not in hangzhou
    assert "110103" not in dict(counties_in("11"))
    assert "110103" in dict(counties_in("11", include_old=True))
