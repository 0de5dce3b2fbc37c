"""The server's tables (their own SQLModel registry: the desk's tables never land here).

- station: who may sync; only the sha256 of each token is kept.
- change_log: every accepted change; `seq` is the district sequence that pulls page over.
- record_state: per record, each field's current value and HLC (who won) and the sequence
  at which the record was first seen (the older of two duplicate workers survives a merge).
- worker_identity / worker_merge: ID number -> surviving worker; merged-away id -> survivor.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import BigInteger, Column, DateTime, Integer, Text
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

SERVER_STATION_ID = "server"  # author of merge changes and the server's HLC station id

# SQLite only auto-numbers an INTEGER PRIMARY KEY; PostgreSQL gets a BIGINT identity.
SeqType = BigInteger().with_variant(Integer(), "sqlite")


def utc_now() -> datetime:
    return datetime.now(UTC)


def _utc_column(nullable: bool = False) -> Column:  # type: ignore[type-arg]
    return Column(DateTime(timezone=True), nullable=nullable)


class ServerModel(SQLModel, registry=registry()):
    """Base of the server's tables."""


class Station(ServerModel, table=True):
    id: str = Field(default_factory=lambda: str(uuid.uuid4()), primary_key=True, max_length=64)
    name: str
    kind: str = "station"  # station | market
    token_hash: str = Field(index=True, unique=True, max_length=64)
    created_at: datetime = Field(default_factory=utc_now, sa_column=_utc_column())
    revoked_at: datetime | None = Field(default=None, sa_column=_utc_column(nullable=True))


class ChangeLog(ServerModel, table=True):
    __tablename__ = "change_log"
    __table_args__ = {"sqlite_autoincrement": True}

    seq: int | None = Field(
        default=None,
        sa_column=Column(SeqType, primary_key=True, autoincrement=True),
    )
    op_id: str = Field(unique=True, max_length=80)
    station_id: str = Field(max_length=64)  # the author ("server" for merges)
    kind: str = Field(max_length=32)
    record_id: str = Field(max_length=64)
    fields: str = Field(sa_column=Column(Text, nullable=False))  # JSON object
    hlc: str = Field(max_length=120, index=True)
    # The stamps the author saw for the changed fields (JSON), relayed so that receivers can
    # tell concurrent edits from later ones.
    base: str = Field(default="{}", sa_column=Column(Text, nullable=False, server_default="{}"))
    received_at: datetime = Field(default_factory=utc_now, sa_column=_utc_column())


class RecordState(ServerModel, table=True):
    __tablename__ = "record_state"

    kind: str = Field(primary_key=True, max_length=32)
    record_id: str = Field(primary_key=True, max_length=64)
    # JSON {field: [value, hlc]}: the current (winning) value of every field seen
    fields: str = Field(sa_column=Column(Text, nullable=False))
    first_seq: int = Field(sa_column=Column(BigInteger, nullable=False))
    last_seq: int = Field(sa_column=Column(BigInteger, nullable=False))


class WorkerIdentity(ServerModel, table=True):
    __tablename__ = "worker_identity"

    id_number: str = Field(primary_key=True, max_length=32)  # normalized
    worker_id: str = Field(max_length=64)


class WorkerMerge(ServerModel, table=True):
    __tablename__ = "worker_merge"

    from_id: str = Field(primary_key=True, max_length=64)
    into_id: str = Field(max_length=64)
    seq: int = Field(sa_column=Column(BigInteger, nullable=False))
