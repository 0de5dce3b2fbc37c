"""The soak's model of what the clerks wrote, and the checks of a finished run against it.

Every local write a desk acknowledged (its transaction committed) left its change in that
desk's outbox, in the same transaction. After every step the driver reads the rows that are
new there (`Model.capture`) and keeps, per record and field, the value of the write with the
highest HLC stamp, and whether a tombstone was ever written. Once the run has healed and
synced until quiet, `check_run` compares every desk and the server with that model:

- each desk's database passes `PRAGMA quick_check`, has nothing left to send and nothing
  refused by the server;
- the desks' `station-desk export --format json` files are byte-identical (the three
  stations and a fresh fourth desk that pulled everything from the server);
- the live records of every kind are exactly the model's live records: every acknowledged
  registration is there exactly once, nothing extra, no deleted record back;
- every field holds the value of its latest write by HLC, with that stamp (desks: the
  record's field stamps; server: record_state);
- the server holds every acknowledged op exactly once in its change log.
"""

from __future__ import annotations

import json
import sqlite3  # the server's database (another process; the server's own driver)
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from station_desk.reports.ledger_export import export_data
from station_desk.store import driver
from station_desk.store.db import Database

# export_data's keys for the synced kinds the soak writes
EXPORT_KEYS = {
    "worker": "workers",
    "employer": "employers",
    "posting": "postings",
    "referral": "referrals",
    "referral_outcome": "referral_outcomes",
    "service": "services",
    "station": "stations",
}
BOOKKEEPING = {"origin_station"}


@dataclass
class Write:
    station: str  # the soak's name for the desk: a, b, c
    op_id: str
    kind: str
    record_id: str
    fields: dict[str, Any]
    hlc: str


@dataclass
class Expected:
    kind: str
    record_id: str
    author: str
    created_hlc: str = ""
    fields: dict[str, tuple[str, Any]] = field(default_factory=dict)  # name -> (hlc, value)
    writes: list[Write] = field(default_factory=list)

    @property
    def deleted(self) -> bool:
        return bool(self.fields.get("deleted", ("", False))[1])


class Model:
    def __init__(self) -> None:
        self.records: dict[tuple[str, str], Expected] = {}
        self.op_ids: list[str] = []
        self._seen: dict[str, int] = {}  # station -> last outbox seq read

    def capture(self, station: str, db_path: Path) -> list[Write]:
        """Read the outbox rows committed at this desk since the last capture."""
        conn = _desk_connection(db_path)
        try:
            rows = conn.execute(
                "SELECT seq, op_id, record_kind, record_id, fields, hlc FROM outbox "
                "WHERE seq > ? ORDER BY seq",
                (self._seen.get(station, 0),),
            ).fetchall()
        finally:
            conn.close()
        writes = []
        for seq, op_id, kind, record_id, fields, hlc in rows:
            self._seen[station] = seq
            write = Write(station, op_id, kind, record_id, json.loads(fields), hlc)
            self._add(write)
            writes.append(write)
        return writes

    def _add(self, write: Write) -> None:
        self.op_ids.append(write.op_id)
        key = (write.kind, write.record_id)
        record = self.records.get(key)
        if record is None:
            record = self.records[key] = Expected(write.kind, write.record_id, write.station)
        if "origin_station" in write.fields:
            record.created_hlc = write.hlc
        record.writes.append(write)
        for name, value in write.fields.items():
            if name in BOOKKEEPING:
                continue
            old = record.fields.get(name)
            if old is None or write.hlc > old[0]:
                record.fields[name] = (write.hlc, value)

    def live(self, kind: str) -> set[str]:
        return {r.record_id for r in self.records.values() if r.kind == kind and not r.deleted}

    def kinds(self) -> set[str]:
        return {kind for kind, _id in self.records}


@dataclass
class Problem:
    text: str
    records: set[str] = field(default_factory=set)  # record ids involved (for the history)


def _desk_connection(path: Path) -> Any:
    """A desk database opened with the desk's own SQLite (two SQLite libraries in one process
    on one file break each other's locks)."""
    return driver.connect(path, timeout=30)


