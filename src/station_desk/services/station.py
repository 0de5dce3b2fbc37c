"""This station's profile (驿站信息): name, kind, address, hours, hotline, complaint channel."""

from __future__ import annotations

from dataclasses import asdict

from station_desk.domain.station import StationDraft, validate_station
from station_desk.services.context import Desk, ValidationFailed, this_station
from station_desk.store.models import Station

DEFAULT_STATION_NAME = "本驿站"


def station_profile(desk: Desk) -> Station | None:
    """This station's row, or None before the profile has been filled in."""
    desk.station_id  # noqa: B018 - makes sure the station has its id
    with desk.db.read() as session:
        return this_station(session)


def station_name(desk: Desk) -> str:
    station = station_profile(desk)
    return station.name if station is not None else DEFAULT_STATION_NAME


def save_station_profile(desk: Desk, draft: StationDraft) -> Station:
    """Create or change the profile (administrator only). The station row's id is this
    desk's station id."""
    desk.require_admin("修改驿站信息")
    fields, errors = validate_station(draft)
    if fields is None:
        raise ValidationFailed(errors)
    values = asdict(fields)
    with desk.transaction() as tx:
        station = tx.session.get(Station, tx.station_id)
        if station is None:
            station = Station(id=tx.station_id, **values)
            tx.save(station)
            tx.audit("create_station_profile", "station", station.id)
        elif changed := tx.update(station, values):
            tx.audit("edit_station_profile", "station", station.id, ",".join(changed))
        return station


def draft_from_station(station: Station | None) -> StationDraft:
    if station is None:
        return StationDraft()
    return StationDraft(
        name=station.name,
        kind=station.kind,
        address=station.address,
        opening_hours=station.opening_hours,
        trades=station.trades,
        phone=station.phone,
        hotline=station.hotline,
        complaint_channel=station.complaint_channel,
    )
