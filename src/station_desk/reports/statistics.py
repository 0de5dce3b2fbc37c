"""Every figure the reports show, computed here and only here: plain SQL over a sqlite3
connection, one query per figure, each figure carrying the ids it counted and the query that
found them, so any number in a report can be traced back to its records.

Scope: ``station=None`` counts every station in the database (the district, at the market's
desk); a station id counts the rows that station created (``origin_station``). A period is a
half-open range of days [start, end).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from station_desk.domain.hardship import GUIDANCE, NEEDED, SERVICE_KINDS, TRAINING
from station_desk.domain.referral import FOLLOW_UP_AFTER
from station_desk.domain.worker import OLDER_AGE
from station_desk.services.hardship import OLDER_AGE_KEYS
from station_desk.store.driver import sqlite3
from station_desk.store.settings import STATION_ID_KEY

PROFILE_FIELDS = (
    "name",
    "address",
    "opening_hours",
    "trades",
    "phone",
    "hotline",
    "complaint_channel",
)


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # exclusive

    @property
    def days(self) -> int:
        return max(1, (self.end - self.start).days)

    @property
    def bounds(self) -> tuple[str, str]:
        return self.start.isoformat(), self.end.isoformat()

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)


@dataclass(frozen=True)
class Figure:
    """One number with what it counted: the record ids and the query (with its parameters)."""

    key: str
    label: str
    value: float
    ids: tuple[str, ...] = ()
    query: str = ""
    params: tuple[object, ...] = ()

    def trace(self) -> dict[str, object]:
        query = " ".join(self.query.split())
        return {"query": query, "params": list(self.params), "ids": list(self.ids)}


@dataclass(frozen=True)
class Stats:
    station: str | None
    period: Period
    figures: dict[str, Figure] = field(default_factory=dict)

    def __getitem__(self, key: str) -> float:
        return self.figures[key].value


@dataclass(frozen=True)
class StationInfo:
    id: str
    name: str
    kind: str = "station"
    address: str = ""
    opening_hours: str = ""
    trades: str = ""
    phone: str = ""
    hotline: str = ""
    complaint_channel: str = ""
    has_profile: bool = True

    @property
    def profile_filled(self) -> int:
        return sum(1 for name in PROFILE_FIELDS if str(getattr(self, name)).strip())


def _scope(column: str, station: str | None) -> tuple[str, tuple[object, ...]]:
    return (f" AND {column} = ?", (station,)) if station is not None else ("", ())


def _count(conn: sqlite3.Connection, key: str, label: str, sql: str, params: tuple) -> Figure:
    ids = tuple(str(row[0]) for row in conn.execute(sql, params))
    return Figure(key, label, len(ids), ids, sql, params)


def _total(conn: sqlite3.Connection, key: str, label: str, sql: str, params: tuple) -> Figure:
    """Rows of (id, amount): the figure is the sum of the amounts."""
    rows = conn.execute(sql, params).fetchall()
    value = sum(float(amount or 0) for _, amount in rows)
    return Figure(key, label, value, tuple(str(r[0]) for r in rows), sql, params)


def _ratio(key: str, label: str, part: Figure, whole: Figure) -> Figure:
    value = part.value / whole.value if whole.value else 0.0
    return Figure(key, label, value, part.ids, f"{part.key} / {whole.key}")


def _older_cutoffs(conn: sqlite3.Connection, day: date) -> tuple[str, str]:
    """Born on or before these days (男, 女): at or over the 大龄 line on ``day``."""
    ages = dict(OLDER_AGE)
    for sex, key in OLDER_AGE_KEYS.items():
        row = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        if row and str(row[0]).isdigit():
            ages[sex] = int(row[0])

    def cutoff(age: int) -> str:
        try:
            return day.replace(year=day.year - age).isoformat()
        except ValueError:  # 29 February
            return day.replace(year=day.year - age, day=28).isoformat()

    return cutoff(ages["男"]), cutoff(ages["女"])


_HARDSHIP_SQL = """
SELECT w.id FROM worker w
WHERE NOT w.deleted AND w.status = 'active' AND w.registered_at < ?{scope} AND (
    w.hardship_long_wait OR w.hardship_low_income OR w.hardship_disability
    OR (w.hardship_older AND w.birth_date IS NULL)
    OR (w.sex = '男' AND w.birth_date <= ?) OR (w.sex = '女' AND w.birth_date <= ?))
"""
_COMPLETE_SQL = """
 AND (SELECT count(*) FROM service s WHERE s.worker_id = w.id AND s.kind = ? AND NOT s.deleted
      AND s.served_at < ?) >= ?
 AND (SELECT count(*) FROM referral r WHERE r.worker_id = w.id AND NOT r.deleted
      AND r.referred_at < ?) >= ?
 AND (SELECT count(*) FROM service s WHERE s.worker_id = w.id AND s.kind = ? AND NOT s.deleted
      AND s.served_at < ?) >= ?
