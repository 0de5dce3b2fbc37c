"""The audit trail (审计记录): who saw, exported, printed, changed or erased whose personal
data, and when. Rows are written by ``tx.audit`` in the transaction of the action itself;
this module reads them (admin page, ``station-desk audit``) and audits printouts."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date, datetime, time
from typing import Any, TypeVar

from sqlalchemy import or_
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, col, select

from station_desk.services.context import Desk, NotFound, Tx, ValidationFailed
from station_desk.store.models import AuditLog, Referral, Worker

# Labels for the actions the desk writes; an action not listed shows as written.
ACTION_LABELS: dict[str, str] = {
    "reveal": "查看完整号码",
    "export": "导出个人信息",
    "print_slip": "打印推荐函",
    "save_slip": "保存推荐函",
    "erase_worker": "删除个人信息",
    "register_worker": "登记零工",
    "edit_worker": "修改零工信息",
    "deactivate_worker": "停用零工",
    "activate_worker": "恢复求职",
    "set_consent_text": "修改告知同意文本",
}
DEFAULT_LIMIT = 200
SNAPSHOT_TRIES = 3
T = TypeVar("T")


def action_label(action: str) -> str:
    return ACTION_LABELS.get(action, action)


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    staff: str
    action: str
    record_kind: str
    record_id: str
    detail: str

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        del data["id"]
        data["at"] = self.at.isoformat(timespec="seconds")
        return data


@dataclass(frozen=True)
class AuditFilter:
    """since/until: days (inclusive); staff: exact name; record: a record id, which matches
    rows about that record and exports/printouts whose detail lists it."""

    since: date | None = None
    until: date | None = None
    staff: str = ""
    record: str = ""


def audited_read(desk: Desk, read: Callable[[Session], T], audit: Callable[[Tx, T], None]) -> T:
    """Read (e.g. every record for an export) and write its audit row in ONE transaction,
    without holding the write lock while reading: the transaction starts as a read and
    takes the write lock only for the audit row at the end. When another writer committed
    in between, SQLite refuses that upgrade at once; the read is then repeated, and after a
    few tries it runs under the write lock from the start. Either way, what was read and
    its audit row commit together or not at all."""
    station_id = desk.station_id
    for _ in range(SNAPSHOT_TRIES):
        try:
            with desk.db.read() as session:
                result = read(session)
                audit(Tx(desk, session, station_id), result)
                session.commit()
                return result
        except OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error):
                raise
    with desk.transaction() as tx:
        result = read(tx.session)
        audit(tx, result)
        return result


def audit_entries(
    desk: Desk, where: AuditFilter | None = None, limit: int = DEFAULT_LIMIT, offset: int = 0
) -> list[AuditEntry]:
    """Audit rows, newest first (admin only); page through long trails with offset."""
    desk.require_admin("查看审计记录")
    where = where or AuditFilter()
    statement = select(AuditLog)
    if where.since is not None:
        statement = statement.where(AuditLog.at >= datetime.combine(where.since, time()))
    if where.until is not None:
        end = datetime.combine(where.until, time.max)
        statement = statement.where(AuditLog.at <= end)
    if where.staff.strip():
        statement = statement.where(AuditLog.staff == where.staff.strip())
    record = where.record.strip()
    if record:
        statement = statement.where(
            or_(AuditLog.record_id == record, col(AuditLog.detail).contains(record))
        )
    statement = (
        statement.order_by(col(AuditLog.at).desc(), col(AuditLog.id).desc())
        .offset(max(offset, 0))
        .limit(max(limit, 0))
    )
    with desk.db.read() as session:
        return [
            AuditEntry(
                id=row.id or 0,
                at=row.at,
                staff=row.staff,
                action=row.action,
                record_kind=row.record_kind,
                record_id=row.record_id,
                detail=row.detail,
            )
            for row in session.exec(statement).all()
        ]


def audit_staff_names(desk: Desk) -> list[str]:
    """Everyone who appears in the trail, for the page's filter."""
    desk.require_admin("查看审计记录")
    with desk.db.read() as session:
        names = session.exec(select(AuditLog.staff).distinct()).all()
    return sorted(n for n in names if n)


def worker_labels(desk: Desk, worker_ids: list[str]) -> dict[str, str]:
    """Masked names of the workers an audit page shows (张**), by id."""
    from station_desk.domain.masking import mask_name

    wanted = sorted({i for i in worker_ids if i})
    if not wanted:
        return {}
    with desk.db.read() as session:
        rows = session.exec(select(Worker.id, Worker.name).where(col(Worker.id).in_(wanted)))
        return {worker_id: mask_name(name) for worker_id, name in rows.all()}


def audit_slip(desk: Desk, referral_id: str, how: str, out: str = "") -> None:
    """A referral slip (it names the worker) was printed ("print_slip") or saved as PDF
    ("save_slip"): the audit row names the worker, in one transaction with reading which
    worker that is."""
    with desk.transaction() as tx:
        referral = tx.session.get(Referral, referral_id)
        if referral is None:
            raise NotFound(f"找不到该推荐记录（{referral_id}）")
        worker = tx.session.get(Worker, referral.worker_id)
        detail: dict[str, Any] = {"referral_id": referral_id}
        if out:
            detail["file"] = out
        tx.audit(
            how,
            "worker",
            worker.id if worker else referral.worker_id,
            json.dumps(detail, ensure_ascii=False, sort_keys=True),
        )


def describe(entry: AuditEntry) -> str:
    """One line for people: the reason and the number of records of an export, else the
    detail as written."""
    try:
        data = json.loads(entry.detail)
    except ValueError:
        return entry.detail
    if not isinstance(data, dict):
        return entry.detail
    parts: list[str] = []
    if data.get("reason"):
        parts.append(f"原因：{data['reason']}")
    if isinstance(data.get("count"), dict):
        parts.append("，".join(f"{k} {v}" for k, v in data["count"].items()))
    if data.get("file"):
        parts.append(f"文件：{data['file']}")
    if data.get("fields") and entry.action == "reveal":
        names = {"id_number": "身份证号", "phone": "电话"}
        parts.append("、".join(names.get(f, f) for f in data["fields"]))
    return "；".join(parts) or entry.detail


def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise ValidationFailed({"since": f"日期格式应为 YYYY-MM-DD：{text}"}) from error


def audit_command(desk: Desk, args: argparse.Namespace) -> int:
    """``station-desk audit [--json] [--since D] [--staff NAME] [--record ID] [--limit N]``:
    newest first; JSON is a list of {at, staff, action, record_kind, record_id, detail}."""
    try:
        since = _day(getattr(args, "since", None))
    except ValidationFailed as error:
        print(str(error))
        return 2
    limit = getattr(args, "limit", None)
    where = AuditFilter(
        since=since,
        staff=getattr(args, "staff", None) or "",
        record=getattr(args, "record", None) or "",
    )
    entries = audit_entries(desk, where, limit=DEFAULT_LIMIT if limit is None else limit)
    if getattr(args, "json", False):
        print(json.dumps([e.as_dict() for e in entries], ensure_ascii=False, sort_keys=True))
        return 0
    if not entries:
        print("没有符合条件的审计记录。")
        return 0
    for e in entries:
        record = f"{e.record_kind} {e.record_id}".strip()
        print(
            f"{e.at:%Y-%m-%d %H:%M:%S}\t{e.staff}\t{action_label(e.action)}\t{record}\t{describe(e)}"
        )
    return 0
