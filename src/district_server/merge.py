"""Applying a pushed batch: duplicates, checks, field state, and merging duplicate workers.

A batch is handled in two steps. `prepare_batch` runs before the write lock: it checks every
change (protocol and values), decodes stamps and encodes the JSON that will be stored, so the
other stations' batches are not held up by it. `PushApplier.apply` then runs inside the
serialized write transaction (db.write_session), so the sequence numbers handed out are in
commit order: it looks up in a handful of set-wise statements the op ids already known and
the states and identities the batch touches, decides in memory, numbers the change rows
after the highest sequence and inserts them (and the merge rows) in bulk.

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
from datetime import datetime
from typing import Any

from sqlmodel import Session

from station_desk.domain.hlc import Hlc
from station_desk.domain.idcard import normalize_id_number
from station_desk.domain.worker import ERASED
from station_desk.sync.protocol import MERGE_KIND, REFERENCES, Change, Rejection, validate_change

from .checks import check_values
from .clock import ServerClock
from .erasure import purge_erased
from .models import SERVER_STATION_ID, ChangeLog, utc_now
from .screening import change_problem

CHUNK = 500  # ids per IN (...) lookup
_encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
_log = ChangeLog.__table__  # type: ignore[attr-defined]
_LOG_COLUMNS = ("op_id", "station_id", "kind", "record_id", "fields", "hlc", "base")


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
        if not self.fields:  # a record seen for the first time: every value wins
            self.fields = {name: [value, hlc] for name, value in values.items()}
            return
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


@dataclass
class Prepared:
    """A change that passed the checks, with the JSON to store already written."""

    change: Change
    fields_json: str
    base_json: str


@dataclass
class PreparedBatch:
    """What `prepare_batch` makes of a pushed batch, outside the write lock."""

    station_id: str
    todo: list[Prepared]  # checked changes, each op id once, in order
    result: PushResult  # accepted (every checked op) and rejected, in the batch's order
    newest: Hlc | None  # the latest stamp among the checked changes


def prepare_batch(
    changes: Sequence[Change], station_id: str, allow_nul: bool = True, body_screened: bool = False
) -> PreparedBatch:
    """Check a batch and encode what will be stored; touches no database. A change the
    server must not store (see screening.py) is rejected alone; the rest still apply.
    `body_screened`: the request body as a whole already passed screening.screen_json."""
    result = PushResult()
    todo: list[Prepared] = []
    seen: set[str] = set()
    newest: Hlc | None = None
    for change in changes:
        if change.op_id in seen:  # the same op twice in one batch: applied once
            result.accepted.append(change.op_id)
            continue
        reason = (
            validate_change(change, station_id)
            or change_problem(change, station_id, allow_nul, body_screened)
            or check_values(change)
        )
        if reason:
            result.rejected.append(Rejection(op_id=change.op_id, reason=reason))
            continue
        seen.add(change.op_id)
        result.accepted.append(change.op_id)
        base = _encode(change.base) if change.base else "{}"
        todo.append(Prepared(change, _encode(change.fields), base))
        stamp = Hlc.decode(change.hlc)
        newest = stamp if newest is None or stamp > newest else newest
    return PreparedBatch(station_id, todo, result, newest)


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
        self.received_at = utc_now()
        self.clock_caught_up = False
        self.erased: set[str] = set()  # workers this batch erases (erasure.py)

    # ---- the batch -------------------------------------------------------------------

    def push(self, changes: Sequence[Change]) -> PushResult:
        """Check and apply a batch in one go (prepare_batch + apply)."""
        allow_nul = self.session.get_bind().dialect.name == "sqlite"
        batch = prepare_batch(changes, self.station_id, allow_nul)
        if batch.newest is not None:
            self.clock.observe([batch.newest])
        return self.apply(batch)

    def apply(self, batch: PreparedBatch) -> PushResult:
        """Apply a prepared batch; inside the serialized write transaction. Op ids already
        stored (a batch sent again after a lost reply) are accepted without applying."""
        self.result = batch.result
        known = self._known_op_ids([p.change.op_id for p in batch.todo])
        todo = [p for p in batch.todo if p.change.op_id not in known]
        if todo:
            self._load([p.change for p in todo])
            for prepared in todo:
                self._apply(prepared)
            self._write()
        return self.result

    def resolve(self, worker_id: str) -> str:
        seen = 0
        while worker_id in self.merges and seen < 100:
            worker_id = self.merges[worker_id]
            seen += 1
        return worker_id

    def _apply(self, prepared: Prepared) -> None:
        change = prepared.change
        values = change.fields
        fields_json = prepared.fields_json
        record_id = change.record_id
        if self.merges:
            if change.kind == "worker":
                record_id = self.resolve(record_id)
            moved = {
                name: self.resolve(values[name])
                for name in _WORKER_REFERENCES.get(change.kind, ())
                if isinstance(values.get(name), str) and values[name] in self.merges
            }
            if moved:
                values = {**values, **moved}
                fields_json = _encode(values)
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
                "fields": fields_json,
                "hlc": change.hlc,
                "base": prepared.base_json,
                "received_at": self.received_at,
            }
        )
        if change.kind == "worker" and "id_number" in values:
            self._check_identity(state)
        if change.kind == "worker" and values.get("status") == ERASED:
            self.erased.add(record_id)

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
        if not self.clock_caught_up:
            # Several server processes each keep a clock: inside the write lock, move past
            # the newest stamp any of them stored, so a merge's stamp is after all of them.
            self.clock.observe_text(self._sql("SELECT max(hlc) FROM change_log").scalar())
            self.clock_caught_up = True
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
                "received_at": self.received_at,
            }
        )
        self.new_merges.append((gone.record_id, into.record_id, op_id))
        self.result.merged.append((gone.record_id, into.record_id))

    def _set_identity(self, key: str, worker_id: str) -> None:
        if self.identity.get(key) != worker_id:
            self.identity[key] = worker_id
            self.identity_dirty.add(key)

    # ---- reading -----------------------------------------------------------------------

    def _sql(self, sql: str, params: Any = ()) -> Any:
        """A statement straight to the driver (no SQL compilation per call); `?` marks
        parameters whatever the back-end's own style."""
        conn = self.session.connection()
        if conn.dialect.paramstyle != "qmark":
            sql = sql.replace("?", "%s")
        return conn.exec_driver_sql(sql, params)

    def _lookup(self, sql: str, keys: Sequence[str], *before: Any) -> Iterable[Any]:
        """Rows of `sql` (ending in `IN`) for the keys, CHUNK keys a statement."""
        for part in chunks(keys):
            yield from self._sql(f"{sql} ({','.join('?' * len(part))})", (*before, *part))

    def _known_op_ids(self, op_ids: list[str]) -> set[str]:
        sql = "SELECT op_id FROM change_log WHERE op_id IN"
        return {row[0] for row in self._lookup(sql, sorted(set(op_ids)))}

    def _load(self, changes: list[Change]) -> None:
        for from_id, into_id in self._sql("SELECT from_id, into_id FROM worker_merge"):
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
        sql = "SELECT id_number, worker_id FROM worker_identity WHERE id_number IN"
        for number, worker_id in self._lookup(sql, sorted(numbers)):
            self.identity[number] = worker_id
            self.identity_stored.add(number)

    def _load_states(self, kind: str, ids: Sequence[str]) -> None:
        self.looked_up.update((kind, record_id) for record_id in ids)
        sql = (
            "SELECT record_id, fields, first_seq FROM record_state WHERE kind = ? AND record_id IN"
        )
        for record_id, fields, first_seq in self._lookup(sql, ids, kind):
            self.states[(kind, record_id)] = FieldState(
                kind=kind,
                record_id=record_id,
                fields=json.loads(fields),
                order=(0, first_seq),
                stored=True,
                first_seq=first_seq,
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
        # Writers are serialized (db.write_session), so the numbers after the highest stored
        # one are this transaction's: numbered here, the rows need not be read back.
        top = self._sql("SELECT max(seq) FROM change_log").scalar()
        received = _time_value(self.session, self.received_at)
        seq_of: dict[str, int] = {}
        log_rows = []
        for number, row in enumerate(self.rows, start=int(top or 0) + 1):
            seq_of[row["op_id"]] = number
            log_rows.append((number, *(row[c] for c in _LOG_COLUMNS), received))
        if log_rows:
            self._sql(
                f"INSERT INTO change_log (seq, {', '.join(_LOG_COLUMNS)}, received_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                log_rows,
            )
        new_states, old_states = [], []
        for state in self.states.values():
            if state.last_op is None:
                continue
            fields = _encode(state.fields)
            last_seq = seq_of[state.last_op]
            if state.stored:
                old_states.append((fields, last_seq, state.kind, state.record_id))
            else:
                first_seq = state.first_seq or seq_of[state.first_op or state.last_op]
                new_states.append((state.kind, state.record_id, fields, first_seq, last_seq))
        if new_states:
            self._sql(
                "INSERT INTO record_state (kind, record_id, fields, first_seq, last_seq) "
                "VALUES (?, ?, ?, ?, ?)",
                new_states,
            )
        if old_states:
            self._sql(
                "UPDATE record_state SET fields = ?, last_seq = ? WHERE kind = ? AND record_id = ?",
                old_states,
            )
        self._write_identity()
        if self.new_merges:
            self._sql(
                "INSERT INTO worker_merge (from_id, into_id, seq) VALUES (?, ?, ?)",
                [(gone, into, seq_of[op_id]) for gone, into, op_id in self.new_merges],
            )
        if self.erased:
            purge_erased(self._sql, self.erased, _encode)

    def _write_identity(self) -> None:
        new = [k for k in self.identity_dirty if k not in self.identity_stored]
        old = [k for k in self.identity_dirty if k in self.identity_stored]
        if new:
            self._sql(
                "INSERT INTO worker_identity (id_number, worker_id) VALUES (?, ?)",
                [(k, self.identity[k]) for k in new],
            )
        if old:
            self._sql(
                "UPDATE worker_identity SET worker_id = ? WHERE id_number = ?",
                [(self.identity[k], k) for k in old],
            )


_WORKER_REFERENCES: dict[str, tuple[str, ...]] = {}
for (_kind, _name), _target in REFERENCES.items():
    if _target == "worker":
        _WORKER_REFERENCES[_kind] = (*_WORKER_REFERENCES.get(_kind, ()), _name)


def _time_value(session: Session, value: datetime) -> Any:
    """A time as the ORM would store it in change_log.received_at on this back-end."""
    dialect = session.connection().dialect
    bind = _log.c.received_at.type.dialect_impl(dialect).bind_processor(dialect)
    return bind(value) if bind else value
