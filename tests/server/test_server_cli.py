"""The district-server command: provisioning stations against SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import stat
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from server_process import server_command


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*server_command(), *args], capture_output=True, text=True, timeout=60, check=False
    )


def test_add_list_revoke(db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "station.json"
    added = cli("add-station", "--db", db_url, "--name", "东山驿站", "--kind", "market",
                "--server-url", "http://district.local:8765/", "--out", str(out))  # fmt: skip
    assert added.returncode == 0, added.stderr
    printed = json.loads(added.stdout)
    assert set(printed) == {"station_id", "token"} and len(printed["token"]) >= 40
    provisioning = json.loads(out.read_text(encoding="utf-8"))
    assert provisioning == {
        "server_url": "http://district.local:8765",
        "station_id": printed["station_id"],
        "token": printed["token"],
        "name": "东山驿站",
        "kind": "market",
    }
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600

    listed = cli("list-stations", "--db", db_url, "--json")
    rows = {r["station_id"]: r for r in map(json.loads, listed.stdout.splitlines())}
    assert rows[printed["station_id"]]["name"] == "东山驿站"
    assert rows[printed["station_id"]]["revoked_at"] is None
    assert printed["token"] not in listed.stdout

    assert cli("revoke-station", printed["station_id"], "--db", db_url).returncode == 0
    listed = cli("list-stations", "--db", db_url, "--json")
    rows = {r["station_id"]: r for r in map(json.loads, listed.stdout.splitlines())}
    assert rows[printed["station_id"]]["revoked_at"]
    human = cli("list-stations", "--db", db_url).stdout
    assert "东山驿站" in human and "已吊销" in human

    missing = cli("revoke-station", "no-such-station", "--db", db_url)
    assert missing.returncode == 1 and "没有这个驿站" in missing.stderr
    assert cli("add-station", "--db", db_url, "--name", "x", "--kind", "town").returncode == 2
    assert cli("add-station", "--db", db_url, "--name", "  ").returncode == 2


def test_list_stations_says_when_each_station_last_sent_a_change(make_station, db_url: str) -> None:
    quiet, busy = make_station("未上传驿站"), make_station("已上传驿站")
    assert busy.push([busy.change("employer", name="上传过的单位")]).status_code == 200

    listed = cli("list-stations", "--db", db_url, "--json")

    rows = {r["station_id"]: r for r in map(json.loads, listed.stdout.splitlines())}
    assert rows[quiet.station_id]["last_change_at"] is None
    sent = datetime.fromisoformat(rows[busy.station_id]["last_change_at"])
    assert abs((datetime.now(UTC) - sent.replace(tzinfo=sent.tzinfo or UTC)).total_seconds()) < 120
    human = cli("list-stations", "--db", db_url).stdout.splitlines()
    [quiet_line] = [line for line in human if quiet.station_id in line]
    [busy_line] = [line for line in human if busy.station_id in line]
    assert "尚未上传" in quiet_line and "最近上传 " in busy_line


def test_snapshot_is_built_from_either_back_end(make_station, db_url: str, tmp_path: Path) -> None:
    """district-server snapshot on SQLite and on PostgreSQL: it holds every change up to the
    top of the stream, workers pushed just before included, and says so in its JSON line."""
    import gzip

    from server_helpers import new_id_number, worker_fields

    from station_desk.store import driver

    station = make_station()
    changes = [
        station.change(
            "worker", **worker_fields(new_id_number(), origin_station=station.station_id)
        )
        for _ in range(5)
    ]
    assert station.push(changes).status_code == 200
    top = station.drain()
    built = cli("snapshot", "--db", db_url, "--data-dir", str(tmp_path))
    assert built.returncode == 0, built.stderr
    info = json.loads(built.stdout)
    assert info["seq"] >= top and info["size"] > 0
    packed = tmp_path / "snapshot" / f"snapshot-{info['seq']}.db.gz"
    unpacked = tmp_path / "snapshot.db"
    unpacked.write_bytes(gzip.decompress(packed.read_bytes()))
    conn = driver.connect(unpacked)
    try:
        ids = {row[0] for row in conn.execute("SELECT id FROM worker")}
    finally:
        conn.close()
    assert {c["record_id"] for c in changes} <= ids
    again = cli("snapshot", "--db", db_url, "--data-dir", str(tmp_path))
    assert json.loads(again.stdout)["sha256"] == info["sha256"]  # nothing new: kept as it is
