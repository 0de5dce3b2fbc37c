"""This station's profile."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

from station_desk.domain.station import StationDraft
from station_desk.services.context import Desk, ValidationFailed
from station_desk.services.station import save_station_profile, station_name, station_profile
from station_desk.store.db import Database
from station_desk.store.models import Outbox


def test_profile_is_created_once_then_edited(tmp_path: Path) -> None:
    desk = Desk(Database(tmp_path / "station.db"))
    assert station_profile(desk) is None
    assert station_name(desk) == "本驿站"
    draft = StationDraft(name="青山镇零工驿站", kind="零工驿站", hotline="12333")
    first = save_station_profile(desk, draft)
    assert first.id == desk.station_id and first.kind == "station"
    draft.opening_hours = "周一至周六 7:30-17:30"
    save_station_profile(desk, draft)
    profile = station_profile(desk)
    assert profile is not None and profile.opening_hours == "周一至周六 7:30-17:30"
    assert station_name(desk) == "青山镇零工驿站"
    with desk.db.read() as session:
        assert [o.record_kind for o in session.exec(select(Outbox))] == ["station", "station"]


def test_profile_needs_a_name_and_a_known_kind(tmp_path: Path) -> None:
    desk = Desk(Database(tmp_path / "station.db"))
    with pytest.raises(ValidationFailed) as refused:
        save_station_profile(desk, StationDraft(name=" ", kind="超市"))
    assert set(refused.value.errors) == {"name", "kind"}
