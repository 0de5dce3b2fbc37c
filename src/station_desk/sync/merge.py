"""Apply changes pulled from the district to the local database.

Editable records merge field by field, last writer wins by HLC stamp: a field's local stamp
is its entry in field_hlc, or created_hlc when it has not changed since creation. A local
edit that loses to a newer one from elsewhere, or beats an older one from elsewhere, is kept
in the conflict log with both values, so nothing is dropped silently. The tombstone flag
`deleted` is a field like the others: an edit to a deleted record is applied but the record
stays deleted, and the log says so. Worker merges (one person registered at two stations)
fold the merged-away record into the surviving one.

Everything here runs inside the caller's transaction on its sqlite3 connection, so a page of
changes and the new cursor are stored together or not at all.

A first sync is a bulk load: while more pages follow, records seen for the first time are
written without their search documents and matching rows, and the setting INDEX_PENDING_KEY
is set in the same transaction as the page (records stored before are re-indexed as usual).
`finish_index` then indexes every live record that has no search document yet, oldest
first, a slice per transaction, and clears the setting with the last slice. A pull cut off
half-way (or a PC switched off) leaves the setting on, so the next sync, or `finish_index` at
start, completes the index: it is never left partly built unnoticed.
"""

from __future__ import annotations

import json
import typing
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.dialects import sqlite as sqlite_dialect

from station_desk.domain.worker import ERASED
from station_desk.store import search, trade_index
from station_desk.store.driver import sqlite3
from station_desk.store.erasure import purge_worker_history
from station_desk.store.models import SYNCED_MODELS, json_value, record_fields
from station_desk.store.rows import storage_converters
from station_desk.sync.protocol import MERGE_KIND, REFERENCES, PulledChange

BOOK = ("id", "created_hlc", "updated_hlc", "field_hlc", "origin_station", "deleted")
INDEX_PENDING_KEY = "sync.index_pending"  # "1": search and trade indexes wait for a rebuild
BULK_CACHE_KIB = 65_536  # page cache while bulk loading (SQLite's default is 2 MiB)
FINISH_SLICE = 5_000  # records of each kind indexed per transaction by finish_index


