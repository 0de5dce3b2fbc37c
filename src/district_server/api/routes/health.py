"""GET /health: is the server up (no token needed)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from station_desk.sync.protocol import Health

from ... import __version__
from ..deps import ClockDep

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health)
def health(request: Request, clock: ClockDep) -> Health:
    queued = request.app.state.inbox.waiting()
    return Health(version=__version__, server_hlc=clock.tick().encode(), queued_batches=queued)
