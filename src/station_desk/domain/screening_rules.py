"""The data of posting screening (see ``screening.py`` for the engine): what counts as a
discriminatory requirement, what is a lawful one, and the documented exceptions.

Decisions (the standard says postings must not discriminate; these are how we read the law):

- Gender, ethnicity, religion, household registration / home region, marital or
  childbearing status, carrier status, disability and irrelevant looks are findings whether
  written as a limit (限男性), a preference (男性优先) or an exclusion (外地人勿扰).
  Preferences *for* groups the law asks to help (残疾人优先, 困难人员优先, 大龄也可) are lawful.
- Words that name a sex or a life stage instead of the job (阿姨, 大姐, 小伙, 宝妈) are findings:
  the job title should name the work (保洁员, 搬运工).
- Age: a lower limit of 16 or 18 is lawful (the legal minimum working age, and the age from
  which night, heavy and hazardous work may be given); a higher lower limit and every upper
  limit are findings, except an upper limit of ``HIGH_RISK_AGE_CAP`` or more in high-risk
  work (``HIGH_RISK_CONTEXT``: special operations such as 高处作业, 电工/焊工作业, 井下, 塔吊),
  where 《特种作业人员安全技术培训考核管理规定》第四条 and site safety rules allow a limit tied
  to retirement age. "法定退休年龄以内" is lawful anywhere. Staff can record an exception.
- Women: a requirement for men is lawful where the work is in the 女职工禁忌从事的劳动范围
  (《女职工劳动保护特别规定》附录: 矿山井下, 第四级体力劳动强度, 单次负重超过25公斤);
  protective statements about pregnant or nursing workers (孕期女职工不安排高处作业) are lawful.
- Looks are lawful only in trades where appearance is the work (``LOOKS_CONTEXT``: 模特, 礼仪).
- Health: 身体健康, 持健康证 (food work) are lawful; any test or exclusion by hepatitis B or
  another carrier status is a finding (无传染病 for food work is left to the 健康证 rule).
"""

from __future__ import annotations

# category → (label, law cited, default suggestion)
CATEGORIES: dict[str, tuple[str, str, str]] = {
    "gender": (
        "性别",
        "招聘不得以性别为由拒绝录用妇女或限定、优先某一性别"
        "（《就业促进法》第三条、第二十七条，《妇女权益保障法》第四十三条）",
        "删去性别要求，写明岗位实际需要，如“能搬运25公斤以内货物”",
    ),
    "age": (
        "年龄",
        "与岗位无关的年龄限制属于就业歧视（《就业促进法》第三条，"
        "《就业服务与就业管理规定》第二十条：招聘广告不得包含歧视性内容）",
        "删去年龄上限，可写“年满16周岁”“身体健康，能胜任岗位工作”",
    ),
    "ethnicity": (
        "民族",
        "劳动者就业不因民族不同而受歧视，各民族劳动者享有平等的劳动权利"
        "（《就业促进法》第三条、第二十八条）",
        "删去民族要求；确有饮食习惯等需要时写明工作要求本身，如“尊重清真饮食习惯”",
    ),
    "religion": (
        "宗教信仰",
        "劳动者就业不因宗教信仰不同而受歧视（《就业促进法》第三条）",
        "删去宗教信仰要求",
    ),
    "hukou": (
        "户籍地域",
        "不得对农村劳动者和外地劳动者设置歧视性限制，户籍、籍贯不得作为录用条件"
        "（《就业促进法》第三十一条，《就业服务与就业管理规定》第二十条）",
        "删去户籍、籍贯要求；如需住得近，可写“工作地点在××，早上6点上工”",
    ),
    "marital": (
        "婚育状况",
        "不得将婚姻、生育状况作为录用条件，不得限制女职工结婚、生育"
        "（《妇女权益保障法》第四十三条，《就业促进法》第二十七条）",
        "删去婚育要求；如时间特殊，写明工作时间，如“每天9:00-15:00”",
    ),
    "carrier": (
        "病原携带",
        "不得以是传染病病原携带者为由拒绝录用，不得把乙肝检测作为体检标准"
        "（《就业促进法》第三十条，《传染病防治法》第十六条，"
        "《就业服务与就业管理规定》第十九条）",
        "删去乙肝、携带者等要求；食品岗位写“需持健康证”",
    ),
    "disability": (
        "残疾",
        "不得歧视残疾人，用人单位招用人员不得拒绝录用残疾人"
        "（《就业促进法》第二十九条，《残疾人保障法》第三十八条）",
        "删去残疾、身体健全等要求，写明岗位实际需要，如“能长时间站立”",
    ),
    "looks": (
        "外貌",
        "与岗位无关的身高、长相、形象要求属于歧视性内容"
        "（《就业服务与就业管理规定》第二十条，《就业促进法》第三条）",
        "删去外貌要求，可写“衣着整洁，待人礼貌”",
    ),
}

