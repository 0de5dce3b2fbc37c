"""Table models over query results: the ordered ids in memory, rows loaded lazily by block.

A list of 100,000 records costs one list of ids; the rows on screen are fetched by id in
blocks of BLOCK and cached (the cache is bounded), so scrolling stays smooth.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from station_desk.domain.employer import EMPLOYER_KINDS
from station_desk.domain.enums import label_of
from station_desk.domain.masking import mask_id_number, mask_phone
from station_desk.domain.occupations import occupation_by_code
from station_desk.domain.pay import format_pay
from station_desk.domain.posting import (
    EMPLOYMENT_MODES,
    EXPIRED_LABEL,
    PAY_METHODS,
    posting_state_label,
)
from station_desk.domain.referral import places_left
from station_desk.domain.regions import region_label
from station_desk.domain.worker import WORKER_STATUSES
from station_desk.store import queries
from station_desk.store.driver import sqlite3

BLOCK = 200
SEARCH_LIMIT = 2000
MAX_CACHED_BLOCKS = 64
Row = dict[str, Any]
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    title: str  # English source text, translated in the "Columns" context
    value: Callable[[Row], str]
    width: int = 110


def _date_text(value: Any) -> str:
    if not value:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    return str(value)[:10]


def _age(row: Row) -> str:
    birth = row.get("birth_date")
    if not birth:
        return ""
    born = date.fromisoformat(str(birth)[:10])
    today = date.today()
    return str(today.year - born.year - ((today.month, today.day) < (born.month, born.day)))


def _trades(codes_key: str, text_key: str) -> Callable[[Row], str]:
    """The trades as staff typed them; catalogue names when only codes are known."""

    def value(row: Row) -> str:
        text = row[text_key] or ""
        if text:
            return text
        try:
            codes = json.loads(row[codes_key] or "[]")
        except ValueError:
            codes = []
        names = [o.name for o in (occupation_by_code(str(c)) for c in codes) if o is not None]
        return "、".join(dict.fromkeys(names))

    return value


WORKER_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "Name"), lambda r: r["name"], 100),
    Column(QT_TRANSLATE_NOOP("Columns", "Sex"), lambda r: r["sex"], 56),
    Column(QT_TRANSLATE_NOOP("Columns", "Age"), _age, 56),
    Column(
        QT_TRANSLATE_NOOP("Columns", "ID number"), lambda r: mask_id_number(r["id_number"]), 200
    ),
    Column(QT_TRANSLATE_NOOP("Columns", "Phone"), lambda r: mask_phone(r["phone"]), 130),
    Column(QT_TRANSLATE_NOOP("Columns", "Skills"), _trades("skill_codes", "skills_text"), 150),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Job wanted"),
        _trades("intention_codes", "intentions_text"),
        150,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Registered residence"),
        lambda r: region_label(r["region_code"] or ""),
        190,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Registered on"), lambda r: _date_text(r["registered_at"]), 110
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Status"), lambda r: label_of(WORKER_STATUSES, r["status"]), 80
    ),
)

EMPLOYER_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "Employer name"), lambda r: r["name"], 260),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Type"), lambda r: label_of(EMPLOYER_KINDS, r["kind"]), 100
    ),
    Column(QT_TRANSLATE_NOOP("Columns", "Contact person"), lambda r: r["contact_person"], 110),
    Column(QT_TRANSLATE_NOOP("Columns", "Phone"), lambda r: mask_phone(r["phone"]), 140),
    Column(QT_TRANSLATE_NOOP("Columns", "Address"), lambda r: r["address"], 330),
    Column(QT_TRANSLATE_NOOP("Columns", "Open postings"), lambda r: str(r["open_postings"]), 120),
)


def _pay(row: Row) -> str:
    return format_pay(row["pay_min"], row["pay_max"], row["pay_unit"])


POSTING_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "Occupation"), lambda r: r["occupation_name"], 130),
    Column(QT_TRANSLATE_NOOP("Columns", "Employer"), lambda r: r["employer_name"] or "", 200),
    Column(QT_TRANSLATE_NOOP("Columns", "Headcount"), lambda r: str(r["headcount"]), 64),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Employment"),
        lambda r: label_of(EMPLOYMENT_MODES, r["employment_mode"]),
        96,
    ),
    Column(QT_TRANSLATE_NOOP("Columns", "Pay"), _pay, 140),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Paid"), lambda r: label_of(PAY_METHODS, r["pay_method"]), 90
    ),
    Column(QT_TRANSLATE_NOOP("Columns", "Work location"), lambda r: r["work_location"], 190),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Closing date"), lambda r: _date_text(r["expiry_date"]), 110
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Status"),
        lambda r: posting_state_label(r["status"], r["expiry_date"], date.today()),
        80,
    ),
    # 还缺: headcount less the workers hired through referrals (store.queries.hires_sql).
    Column(
        QT_TRANSLATE_NOOP("Columns", "Places left"),
        lambda r: str(places_left(r["headcount"], r["hires"])),
        64,
    ),
)

COLUMNS: dict[str, tuple[Column, ...]] = {
    "worker": WORKER_COLUMNS,
    "employer": EMPLOYER_COLUMNS,
    "posting": POSTING_COLUMNS,
}

ConnectionFactory = Callable[[], Any]  # a context manager yielding a sqlite3.Connection


class RecordTableModel(QAbstractTableModel):
    """One kind of record (worker, employer or posting) as a lazily loaded table."""

    IdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, kind: str, connect: ConnectionFactory, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.columns = COLUMNS[kind]
        self._connect = connect
        self._ids: list[str] = []
        self._blocks: OrderedDict[int, dict[str, Row]] = OrderedDict()
        self.loaded_blocks = 0  # how many blocks were fetched (for tests and benchmarks)

    # -- contents -------------------------------------------------------------------------

    def set_ids(self, ids: Sequence[str]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._blocks.clear()
        self.endResetModel()

    def reload(self, search: str = "", limit: int = SEARCH_LIMIT) -> None:
        """Fill with every record of the kind, or with the search's matches."""
        with self._connect() as conn:
            self.set_ids(list_ids(conn, self.kind, search, limit))

    @property
    def database_path(self) -> Any:
        return getattr(self._connect, "path", None)

    def record_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: str) -> int:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    def _row(self, row: int) -> Row | None:
        block = row // BLOCK
        cached = self._blocks.get(block)
        if cached is None:
            ids = self._ids[block * BLOCK : (block + 1) * BLOCK]
            with self._connect() as conn:
                cached = queries.record_rows(conn, self.kind, ids)
            self._blocks[block] = cached
            self.loaded_blocks += 1
            while len(self._blocks) > MAX_CACHED_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(block)
        return cached.get(self._ids[row])

    # -- Qt model interface ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        if role == self.IdRole:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole):
            return None
        row = self._row(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            inactive = row.get("status") in ("inactive", "erased", "closed", "filled") or (
                self.kind == "posting"
                and posting_state_label(row["status"], row["expiry_date"], date.today())
                == EXPIRED_LABEL
            )
            return QColor("#8a919c") if inactive else None
        return self.columns[index.column()].value(row)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return QCoreApplication.translate("Columns", self.columns[section].title)
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None


def list_ids(
    conn: sqlite3.Connection, kind: str, search: str, limit: int = SEARCH_LIMIT
) -> list[str]:
    """The ids a list shows: every record of the kind, newest first, or the search's matches."""
    from station_desk.store.search import search_ids

    if search.strip():
        return search_ids(conn, kind, search, limit)
    return queries.record_ids(conn, kind)


def fetch_ids_apart(database_path: Any, kind: str, search: str) -> list[str]:
    """list_ids on a connection of its own, for a worker thread (a list of 100,000 workers
    takes ~150 ms to read, too long for the UI thread while records stream in)."""
    from station_desk.store.db import raw_connection

    conn = raw_connection(database_path)
    try:
        return list_ids(conn, kind, search)
    finally:
        conn.close()


def sqlite_connector(database_path: Any) -> ConnectionFactory:
    """A factory of short read connections to the database file, for the models."""
    from contextlib import contextmanager

    from station_desk.store.db import raw_connection

    holder: dict[str, sqlite3.Connection] = {}

    @contextmanager
    def connect():
        conn = holder.get("conn")
        if conn is None:
            conn = holder["conn"] = raw_connection(database_path)
        yield conn

    connect.path = database_path  # type: ignore[attr-defined]
    return connect
