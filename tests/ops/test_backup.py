"""Backups and restore: real SQLite files, through the station-desk command where it matters."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from ops_helpers import damage, data_with_demo, mark_all_pushed, rows

from station_desk.cli import main
from station_desk.paths import Paths
from station_desk.services.backup import backup_now, daily_backup_if_due
from station_desk.store import migrations
from station_desk.store.backup import (
    BackupFile,
    backup_before_upgrade,
    backups_to_delete,
    list_backups,
)
from station_desk.store.driver import sqlite3


def set_aside(paths: Paths) -> list[Path]:
    return [
        p
        for p in paths.root.glob("station.db.before-restore-*")
        if not p.name.endswith(("-wal", "-shm"))
    ]


def test_backup_then_damage_then_restore_gives_back_every_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = data_with_demo(tmp_path / "data")
    mark_all_pushed(paths.database)
    before = rows(paths.database)
    assert len(before["worker"]) == 40

    assert main(["--data-dir", str(paths.root), "backup"]) == 0
    [made] = list_backups(paths.backups)
    assert made.path.name.startswith("station-") and made.path.suffix == ".db"

    damage(paths.database)
    assert main(["--data-dir", str(paths.root), "doctor"]) == 1  # the damage is noticed
    capsys.readouterr()

    assert main(["--data-dir", str(paths.root), "restore", str(made.path)]) == 0
    out = capsys.readouterr().out
    assert "已从" in out and "另存为" in out
    assert rows(paths.database) == before
    aside = set_aside(paths)
    assert len(aside) == 1 and aside[0].stat().st_size > 0  # the damaged file is kept
    # The desk opens the restored database and carries on working.
    assert main(["--data-dir", str(paths.root), "export", "--format", "json",
                 "--out", str(tmp_path / "after.json")]) == 0  # fmt: skip


def test_restore_refuses_to_set_aside_changes_not_yet_synced_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = data_with_demo(tmp_path / "data")
    backup = backup_now(paths, "manual")
    pending = rows(paths.database)["outbox"]
    assert pending  # demo data is waiting to be pushed

    assert main(["--data-dir", str(paths.root), "restore", str(backup)]) == 1
    err = capsys.readouterr().err
    assert f"{len(pending)} 条修改没有同步" in err and "--force" in err
    assert not set_aside(paths)

    assert main(["--data-dir", str(paths.root), "restore", str(backup), "--force"]) == 0
    assert "未同步的修改" in capsys.readouterr().out
    assert len(set_aside(paths)) == 1


def test_restore_rejects_files_that_are_not_good_backups(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = data_with_demo(tmp_path / "data", workers=5, postings=2)
    mark_all_pushed(paths.database)
    before = rows(paths.database)
    not_sqlite = tmp_path / "notes.db"
    not_sqlite.write_text("这不是数据库", encoding="utf-8")
    broken = backup_now(paths, "manual")
    damage(broken)
    foreign = tmp_path / "other.db"
    sqlite3.connect(foreign).execute("CREATE TABLE x (y)").connection.commit()
    newer = backup_now(paths, "newer")
    with sqlite3.connect(newer) as conn:
        conn.execute(f"PRAGMA user_version = {migrations.LATEST_VERSION + 1}")

    for bad, words in [
        (not_sqlite, "不是数据库备份文件"),
        (broken, "请换一个备份"),
        (foreign, "不是驿站工作台的数据库"),
        (newer, "更新版本"),
        (tmp_path / "missing.db", "找不到备份文件"),
    ]:
        assert main(["--data-dir", str(paths.root), "restore", str(bad), "--force"]) == 2, bad
        assert words in capsys.readouterr().err
    assert rows(paths.database) == before
    assert not set_aside(paths)


def test_a_backup_of_a_damaged_database_is_refused_and_leaves_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = data_with_demo(tmp_path / "data", workers=200, postings=20)
    damage(paths.database)
    assert main(["--data-dir", str(paths.root), "backup"]) == 3
    assert "损坏" in capsys.readouterr().err
    assert list(paths.backups.iterdir()) == []


def test_backup_out_writes_a_standalone_checked_copy(tmp_path: Path) -> None:
    paths = data_with_demo(tmp_path / "data", workers=5, postings=2)
    out = tmp_path / "usb" / "copy.db"
    assert main(["--data-dir", str(paths.root), "backup", "--out", str(out)]) == 0
    assert rows(out) == rows(paths.database)
    with sqlite3.connect(out) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_daily_backup_once_a_day(tmp_path: Path) -> None:
    paths = data_with_demo(tmp_path / "data", workers=3, postings=1)
    morning = datetime(2026, 11, 26, 8, 30)
    first = daily_backup_if_due(paths, morning)
    assert first is not None and first.name == "station-20261126-0830.db"
    assert daily_backup_if_due(paths, morning + timedelta(hours=9)) is None
    assert daily_backup_if_due(paths, morning + timedelta(days=1)) is not None
    assert daily_backup_if_due(Paths(tmp_path / "empty"), morning) is None


def test_retention_keeps_the_last_30_and_one_per_month_for_a_year() -> None:
    now = datetime(2026, 11, 26, 9, 0)
    files = [BackupFile(Path(f"b{day}.db"), now - timedelta(days=day), "") for day in range(0, 500)]
    doomed = {b.path for b in backups_to_delete(files, now)}
    kept = [b for b in files if b.path not in doomed]
    last_30 = files[:30]
    assert all(b in kept for b in last_30)
    older = [b for b in kept if b not in last_30]
    months = {(b.made_at.year, b.made_at.month) for b in older}
    assert len(older) == len(months)  # at most one per month beyond the last 30
    assert min(months) == (2025, 12)  # within a year: Dec 2025 … Nov 2026
    assert len(kept) == 30 + len(months) and len(months) >= 10


def test_backup_now_prunes_old_backups(tmp_path: Path) -> None:
    paths = data_with_demo(tmp_path / "data", workers=2, postings=1)
    start = datetime(2026, 1, 1, 10, 0)
    for day in range(70):  # 1 January … 11 March
        backup_now(paths, "daily", start + timedelta(days=day))
    names = [b.path.name for b in list_backups(paths.backups)]
    assert len(names) == 31  # the last 30 (10 Feb … 11 Mar), and the newest of January
    assert "station-20260131-1000.db" in names and "station-20260101-1000.db" not in names


def test_a_copy_is_kept_before_a_schema_upgrade(tmp_path: Path) -> None:
    db_path = tmp_path / "station.db"
    conn = sqlite3.connect(db_path)
    migrations.upgrade(conn, target=1)
    conn.close()
    made = backup_before_upgrade(db_path, tmp_path / "backups")
    assert made is not None and "before-upgrade-v1" in made.name
    with sqlite3.connect(made) as copy:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
    conn = sqlite3.connect(db_path)
    migrations.upgrade(conn)
    conn.close()
    assert backup_before_upgrade(db_path, tmp_path / "backups") is None  # up to date
    assert backup_before_upgrade(tmp_path / "none.db", tmp_path / "backups") is None
