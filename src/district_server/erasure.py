"""An erasure (删除个人信息) reaching the district: the person's old values are wiped from the
server's own history too, in the transaction that stores the erasure.

Rewritten: every stored change to the worker (and to the records merged into it, the same
person) with the personal fields wiped as the erasure wipes them (domain.worker.wipe_personal),
the field states of records merged into it, and the ID-number index row. A station that pulls
from the start later gets the wiped history; a station that already had the old values gets
the erasure itself. The change rows keep their sequence numbers and stamps, so pulls and
merges go on as before."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from station_desk.domain.worker import wipe_personal

Sql = Callable[..., Any]  # PushApplier._sql: a statement straight to the driver, `?` params
CHUNK = 500


def purge_erased(sql: Sql, worker_ids: Iterable[str], encode: Callable[[Any], str]) -> int:
    """Wipe the erased workers' history; how many stored changes were rewritten."""
    ids = _with_merged(sql, set(worker_ids))
    if not ids:
        return 0
    rewritten = []
    for seq, text in _rows(
        sql, "SELECT seq, fields FROM change_log WHERE kind = 'worker' AND record_id IN", ids
    ):
        fields = json.loads(text)
        wiped = wipe_personal(fields)
        if wiped != fields:
            rewritten.append((encode(wiped), seq))
    if rewritten:
        sql("UPDATE change_log SET fields = ? WHERE seq = ?", rewritten)
    states = []
    query = "SELECT record_id, fields FROM record_state WHERE kind = 'worker' AND record_id IN"
    for record_id, text in _rows(sql, query, ids):
        fields = json.loads(text)  # {name: [value, hlc]}
        values = wipe_personal({name: pair[0] for name, pair in fields.items()})
        wiped = {name: [values[name], pair[1]] for name, pair in fields.items()}
        if wiped != fields:
            states.append((encode(wiped), record_id))
    if states:
        sql("UPDATE record_state SET fields = ? WHERE kind = 'worker' AND record_id = ?", states)
    for part in _chunks(sorted(ids)):
        sql(
            f"DELETE FROM worker_identity WHERE worker_id IN ({','.join('?' * len(part))})",
            tuple(part),
        )
    return len(rewritten)


def _with_merged(sql: Sql, ids: set[str]) -> set[str]:
    """The ids and those of every worker merged into them (also by way of others)."""
    found = set(ids)
    todo = set(ids)
    while todo:
        more = {
            from_id
            for (from_id,) in _rows(sql, "SELECT from_id FROM worker_merge WHERE into_id IN", todo)
        }
        todo = more - found
        found |= more
    return found


def _rows(sql: Sql, statement: str, keys: Iterable[str]) -> Iterable[Any]:
    for part in _chunks(sorted(keys)):
        yield from sql(f"{statement} ({','.join('?' * len(part))})", tuple(part))


def _chunks(keys: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(keys), CHUNK):
        yield keys[start : start + CHUNK]
