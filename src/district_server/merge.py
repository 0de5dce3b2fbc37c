"""Applying a pushed batch: duplicates, checks, field state, and merging duplicate workers.

Everything happens inside the caller's serialized write transaction (db.write_session), so
the sequence numbers handed out here are in commit order. A batch is applied in a handful of
set-wise statements: look up the op ids already known, the states and identities it
touches, decide in memory, then insert the change rows (and merge rows) in order.

Same person at two stations: when a worker's ID number already belongs to another live
worker, the one first seen (lower sequence) survives. A change of kind MERGE_KIND
{"from_id", "into_id"} follows the triggering change in the stream, authored by "server";
from then on, changes to from_id (and references to it, see protocol.REFERENCES) are
rewritten to into_id before they are stored.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlmodel import Session

from station_desk.domain.hlc import Hlc
from station_desk.domain.idcard import normalize_id_number
from station_desk.sync.protocol import MERGE_KIND, REFERENCES, Change, Rejection, validate_change

from .checks import check_values
from .clock import ServerClock
from .models import (
    SERVER_STATION_ID,
    ChangeLog,
    RecordState,
    WorkerIdentity,
    WorkerMerge,
    utc_now,
)

CHUNK = 500  # ids per IN (...) lookup
_log = ChangeLog.__table__  # type: ignore[attr-defined]
_state = RecordState.__table__  # type: ignore[attr-defined]
_identity = WorkerIdentity.__table__  # type: ignore[attr-defined]
_merge = WorkerMerge.__table__  # type: ignore[attr-defined]


@dataclass
class FieldState:
    """One record's winning field values, as the server has seen them."""

    kind: str
    record_id: str
    fields: dict[str, list[Any]]  # name -> [value, hlc]
    order: tuple[int, int]  # (0, first_seq) when stored before, (1, position) when new
    stored: bool
    first_op: str | None = None
    last_op: str | None = None
    first_seq: int | None = None

    def apply(self, values: dict[str, Any], hlc: str) -> None:
        for name, value in values.items():
            current = self.fields.get(name)
            if current is None or hlc > current[1]:
                self.fields[name] = [value, hlc]

    def value(self, name: str) -> Any:
        current = self.fields.get(name)
        return current[0] if current else None

    @property
    def deleted(self) -> bool:
        return bool(self.value("deleted"))


