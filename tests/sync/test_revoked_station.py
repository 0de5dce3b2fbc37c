"""A station whose token the district revoked: refused at once with a clear message, nothing
local lost, and after IT brings a new provisioning file the waiting changes go up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select as sa_select
from sqlmodel import select
from sync_fixtures import district_server

from district_server.db import Database as DistrictDatabase
from district_server.models import ChangeLog
from station_desk.cli import main
from station_desk.domain.worker import WorkerDraft
from station_desk.services.context import Desk
from station_desk.services.workers import edit_worker, register_worker
from station_desk.store.db import Database
from station_desk.store.models import Outbox, Worker
from station_desk.store.settings import get_setting
from station_desk.sync.client import REVOKED_MESSAGE
from station_desk.sync.engine import TOKEN_KEY

PEOPLE = [
    ("孙丽", "110105199003070017"),
    ("钱进", "11010519491231002X"),
    ("吴刚", "110101198001010010"),
]


def _outbox(desk: Desk) -> list[tuple[str, object, object]]:
    with desk.db.read() as session:
        rows = session.exec(select(Outbox).order_by(Outbox.seq)).all()
        return [(r.op_id, r.pushed_at, r.rejected_reason) for r in rows]


def _pending_ops(desk: Desk) -> list[str]:
    return [op for op, pushed_at, _ in _outbox(desk) if pushed_at is None]


def _workers(desk: Desk) -> dict[str, str]:
    with desk.db.read() as session:
        return {w.name: w.phone for w in session.exec(select(Worker)).all()}


def _provision(db_url: str, base_url: str, out: Path, station_id: str | None = None) -> str:
    if station_id is None:
        done = district_server("add-station", "--db", db_url, "--name", "石桥村零工驿站",
                               "--server-url", base_url, "--out", str(out))  # fmt: skip
    else:
        done = district_server("reissue-token", station_id, "--db", db_url,
                               "--server-url", base_url, "--out", str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr
    return str(json.loads(done.stdout)["station_id"])


def test_a_revoked_station_is_refused_keeps_everything_and_carries_on_after_reissue(
    district: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base_url, db_url = district
    data_dir = tmp_path / "desk"
    desk_cli = ["--data-dir", str(data_dir)]
    first_file = tmp_path / "station.json"
    station_id = _provision(db_url, base_url, first_file)
    assert main([*desk_cli, "connect", "--provision", str(first_file)]) == 0
    desk = Desk(Database(data_dir / "station.db"))
    for name, number in PEOPLE[:2]:
        register_worker(desk, WorkerDraft(name=name, id_number=number, phone="13812345678"))
    assert main([*desk_cli, "sync", "--once"]) == 0

    # Work goes on at the counter; then the district revokes the station.
    register_worker(
        desk, WorkerDraft(name=PEOPLE[2][0], id_number=PEOPLE[2][1], phone="13900001111")
    )
    with desk.db.read() as session:
        sun = session.exec(select(Worker).where(Worker.name == "孙丽")).one()
    edit_worker(desk, sun.id, WorkerDraft(name="孙丽", id_number=PEOPLE[0][1], phone="13700002222"))
    waiting = _pending_ops(desk)
    assert len(waiting) == 2
    before, people, token = _outbox(desk), _workers(desk), _token(desk)
    assert district_server("revoke-station", station_id, "--db", db_url).returncode == 0
    capsys.readouterr()

    assert main([*desk_cli, "sync", "--once"]) == 5
    said = capsys.readouterr().err
    assert REVOKED_MESSAGE in said
    for words in ("停用", "本机数据都在", "配置文件", "连接区服务器"):
        assert words in said
    assert _outbox(desk) == before  # not one change marked sent or rejected
    assert _workers(desk) == people and people["孙丽"] == "13700002222"
    assert _token(desk) == token  # the settings stay as they were, for IT to see

    # IT brings the old file again by mistake: refused the same way, nothing changes.
    assert main([*desk_cli, "connect", "--provision", str(first_file)]) == 5
    assert "停用" in capsys.readouterr().err and _outbox(desk) == before

    # The district reissues; with the new file the waiting changes go up, none twice.
    new_file = tmp_path / "station-new.json"
    assert _provision(db_url, base_url, new_file, station_id) == station_id
    assert main([*desk_cli, "connect", "--provision", str(new_file)]) == 0
    assert main([*desk_cli, "sync", "--once"]) == 0
    assert _pending_ops(desk) == [] and _workers(desk) == people
    server = DistrictDatabase(db_url)
    try:
        with server.read_session() as session:
            query = sa_select(ChangeLog.op_id).where(ChangeLog.station_id == station_id)
            stored = list(session.execute(query).scalars())
    finally:
        server.dispose()
    assert set(waiting) <= set(stored) and len(stored) == len(set(stored)) == len(before)


def _token(desk: Desk) -> str:
    with desk.db.read() as session:
        return get_setting(session, TOKEN_KEY)
