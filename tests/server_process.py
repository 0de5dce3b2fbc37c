"""Real district-server and PostgreSQL processes for tests (server tests and client tests).

    from server_process import run_server, run_postgres

    with run_postgres() as pg_url:                      # optional: a throw-away PostgreSQL
        with run_server(pg_url, tmp_path) as base_url:  # "http://127.0.0.1:PORT"
            requests.get(base_url + "/api/v1/health")

run_server starts `district-server serve --db URL --port FREE` as a subprocess, waits for
/api/v1/health and kills it at the end (its output goes to <data_dir>/server.log).
run_postgres runs initdb + pg_ctl in a temporary folder on a free port (as the `postgres`
user when run as root) and yields a `postgresql+psycopg://` URL of a fresh database; it
raises PostgresUnavailable (with the reason) when no PostgreSQL can be had.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import requests

HEALTH_PATH = "/api/v1/health"
START_TIMEOUT_S = 30.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_command() -> list[str]:
    script = Path(sys.executable).with_name("district-server")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "district_server.cli"]


@contextmanager
def run_server(
    db_url: str,
    data_dir: Path,
    env: dict[str, str] | None = None,
    snapshot_interval: float = 0,
    workers: int = 1,
) -> Iterator[str]:
    """Start a district server on a free port; yield its base URL (no trailing slash). It
    builds no first-sync snapshot on its own unless `snapshot_interval` (seconds) is given:
    tests build one when they mean to (district-server snapshot)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    log_path = data_dir / f"server-{port}.log"
    command = [*server_command(), "serve", "--db", db_url, "--data-dir", str(data_dir)]
    command += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    command += ["--snapshot-interval", str(snapshot_interval), "--workers", str(workers)]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}
        )
        try:
            _wait_for_health(process, base_url, log_path)
            yield base_url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


def _wait_for_health(process: subprocess.Popen[bytes], base_url: str, log_path: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = log_path.read_text(encoding="utf-8", errors="replace")
            raise RuntimeError(f"district-server exited with {process.returncode}:\n{output}")
        try:
            if requests.get(base_url + HEALTH_PATH, timeout=1).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.05)
    process.kill()
    raise RuntimeError(f"district-server did not answer within {START_TIMEOUT_S}s ({log_path})")


class PostgresUnavailable(RuntimeError):
    pass


def find_pg_bin() -> Path | None:
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    if candidates:
        return Path(candidates[-1]).parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _install_postgres() -> None:
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], env=env, check=False, timeout=600)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "postgresql"],
        env=env,
        check=False,
        timeout=900,
        capture_output=True,
    )


@contextmanager
def run_postgres() -> Iterator[str]:
    """A throw-away PostgreSQL server and database; yields its SQLAlchemy URL."""
    bin_dir = find_pg_bin()
    if bin_dir is None:
        _install_postgres()
        bin_dir = find_pg_bin()
    if bin_dir is None:
        raise PostgresUnavailable(
            "no initdb/pg_ctl found (install the `postgresql` package, e.g. `./dev setup` as root)"
        )
    as_user: list[str] = []
    owner: tuple[int, int] | None = None
    if os.geteuid() == 0:
        import pwd

        try:
            entry = pwd.getpwnam("postgres")
        except KeyError:
            raise PostgresUnavailable("running as root and there is no `postgres` user") from None
        owner = (entry.pw_uid, entry.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    root = Path(tempfile.mkdtemp(prefix="district-pg-"))
    data, sockets = root / "data", root / "sock"
    sockets.mkdir()
    if owner:
        for path in (root, sockets):
            os.chown(path, *owner)
    port = free_port()
    user = "district_test"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*as_user, *args], capture_output=True, text=True, timeout=120, check=False
        )

    try:
        done = run(str(bin_dir / "initdb"), "-D", str(data), "-U", user, "-A", "trust",
                   "-E", "UTF8", "--no-locale", "--no-sync")  # fmt: skip
        if done.returncode != 0:
            raise PostgresUnavailable(f"initdb failed: {done.stderr.strip()[-500:]}")
        options = (
            f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        done = run(str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options,
                   "-l", str(root / "postgres.log"), "-w", "-t", "60", "start")  # fmt: skip
        if done.returncode != 0:
            log = (root / "postgres.log").read_text(errors="replace")[-800:]
            raise PostgresUnavailable(f"pg_ctl start failed: {done.stderr.strip()} {log}")
        try:
            name = "district_" + uuid.uuid4().hex[:8]
            _create_database(user, port, name)
            yield f"postgresql+psycopg://{user}@127.0.0.1:{port}/{name}"
        finally:
            run(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _create_database(user: str, port: int, name: str) -> None:
    import psycopg

    with psycopg.connect(
        host="127.0.0.1", port=port, user=user, dbname="postgres", autocommit=True
    ) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')


@contextmanager
def run_district(folder: Path) -> Iterator[tuple[str, str]]:
    """A district server on an embedded SQLite file in folder: yields (base URL, db URL)."""
    with run_district_with(folder) as running:
        yield running


@contextmanager
def run_district_with(folder: Path, **options: Any) -> Iterator[tuple[str, str]]:
    """run_district with run_server's options (snapshot_interval, workers)."""
    from district_server.db import Database

    db_url = f"sqlite:///{folder / 'district.db'}"
    database = Database(db_url)
    database.create_schema()
    database.dispose()
    with run_server(db_url, folder, **options) as base_url:
        yield base_url, db_url
