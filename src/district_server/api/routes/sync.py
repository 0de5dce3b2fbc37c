"""POST /push and GET /pull: the district stream."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Query

from station_desk.sync.protocol import (
    MAX_PULL_PAGE,
    PULL_PAGE_SIZE,
    ErrorBody,
    PullResponse,
    PushRequest,
    PushResponse,
)

from ...merge import PushApplier
from ...stream import read_page
from ..deps import CallerDep, ClockDep, DbDep

router = APIRouter(tags=["sync"])
log = logging.getLogger("district_server")
ERRORS = {
    400: {"model": ErrorBody},
    401: {"model": ErrorBody},
    413: {"model": ErrorBody},
    422: {"model": ErrorBody},
}


@router.post("/push", response_model=PushResponse, responses=ERRORS)
def push(body: PushRequest, caller: CallerDep, db: DbDep, clock: ClockDep) -> PushResponse:
    """Apply a batch of changes authored by the calling station, in order.

    An op id already applied is reported accepted again without being applied twice; a bad
    change is rejected with a reason and the others still apply.
    """
    with db.write_session() as session:
        result = PushApplier(session, caller.station_id, clock).push(body.changes)
    for gone, into in result.merged:
        log.info("merged worker %s into %s", gone, into)
    return PushResponse(
        accepted=result.accepted, rejected=result.rejected, server_hlc=clock.tick().encode()
    )


@router.get("/pull", response_model=PullResponse, responses=ERRORS)
def pull(
    caller: CallerDep,
    db: DbDep,
    clock: ClockDep,
    after: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1)] = PULL_PAGE_SIZE,
) -> PullResponse:
    """Changes after the cursor, in sequence order, without the calling station's own."""
    with db.read_session() as session:
        changes, next_after, has_more = read_page(
            session, caller.station_id, after, min(limit, MAX_PULL_PAGE)
        )
    return PullResponse(
        changes=changes, next_after=next_after, has_more=has_more, server_hlc=clock.tick().encode()
    )
