"""Desks syncing through a real district server on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlmodel import select
from sync_fixtures import district_server

from station_desk.cli import main
from station_desk.domain.worker import WorkerDraft
from station_desk.reports.ledger_export import export_ledger
from station_desk.services.context import Desk
from station_desk.services.workers import edit_worker, register_worker
from station_desk.store.db import Database
from station_desk.store.models import Outbox, Worker
from station_desk.sync import engine
from station_desk.sync.client import DistrictClient, SyncError
from station_desk.sync.engine import connection, sync_once

SAMPLE_ID = "11010519491231002X"
StationMaker = Callable[[str], Desk]


def _draft(**overrides: object) -> WorkerDraft:
    values: dict[str, object] = {"name": "王秀英", "id_number": SAMPLE_ID, "phone": "13812345678"}
    values.update(overrides)
    return WorkerDraft(**values)  # type: ignore[arg-type]


def _people(n: int, start: int = 0) -> list[WorkerDraft]:
    from datetime import date

    from station_desk.domain.idcard import make_id_number

    return [
        _draft(
            name="李" + "一二三四五六七八九十"[i % 10] + "强",
            id_number=make_id_number("411425", date(1980, 1, 1 + i % 28), 100 + start + i),
            phone=f"139{start + i:08d}",
        )
        for i in range(n)
    ]


def _pending(desk: Desk) -> list[Outbox]:
    with desk.db.read() as session:
        return list(session.exec(select(Outbox).where(Outbox.pushed_at.is_(None))).all())  # type: ignore[union-attr]


def _export(desk: Desk, path: Path) -> bytes:
    export_ledger(desk.db, "json", path)
    return path.read_bytes()


def test_two_stations_converge_with_the_same_person_once(
    station: StationMaker, tmp_path: Path
) -> None:
    a, b = station("a"), station("b")
    for draft in _people(30):
        register_worker(a, draft)
    for draft in _people(20, start=100):
        register_worker(b, draft)
    register_worker(a, _draft())
    register_worker(b, _draft(phone="13900000002"))
    for _round in range(2):
        sync_once(a)
        sync_once(b)
    assert _export(a, tmp_path / "a.json") == _export(b, tmp_path / "b.json")
    exported = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    assert [w["id_number"] for w in exported["workers"]].count(SAMPLE_ID) == 1
    phones = {w["phone"] for w in exported["workers"]}
    assert {d.phone for d in _people(30) + _people(20, start=100)} <= phones


def test_a_lost_reply_after_the_server_committed_applies_nothing_twice(
    station: StationMaker, tmp_path: Path
) -> None:
    a, b = station("a"), station("b")
    register_worker(a, _people(1, start=800)[0])
    server, token = connection(a)  # type: ignore[misc]
    changes = [
        engine.Change(
            op_id=o.op_id,
            kind=o.record_kind,
            record_id=o.record_id,
            fields=json.loads(o.fields),
            hlc=o.hlc,
        )
        for o in _pending(a)
    ]
    DistrictClient(server, token).push(changes)  # the server commits; the reply "is lost"
    assert len(_pending(a)) == len(changes)
    summary = sync_once(a)  # the same ops go again
    assert summary.pushed == len(changes) and summary.pending == 0
    stream = DistrictClient(*connection(b)).pull(0, 2000).changes  # type: ignore[misc]
    assert sum(c.record_id == changes[0].record_id for c in stream) == len(changes)  # once
    sync_once(b)
    assert _export(a, tmp_path / "a.json") == _export(b, tmp_path / "b.json")


def test_a_pull_cut_off_halfway_resumes_from_the_last_stored_page(
    station: StationMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, fresh = station("a"), station("b"), station("c")
    for draft in _people(25):
        register_worker(a, draft)
    sync_once(a)
    everything = sync_once(fresh).pulled  # what the stream holds for a new station
    monkeypatch.setattr(engine, "PULL_PAGE_SIZE", 10)
    calls = {"n": 0}
    real_pull = DistrictClient.pull

    def flaky_pull(self: DistrictClient, after: int, limit: int):
        calls["n"] += 1
        if calls["n"] == 2:
            raise SyncError("offline", "连不上区里的服务器（网络断开或服务器未开）")
        return real_pull(self, after, limit)

    monkeypatch.setattr(DistrictClient, "pull", flaky_pull)
    with pytest.raises(SyncError):
        sync_once(b)
    with b.db.read() as session:
        kept = len(session.exec(select(Worker)).all())
    assert kept == 10  # the first page is stored with its cursor
    summary = sync_once(b)
    assert summary.pulled == everything - 10  # resumes there; nothing fetched twice
    with b.db.read() as session:
        ids = {w.id for w in session.exec(select(Worker)).all()}
    with a.db.read() as session:
        assert {w.id for w in session.exec(select(Worker)).all()} <= ids


def test_an_edit_made_during_a_push_is_sent_next_time(
    station: StationMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = station("a"), station("b")
    person = _people(1, start=700)[0]  # nobody else in this module has this ID number
    worker = register_worker(a, person).worker
    real_post = DistrictClient.post_batch

    def post_while_editing(self: DistrictClient, changes):
        person.phone = "13900000009"
        edit_worker(a, worker.id, person)
        monkeypatch.setattr(DistrictClient, "post_batch", real_post)
        return real_post(self, changes)

    monkeypatch.setattr(DistrictClient, "post_batch", post_while_editing)
    first = sync_once(a)
    assert first.pushed >= 1
    second = sync_once(a)
    assert second.pending == 0
    sync_once(b)
    with b.db.read() as session:
        assert session.get(Worker, worker.id).phone == "13900000009"  # type: ignore[union-attr]


def test_one_bad_change_in_a_100_change_batch_is_rejected_with_its_reason(
    station: StationMaker,
) -> None:
    a = station("a")
    for draft in _people(100):
        register_worker(a, draft)
    with a.db.write() as session:
        bad = session.exec(select(Outbox).order_by(Outbox.seq).offset(41)).first()  # type: ignore[arg-type]
        assert bad is not None
        fields = json.loads(bad.fields)
        fields["id_number"] = "110105194912310021"  # wrong check digit
        bad.fields = json.dumps(fields, ensure_ascii=False)
        session.add(bad)
        bad_op = bad.op_id
    summary = sync_once(a)
    assert (summary.pushed, summary.rejected, summary.pending) == (99, 1, 0)
    with a.db.read() as session:
        row = session.exec(select(Outbox).where(Outbox.op_id == bad_op)).one()
        assert row.rejected_reason and "校验码" in row.rejected_reason


def test_wrong_and_revoked_tokens_are_refused_and_the_outbox_is_kept(
    district: tuple[str, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    base_url, db_url = district
    data_dir = str(tmp_path / "desk")
    wrong = main(["--data-dir", data_dir, "connect", "--server", base_url, "--token", "guess"])
    assert wrong == 5 and "令牌" in capsys.readouterr().err

    station_file = tmp_path / "station.json"
    added = district_server(
        "add-station",
        "--db",
        db_url,
        "--name",
        "青山镇零工驿站",
        "--server-url",
        base_url,
        "--out",
        str(station_file),
    )
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["station_id"]
    assert main(["--data-dir", data_dir, "connect", "--provision", str(station_file)]) == 0
    capsys.readouterr()
    desk = Desk(Database(Path(data_dir) / "station.db"))
    register_worker(desk, _draft())
    before = [(o.op_id, o.pushed_at) for o in _pending(desk)]

    station_id = json.loads(station_file.read_text(encoding="utf-8"))["station_id"]
    assert district_server("revoke-station", station_id, "--db", db_url).returncode == 0
    assert main(["--data-dir", data_dir, "sync", "--once"]) == 5
    assert "重新" in capsys.readouterr().err  # tells IT to provision again
    assert [(o.op_id, o.pushed_at) for o in _pending(desk)] == before

    # IT issues the same station a new token; the desk carries on with nothing lost.
    renewed = tmp_path / "station-new.json"
    again = district_server(
        "reissue-token", station_id, "--db", db_url, "--server-url", base_url, "--out", str(renewed)
    )
    assert again.returncode == 0, again.stderr
    assert main(["--data-dir", data_dir, "connect", "--provision", str(renewed)]) == 0
    assert main(["--data-dir", data_dir, "sync", "--once"]) == 0
    assert _pending(desk) == []


def test_sync_once_without_a_server_says_so_and_keeps_everything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = str(tmp_path / "desk")
    assert main(["--data-dir", data_dir, "sync", "--once"]) == 2
    assert "还没有连接" in capsys.readouterr().err
    desk = Desk(Database(Path(data_dir) / "station.db"))
    register_worker(desk, _draft())
    with desk.db.write() as session:
        from station_desk.store.settings import put_setting

        put_setting(session, engine.SERVER_KEY, "http://127.0.0.1:9")  # nothing listens there
        put_setting(session, engine.TOKEN_KEY, "t")
    assert main(["--data-dir", data_dir, "sync", "--once"]) == 4
    assert "连不上" in capsys.readouterr().err
    assert len(_pending(desk)) == 1


def test_sync_once_prints_the_summary_as_json(
    station: StationMaker, capsys: pytest.CaptureFixture[str]
) -> None:
    desk = station("a")
    register_worker(desk, _draft(id_number="110105199003070017", phone="13700001111"))
    capsys.readouterr()
    assert main(["--data-dir", str(desk.db.path.parent), "sync", "--once"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert {"pushed", "pulled", "pending", "conflicts", "merged"} <= set(summary)
    assert summary["pushed"] == 1 and summary["pending"] == 0


def test_same_field_edited_at_two_stations_is_logged_at_both_through_the_server(
    station: StationMaker,
) -> None:
    from station_desk.store.models import ConflictLog

    a, b = station("a"), station("b")
    person = _people(1, start=850)[0]
    worker = register_worker(a, person).worker
    sync_once(a)
    sync_once(b)
    person.phone = "13900000001"
    edit_worker(a, worker.id, person)
    person.phone = "13900000002"
    edit_worker(b, worker.id, person)  # later: B's wins everywhere
    sync_once(a)
    sync_once(b)
    sync_once(a)
    for desk in (a, b):
        with desk.db.read() as session:
            assert session.get(Worker, worker.id).phone == "13900000002"  # type: ignore[union-attr]
            [logged] = session.exec(select(ConflictLog)).all()
            assert json.loads(logged.lost_value) == "13900000001"


def test_a_cycle_asked_to_stop_ends_at_its_next_step_and_is_not_a_failure(
    station: StationMaker,
) -> None:
    import threading

    from station_desk.services.demo import fill_demo
    from station_desk.store.settings import get_setting
    from station_desk.sync.client import SyncCancelled
    from station_desk.sync.health import LAST_ERROR_KEY

    a = station("a")
    fill_demo(a, workers=1100, postings=0, employers=0, seed=4242)
    with a.db.read() as session:
        everything = len(session.exec(select(Outbox)).all())
    assert everything > 2 * engine.PUSH_BATCH
    stop = threading.Event()

    def progress(phase: str, _count: int) -> None:
        if phase == "push":
            stop.set()  # the window closes after the first verdict came back

    with pytest.raises(SyncCancelled):
        sync_once(a, progress=progress, stop=stop)

    with a.db.read() as session:
        left = engine.pending_count(session)
        assert get_setting(session, LAST_ERROR_KEY, "") == ""  # not shown as a sync failure
    assert left == everything - engine.PUSH_BATCH  # the first batch's verdict was recorded
    summary = sync_once(a)  # the next start sends the rest (the server applies each op once)
    assert summary.pending == 0 and summary.pushed == left
