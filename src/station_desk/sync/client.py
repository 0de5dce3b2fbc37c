"""HTTP client for the district server (requests). Every failure becomes a SyncError whose
message says in plain Chinese what happened; nothing here touches the local database."""

from __future__ import annotations

from typing import Any

import requests
from pydantic import BaseModel, ValidationError

from station_desk import __version__
from station_desk.sync.protocol import (
    API_PREFIX,
    Change,
    Health,
    PullResponse,
    PushRequest,
    PushResponse,
    StationInfo,
)

CONNECT_TIMEOUT = 5
READ_TIMEOUT = 60


class SyncError(Exception):
    """kind: offline (cannot reach the server), auth (token refused), server (it failed),
    protocol (it answered something we do not understand)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


class DistrictClient:
    def __init__(self, server_url: str, token: str, session: requests.Session | None = None):
        self.base = server_url.rstrip("/") + API_PREFIX
        self.token = token
        self.http = session or requests.Session()
        self.http.headers.update(
            {"Authorization": f"Bearer {token}", "User-Agent": f"station-desk/{__version__}"}
        )

    def _call(self, method: str, path: str, reply: type[BaseModel], **kwargs: Any) -> Any:
        try:
            response = self.http.request(
                method, self.base + path, timeout=(CONNECT_TIMEOUT, READ_TIMEOUT), **kwargs
            )
        except requests.exceptions.SSLError as error:
            raise SyncError("offline", f"与服务器的加密连接失败：{error}") from error
        except requests.RequestException as error:
            raise SyncError("offline", "连不上区里的服务器（网络断开或服务器未开）") from error
        if response.status_code == 401:
            raise SyncError(
                "auth", _detail(response) or "服务器拒绝了本驿站的令牌，请联系区里重新配置"
            )
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
        body = PushRequest(changes=changes).model_dump_json()
        return self._call(
            "POST", "/push", PushResponse, data=body, headers={"Content-Type": "application/json"}
        )

    def pull(self, after: int, limit: int) -> PullResponse:
        return self._call("GET", "/pull", PullResponse, params={"after": after, "limit": limit})


def _detail(response: requests.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return ""
    detail = body.get("detail") if isinstance(body, dict) else None
    return detail if isinstance(detail, str) else ""
