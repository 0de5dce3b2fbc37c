"""A new station starts from the district snapshot (district_server/snapshot.py,
station_desk/sync/bootstrap.py): the same records, search and matching as a station that
pulled page by page, only what came later pulled after it, and a plain paged pull whenever the
snapshot cannot be used."""

from __future__ import annotations

import gzip
import json
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from sync_fixtures import district_server

from district_server.db import Database as DistrictDatabase
from district_server.stations import add_station
from station_desk.domain.worker import WorkerDraft
from station_desk.paths import Paths
from station_desk.reports.ledger_export import export_ledger
from station_desk.services import workers
from station_desk.services.context import Desk
from station_desk.services.demo import fill_demo
from station_desk.services.matching import postings_for_worker
from station_desk.store import driver, search
from station_desk.store.db import Database, sqlite_connection
from station_desk.store.keystore import FakeKeyStore, use_key_store
from station_desk.store.migrations import LATEST_VERSION
from station_desk.store.models import Worker
from station_desk.store.settings import HLC_KEY, get_setting
from station_desk.sync.bootstrap import INCOMING
from station_desk.sync.client import DistrictClient
from station_desk.sync.commands import connect, sync_report
from station_desk.sync.engine import sync_once
from station_desk.sync.protocol import API_PREFIX, SNAPSHOT_HLC_KEY, SNAPSHOT_SEQ_KEY

StationMaker = Callable[[str], Desk]


def _data_dir(district: tuple[str, str]) -> Path:
    return Path(district[1].removeprefix("sqlite:///")).parent


