"""The five reports built from statistics.py into the neutral ReportDoc: the daily summary,
the monthly report, the directory (名录), the monthly dispatch (月调度表) and the star-rating
figures (星级评定). At the market's desk each covers every station known there."""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Callable
from datetime import date, datetime, timedelta

from station_desk.domain.hardship import SERVICE_KINDS
from station_desk.domain.station import STATION_KINDS
from station_desk.reports.report_model import Cell, Column, Num, ReportDoc, Table
from station_desk.reports.statistics import (
    PROFILE_FIELDS,
    Period,
    StationInfo,
    Stats,
    covered_stations,
    is_market_desk,
    period_stats,
    postings_by_trade,
    station_info,
    this_station_id,
)
from station_desk.store.driver import sqlite3

Progress = Callable[[str], None]
KINDS = ("daily", "monthly", "directory", "dispatch", "rating")
TARGET_KEY = "report.registration_target"  # the district's registrations for the year
DEFAULT_TARGET = 100_000

# key → (format, definition); the order of the 主要指标 table.
DEFINITIONS: dict[str, tuple[str, str]] = {
    "registrations": ("int", "统计期内登记的求职人员（按登记时间）"),
    "active_workers": ("int", "期末在册、状态为求职中的人员"),
    "employers": ("int", "统计期内新登记的用工主体"),
    "postings": ("int", "统计期内发布的招聘信息"),
    "headcount": ("int", "上述招聘信息的招聘人数之和"),
    "referrals": ("int", "统计期内的岗位推荐与点对点对接"),
    "placements": ("int", "首次记为“已录用”的时间在统计期内的推荐"),
    "daily_placements": ("float", "成功就业人次 ÷ 统计天数"),
    "quick_postings": ("int", "统计期内发布的即时快招岗位"),
    "quick_same_day": ("int", "发布当天即有人录用的即时快招岗位"),
    "quick_rate": ("percent", "快招当日录用岗位数 ÷ 即时快招岗位数"),
    "hardship_workers": ("int", "期末在册的困难零工（待工时间长、低收入、残疾、大龄）"),
    "hardship_complete": ("int", "已得到1次职业指导、3次岗位推荐、1次技能培训的困难零工"),
    "hardship_rate": ("percent", "“131”已完成人数 ÷ 困难零工人数"),
    "services": ("int", "统计期内登记的各类服务"),
    "cases": ("int", "统计期内受理的权益维护案件"),
    "amount_owed": ("money", "上述案件登记的涉及金额"),
    "amount_recovered": ("money", "统计期内各案件记录的追回金额之和"),
    "tool_loans": ("int", "统计期内的工具借出次数"),
    "follow_up_rate": ("percent", "3天内有结果记录的推荐 ÷ 已满3天（或已有结果）的推荐"),
}


def day_period(day: date) -> Period:
    return Period(day, day + timedelta(days=1))


def month_period(month: date, today: date) -> Period:
    """The month; a month in progress ends with today (month to date)."""
    first = month.replace(day=1)
    end = first + timedelta(days=monthrange(first.year, first.month)[1])
    return Period(first, min(end, today + timedelta(days=1)))


def period_label(period: Period) -> str:
    last = period.last_day
    if period.days == 1:
        return f"{last:%Y年%m月%d日}"
    return f"{period.start:%Y年%m月%d日}至{last:%Y年%m月%d日}（{period.days}天）"


def _kind_label(kind: str) -> str:
    return dict(STATION_KINDS).get(kind, kind)


def _doc(
    conn: sqlite3.Connection, kind: str, title: str, period: Period, now: datetime
) -> ReportDoc:
    me = station_info(conn, this_station_id(conn))
    market = is_market_desk(conn)
    scope = "全区各驿站（含区级零工市场）" if market else me.name
    full = f"{me.name}{title}" if kind in ("daily", "monthly") else title
    doc = ReportDoc(kind, full, me.name, period_label(period), now)
    doc.header_lines = [
        f"统计单位：{scope}",
        f"统计期间：{period_label(period)}",
        f"制表时间：{now:%Y-%m-%d %H:%M}",
    ]
    doc.data = {
        "period_start": period.start.isoformat(),
        "period_end": period.end.isoformat(),
        "days": period.days,
        "market_desk": market,
    }
    return doc


