"""Every error the API returns is JSON protocol.ErrorBody {"detail": Chinese, "code": …}."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from station_desk.sync.protocol import ErrorBody

from .core.exceptions import ApiError

log = logging.getLogger("district_server")


MAX_DETAIL = 1000  # characters of a reason; a reason may quote what the client sent
MAX_PART = 60  # characters of one part of a location (a field name may be anything)


def error_response(status: int, code: str, detail: str) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    body = ErrorBody(detail=_printable(detail, MAX_DETAIL), code=code).model_dump()
    return JSONResponse(body, status_code=status, headers=headers)


def _printable(text: str, limit: int) -> str:
    """Text that can always be sent as UTF-8 JSON: a reason quoting a lone surrogate the
    client sent must not turn its mistake into a server error."""
    text = text.encode("utf-8", "replace").decode("utf-8")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe_errors(errors: list[dict]) -> str:  # type: ignore[type-arg]
    parts = []
    for error in errors[:5]:
        where = ".".join(_printable(str(p), MAX_PART) for p in error.get("loc", ()) if p != "body")
        parts.append(f"{where or '请求'}: {_printable(str(error.get('msg', '')), 200)}")
    return "；".join(parts)


HTTP_ERRORS = {
    400: ("bad_json", "请求内容无法解析（不是有效的JSON，或嵌套太深）"),
    404: ("not_found", "没有这个地址"),
    405: ("bad_method", "不支持这种请求方法"),
    413: ("too_large", "请求内容太大，请分批上传"),
}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = list(exc.errors())
        if any(e.get("type") == "json_invalid" for e in errors):
            return error_response(400, "bad_json", "请求内容不是有效的JSON")
        return error_response(422, "bad_request", f"请求格式不对：{describe_errors(errors)}")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        status = exc.status_code
        code, detail = HTTP_ERRORS.get(status, ("http_error", f"请求没有被受理（{status}）"))
        if status >= 500:  # not raised by this server's code; never blame the client for it
            code, detail = "server_error", "服务器内部错误，请稍后再试或联系管理员"
        return error_response(status, code, detail)

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error", exc_info=exc)
        return error_response(500, "server_error", "服务器内部错误，请稍后再试或联系管理员")
