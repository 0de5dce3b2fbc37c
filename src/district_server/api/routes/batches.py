"""POST /batches and GET /batches/{receipt}: a push answered once stored (inbox.py)."""

from __future__ import annotations

import asyncio
import re
import time
import zlib
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from station_desk.sync.protocol import MAX_VERDICT_WAIT, BatchReceipt, ErrorBody, PushResponse

from ...core.exceptions import ApiError
from ...inbox import Inbox, Verdict, Waiting
from ..deps import CallerDep, ClockDep

router = APIRouter(tags=["sync"])
CHECK_EVERY = 0.05  # seconds between looks at a batch a verdict request waits for
HEAD_BYTES = 256
BATCH_START = re.compile(rb'\s*\{\s*"changes"\s*:\s*\[')
NOT_A_BATCH = '请求被拒绝：上传的内容不是一批修改（应为 {"changes": [...]}，JSON 或 gzip）'
ERRORS = {400: {"model": ErrorBody}, 401: {"model": ErrorBody}, 422: {"model": ErrorBody}}
POST_ERRORS = {**ERRORS, 415: {"model": ErrorBody, "description": "不支持的压缩方式"}}
PUSH_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PushRequest"}}},
    }
}


def begins_as_a_batch(body: bytes, encoding: str) -> bool:
    """Whether the body (gzip or plain) begins as a push request does: {"changes": [ ."""
    head = body[:HEAD_BYTES]
    if encoding == "gzip":
        try:
            head = zlib.decompressobj(wbits=31).decompress(body, HEAD_BYTES)
        except zlib.error:
            return False
    return BATCH_START.match(head) is not None


def _inbox(request: Request) -> Inbox:
    return request.app.state.inbox  # type: ignore[no-any-return]


def _receipt(waiting: Waiting, clock: ClockDep) -> BatchReceipt:
    return BatchReceipt(
        receipt=waiting.receipt, ahead=waiting.ahead, server_hlc=clock.tick().encode()
    )


@router.post(
    "/batches",
    status_code=202,
    response_model=BatchReceipt,
    responses=POST_ERRORS,
    openapi_extra=PUSH_BODY,
)
async def post_batch(request: Request, caller: CallerDep, clock: ClockDep) -> BatchReceipt:
    """Store a batch of changes authored by the calling station (a PushRequest, plain JSON
    or with `Content-Encoding: gzip`) and answer at once with its receipt. Only the envelope
    is checked now (token, size, encoding, that it begins as a batch): the station waits for
    nothing more than the batch being safely stored. The batch is checked and applied after
    those received before it, exactly as POST /push would; GET /batches/{receipt} gives the
    verdict (422 there for a body that is not a valid batch)."""
    body = await request.body()
    encoding = request.headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("identity", "gzip"):
        raise ApiError(415, "bad_encoding", f"不支持的压缩方式：{encoding[:40]}（请用 gzip）")
    if not begins_as_a_batch(body, encoding):
        raise ApiError(422, "bad_request", NOT_A_BATCH)
    waiting = await run_in_threadpool(_inbox(request).store, caller.station_id, body, encoding)
    return _receipt(waiting, clock)


@router.get(
    "/batches/{receipt}",
    response_model=PushResponse,
    responses={
        **ERRORS,
        202: {"model": BatchReceipt, "description": "还在排队，稍后再问"},
        404: {"model": ErrorBody, "description": "没有这批修改的记录（重新上传）"},
    },
)
async def batch_verdict(
    request: Request,
    caller: CallerDep,
    clock: ClockDep,
    receipt: Annotated[str, Path(min_length=1, max_length=64)],
    wait: Annotated[float, Query(ge=0, le=MAX_VERDICT_WAIT)] = 0,
) -> Response:
    """The verdict on a stored batch (a PushResponse, as POST /push answers), or, while it
    still waits, its receipt again with status 202. `wait`: seconds to wait for the verdict
    before answering 202. 404: the server has no such batch of this station (send it again)."""
    inbox = _inbox(request)
    deadline = time.monotonic() + wait
    while True:
        found = await run_in_threadpool(inbox.look_up, receipt, caller.station_id)
        if found is None:
            raise ApiError(404, "unknown_batch", "服务器没有这批修改的记录（下次同步会重新上传）")
        if isinstance(found, Verdict):
            return Response(found.body, status_code=found.status, media_type="application/json")
        if time.monotonic() >= deadline:
            body = _receipt(found, clock).model_dump_json()
            return Response(body, status_code=202, media_type="application/json")
        await asyncio.sleep(min(CHECK_EVERY, max(0.0, deadline - time.monotonic())))
