"""Word lists and pay tables for the demo data (see demo.py). Pay is what rural Henan ads
showed in the mid-2020s, per trade and employment mode; names follow common frequencies."""

from __future__ import annotations

from station_desk.domain.occupations import find_occupation


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Surname and weight (per mille of the population, rounded; the north-central mix).
_SURNAMES = (
    "王71 李70 张68 刘54 陈35 杨31 黄15 赵22 吴15 周16 徐14 孙16 马15 朱13 胡12 郭14 何9 "
    "高13 林6 罗7 郑10 梁8 谢7 宋10 唐6 许9 韩9 冯8 邓6 曹8 彭5 曾3 肖5 田7 董7 袁6 潘4 "
    "于6 蒋4 蔡4 余4 杜7 叶3 程5 苏5 魏6 吕5 丁5 任5 沈3 姚4 卢4 姜5 崔5 钟3 谭3 陆3 汪3 "
    "范5 金3 石4 廖2 贾6 夏4 付4 方3 白4 邹2 孟5 熊2 秦4 邱2 江3 尹3 薛3 闫5 段3 雷3 侯4 "
    "龙1 史4 陶2 黎1 贺3 顾2 毛3 郝4 龚2 邵3 万2 钱2 严2 武5 牛4 常4 申2 单1 耿2 聂2 司马1"
)


def surnames() -> tuple[list[str], list[int]]:
    names, weights = [], []
    for item in _SURNAMES.split():
        split = next(i for i, c in enumerate(item) if c.isdigit())
        names.append(item[:split])
        weights.append(int(item[split:]))
    return names, weights


# Given names by sex: (one character, two characters).
GIVEN: dict[bool, tuple[str, tuple[str, ...]]] = {
    True: (
        "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帅旭宁龙林海峰亮东成",
        _split(
            "建国 建军 国强 志强 卫东 红军 建华 国庆 保国 振华 永刚 文斌 海涛 志刚 春生 德明 "
            "子轩 浩然 宇航 俊杰 家豪 明辉 长青 金山 满仓 铁柱 学军 新民 红旗 跃进 志勇 建伟 "
            "东升 广明 留柱 保安 书亮 国华 永生 连杰"
        ),
    ),
    False: (
        "芳娜敏静丽艳娟霞燕玲萍红梅琳雪婷慧莉兰玉凤英琴霞",
        _split(
            "秀英 桂英 秀兰 玉兰 桂兰 凤英 淑珍 丽华 秀珍 春梅 海燕 丽娟 红梅 玉梅 翠花 美玲 "
            "晓燕 雪梅 文静 欣怡 梦瑶 佳琪 雨涵 子涵 桂芳 素芬 秀云 金凤 爱华 巧云 素梅 玉霞 "
            "春燕 彩霞 俊英 小红 丽娜"
        ),
    ),
}

MOBILE_PREFIXES = _split(
    "130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 "
    "173 175 176 177 178 180 181 182 183 185 186 187 188 189 191 198 199"
)

# The station's township comes first.
TOWNSHIPS = ("张集镇", "城关镇", "李庄镇", "刘店乡", "王楼乡", "杜集镇", "郑集乡", "孙寨镇")
VILLAGE_SUFFIXES = ("庄", "楼", "寨", "集", "营", "店", "湾", "屯", "洼", "岗")

# How often each trade turns up among the district's job seekers.
TRADE_WEIGHTS: dict[str, int] = {
    "建筑小工": 30, "砌筑工": 15, "搬运工": 20, "装卸工": 10, "保洁员": 20, "家政服务员": 15,
    "电工": 10, "焊工": 8, "木工": 8, "普工": 25, "采摘工": 12, "农业季节工": 12,
    "养老护理员": 8, "护工": 6, "货车司机": 8, "叉车司机": 6, "厨工": 8, "洗碗工": 6,
    "餐厅服务员": 8, "保安员": 10, "园林绿化工": 8, "分拣员": 8, "缝纫工": 6, "钢筋工": 6,
    "油漆工": 5, "水电安装工": 5, "月嫂": 4, "快递员": 5, "环卫工": 5, "大棚种植工": 6,
    "挖掘机司机": 3, "育婴员": 3, "包装工": 5, "理货员": 3, "收银员": 3, "美发师": 2,
    "汽车维修工": 2, "家电维修工": 2, "网约配送员": 3, "中式烹调师": 3,
}  # fmt: skip

