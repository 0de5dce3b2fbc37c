"""Make the per-schema-version fixture databases station-v1.db, station-v2.db, station-v3.db.

    .venv/bin/python tests/data/schemas/make_fixtures.py

Each released schema's database is written by the code of that release, taken from git
(`git archive COMMIT src`) and run with this venv: demo data (12 workers, 4 postings) left
unsynced, so the outbox is full of pending changes. Version 1 was never released on its own
(the first commit already had version 2), so station-v1.db is a fresh version-1 schema filled
with the version-2 fixture's rows. Run again only when a new schema version is released: add
its commit to RELEASES, and keep the old files unchanged.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

from station_desk.store.driver import sqlite3

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
RELEASES = {2: "7e23a6b", 3: "20ba84a"}  # schema version → last commit writing it
WRITE = """
import sys
from station_desk.services.context import Desk
from station_desk.services.demo import fill_demo
from station_desk.store.db import Database
from station_desk.store import migrations
database = Database(sys.argv[1])
assert migrations.LATEST_VERSION == int(sys.argv[2]), migrations.__file__
fill_demo(Desk(database, staff="fixture"), workers=12, postings=4, employers=None, seed=2026)
database.close()
"""


def written_by_release(version: int, commit: str, target: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "-C", str(REPO), "archive", commit, "src"], capture_output=True, check=True
        ).stdout
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        target.unlink(missing_ok=True)
        env = {"PYTHONPATH": str(Path(tmp) / "src"), "PATH": "/usr/bin:/bin"}
        subprocess.run(
            [sys.executable, "-c", WRITE, str(target), str(version)], env=env, check=True, cwd=tmp
        )
    _fold(target)


def _fold(path: Path) -> None:
    """One self-contained small file: no WAL, no free pages."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("VACUUM")
    conn.close()


def version_1_from(v2: Path, target: Path) -> None:
    sys.path.insert(0, str(REPO / "src"))
    from station_desk.store import migrations

    target.unlink(missing_ok=True)
    conn = sqlite3.connect(target)
    conn.isolation_level = None
    migrations.upgrade(conn, target=1)
    conn.execute("ATTACH DATABASE ? AS old", (str(v2),))
    conn.execute("BEGIN")
    for (table,) in conn.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'"):
        columns = ", ".join(r[1] for r in conn.execute(f"PRAGMA main.table_info({table})"))
        conn.execute(f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM old.{table}")
    conn.execute("COMMIT")
    conn.execute("DETACH DATABASE old")
    conn.close()
    _fold(target)


def main() -> int:
    for version, commit in RELEASES.items():
        written_by_release(version, commit, HERE / f"station-v{version}.db")
    version_1_from(HERE / "station-v2.db", HERE / "station-v1.db")
    for path in sorted(HERE.glob("station-v*.db")):
        print(f"{path.name}: {path.stat().st_size // 1024} KB")
    shutil.rmtree(HERE / "__pycache__", ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
