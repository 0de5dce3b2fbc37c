"""District server hardening, checked against a running server on SQLite and PostgreSQL:
tokens only as hashes, revocation at once, no writing in another station's name, no audit
data, and bad input answered with a 4xx and a reason (never a 5xx, never stored)."""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from pathlib import Path

import requests
from server_helpers import StationClient, new_id_number, worker_fields
from sqlalchemy import inspect, text

from district_server.db import Database
from server_process import server_command
from station_desk.store.models import AuditLog
from station_desk.sync.protocol import API_PREFIX, MERGE_KIND, RECORD_FIELDS

CJK = re.compile(r"[\u4e00-\u9fff]")


def cli(*args: str):
    import subprocess

    return subprocess.run(
        [*server_command(), *args], capture_output=True, text=True, timeout=60, check=False
    )


def all_stored_text(db: Database) -> str:
    """Every value in every table of the server's database, as one text."""
    parts: list[str] = []
    with db.engine.connect() as conn:
        for table in inspect(conn).get_table_names():
            for row in conn.execute(text(f'SELECT * FROM "{table}"')):
                parts.extend(str(value) for value in row)
    return "\n".join(parts)


def own_changes_seen_by(observer: StationClient, author: StationClient, after: int) -> list:
    page = observer.pull(after, limit=2000)
    return [c for c in page["changes"] if c["station_id"] == author.station_id]


# ---- tokens --------------------------------------------------------------------------------


def test_the_database_keeps_only_hashes_of_tokens(
    db_url: str, server_db: Database, tmp_path: Path
) -> None:
    added = cli(
        "add-station", "--db", db_url, "--name", "哈希驿站", "--out", str(tmp_path / "a.json")
    )
    assert added.returncode == 0, added.stderr
    issued = json.loads(added.stdout)
    again = cli("reissue-token", issued["station_id"], "--db", db_url)
    assert again.returncode == 0, again.stderr
    reissued = json.loads(again.stdout)["token"]
    stored = all_stored_text(server_db)
    for token in (issued["token"], reissued):
        assert len(token) >= 40 and token not in stored
    assert hashlib.sha256(reissued.encode()).hexdigest() in stored
    assert hashlib.sha256(issued["token"].encode()).hexdigest() not in stored  # replaced


def test_revocation_takes_effect_on_the_next_request_of_a_running_server(
    make_station, db_url: str
) -> None:
    a = make_station()
    url = a.base_url + API_PREFIX
    assert a.push([a.change("employer", name="吊销前")]).status_code == 200
    assert cli("revoke-station", a.station_id, "--db", db_url).returncode == 0
    refused = requests.get(url + "/station", headers=a.headers, timeout=5)
    assert refused.status_code == 401 and refused.json()["code"] == "revoked"
    assert "重新发放" in refused.json()["detail"]
    late = a.change("employer", name="吊销后")
    assert a.push([late]).status_code == 401

    renewed = json.loads(cli("reissue-token", a.station_id, "--db", db_url).stdout)["token"]
    old = requests.get(url + "/station", headers=a.headers, timeout=5)
    assert old.status_code == 401 and old.json()["code"] == "bad_token"
    a.token = renewed
    assert requests.get(url + "/station", headers=a.headers, timeout=5).json()["station_id"] == (
        a.station_id
    )
    assert a.push([late]).json()["accepted"] == [late["op_id"]]  # nothing was lost


# ---- writing in another station's name -----------------------------------------------------


def test_a_station_cannot_change_another_stations_profile(make_station) -> None:
    a, b, c = make_station(), make_station(), make_station()
    start = c.drain()
    own = b.change("station", b.station_id, name="青山驿站", hotline="12345")
    assert b.push([own]).json()["accepted"] == [own["op_id"]]
    forged = a.change("station", b.station_id, name="冒名驿站", hotline="99999")
    reply = a.push([forged])  # that change is rejected alone, with the reason
    assert reply.status_code == 200 and reply.json()["accepted"] == []
    assert "只能修改本驿站自己的驿站信息" in reply.json()["rejected"][0]["reason"]
    assert own_changes_seen_by(c, a, start) == []
    profile = [ch for ch in c.pull(start)["changes"] if ch["record_id"] == b.station_id]
    assert [ch["fields"]["name"] for ch in profile] == ["青山驿站"]
    mine = a.change("station", a.station_id, name="本站")  # its own profile is fine
    assert a.push([mine]).json()["accepted"] == [mine["op_id"]]


def test_a_station_cannot_take_the_op_id_of_a_server_merge(make_station) -> None:
    """Without the check, the forged op id made the later merge fail with a 500 forever."""
    a, b, c = make_station(), make_station(), make_station()
    start = c.drain()
    number = new_id_number()
    first = b.change("worker", **worker_fields(number, name="赵六"))
    second = c.change("worker", **worker_fields(number, name="赵六"))
    squat = a.change("employer", name="占位")
    squat["op_id"] = f"merge-{second['record_id']}"
    reply = a.push([squat])
    assert reply.status_code == 200 and reply.json()["accepted"] == []
    assert "merge-" in reply.json()["rejected"][0]["reason"]
    assert b.push([first]).status_code == 200
    merged = c.push([second])
    assert merged.status_code == 200 and merged.json()["accepted"] == [second["op_id"]]
    stream = b.pull(start)["changes"]
    merges = [ch["fields"] for ch in stream if ch["kind"] == MERGE_KIND]
    assert {"from_id": second["record_id"], "into_id": first["record_id"]} in merges


