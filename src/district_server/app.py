"""The FastAPI application: `create_app(db_url)` (also `uvicorn --factory district_server.app:create_app`).

Queued pushes (inbox.py) are applied by a thread of this process, unless the environment
says another process does it (`district-server serve` runs one `apply-batches` process for
all its workers)."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import Depends, FastAPI

from station_desk.domain.hlc import Hlc
from station_desk.sync.protocol import API_PREFIX, ErrorBody

from . import __version__
from .api.deps import screen_sync_request
from .api.routes import batches, health, station, sync
from .applier import start_applier_thread
from .clock import ServerClock
from .core.config import ENV_PREFIX, Settings, load_settings
from .db import Database
from .errors import install_error_handlers
from .inbox import Inbox
from .limits import BodySizeLimit
from .ratelimit import RateLimit
from .stream import highest_stamp

# Every operation may answer these (the rate limit and the body size limit stand in front).
COMMON_ERRORS: dict[int | str, dict[str, object]] = {
    413: {"model": ErrorBody, "description": "请求内容太大"},
    429: {"model": ErrorBody, "description": "请求太频繁（见 Retry-After）"},
}


def open_database(settings: Settings) -> Database:
    db = Database(settings.db_url)
    db.create_schema()
    return db


APPLIER_ENV = ENV_PREFIX + "APPLIER"  # "external": another process applies queued pushes


def start_clock(db: Database) -> ServerClock:
    """The server clock, set past the highest stamp already stored."""
    with db.read_session() as session:
        stamp = highest_stamp(session)
    return ServerClock(Hlc.decode(stamp) if stamp else None)


def create_app(db_url: str | None = None, data_dir: str | Path | None = None) -> FastAPI:
    settings = load_settings(db_url, data_dir)
    db = open_database(settings)
    clock = start_clock(db)
    inbox = Inbox(settings.data_dir)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        external = os.environ.get(APPLIER_ENV) == "external"
        stop = None if external else start_applier_thread(db, clock, inbox, settings.max_body_bytes)
        yield
        if stop is not None:
            stop.set()
        db.dispose()

    app = FastAPI(
        title="Station Desk district server",
        description="区级零工驿站数据同步服务：驿站上传（push）与下载（pull）变更。",
        version=__version__,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.db = db
    app.state.clock = clock
    app.state.inbox = inbox
    install_error_handlers(app)
    app.include_router(health.router, prefix=API_PREFIX, responses=COMMON_ERRORS)
    app.include_router(station.router, prefix=API_PREFIX, responses=COMMON_ERRORS)
    app.include_router(batches.router, prefix=API_PREFIX, responses=COMMON_ERRORS)
    app.include_router(
        sync.router,
        prefix=API_PREFIX,
        responses=COMMON_ERRORS,
        dependencies=[Depends(screen_sync_request)],
    )
    # The last added runs first: the rate limit refuses before the body is even read.
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(RateLimit, limits=settings.limits)
    return app
