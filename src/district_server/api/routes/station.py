"""GET /station: who the token belongs to (the desk's `connect` checks its token with it)."""

from __future__ import annotations

from fastapi import APIRouter

from station_desk.sync.protocol import ErrorBody, StationInfo

from ..deps import CallerDep

router = APIRouter(tags=["station"])


@router.get("/station", response_model=StationInfo, responses={401: {"model": ErrorBody}})
def station_info(caller: CallerDep) -> StationInfo:
    return StationInfo(station_id=caller.station_id, name=caller.name, kind=caller.kind)
