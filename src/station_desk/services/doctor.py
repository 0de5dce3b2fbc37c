"""`station-desk doctor`: what is wrong with this desk, in words a station clerk understands.

Every check returns a Finding: check name, ok, level (ok / warn / error) and a Chinese message
that says what was found and what to do. The database is only ever opened read-only with
plain sqlite3, so a damaged file can be examined without being touched.
"""

from __future__ import annotations

import json
import platform
import re
import shutil
import sys
import tempfile
import zipfile
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import requests

from station_desk import __version__
from station_desk.domain.masking import mask_id_number, mask_name, mask_phone
from station_desk.paths import Paths
from station_desk.store import migrations
from station_desk.store.backup import integrity_problem, list_backups, read_only
from station_desk.store.driver import sqlite3
from station_desk.sync.health import SyncHealth, iso, read_health, stuck_state

MB = 1024 * 1024
DISK_WARN_BYTES = 1024 * MB
DISK_ERROR_BYTES = 200 * MB
SERVER_TIMEOUT = (3, 5)  # seconds: connect, read
STALE_DAYS = 3  # pending changes or last sync older than this deserve a look
BACKUP_STALE_DAYS = 7
SYMBOLS = {"ok": "✓", "warn": "!", "error": "✗"}


@dataclass(frozen=True)
class Finding:
    check: str
    ok: bool
    level: str  # "ok" | "warn" | "error"
    message: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _ok(check: str, message: str) -> Finding:
    return Finding(check, True, "ok", message)


def _warn(check: str, message: str) -> Finding:
    return Finding(check, False, "warn", message)


def _error(check: str, message: str) -> Finding:
    return Finding(check, False, "error", message)


def _days(delta_seconds: float) -> str:
    days = delta_seconds / 86400
    if days >= 1:
        return f"{int(days)} 天"
    hours = delta_seconds / 3600
    return f"{int(hours)} 小时" if hours >= 1 else "不到 1 小时"


def _restore_hint(paths: Paths) -> str:
    backups = list_backups(paths.backups)
    if backups:
        return f'关闭工作台后用最近的备份恢复：station-desk restore "{backups[-1].path}"'
    return "没有找到备份，请联系区里的信息化人员"


def check_database(paths: Paths) -> tuple[list[Finding], sqlite3.Connection | None]:
    """Existence, integrity, schema version and size; returns a read-only connection when
    the database is sound enough to read settings and the outbox from."""
    db = paths.database
    if not db.exists():
        return [_warn("database", "还没有数据库：第一次打开工作台时会自动建立，不用处理。")], None
    size = sum(p.stat().st_size for p in (db, db.with_name(db.name + "-wal")) if p.exists())
    try:
        conn = read_only(db)
        problem = integrity_problem(conn)
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as error:
        problem, version, conn = str(error), -1, None
    if problem is not None:
        if conn is not None:
            conn.close()
        return [
            _error(
                "database",
                f"数据库文件已损坏（{problem}）。请不要再录入，{_restore_hint(paths)}。",
            )
        ], None
    found = [_ok("database", f"数据库完好（{db}，{size / MB:.1f} MB）。")]
    if version > migrations.LATEST_VERSION:
        found.append(
            _error(
                "schema",
                f"数据库由更新版本的驿站工作台写成（格式 {version}，本程序只认到 "
                f"{migrations.LATEST_VERSION}）。请安装最新版的驿站工作台，不要删除数据。",
            )
        )
    elif version < migrations.LATEST_VERSION:
        found.append(
            _ok(
                "schema",
                f"数据库格式 {version}，下次打开工作台时会自动升级到 {migrations.LATEST_VERSION}"
                "（升级前自动备份）。",
            )
        )
    else:
        found.append(_ok("schema", f"数据库格式 {version}，是最新的。"))
    return found, conn


def check_disk(paths: Paths) -> Finding:
    free = shutil.disk_usage(paths.root).free
    text = f"{free / 1024 / MB:.1f} GB" if free >= DISK_WARN_BYTES else f"{free / MB:.0f} MB"
    if free < DISK_ERROR_BYTES:
        return _error(
            "disk",
            f"硬盘快满了：只剩 {text}。数据和备份可能写不进去，请马上清理这台电脑的硬盘"
            "（删除不用的文件、清空回收站），或请信息化人员处理。",
        )
    if free < DISK_WARN_BYTES:
        return _warn("disk", f"硬盘剩余空间不多（{text}），请尽快清理不用的文件。")
    return _ok("disk", f"硬盘剩余空间 {text}。")


def check_paths(paths: Paths) -> Finding:
    bad: list[str] = []
    for folder in (paths.root, paths.logs, paths.backups):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-"):
                pass
        except OSError:
            bad.append(str(folder))
    if bad:
        return _error(
            "paths",
            f"这些文件夹不能写入：{'、'.join(bad)}。请信息化人员检查权限或磁盘。",
        )
    return _ok("paths", f"数据文件夹可以写入（{paths.root}）。")


