"""Wiping an erased person (删除个人信息) from this desk's own sync history: the changes
already sent (kept in the outbox) and the conflict log, also under the ids of records that
were merged into theirs. Changes not yet sent are left as they are: the district needs them,
and the erasure follows them."""

from __future__ import annotations

import json

from station_desk.domain.worker import wipe_personal
from station_desk.store.driver import sqlite3


def purge_worker_history(conn: sqlite3.Connection, worker_id: str) -> None:
    for record_id in [worker_id, *_merged_into(conn, worker_id)]:
        sent = conn.execute(
            "SELECT op_id, fields FROM outbox WHERE record_kind = 'worker' AND record_id = ? "
            "AND pushed_at IS NOT NULL",
            (record_id,),
        ).fetchall()
        for op_id, text in sent:
            fields = json.loads(text)
            wiped = wipe_personal(fields)
            if wiped != fields:
                conn.execute(
                    "UPDATE outbox SET fields = ? WHERE op_id = ?",
                    (json.dumps(wiped, ensure_ascii=False, sort_keys=True), op_id),
                )
        conn.execute(
            "DELETE FROM conflict_log WHERE record_kind = 'worker' AND record_id = ?",
            (record_id,),
        )


def _merged_into(conn: sqlite3.Connection, worker_id: str) -> list[str]:
    """The ids of worker records merged into this one, also by way of others."""
    found: list[str] = []
    todo = [worker_id]
    while todo and len(found) < 1000:
        into = todo.pop()
        for (from_id,) in conn.execute(
            "SELECT from_id FROM record_merge WHERE into_id = ? AND record_kind = 'worker'",
            (into,),
        ):
            if from_id not in found and from_id != worker_id:
                found.append(from_id)
                todo.append(from_id)
    return found
