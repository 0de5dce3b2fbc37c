"""ApiError: raised anywhere, answered as JSON protocol.ErrorBody (see errors.py)."""

from __future__ import annotations


class ApiError(Exception):
    def __init__(self, status: int, code: str, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.code = code
        self.detail = detail
