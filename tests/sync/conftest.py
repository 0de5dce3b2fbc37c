"""A real district server (SQLite back-end) on 127.0.0.1 per test module, and station desks
provisioned for it. Tests share the server's stream, so each uses stations of its own and
asserts only about its own records."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from district_server.db import Database as DistrictDatabase
from district_server.stations import add_station
from server_process import run_district
from station_desk.services.context import Desk
from station_desk.store.db import Database
from station_desk.sync.commands import connect


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """(base URL, db URL) of a running server."""
    with run_district(tmp_path_factory.mktemp("district")) as running:
        yield running


@pytest.fixture
def station(district: tuple[str, str], tmp_path: Path) -> Callable[[str], Desk]:
    """A desk with its own data folder, connected as a newly added station."""
    base_url, db_url = district

    def make(name: str) -> Desk:
        database = DistrictDatabase(db_url)
        issued = add_station(database, f"{name}-{uuid.uuid4().hex[:6]}")
        database.dispose()
        desk = Desk(Database(tmp_path / name / "station.db"))
        connect(desk, base_url, issued.token)
        return desk

    return make
