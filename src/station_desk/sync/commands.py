"""`station-desk connect` and `station-desk sync --once`.

sync --once prints one JSON line, also when it fails: {"pushed", "pulled", "pending",
"conflicts", "merged"} plus "oldest_pending" (ISO time or null), "last_success" (ISO time or
null), "last_error" ({"kind", "message", "since"} or null) and "stuck" ({"kind", "since",
"reason", "action"} or null; see sync/health.py) and "from_snapshot" (the sequence number of
the district snapshot a new station started from in this cycle, or null; docs/server.md).

Exit codes of sync --once: 0 synced and nothing left pending; 1 synced but changes are still
pending (made during the sync); 2 not connected or bad input; 4 the server cannot be reached
or failed; 5 the server refused this station's token. The outbox is untouched on failure.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from station_desk.store.db import sqlite_connection
from station_desk.store.settings import STATION_ID_KEY, get_setting, put_setting
from station_desk.sync.client import DistrictClient, SyncError
from station_desk.sync.engine import (
    SERVER_KEY,
    TOKEN_KEY,
    Desk,
    SyncSummary,
    sync_health,
    sync_once,
)
from station_desk.sync.health import iso, stuck_state
from station_desk.sync.identity import IdentityError, adopt_station_id

EXIT_OK, EXIT_PENDING, EXIT_BAD_INPUT, EXIT_OFFLINE, EXIT_REFUSED = 0, 1, 2, 4, 5


def read_provisioning(path: Path) -> dict[str, Any]:
    """The station.json IT brings from the district: server_url, station_id, token."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as error:
        raise ValueError(f"找不到配置文件：{path}") from error
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"配置文件读不出来或格式不对：{path}（{error}）") from error
    missing = [
        k for k in ("server_url", "token") if not isinstance(data.get(k), str) or not data[k]
    ]
    if not isinstance(data, dict) or missing:
        raise ValueError(f"配置文件缺少：{'、'.join(missing) or '内容'}")
    return data


def connect(desk: Desk, server_url: str, token: str) -> dict[str, str]:
    """Check the server and the token, take on the issued station id, store the settings."""
    info = DistrictClient(server_url, token).station()
    with desk.db.write() as session:
        old = get_setting(session, STATION_ID_KEY)
        if old and old != info.station_id:
            adopt_station_id(sqlite_connection(session), old, info.station_id)
        put_setting(session, STATION_ID_KEY, info.station_id)
        put_setting(session, SERVER_KEY, server_url.rstrip("/"))
        put_setting(session, TOKEN_KEY, token)
    if hasattr(desk, "_station_id"):
        desk._station_id = info.station_id  # type: ignore[attr-defined]
    return {"server_url": server_url.rstrip("/"), "station_id": info.station_id, "name": info.name}


def connect_command(
    desk: Desk, server: str | None, token: str | None, provision: str | None
) -> int:
    try:
        if provision:
            data = read_provisioning(Path(provision))
            server, token = data["server_url"], data["token"]
        if not server or not token:
            raise ValueError("请给出 --server 和 --token，或用 --provision 指定配置文件")
        result = connect(desk, server, token)
    except ValueError as error:
        print(str(error), file=sys.stderr)
        return EXIT_BAD_INPUT
    except IdentityError as error:
        print(error.message, file=sys.stderr)
        return EXIT_BAD_INPUT
    except SyncError as error:
        print(error.message, file=sys.stderr)
        return EXIT_REFUSED if error.kind == "auth" else EXIT_OFFLINE
    print(json.dumps({"connected": True, **result}, ensure_ascii=False, sort_keys=True))
    return EXIT_OK


def sync_report(desk: Desk, summary: SyncSummary) -> dict[str, Any]:
    """The JSON sync --once prints: the cycle's counts and the desk's sync health."""
    health = sync_health(desk)
    data = summary.as_dict()
    report: dict[str, Any] = {
        k: data[k] for k in ("pushed", "pulled", "pending", "conflicts", "merged")
    }
    report["pending"] = health.pending
    report["from_snapshot"] = summary.snapshot_seq
    report["oldest_pending"] = iso(health.oldest_pending)
    report["last_success"] = iso(health.last_success)
    report["last_error"] = health.last_error()
    stuck = stuck_state(health, desk.now())
    report["stuck"] = (
        None
        if stuck is None
        else {
            "kind": stuck.kind,
            "since": iso(stuck.since),
            "reason": stuck.reason,
            "action": stuck.action,
        }
    )
    return report


def sync_once_command(desk: Desk) -> int:
    summary = SyncSummary()
    try:
        sync_once(desk, summary=summary)
    except SyncError as error:
        if error.kind != "not_connected":
            print(json.dumps(sync_report(desk, summary), ensure_ascii=False, sort_keys=True))
        print(error.message, file=sys.stderr)
        stuck = stuck_state(sync_health(desk), desk.now())
        if stuck is not None:
            print(stuck.text(), file=sys.stderr)
        codes = {"auth": EXIT_REFUSED, "not_connected": EXIT_BAD_INPUT}
        return codes.get(error.kind, EXIT_OFFLINE)
    print(json.dumps(sync_report(desk, summary), ensure_ascii=False, sort_keys=True))
    if summary.rejected:
        print(f"有{summary.rejected}条修改被服务器拒收，原因见工作台的同步记录。", file=sys.stderr)
    return EXIT_OK if summary.pending == 0 else EXIT_PENDING
