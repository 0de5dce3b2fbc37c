"""Rate limiting in the server process: token buckets, answered with 429 and Retry-After.

Three kinds of bucket (sizes in core/config.RateLimits):
- per station token (keyed by the token's sha256): every request that carries a token;
- per client address, for requests without a token (/health, /docs, mistakes);
- per client address, for refused tokens: each 401 takes one; while that bucket is empty,
  requests from the address with a token not seen to work are refused with 429 before the
  database is asked, so guessing tokens is slowed to a few a minute. Stations whose token
  worked go on unhindered even when they share an address with the guesser.

It is a pure ASGI middleware in front of everything (also the body size limit), so a refused
request costs neither a body read nor a database query. All state lives in this process and
is touched only from the event loop thread; with several server processes each has its own
buckets. The client address is the peer, or the proxy's X-Forwarded-For when uvicorn trusts
that proxy (--forwarded-allow-ips, see docs/district-server-deployment.md).
"""

from __future__ import annotations

import json
import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from station_desk.sync.protocol import ErrorBody

from .auth import bearer_token, hash_token
from .core.config import RateLimits

MAX_KEYS = 20_000  # buckets kept per kind; the least recently used go first (they were full)
BUSY = "请求太频繁，服务器暂时不处理：请{wait}秒后再试（驿站工作台会自动重试，数据不会丢失）"
TOO_MANY_FAILURES = (
    "从这个地址发来的错误令牌太多，已暂停受理：请{wait}秒后再试，并核对驿站配置文件里的令牌"
)


@dataclass
class _Level:
    tokens: float
    stamp: float


class Buckets:
    """Token buckets by key: `rate` tokens a second, holding at most `burst`. rate 0: off."""

    def __init__(self, rate: float, burst: int, max_keys: int = MAX_KEYS) -> None:
        self.rate = rate
        self.burst = max(1, burst)
        self.max_keys = max_keys
        self.levels: OrderedDict[str, _Level] = OrderedDict()

    @property
    def enabled(self) -> bool:
        return self.rate > 0

    def _level(self, key: str, now: float) -> _Level:
        level = self.levels.get(key)
        if level is None:
            level = _Level(float(self.burst), now)
            self.levels[key] = level
            while len(self.levels) > self.max_keys:
                self.levels.popitem(last=False)
        else:
            self.levels.move_to_end(key)
            elapsed = max(0.0, now - level.stamp)
            level.tokens = min(float(self.burst), level.tokens + elapsed * self.rate)
            level.stamp = now
        return level

    def wait(self, key: str, now: float) -> float:
        """Seconds until one token is there (0: there is one now). Takes nothing."""
        if not self.enabled:
            return 0.0
        level = self._level(key, now)
        return 0.0 if level.tokens >= 1 else (1 - level.tokens) / self.rate

    def take(self, key: str, now: float) -> float:
        """Take one token: 0 when it was there, else the seconds to wait (nothing taken)."""
        waiting = self.wait(key, now)
        if waiting == 0 and self.enabled:
            self.levels[key].tokens -= 1
        return waiting

    def spend(self, key: str, now: float) -> None:
        """Take one token if there is one (for charging after the fact)."""
        if self.enabled and self.wait(key, now) == 0:
            self.levels[key].tokens -= 1


class RateLimit:
    """The ASGI middleware (see the module text)."""

    def __init__(
        self, app: ASGIApp, limits: RateLimits, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.app = app
        self.clock = clock
        self.stations = Buckets(limits.station_rate, limits.station_burst)
        self.addresses = Buckets(limits.ip_rate, limits.ip_burst)
        self.failures = Buckets(limits.auth_failures_per_minute / 60, limits.auth_failure_burst)
        self.working: OrderedDict[str, None] = OrderedDict()  # token hashes that worked

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        now = self.clock()
        address = _client_address(scope)
        token = bearer_token(_header(scope, b"authorization"))
        key = hash_token(token) if token else None
        if key is None:
            waiting = self.addresses.take(address, now)
            if waiting:
                await _refuse(send, waiting, "rate_limited", BUSY)
                return
        else:
            if key not in self.working:
                waiting = self.failures.wait(address, now)
                if waiting:
                    await _refuse(send, waiting, "too_many_failures", TOO_MANY_FAILURES)
                    return
            waiting = self.stations.take(key, now)
            if waiting:
                await _refuse(send, waiting, "rate_limited", BUSY)
                return

        async def watch(message: Message) -> None:
            if message["type"] == "http.response.start":
                self._seen(message["status"], key, address)
            await send(message)

        await self.app(scope, receive, watch)

    def _seen(self, status: int, key: str | None, address: str) -> None:
        if status == 401:
            self.failures.spend(address, self.clock())
            if key is not None:
                self.working.pop(key, None)
        elif key is not None and status < 400:
            self.working[key] = None
            self.working.move_to_end(key)
            while len(self.working) > MAX_KEYS:
                self.working.popitem(last=False)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")  # type: ignore[no-any-return]
    return None


def _client_address(scope: Scope) -> str:
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


async def _refuse(send: Send, waiting: float, code: str, template: str) -> None:
    seconds = max(1, math.ceil(waiting))
    body = ErrorBody(detail=template.format(wait=seconds), code=code).model_dump()
    payload = json.dumps(body, ensure_ascii=False).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": 429,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
                (b"retry-after", str(seconds).encode()),
                (b"connection", b"close"),  # the request body was not read
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})
