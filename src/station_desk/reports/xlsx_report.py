"""A ReportDoc as an Excel workbook an office would hand in: one sheet per table, the title
and header lines above it, bold headers, set widths, number formats, a bold 合计 row,
frozen headers, A4 print setup with the title rows repeated."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from station_desk.reports.report_model import (
    Cell,
    Column,
    ReportDoc,
    Table,
    cell_format,
    cell_value,
)

NUMBER_FORMATS = {
    "int": "#,##0",
    "float": "#,##0.00",
    "money": "#,##0.00",
    "percent": "0.0%",
    "text": "@",
}
THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="DDE7F3")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")


def _sheet_title(title: str, used: set[str]) -> str:
    name = "".join(c for c in title if c not in "[]:*?/\\")[:28] or "表"
    candidate, n = name, 2
    while candidate in used:
        candidate, n = f"{name}{n}", n + 1
    used.add(candidate)
    return candidate


def _write_cell(sheet: Worksheet, row: int, col: int, value: Cell, column: Column) -> None:
    cell = sheet.cell(row=row, column=col, value=cell_value(value))
    fmt = cell_format(value, column)
    if not isinstance(cell.value, str) and cell.value is not None:
        cell.number_format = NUMBER_FORMATS.get(fmt, "General")
        cell.alignment = Alignment(horizontal="right", vertical="center")
    else:
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    cell.border = BORDER


def write_table(sheet: Worksheet, doc: ReportDoc, table: Table) -> None:
    width = len(table.columns)
    last = get_column_letter(width)
    sheet.append([doc.title])
    sheet.merge_cells(f"A1:{last}1")
    sheet["A1"].font = Font(size=14, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center")
    for line in doc.header_lines:
        sheet.append([line])
        sheet.merge_cells(f"A{sheet.max_row}:{last}{sheet.max_row}")
    header_row = sheet.max_row + 1
    for col, column in enumerate(table.columns, start=1):
        cell = sheet.cell(row=header_row, column=col, value=column.title)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(col)].width = max(column.width, 6) + 2
    row = header_row
    for values in table.rows:
        row += 1
        for col, (value, column) in enumerate(zip(values, table.columns, strict=True), start=1):
            _write_cell(sheet, row, col, value, column)
    if table.totals is not None:
        row += 1
        for col, (value, column) in enumerate(
            zip(table.totals, table.columns, strict=True), start=1
        ):
            _write_cell(sheet, row, col, value, column)
            sheet.cell(row=row, column=col).font = Font(bold=True)
            sheet.cell(row=row, column=col).fill = TOTAL_FILL
    notes = ([table.note] if table.note else []) + doc.notes
    if notes:
        row += 1
    for note in notes:
        row += 1
        sheet.cell(row=row, column=1, value=note)
        sheet.merge_cells(f"A{row}:{last}{row}")
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if width > 5 else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"


def write_xlsx(doc: ReportDoc, path: Path) -> None:
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    used: set[str] = set()
    for table in doc.tables:
        write_table(book.create_sheet(_sheet_title(table.title, used)), doc, table)
    book.properties.title = doc.title
    book.save(path)