SKILL_NOTES = ("有电工证", "会开三轮车", "能吃苦", "干过十年装修", "有C1驾照", "会用电脑")
AREA_WISHES = ("本镇附近", "县城", "不出县", "商丘市区", "离家近的", "能当天回家")
NOTES = ("只能做白天的活", "农忙时没空", "要照顾老人，只能做半天", "可以住厂", "有摩托车")
DISABILITY_NOTES = ("左腿不便，不能干重活", "听力不好，需要写字交流", "持残疾证，能做坐着的活")

# (employment mode, pay unit, low, high) options per trade.
_PAY_BY_NAME: dict[str, tuple[tuple[str, str, int, int], ...]] = {
    "搬运工": (("daily", "day", 180, 260),),
    "装卸工": (("daily", "day", 180, 260), ("temporary", "day", 200, 280)),
    "建筑小工": (("daily", "day", 160, 220), ("temporary", "day", 170, 230)),
    "砌筑工": (("temporary", "day", 280, 380),),
    "钢筋工": (("temporary", "day", 260, 350),),
    "木工": (("temporary", "day", 300, 400),),
    "电工": (("temporary", "day", 250, 350), ("temporary", "month", 4500, 6500)),
    "焊工": (("temporary", "day", 280, 400),),
    "家政服务员": (("hourly", "hour", 25, 40), ("part_time", "hour", 25, 35)),
    "保洁员": (("temporary", "month", 3500, 4500), ("hourly", "hour", 20, 30)),
    "开荒保洁员": (("daily", "day", 180, 240),),
    "月嫂": (("temporary", "month", 8000, 15000),),
    "育婴员": (("temporary", "month", 5000, 7000),),
    "养老护理员": (("temporary", "month", 4000, 5500),),
    "护工": (("daily", "day", 200, 300),),
    "采摘工": (("seasonal", "day", 100, 150),),
    "农业季节工": (("seasonal", "day", 100, 140),),
    "大棚种植工": (("seasonal", "day", 100, 140),),
    "普工": (("temporary", "hour", 18, 23), ("temporary", "month", 4000, 5500)),
    "分拣员": (("temporary", "hour", 18, 22),),
    "厨工": (("temporary", "month", 3500, 4500),),
    "洗碗工": (("temporary", "month", 3000, 3800), ("hourly", "hour", 15, 20)),
    "餐厅服务员": (("hourly", "hour", 18, 25), ("temporary", "month", 3200, 4200)),
    "货车司机": (("temporary", "day", 300, 400),),
    "叉车司机": (("temporary", "month", 5000, 6500),),
    "保安员": (("temporary", "month", 3000, 3800),),
    "园林绿化工": (("daily", "day", 150, 200),),
    "缝纫工": (("temporary", "month", 4500, 6500),),
    "发传单": (("hourly", "hour", 15, 20), ("daily", "day", 100, 150)),
    "环卫工": (("temporary", "month", 2500, 3200),),
}
PAY_BY_TRADE = {
    occupation.code: options
    for name, options in _PAY_BY_NAME.items()
    if (occupation := find_occupation(name)) is not None
}
PAY_BY_GROUP: dict[str, tuple[tuple[str, str, int, int], ...]] = {
    "01": (("temporary", "day", 200, 300),),
    "02": (("temporary", "day", 250, 350),),
    "03": (("hourly", "hour", 25, 35),),
    "04": (("temporary", "month", 4000, 5000),),
    "05": (("temporary", "month", 3200, 4200),),
    "06": (("daily", "day", 180, 250),),
    "07": (("temporary", "day", 250, 350),),
    "08": (("temporary", "month", 4000, 5500),),
    "09": (("seasonal", "day", 100, 150),),
    "10": (("temporary", "month", 3000, 3800),),
    "11": (("temporary", "month", 3000, 4000),),
    "12": (("hourly", "hour", 16, 22),),
    "13": (("temporary", "day", 200, 300),),
    "14": (("temporary", "month", 3500, 5000),),
    "15": (("temporary", "month", 3500, 5000),),
    "16": (("daily", "day", 120, 200),),
    "17": (("part_time", "hour", 30, 60),),
}