"""


def hardship_figures(conn: sqlite3.Connection, period: Period, station: str | None) -> list[Figure]:
    """Hardship workers on the period's last day (the same rule as the 131 ledger, with the
    configured 大龄 line) and those owed nothing of 1 guidance, 3 recommendations, 1 training
    given before the period's end."""
    end = period.end.isoformat()
    scope, sp = _scope("w.origin_station", station)
    base_sql = _HARDSHIP_SQL.format(scope=scope)
    base = (end, *sp, *_older_cutoffs(conn, period.last_day))
    workers = _count(conn, "hardship_workers", "困难零工人数", base_sql, base)
    done_params = (
        *base,
        *(GUIDANCE, end, NEEDED["guidance"], end, NEEDED["recommendations"]),
        *(TRAINING, end, NEEDED["training"]),
    )
    done = _count(
        conn, "hardship_complete", "“131”已完成人数", base_sql + _COMPLETE_SQL, done_params
    )
    return [workers, done, _ratio("hardship_rate", "“131”完成率", done, workers)]


def period_stats(conn: sqlite3.Connection, period: Period, station: str | None) -> Stats:
    """All figures of one station (or every station: None) for the period."""
    start, end = period.bounds
    f: dict[str, Figure] = {}

    def add(figure: Figure) -> Figure:
        f[figure.key] = figure
        return figure

    def within(table: str, column: str, scope_col: str = "origin_station") -> tuple[str, tuple]:
        scope, sp = _scope(scope_col, station)
        sql = f"SELECT id FROM {table} WHERE NOT deleted AND {column} >= ? AND {column} < ?"
        return sql + scope, (start, end, *sp)

    add(_count(conn, "registrations", "新登记求职人数", *within("worker", "registered_at")))
    scope, sp = _scope("origin_station", station)
    add(
        _count(
            conn,
            "active_workers",
            "在册求职人数",
            "SELECT id FROM worker WHERE NOT deleted AND status = 'active' "
            "AND registered_at < ?" + scope,
            (end, *sp),
        )
    )
    add(_count(conn, "employers", "新登记用工主体", *within("employer", "registered_at")))
    add(_count(conn, "postings", "发布岗位数", *within("posting", "published_at")))
    sql, params = within("posting", "published_at")
    add(
        _total(
            conn, "headcount", "招聘人数", sql.replace("SELECT id", "SELECT id, headcount"), params
        )
    )
    add(_count(conn, "referrals", "岗位推荐次数", *within("referral", "referred_at")))
    scope, sp = _scope("r.origin_station", station)
    placements = add(
        _count(
            conn,
            "placements",
            "成功就业人次",
            "SELECT r.id FROM referral r JOIN referral_outcome o ON o.referral_id = r.id "
            "WHERE NOT r.deleted AND NOT o.deleted AND o.outcome = 'hired'"
            + scope
            + " GROUP BY r.id HAVING min(o.at) >= ? AND min(o.at) < ?",
            (*sp, start, end),
        )
    )
    add(
        Figure(
            "daily_placements",
            "日均成功就业人次",
            placements.value / period.days,
            placements.ids,
            f"placements / {period.days} 天",
        )
    )
    scope, sp = _scope("p.origin_station", station)
    quick_sql = (
        "SELECT p.id FROM posting p WHERE NOT p.deleted AND p.is_quick "
        "AND p.published_at >= ? AND p.published_at < ?" + scope
    )
    quick = add(_count(conn, "quick_postings", "即时快招岗位数", quick_sql, (start, end, *sp)))
    same_day = add(
        _count(
            conn,
            "quick_same_day",
            "快招当日录用岗位数",
            quick_sql
            + " AND EXISTS (SELECT 1 FROM referral r JOIN referral_outcome o ON o.referral_id = r.id"
            " WHERE r.posting_id = p.id AND o.outcome = 'hired' AND NOT r.deleted AND NOT o.deleted"
            " AND substr(o.at, 1, 10) = substr(p.published_at, 1, 10))",
            (start, end, *sp),
        )
    )
    add(_ratio("quick_rate", "即时快招当日录用率", same_day, quick))
    for figure in hardship_figures(conn, period, station):
        add(figure)
    add(_count(conn, "services", "服务人次", *within("service", "served_at")))
    for code, label in SERVICE_KINDS:
        sql, params = within("service", "served_at")
        add(_count(conn, f"service.{code}", label, sql + " AND kind = ?", (*params, code)))
    add(_count(conn, "cases", "受理维权案件", *within("rights_case", "opened_at")))
    sql, params = within("rights_case", "opened_at")
    add(
        _total(
            conn,
            "amount_owed",
            "涉及金额（元）",
            sql.replace("SELECT id", "SELECT id, amount_owed"),
            params,
        )
    )
    scope, sp = _scope("c.origin_station", station)
    add(
        _total(
            conn,
            "amount_recovered",
            "追回金额（元）",
            "SELECT e.id, e.amount_recovered FROM rights_case_event e JOIN rights_case c "
            "ON c.id = e.case_id WHERE NOT e.deleted AND NOT c.deleted AND e.amount_recovered > 0 "
            "AND e.at >= ? AND e.at < ?" + scope,
            (start, end, *sp),
        )
    )
    add(_count(conn, "tool_loans", "工具借用次数", *within("tool_loan", "lent_at")))
    for figure in follow_up_figures(conn, period, station):
        add(figure)
    return Stats(station, period, f)


