"""A database written by an earlier release (tests/data/schemas/station-vN.db, with changes not
yet synced) is opened by this version: a copy is kept first, every row and every pending
outbox change survive, search works, and a sync pushes all of it to a real district server."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from district_server.db import Database as DistrictDatabase
from district_server.stations import add_station
from server_process import run_district
from station_desk.services.context import Desk
from station_desk.store import migrations
from station_desk.store.backup import backup_before_upgrade
from station_desk.store.db import Database, raw_connection
from station_desk.store.driver import sqlite3
from station_desk.store.search import search_ids
from station_desk.sync.commands import connect
from station_desk.sync.engine import sync_once

SCHEMAS = Path(__file__).resolve().parents[1] / "data" / "schemas"
VERSIONS = (1, 2, 3)


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    with run_district(tmp_path_factory.mktemp("district")) as server:
        yield server


def snapshot(db_path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db_path)
    try:
        return {
            "worker": conn.execute(
                "SELECT id, name, id_number, phone FROM worker ORDER BY id"
            ).fetchall(),
            "employer": conn.execute("SELECT id, name FROM employer ORDER BY id").fetchall(),
            "posting": conn.execute(
                "SELECT id, occupation_name FROM posting ORDER BY id"
            ).fetchall(),
            "pending": conn.execute(
                "SELECT op_id, record_kind, record_id FROM outbox WHERE pushed_at IS NULL ORDER BY seq"
            ).fetchall(),
        }
    finally:
        conn.close()


@pytest.mark.parametrize("version", VERSIONS)
def test_an_older_database_opens_keeps_everything_and_syncs(
    version: int, tmp_path: Path, district: tuple[str, str]
) -> None:
    fixture = SCHEMAS / f"station-v{version}.db"
    db_path = tmp_path / "station.db"
    shutil.copyfile(fixture, db_path)
    before = snapshot(db_path)
    assert len(before["worker"]) == 12 and before["pending"]

    kept = backup_before_upgrade(db_path, tmp_path / "backups")
    assert kept is not None and f"before-upgrade-v{version}" in kept.name
    assert kept.read_bytes()[:16] == b"SQLite format 3\x00"

    database = Database(db_path)
    try:
        assert database.schema_version() == migrations.LATEST_VERSION
        assert snapshot(db_path) == before
        name = before["worker"][0][1]
        conn = raw_connection(db_path)
        try:
            assert before["worker"][0][0] in search_ids(conn, "worker", name)
        finally:
            conn.close()

        base_url, db_url = district
        districts = DistrictDatabase(db_url)
        station = add_station(districts, f"升级测试驿站 v{version}")
        districts.dispose()
        desk = Desk(database, staff="升级测试")
        connect(desk, base_url, station.token)
        summary = sync_once(desk)
        assert summary.pushed == len(before["pending"])
        assert summary.rejected == 0 and summary.pending == 0
    finally:
        database.close()
    with sqlite3.connect(db_path) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM worker")}
    assert {w[1] for w in before["worker"]} <= names
