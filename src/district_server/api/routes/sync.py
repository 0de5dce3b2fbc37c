"""POST /push and GET /pull: the district stream."""

from __future__ import annotations

import json
import logging
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import FileResponse

from station_desk.sync.protocol import (
    MAX_PULL_PAGE,
    PULL_PAGE_SIZE,
    SNAPSHOT_SCHEMA_HEADER,
    SNAPSHOT_SEQ_HEADER,
    SNAPSHOT_SHA256_HEADER,
    ErrorBody,
    PullResponse,
    PushRequest,
    PushResponse,
)

from ...applier import apply_push
from ...core.exceptions import ApiError
from ...snapshot import folder_of, published
from ...stream import read_page_json
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
    # The router's dependency (screen_sync_request) screened the whole body already.
    return apply_push(db, clock, caller.station_id, body.changes)


@router.get("/pull", response_model=PullResponse, responses=ERRORS)
def pull(
    caller: CallerDep,
    db: DbDep,
    clock: ClockDep,
    after: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1)] = PULL_PAGE_SIZE,
) -> Response:
    """Changes after the cursor, in sequence order, without the calling station's own.

    The reply (a PullResponse) is written as JSON text directly: a first sync reads the
    whole stream, and validating and re-encoding every row would cost more than reading it."""
    with db.read_session() as session:
        changes, next_after, has_more = read_page_json(
            session, caller.station_id, after, min(limit, MAX_PULL_PAGE)
        )
    body = (
        f'{{"changes":{changes},"next_after":{next_after},'
        f'"has_more":{"true" if has_more else "false"},'
        f'"server_hlc":{json.dumps(clock.tick().encode())}}}'
    )
    return Response(content=body, media_type="application/json")


@router.get(
    "/snapshot",
    response_class=FileResponse,
    responses={
        **ERRORS,
        200: {"content": {"application/gzip": {}}, "description": "gzip SQLite file"},
        404: {"model": ErrorBody, "description": "没有可用的快照（改用逐页下载）"},
    },
)
def snapshot(
    request: Request,
    caller: CallerDep,
    schema: Annotated[int, Query(ge=1, le=10_000)],
) -> FileResponse:
    """The district snapshot for a new station's first sync: every record up to a sequence
    number as a desk database of schema version `schema` (gzip). 404 when there is none of
    that version: the station then pulls page by page. The headers give the sequence number
    it holds everything up to, its schema version and the SHA-256 of the file."""
    info = published(request.app.state.settings.data_dir)
    if info is None or info.schema != schema:
        raise ApiError(404, "no_snapshot", "没有可用的快照")
    log.info("snapshot %s (seq %d) to station %s", info.file, info.seq, caller.station_id)
    return FileResponse(
        folder_of(request.app.state.settings.data_dir) / info.file,
        media_type="application/gzip",
        headers={
            SNAPSHOT_SEQ_HEADER: str(info.seq),
            SNAPSHOT_SCHEMA_HEADER: str(info.schema),
            SNAPSHOT_SHA256_HEADER: info.sha256,
        },
    )
