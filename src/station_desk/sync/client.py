"""HTTP client for the district server (requests). Every failure becomes a SyncError whose
message says in plain Chinese what happened; nothing here touches the local database.

A busy server (429) is not a failure: the client waits as long as the server asks (its
Retry-After, when that is short) and asks again, a few times; a longer wait ends the cycle as
a "server" error whose retry_after tells the background loop how long to hold off. Every
request is safe to repeat (a push applies each op id once, a pull is a read).
"""

from __future__ import annotations

import gzip
import hashlib
import time
import zlib
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import requests
from pydantic import BaseModel, ValidationError

from station_desk import __version__
from station_desk.sync.protocol import (
    API_PREFIX,
    SNAPSHOT_SEQ_HEADER,
    SNAPSHOT_SHA256_HEADER,
    BatchReceipt,
    Change,
    Health,
    PullResponse,
    PushRequest,
    PushResponse,
    StationInfo,
)

CONNECT_TIMEOUT = 5
READ_TIMEOUT = 60
BUSY_RETRIES = 3  # asks again this often after a 429 before giving up for this cycle
MAX_BUSY_WAIT = 10.0  # seconds; a longer Retry-After ends the cycle (the loop backs off)
DEFAULT_BUSY_WAIT = 2.0  # when a 429 does not say how long

REVOKED_MESSAGE = (
    "区里已停用本驿站的同步（令牌已吊销）。本机数据都在，未上传的修改都保留着。"
    "请向区里的信息化人员要一份新的配置文件（station.json），"
    "在“文件 → 连接区服务器”里选用它。"
)
REFUSED_MESSAGE = "服务器拒绝了本驿站的令牌，请联系区里重新配置"
BUSY_MESSAGE = "区里的服务器正忙，过{wait}秒会自动重试（本机数据不会丢）"