def _figures(stats: Stats) -> dict[str, float]:
    return {key: round(f.value, 4) for key, f in stats.figures.items()}


def _stations_stats(
    conn: sqlite3.Connection, period: Period, progress: Progress
) -> list[tuple[StationInfo, Stats]]:
    result = []
    for info in covered_stations(conn):
        progress(f"正在统计：{info.name}")
        result.append((info, period_stats(conn, period, info.id)))
    return result


def summary_report(
    conn: sqlite3.Connection, kind: str, period: Period, now: datetime, progress: Progress
) -> ReportDoc:
    """The daily summary or the monthly report: the figures of this station (the district at
    the market's desk), services by kind, and at the market's desk a row per station."""
    title = "零工服务日报" if kind == "daily" else "零工服务月报"
    doc = _doc(conn, kind, title, period, now)
    market = doc.data["market_desk"]
    progress("正在统计全部指标")
    total = period_stats(conn, period, None if market else this_station_id(conn))
    main = Table(
        "主要指标", [Column("指标", width=22), Column("数值", "int", 14), Column("口径", width=56)]
    )
    for key, (fmt, definition) in DEFINITIONS.items():
        figure = total.figures[key]
        main.rows.append([figure.label, Num(figure.value, fmt), definition])
    services = Table("服务分类", [Column("服务类型", width=22), Column("人次", "int", 14)])
    for code, label in SERVICE_KINDS:
        services.rows.append([label, int(total[f"service.{code}"])])
    services.totals = ["合计", int(total["services"])]
    doc.tables = [main, services]
    doc.data.update(figures=_figures(total), trace={k: f.trace() for k, f in total.figures.items()})
    if market:
        per = _stations_stats(conn, period, progress)
        doc.tables.append(_station_table(per, total))
        doc.data["stations"] = [
            {"id": info.id, "name": info.name, "figures": _figures(stats)} for info, stats in per
        ]
    return doc


def _station_table(per: list[tuple[StationInfo, Stats]], total: Stats) -> Table:
    keys = (
        "registrations",
        "active_workers",
        "postings",
        "headcount",
        "referrals",
        "placements",
        "daily_placements",
        "hardship_rate",
    )
    columns = [Column("驿站", width=24)]
    columns += [Column(total.figures[k].label, DEFINITIONS[k][0], 12) for k in keys]
    table = Table("各驿站情况", columns)
    for info, stats in per:
        table.rows.append([info.name, *(stats[k] for k in keys)])
    table.totals = ["全区合计", *(total[k] for k in keys)]
    return table


def main_trades(conn: sqlite3.Connection, period: Period, info: StationInfo) -> str:
    """The three occupations with the most places posted in the period; else the declared
    trades of the station's profile."""
    trades = postings_by_trade(conn, period, info.id, limit=3)
    return "、".join(name for name, _, _ in trades) or info.trades


