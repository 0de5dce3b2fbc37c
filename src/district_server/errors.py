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


def error_response(status: int, code: str, detail: str) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    body = ErrorBody(detail=detail, code=code).model_dump()
    return JSONResponse(body, status_code=status, headers=headers)


def _describe(errors: list[dict]) -> str:  # type: ignore[type-arg]
    parts = []
    for error in errors[:5]:
        where = ".".join(str(p) for p in error.get("loc", ()) if p != "body")
        parts.append(f"{where or '请求'}: {error.get('msg', '')}")
    return "；".join(parts)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = list(exc.errors())
        if any(e.get("type") == "json_invalid" for e in errors):
            return error_response(400, "bad_json", "请求内容不是有效的JSON")
        return error_response(422, "bad_request", f"请求格式不对：{_describe(errors)}")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        codes = {404: ("not_found", "没有这个地址"), 405: ("bad_method", "不支持这种请求方法")}
        code, detail = codes.get(exc.status_code, ("http_error", str(exc.detail)))
        return error_response(exc.status_code, code, detail)

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error", exc_info=exc)
        return error_response(500, "server_error", "服务器内部错误，请稍后再试或联系管理员")
