from station_desk.domain.text import clean_text, pinyin_keys, to_halfwidth


def test_to_halfwidth() -> None:
    assert to_halfwidth("１２３ＡＢｃ，！\u3000") == "123ABc,! "
    assert to_halfwidth("张三") == "张三"


def test_clean_text() -> None:
    assert clean_text(None) == ""
    assert clean_text("  ａ\u3000 b\t\n c ") == "a b c"


def test_pinyin_keys() -> None:
    assert pinyin_keys("张三") == ("zhangsan", "zs")
    assert pinyin_keys("单田芳") == ("shantianfang", "stf")
    assert pinyin_keys("曾小贤") == ("zengxiaoxian", "zxx")
    assert pinyin_keys("尉迟恭") == ("yuchigong", "ycg")
    assert pinyin_keys("单位", surname=False) == ("danwei", "dw")
    assert pinyin_keys("A区 保洁") == ("aqubaojie", "aqbj")
    assert pinyin_keys("") == ("", "")