def follow_up_figures(
    conn: sqlite3.Connection, period: Period, station: str | None
) -> list[Figure]:
    """Referrals made in the period whose 3-day window has closed by the period's end (or that
    already have a step), and those of them with an outcome step recorded within 3 days."""
    start, end = period.bounds
    hours = int(FOLLOW_UP_AFTER.total_seconds() // 3600)
    scope, sp = _scope("r.origin_station", station)
    first = (
        "(SELECT min(o.at) FROM referral_outcome o WHERE o.referral_id = r.id AND NOT o.deleted)"
    )
    base = (
        "SELECT r.id FROM referral r WHERE NOT r.deleted AND r.referred_at >= ? "
        "AND r.referred_at < ?" + scope
    )
    window = f"datetime(r.referred_at, '+{hours} hours')"
    due = _count(
        conn,
        "referrals_due",
        "应回访推荐数",
        base + f" AND ({window} <= ? OR {first} IS NOT NULL)",
        (start, end, *sp, end),
    )
    done = _count(
        conn,
        "referrals_followed",
        "3天内回访推荐数",
        base + f" AND {first} IS NOT NULL AND datetime({first}) <= {window}",
        (start, end, *sp),
    )
    return [due, done, _ratio("follow_up_rate", "3天内回访率", done, due)]


def per_day(conn: sqlite3.Connection, period: Period, station: str | None) -> dict[str, int]:
    """Placements (first hire of a referral) per day of the period, every day listed."""
    scope, sp = _scope("r.origin_station", station)
    rows = conn.execute(
        "SELECT day, count(*) FROM (SELECT substr(min(o.at), 1, 10) AS day FROM referral r "
        "JOIN referral_outcome o ON o.referral_id = r.id WHERE NOT r.deleted AND NOT o.deleted "
        "AND o.outcome = 'hired'" + scope + " GROUP BY r.id) WHERE day >= ? AND day < ? "
        "GROUP BY day",
        (*sp, *period.bounds),
    )
    counts = dict(rows.fetchall())
    days = [period.start + timedelta(days=i) for i in range((period.end - period.start).days)]
    return {d.isoformat(): int(counts.get(d.isoformat(), 0)) for d in days}


def postings_by_trade(
    conn: sqlite3.Connection, period: Period, station: str | None, limit: int = 10
) -> list[tuple[str, int, int]]:
    """(occupation, postings, headcount) of postings published in the period, most wanted first."""
    scope, sp = _scope("origin_station", station)
    rows = conn.execute(
        "SELECT occupation_name, count(*), sum(headcount) FROM posting WHERE NOT deleted "
        "AND published_at >= ? AND published_at < ?" + scope + " GROUP BY occupation_name "
        "ORDER BY sum(headcount) DESC, count(*) DESC, occupation_name LIMIT ?",
        (*period.bounds, *sp, limit),
    )
    return [(str(name), int(n), int(h or 0)) for name, n, h in rows]


def this_station_id(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT value FROM setting WHERE key = ?", (STATION_ID_KEY,)).fetchone()
    return str(row[0]) if row else ""


def _info(row: sqlite3.Row | tuple) -> StationInfo:
    return StationInfo(*(str(v or "") for v in row))


def station_info(conn: sqlite3.Connection, station_id: str) -> StationInfo:
    row = conn.execute(
        f"SELECT id, name, kind, {', '.join(PROFILE_FIELDS[1:])} FROM station "
        "WHERE id = ? AND NOT deleted",
        (station_id,),
    ).fetchone()
    if row is None:
        return StationInfo(station_id, "本驿站", has_profile=False)
    return _info(row)


def is_market_desk(conn: sqlite3.Connection) -> bool:
    return station_info(conn, this_station_id(conn)).kind == "market"


def covered_stations(conn: sqlite3.Connection, everyone: bool = False) -> list[StationInfo]:
    """This station; at the market's desk (or with everyone=True), every station known here:
    the synced profiles and any station id that created records but has no profile yet. The
    market first."""
    me = this_station_id(conn)
    if not everyone and not is_market_desk(conn):
        return [station_info(conn, me)]
    rows = conn.execute(
        f"SELECT id, name, kind, {', '.join(PROFILE_FIELDS[1:])} FROM station WHERE NOT deleted"
    ).fetchall()
    stations = [_info(row) for row in rows]
    if me and me not in {s.id for s in stations}:
        stations.append(station_info(conn, me))
    known = {s.id for s in stations}
    for table in ("worker", "posting", "referral"):
        for (sid,) in conn.execute(f"SELECT DISTINCT origin_station FROM {table}"):
            if sid and sid not in known:
                known.add(sid)
                stations.append(StationInfo(sid, f"未建档驿站（{sid[:8]}）", has_profile=False))
    stations.sort(key=lambda s: (s.kind != "market", s.name, s.id))
    return stations
