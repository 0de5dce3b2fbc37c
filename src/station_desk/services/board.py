"""What the lobby board shows and how it is set up (no Qt).

The board reads open postings, this station's public profile and its own settings; it never
reads a worker row. Postings come through one read-only SQLite connection the board keeps
open, so ``data_version`` tells cheaply whether anyone else has written since the last look.
Board settings live in the local ``setting`` table (never synced).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from station_desk.domain.pay import format_pay
from station_desk.domain.posting import EMPLOYMENT_MODES, PAY_METHODS, label_of
from station_desk.services.context import Desk, get_setting, put_setting
from station_desk.services.station import station_profile
from station_desk.store import driver
from station_desk.store.db import BUSY_TIMEOUT_MS, sqlite_connection
from station_desk.store.driver import sqlite3
from station_desk.store.rows import stored_time

PAGE_SECONDS_KEY = "board.page_seconds"
QR_URL_KEY = "board.qr_url"
QR_CAPTION_KEY = "board.qr_caption"
NOTICES_KEY = "board.notices"
SHOW_PHONE_KEY = "board.show_employer_phone"
SPEECH_KEY = "board.speech"
SCREEN_KEY = "board.screen"

DEFAULT_PAGE_SECONDS = 12
MIN_PAGE_SECONDS = 5
MAX_PAGE_SECONDS = 120
DEFAULT_QR_CAPTION = "扫码注册灵工邦，找活更方便"
DEFAULT_SCREEN = 1  # the second monitor
MAX_NOTICES = 20
MAX_NOTICE_CHARS = 80
NEW_WITHIN = timedelta(hours=24)
_UNSET = "\x00unset"

_POSTINGS_SQL = """
SELECT p.id, p.occupation_name, e.name AS employer_name, p.headcount, p.employment_mode,
       p.pay_min, p.pay_max, p.pay_unit, p.pay_method, p.work_location, p.work_hours,
       p.contact_phone, e.phone AS employer_phone, p.is_quick, p.published_at,
       p.origin_station = :station AS own
FROM posting p LEFT JOIN employer e ON e.id = p.employer_id
WHERE p.status = 'open' AND NOT p.deleted
  AND (p.expiry_date IS NULL OR p.expiry_date >= :today)
ORDER BY own DESC, p.is_quick DESC, p.published_at DESC, p.id
"""


@dataclass(frozen=True)
class BoardSettings:
    page_seconds: int = DEFAULT_PAGE_SECONDS
    qr_url: str = ""  # empty: no QR code on the board
    qr_caption: str = DEFAULT_QR_CAPTION
    notices: tuple[str, ...] = ()
    show_employer_phone: bool = False
    speech: bool = False
    screen: int = DEFAULT_SCREEN


@dataclass(frozen=True)
class BoardPosting:
    """One posting as the lobby sees it: public job facts, no contact person."""

    id: str
    occupation: str
    employer: str
    headcount: int
    pay: str
    mode: str
    method: str
    location: str
    hours: str
    phone: str  # "" unless the board is set to show employer phones
    is_new: bool
    is_quick: bool
    own: bool


@dataclass(frozen=True)
class StationInfo:
    name: str = ""
    address: str = ""
    opening_hours: str = ""
    hotline: str = ""
    complaint_channel: str = ""

    @property
    def empty(self) -> bool:
        return not any((self.address, self.opening_hours, self.hotline, self.complaint_channel))


@dataclass(frozen=True)
class BoardContent:
    postings: tuple[BoardPosting, ...] = ()
    station: StationInfo = field(default_factory=StationInfo)
    settings: BoardSettings = field(default_factory=BoardSettings)


# -- settings ------------------------------------------------------------------------------


def _int(text: str, default: int, low: int, high: int) -> int:
    try:
        return max(low, min(high, int(text)))
    except ValueError:
        return default


def clean_notices(notices: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Non-empty, trimmed, at most MAX_NOTICES texts of at most MAX_NOTICE_CHARS each."""
    kept = [" ".join(str(n).split())[:MAX_NOTICE_CHARS] for n in notices]
    return tuple(n for n in kept if n)[:MAX_NOTICES]


def _notices(text: str) -> tuple[str, ...]:
    try:
        value = json.loads(text) if text else []
    except json.JSONDecodeError:
        return ()
    return clean_notices(value) if isinstance(value, list) else ()


def _read_settings(get) -> BoardSettings:
    caption = get(QR_CAPTION_KEY, None)
    return BoardSettings(
        page_seconds=_int(
            get(PAGE_SECONDS_KEY, ""), DEFAULT_PAGE_SECONDS, MIN_PAGE_SECONDS, MAX_PAGE_SECONDS
        ),
        qr_url=(get(QR_URL_KEY, "") or "").strip(),
        qr_caption=DEFAULT_QR_CAPTION if caption is None else caption,
        notices=_notices(get(NOTICES_KEY, "")),
        show_employer_phone=get(SHOW_PHONE_KEY, "") == "1",
        speech=get(SPEECH_KEY, "") == "1",
        screen=_int(get(SCREEN_KEY, ""), DEFAULT_SCREEN, 0, 16),
    )


