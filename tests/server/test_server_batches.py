"""Queued pushes (POST /batches, GET /batches/{receipt}): answered once stored, applied in
the order received by the server's applier, with the same verdict a direct push gives."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from server_helpers import new_id_number, worker_fields
from sqlalchemy import func, select

from district_server import applier as applier_module
from district_server.app import start_clock
from district_server.applier import BatchApplier
from district_server.db import Database
from district_server.inbox import MAX_ATTEMPTS, Inbox, Verdict, Waiting
from district_server.models import ChangeLog
from server_process import server_command
from station_desk.sync.protocol import API_PREFIX, PushResponse


def count_ops(server_db: Database, op_ids: list[str]) -> int:
    with server_db.read_session() as session:
        query = select(func.count()).select_from(ChangeLog).where(ChangeLog.op_id.in_(op_ids))
        return int(session.execute(query).scalar_one())


def test_a_queued_batch_gets_a_receipt_then_the_verdict_a_push_would_get(make_station) -> None:
    a, b = make_station(), make_station()
    cursor = b.drain()
    changes = [a.change("employer", name=f"排队单位{i}") for i in range(100)]
    bad = changes[37] = a.change("posting", start_date="明天")  # one bad change in the batch

    stored = a.queue(changes)

    assert stored.status_code == 202, stored.text
    receipt = stored.json()
    assert receipt["ahead"] >= 0 and receipt["receipt"]
    verdict = a.verdict(receipt["receipt"])
    assert verdict.status_code == 200, verdict.text
    body = PushResponse.model_validate_json(verdict.content)
    assert body.accepted == [c["op_id"] for c in changes if c is not bad]
    assert [r.op_id for r in body.rejected] == [bad["op_id"]]
    assert "日期" in body.rejected[0].reason
    pulled = b.pull(cursor)["changes"]
    assert [p["record_id"] for p in pulled] == [c["record_id"] for c in changes if c is not bad]


def test_a_batch_queued_twice_applies_once_and_both_verdicts_accept_it(
    make_station, server_db: Database
) -> None:
    a = make_station()
    changes = [a.change("worker", **worker_fields(new_id_number())) for _ in range(20)]
    first, again = a.queue(changes).json(), a.queue(changes).json()  # the receipt was lost

    ids = [c["op_id"] for c in changes]
    for receipt in (first, again):
        assert a.verdict(receipt["receipt"]).json()["accepted"] == ids
    assert count_ops(server_db, ids) == 20


def test_health_tells_how_many_batches_wait(make_station) -> None:
    a = make_station()
    receipt = a.queue([a.change("employer", name="健康检查")]).json()["receipt"]
    assert a.verdict(receipt).status_code == 200
    health = a.session.get(a.base_url + API_PREFIX + "/health", timeout=10).json()
    assert health["queued_batches"] == 0  # everything stored has been applied


def test_batches_are_applied_in_the_order_they_were_stored(make_station) -> None:
    a, b = make_station(), make_station()
    cursor = b.drain()
    employer = a.change("employer", name="先")
    later = a.change("employer", employer["record_id"], name="后")
    receipts = [a.queue([employer]).json()["receipt"], a.queue([later]).json()["receipt"]]
    assert [a.verdict(r).status_code for r in receipts] == [200, 200]
    pulled = b.pull(cursor)["changes"]
    assert [p["fields"].get("name") for p in pulled] == ["先", "后"]
    assert pulled[0]["seq"] < pulled[1]["seq"]


def test_a_verdict_is_only_for_the_station_that_sent_the_batch(make_station) -> None:
    a, b = make_station(), make_station()
    receipt = a.queue([a.change("employer", name="本站的")]).json()["receipt"]
    for station, name in ((b, receipt), (a, "0" * 32)):
        reply = station.verdict(name, wait=0)
        assert reply.status_code == 404
        assert reply.json()["code"] == "unknown_batch" and "重新上传" in reply.json()["detail"]
    assert a.verdict(receipt).status_code == 200


def test_what_is_not_a_batch_is_refused_at_once_and_a_bad_batch_gets_a_422_verdict(
    make_station,
) -> None:
    a = make_station()
    url = a.base_url + API_PREFIX + "/batches"
    packed = {"Content-Encoding": "gzip", **a.headers}
    for data, headers in (
        (b"{", a.headers),
        (b'{"changes": 5}', a.headers),
        (b"\x1f\x8b broken gzip", packed),
        (gzip.compress(b'["changes"]'), packed),
    ):
        reply = a.session.post(url, data=data, headers=headers, timeout=10)
        assert reply.status_code == 422, reply.text
        assert reply.json()["code"] == "bad_request" and "不是一批修改" in reply.json()["detail"]
    odd = a.session.post(url, data=b"{}", headers={"Content-Encoding": "br", **a.headers})
    assert odd.status_code == 415 and "gzip" in odd.json()["detail"]
    assert (
        a.session.post(url, json={"changes": []}, headers={"Authorization": "Bearer x"}).status_code
        == 401
    )

    # Begins as a batch, is not one: stored, then refused as a whole with the reason.
    reply = a.session.post(url, data=b'{"changes": [{"op_id": ""}]}', headers=a.headers)
    assert reply.status_code == 202
    verdict = a.verdict(reply.json()["receipt"])
    assert verdict.status_code == 422 and verdict.json()["code"] == "bad_request"
    assert "op_id" in verdict.json()["detail"]


def test_a_packed_batch_is_applied_and_one_that_unpacks_too_large_is_refused(
    make_station, server_db: Database
) -> None:
    a = make_station()
    url = a.base_url + API_PREFIX + "/batches"
    packed = {"Content-Encoding": "gzip", **a.headers}
    changes = [a.change("employer", name=f"压缩单位{i}") for i in range(30)]
    body = gzip.compress(json.dumps({"changes": changes}, ensure_ascii=False).encode())
    receipt = a.session.post(url, data=body, headers=packed).json()["receipt"]
    assert a.verdict(receipt).json()["accepted"] == [c["op_id"] for c in changes]
    assert count_ops(server_db, [c["op_id"] for c in changes]) == 30

    bomb = b'{"changes": [' + b" " * (6 * 1024 * 1024) + b"]}"  # 6 MB unpacked, ~6 kB packed
    reply = a.session.post(url, data=gzip.compress(bomb), headers=packed)
    assert reply.status_code == 202
    verdict = a.verdict(reply.json()["receipt"])
    assert verdict.status_code == 413 and verdict.json()["code"] == "too_large"


# ---- the applier itself, on the session's district database --------------------------------


@pytest.fixture
def inbox(tmp_path: Path) -> Inbox:
    return Inbox(tmp_path)


def _batch(station, count: int) -> tuple[bytes, list[str]]:
    changes = [station.change("employer", name=f"单位{i}") for i in range(count)]
    return json.dumps({"changes": changes}).encode(), [c["op_id"] for c in changes]


def test_batches_stored_while_no_applier_runs_wait_and_are_applied_when_it_starts(
    make_station, server_db: Database, inbox: Inbox
) -> None:
    a = make_station()
    (first, first_ops), (second, second_ops) = _batch(a, 3), _batch(a, 2)
    r1 = inbox.store(a.station_id, first)
    r2 = inbox.store(a.station_id, second)
    assert (r1.ahead, r2.ahead) == (0, 1)
    assert isinstance(inbox.look_up(r2.receipt, a.station_id), Waiting)
    assert count_ops(server_db, first_ops + second_ops) == 0

    applier = BatchApplier(server_db, start_clock(server_db), inbox)
    assert applier.apply_next() and applier.apply_next() and not applier.apply_next()

    verdicts = [inbox.look_up(r.receipt, a.station_id) for r in (r1, r2)]
    assert all(isinstance(v, Verdict) and v.status == 200 for v in verdicts)
    assert count_ops(server_db, first_ops + second_ops) == 5
    assert inbox.look_up(r1.receipt, "another-station") is None


def test_a_batch_applied_before_its_verdict_was_kept_is_not_applied_twice(
    make_station, server_db: Database, inbox: Inbox
) -> None:
    a = make_station()
    body, ops = _batch(a, 4)
    stored = inbox.store(a.station_id, body)
    applier = BatchApplier(server_db, start_clock(server_db), inbox)
    queued = inbox.next_batch()
    assert queued is not None
    applier._verdict(queued)  # committed; the applier stops before keeping the verdict

    assert applier.apply_next()  # the next start applies it again

    verdict = inbox.look_up(stored.receipt, a.station_id)
    assert isinstance(verdict, Verdict) and verdict.status == 200
    assert PushResponse.model_validate_json(verdict.body).accepted == ops
    assert count_ops(server_db, ops) == 4


def test_a_batch_that_keeps_failing_gets_an_error_verdict_and_the_queue_goes_on(
    make_station, server_db: Database, inbox: Inbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = make_station()
    (broken, broken_ops), (fine, fine_ops) = _batch(a, 2), _batch(a, 2)
    bad = inbox.store(a.station_id, broken)
    good = inbox.store(a.station_id, fine)
    real_apply = applier_module.PushApplier.apply

    def apply_failing_on_the_first(self, batch):  # stands in for a fault in the server's code
        if batch.todo and batch.todo[0].change.op_id == broken_ops[0]:
            raise RuntimeError("fault")
        return real_apply(self, batch)

    monkeypatch.setattr(applier_module.PushApplier, "apply", apply_failing_on_the_first)
    applier = BatchApplier(server_db, start_clock(server_db), inbox)
    for _ in range(MAX_ATTEMPTS - 1):
        with pytest.raises(RuntimeError):
            applier.apply_next()
        assert isinstance(inbox.look_up(bad.receipt, a.station_id), Waiting)
    assert applier.apply_next() and applier.apply_next()

    failed = inbox.look_up(bad.receipt, a.station_id)
    assert isinstance(failed, Verdict) and failed.status == 500 and "重新上传" in failed.body
    done = inbox.look_up(good.receipt, a.station_id)
    assert isinstance(done, Verdict) and done.status == 200
    assert count_ops(server_db, broken_ops) == 0 and count_ops(server_db, fine_ops) == 2


def test_apply_batches_command_applies_what_is_stored_and_stops_on_sigterm(
    make_station, db_url: str, server_db: Database, tmp_path: Path
) -> None:
    a = make_station()
    inbox = Inbox(tmp_path)
    body, ops = _batch(a, 3)
    stored = inbox.store(a.station_id, body)
    command = [*server_command(), "apply-batches", "--db", db_url, "--data-dir", str(tmp_path)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while isinstance(inbox.look_up(stored.receipt, a.station_id), Waiting):
            assert time.monotonic() < deadline, "the stored batch was not applied"
            time.sleep(0.05)
        assert count_ops(server_db, ops) == 3
    finally:
        os.kill(process.pid, signal.SIGTERM)
        assert process.wait(timeout=20) == 0


def test_a_damaged_inbox_is_kept_aside_and_a_new_one_begun(make_station, tmp_path: Path) -> None:
    a = make_station()
    damaged = b"not a database " * 4000
    (tmp_path / "inbox.db").write_bytes(damaged)
    inbox = Inbox(tmp_path)

    stored = inbox.store(a.station_id, _batch(a, 1)[0])

    assert isinstance(inbox.look_up(stored.receipt, a.station_id), Waiting)
    [aside] = tmp_path.glob("inbox.db.damaged-*")
    assert aside.read_bytes() == damaged  # kept as it was, for whoever looks into it


def test_verdicts_older_than_a_week_are_forgotten_and_waiting_batches_kept(
    make_station, server_db: Database, inbox: Inbox
) -> None:
    a = make_station()
    done = inbox.store(a.station_id, _batch(a, 1)[0])
    BatchApplier(server_db, start_clock(server_db), inbox).apply_next()
    waiting = inbox.store(a.station_id, _batch(a, 1)[0])
    assert inbox.forget_old() == 0  # a fresh verdict stays

    assert inbox.forget_old(now=time.time() + 8 * 24 * 3600) == 1

    assert inbox.look_up(done.receipt, a.station_id) is None
    assert isinstance(inbox.look_up(waiting.receipt, a.station_id), Waiting)