class SyncError(Exception):
    """kind: offline (cannot reach the server), auth (token refused), server (it failed or
    is busy), protocol (it answered something we do not understand). retry_after: seconds
    the server asked us to wait (busy), else None."""

    def __init__(self, kind: str, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.retry_after = retry_after


class SyncCancelled(SyncError):
    """The cycle was asked to stop (the desk is closing); not a failure."""

    def __init__(self) -> None:
        super().__init__("cancelled", "同步已停止（程序正在关闭）")


@dataclass(frozen=True)
class SnapshotFile:
    """A downloaded, checked district snapshot: it holds every change up to `seq`."""

    seq: int
    path: Path | None  # None: it was written to a stream
    size: int  # bytes received (compressed)


class DistrictClient:
    def __init__(
        self,
        server_url: str,
        token: str,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.base = server_url.rstrip("/") + API_PREFIX
        self.token = token
        self.sleep = sleep
        self.http = session or requests.Session()
        self.http.headers.update(
            {"Authorization": f"Bearer {token}", "User-Agent": f"station-desk/{__version__}"}
        )

    def _call(
        self,
        method: str,
        path: str,
        reply: type[BaseModel],
        pending: type[BaseModel] | None = None,
        missing_ok: bool = False,
        **kwargs: Any,
    ) -> Any:
        """The reply as `reply`; a 202 as `pending` when given; None for 404 or 405 when
        `missing_ok` (a server older than the operation)."""
        for attempt in range(BUSY_RETRIES + 1):
            response = self._send(method, path, **kwargs)
            if missing_ok and response.status_code in (404, 405):
                return None
            if response.status_code == 202 and pending is not None:
                return self._reply(response, pending)
            if response.status_code != 429:
                return self._reply(response, reply)
            wait = _retry_after(response)
            if wait > MAX_BUSY_WAIT or attempt == BUSY_RETRIES:
                shown = max(1, round(wait))
                raise SyncError("server", BUSY_MESSAGE.format(wait=shown), retry_after=wait)
            self.sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    def _send(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        kwargs.setdefault("timeout", (CONNECT_TIMEOUT, READ_TIMEOUT))
        try:
            return self.http.request(method, self.base + path, **kwargs)
        except requests.exceptions.SSLError as error:
            raise SyncError("offline", f"与服务器的加密连接失败：{error}") from error
        except requests.RequestException as error:
            raise SyncError("offline", "连不上区里的服务器（网络断开或服务器未开）") from error

    def _reply(self, response: requests.Response, reply: type[BaseModel]) -> Any:
        if response.status_code == 401:
            if _code(response) == "revoked":
                raise SyncError("auth", REVOKED_MESSAGE)
            raise SyncError("auth", _detail(response) or REFUSED_MESSAGE)
        if response.status_code >= 500:
            raise SyncError("server", f"服务器出错（{response.status_code}），稍后会自动重试")
        if response.status_code >= 400:
            raise SyncError(
                "protocol", _detail(response) or f"服务器拒绝了请求（{response.status_code}）"
            )
        try:
            return reply.model_validate_json(response.content)
        except ValidationError as error:
            raise SyncError("protocol", "服务器的回复看不懂（版本不一致？）") from error

    def health(self) -> Health:
        return self._call("GET", "/health", Health)

    def station(self) -> StationInfo:
        return self._call("GET", "/station", StationInfo)

    def push(self, changes: list[Change]) -> PushResponse:
        """POST /push: the batch applied before the reply (servers without the queue)."""
        return self.push_body(encode_batch(changes))

    def push_body(self, body: bytes) -> PushResponse:
        return self._call(  # type: ignore[no-any-return]
            "POST", "/push", PushResponse, data=body, headers={"Content-Type": "application/json"}
        )

    def post_batch(self, changes: list[Change]) -> BatchReceipt | None:
        """Hand a batch to the server's queue (POST /batches); its receipt, or None when the
        server is too old to have the queue (then push() applies it in the reply)."""
        return self.post_batch_body(pack_batch(changes))

    def post_batch_body(self, packed: bytes) -> BatchReceipt | None:
        """POST /batches with a body from pack_batch (gzip JSON)."""
        return self._call(  # type: ignore[no-any-return]
            "POST",
            "/batches",
            BatchReceipt,
            pending=BatchReceipt,
            missing_ok=True,
            data=packed,
            headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
        )

    def batch_verdict(self, receipt: str, wait: float) -> PushResponse | None:
        """The verdict on a queued batch, waiting up to `wait` seconds at the server; None
        while it still waits. A batch the server does not know raises SyncError("server")."""
        reply = self._call(
            "GET",
            f"/batches/{receipt}",
            PushResponse,
            pending=BatchReceipt,
            params={"wait": wait},
            timeout=(CONNECT_TIMEOUT, READ_TIMEOUT + wait),
        )
        return reply if isinstance(reply, PushResponse) else None

    def pull(self, after: int, limit: int) -> PullResponse:
        return self._call("GET", "/pull", PullResponse, params={"after": after, "limit": limit})

    def snapshot(
        self,
        schema: int,
        target: Path | BinaryIO,
        progress: Callable[[int], None] | None = None,
    ) -> SnapshotFile | None:
        """Download the district snapshot of this schema version, unpacked, into `target`:
        a file, or a stream (kept in memory by an encrypted station; see sync/bootstrap.py).
        None when the server has none (404) or is too old to know the request. The SHA-256
        of what arrived is checked against the server's."""
        try:
            response = self.http.get(
                self.base + "/snapshot",
                params={"schema": schema},
                timeout=(CONNECT_TIMEOUT, READ_TIMEOUT),
                stream=True,
            )
        except requests.RequestException as error:
            raise SyncError("offline", "连不上区里的服务器（网络断开或服务器未开）") from error
        with response:
            if response.status_code in (404, 405, 422):
                return None
            if response.status_code != 200:
                self._reply(response, Health)  # raises the usual SyncError
                raise SyncError("protocol", f"服务器拒绝了请求（{response.status_code}）")
            try:
                seq = int(response.headers[SNAPSHOT_SEQ_HEADER])
                expected = response.headers[SNAPSHOT_SHA256_HEADER].lower()
            except (KeyError, ValueError) as error:
                raise SyncError("protocol", "服务器的快照缺少说明（版本不一致？）") from error
            digest = hashlib.sha256()
            unpack = zlib.decompressobj(wbits=31)  # gzip
            received = 0
            try:
                opened = target.open("wb") if isinstance(target, Path) else nullcontext(target)
                with opened as out:
                    for block in response.iter_content(1 << 16):
                        digest.update(block)
                        out.write(unpack.decompress(block))
                        received += len(block)
                        if progress is not None:
                            progress(received)
                    out.write(unpack.flush())
            except requests.RequestException as error:
                raise SyncError("offline", "下载快照时网络断开了，稍后重试") from error
            except zlib.error as error:
                raise SyncError("protocol", "下载的快照已损坏，稍后重试") from error
        if digest.hexdigest() != expected or not unpack.eof:
            raise SyncError("protocol", "下载的快照不完整或已损坏，稍后重试")
        path = target if isinstance(target, Path) else None
        return SnapshotFile(seq=seq, path=path, size=received)


def encode_batch(changes: list[Change]) -> bytes:
    """The JSON body of a push (PushRequest)."""
    return PushRequest(changes=changes).model_dump_json().encode()


def pack_batch(changes: list[Change]) -> bytes:
    """The JSON body of a push, gzip-packed (a sixth of the bytes to send and store)."""
    return gzip.compress(encode_batch(changes), compresslevel=1, mtime=0)


def _field(response: requests.Response, name: str) -> str:
    try:
        body = response.json()
    except ValueError:
        return ""
    value = body.get(name) if isinstance(body, dict) else None
    return value if isinstance(value, str) else ""


def _detail(response: requests.Response) -> str:
    return _field(response, "detail")


def _code(response: requests.Response) -> str:
    return _field(response, "code")


def _retry_after(response: requests.Response) -> float:
    """Seconds from a Retry-After header (a number; a date or nonsense means the default)."""
    try:
        wait = float(response.headers.get("Retry-After", ""))
    except ValueError:
        return DEFAULT_BUSY_WAIT
    return wait if 0 <= wait < float("inf") else DEFAULT_BUSY_WAIT
