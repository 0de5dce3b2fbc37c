"""Field values between their JSON form (outbox, sync, exports) and SQLite storage, for code
that writes rows in bulk without building ORM objects (sync pulls, demo data)."""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy.dialects import sqlite

from station_desk.store.models import SyncColumns, record_fields

_DIALECT = sqlite.dialect()


def _python_type(annotation: Any) -> type:
    """date for `date | None`, float for `float | None`, …"""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return args[0] if args else str
    return annotation if isinstance(annotation, type) else str


def _from_json(kind: type, nullable: bool) -> Callable[[Any], Any]:
    if kind is bool:
        return lambda v: None if v is None else bool(v)
    if kind is int:
        return lambda v: None if v is None else int(v)
    if kind is float:
        return lambda v: None if v is None else float(v)
    if kind is datetime:
        return lambda v: None if v in (None, "") else datetime.fromisoformat(str(v))
    if kind is date:
        return lambda v: None if v in (None, "") else date.fromisoformat(str(v)[:10])
    if nullable:
        return lambda v: None if v is None else str(v)
    return lambda v: "" if v is None else str(v)


@cache
def storage_converters(model: type[SyncColumns]) -> dict[str, Callable[[Any], Any]]:
    """For each business field: JSON value -> the value SQLite stores, exactly as the ORM
    would store it (so rows written in bulk read back the same through the models)."""
    table = model.__table__  # type: ignore[attr-defined]
    converters: dict[str, Callable[[Any], Any]] = {}
    for name in record_fields(model):
        column = table.columns[name]
        parse = _from_json(_python_type(model.model_fields[name].annotation), column.nullable)
        bind = column.type.dialect_impl(_DIALECT).bind_processor(_DIALECT)
        if bind is None:
            converters[name] = parse
        else:
            converters[name] = lambda v, parse=parse, bind=bind: bind(parse(v))
    converters["deleted"] = lambda v: bool(v)
    converters["origin_station"] = lambda v: "" if v is None else str(v)
    return converters


def stored_time(value: object) -> datetime | None:
    """A datetime column's value as read with plain sqlite3 (text), or None."""
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