def directory_report(
    conn: sqlite3.Connection, period: Period, now: datetime, progress: Progress
) -> ReportDoc:
    """名录: name, kind of operation, address, job seekers, main trades, daily placements."""
    doc = _doc(conn, "directory", "零工市场（驿站）名录", period, now)
    table = Table(
        "名录",
        [
            Column("名称", width=26),
            Column("运营性质", width=10),
            Column("详细地址", width=30),
            Column("求职人员规模（人）", "int", 12),
            Column("主要招聘工种", width=26),
            Column("日均招聘成功人数", "float", 12),
            Column("联系电话", width=16),
        ],
    )
    rows = []
    for info, stats in _stations_stats(conn, period, progress):
        table.rows.append(
            [
                info.name,
                _kind_label(info.kind),
                info.address,
                int(stats["active_workers"]),
                main_trades(conn, period, info),
                stats["daily_placements"],
                info.phone,
            ]
        )
        rows.append({"id": info.id, "name": info.name, "figures": _figures(stats)})
    table.totals = [
        "合计",
        "",
        "",
        sum(r[3] for r in table.rows),
        "",  # type: ignore[misc]
        sum(r[5] for r in table.rows),
        "",
    ]  # type: ignore[misc]
    doc.tables = [table]
    doc.notes = [
        "求职人员规模：期末在册、状态为求职中的人数（按登记驿站）。",
        "主要招聘工种：统计期内发布岗位招聘人数最多的三个工种；无岗位时取驿站信息中登记的工种。",
        "日均招聘成功人数：统计期内成功就业（推荐结果为已录用）人次 ÷ 统计天数。",
    ]
    doc.data["stations"] = rows
    return doc


def registration_targets(conn: sqlite3.Connection, stations: list[StationInfo]) -> dict[str, int]:
    """Each station's share of the district's yearly registration target: its own setting
    (report.registration_target.<id>) when set, else an even split of what is left."""

    def setting(key: str) -> int | None:
        row = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        return int(row[0]) if row and str(row[0]).isdigit() else None

    district = setting(TARGET_KEY) or DEFAULT_TARGET
    targets = {s.id: setting(f"{TARGET_KEY}.{s.id}") for s in stations}
    unset = [sid for sid, value in targets.items() if value is None]
    left = max(0, district - sum(v for v in targets.values() if v is not None))
    share, extra = divmod(left, len(unset)) if unset else (0, 0)
    for i, sid in enumerate(unset):
        targets[sid] = share + (1 if i < extra else 0)
    return {sid: int(v or 0) for sid, v in targets.items()}


def set_registration_target(conn: sqlite3.Connection, target: int, station: str = "") -> None:
    key = f"{TARGET_KEY}.{station}" if station else TARGET_KEY
    conn.execute("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", (key, str(target)))


def dispatch_report(
    conn: sqlite3.Connection, period: Period, now: datetime, progress: Progress
) -> ReportDoc:
    """月调度表: registrations of the month and of the year so far against each target."""
    doc = _doc(conn, "dispatch", "零工市场建设月调度表", period, now)
    year = Period(period.start.replace(month=1, day=1), period.end)
    stations = covered_stations(conn)
    everyone = covered_stations(conn, everyone=True)
    targets = registration_targets(conn, everyone)
    days_in_year = 366 if monthrange(year.start.year, 2)[1] == 29 else 365
    time_share = year.days / days_in_year
    table = Table(
        "月调度表",
        [
            Column("驿站", width=26),
            Column("年度注册目标", "int", 12),
            Column("本月注册", "int", 10),
            Column("年内累计注册", "int", 12),
            Column("目标完成率", "percent", 11),
            Column("本月发布岗位", "int", 11),
            Column("本月成功就业", "int", 11),
            Column("进度", width=10),
        ],
    )
    rows = []
    for info in stations:
        progress(f"正在统计：{info.name}")
        month, ytd = period_stats(conn, period, info.id), period_stats(conn, year, info.id)
        target = targets.get(info.id, 0)
        rate = ytd["registrations"] / target if target else 0.0
        state = "" if not target else ("达到进度" if rate >= time_share else "落后于进度")
        table.rows.append(
            [
                info.name,
                target,
                int(month["registrations"]),
                int(ytd["registrations"]),
                rate,
                int(month["postings"]),
                int(month["placements"]),
                state,
            ]
        )
        rows.append(
            {
                "id": info.id,
                "name": info.name,
                "target": target,
                "month": _figures(month),
                "year_to_date": _figures(ytd),
            }
        )
    sums = [sum(int(r[i]) for r in table.rows) for i in (1, 2, 3, 5, 6)]  # type: ignore[arg-type]
    total_rate = sums[2] / sums[0] if sums[0] else 0.0
    table.totals = ["合计", sums[0], sums[1], sums[2], total_rate, sums[3], sums[4], ""]
    doc.header_lines.append(
        f"时间进度：{time_share * 100:.1f}%（{year.start:%Y年}已过{year.days}天）；"
        f"全区年度注册目标 {sum(targets.values()):,} 人"
    )
    doc.tables = [table]
    doc.notes = [
        "注册：在本驿站登记的求职人员（按登记时间）。",
        "年度注册目标：设置项 report.registration_target（默认100,000人）按驿站平均分配，"
        "单个驿站可用 report.registration_target.<驿站编号> 单独设定。",
        "进度：年内累计完成率不低于时间进度为“达到进度”。",
    ]
    doc.data.update(stations=rows, time_share=round(time_share, 4))
    return doc