@dataclass
class PushResult:
    accepted: list[str] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    merged: list[tuple[str, str]] = field(default_factory=list)


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class PushApplier:
    def __init__(self, session: Session, station_id: str, clock: ServerClock) -> None:
        self.session = session
        self.station_id = station_id
        self.clock = clock
        self.merges: dict[str, str] = {}
        self.states: dict[tuple[str, str], FieldState] = {}
        self.looked_up: set[tuple[str, str]] = set()  # keys already asked of the database
        self.identity: dict[str, str | None] = {}
        self.identity_dirty: set[str] = set()
        self.identity_stored: set[str] = set()
        self.rows: list[dict[str, Any]] = []
        self.new_merges: list[tuple[str, str, str]] = []
        self.result = PushResult()

    # ---- the batch -------------------------------------------------------------------

    def push(self, changes: Sequence[Change]) -> PushResult:
        known = self._known_op_ids([c.op_id for c in changes])
        todo: list[Change] = []
        for change in changes:
            if change.op_id in known:
                self.result.accepted.append(change.op_id)
                continue
            reason = validate_change(change, self.station_id) or check_values(change)
            if reason:
                self.result.rejected.append(Rejection(op_id=change.op_id, reason=reason))
                continue
            known.add(change.op_id)
            todo.append(change)
            self.result.accepted.append(change.op_id)
        if todo:
            self._load(todo)
            for change in todo:
                self._apply(change)
            self._write()
        return self.result

    def resolve(self, worker_id: str) -> str:
        seen = 0
        while worker_id in self.merges and seen < 100:
            worker_id = self.merges[worker_id]
            seen += 1
        return worker_id

    def _apply(self, change: Change) -> None:
        record_id = self.resolve(change.record_id) if change.kind == "worker" else change.record_id
        values = dict(change.fields)
        for (kind, name), target in REFERENCES.items():
            if kind == change.kind and target == "worker" and isinstance(values.get(name), str):
                values[name] = self.resolve(values[name])
        state = self._state(change.kind, record_id, create=True)
        assert state is not None
        state.apply(values, change.hlc)
        state.first_op = state.first_op or change.op_id
        state.last_op = change.op_id
        self.rows.append(
            {
                "op_id": change.op_id,
                "station_id": self.station_id,
                "kind": change.kind,
                "record_id": record_id,
                "fields": json.dumps(values, ensure_ascii=False, sort_keys=True),
                "hlc": change.hlc,
                "base": json.dumps(change.base, sort_keys=True),
                "received_at": utc_now(),
            }
        )
        self.clock.observe([Hlc.decode(change.hlc)])
        if change.kind == "worker" and "id_number" in values:
            self._check_identity(state)

    # ---- same person, two workers ----------------------------------------------------

    def _check_identity(self, state: FieldState) -> None:
        number = state.value("id_number")
        # An erased person's ID number is blank: nobody to merge with.
        if not isinstance(number, str) or not number.strip() or state.deleted:
            return
        if state.record_id in self.merges:
            return
        key = normalize_id_number(number)
        holder_id = self.identity.get(key)
        holder_id = self.resolve(holder_id) if holder_id else None
        if holder_id is None or holder_id == state.record_id:
            self._set_identity(key, state.record_id)
            return
        holder = self._state("worker", holder_id, create=False)
        holder_number = holder.value("id_number") if holder else None
        if (
            holder is None
            or holder.deleted
            or not isinstance(holder_number, str)
            or normalize_id_number(holder_number) != key
        ):
            self._set_identity(key, state.record_id)
            return
        into, gone = (holder, state) if holder.order <= state.order else (state, holder)
        self._merge(gone, into)
        self._set_identity(key, into.record_id)

    def _merge(self, gone: FieldState, into: FieldState) -> None:
        self.merges[gone.record_id] = into.record_id
        for name, (value, hlc) in gone.fields.items():
            into.apply({name: value}, hlc)
        op_id = f"merge-{gone.record_id}"
        into.last_op = into.last_op or op_id
        self.rows.append(
            {
                "op_id": op_id,
                "station_id": SERVER_STATION_ID,
                "kind": MERGE_KIND,
                "record_id": into.record_id,
                "fields": json.dumps(
                    {"from_id": gone.record_id, "into_id": into.record_id}, sort_keys=True
                ),
                "hlc": self.clock.tick().encode(),
                "base": "{}",
                "received_at": utc_now(),
            }
        )
        self.new_merges.append((gone.record_id, into.record_id, op_id))
        self.result.merged.append((gone.record_id, into.record_id))

    def _set_identity(self, key: str, worker_id: str) -> None:
        if self.identity.get(key) != worker_id:
            self.identity[key] = worker_id
            self.identity_dirty.add(key)

    # ---- reading -----------------------------------------------------------------------

    def _known_op_ids(self, op_ids: list[str]) -> set[str]:
        known: set[str] = set()
        for part in chunks(sorted(set(op_ids))):
            rows = self.session.execute(select(_log.c.op_id).where(_log.c.op_id.in_(part)))
            known.update(row[0] for row in rows)
        return known

    def _load(self, changes: list[Change]) -> None:
        for from_id, into_id in self.session.execute(select(_merge.c.from_id, _merge.c.into_id)):
            self.merges[from_id] = into_id
        by_kind: dict[str, set[str]] = {}
        numbers: set[str] = set()
        for change in changes:
            record_id = change.record_id
            if change.kind == "worker":
                record_id = self.resolve(record_id)
                number = change.fields.get("id_number")
                if isinstance(number, str):
                    numbers.add(normalize_id_number(number))
            by_kind.setdefault(change.kind, set()).add(record_id)
        for kind, ids in by_kind.items():
            self._load_states(kind, sorted(ids))
        for part in chunks(sorted(numbers)):
            query = select(_identity.c.id_number, _identity.c.worker_id).where(
                _identity.c.id_number.in_(part)
            )
            for number, worker_id in self.session.execute(query):
                self.identity[number] = worker_id
                self.identity_stored.add(number)

    def _load_states(self, kind: str, ids: Sequence[str]) -> None:
        self.looked_up.update((kind, record_id) for record_id in ids)
        for part in chunks(ids):
            query = select(_state).where(_state.c.kind == kind, _state.c.record_id.in_(part))
            for row in self.session.execute(query).mappings():
                self.states[(kind, row["record_id"])] = FieldState(
                    kind=kind,
                    record_id=row["record_id"],
                    fields=json.loads(row["fields"]),
                    order=(0, row["first_seq"]),
                    stored=True,
                    first_seq=row["first_seq"],
                )

    def _state(self, kind: str, record_id: str, create: bool) -> FieldState | None:
        key = (kind, record_id)
        if key not in self.looked_up:
            self._load_states(kind, [record_id])
        if key not in self.states and create:
            order = (1, len(self.rows))
            self.states[key] = FieldState(kind, record_id, {}, order=order, stored=False)
        return self.states.get(key)

    # ---- writing -----------------------------------------------------------------------

    def _write(self) -> None:
        seq_of: dict[str, int] = {}
        for part in chunks(self.rows):
            returned = self.session.execute(
                insert(_log).returning(_log.c.op_id, _log.c.seq, sort_by_parameter_order=True),
                list(part),
            )
            seq_of.update((op_id, seq) for op_id, seq in returned)
        new_states, old_states = [], []
        for state in self.states.values():
            if state.last_op is None:
                continue
            row = {
                "kind": state.kind,
                "record_id": state.record_id,
                "fields": json.dumps(state.fields, ensure_ascii=False, sort_keys=True),
                "first_seq": state.first_seq or seq_of[state.first_op or state.last_op],
                "last_seq": seq_of[state.last_op],
            }
            (old_states if state.stored else new_states).append(row)
        if new_states:
            self.session.execute(insert(_state), new_states)
        if old_states:
            self.session.execute(
                update(_state)
                .where(_state.c.kind == _b("kind"), _state.c.record_id == _b("record_id"))
                .values(fields=_b("fields"), last_seq=_b("last_seq")),
                [{f"b_{k}": v for k, v in row.items()} for row in old_states],
            )
        self._write_identity()
        if self.new_merges:
            self.session.execute(
                insert(_merge),
                [
                    {"from_id": gone, "into_id": into, "seq": seq_of[op_id]}
                    for gone, into, op_id in self.new_merges
                ],
            )

    def _write_identity(self) -> None:
        new = [k for k in self.identity_dirty if k not in self.identity_stored]
        old = [k for k in self.identity_dirty if k in self.identity_stored]
        if new:
            rows = [{"id_number": k, "worker_id": self.identity[k]} for k in new]
            self.session.execute(insert(_identity), rows)
        if old:
            self.session.execute(
                update(_identity)
                .where(_identity.c.id_number == _b("id_number"))
                .values(worker_id=_b("worker_id")),
                [{"b_id_number": k, "b_worker_id": self.identity[k]} for k in old],
            )


def _b(name: str) -> Any:
    return bindparam(f"b_{name}")