def index_pending(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT value FROM setting WHERE key = ?", (INDEX_PENDING_KEY,)).fetchone()
    return row is not None and row[0] == "1"


def _set_index_pending(conn: sqlite3.Connection, pending: bool) -> None:
    conn.execute(
        "INSERT INTO setting (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (INDEX_PENDING_KEY, "1" if pending else ""),
    )


def finish_index(conn: sqlite3.Connection, limit: int = FINISH_SLICE) -> bool:
    """Index up to `limit` records of each kind that a bulk load left without their search
    document and matching rows; inside the caller's transaction. True when none is left
    (the setting is then cleared in this transaction). Called once per transaction until
    it returns True, so the desk's own writes never wait long for the write lock."""
    if not index_pending(conn):
        return True
    left = False
    with _bulk_cache(conn):
        for kind in search.KINDS:
            rows = search.index_missing(conn, kind, limit)
            if kind == "worker":
                trade_index.index_workers(conn, rows)
            left = left or len(rows) == limit
    if not left:
        _set_index_pending(conn, False)
    return not left


@contextmanager
def _bulk_cache(conn: sqlite3.Connection) -> Iterator[None]:
    """A bigger page cache for this connection while many rows go into large B-trees. It
    changes no durability setting: synchronous and the WAL stay as they are."""
    before = int(conn.execute("PRAGMA cache_size").fetchone()[0])
    conn.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {before}")


def _column_defaults(kind: str) -> dict[str, Any]:
    """Storage values for fields a creation did not carry (the columns' own defaults)."""
    model = SYNCED_MODELS[kind]
    converters = storage_converters(model)
    defaults: dict[str, Any] = {}
    for name in record_fields(model):
        info = model.model_fields[name]
        if info.default_factory is not None:
            defaults[name] = converters[name](json_value(info.default_factory()))
        elif info.default is not None and not info.is_required():
            defaults[name] = converters[name](json_value(info.default))
        else:
            defaults[name] = converters[name](None)
    return defaults


# Values whose JSON form is already what SQLite stores: text that is text, numbers that are
# numbers of the field's type. Everything else (times, dates, flags, None, a number for a
# text field) goes through the converters.
_PLAIN_TYPES = (str, int, float)


def _plain_fields(kind: str) -> dict[str, type]:
    """Fields of kind that SQLite stores as their JSON value when it has the field's type
    (no bind processor; the converter is then the type's own constructor)."""
    model = SYNCED_MODELS[kind]
    table = model.__table__  # type: ignore[attr-defined]
    dialect = sqlite_dialect.dialect()
    plain: dict[str, type] = {}
    for name in record_fields(model):
        annotation = model.model_fields[name].annotation
        args = [a for a in (typing.get_args(annotation) or (annotation,)) if a is not type(None)]
        column_type = table.columns[name].type.dialect_impl(dialect)
        if len(args) == 1 and args[0] in _PLAIN_TYPES and not column_type.bind_processor(dialect):
            plain[name] = args[0]
    return plain


_PLAIN: dict[str, dict[str, type]] = {}


def _to_storage(kind: str, fields: dict[str, Any]) -> dict[str, Any]:
    """A change's JSON values as SQLite stores them (rows.storage_converters), with the
    common cases (text that is text, numbers that are numbers) taken without a call."""
    plain = _PLAIN.get(kind)
    if plain is None:
        plain = _PLAIN[kind] = _plain_fields(kind)
    converters = storage_converters(SYNCED_MODELS[kind])
    out: dict[str, Any] = {}
    for name, value in fields.items():
        if type(value) is plain.get(name):
            out[name] = value
        elif name in converters:
            out[name] = converters[name](value)
    return out


@dataclass
class PageResult:
    applied: int = 0
    conflicts: int = 0
    merged: int = 0
    max_hlc: str = ""
    skipped: int = 0  # edits of records this desk never received (their creation was refused)
    touched: set[tuple[str, str]] = field(default_factory=set)


class PageApplier:
    """Applies one page of pulled changes in order."""

    def __init__(self, conn: sqlite3.Connection, now: datetime, me: str) -> None:
        self.conn = conn
        self.me = me
        self.now = now.isoformat(sep=" ", timespec="microseconds")
        self.result = PageResult()
        self.merged_ids = dict(conn.execute("SELECT from_id, into_id FROM record_merge"))
        # Records first seen in this page, kept in memory and written in one batch per kind
        # (a first sync is mostly these).
        self.staged: dict[str, dict[str, dict[str, Any]]] = {kind: {} for kind in SYNCED_MODELS}
        # Stamps end with the station id; a field last written here ends with ours.

    # -- entry point --------------------------------------------------------------------

    def apply(
        self, changes: list[PulledChange], *, more: bool = False, first: bool = False
    ) -> PageResult:
        """Apply a page. `more`: further pages follow; `first`: the page starts from cursor 0
        (a new station's first sync). Then, or while an earlier bulk load is unfinished, the
        indexes are left to `finish_index` (see the module's notes)."""
        self.conn.execute("PRAGMA defer_foreign_keys = ON")
        self.defer_index = index_pending(self.conn) or (more and first)
        if self.defer_index:
            _set_index_pending(self.conn, True)
        self._known = self._existing_ids(changes)
        with _bulk_cache(self.conn) if self.defer_index else nullcontext():
            for change in changes:
                self.result.max_hlc = max(self.result.max_hlc, change.hlc)
                if change.kind == MERGE_KIND:
                    self._write_staged()
                    self._merge(change)
                elif change.kind in SYNCED_MODELS:
                    self._change(change)
                self.result.applied += 1
            self._write_staged()
            self._reindex()  # records stored before: their documents must follow the change
        return self.result

    # -- record changes -----------------------------------------------------------------

    def _existing_ids(self, changes: list[PulledChange]) -> set[tuple[str, str]]:
        """Which of the page's records are already here, in one query per kind (a first
        sync is mostly records seen for the first time)."""
        wanted: dict[str, list[str]] = {}
        for change in changes:
            if change.kind in SYNCED_MODELS:
                record_id = self.merged_ids.get(change.record_id, change.record_id)
                wanted.setdefault(change.kind, []).append(record_id)
        known: set[tuple[str, str]] = set()
        for kind, ids in wanted.items():
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ",".join("?" * len(chunk))
                known.update(
                    (kind, row[0])
                    for row in self.conn.execute(
                        f"SELECT id FROM {kind} WHERE id IN ({marks})", chunk
                    )
                )
        return known

    def _row(self, kind: str, record_id: str) -> dict[str, Any] | None:
        if (kind, record_id) not in self._known:
            return None
        cursor = self.conn.execute(f"SELECT * FROM {kind} WHERE id = ?", (record_id,))
        values = cursor.fetchone()
        if values is None:
            return None
        return dict(zip([d[0] for d in cursor.description], values, strict=True))

    def _change(self, change: PulledChange) -> None:
        kind = change.kind
        record_id = self.merged_ids.get(change.record_id, change.record_id)
        incoming = _to_storage(kind, change.fields)
        for (ref_kind, ref_field), _target in REFERENCES.items():
            if ref_kind == kind and ref_field in incoming:
                incoming[ref_field] = self.merged_ids.get(incoming[ref_field], incoming[ref_field])
        staged = self.staged[kind].get(record_id)
        if staged is not None:
            self._update_staged(staged, change, incoming)
            return
        row = self._row(kind, record_id)
        if row is None:
            if "origin_station" not in change.fields:
                # An edit of a record this desk never received (the server refused its
                # creation): nothing to apply it to, and a half record would fail this page
                # on every retry and stop this desk's sync for good.
                self.result.skipped += 1
                return
            self._stage(kind, record_id, change, incoming)
        else:
            self._update(kind, row, change, incoming)
            self.result.touched.add((kind, record_id))

    def _stage(
        self, kind: str, record_id: str, change: PulledChange, incoming: dict[str, Any]
    ) -> None:
        self.staged[kind][record_id] = {
            "id": record_id,
            "created_hlc": change.hlc,
            "updated_hlc": change.hlc,
            "field_hlc": {},
            "origin_station": incoming.pop("origin_station", change.station_id),
            "deleted": incoming.pop("deleted", False),
            **incoming,
        }

    @staticmethod
    def _update_staged(row: dict[str, Any], change: PulledChange, incoming: dict[str, Any]) -> None:
        """A later change of a record first seen in this page: nothing local to conflict with."""
        incoming.pop("origin_station", None)
        stamps: dict[str, str] = row["field_hlc"]
        for name, value in incoming.items():
            if change.hlc > stamps.get(name, row["created_hlc"]):
                row[name] = value
                stamps[name] = change.hlc
        row["updated_hlc"] = max(row["updated_hlc"], change.hlc)

    def _write_staged(self) -> None:
        """Insert the staged records (employers before the postings that point at them) and
        add them to the search index in bulk."""
        for kind, rows in self.staged.items():
            if not rows:
                continue
            columns = list(BOOK) + record_fields(SYNCED_MODELS[kind])
            defaults = _column_defaults(kind)
            fallback = [defaults.get(c) for c in columns]
            values = []
            for row in rows.values():
                row["field_hlc"] = json.dumps(row["field_hlc"], sort_keys=True)
                # A creation need not carry every field (an older desk's, say): the columns'
                # defaults fill the rest, in the row written and in the one indexed below.
                for name, default in zip(columns, fallback, strict=True):
                    row.setdefault(name, default)
                values.append([row[name] for name in columns])
            self.conn.executemany(
                f"INSERT INTO {kind} ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' * len(columns))})",
                values,
            )
            self._known.update((kind, record_id) for record_id in rows)
            if kind in search.KINDS and not self.defer_index:
                self._index_new(kind, rows)
        self.staged = {kind: {} for kind in SYNCED_MODELS}

    def _index_new(self, kind: str, rows: dict[str, dict[str, Any]]) -> None:
        if kind == "posting":
            employer_ids = list({r["employer_id"] for r in rows.values()})
            names: dict[str, str] = {}
            for start in range(0, len(employer_ids), 500):
                chunk = employer_ids[start : start + 500]
                names.update(
                    self.conn.execute(
                        f"SELECT id, name FROM employer WHERE id IN ({','.join('?' * len(chunk))})",
                        chunk,
                    ).fetchall()
                )
            for row in rows.values():
                row["employer_name"] = names.get(row["employer_id"], "")
        search.index_documents(
            self.conn,
            kind,
            ((rid, search.document(kind, row)) for rid, row in rows.items() if not row["deleted"]),
        )
        if kind == "worker":
            trade_index.index_workers(self.conn, rows.values(), new=True)

    def _pending_fields(self, kind: str, record_id: str) -> set[str]:
        """Fields this desk changed and has not pushed yet: edits made concurrently."""
        pending: set[str] = set()
        for (fields,) in self.conn.execute(
            "SELECT fields FROM outbox WHERE record_kind = ? AND record_id = ? "
            "AND pushed_at IS NULL",
            (kind, record_id),
        ):
            pending.update(json.loads(fields))
        return pending

    def _update(
        self, kind: str, row: dict[str, Any], change: PulledChange, incoming: dict[str, Any]
    ) -> None:
        incoming.pop("origin_station", None)
        stamps: dict[str, str] = json.loads(row["field_hlc"] or "{}")
        created = row["created_hlc"]
        pending = self._pending_fields(kind, row["id"])
        won: dict[str, Any] = {}
        for name, value in incoming.items():
            local_stamp = stamps.get(name, created)
            if change.hlc == local_stamp:
                continue  # the same write, seen again
            if change.hlc > local_stamp:
                # A local edit loses: logged when it was made without seeing this one (the
                # author's base stamp is not ours), or is still waiting to be sent.
                mine = local_stamp.endswith(self.me) and local_stamp != created
                concurrent = name in change.base and change.base[name] != local_stamp
                if (name in pending or (mine and concurrent)) and row[name] != value:
                    self._log(
                        kind, row["id"], name, value, row[name], change.hlc, local_stamp, True
                    )
                won[name] = value
                stamps[name] = change.hlc
            elif row[name] != value:
                self._log(kind, row["id"], name, row[name], value, local_stamp, change.hlc, False)
        deleted = won.get("deleted", row["deleted"])
        if deleted and any(name != "deleted" for name in won):
            self._note(kind, row["id"], change, "对已删除记录的修改：记录保持删除状态，修改已保存")
        if not won:
            return
        won["field_hlc"] = json.dumps(stamps, sort_keys=True)
        won["updated_hlc"] = max(row["updated_hlc"], change.hlc)
        assignments = ", ".join(f"{name} = ?" for name in won)
        self.conn.execute(
            f"UPDATE {kind} SET {assignments} WHERE id = ?", [*won.values(), row["id"]]
        )
        if kind == "worker" and won.get("status") == ERASED:
            # Erased at another station: the old values go from this desk's history too.
            purge_worker_history(self.conn, row["id"])

    # -- conflict log -------------------------------------------------------------------

    def _log(
        self,
        kind: str,
        record_id: str,
        name: str,
        kept: Any,
        lost: Any,
        kept_hlc: str,
        lost_hlc: str,
        lost_here: bool,
        note: str = "",
    ) -> None:
        self.conn.execute(
            "INSERT INTO conflict_log (at, record_kind, record_id, field, kept_value, lost_value,"
            " kept_hlc, lost_hlc, lost_here, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                self.now,
                kind,
                record_id,
                name,
                json.dumps(kept, ensure_ascii=False, default=str),
                json.dumps(lost, ensure_ascii=False, default=str),
                kept_hlc,
                lost_hlc,
                lost_here,
                note,
            ),
        )
        self.result.conflicts += 1

    def _note(self, kind: str, record_id: str, change: PulledChange, note: str) -> None:
        self._log(kind, record_id, "deleted", True, False, change.hlc, change.hlc, False, note)

    # -- worker merges ------------------------------------------------------------------

    def _merge(self, change: PulledChange) -> None:
        from_id = str(change.fields["from_id"])
        into_id = str(change.fields["into_id"])
        kind = "worker"
        self.conn.execute(
            "INSERT OR IGNORE INTO record_merge (from_id, into_id, record_kind, seq, at) "
            "VALUES (?, ?, ?, ?, ?)",
            (from_id, into_id, kind, change.seq, self.now),
        )
        self.merged_ids[from_id] = into_id
        self._known.update({(kind, from_id), (kind, into_id)})
        source, target = self._row(kind, from_id), self._row(kind, into_id)
        if source is not None and target is not None and not source["deleted"]:
            self._fold(kind, source, target, change.hlc)
        # This desk's unsent edits of the merged-away record now belong to the survivor.
        self.conn.execute(
            "UPDATE outbox SET record_id = ? WHERE record_kind = ? AND record_id = ? "
            "AND pushed_at IS NULL",
            (into_id, kind, from_id),
        )
        for (ref_kind, ref_field), target_kind in REFERENCES.items():
            if target_kind == kind:
                self.conn.execute(
                    f"UPDATE {ref_kind} SET {ref_field} = ? WHERE {ref_field} = ?",
                    (into_id, from_id),
                )
        self.result.merged += 1
        self.result.touched.update({(kind, from_id), (kind, into_id)})

    def _fold(self, kind: str, source: dict[str, Any], target: dict[str, Any], hlc: str) -> None:
        """Newer field values of the merged-away record move to the survivor; the merged-away
        record becomes a tombstone (locally: every station does the same on this pull)."""
        source_stamps = json.loads(source["field_hlc"] or "{}")
        target_stamps = json.loads(target["field_hlc"] or "{}")
        moved: dict[str, Any] = {}
        for name in record_fields(SYNCED_MODELS[kind]):
            theirs = source_stamps.get(name, source["created_hlc"])
            ours = target_stamps.get(name, target["created_hlc"])
            if theirs > ours and source[name] != target[name]:
                moved[name] = source[name]
                target_stamps[name] = theirs
        if moved:
            moved["field_hlc"] = json.dumps(target_stamps, sort_keys=True)
            moved["updated_hlc"] = max(target["updated_hlc"], max(target_stamps.values()))
            assignments = ", ".join(f"{name} = ?" for name in moved)
            self.conn.execute(
                f"UPDATE {kind} SET {assignments} WHERE id = ?", [*moved.values(), target["id"]]
            )
        source_stamps["deleted"] = hlc
        self.conn.execute(
            f"UPDATE {kind} SET deleted = 1, field_hlc = ?, updated_hlc = ? WHERE id = ?",
            (
                json.dumps(source_stamps, sort_keys=True),
                max(source["updated_hlc"], hlc),
                source["id"],
            ),
        )

    # -- search index -------------------------------------------------------------------

    def _reindex(self) -> None:
        for kind, record_id in sorted(self.result.touched):
            if kind in search.KINDS:
                search.index_record(self.conn, kind, record_id)
            if kind == "worker":
                trade_index.reindex_worker(self.conn, record_id)
