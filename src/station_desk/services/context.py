"""What every service needs: the database, who is at the counter, the clock, and a
transaction helper that stamps changes, appends them to the outbox and writes the audit log."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from station_desk.domain.hlc import Hlc, tick
from station_desk.domain.text import CONTROL_RE, drop_control_chars
from station_desk.store import search, trade_index
from station_desk.store.db import Database, sqlite_connection
from station_desk.store.models import (
    SYNC_COLUMN_NAMES,
    AuditLog,
    Employer,
    Outbox,
    Setting,
    Station,
    SyncColumns,
    json_value,
    new_id,
    record_fields,
)
from station_desk.store.settings import HLC_KEY, STATION_ID_KEY, get_setting, put_setting

SEARCHABLE = frozenset(search.KINDS)


class ValidationFailed(Exception):
    """Input was refused; errors maps each field to a Chinese message for the form."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("；".join(errors.values()))
        self.errors = errors


class NotFound(LookupError):
    pass


ADMIN = "admin"
STAFF = "staff"


class PermissionDenied(PermissionError):
    """The signed-in staff account may not do this (message in Chinese)."""


def record_kind(record: SyncColumns) -> str:
    return type(record).__tablename__  # type: ignore[return-value]


@dataclass
class Desk:
    """The counter: the database plus who is working it. Passed to every service."""

    db: Database
    staff: str = "柜台"
    # admin | staff. Command-line use runs as admin: whoever can run it already holds the
    # Windows account that owns the data folder.
    role: str = ADMIN
    clock: Callable[[], float] = time.time
    _station_id: str | None = field(default=None, repr=False)

    @property
    def is_admin(self) -> bool:
        return self.role == ADMIN

    def require_admin(self, what: str) -> None:
        """Refuse an administrator's action to a counter-staff account."""
        if not self.is_admin:
            raise PermissionDenied(f"只有管理员可以{what}，请让管理员登录后操作。")

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.clock()).replace(microsecond=0)

    def today(self) -> date:
        return self.now().date()

    @property
    def station_id(self) -> str:
        if self._station_id is None:
            # Read first: this may be asked inside another connection's write transaction.
            with self.db.read() as session:
                station_id = get_setting(session, STATION_ID_KEY)
            if not station_id:
                with self.db.write() as session:
                    station_id = get_setting(session, STATION_ID_KEY) or new_id()
                    put_setting(session, STATION_ID_KEY, station_id)
            self._station_id = station_id
        return self._station_id

    @contextmanager
    def transaction(self) -> Iterator[Tx]:
        station_id = self.station_id
        with self.db.write() as session:
            yield Tx(self, session, station_id)


class Tx:
    """One counter action's transaction."""

    def __init__(self, desk: Desk, session: Session, station_id: str) -> None:
        self.desk = desk
        self.session = session
        self.station_id = station_id
        self._last: Hlc | None = None
        self._clock_row: Setting | None = None

    def stamp(self) -> str:
        """The next HLC stamp; the clock's last value is kept in settings in this transaction."""
        if self._clock_row is None:
            self._clock_row = self.session.get(Setting, HLC_KEY) or Setting(key=HLC_KEY)
            self._last = Hlc.decode(self._clock_row.value) if self._clock_row.value else None
        self._last = tick(self._last, int(self.desk.clock() * 1000), self.station_id)
        self._clock_row.value = self._last.encode()
        self.session.add(self._clock_row)
        return self._clock_row.value

    def save(self, record: SyncColumns, changed: list[str] | None = None) -> None:
        """Write a new record (changed=None: all fields) or the named changed fields, with
        their HLC stamps, and append the change to the outbox."""
        hlc = self.stamp()
        is_new = changed is None
        names = record_fields(type(record)) if is_new else changed
        for name in names:
            value = getattr(record, name)
            if isinstance(value, str) and CONTROL_RE.search(value):
                setattr(record, name, drop_control_chars(value))
        if is_new:
            record.created_hlc = hlc
            record.origin_station = record.origin_station or self.station_id
        base: dict[str, str] = {}
        if not is_new:
            stamps = json.loads(record.field_hlc or "{}")
            base = {name: stamps.get(name, record.created_hlc) for name in names}
            stamps.update(dict.fromkeys(names, hlc))
            record.field_hlc = json.dumps(stamps, sort_keys=True)
        record.updated_hlc = hlc
        self.session.add(record)
        fields = {name: json_value(getattr(record, name)) for name in names}
        if record.deleted:
            fields["deleted"] = True
        if is_new:
            fields["origin_station"] = record.origin_station
        self.session.add(
            Outbox(
                record_kind=record_kind(record),
                record_id=record.id,
                fields=json.dumps(fields, ensure_ascii=False, sort_keys=True),
                hlc=hlc,
                base=json.dumps(base, sort_keys=True),
                created_at=self.desk.now(),
            )
        )
        kind = record_kind(record)
        if kind in SEARCHABLE:
            self._index(kind, record)

    def _index(self, kind: str, record: SyncColumns) -> None:
        conn = sqlite_connection(self.session)
        if kind == "worker":
            trade_index.index_worker(conn, record.model_dump())
        if record.deleted:
            search.remove_document(conn, kind, record.id)
        elif kind == "employer":
            # An employer's name is also in its postings' documents, which are re-read from
            # the tables, so the change must be there first. Rare enough to flush for.
            self.session.flush()
            search.index_record(conn, kind, record.id)
        else:
            # Built from the values in hand: no flush, so a bulk import stays one batch.
            row = record.model_dump()
            if kind == "posting":
                employer = self.session.get(Employer, row["employer_id"])
                row["employer_name"] = employer.name if employer is not None else ""
            search.index_document(conn, kind, record.id, search.document(kind, row))

    def update(self, record: SyncColumns, values: dict[str, Any]) -> list[str]:
        """Apply the values that differ; save and return the names of the changed fields."""
        changed = [k for k, v in values.items() if getattr(record, k) != v]
        for name in changed:
            if name in SYNC_COLUMN_NAMES:
                raise ValueError(f"{name} is managed by sync")
            setattr(record, name, values[name])
        if changed:
            self.save(record, changed)
        return changed

    def audit(self, action: str, kind: str = "", record_id: str = "", detail: str = "") -> None:
        self.session.add(
            AuditLog(
                at=self.desk.now(),
                staff=self.desk.staff,
                action=action,
                record_kind=kind,
                record_id=record_id,
                detail=detail,
            )
        )


def this_station(session: Session) -> Station | None:
    station_id = get_setting(session, STATION_ID_KEY)
    return session.get(Station, station_id) if station_id else None


def pending_changes(session: Session) -> int:
    statement = select(func.count()).select_from(Outbox).where(Outbox.pushed_at.is_(None))  # type: ignore[union-attr]
    return int(session.exec(statement).one())
