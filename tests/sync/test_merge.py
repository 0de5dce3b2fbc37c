"""Applying pulled changes: field-level last-writer-wins, conflict log, tombstones, merges.

Two real station databases; what one desk wrote to its outbox is handed to the other as the
server would relay it (the HTTP round trip is tested with a real server elsewhere).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlmodel import select

from station_desk.domain.hlc import Hlc
from station_desk.domain.worker import WorkerDraft
from station_desk.reports.ledger_export import export_ledger
from station_desk.services.context import Desk
from station_desk.services.workers import edit_worker, register_worker
from station_desk.store.db import Database, sqlite_connection
from station_desk.store.models import ConflictLog, Outbox, RecordMerge, Worker
from station_desk.store.search import search_ids
from station_desk.sync.engine import advance_clock
from station_desk.sync.merge import PageApplier
from station_desk.sync.protocol import MERGE_KIND, PulledChange

T0 = 1_790_000_000.0  # a fixed moment; each desk's clock is set explicitly
SAMPLE_ID = "11010519491231002X"


@dataclass
class Clock:
    now: float = T0
    ticks: list[float] = field(default_factory=list)

    def __call__(self) -> float:
        return self.now


@dataclass
class Station:
    desk: Desk
    clock: Clock


@dataclass
class Relay:
    """Stands in for the server's sequence: hands each desk's unsent outbox to the others."""

    seq: int = 0

    def send(self, source: Station, *targets: Station) -> list[PulledChange]:
        with source.desk.db.write() as session:
            rows = session.exec(select(Outbox).where(Outbox.pushed_at.is_(None))).all()  # type: ignore[union-attr]
            changes = []
            for row in rows:
                self.seq += 1
                changes.append(
                    PulledChange(
                        seq=self.seq,
                        kind=row.record_kind,
                        record_id=row.record_id,
                        fields=json.loads(row.fields),
                        hlc=row.hlc,
                        station_id=source.desk.station_id,
                        base=json.loads(row.base),
                    )
                )
                row.pushed_at = source.desk.now()
                session.add(row)
        for target in targets:
            apply(target, changes)
        return changes


def apply(target: Station, changes: list[PulledChange]):
    with target.desk.db.write() as session:
        applier = PageApplier(sqlite_connection(session), target.desk.now(), target.desk.station_id)
        result = applier.apply(changes)
        if result.max_hlc:
            advance_clock(target.desk, session, result.max_hlc)
    return result


def _station(tmp_path: Path, name: str) -> Station:
    clock = Clock()
    desk = Desk(Database(tmp_path / name / "station.db"), clock=clock)
    desk.station_id  # noqa: B018 - made before the relay's transactions
    return Station(desk, clock)


@pytest.fixture
def a(tmp_path: Path) -> Station:
    return _station(tmp_path, "a")


@pytest.fixture
def b(tmp_path: Path) -> Station:
    return _station(tmp_path, "b")


def _draft(**overrides: object) -> WorkerDraft:
    values: dict[str, object] = {
        "name": "王秀英",
        "id_number": SAMPLE_ID,
        "phone": "13812345678",
        "skills": "保洁员",
    }
    values.update(overrides)
    return WorkerDraft(**values)  # type: ignore[arg-type]


def _worker(station: Station, worker_id: str) -> Worker:
    with station.desk.db.read() as session:
        worker = session.get(Worker, worker_id)
        assert worker is not None
        return worker


def _conflicts(station: Station) -> list[ConflictLog]:
    with station.desk.db.read() as session:
        return list(session.exec(select(ConflictLog)).all())


def _export(station: Station, path: Path) -> bytes:
    export_ledger(station.desk.db, "json", path)
    return path.read_bytes()


def test_a_registration_arrives_whole_and_both_desks_export_the_same(
    a: Station, b: Station, tmp_path: Path
) -> None:
    worker = register_worker(a.desk, _draft(expected_pay="200元/天")).worker
    Relay().send(a, b)
    copy = _worker(b, worker.id)
    assert (copy.name, copy.birth_date, copy.expected_pay_min) == (
        "王秀英",
        worker.birth_date,
        200.0,
    )
    assert copy.origin_station == a.desk.station_id and copy.created_hlc == worker.created_hlc
    with b.desk.db.read() as session:
        assert search_ids(sqlite_connection(session), "worker", "wxy") == [worker.id]
        assert session.exec(select(Outbox)).all() == []  # pulled rows are not sent back
    assert _export(a, tmp_path / "a.json") == _export(b, tmp_path / "b.json")


def test_same_field_edited_at_two_desks_newest_wins_and_the_loser_is_logged(
    a: Station, b: Station, tmp_path: Path
) -> None:
    relay = Relay()
    worker = register_worker(a.desk, _draft()).worker
    relay.send(a, b)
    a.clock.now += 60
    edit_worker(a.desk, worker.id, _draft(phone="13900000001"))
    b.clock.now += 120  # B's edit is the later one
    edit_worker(b.desk, worker.id, _draft(phone="13900000002"))

    relay.send(a, b)  # B still has its own edit unsent: A's older value loses there
    relay.send(b, a)  # A's sent edit loses to B's newer one

    assert _worker(a, worker.id).phone == _worker(b, worker.id).phone == "13900000002"
    [at_b] = _conflicts(b)
    assert (at_b.field, json.loads(at_b.lost_value), at_b.lost_here) == (
        "phone",
        "13900000001",
        False,
    )
    [at_a] = _conflicts(a)
    assert json.loads(at_a.kept_value) == "13900000002" and json.loads(at_a.lost_value) == (
        "13900000001"
    )
    assert _export(a, tmp_path / "a.json") == _export(b, tmp_path / "b.json")


def test_a_local_unsent_edit_that_loses_is_logged_as_lost_here(a: Station, b: Station) -> None:
    relay = Relay()
    worker = register_worker(a.desk, _draft()).worker
    relay.send(a, b)
    b.clock.now += 10
    edit_worker(b.desk, worker.id, _draft(phone="13900000002"))  # unsent at B
    a.clock.now += 20
    edit_worker(a.desk, worker.id, _draft(phone="13900000001"))
    relay.send(a, b)
    assert _worker(b, worker.id).phone == "13900000001"
    [logged] = _conflicts(b)
    assert logged.lost_here and json.loads(logged.lost_value) == "13900000002"


def test_edits_of_different_fields_at_two_desks_are_both_kept(a: Station, b: Station) -> None:
    relay = Relay()
    worker = register_worker(a.desk, _draft()).worker
    relay.send(a, b)
    a.clock.now += 5
    edit_worker(a.desk, worker.id, _draft(phone="13900000001"))
    b.clock.now += 9
    edit_worker(b.desk, worker.id, _draft(skills="保洁员、家政服务员"))
    relay.send(a, b)
    relay.send(b, a)
    for station in (a, b):
        stored = _worker(station, worker.id)
        assert (stored.phone, stored.skills_text) == ("13900000001", "保洁员、家政服务员")
        assert _conflicts(station) == []


def test_editing_after_seeing_the_other_desks_edit_is_no_conflict(a: Station, b: Station) -> None:
    relay = Relay()
    worker = register_worker(a.desk, _draft()).worker
    relay.send(a, b)
    a.clock.now += 5
    edit_worker(a.desk, worker.id, _draft(phone="13900000001"))
    relay.send(a, b)  # B sees A's phone
    b.clock.now += 9
    edit_worker(b.desk, worker.id, _draft(phone="13900000002"))  # and corrects it
    relay.send(b, a)
    assert _worker(a, worker.id).phone == "13900000002"
    assert _conflicts(a) == [] and _conflicts(b) == []


def test_an_edit_to_a_record_deleted_elsewhere_is_kept_and_flagged(a: Station, b: Station) -> None:
    relay = Relay()
    worker = register_worker(a.desk, _draft()).worker
    relay.send(a, b)
    b.clock.now += 30
    tombstone = PulledChange(
        seq=99,
        kind="worker",
        record_id=worker.id,
        fields={"deleted": True},
        base={"deleted": worker.created_hlc},
        hlc=f"{int((T0 + 10) * 1000):013d}-00000-{a.desk.station_id}",
        station_id=a.desk.station_id,
    )
    edit_worker(b.desk, worker.id, _draft(phone="13900000002"))  # offline edit at B
    apply(b, [tombstone])
    stored = _worker(b, worker.id)
    assert stored.deleted and stored.phone == "13900000002"  # not resurrected, not dropped
    with b.desk.db.read() as session:
        assert search_ids(sqlite_connection(session), "worker", "wxy") == []


def test_a_merge_folds_one_person_registered_twice_into_one(a: Station, b: Station) -> None:
    relay = Relay()
    first = register_worker(a.desk, _draft()).worker
    b.clock.now += 50
    second = register_worker(b.desk, _draft(phone="13900000002", skills="搬运工")).worker
    relay.send(a, b)
    relay.send(b, a)
    merge = PulledChange(
        seq=relay.seq + 1,
        kind=MERGE_KIND,
        record_id=first.id,
        fields={"from_id": second.id, "into_id": first.id},
        hlc=f"{int((T0 + 60) * 1000):013d}-00000-server",
        station_id="server",
    )
    for station in (a, b):
        result = apply(station, [merge])
        assert result.merged == 1
        survivor, gone = _worker(station, first.id), _worker(station, second.id)
        assert not survivor.deleted and gone.deleted
        assert survivor.phone == "13900000002"  # the newer registration's values win
        with station.desk.db.read() as session:
            [row] = session.exec(select(RecordMerge)).all()
            assert (row.from_id, row.into_id) == (second.id, first.id)
            assert search_ids(sqlite_connection(session), "worker", "wxy") == [first.id]


def test_a_clock_days_ahead_does_not_keep_winning_after_one_sync(a: Station, b: Station) -> None:
    relay = Relay()
    worker = register_worker(a.desk, _draft()).worker
    a.clock.now += 3 * 24 * 3600  # A's PC is three days fast
    edit_worker(a.desk, worker.id, _draft(phone="13900000001"))
    relay.send(a, b)
    b.clock.now += 60  # a minute later in real time, B corrects the phone
    edit_worker(b.desk, worker.id, _draft(phone="13900000002"))
    relay.send(b, a)
    assert _worker(a, worker.id).phone == "13900000002"
    assert _worker(b, worker.id).phone == "13900000002"


def test_a_record_created_and_edited_around_a_merge_in_one_page_is_written_once(
    a: Station, b: Station
) -> None:
    relay = Relay()
    first = register_worker(a.desk, _draft()).worker
    relay.send(a, b)
    second = register_worker(a.desk, _draft(name="赵强", id_number="110105199003070017")).worker
    a.clock.now += 5
    edit_worker(
        a.desk, second.id, _draft(name="赵强", id_number="110105199003070017", phone="13900000003")
    )
    created, edited = relay.send(a)
    merge = PulledChange(
        seq=99,
        kind=MERGE_KIND,
        record_id=first.id,
        hlc=created.hlc,
        fields={"from_id": "nobody", "into_id": first.id},
        station_id="server",
    )
    apply(b, [created, merge, edited])  # the merge writes the staged creation first
    assert _worker(b, second.id).phone == "13900000003"


def test_an_edit_of_a_record_never_received_is_skipped_not_half_made(
    a: Station, b: Station
) -> None:
    """A change log from before the server refused such edits can relay an edit of a person
    whose registration it refused; the page still applies and no half record appears."""
    worker = register_worker(a.desk, _draft()).worker
    creation = Relay().send(a, b)  # b has the worker now
    edit = PulledChange(
        seq=99,
        kind="worker",
        record_id="never-arrived",
        fields={"phone": "13900009999"},
        hlc=creation[0].hlc,
        station_id=a.desk.station_id,
        base={},
    )
    result = apply(b, [edit])
    assert result.skipped == 1
    with b.desk.db.read() as session:
        assert [w.id for w in session.exec(select(Worker)).all()] == [worker.id]


def test_a_creation_with_only_some_fields_is_stored_with_defaults_and_found(
    a: Station, b: Station
) -> None:
    """A registration that carries only some fields (an older desk's, say) is written with
    the columns' defaults for the rest and indexed; it used to stop the whole page (the
    search document wanted every field)."""
    creation = PulledChange(
        seq=1,
        kind="worker",
        record_id="sparse-1",
        fields={
            "name": "欧阳少华",
            "id_number": "11010519491231002X",
            "origin_station": a.desk.station_id,
        },
        hlc=Hlc(int(T0 * 1000), 0, a.desk.station_id).encode(),
        station_id=a.desk.station_id,
        base={},
    )
    result = apply(b, [creation])
    assert result.applied == 1
    stored = _worker(b, "sparse-1")
    assert stored.name == "欧阳少华" and stored.skill_codes == "[]" and stored.status == "active"
    with b.desk.db.read() as session:
        found = search_ids(sqlite_connection(session), "worker", "oysh", limit=10)
    assert found == ["sparse-1"]
