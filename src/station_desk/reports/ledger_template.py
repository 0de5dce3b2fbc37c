"""The ledger import template (导入模板.xlsx) and the sheet layout the export shares with it."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from station_desk.domain.ledger import (
    INSTRUCTIONS_SHEET,
    OCCUPATIONS_SHEET,
    POSTING_SPEC,
    WORKER_SPEC,
    Column,
    SheetSpec,
)
from station_desk.domain.occupations import CATALOGUE

TEXT_FORMAT = "@"
DATE_FORMAT = "yyyy-mm-dd"
VALIDATION_ROWS = 2000  # drop-downs and text format cover this many data rows
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
REQUIRED_FONT = Font(bold=True, color="C00000")

INSTRUCTIONS = (
    "零工驿站台账导入模板 使用说明",
    "",
    "1. “零工登记”工作表：每行登记一名求职零工；“用工信息”工作表：每行登记一条用工信息。",
    "2. 红色表头为必填项，其余可不填。第一行表头请勿修改、删除或调换顺序以外的改动。",
    "3. 身份证号、联系电话两列已设为文本格式，请直接输入，不要加空格或单引号；"
    "身份证号末位的 x 大小写均可。",
    "4. 用工方式、计酬方式可从下拉列表中选择；职业(工种)可参考“工种目录”工作表，也可直接填写。",
    "5. 薪资待遇写成“180-220元/天”“5000元/月”“面议”等形式；截止日期写成 2026-12-31 的形式。",
    "6. 专业特长、求职意向可写多项，用顿号或逗号分开，如“电工、焊工、会开叉车”。",
    "7. 导入时逐行检查：有问题的行不导入，并列出行号、列名和原因，改正后可再次导入同一文件；"
    "已登记的身份证号和相同的用工信息不会重复导入。",
    "8. 也可以导入各驿站自己的台账（.xlsx 或 .csv），只要表头包含上述列名（或常见写法，"
    "如“身份证号码”“手机号”）。",
)


def style_sheet(ws: Worksheet, columns: tuple[Column, ...], rows: int = VALIDATION_ROWS) -> None:
    """Header styling, frozen header row, widths, text/date formats and drop-downs."""
    for index, column in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=index, value=column.header)
        cell.font = REQUIRED_FONT if column.required else Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center")
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = column.width
        if column.text or column.is_date:
            # Column styles apply to cells typed later in Excel; the explicit cells below make
            # sure the format is there even for programs that ignore column styles.
            ws.column_dimensions[letter].number_format = TEXT_FORMAT if column.text else DATE_FORMAT
            for row in range(2, rows + 2):
                ws.cell(row=row, column=index).number_format = (
                    TEXT_FORMAT if column.text else DATE_FORMAT
                )
        if column.choices and rows > 0:
            validation = DataValidation(
                type="list",
                formula1='"' + ",".join(column.choices) + '"',
                allow_blank=True,
                showErrorMessage=False,  # other spellings ("日结工") are still accepted
            )
            validation.promptTitle = column.header
            validation.prompt = "请从下拉列表中选择"
            validation.showInputMessage = True
            ws.add_data_validation(validation)
            validation.add(f"{letter}2:{letter}{rows + 1}")
    ws.freeze_panes = "A2"
    ws.row_dimensions[1].height = 22


def _occupation_sheet(wb: Workbook) -> int:
    ws = wb.create_sheet(OCCUPATIONS_SHEET)
    ws.append(["职业(工种)", "类别", "代码", "别名"])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for occupation in CATALOGUE:
        ws.append(
            [occupation.name, occupation.group_name, occupation.code, "、".join(occupation.aliases)]
        )
    for letter, width in zip("ABCD", (16, 12, 14, 30), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    return len(CATALOGUE)


def _data_sheet(wb: Workbook, spec: SheetSpec, occupations: int, first: bool) -> Worksheet:
    ws = wb.active if first else wb.create_sheet(spec.title)
    assert ws is not None
    ws.title = spec.title
    columns = spec.template_columns
    style_sheet(ws, columns)
    if spec is POSTING_SPEC:
        index = next(i for i, c in enumerate(columns, start=1) if c.key == "occupation")
        letter = get_column_letter(index)
        source = f"{quote_sheetname(OCCUPATIONS_SHEET)}!$A$2:$A${occupations + 1}"
        validation = DataValidation(type="list", formula1=source, allow_blank=True)
        validation.showErrorMessage = False  # trades not in the catalogue are allowed
        ws.add_data_validation(validation)
        validation.add(f"{letter}2:{letter}{VALIDATION_ROWS + 1}")
    return ws


def write_template(path: Path) -> None:
    """Write the import template: sheets 零工登记 and 用工信息 (headers in row 1, drop-downs for
    用工方式, 计酬方式 and 职业(工种), text-formatted ID and phone columns), 说明 (how to fill
    it in) and a hidden 工种目录 (the occupation catalogue the drop-down lists)."""
    wb = Workbook()
    occupations = len(CATALOGUE)
    _data_sheet(wb, WORKER_SPEC, occupations, first=True)
    _data_sheet(wb, POSTING_SPEC, occupations, first=False)
    notes = wb.create_sheet(INSTRUCTIONS_SHEET)
    for line in INSTRUCTIONS:
        notes.append([line])
    notes["A1"].font = Font(bold=True, size=14)
    notes.column_dimensions["A"].width = 110
    _occupation_sheet(wb)
    wb[OCCUPATIONS_SHEET].sheet_state = "hidden"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
