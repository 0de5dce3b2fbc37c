import re

from station_desk.domain.occupations import (
    CATALOGUE,
    find_occupation,
    occupation_by_code,
    parse_trades,
    related_codes,
    search_occupations,
)

REQUIRED = [
    "家政服务员",
    "保洁员",
    "搬运工",
    "装卸工",
    "电工",
    "焊工",
    "瓦工",
    "木工",
    "油漆工",
    "钢筋工",
    "架子工",
    "水暖工",
    "育婴员",
    "养老护理员",
    "网约配送员",
    "快递员",
    "厨师",
    "面点师",
    "保安员",
    "收银员",
    "农业季节工",
    "采摘工",
    "仓储管理员",
    "叉车司机",
    "货车司机",
    "网约车司机",
    "缝纫工",
    "普工",
    "月嫂",
    "护工",
    "美发师",
    "园林绿化工",
    "防水工",
    "砌筑工",
    "门窗安装工",
    "家电维修工",
    "电焊工",
    "电商主播",
    "客服",
    "促销员",
    "服务员",
    "洗碗工",
]


def test_catalogue_size_and_uniqueness() -> None:
    assert len(CATALOGUE) >= 150
    assert len({o.code for o in CATALOGUE}) == len(CATALOGUE)
    assert len({o.name for o in CATALOGUE}) == len(CATALOGUE)
    assert 12 <= len({o.group_code for o in CATALOGUE}) <= 20


def test_every_required_trade_is_found() -> None:
    missing = [name for name in REQUIRED if find_occupation(name) is None]
    assert missing == []


def test_codes_and_pinyin() -> None:
    elder = occupation_by_code("4-10-01-05")
    assert elder is not None and elder.name == "养老护理员" and elder.is_national
    welder = find_occupation("电焊工")
    assert welder is not None and welder.name == "焊工"
    electrician = find_occupation(" 电 工 ")
    assert electrician is not None
    assert (electrician.pinyin, electrician.initials) == ("diangong", "dg")
    assert find_occupation("６-31-01-03") is electrician
    assert find_occupation("宇航员") is None
    assert find_occupation("") is None
    pattern = re.compile(r"\d-\d{2}-\d{2}-\d{2}|L-\d{2}-\d{2}")
    assert all(pattern.fullmatch(o.code) for o in CATALOGUE)
    assert all(o.code[2:4] == o.group_code for o in CATALOGUE if not o.is_national)


def test_search_by_substring_initials_and_pinyin() -> None:
    names = [o.name for o in search_occupations("保洁")]
    assert names[0] == "保洁员"
    assert "开荒保洁员" in names
    assert "电工" in [o.name for o in search_occupations("dg")]
    assert [o.name for o in search_occupations("jzfw")] == ["家政服务员"]
    assert "焊工" in [o.name for o in search_occupations("hangong")]
    assert "网约配送员" in [o.name for o in search_occupations("外卖")]
    assert len(search_occupations("g", limit=5)) == 5
    assert search_occupations("  ") == []


def test_related_codes_are_same_group() -> None:
    related = related_codes("6-31-01-03")
    assert related
    assert "6-31-01-03" not in related
    group = occupation_by_code("6-31-01-03").group_code  # type: ignore[union-attr]
    assert all(occupation_by_code(c).group_code == group for c in related)  # type: ignore[union-attr]
    assert related_codes("nope") == []


def test_parse_trades() -> None:
    codes, rest = parse_trades("电工、焊工，会开叉车")
    assert codes == ["6-31-01-03", "6-18-02-04", "L-06-06"]
    assert rest == ""
    codes, rest = parse_trades("瓦工 电焊工；唱歌/有电工证,跳舞")
    assert codes == ["6-29-01-01", "6-18-02-04", "6-31-01-03"]
    assert rest == "唱歌、跳舞"
    assert parse_trades(None) == ([], "")