NUM = r"(?<!\d)(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,3})(?!\d)"
NUM2 = r"(?<!\d)(?P<m>\d{1,2}|[一二两三四五六七八九十]{1,3})(?!\d)"
# A list item on its own between punctuation: "招保安，男，45岁以下".
ITEM_START = r"(?:^|(?<=[，,。；;：:、\s（(]))"
ITEM_END = r"(?=[，,。；;、\s）)]|$)"
AGE = r"(?:周岁|岁)"
WELCOME = r"(?:(?:也|均|都|亦)(?:可以?|行|要|欢迎)|可以|欢迎)"
NO = r"(?:勿扰|莫扰|不要|免谈|不招|不收|不用|谢绝|不考虑|别来|请绕行|请勿打扰)"
WANT = r"(?:限|仅限|只限|只招|仅招|只要|只收|限招|要求|需|需要|必须是?)"
SEX = r"(?:男性|女性|男士|女士|男生|女生|男工|女工|男的|女的|男人|女人|男同志|女同志|男子|女子)"
PERSONA = r"(?:阿姨|大姐|大嫂|大妈|小妹|妹子|小姐姐|小伙子?|帅哥|美女|大叔|大爷|小哥)"
ETHNIC = (
    r"(?:汉|回|藏|维吾尔|蒙古|壮|苗|彝|满|土家|布依|侗|瑶|朝鲜|白|哈尼|哈萨克|黎|傣|畲|"
    r"傈僳|仡佬|东乡|拉祜|佤|纳西|羌|仫佬|锡伯|柯尔克孜|景颇|达斡尔|撒拉|布朗|毛南|"
    r"塔吉克|普米|阿昌|鄂温克|基诺|德昂|裕固|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴)族"
)
PROVINCE = (
    r"(?:北京|天津|河北|山西|内蒙古?|辽宁|吉林|黑龙江|上海|江苏|浙江|安徽|福建|江西|山东|"
    r"河南|湖北|湖南|广东|广西|海南|重庆|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆|"
    r"东北|西北|潮汕|苏北|皖北)(?:省|市|自治区)?"
)
PLACE = rf"(?:本地|本市|本县|本区|本镇|本乡|本村|本省|外地|外省|外县|外市|外乡|外村|{PROVINCE})"
PLACE_SHORT = r"[豫川湘赣皖鲁冀晋陕鄂粤闽浙苏桂滇黔辽渝津沪琼疆]"
PERSON = r"(?:户籍|户口|籍|人员|人士|村民|居民|的人|人|口音)"
RELIGION = (
    r"(?:基督徒|基督教徒?|天主教徒?|穆斯林|伊斯兰教徒?|佛教徒|道教徒|"
    r"信(?:佛|主|基督|天主|耶稣|伊斯兰|道)教?的?|信教的?|有宗教信仰的?|信仰宗教的?)"
)
DISABLED = r"(?:身体残疾者?|肢体残疾者?|残疾人?|残障人?士?|聋哑人?|盲人|瘸子|跛脚|智障)"
HEPATITIS = r"(?:乙肝|乙型肝炎|大三阳|小三阳|两对半|HBsAg|澳抗|携带者|病原携带|HIV|艾滋病?)"

