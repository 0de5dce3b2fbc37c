"""`district-server`: serve the API and provision stations.

Exit codes: 0 ok, 1 not found, 2 bad input (argparse errors too).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .core.config import ENV_PREFIX, SettingsError, load_settings
from .db import Database
from .stations import (
    STATION_KINDS,
    NewStation,
    add_station,
    last_changes,
    list_stations,
    reissue_token,
    revoke_station,
)

EXIT_OK, EXIT_NOT_FOUND, EXIT_BAD_INPUT = 0, 1, 2
DEFAULT_PORT = 8765


def _db_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", help="database URL (sqlite:///path or postgresql+psycopg://…); default: embedded"
    )
    parser.add_argument("--data-dir", help="folder for the embedded SQLite database")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="district-server", description="区级同步服务器")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the HTTP API")
    _db_args(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    serve.add_argument("--log-level", default="info")
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        help="server processes (more use more processor cores; pushes still commit one at a time)",
    )
    serve.add_argument(
        "--snapshot-interval",
        type=float,
        default=300.0,
        help="seconds between checks whether the first-sync snapshot needs rebuilding (0: never)",
    )

    apply = sub.add_parser(
        "apply-batches",
        help="apply queued pushes as they come, until stopped (serve runs this itself)",
    )
    _db_args(apply)
    apply.add_argument("--parent-pid", type=int, help=argparse.SUPPRESS)  # serve's: stop with it

    snap = sub.add_parser(
        "snapshot", help="rebuild the snapshot new stations start from (serve does it too)"
    )
    _db_args(snap)

    add = sub.add_parser("add-station", help="register a station and print its token once")
    _db_args(add)
    add.add_argument("--name", required=True)
    add.add_argument("--kind", choices=STATION_KINDS, default="station")
    add.add_argument("--server-url", default=f"http://127.0.0.1:{DEFAULT_PORT}")
    add.add_argument("--out", help="write the provisioning file (JSON) for the station PC")

    ls = sub.add_parser("list-stations", help="list stations")
    _db_args(ls)
    ls.add_argument("--json", action="store_true", help="print JSON lines")

    revoke = sub.add_parser("revoke-station", help="revoke a station's token")
    _db_args(revoke)
    revoke.add_argument("station_id")

    reissue = sub.add_parser(
        "reissue-token", help="give a station a new token (the old one stops working)"
    )
    _db_args(reissue)
    reissue.add_argument("station_id")
    reissue.add_argument("--server-url", default=f"http://127.0.0.1:{DEFAULT_PORT}")
    reissue.add_argument("--out", help="write the provisioning file (JSON) for the station PC")
    return parser


def _database(args: argparse.Namespace) -> Database:
    db = Database(load_settings(args.db, args.data_dir).db_url)
    db.create_schema()
    return db


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from .app import APPLIER_ENV, create_app
    from .applier import ApplierProcess
    from .snapshot import SnapshotScheduler

    # One process applies queued pushes for every worker, beside them (applier.py).
    os.environ[APPLIER_ENV] = "external"
    app = create_app(args.db, args.data_dir)
    settings = app.state.settings
    print(f"district server: http://{args.host}:{args.port}/api/v1/  (docs: /docs)", flush=True)
    print(f"database: {_safe_url(settings.db_url)}", flush=True)
    scheduler = SnapshotScheduler(
        app.state.db, settings.db_url, settings.data_dir, args.snapshot_interval
    )
    scheduler.start()
    applier = ApplierProcess(settings.db_url, settings.data_dir)
    applier.start()
    try:
        if args.workers > 1:
            # Each worker process builds its own app from the same settings (environment).
            os.environ[ENV_PREFIX + "DB"] = settings.db_url
            os.environ[ENV_PREFIX + "DATA_DIR"] = str(settings.data_dir)
            uvicorn.run(
                "district_server.app:create_app",
                factory=True,
                host=args.host,
                port=args.port,
                log_level=args.log_level,
                workers=args.workers,
            )
        else:
            uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level)
    finally:
        scheduler.stop()
        applier.stop()
    return EXIT_OK


def cmd_apply_batches(args: argparse.Namespace) -> int:
    """Apply queued pushes until SIGTERM or Ctrl+C."""
    import logging
    import signal
    import threading

    from .app import start_clock
    from .applier import BatchApplier
    from .inbox import Inbox

    logging.basicConfig(level=logging.INFO, format="%(asctime)s apply-batches %(message)s")
    settings = load_settings(args.db, args.data_dir)
    db = _database(args)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())

    def stop_when_orphaned(parent: int) -> None:  # serve was killed: do not outlive it
        while not stop.wait(1.0):
            if os.getppid() != parent:
                stop.set()

    if args.parent_pid:
        threading.Thread(target=stop_when_orphaned, args=(args.parent_pid,), daemon=True).start()
    try:
        inbox = Inbox(settings.data_dir)
        BatchApplier(db, start_clock(db), inbox, settings.max_body_bytes).run(stop)
    except KeyboardInterrupt:
        pass
    finally:
        db.dispose()
    return EXIT_OK


def cmd_snapshot(args: argparse.Namespace) -> int:
    """Bring the snapshot up to date now; prints what is published (JSON)."""
    import time

    from .snapshot import refresh

    settings = load_settings(args.db, args.data_dir)
    db = _database(args)
    started = time.perf_counter()
    try:
        info = refresh(db, settings.data_dir)
    finally:
        db.dispose()
    print(
        json.dumps(
            {
                "seq": info.seq,
                "schema": info.schema,
                "size": info.size,
                "sha256": info.sha256,
                "built_at": info.built_at,
                "seconds": round(time.perf_counter() - started, 2),
            }
        )
    )
    return EXIT_OK


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def cmd_add_station(args: argparse.Namespace) -> int:
    db = _database(args)
    try:
        station = add_station(db, args.name, args.kind)
    except ValueError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        db.dispose()
    return _issued(station, args)


def cmd_reissue_token(args: argparse.Namespace) -> int:
    db = _database(args)
    try:
        station = reissue_token(db, args.station_id)
    finally:
        db.dispose()
    if station is None:
        print(f"没有这个驿站：{args.station_id}", file=sys.stderr)
        return EXIT_NOT_FOUND
    return _issued(station, args)


def _issued(station: NewStation, args: argparse.Namespace) -> int:
    """Print the station id and token once, and write the provisioning file when asked."""
    print(json.dumps({"station_id": station.station_id, "token": station.token}))
    if args.out:
        provisioning = {
            "server_url": args.server_url.rstrip("/"),
            "station_id": station.station_id,
            "token": station.token,
            "name": station.name,
            "kind": station.kind,
        }
        write_private(Path(args.out), json.dumps(provisioning, ensure_ascii=False, indent=2))
    return EXIT_OK


def write_private(path: Path, text: str) -> None:
    """Write a file only its owner can read (where the OS has such modes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text + "\n")
    with contextlib.suppress(OSError):
        os.chmod(path, 0o600)


