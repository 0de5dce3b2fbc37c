"""Provisioning stations (used by the CLI): add, list, revoke."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from .auth import hash_token, new_token
from .db import Database
from .models import ChangeLog, Station, utc_now

STATION_KINDS = ("station", "market")


@dataclass(frozen=True)
class NewStation:
    station_id: str
    token: str  # shown once; only its hash is stored
    name: str
    kind: str


def add_station(db: Database, name: str, kind: str = "station") -> NewStation:
    if kind not in STATION_KINDS:
        raise ValueError(f"kind must be one of {', '.join(STATION_KINDS)}")
    if not name.strip():
        raise ValueError("name must not be empty")
    token = new_token()
    with db.write_session() as session:
        station = Station(name=name.strip(), kind=kind, token_hash=hash_token(token))
        session.add(station)
        session.flush()
        station_id = station.id
    return NewStation(station_id=station_id, token=token, name=name.strip(), kind=kind)


def list_stations(db: Database) -> list[Station]:
    with db.read_session() as session:
        return list(session.execute(select(Station).order_by(Station.created_at)).scalars())


def last_changes(db: Database) -> dict[str, datetime]:
    """When the district last received a change from each station (stations that never sent
    one are missing): how IT sees which station has stopped syncing."""
    statement = select(ChangeLog.station_id, func.max(ChangeLog.received_at)).group_by(
        ChangeLog.station_id
    )
    with db.read_session() as session:
        return {station: at for station, at in session.execute(statement) if at is not None}


def revoke_station(db: Database, station_id: str) -> Station | None:
    """Mark the station revoked (idempotent); None when there is no such station."""
    with db.write_session() as session:
        station = session.get(Station, station_id)
        if station is None:
            return None
        if station.revoked_at is None:
            station.revoked_at = utc_now()
            session.add(station)
        session.flush()
        return station


def reissue_token(db: Database, station_id: str) -> NewStation | None:
    """A new token for an existing station (lost, leaked or revoked): the old one stops
    working, the station keeps its id, so a desk that has synced before simply carries on.
    None when there is no such station."""
    token = new_token()
    with db.write_session() as session:
        station = session.get(Station, station_id)
        if station is None:
            return None
        station.token_hash = hash_token(token)
        station.revoked_at = None
        session.add(station)
        session.flush()
        return NewStation(station_id=station.id, token=token, name=station.name, kind=station.kind)