# (category, regex, check, suggestion). check: "" → every match is a finding; "upper" / "lower"
# → group n is an upper / lower age limit; "range" → n..m; see screening._age_finding.
RULES: tuple[tuple[str, str, str, str], ...] = (
    # -- gender ----------------------------------------------------------------------------
    ("gender", rf"{WANT}\s*{SEX}", "", ""),
    ("gender", rf"{SEX}\s*(?:优先|为主|即可|来|{NO})", "", ""),
    (
        "gender",
        r"(?:招聘?|要|需要?|找)\s*\d*\s*(?:名|个|位)?\s*[男女](?![女男]|不限|均|都|皆|职工)"
        r"[\u4e00-\u9fff]{0,4}?(?:工|员|师傅?|司机|保安|保姆|店员)",
        "",
        "",
    ),
    ("gender", rf"{ITEM_START}(?:{WANT})?\s*(?:男|女|男性|女性|男士|女士){ITEM_END}", "", ""),
    ("gender", rf"(?:不要|不招|谢绝|拒绝|不收)\s*{SEX}", "", ""),
    (
        "gender",
        r"性别\s*(?:要求)?\s*[:：]?\s*(?:限|为)?\s*[男女][性士生]?(?![女男]|不限|均可|皆可|都)",
        "",
        "",
    ),
    (
        "gender",
        r"(?:招|招聘|要|需|找)\s*\d*\s*(?:名|个|位)?\s*[男女](?:工|性|士|生|的)(?!均|都|不限|皆)",
        "",
        "",
    ),
    ("gender", r"(?<![、和及与])[男女]工?\s*\d+\s*(?:名|人|个|位)", "", ""),
    (
        "gender",
        rf"(?:保洁|家政|做饭|食堂|厨房|洗碗|搬运|装卸|服务员|营业员|收银)?{PERSONA}",
        "",
        "用岗位名称代替称呼，如“保洁员”“搬运工”",
    ),
    # -- age -------------------------------------------------------------------------------
    ("age", rf"{NUM}\s*{AGE}?\s*(?:-|~|～|—|－|至|到)\s*{NUM2}\s*{AGE}", "range", ""),
    (
        "age",
        rf"年龄\s*(?:要求)?\s*[:：]?\s*(?:在)?\s*{NUM}\s*(?:-|~|～|—|至|到)\s*{NUM2}(?!\s*{AGE})",
        "range",
        "",
    ),
    (
        "age",
        rf"{NUM}\s*{AGE}\s*(?:以下|以内|之内|之下|内|前)(?!\s*的?\s*(?:{NO}|者{NO}))",
        "upper",
        "",
    ),
    ("age", rf"年龄\s*(?:要求)?\s*[:：]?\s*(?:在)?\s*{NUM}\s*(?:以下|以内|之内)", "upper", ""),
    ("age", rf"(?:不超过|不得超过|不能超过|不大于|小于|低于|未超过)\s*{NUM}\s*{AGE}", "upper", ""),
    (
        "age",
        rf"(?:超过|大于|{NUM2}\s*{AGE}\s*以上的?)\s*(?:{NUM}\s*{AGE})?\s*的?(?:人员|者)?\s*{NO}",
        "upper",
        "",
    ),
    ("age", rf"{NUM}\s*{AGE}\s*(?:以下|以内)\s*的?\s*(?:人员|者)?\s*{NO}", "lower", ""),
    ("age", rf"{NUM}\s*{AGE}\s*(?:以上|及以上|往上)(?!\s*{WELCOME})", "lower", ""),
    ("age", rf"(?:年满|满)\s*{NUM}\s*{AGE}", "lower", ""),
    ("age", rf"未满\s*{NUM}\s*{AGE}\s*的?(?:人员|者)?\s*{NO}", "lower", ""),
    ("age", rf"{NUM}\s*{AGE}\s*左右", "", ""),
    ("age", r"年轻(?:人|力壮|化|的)?|青壮年|中青年|小年轻|(?:[6-9]0|00)后(?:优先|为主)?", "", ""),
    ("age", rf"(?:大龄|超龄|老人|老年人|年纪大的?|岁数大的?|上了年纪的?|中老年人?)\s*{NO}", "", ""),
    ("age", r"(?:不要|不招|谢绝|不收)\s*(?:大龄|超龄|老人|老年人|年纪大的?|岁数大的?)", "", ""),
    # -- ethnicity -------------------------------------------------------------------------
    ("ethnicity", rf"(?:{WANT}|只招收?)\s*{ETHNIC}(?:人员|同胞)?", "", ""),
    ("ethnicity", rf"{ETHNIC}(?:人员|同胞)?\s*(?:优先|{NO}|除外|以外)", "", ""),
    ("ethnicity", rf"(?:少数民族|外族)(?:人员|同胞)?\s*(?:{NO}|除外)", "", ""),
    ("ethnicity", rf"(?:不要|不招|谢绝)\s*(?:少数民族|{ETHNIC})", "", ""),
    ("ethnicity", rf"{ITEM_START}{ETHNIC}{ITEM_END}", "", ""),
    ("ethnicity", r"民族\s*[:：]\s*(?:要求)?\s*[汉回藏壮苗满]族?", "", ""),
    # -- religion --------------------------------------------------------------------------
    (
        "religion",
        r"(?:无|没有|不信|不得信仰|禁止信仰|不能信)\s*(?:任何)?(?:宗教|教)(?:信仰)?",
        "",
        "",
    ),
    ("religion", rf"{RELIGION}\s*(?:人员|者|信徒)?\s*(?:{NO}|优先)", "", ""),
    ("religion", rf"(?:{WANT}|不要|不招|谢绝)\s*{RELIGION}", "", ""),
    ("religion", r"宗教信仰\s*[:：]\s*无", "", ""),
    # -- household registration / home region ---------------------------------------------
    ("hukou", rf"(?:{WANT}|只招收?)\s*(?:{PLACE}|城镇|农村|城市){PERSON}", "", ""),
    ("hukou", rf"(?:{PLACE}|城镇|农村|城市){PERSON}\s*(?:优先|{NO})", "", ""),
    ("hukou", rf"(?:不要|不招|谢绝|拒绝)\s*(?:{PLACE}|城镇|农村|城市){PERSON}", "", ""),
    (
        "hukou",
        rf"(?:户籍|户口|籍贯)\s*(?:要求)?\s*[:：]?\s*(?:限|为|需)?\s*(?:{PLACE}|城镇|农村)",
        "",
        "",
    ),
    ("hukou", rf"(?:{PLACE}|城镇|农村|城市)(?:户籍|户口)", "", ""),
    ("hukou", rf"{PROVINCE}籍|{PLACE_SHORT}籍", "", ""),
    ("hukou", rf"{ITEM_START}{PLACE}(?:人|人员|户籍|户口){ITEM_END}", "", ""),
    # -- marital and childbearing status ---------------------------------------------------
    (
        "marital",
        rf"(?:已婚已育|已婚未育|未婚未育|已婚|未婚|已育|未育|单身|离异|婚否|婚育)(?:者|人员)?\s*(?:优先|{NO})?",
        "",
        "",
    ),
    (
        "marital",
        r"(?:\d+|[一二两三四五])\s*年内\s*(?:不|不得|不准|不能|暂不|不打算|无)\s*(?:生育|怀孕|要孩子|生孩子|生小孩|要小孩|结婚|生二胎|生育计划)",
        "",
        "",
    ),
    ("marital", r"(?:不得|不准|不能|禁止)\s*(?:怀孕|生育|结婚|生孩子)", "", ""),
    (
        "marital",
        rf"(?:孕妇|怀孕的?|孕期|哺乳期|备孕|二胎|三胎|带孩子的?|有小孩的?|有孩子的?|带娃的?)\s*(?:人员|者)?\s*{NO}",
        "",
        "",
    ),
    ("marital", r"宝妈", "", "时间灵活的岗位可写“每天9:00-15:00，时间灵活”"),
    ("marital", r"(?:夫妻工?|两口子)\s*优先|(?:限|只招|仅招|只要)\s*(?:夫妻|两口子)", "", ""),
    # -- carrier status --------------------------------------------------------------------
    (
        "carrier",
        rf"{HEPATITIS}(?:病毒)?(?:携带者?|阳性|患者)?(?:人员|者)?\s*(?:{NO}|除外)?",
        "",
        "",
    ),
    # -- disability ------------------------------------------------------------------------
    ("disability", rf"{DISABLED}\s*(?:{NO}|除外)", "", ""),
    ("disability", rf"(?:不要|不招|谢绝|拒绝|不收)\s*{DISABLED}", "", ""),
    ("disability", r"(?:身体|肢体|四肢|五官|身心)健全|健全人", "", ""),
    (
        "disability",
        r"(?:无|没有|不能有)\s*(?:残疾|身体缺陷|生理缺陷|残障)|身体无(?:残疾|缺陷)|非残疾人?",
        "",
        "",
    ),
    # -- irrelevant looks ------------------------------------------------------------------
    (
        "looks",
        r"身高\s*(?:要求)?\s*[:：]?\s*(?:在)?\s*(?:[一1]\s*米\s*[五六七八5-8]\d?|1\.\d{1,2}\s*米?|\d{3})\s*(?:cm|CM|厘米|公分|米)?\s*(?:以上|以下|左右|-\s*\d{3})?",
        "",
        "",
    ),
    ("looks", r"\d{3}\s*(?:cm|CM|厘米|公分)\s*以上", "", ""),
    (
        "looks",
        r"形象(?:气质)?(?:好|佳|优|较好|良好|端正)|气质(?:佳|好|优)|五官端正|相貌端正|长相(?:端正|好|甜美|出众|过得去)|颜值高?|面容姣好|容貌|外貌(?:好|佳)|外形好|身材(?:好|苗条|匀称|高挑)|体重\s*[:：]?\s*(?:\d+|不超过)|漂亮|靓丽|貌美",
        "",
        "",
    ),
    ("looks", rf"(?:胖子|胖|太胖|肥胖|偏胖|长得丑)的?\s*(?:人)?\s*{NO}", "", ""),
)