def cmd_list_stations(args: argparse.Namespace) -> int:
    db = _database(args)
    try:
        stations = list_stations(db)
        last = last_changes(db)
    finally:
        db.dispose()
    for s in stations:
        revoked = s.revoked_at.isoformat() if s.revoked_at else None
        changed = last[s.id].isoformat(timespec="seconds") if s.id in last else None
        if args.json:
            row = {
                "station_id": s.id,
                "name": s.name,
                "kind": s.kind,
                "created_at": s.created_at.isoformat(),
                "revoked_at": revoked,
                "last_change_at": changed,  # UTC; null: nothing received from it yet
            }
            print(json.dumps(row, ensure_ascii=False))
        else:
            state = f"已吊销 {revoked}" if revoked else "有效"
            seen = f"最近上传 {changed[:16].replace('T', ' ')} (UTC)" if changed else "尚未上传"
            print(f"{s.id}\t{s.kind}\t{s.name}\t{state}\t{seen}")
    return EXIT_OK


def cmd_revoke_station(args: argparse.Namespace) -> int:
    db = _database(args)
    try:
        station = revoke_station(db, args.station_id)
    finally:
        db.dispose()
    if station is None:
        print(f"没有这个驿站：{args.station_id}", file=sys.stderr)
        return EXIT_NOT_FOUND
    print(json.dumps({"station_id": station.id, "revoked_at": str(station.revoked_at)}))
    return EXIT_OK


COMMANDS = {
    "serve": cmd_serve,
    "add-station": cmd_add_station,
    "list-stations": cmd_list_stations,
    "revoke-station": cmd_revoke_station,
    "reissue-token": cmd_reissue_token,
    "snapshot": cmd_snapshot,
    "apply-batches": cmd_apply_batches,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except SettingsError as exc:
        print(f"错误：环境变量设置不对：{exc}", file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