def _build(district: tuple[str, str]) -> dict[str, Any]:
    done = district_server("snapshot", "--db", district[1], "--data-dir", str(_data_dir(district)))
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture
def first_pulls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The cursor of every page pull, in order."""
    seen: list[int] = []
    real = DistrictClient.pull

    def pull(self: DistrictClient, after: int, limit: int):  # type: ignore[no-untyped-def]
        seen.append(after)
        return real(self, after, limit)

    monkeypatch.setattr(DistrictClient, "pull", pull)
    return seen


def _export(desk: Desk, path: Path) -> bytes:
    export_ledger(desk.db, "json", path)
    return path.read_bytes()


def _rows(desk: Desk, sql: str) -> list[tuple[Any, ...]]:
    with desk.db.read() as session:
        return list(sqlite_connection(session).execute(sql).fetchall())


def _found(desk: Desk, query: str) -> set[str]:
    with desk.db.read() as session:
        return set(search.search_ids(sqlite_connection(session), "worker", query, limit=5000))


def test_a_new_station_starts_from_the_snapshot_and_ends_like_a_paged_one(
    district: tuple[str, str], station: StationMaker, first_pulls: list[int], tmp_path: Path
) -> None:
    source = station("source")
    fill_demo(source, workers=60, postings=15, employers=5, seed=21)
    sync_once(source)
    paged = station("paged")
    sync_once(paged)  # no snapshot yet: page by page from 0
    assert first_pulls[0] == 0
    built = _build(district)
    assert built["schema"] == LATEST_VERSION and built["size"] > 0
    late = workers.register_worker(
        source, WorkerDraft(name="欧阳晓峰", id_number="11010519491231002X", phone="13812345678")
    )
    sync_once(source)  # after the snapshot: comes by the ordinary pull

    first_pulls.clear()
    fresh = station("fresh")
    summary = sync_once(fresh)
    assert first_pulls[0] == built["seq"], "the pull did not start after the snapshot"
    assert sync_report(fresh, summary)["from_snapshot"] == built["seq"]
    assert summary.pulled >= 60 + 15 + 5 + 1
    assert not list((fresh.db.path.parent / INCOMING).glob("*")), "download left behind"

    sync_once(paged)
    sync_once(fresh)
    assert _export(fresh, tmp_path / "fresh.json") == _export(paged, tmp_path / "paged.json")
    for worker_id, name, id_number in _rows(fresh, "SELECT id, name, id_number FROM worker"):
        assert worker_id in _found(fresh, name), name
        assert worker_id in _found(fresh, id_number[-6:]), id_number
    assert late.worker.id in _found(fresh, "oyxf")  # pinyin initials of the one pulled after
    assert sorted(_rows(fresh, "SELECT * FROM worker_trade")) == sorted(
        _rows(paged, "SELECT * FROM worker_trade")
    )
    some = _rows(fresh, "SELECT id FROM worker WHERE skill_codes != '[]' LIMIT 5")
    for (worker_id,) in some:
        mine = [m.id for m in postings_for_worker(fresh, worker_id)]
        theirs = [m.id for m in postings_for_worker(paged, worker_id)]
        assert mine == theirs


def test_edits_after_a_snapshot_start_win_over_what_it_held(
    district: tuple[str, str], station: StationMaker
) -> None:
    source = station("source")
    fill_demo(source, workers=5, postings=0, employers=0, seed=22)
    sync_once(source)
    _build(district)
    fresh = station("fresh")
    sync_once(fresh)
    with fresh.db.read() as session:
        clock = get_setting(session, HLC_KEY)
    snapshot = _data_dir(district) / "snapshot" / "work.db"
    with driver.connect(snapshot) as conn:
        newest = conn.execute(
            "SELECT value FROM setting WHERE key = ?", (SNAPSHOT_HLC_KEY,)
        ).fetchone()[0]
    assert clock > newest, "the clock did not move past the snapshot's stamps"
    (worker_id,) = _rows(fresh, "SELECT id FROM worker ORDER BY id LIMIT 1")[0]
    with fresh.transaction() as tx:
        tx.update(tx.session.get(Worker, worker_id), {"note": "快照后修改"})
    sync_once(fresh)
    sync_once(source)
    assert _rows(source, f"SELECT note FROM worker WHERE id = '{worker_id}'") == [("快照后修改",)]


def test_a_station_with_records_of_its_own_pulls_page_by_page(
    district: tuple[str, str], station: StationMaker, first_pulls: list[int]
) -> None:
    source = station("source")
    fill_demo(source, workers=10, postings=0, employers=0, seed=23)
    sync_once(source)
    _build(district)
    own = station("own")
    fill_demo(own, workers=2, postings=0, employers=0, seed=24)  # registered before any sync
    sync_once(own)
    assert first_pulls[0] == 0
    assert len(_rows(own, "SELECT id FROM worker")) >= 12


def test_a_damaged_snapshot_falls_back_to_the_paged_pull(
    district: tuple[str, str], station: StationMaker, first_pulls: list[int], tmp_path: Path
) -> None:
    source = station("source")
    fill_demo(source, workers=10, postings=2, employers=1, seed=25)
    sync_once(source)
    _build(district)
    folder = _data_dir(district) / "snapshot"
    meta = json.loads((folder / "snapshot.json").read_text())
    packed = folder / meta["file"]
    data = bytearray(packed.read_bytes())
    data[len(data) // 2] ^= 0xFF  # a flipped byte: the SHA-256 no longer matches
    packed.write_bytes(bytes(data))
    try:
        fresh = station("fresh")
        sync_once(fresh)
        assert first_pulls[0] == 0
        paged = station("paged")
        sync_once(paged)
        sync_once(fresh)
        assert _export(fresh, tmp_path / "a.json") == _export(paged, tmp_path / "b.json")
        assert not list((fresh.db.path.parent / INCOMING).glob("*"))
    finally:
        _build_fresh(district)


def _build_fresh(district: tuple[str, str]) -> None:
    """Publish an undamaged snapshot again for the tests that follow."""
    folder = _data_dir(district) / "snapshot"
    for path in folder.glob("*"):
        path.unlink()
    _build(district)


def test_the_snapshot_holds_records_only(district: tuple[str, str], tmp_path: Path) -> None:
    """No staff accounts, audit rows, outbox, conflict log or local settings leave the
    server in it: only the records, their indexes and the two snapshot settings."""
    _build(district)
    work = _data_dir(district) / "snapshot" / "work.db"
    with driver.connect(work) as conn:
        conn.execute("INSERT OR REPLACE INTO setting (key, value) VALUES ('station.id', 'x')")
    meta = json.loads((_data_dir(district) / "snapshot" / "snapshot.json").read_text())
    (_data_dir(district) / "snapshot" / meta["file"]).unlink()  # so it is published again
    info = _build(district)
    unpacked = tmp_path / "snapshot.db"
    packed = _data_dir(district) / "snapshot" / f"snapshot-{info['seq']}.db.gz"
    unpacked.write_bytes(gzip.decompress(packed.read_bytes()))
    conn = driver.connect(unpacked)
    try:
        for table in ("staff_account", "audit_log", "outbox", "conflict_log"):
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,), table
        keys = {key for (key,) in conn.execute("SELECT key FROM setting")}
        assert keys == {SNAPSHOT_SEQ_KEY, SNAPSHOT_HLC_KEY}
        assert conn.execute("SELECT count(*) FROM worker").fetchone()[0] > 0
    finally:
        conn.close()


def test_the_snapshot_needs_a_token_and_a_known_schema(district: tuple[str, str]) -> None:
    base_url, db_url = district
    _build(district)
    database = DistrictDatabase(db_url)
    token = add_station(database, f"probe-{uuid.uuid4().hex[:6]}").token
    database.dispose()
    url = f"{base_url}{API_PREFIX}/snapshot"
    assert requests.get(url, params={"schema": LATEST_VERSION}, timeout=10).status_code == 401
    auth = {"Authorization": f"Bearer {token}"}
    other = requests.get(url, params={"schema": LATEST_VERSION + 1}, headers=auth, timeout=10)
    assert other.status_code == 404 and other.json()["code"] == "no_snapshot"
    good = requests.get(url, params={"schema": LATEST_VERSION}, headers=auth, timeout=10)
    assert good.status_code == 200 and good.content[:2] == b"\x1f\x8b"  # gzip


@pytest.fixture
def keys() -> Iterator[FakeKeyStore]:
    store = FakeKeyStore()  # stands in for the Windows Credential Manager
    use_key_store(store)
    yield store
    use_key_store(None)
    driver._keys.clear()


@pytest.mark.skipif(not driver.can_encrypt(), reason="SQLCipher is not installed")
def test_an_encrypted_station_starts_from_the_snapshot_held_in_memory(
    district: tuple[str, str],
    station: StationMaker,
    keys: FakeKeyStore,
    first_pulls: list[int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from station_desk.services.encryption import encrypt_database

    source = station("source")
    fill_demo(source, workers=8, postings=0, employers=0, seed=26)
    sync_once(source)
    built = _build(district)
    paths = Paths(tmp_path / "encrypted")
    Database(paths.database).close()
    encrypt_database(paths, keys)
    database = DistrictDatabase(district[1])
    token = add_station(database, f"enc-{uuid.uuid4().hex[:6]}").token
    database.dispose()
    desk = Desk(Database(paths.database))
    connect(desk, district[0], token)
    targets: list[object] = []
    real = DistrictClient.snapshot
    monkeypatch.setattr(
        DistrictClient,
        "snapshot",
        lambda self, schema, target, *a: targets.append(target) or real(self, schema, target, *a),
    )
    first_pulls.clear()

    summary = sync_once(desk)

    assert summary.snapshot_seq == built["seq"] and first_pulls[0] == built["seq"]
    assert len(targets) == 1 and not isinstance(targets[0], Path)  # downloaded into memory
    assert not (paths.root / INCOMING).exists()  # no plain copy was ever on this disk
    assert not paths.database.read_bytes().startswith(driver.PLAIN_HEADER)
    names = {name for (name,) in _rows(source, "SELECT name FROM worker")}
    assert names <= {name for (name,) in _rows(desk, "SELECT name FROM worker")}
    some = sorted(names)[0]
    assert _found(desk, some) == _found(source, some)  # the search index came with it
    desk.db.close()


def test_serve_builds_the_snapshot_by_itself(tmp_path: Path) -> None:
    """serve --snapshot-interval: a district with changes and no snapshot gets one from a
    background process, and a new station then starts from it."""
    from server_process import run_district_with

    with run_district_with(tmp_path / "district", snapshot_interval=0.5) as (base_url, db_url):
        database = DistrictDatabase(db_url)
        tokens = [add_station(database, f"auto-{n}").token for n in range(2)]
        database.dispose()
        source = Desk(Database(tmp_path / "source" / "station.db"))
        connect(source, base_url, tokens[0])
        fill_demo(source, workers=6, postings=0, employers=0, seed=27)
        sync_once(source)
        url = f"{base_url}{API_PREFIX}/snapshot"
        auth = {"Authorization": f"Bearer {tokens[1]}"}
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            reply = requests.get(url, params={"schema": LATEST_VERSION}, headers=auth, timeout=10)
            if reply.status_code == 200:
                break
            time.sleep(0.5)
        assert reply.status_code == 200, "serve built no snapshot"
        assert int(reply.headers["X-Snapshot-Seq"]) > 0


def test_an_erasure_makes_the_snapshot_due_for_rebuilding_at_once(
    station: StationMaker, district: tuple[str, str]
) -> None:
    from dataclasses import replace

    from district_server.snapshot import is_stale

    a = station("erasing")
    draft = WorkerDraft(name="孙秀梅", id_number="110105197705060025", phone="13600000001")
    worker_id = workers.register_worker(a, draft).worker.id
    sync_once(a)
    _build(district)
    server = DistrictDatabase(district[1])
    try:
        assert not is_stale(server, _data_dir(district))
        workers.edit_worker(a, worker_id, replace(draft, phone="13600000002"))
        sync_once(a)
        assert not is_stale(server, _data_dir(district))  # one edit: the hour may pass first

        workers.erase_worker(a, worker_id, "本人书面申请删除")
        sync_once(a)

        assert is_stale(server, _data_dir(district))  # the published file still has her name
        _build(district)
        assert not is_stale(server, _data_dir(district))
    finally:
        server.dispose()
