"""`station-desk report --kind … [--date D | --month YYYY-MM] --format json|xlsx|pdf --out PATH`.

The PDF is drawn by ui/pdf_render.py (only ui/ imports Qt); it is imported here lazily, the
one bridge from reports to the ui, as cli.py does for `run`."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from station_desk.reports.report_data import KINDS, build_report
from station_desk.reports.report_model import ReportDoc
from station_desk.reports.xlsx_report import write_xlsx
from station_desk.services.context import Desk
from station_desk.store.db import sqlite_connection

EXIT_OK, EXIT_BAD_INPUT = 0, 2
REPORT_FORMATS = ("json", "xlsx", "pdf")


class ReportInputError(ValueError):
    """The date, month or output path cannot be used; the message is Chinese."""


def report_day(kind: str, day: str | None, month: str | None, today: date) -> date:
    """The day a report is for (for the month reports: a day of the month)."""
    if kind not in KINDS:
        raise ReportInputError(f"不认识的报表类型：{kind}")
    if kind == "daily" and month:
        raise ReportInputError("日报请用 --date YYYY-MM-DD 指定日期")
    try:
        if month:
            chosen = datetime.strptime(month.strip(), "%Y-%m").date()
        elif day:
            chosen = date.fromisoformat(day.strip())
        else:
            return today
    except ValueError:
        what = f"月份“{month}”应写成 YYYY-MM" if month else f"日期“{day}”应写成 YYYY-MM-DD"
        raise ReportInputError(
            f"{what}，例如 {today:%Y-%m}" + ("" if month else f"-{today:%d}")
        ) from None
    if chosen.replace(day=1) > today.replace(day=1) or (kind == "daily" and chosen > today):
        raise ReportInputError(f"{'月份' if month else '日期'}不能晚于今天（{today:%Y-%m-%d}）")
    return chosen


def check_output(out: Path) -> None:
    folder = out.parent if str(out.parent) else Path(".")
    if out.is_dir():
        raise ReportInputError(f"输出路径 {out} 是一个文件夹，请写文件名")
    if not folder.is_dir():
        raise ReportInputError(f"文件夹 {folder} 不存在")
    if not os.access(folder, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise ReportInputError(f"无法写入 {out}：没有写入权限")


def make_report(
    desk: Desk, kind: str, day: date, progress: Callable[[str], None] | None = None
) -> ReportDoc:
    with desk.db.read() as session:
        return build_report(sqlite_connection(session), kind, day, desk.now(), progress)


def write_report(doc: ReportDoc, fmt: str, out: Path) -> None:
    if fmt == "json":
        text = json.dumps(doc.as_json(), ensure_ascii=False, indent=1, sort_keys=True)
        out.write_text(text + "\n", encoding="utf-8")
    elif fmt == "xlsx":
        write_xlsx(doc, out)
    elif fmt == "pdf":
        from station_desk.ui.pdf_render import render_pdf  # the one reports → ui bridge

        render_pdf(doc, out)
    else:
        raise ReportInputError(f"不支持的格式：{fmt}")


def report_command(
    desk: Desk, kind: str, date: str | None, month: str | None, fmt: str, out: Path
) -> int:
    try:
        day = report_day(kind, date, month, desk.today())
        if fmt not in REPORT_FORMATS:
            raise ReportInputError(f"不支持的格式：{fmt}（可用 json、xlsx、pdf）")
        check_output(out)
        doc = make_report(desk, kind, day)
        write_report(doc, fmt, out)
    except ReportInputError as error:
        print(f"错误：{error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:
        print(f"错误：无法写入 {out}：{error.strerror or error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    summary = {
        "kind": kind,
        "format": fmt,
        "out": str(out),
        "title": doc.title,
        "period": doc.period_label,
    }
    print(json.dumps(summary, ensure_ascii=False))
    return EXIT_OK