def _rows(conn: Any, kind: str, ids: list[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        cursor = conn.execute(
            f"SELECT * FROM {kind} WHERE id IN ({','.join('?' * len(chunk))})", chunk
        )
        names = [d[0] for d in cursor.description]
        for values in cursor.fetchall():
            row = dict(zip(names, values, strict=True))
            found[row["id"]] = row
    return found


def check_desk_db(name: str, path: Path, model: Model) -> list[Problem]:
    """Integrity, an empty queue, and every record's tombstone and field stamps."""
    problems: list[Problem] = []
    conn = _desk_connection(path)
    try:
        check = conn.execute("PRAGMA quick_check").fetchall()
        if check != [("ok",)]:
            problems.append(Problem(f"{name}: quick_check {check[:3]}"))
        pending = conn.execute("SELECT count(*) FROM outbox WHERE pushed_at IS NULL").fetchone()
        if pending[0]:
            problems.append(Problem(f"{name}: {pending[0]} changes still pending after healing"))
        for op_id, record_id, reason in conn.execute(
            "SELECT op_id, record_id, rejected_reason FROM outbox WHERE rejected_reason IS NOT NULL"
        ):
            problems.append(Problem(f"{name}: op {op_id} refused: {reason}", {record_id}))
        for kind in sorted(model.kinds()):
            expected = [r for r in model.records.values() if r.kind == kind]
            rows = _rows(conn, kind, [r.record_id for r in expected])
            for record in expected:
                row = rows.get(record.record_id)
                if row is None:
                    problems.append(
                        Problem(f"{name}: {kind} {record.record_id} missing", {record.record_id})
                    )
                    continue
                if bool(row["deleted"]) != record.deleted:
                    problems.append(
                        Problem(
                            f"{name}: {kind} {record.record_id} deleted={bool(row['deleted'])}, "
                            f"expected {record.deleted}",
                            {record.record_id},
                        )
                    )
                stamps = json.loads(row["field_hlc"] or "{}")
                for field_name, (hlc, _value) in record.fields.items():
                    have = stamps.get(field_name, row["created_hlc"])
                    if have != hlc:
                        problems.append(
                            Problem(
                                f"{name}: {kind} {record.record_id}.{field_name} stamped {have}, "
                                f"latest write {hlc}",
                                {record.record_id},
                            )
                        )
    finally:
        conn.close()
    return problems


def check_export(name: str, db: Database, model: Model) -> list[Problem]:
    """The live records of every kind are the model's, each field its latest value."""
    problems: list[Problem] = []
    with db.read() as session:
        data = export_data(session)
    for kind in sorted(model.kinds() | {"worker", "posting", "referral"}):
        key = EXPORT_KEYS.get(kind)
        if key is None:
            problems.append(Problem(f"{name}: no export key for kind {kind}"))
            continue
        exported = data.get(key, [])
        counts = Counter(r["id"] for r in exported)
        doubled = {i for i, n in counts.items() if n > 1}
        if doubled:
            problems.append(Problem(f"{name}: {kind} exported twice: {sorted(doubled)}", doubled))
        live = model.live(kind)
        missing, extra = live - set(counts), set(counts) - live
        if missing:
            problems.append(Problem(f"{name}: {kind} missing: {sorted(missing)}", missing))
        if extra:
            deleted = {i for i in extra if (kind, i) in model.records}
            problems.append(
                Problem(
                    f"{name}: {kind} not expected: {sorted(extra)} (deleted: {sorted(deleted)})",
                    extra,
                )
            )
        for row in exported:
            record = model.records.get((kind, row["id"]))
            if record is None:
                continue
            for field_name, (hlc, value) in record.fields.items():
                if field_name in row and row[field_name] != value:
                    problems.append(
                        Problem(
                            f"{name}: {kind} {row['id']}.{field_name} = {row[field_name]!r}, "
                            f"latest write {value!r} ({hlc})",
                            {row["id"]},
                        )
                    )
    return problems


def check_server(server_db: Path, base_seq: int, model: Model) -> list[Problem]:
    """record_state holds each field's latest value and stamp; each op once in the log."""
    problems: list[Problem] = []
    conn = sqlite3.connect(server_db, timeout=30)
    try:
        counts = Counter(
            op_id
            for (op_id,) in conn.execute("SELECT op_id FROM change_log WHERE seq > ?", (base_seq,))
        )
        for op_id in model.op_ids:
            if counts.get(op_id, 0) != 1:
                problems.append(Problem(f"server: op {op_id} logged {counts.get(op_id, 0)} times"))
        unknown = set(counts) - set(model.op_ids)
        if unknown:
            problems.append(Problem(f"server: ops nobody acknowledged: {sorted(unknown)[:5]}"))
        states = {
            (kind, record_id): json.loads(fields)
            for kind, record_id, fields in conn.execute(
                "SELECT kind, record_id, fields FROM record_state WHERE first_seq > ?", (base_seq,)
            )
        }
    finally:
        conn.close()
    for key in set(states) - set(model.records):
        problems.append(Problem(f"server: record {key} nobody wrote", {key[1]}))
    for key, record in model.records.items():
        state = states.get(key)
        if state is None:
            problems.append(Problem(f"server: {key} missing", {key[1]}))
            continue
        for field_name, (hlc, value) in record.fields.items():
            have = state.get(field_name)
            if have is None or list(have) != [value, hlc]:
                problems.append(
                    Problem(
                        f"server: {key[0]} {key[1]}.{field_name} = {have!r}, "
                        f"latest write {[value, hlc]!r}",
                        {key[1]},
                    )
                )
    return problems


def same_exports(files: dict[str, bytes]) -> list[Problem]:
    names = sorted(files)
    first = names[0]
    return [
        Problem(f"export of {name} differs from {first}")
        for name in names[1:]
        if files[name] != files[first]
    ]
