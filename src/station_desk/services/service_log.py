"""The services log (服务记录, append-only): career guidance with the plan given, skills-training
referral, entrepreneurship training, policy consultation (incl. 创业担保贷款), unemployment
registration help."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from station_desk.domain.enums import label_of
from station_desk.domain.hardship import GUIDANCE, SERVICE_KINDS
from station_desk.services.context import Desk, NotFound, ValidationFailed
from station_desk.store.db import sqlite_connection
from station_desk.store.models import Service, Worker
from station_desk.store.rows import stored_time

MAX_NOTE = 2000


@dataclass(frozen=True)
class ServiceRow:
    id: str
    worker_id: str
    worker_name: str
    kind: str
    note: str
    staff: str
    served_at: datetime

    @property
    def kind_label(self) -> str:
        return label_of(SERVICE_KINDS, self.kind)


def log_service(desk: Desk, worker_id: str, kind: str, note: str = "") -> Service:
    """Record one service given to a worker; career guidance needs the plan given."""
    errors: dict[str, str] = {}
    note = note.strip()
    if kind not in {code for code, _ in SERVICE_KINDS}:
        errors["kind"] = f"不认识的服务类型：{kind}"
    if kind == GUIDANCE and not note:
        errors["note"] = "请填写给出的职业指导方案"
    if len(note) > MAX_NOTE:
        errors["note"] = f"内容不能超过{MAX_NOTE}字"
    if errors:
        raise ValidationFailed(errors)
    with desk.transaction() as tx:
        worker = tx.session.get(Worker, worker_id)
        if worker is None or worker.deleted:
            raise NotFound(f"找不到该零工记录（{worker_id}）")
        service = Service(
            worker_id=worker.id, kind=kind, note=note, staff=desk.staff, served_at=desk.now()
        )
        tx.save(service)
        tx.audit("log_service", "service", service.id, kind)
        return service


def list_services(desk: Desk, worker_id: str | None = None, limit: int = 2000) -> list[ServiceRow]:
    """Services, newest first (all, or one worker's)."""
    sql = (
        "SELECT s.id, s.worker_id, coalesce(w.name, ''), s.kind, s.note, s.staff, s.served_at "
        "FROM service s LEFT JOIN worker w ON w.id = s.worker_id WHERE NOT s.deleted"
    )
    params: list[object] = []
    if worker_id:
        sql += " AND s.worker_id = ?"
        params.append(worker_id)
    sql += " ORDER BY s.served_at DESC, s.id LIMIT ?"
    params.append(limit)
    with desk.db.read() as session:
        rows = sqlite_connection(session).execute(sql, params).fetchall()
    return [
        ServiceRow(r[0], r[1], r[2], r[3], r[4], r[5], stored_time(r[6]) or datetime.min)
        for r in rows
    ]