# Employer kinds: (name ending, trades they post); "" is a private person (农户, 家庭).
EMPLOYER_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("建筑劳务有限公司", ("建筑小工", "砌筑工", "钢筋工", "木工", "架子工", "电工", "焊工")),
    ("装饰工程有限公司", ("油漆工", "墙面装饰工", "水电安装工", "镶贴工", "吊顶工")),
    ("家政服务部", ("家政服务员", "保洁员", "月嫂", "育婴员", "开荒保洁员")),
    ("家政服务有限公司", ("家政服务员", "保洁员", "养老护理员", "月嫂")),
    ("物流有限公司", ("搬运工", "装卸工", "分拣员", "叉车司机", "货车司机", "打包员")),
    ("食品有限公司", ("普工", "包装工", "食品加工工", "质检员", "分拣员")),
    ("服装加工厂", ("缝纫工", "服装剪裁工", "包装工", "普工")),
    ("电子科技有限公司", ("电子装配工", "普工", "质检员")),
    ("蔬菜种植专业合作社", ("采摘工", "大棚种植工", "农业季节工", "农产品分拣工")),
    ("果蔬种植专业合作社", ("采摘工", "果树修剪工", "农业季节工", "植保员")),
    ("养老服务中心", ("养老护理员", "护工", "助餐员", "厨工", "保洁员")),
    ("饭店", ("厨工", "洗碗工", "餐厅服务员", "中式烹调师", "送餐员")),
    ("物业服务有限公司", ("保安员", "保洁员", "电工", "秩序维护员", "园林绿化工")),
    ("园林绿化工程有限公司", ("园林绿化工", "苗木工", "普工")),
    ("超市", ("超市理货员", "收银员", "促销员", "搬运工")),
    ("", ("采摘工", "农业季节工", "家政服务员", "搬运工", "建筑小工", "护工", "保洁员")),
    ("", ("建筑小工", "砌筑工", "搬运工", "插秧工", "家政服务员")),
)
BRANDS = _split(
    "鑫源 恒达 宏图 金诚 华安 顺发 兴旺 聚力 众诚 德信 永盛 嘉禾 佳美 瑞丰 通达 立信 "
    "宏盛 万家 安康 福满 惠民 东方 盛世 祥和 天成 润泽 新华 汇丰 博远 富源 益民 康乐 "
    "金穗 丰收 绿源 青禾 宜家 温馨 诚信 俊达"
)

BRAND_CHARS = "鑫源恒达宏图金诚华安顺发兴旺聚力众德信永盛嘉禾佳美瑞丰通立万家康福惠民东方世祥和天成润泽新汇博富益乐穗绿青宜温馨俊"

REQUIREMENTS: dict[str, tuple[str, ...]] = {
    "电工": ("持有效电工证", "有低压电工证，能看懂图纸"),
    "焊工": ("有焊工证", "会二保焊、氩弧焊"),
    "叉车司机": ("有叉车证", "持叉车证，有经验"),
    "货车司机": ("有B2以上驾照", "有C1驾照，熟悉本地路线"),
    "月嫂": ("有母婴护理经验", "持健康证"),
    "养老护理员": ("有护理经验者优先", "有耐心，持健康证"),
    "厨工": ("持健康证",),
    "砌筑工": ("会砌墙抹灰", "有三年以上经验"),
}
GENERAL_REQUIREMENTS = ("能吃苦耐劳，服从安排", "有相关经验者优先", "能长期干的优先", "身体健康")
HOURS: dict[str, tuple[str, ...]] = {
    "day": ("7:00–18:00，中午休息两小时", "8:00–17:00", "早6点到中午12点", "按天算，活干完为止"),
    "hour": ("每天4小时，时间可商量", "上午8:00–12:00", "下午2:00–6:00", "周末两天"),
    "month": ("8:00–17:30，月休4天", "两班倒，月休2天", "8:00–18:00，包住", "做六休一"),
}
PERKS = ("包午饭", "管吃住", "工资当天结清", "有班车接送", "提供工作服和工具", "多劳多得")