def load_board_settings(desk: Desk) -> BoardSettings:
    with desk.db.read() as session:
        values = {key: value for key, value in _setting_rows(sqlite_connection(session))}
    return _read_settings(lambda key, default: values.get(key, default))


def save_board_settings(desk: Desk, settings: BoardSettings) -> BoardSettings:
    """Store the settings in one transaction (audited); returns them as stored."""
    cleaned = BoardSettings(
        page_seconds=max(MIN_PAGE_SECONDS, min(MAX_PAGE_SECONDS, int(settings.page_seconds))),
        qr_url=settings.qr_url.strip(),
        qr_caption=" ".join(settings.qr_caption.split()),
        notices=clean_notices(settings.notices),
        show_employer_phone=settings.show_employer_phone,
        speech=settings.speech,
        screen=max(0, int(settings.screen)),
    )
    values = {
        PAGE_SECONDS_KEY: str(cleaned.page_seconds),
        QR_URL_KEY: cleaned.qr_url,
        QR_CAPTION_KEY: cleaned.qr_caption,
        NOTICES_KEY: json.dumps(list(cleaned.notices), ensure_ascii=False),
        SHOW_PHONE_KEY: "1" if cleaned.show_employer_phone else "0",
        SPEECH_KEY: "1" if cleaned.speech else "0",
        SCREEN_KEY: str(cleaned.screen),
    }
    with desk.transaction() as tx:
        changed = [k for k, v in values.items() if get_setting(tx.session, k, _UNSET) != v]
        for key in changed:
            put_setting(tx.session, key, values[key])
        if changed:
            tx.audit("edit_board_settings", detail=",".join(changed))
    return cleaned


def _setting_rows(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    return conn.execute("SELECT key, value FROM setting WHERE key LIKE 'board.%'").fetchall()


# -- content -------------------------------------------------------------------------------


def open_board_connection(path: Path | str) -> sqlite3.Connection:
    """A connection that can only read (the board never writes), kept open by the board."""
    conn = driver.connect(str(path), check_same_thread=False, timeout=1.0)
    conn.isolation_level = None
    conn.execute(f"PRAGMA busy_timeout = {min(BUSY_TIMEOUT_MS, 1000)}")
    conn.execute("PRAGMA query_only = ON")
    return conn


def data_version(conn: sqlite3.Connection) -> int:
    """Changes whenever another connection commits a write to the database."""
    return int(conn.execute("PRAGMA data_version").fetchone()[0])


def board_postings(
    conn: sqlite3.Connection, station_id: str, now: datetime, show_phone: bool
) -> tuple[BoardPosting, ...]:
    """Open postings not past their closing date: this station's first, quick ones first
    within each group, newest first."""
    cursor = conn.execute(_POSTINGS_SQL, {"station": station_id, "today": now.date().isoformat()})
    names = [d[0] for d in cursor.description]
    result = []
    for values in cursor:
        row = dict(zip(names, values, strict=True))
        published = stored_time(row["published_at"])
        phone = (row["contact_phone"] or row["employer_phone"] or "") if show_phone else ""
        result.append(
            BoardPosting(
                id=row["id"],
                occupation=row["occupation_name"] or "",
                employer=row["employer_name"] or "",
                headcount=int(row["headcount"] or 0),
                pay=format_pay(row["pay_min"], row["pay_max"], row["pay_unit"]),
                mode=label_of(EMPLOYMENT_MODES, row["employment_mode"]),
                method=label_of(PAY_METHODS, row["pay_method"]),
                location=row["work_location"] or "",
                hours=row["work_hours"] or "",
                phone=phone,
                is_new=published is not None and now - published < NEW_WITHIN,
                is_quick=bool(row["is_quick"]),
                own=bool(row["own"]),
            )
        )
    return tuple(result)


def board_station(desk: Desk) -> StationInfo:
    station = station_profile(desk)
    if station is None or station.deleted:
        return StationInfo()
    return StationInfo(
        name=station.name,
        address=station.address,
        opening_hours=station.opening_hours,
        hotline=station.hotline,
        complaint_channel=station.complaint_channel,
    )


def load_board(desk: Desk, conn: sqlite3.Connection, now: datetime) -> BoardContent:
    """Everything the board shows, read afresh. Raises sqlite3/SQLAlchemy errors when the
    database is busy; the board tries again at its next tick."""
    rows = dict(_setting_rows(conn))
    settings = _read_settings(lambda key, default: rows.get(key, default))
    return BoardContent(
        postings=board_postings(conn, desk.station_id, now, settings.show_employer_phone),
        station=board_station(desk),
        settings=settings,
    )
