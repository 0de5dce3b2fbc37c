"""Is sync stuck, why, and what should staff do? Shared by the desk's banner, `sync --once`
and `station-desk doctor`.

`stuck_state(health, now)` is pure (no Qt, no clock, no I/O): the same error kind for more
than STUCK_AFTER (30 minutes), a token the server refused (that never fixes itself), or
changes waiting for more than STALE_AFTER (a day) make sync "stuck". `read_health(conn)`
reads what the engine records in settings plus the outbox with one plain sqlite3 connection,
so the doctor can use it on a read-only connection and the desk on its session's.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from station_desk.store.driver import sqlite3

SERVER_KEY = "sync.server_url"
TOKEN_KEY = "sync.token"
LAST_SUCCESS_KEY = "sync.last_success"
LAST_ATTEMPT_KEY = "sync.last_attempt"
LAST_ERROR_KEY = "sync.last_error"  # JSON {"kind", "message"}; "" after a success
ERROR_SINCE_KEY = "sync.error_since"  # when the current run of the same error kind began

STUCK_AFTER = timedelta(minutes=30)
STALE_AFTER = timedelta(days=1)

# kind -> (what happened, what to do), in words a station clerk understands.
ADVICE: dict[str, tuple[str, str]] = {
    "offline": (
        "连不上区里的服务器，可能是网络断了或服务器没开",
        "请检查网线是否插好、4G 路由器是否通电有信号。数据都保存在本机，网络恢复后会自动上传。",
    ),
    "auth": (
        "区里的服务器拒绝了本驿站的令牌，可能已被吊销或更换",
        "请联系区里的信息化人员重新发一份配置文件（station.json），"
        "在“文件 → 连接区服务器”里选用它。本机数据不会丢。",
    ),
    "server": (
        "区里的服务器出了故障",
        "本机数据不会丢，服务器恢复后会自动上传。如果长时间不恢复，请打电话告诉区里的信息化人员。",
    ),
    "protocol": (
        "看不懂区里服务器的回复，可能是工作台的版本太旧",
        "请把驿站工作台更新到区里要求的版本。本机数据不会丢。",
    ),
    "local": (
        "本机出了问题，同步没能完成",
        "请运行 station-desk doctor 检查这台电脑，或联系区里的信息化人员。本机数据不会丢。",
    ),
    "stale": (
        "有修改超过一天没能上传到区里",
        "请检查网络，然后按 F5 同步；还不行就联系区里的信息化人员。本机数据不会丢。",
    ),
}


@dataclass(frozen=True)
class SyncHealth:
    """What is known about sync at this desk (read_health fills it from the database)."""

    connected: bool = False
    pending: int = 0
    oldest_pending: datetime | None = None
    last_success: datetime | None = None
    last_attempt: datetime | None = None
    error_kind: str = ""  # "" when the last attempt succeeded (or none was made)
    error_message: str = ""
    error_since: datetime | None = None

    def last_error(self) -> dict[str, str] | None:
        if not self.error_kind:
            return None
        return {
            "kind": self.error_kind,
            "message": self.error_message,
            "since": iso(self.error_since),
        }


@dataclass(frozen=True)
class Stuck:
    kind: str  # an error kind, or "stale" (changes waiting too long, no error recorded)
    since: datetime | None
    reason: str  # Chinese: what happened
    action: str  # Chinese: what to do

    def detail(self) -> str:
        """Why (and since when) and what to do, for the desk's banner."""
        since = f"（从 {self.since:%m-%d %H:%M} 起）" if self.since else ""
        return f"{self.reason}{since}。{self.action}"

    def text(self) -> str:
        """The same with a headline, for `sync --once` and the doctor."""
        return f"同步卡住了：{self.detail()}"


def advice(kind: str) -> tuple[str, str]:
    """(reason, what to do) for an error kind; unknown kinds get the 'local' advice."""
    return ADVICE.get(kind, ADVICE["local"])


def stuck_state(
    health: SyncHealth,
    now: datetime,
    stuck_after: timedelta = STUCK_AFTER,
    stale_after: timedelta = STALE_AFTER,
) -> Stuck | None:
    """None while sync is fine or only briefly failing; else why it is stuck."""
    if not health.connected:
        return None  # working offline by choice is not a fault
    # Changes waited more than a day while the desk kept trying (a desk that was simply
    # switched off over the weekend is not stuck: its Friday changes go out on Monday).
    waited_too_long = (
        health.pending > 0
        and health.oldest_pending is not None
        and health.last_attempt is not None
        and health.last_attempt - health.oldest_pending > stale_after
    )
    if health.error_kind:
        since = health.error_since or health.last_attempt
        repeated = since is not None and now - since > stuck_after
        if health.error_kind == "auth" or repeated or waited_too_long:
            return Stuck(health.error_kind, since, *advice(health.error_kind))
        return None
    if waited_too_long:
        return Stuck("stale", health.oldest_pending, *advice("stale"))
    return None


def read_health(conn: sqlite3.Connection) -> SyncHealth:
    """One short read; works on a read-only connection. Missing tables read as empty."""
    try:
        settings = dict(conn.execute("SELECT key, value FROM setting WHERE key LIKE 'sync.%'"))
    except sqlite3.DatabaseError:
        settings = {}
    try:
        pending = int(
            conn.execute("SELECT count(*) FROM outbox WHERE pushed_at IS NULL").fetchone()[0]
        )
        row = conn.execute(
            "SELECT created_at FROM outbox WHERE pushed_at IS NULL ORDER BY seq LIMIT 1"
        ).fetchone()
    except sqlite3.DatabaseError:
        pending, row = 0, None
    oldest = _time(row[0]) if row else None
    kind, message = parse_error(settings.get(LAST_ERROR_KEY, ""))
    return SyncHealth(
        connected=bool(settings.get(SERVER_KEY) and settings.get(TOKEN_KEY)),
        pending=pending,
        oldest_pending=oldest,
        last_success=_time(settings.get(LAST_SUCCESS_KEY)),
        last_attempt=_time(settings.get(LAST_ATTEMPT_KEY)),
        error_kind=kind,
        error_message=message,
        error_since=_time(settings.get(ERROR_SINCE_KEY)) if kind else None,
    )


def error_setting(kind: str, message: str) -> str:
    """The LAST_ERROR_KEY value the engine stores."""
    return json.dumps({"kind": kind, "message": message}, ensure_ascii=False)


def parse_error(stored: str) -> tuple[str, str]:
    """(kind, message) of a stored LAST_ERROR_KEY value; ("", "") when there is none."""
    if not stored:
        return "", ""
    try:
        data = json.loads(stored)
    except ValueError:
        return "local", stored
    if not isinstance(data, dict):
        return "local", str(data)
    return str(data.get("kind") or "local"), str(data.get("message") or "")


def _time(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def iso(moment: datetime | None) -> str | None:
    """ISO time for JSON output (seconds), or None."""
    return moment.isoformat(timespec="seconds") if moment else None
