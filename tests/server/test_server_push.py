"""Push: accepted changes, re-sent batches, rejections, tokens, bad bodies, the server clock."""

from __future__ import annotations

import json
import uuid

import requests
from server_helpers import new_id_number, worker_fields
from sqlalchemy import func, select

from district_server.models import ChangeLog
from station_desk.domain.hlc import Hlc
from station_desk.sync.protocol import API_PREFIX

DAY_MS = 24 * 3600 * 1000


def count_ops(server_db, op_ids: list[str]) -> int:
    with server_db.read_session() as session:
        query = select(func.count()).select_from(ChangeLog).where(ChangeLog.op_id.in_(op_ids))
        return int(session.execute(query).scalar_one())


def test_health_needs_no_token(server: str) -> None:
    body = requests.get(server + API_PREFIX + "/health", timeout=5).json()
    assert body["status"] == "ok" and body["protocol"] == 1
    assert Hlc.decode(body["server_hlc"]).station == "server"
    assert requests.get(server + "/docs", timeout=5).status_code == 200


def test_station_info_for_the_token(make_station) -> None:
    station = make_station("城关驿站", kind="market")
    response = requests.get(station.base_url + API_PREFIX + "/station", headers=station.headers)
    assert response.json() == {
        "station_id": station.station_id,
        "name": "城关驿站",
        "kind": "market",
    }


def test_accepted_changes_get_increasing_seqs(make_station) -> None:
    a, b = make_station(), make_station()
    cursor = b.drain()
    changes = [a.change("worker", **worker_fields(new_id_number())) for _ in range(3)]
    reply = a.push(changes)
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["accepted"] == [c["op_id"] for c in changes] and body["rejected"] == []
    pulled = b.pull(cursor)["changes"]
    assert [p["record_id"] for p in pulled] == [c["record_id"] for c in changes]
    seqs = [p["seq"] for p in pulled]
    assert seqs == sorted(seqs) and len(set(seqs)) == 3 and seqs[0] > cursor
    assert all(p["station_id"] == a.station_id for p in pulled)


def test_resent_batch_applies_nothing_twice(make_station, server_db) -> None:
    a, b = make_station(), make_station()
    cursor = b.drain()
    changes = [a.change("employer", name=f"单位{i}") for i in range(5)]
    first = a.push(changes).json()
    again = a.push(changes).json()  # the reply was lost: the desk sends the same batch
    assert first["accepted"] == again["accepted"] == [c["op_id"] for c in changes]
    assert again["rejected"] == []
    assert count_ops(server_db, [c["op_id"] for c in changes]) == 5
    page = b.pull(cursor)
    assert [p["record_id"] for p in page["changes"]] == [c["record_id"] for c in changes]
    # the same op twice in one batch counts once as well
    one = a.change("employer", name="重复")
    assert a.push([one, one]).json()["accepted"] == [one["op_id"], one["op_id"]]
    assert count_ops(server_db, [one["op_id"]]) == 1


def test_one_bad_op_in_a_100_op_batch(make_station, server_db) -> None:
    a = make_station()
    changes = [a.change("worker", **worker_fields(new_id_number())) for _ in range(100)]
    changes[42]["fields"]["id_number"] = "110101199001011234"  # wrong check digit
    body = a.push(changes).json()
    assert len(body["accepted"]) == 99
    assert [r["op_id"] for r in body["rejected"]] == [changes[42]["op_id"]]
    assert "身份证号" in body["rejected"][0]["reason"]
    assert "校验码" in body["rejected"][0]["reason"]
    assert count_ops(server_db, [c["op_id"] for c in changes]) == 99


def test_value_checks_give_chinese_reasons(make_station) -> None:
    a = make_station()
    employer = a.change("employer", name="某公司")
    bad = {
        "headcount": a.change("posting", employer_id=employer["record_id"], headcount=0),
        "phone": a.change("worker", **worker_fields(new_id_number(), phone="12345")),
        "kind": a.change("no_such_kind", name="x"),
        "field": a.change("worker", salary=1),
        "date": a.change("posting", start_date="明天"),
        "bool": a.change("posting", is_quick="yes"),
        "empty": a.change("worker"),
    }
    body = a.push([employer, *bad.values()]).json()
    assert body["accepted"] == [employer["op_id"]]
    reasons = {r["op_id"]: r["reason"] for r in body["rejected"]}
    assert "至少为1人" in reasons[bad["headcount"]["op_id"]]
    assert "手机号" in reasons[bad["phone"]["op_id"]]
    assert "未知的记录类型" in reasons[bad["kind"]["op_id"]]
    assert "未知的字段" in reasons[bad["field"]["op_id"]]
    assert "日期" in reasons[bad["date"]["op_id"]]
    assert "是/否" in reasons[bad["bool"]["op_id"]]
    assert "没有任何字段" in reasons[bad["empty"]["op_id"]]


def test_a_station_cannot_push_another_stations_change(make_station) -> None:
    a, b = make_station(), make_station()
    forged = b.change("employer", name="冒名")
    body = a.push([forged]).json()
    assert body["accepted"] == []
    assert body["rejected"][0]["reason"] == "只能上传本驿站自己产生的修改"
    created = a.change("employer", name="别家登记", origin_station=b.station_id)
    assert "本驿站自己登记" in a.push([created]).json()["rejected"][0]["reason"]


