"""Dependencies shared by the routes: the database, the clock, the calling station, and the
screening of sync requests (screening.py) once the caller is known."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Request

from ..auth import bearer_token, station_for_token
from ..clock import ServerClock
from ..core.exceptions import ApiError
from ..db import Database
from ..screening import screen_cursor, screen_json


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
    """Looked up in the database on every request (no cache): a revoked or replaced token is
    refused from the very next request on, also by a server that was already running."""
    with db.read_session() as session:
        station = station_for_token(session, bearer_token(authorization))
        return Caller(station_id=station.id, name=station.name, kind=station.kind)


DbDep = Annotated[Database, Depends(get_db)]
ClockDep = Annotated[ServerClock, Depends(get_clock)]
CallerDep = Annotated[Caller, Depends(get_caller)]


async def screen_sync_request(request: Request, caller: CallerDep, db: DbDep) -> None:
    """Refuse (422) a push or pull the protocol models would let through but the server must
    not store or relay. Runs after the token check, before the route."""
    # Rules about single changes (another station's profile, a reserved op id, NUL on
    # PostgreSQL) are in merge.prepare_batch: the bad change is rejected alone.
    reason = screen_cursor(request.query_params.get("after"))
    if reason is None and request.method == "POST":
        try:
            body = await request.json()  # already parsed by FastAPI: cached on the request
        except (ValueError, RecursionError):
            return  # not JSON: the route's own validation answers
        # What no desk ever sends (NaN, huge numbers, broken characters, deep nesting)
        # refuses the request; a NUL, which a desk's pasted text can carry, is per change.
        reason = screen_json(body, allow_nul=True)
    if reason:
        raise ApiError(422, "bad_request", f"请求被拒绝：{reason}")