# Matches that are never findings (negations, welcome statements, lawful conditions). A rule
# match overlapping one of these is dropped.
LAWFUL: tuple[str, ...] = (
    r"(?:不限|不论|不分|无论|不管)\s*(?:男女|性别|年龄|户籍|户口|籍贯|地域|民族|婚否|婚姻|婚育|宗教|信仰|身高|外貌|长相|老少|本地外地)",
    r"(?:性别|年龄|户籍|户口|籍贯|地域|民族|婚否|婚姻状况|婚育|宗教信仰|信仰|身高|外貌|长相|形象)\s*[:：]?\s*(?:不限|无要求|没有要求|不论|均可|无限制|都可以?)",
    r"男女(?:工|老少)?(?:均可|不限|皆可|都可以?|都要|都行|各半|都招)",
    r"(?:16|十六|18|十八)\s*(?:周岁|岁)\s*(?:以上|及以上)",
    r"(?:不招|不用|拒绝|禁止(?:招用|使用)?)\s*(?:童工|未成年人?)|未成年人?\s*(?:勿扰|不招|不要)",
    r"法定退休年龄(?:以内|以下|之内|内|前)?",
    rf"\d{{2}}\s*(?:周岁|岁)\s*以上[^，。；,;]{{0,8}}?{WELCOME}",
    r"(?:大龄|中老年|老年人|退休人员|上了年纪的?)(?:人员)?\s*(?:也|均|都|亦)?(?:可以?|行|欢迎|优先)|欢迎(?:大龄|中老年|退休)",
    r"(?:残疾人?|残障人?士?)(?:人员)?\s*(?:也|均|都|亦)?(?:可以?|优先|欢迎)|欢迎(?:残疾|残障)|适合残疾人|持残疾证",
    r"(?:本地|外地)(?:人员?|户籍)?(?:、|和|及|或|与)?(?:外地|本地)(?:人员?|户籍)?(?:均可|都可以?|都要|不限)",
    r"外地(?:人员?|户籍|务工人员)?\s*(?:也|均|都|亦)?(?:可以?|欢迎)",
    r"(?:孕期|哺乳期|经期|怀孕)[^。；;，,]{0,14}(?:不安排|不宜|禁忌|依法|享受|照顾|调岗|保护|休假)",
    r"单身(?:宿舍|公寓|房|间)",
    rf"(?:不查|不检查|不检测|不做|无需检查|无需查|不歧视|不限|不影响|不作为)[^。；;，,]{{0,8}}{HEPATITIS}",
    rf"{HEPATITIS}[^。；;，,]{{0,6}}(?:均可|可以|也可|不影响|不受影响|欢迎|不限|一视同仁)",
    r"少数民族(?:人员|同胞)?\s*(?:也|均|都|亦)?(?:可|优先|欢迎)|(?:尊重|照顾)(?:少数)?民族",
    r"(?:尊重|不干涉)(?:员工的?)?宗教信仰|宗教信仰自由|信仰自由",
    r"无宗教活动|不得在工作场所(?:开展|进行)?宗教活动",
)

# Context (anywhere in the posting) that makes an upper age limit of HIGH_RISK_AGE_CAP or more
# lawful: special operations and other high-risk work.
HIGH_RISK_CONTEXT = (
    r"高空作业|高处作业|登高|特种作业|井下|塔吊|起重|爆破|带电作业|高压电|架子工|脚手架|"
    r"吊篮|电工证|焊工证|电工作业|焊接作业|电焊|焊工|电工|危化品|危险化学品"
)
HIGH_RISK_AGE_CAP = 50
# The age from which every job may be offered (minors 16–17 are protected workers).
ADULT_AGE = 18

# Context that puts the work in the 女职工禁忌从事的劳动范围, so asking for men is lawful.
WOMEN_PROHIBITED_CONTEXT = r"矿山井下|井下作业|下井|第四级体力劳动|四级体力劳动强度"
# Single loads heavier than this (kg) are in that list too.
WOMEN_MAX_LOAD_KG = 25
LOAD = r"(?<!体重)(?<!体重不超过)(?P<kg>\d+(?:\.\d+)?)\s*(?P<unit>斤|公斤|千克|kg|KG|Kg)"

# Trades where appearance is the work itself.
LOOKS_CONTEXT = r"模特|礼仪|演员|群演|群众演员"
