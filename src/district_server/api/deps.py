"""Dependencies shared by the routes: the database, the clock, the calling station."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Request

from ..auth import bearer_token, station_for_token
from ..clock import ServerClock
from ..db import Database


@dataclass(frozen=True)
class Caller:
    """The authenticated station making the request."""

    station_id: str
    name: str
    kind: str


def get_db(request: Request) -> Database:
    return request.app.state.db  # type: ignore[no-any-return]


def get_clock(request: Request) -> ServerClock:
    return request.app.state.clock  # type: ignore[no-any-return]


def get_caller(
    db: Annotated[Database, Depends(get_db)],
    authorization: Annotated[str | None, Header()] = None,
) -> Caller:
    with db.read_session() as session:
        station = station_for_token(session, bearer_token(authorization))
        return Caller(station_id=station.id, name=station.name, kind=station.kind)


DbDep = Annotated[Database, Depends(get_db)]
ClockDep = Annotated[ServerClock, Depends(get_clock)]
CallerDep = Annotated[Caller, Depends(get_caller)]