# ---- no audit data ---------------------------------------------------------------------------


def test_no_audit_data_leaves_a_desk_or_is_served(make_station, server: str) -> None:
    assert AuditLog.__tablename__ not in RECORD_FIELDS and "audit" not in RECORD_FIELDS
    paths = set(requests.get(server + "/openapi.json", timeout=5).json()["paths"])
    names = ("health", "station", "push", "batches", "batches/{receipt}", "pull", "snapshot")
    assert paths == {f"{API_PREFIX}/{name}" for name in names}
    a, b = make_station(), make_station()
    start = b.drain()
    for path in ("/audit", "/audit_log", "/audit-log"):
        missing = requests.get(server + API_PREFIX + path, headers=a.headers, timeout=5)
        assert missing.status_code == 404 and missing.json()["code"] == "not_found"
    for kind in ("audit", "audit_log"):
        entry = a.change(kind, action="login", staff="管理员")
        body = a.push([entry]).json()
        assert body["accepted"] == [] and "未知的记录类型" in body["rejected"][0]["reason"]
    kinds = {ch["kind"] for ch in b.pull(0, limit=2000)["changes"]}
    assert kinds <= set(RECORD_FIELDS) | {MERGE_KIND}
    assert own_changes_seen_by(b, a, start) == []


# ---- bad input -----------------------------------------------------------------------------


def test_bad_input_gets_a_4xx_with_a_reason_and_nothing_is_stored(make_station) -> None:
    a, b = make_station(), make_station()
    start = b.drain()
    url = a.base_url + API_PREFIX
    headers = {**a.headers, "Content-Type": "application/json"}
    stamp = a.change("employer", name="x")["hlc"]

    def change_json(fields: str, op_id: str | None = None) -> bytes:
        op = op_id or f'"op-{uuid.uuid4()}"'
        return (
            f'{{"changes": [{{"op_id": {op}, "kind": "employer", "record_id": "{uuid.uuid4()}", '
            f'"fields": {fields}, "hlc": "{stamp}"}}]}}'
        ).encode()

    bodies = {
        "NaN": change_json('{"name": "x", "note": NaN}'),
        "Infinity": change_json('{"name": "x", "note": -Infinity}'),
        "1e400": change_json('{"name": "x", "note": 1e400}'),
        "huge int": change_json('{"name": "x", "note": 123456789012345678901234567890}'),
        "lone surrogate": change_json('{"name": "\\ud800"}'),
        "surrogate key": change_json('{"\\udfff": 1}'),
        "surrogate op id": change_json('{"name": "x"}', op_id='"\\ud83d"'),
        "deep": change_json('{"name": "x", "note": ' + "[" * 40 + "]" * 40 + "}"),
        "very deep": b'{"changes": [], "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        "wrong types": b'{"changes": [{"op_id": 1, "kind": [], "record_id": {}, "fields": 2}]}',
        "null": b"null",
        "array": b"[]",
        "empty": b"",
        "not utf-8": b'{"changes": ["\xff\xfe"]}',
        "truncated": b'{"changes": [',
    }
    for name, data in bodies.items():
        reply = requests.post(url + "/push", data=data, headers=headers, timeout=30)
        assert 400 <= reply.status_code < 500, (name, reply.status_code, reply.text[:200])
        body = reply.json()
        assert body["code"] in {"bad_json", "bad_request"}, name
        assert CJK.search(body["detail"]) and len(body["detail"]) <= 1000, (name, body)
    for params in ({"after": "9" * 30}, {"after": str(2**63)}, {"after": "-1"}, {"limit": "0"},
                   {"after": "²"}, {"limit": "x"}):  # fmt: skip
        reply = requests.get(url + "/pull", params=params, headers=a.headers, timeout=5)
        assert reply.status_code == 422 and CJK.search(reply.json()["detail"]), params
    huge_limit = requests.get(url + "/pull", params={"limit": "9" * 30}, headers=a.headers)
    assert huge_limit.status_code == 200  # capped at the largest page
    long_key = requests.post(url + "/push", data=change_json('{"' + "k" * 100_000 + '": 1}'),
                             headers=headers, timeout=30)  # fmt: skip
    assert long_key.json()["accepted"] == [] and "未知的字段" in long_key.text  # that op only
    assert own_changes_seen_by(b, a, start) == []
    fine = a.change("employer", name="正常的单位", note="x" * 1000)
    assert a.push([fine]).json()["accepted"] == [fine["op_id"]]  # the station is not harmed


def test_a_nul_character_is_kept_on_sqlite_and_refused_with_a_reason_on_postgresql(
    make_station, server_db: Database
) -> None:
    """A desk can have a NUL in a note pasted from elsewhere. SQLite keeps it as it is;
    PostgreSQL cannot store it, so there that change is rejected with the reason (the rest of
    the batch still applies), not a 500. The desk itself drops such characters since."""
    a, b = make_station(), make_station()
    start = b.drain()
    note = a.change("employer", name="单位", note="前\x00后")
    reply = a.push([note])
    if server_db.is_sqlite:
        assert reply.json()["accepted"] == [note["op_id"]]
        assert own_changes_seen_by(b, a, start)[0]["fields"]["note"] == "前\x00后"
    else:
        assert reply.status_code == 200 and reply.json()["accepted"] == []
        assert "空字符" in reply.json()["rejected"][0]["reason"]
        assert own_changes_seen_by(b, a, start) == []