def test_wrong_and_revoked_tokens_get_401_with_a_reason(make_station, server_db) -> None:
    from district_server.stations import revoke_station

    a = make_station()
    url = a.base_url + API_PREFIX
    for headers in ({}, {"Authorization": "Bearer nope"}, {"Authorization": a.token}):
        reply = requests.post(url + "/push", json={"changes": []}, headers=headers, timeout=5)
        assert reply.status_code == 401
        assert reply.json()["code"] == "bad_token" and "令牌无效" in reply.json()["detail"]
    assert a.push([a.change("employer", name="吊销前")]).status_code == 200
    revoke_station(server_db, a.station_id)
    for reply in (
        a.push([a.change("employer", name="吊销后")]),
        requests.get(url + "/pull", headers=a.headers, timeout=5),
        requests.get(url + "/station", headers=a.headers, timeout=5),
    ):
        assert reply.status_code == 401
        assert reply.json()["code"] == "revoked" and "重新" in reply.json()["detail"]


def test_malformed_and_oversized_bodies_get_json_4xx(make_station) -> None:
    a = make_station()
    url = a.base_url + API_PREFIX + "/push"
    headers = {**a.headers, "Content-Type": "application/json"}
    cases = [
        b"{not json",
        b'{"changes": "nope"}',
        b'{"changes": [{"op_id": "x"}]}',
        json.dumps({"changes": [a.change("employer", name="x")] * 1001}).encode(),
        b"[]",
    ]
    for data in cases:
        reply = requests.post(url, data=data, headers=headers, timeout=10)
        assert 400 <= reply.status_code < 500, (data[:40], reply.status_code)
        assert reply.json()["code"] in {"bad_json", "bad_request"} and reply.json()["detail"]
    huge = b'{"changes": [], "pad": "' + b"x" * (6 * 1024 * 1024) + b'"}'
    reply = requests.post(url, data=huge, headers=headers, timeout=30)
    assert reply.status_code == 413 and reply.json()["code"] == "too_large"
    chunked = requests.post(url, data=iter([huge[i : i + 65536] for i in range(0, len(huge), 65536)]),
                            headers=headers, timeout=30)  # fmt: skip
    assert chunked.status_code == 413 and chunked.json()["code"] == "too_large"
    for bad in ("-1", "abc"):
        reply = requests.get(a.base_url + API_PREFIX + "/pull", params={"after": bad},
                             headers=a.headers, timeout=5)  # fmt: skip
        assert reply.status_code == 422 and reply.json()["code"] == "bad_request"
    missing = requests.get(a.base_url + API_PREFIX + "/nothing", timeout=5)
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"


def test_server_clock_moves_past_a_station_3_days_ahead(make_station) -> None:
    ahead = make_station(offset_ms=3 * DAY_MS)
    change = ahead.change("employer", name="时钟超前")
    body = ahead.push([change]).json()
    assert body["accepted"] == [change["op_id"]]
    assert Hlc.decode(body["server_hlc"]) > Hlc.decode(change["hlc"])
    other = make_station()
    health = requests.get(other.base_url + API_PREFIX + "/health", timeout=5).json()
    assert Hlc.decode(health["server_hlc"]).wall_ms >= Hlc.decode(change["hlc"]).wall_ms
    assert Hlc.decode(other.pull(0, limit=1)["server_hlc"]) > Hlc.decode(change["hlc"])


def test_a_stamp_out_of_range_is_rejected(make_station) -> None:
    a = make_station()
    change = a.change("employer", name="x")
    change["hlc"] = f"99999999999999-00000-{a.station_id}"
    assert "超出范围" in a.push([change]).json()["rejected"][0]["reason"]
    change["hlc"] = f"abc-00000-{a.station_id}"
    assert "时间戳格式" in a.push([change]).json()["rejected"][0]["reason"]
    assert uuid.UUID(a.station_id)


def test_a_merge_in_another_server_process_is_stamped_after_every_stored_change(
    make_station, server_db
) -> None:
    """serve --workers: each process keeps its own clock. A process whose clock has not seen
    a station's day-ahead stamp still stamps a merge after it (it reads the newest stored
    stamp inside the write lock), so the merge is not older than the change it follows."""
    from district_server.clock import ServerClock
    from district_server.merge import PushApplier
    from station_desk.sync.protocol import MERGE_KIND, Change

    ahead, here = make_station(offset_ms=86_400_000), make_station()
    start = here.drain()
    number = new_id_number()
    first = ahead.change("worker", **worker_fields(number, name="李四"))
    assert ahead.push([first]).status_code == 200  # through the running server's own clock
    other_process = ServerClock(None)  # has seen nothing of that stamp
    with server_db.write_session() as session:
        result = PushApplier(session, here.station_id, other_process).push(
            [Change(**here.change("worker", **worker_fields(number, name="李四")))]
        )
    assert result.merged, "the same ID number was not merged"
    stream = here.pull(start, limit=2000)["changes"]
    merge = next(
        c for c in stream if c["kind"] == MERGE_KIND and c["record_id"] == first["record_id"]
    )
    assert merge["hlc"] > first["hlc"]
