"""Write the sample ledgers in this folder, the way stations send them in.

    .venv/bin/python tests/data/ledgers/make_samples.py

- 清河镇求职登记台账.csv: what Excel on Chinese Windows saves as "CSV (逗号分隔)": GBK, CRLF,
  header spellings 身份证号码 / 手机号; rows 3, 5 and 6 have problems (ID check digit,
  a 10-digit phone, no name), row 7 is blank.
- 柳塘村零工台账_utf8.csv: "CSV UTF-8" (with BOM) and an extra 年龄 column nobody asked for.
- 清河镇台账.xlsx: both sheets under their own names, each with a merged title row and a
  date line above the header, IDs typed as text, phones typed as numbers.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

HERE = Path(__file__).resolve().parent

GBK_ROWS = [
    ["姓名", "身份证号码", "手机号", "专业特长", "求职意向", "备注"],
    ["张建国", "330102197503080118", "13805710001", "电工、焊工", "建筑", "持电工证"],
    ["李秀英", "330106196811200224", "13905710002", "保洁", "家政", ""],
    ["王小明", "330108199006010351", "13705710003", "会开叉车", "仓库", ""],
    ["陈芳", "330110198302140465", "1360571000", "育婴", "保姆", ""],
    ["", "330122197109090575", "13505710005", "瓦工", "", "名字没写"],
    ["", "", "", "", "", ""],
    ["赵德胜", "33018219881212079x", "13405710007", "水电安装、木工", "装修", "末位小写x"],
]

UTF8_ROWS = [
    ["姓名", "公民身份号码", "联系电话", "专业特长", "求职意向", "备注", "年龄"],
    ["周桂兰", "330127196601300682", "13305710008", "种植、采茶", "农忙季节工", "", "60"],
    ["吴海", "330183197904040801", "0571-63210001", "驾驶", "送货", "", "47"],
]

POSTING_HEADER = [
    "用工主体名称",
    "联系人",
    "联系电话",
    "用工方式",
    "职业(工种)",
    "招聘人数",
    "技能要求",
    "工作地点",
    "工作时长",
    "薪资待遇",
    "计酬方式",
    "截止日期",
]
POSTINGS = [
    [
        "清河建筑工程有限公司",
        "刘经理",
        13800571111,
        "临时",
        "电工",
        3,
        "持证上岗",
        "清河镇工业园",
        "8小时/天",
        "220-260元/天",
        "日结",
        date(2030, 12, 31),
    ],
    [
        "柳塘村茶叶专业合作社",
        "孙师傅",
        13900572222,
        "季节性",
        "采茶工",
        20,
        "",
        "柳塘村茶园",
        "6:00-11:00",
        "150元/天",
        "日结",
        date(2030, 6, 30),
    ],
    [
        "王建国",
        "王建国",
        13700573333,
        "非全日制",
        "保洁员",
        1,
        "",
        "清河镇幸福小区",
        "每周三次",
        "30元/小时",
        "周结",
        "2030-09-30",
    ],
]
WORKERS = [
    ["姓名", "身份证号", "联系电话", "专业特长", "求职意向", "备注"],
    ["张建国", "330102197503080118", 13805710001, "电工、焊工", "建筑", "持电工证"],
    ["钱多多", "330110198302140465", 13605710004, "育婴", "保姆", ""],
]


def _csv(path: Path, rows: list[list[str]], encoding: str) -> None:
    text = "\r\n".join(",".join(row) for row in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))


def _sheet_with_title(
    ws: Worksheet, title: str, header: list[str], rows: list[list[object]]
) -> None:
    ws.append([title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.append(["填报日期：2026年3月1日"])
    ws.append(header)
    for row in rows:
        ws.append(row)


def write_samples(folder: Path = HERE) -> None:
    _csv(folder / "清河镇求职登记台账.csv", GBK_ROWS, "gbk")
    _csv(folder / "柳塘村零工台账_utf8.csv", UTF8_ROWS, "utf-8-sig")
    wb = Workbook()
    ws = wb.active
    ws.title = "求职登记"
    _sheet_with_title(ws, "清河镇零工驿站求职登记台账", WORKERS[0], WORKERS[1:])
    _sheet_with_title(
        wb.create_sheet("招工信息"), "清河镇零工驿站用工信息台账", POSTING_HEADER, POSTINGS
    )
    wb.save(folder / "清河镇台账.xlsx")


if __name__ == "__main__":
    write_samples()