def check_logs(paths: Paths) -> Finding:
    logs = sorted(paths.logs.glob("station-desk.log*")) if paths.logs.is_dir() else []
    if not logs:
        return _warn("logs", f"还没有日志文件（{paths.logs}）；打开一次工作台后会出现。")
    return _ok("logs", f"日志在 {paths.logs}（{len(logs)} 个文件）。")


def _settings(conn: sqlite3.Connection) -> dict[str, str]:
    try:
        return dict(conn.execute("SELECT key, value FROM setting WHERE key LIKE 'sync.%'"))
    except sqlite3.DatabaseError:
        return {}


class _ShortTimeoutSession(requests.Session):
    """The doctor should answer in seconds, not wait out a sync's long read timeout."""

    def request(self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        kwargs["timeout"] = SERVER_TIMEOUT
        return super().request(method, url, *args, **kwargs)


def check_server(settings: dict[str, str]) -> Finding:
    from station_desk.sync.client import DistrictClient, SyncError

    url, token = settings.get("sync.server_url", ""), settings.get("sync.token", "")
    if not url or not token:
        return _ok(
            "server",
            "没有连接区服务器（单机使用）。要联网同步，请用区里发的配置文件连接："
            "station-desk connect --provision station.json",
        )
    try:
        info = DistrictClient(url, token, session=_ShortTimeoutSession()).station()
    except SyncError as error:
        if error.kind == "auth":
            return _error(
                "server",
                f"令牌无效或已被吊销：请联系区里重新发配置文件，再用 station-desk connect "
                f"--provision 连接。（服务器 {url}）",
            )
        if error.kind == "offline":
            return _warn(
                "server",
                f"连不上区服务器（{url}）：请检查网线或无线网络是否通；数据都保存在本机，"
                "连上后会自动同步。",
            )
        return _warn("server", f"区服务器回答异常：{error.message}（{url}）")
    return _ok("server", f"区服务器连接正常，本驿站登记为“{info.name}”（{url}）。")


def check_sync(conn: sqlite3.Connection, settings: dict[str, str], now: datetime) -> list[Finding]:
    try:
        conn.execute("SELECT 1 FROM outbox LIMIT 1").fetchall()
    except sqlite3.DatabaseError:
        return [_warn("pending", "读不出待上传的修改（数据库太旧或不完整）。")]
    health = read_health(conn)
    pending, oldest_at = health.pending, health.oldest_pending
    found: list[Finding] = []
    if not pending:
        found.append(_ok("pending", "所有修改都已上传到区里。"))
    elif not health.connected:
        found.append(_ok("pending", f"有 {pending} 条修改保存在本机，连上区服务器后会上传。"))
    else:
        age = (now - oldest_at).total_seconds() if oldest_at else 0
        made = f"（{oldest_at:%Y-%m-%d %H:%M} 起）" if oldest_at else ""
        text = f"有 {pending} 条修改还没上传，最早的已等了 {_days(age)}{made}"
        if age > STALE_DAYS * 86400:
            found.append(_warn("pending", text + "。请检查网络，然后按 F5 同步。"))
        else:
            found.append(_ok("pending", text + "，联网时会自动上传。"))
    if health.connected:
        last = health.last_success
        if last is None:
            found.append(_warn("last_sync", "还没有成功同步过。请检查网络，然后按 F5 同步。"))
        elif (now - last).total_seconds() > STALE_DAYS * 86400:
            found.append(
                _warn(
                    "last_sync",
                    f"上次成功同步是 {_days((now - last).total_seconds())}前（{last:%Y-%m-%d %H:%M}），"
                    "请检查网络后按 F5 同步。",
                )
            )
        else:
            found.append(_ok("last_sync", f"上次成功同步：{last:%Y-%m-%d %H:%M}。"))
        found += _sync_errors(health, now)
    return found


def _sync_errors(health: SyncHealth, now: datetime) -> list[Finding]:
    """The last error (if the last attempt failed) and whether sync is stuck."""
    found: list[Finding] = []
    stuck = stuck_state(health, now)
    if health.error_kind:
        when = health.last_attempt or health.error_since
        at = f"（{when:%Y-%m-%d %H:%M}）" if when else ""
        tail = "" if stuck else "工作台会自动重试。"
        found.append(_warn("last_error", f"最近一次同步没成功{at}：{health.error_message}。{tail}"))
    if stuck is not None:
        found.append(_error("sync_stuck", stuck.text()))
    else:
        found.append(_ok("sync_stuck", "同步没有卡住。"))
    return found


def sync_facts(conn: sqlite3.Connection, now: datetime) -> dict[str, Any]:
    """The machine-readable part of the doctor's report about sync."""
    health = read_health(conn)
    stuck = stuck_state(health, now)
    return {
        "connected": health.connected,
        "pending": health.pending,
        "oldest_pending": iso(health.oldest_pending),
        "last_success": iso(health.last_success),
        "last_attempt": iso(health.last_attempt),
        "last_error": health.last_error(),
        "stuck": None if stuck is None else {"kind": stuck.kind, "since": iso(stuck.since)},
    }


def check_backup(paths: Paths, now: datetime) -> Finding:
    backups = list_backups(paths.backups)
    if not backups:
        return _warn(
            "backup",
            "还没有备份。工作台每天打开时会自动备份；也可以现在运行 station-desk backup。",
        )
    last = backups[-1]
    age = (now - last.made_at).total_seconds()
    if age > BACKUP_STALE_DAYS * 86400:
        return _warn(
            "backup",
            f"最近的备份是 {_days(age)}前的（{last.path.name}），请运行 station-desk backup。",
        )
    return _ok("backup", f"最近的备份：{last.made_at:%Y-%m-%d %H:%M}（共 {len(backups)} 份）。")


def run_checks(
    paths: Paths,
    now: datetime | None = None,
    online: bool = True,
    facts: dict[str, Any] | None = None,
) -> list[Finding]:
    """Every check; `facts`, when given, receives the sync figures (see sync_facts)."""
    now = now or datetime.now()
    found = [
        _ok(
            "version",
            f"驿站工作台 {__version__}（Python {platform.python_version()}，"
            f"{platform.system()} {platform.release()}）。",
        )
    ]
    database, conn = check_database(paths)
    found += database
    found += [check_disk(paths), check_paths(paths), check_logs(paths)]
    if conn is not None:
        try:
            settings = _settings(conn)
            if online:
                found.append(check_server(settings))
            found += check_sync(conn, settings, now)
            if facts is not None:
                facts.update(sync_facts(conn, now))
        finally:
            conn.close()
    found.append(check_backup(paths, now))
    return found


def doctor_report(paths: Paths, now: datetime | None = None) -> dict[str, Any]:
    facts: dict[str, Any] = {}
    checks = run_checks(paths, now, facts=facts)
    return {
        "version": __version__,
        "data_dir": str(paths.root),
        "checks": [c.as_dict() for c in checks],
        "sync": facts or None,
    }


def format_text(checks: list[Finding]) -> str:
    return "\n".join(f"{SYMBOLS[c.level]} {c.message}" for c in checks)


def doctor_command(paths: Paths, as_json: bool) -> int:
    """Print the findings; 0 when nothing is an error, 1 when something is."""
    report = doctor_report(paths)
    if as_json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        checks = [Finding(**c) for c in report["checks"]]
        print(format_text(checks))
        errors = sum(c.level == "error" for c in checks)
        warns = sum(c.level == "warn" for c in checks)
        summary = "一切正常。" if not errors and not warns else f"{errors} 个问题，{warns} 个提醒。"
        print(f"\n{summary}（数据目录：{paths.root}）")
    failed = any(c["level"] == "error" for c in report["checks"])
    sys.stdout.flush()
    return 1 if failed else 0


_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
_PHONE = re.compile(r"(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}-\d{7,8})(?!\d)")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
NAME_TABLES = (("worker", "name"), ("employer", "contact_person"), ("posting", "contact_person"))


def known_names(db_path: Path) -> set[str]:
    """People's names in the database (workers, contact persons), to scrub from logs."""
    names: set[str] = set()
    try:
        conn = read_only(db_path)
        try:
            for table, column in NAME_TABLES:
                try:
                    names.update(
                        r[0] for r in conn.execute(f"SELECT DISTINCT {column} FROM {table}")
                    )
                except sqlite3.DatabaseError:
                    continue
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        pass
    return {n.strip() for n in names if n and 2 <= len(n.strip()) <= 6}


def scrub(text: str, names: set[str]) -> str:
    """Mask ID numbers, phone numbers and the given people's names in text."""
    text = _ID_NUMBER.sub(lambda m: mask_id_number(m.group()), text)
    text = _PHONE.sub(lambda m: mask_phone(m.group()), text)
    if not names:
        return text
    longest = max(len(n) for n in names)

    def run(match: re.Match[str]) -> str:
        chars, out, i = match.group(), [], 0
        while i < len(chars):
            for size in range(min(longest, len(chars) - i), 1, -1):
                if chars[i : i + size] in names:
                    out.append(mask_name(chars[i : i + size]))
                    i += size
                    break
            else:
                out.append(chars[i])
                i += 1
        return "".join(out)

    return _HAN_RUN.sub(run, text)


def write_diagnostics_zip(paths: Paths, target: Path, now: datetime | None = None) -> Path:
    """A zip for IT: the doctor's report and the logs with personal data masked. Never the
    database, never the token."""
    report = doctor_report(paths, now)
    names = known_names(paths.database) if paths.database.exists() else set()
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("doctor.json", json.dumps(report, ensure_ascii=False, indent=2))
        archive.writestr("doctor.txt", format_text([Finding(**c) for c in report["checks"]]))
        for log_file in sorted(paths.logs.glob("*.log*")) if paths.logs.is_dir() else []:
            text = log_file.read_text(encoding="utf-8", errors="replace")
            archive.writestr(f"logs/{log_file.name}", scrub(text, names))
        archive.writestr(
            "说明.txt",
            "驿站工作台诊断包：诊断结果和运行日志。日志里的身份证号、电话和姓名已经打码，"
            "不含数据库和令牌。\n",
        )
    return target
