"""A ReportDoc as the HTML the PDF renderer (ui/pdf_render.py, Qt's QTextDocument) lays out
on A4 pages; the renderer adds the running header (station, title, date) and page numbers.
No Qt here: only ui/ imports Qt."""

from __future__ import annotations

from html import escape

from station_desk.reports.report_model import ReportDoc, Table, cell_format, format_cell

FONT_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "SimSun",
    "sans-serif",
)


def _table_html(table: Table) -> str:
    total_width = sum(c.width for c in table.columns) or 1
    head = "".join(
        f'<th width="{round(100 * c.width / total_width)}%">{escape(c.title)}</th>'
        for c in table.columns
    )
    body = []
    rows = [(row, False) for row in table.rows]
    if table.totals is not None:
        rows.append((table.totals, True))
    for values, is_total in rows:
        cells = []
        for value, column in zip(values, table.columns, strict=True):
            numeric = cell_format(value, column) != "text" and not isinstance(value, str)
            align = ' align="right"' if numeric else ""
            text = escape(format_cell(value, column))
            cells.append(f"<td{align}>{'<b>' + text + '</b>' if is_total else text}</td>")
        style = ' bgcolor="#f2f2f2"' if is_total else ""
        body.append(f"<tr{style}>{''.join(cells)}</tr>")
    note = f"<p class='note'>{escape(table.note)}</p>" if table.note else ""
    return (
        f"<h3>{escape(table.title)}</h3>"
        '<table border="1" cellspacing="0" cellpadding="3" width="100%">'
        f'<thead><tr bgcolor="#dde7f3">{head}</tr></thead><tbody>{"".join(body)}</tbody>'
        f"</table>{note}"
    )


def report_html(doc: ReportDoc) -> str:
    """The body of the printed report: title, header lines, tables with totals, notes."""
    header = "".join(f"<p class='meta'>{escape(line)}</p>" for line in doc.header_lines)
    tables = "".join(_table_html(t) for t in doc.tables)
    notes = "".join(f"<li>{escape(n)}</li>" for n in doc.notes)
    notes_html = f"<h3>说明</h3><ul>{notes}</ul>" if notes else ""
    style = (
        "h1 { font-size: 16pt; text-align: center; } h3 { font-size: 11pt; margin-top: 8px; }"
        " p.meta { font-size: 9pt; margin: 0; } th { font-size: 9pt; } td { font-size: 9pt; }"
        " li { font-size: 8pt; } p.note { font-size: 8pt; }"
    )
    return (
        f"<html><head><style>{style}</style></head><body>"
        f"<h1>{escape(doc.title)}</h1>{header}{tables}{notes_html}</body></html>"
    )


def running_header(doc: ReportDoc) -> tuple[str, str]:
    """(left, right) of every page's header: the station and the report; the date."""
    return f"{doc.station_name} · {doc.title}", f"{doc.generated_at:%Y年%m月%d日}"


def page_footer(page: int, pages: int) -> str:
    return f"第 {page} 页，共 {pages} 页"
