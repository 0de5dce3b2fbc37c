"""Local settings (key → text) in the setting table; never synced."""

from __future__ import annotations

from sqlmodel import Session

from station_desk.store.models import Setting

STATION_ID_KEY = "station.id"
HLC_KEY = "hlc.last"
CURSOR_KEY = "sync.cursor"  # the last district sequence number pulled


def get_setting(session: Session, key: str, default: str = "") -> str:
    row = session.get(Setting, key)
    return row.value if row is not None else default


def put_setting(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
        session.add(row)