def rating_report(
    conn: sqlite3.Connection, period: Period, now: datetime, progress: Progress
) -> ReportDoc:
    """星级评定的可量化部分: operation, service standard and effect, per station."""
    doc = _doc(conn, "rating", "驿站星级评定指标", period, now)
    table = Table(
        "星级评定指标",
        [
            Column("驿站", width=24),
            Column("信息完整度", width=10),
            Column("开放时间", width=14),
            Column("本月新登记", "int", 10),
            Column("“131”完成率", "percent", 11),
            Column("3天内回访率", "percent", 11),
            Column("成功就业人次", "int", 11),
            Column("日均成功就业", "float", 11),
            Column("快招当日录用率", "percent", 12),
        ],
    )
    rows = []
    for info, stats in _stations_stats(conn, period, progress):
        filled = f"{info.profile_filled}/{len(PROFILE_FIELDS)}"
        table.rows.append(
            [
                info.name,
                filled,
                info.opening_hours or "未公开",
                int(stats["registrations"]),
                stats["hardship_rate"],
                stats["follow_up_rate"],
                int(stats["placements"]),
                stats["daily_placements"],
                stats["quick_rate"],
            ]
        )
        rows.append(
            {
                "id": info.id,
                "name": info.name,
                "profile_filled": info.profile_filled,
                "opening_hours": info.opening_hours,
                "figures": _figures(stats),
            }
        )
    doc.tables = [table]
    doc.notes = [
        "运营管理（可量化）：驿站信息完整度＝名称、地址、开放时间、工种、电话、服务热线、"
        "投诉渠道七项中已填写的项数；开放时间取驿站信息；本月新登记求职人数。",
        "服务规范（可量化）：“131”完成率＝期末困难零工中已得到1次职业指导、3次岗位推荐、"
        "1次技能培训的比例；3天内回访率＝推荐后3天内记录了结果的比例。",
        "服务效能（可量化）：成功就业人次（推荐结果为已录用）、日均成功就业、即时快招当日录用率。",
        "不能由本系统量化、需现场考核的部分：场地面积与功能分区、便民设施、服务队伍、"
        "服务态度与群众满意度、消防与安全等。本表只提供数据，不自动评定星级。",
    ]
    doc.data["stations"] = rows
    return doc


def build_report(
    conn: sqlite3.Connection,
    kind: str,
    day: date,
    now: datetime,
    progress: Progress | None = None,
) -> ReportDoc:
    """The report of ``kind`` for the day (daily) or the month containing it (the others)."""
    report = progress or (lambda _text: None)
    if kind == "daily":
        return summary_report(conn, kind, day_period(day), now, report)
    period = month_period(day, now.date())
    if kind == "monthly":
        return summary_report(conn, kind, period, now, report)
    builders = {"directory": directory_report, "dispatch": dispatch_report, "rating": rating_report}
    if kind not in builders:
        raise ValueError(f"unknown report kind: {kind}")
    return builders[kind](conn, period, now, report)


__all__ = ["DEFINITIONS", "KINDS", "Cell", "build_report", "set_registration_target"]
