"""Station tokens: issued once, stored only as sha256, checked on every request.

A token is 32 random bytes (256 bits), so a plain sha256 is enough: there is nothing to
guess or look up in a table, unlike a password, and the check stays one indexed lookup. The
database never holds the token itself; the lookup runs on every request (no cache), so a
revoked or reissued token is refused from the next request on.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from sqlalchemy import select
from sqlmodel import Session

from .core.exceptions import ApiError
from .models import Station

TOKEN_BYTES = 32
BAD_TOKEN = "令牌无效：请检查驿站的服务器地址和令牌，或请区里的信息管理员重新发放"
REVOKED = (
    "本驿站的令牌已被吊销，无法同步：请联系区里的信息管理员重新发放驿站配置文件（reissue-token）"
)


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def bearer_token(header: str | None) -> str | None:
    if not header:
        return None
    scheme, _, value = header.strip().partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def station_for_token(session: Session, token: str | None) -> Station:
    """The station the token belongs to; ApiError 401 (bad_token / revoked) otherwise."""
    if not token:
        raise ApiError(401, "bad_token", BAD_TOKEN)
    wanted = hash_token(token)
    station = session.execute(select(Station).where(Station.token_hash == wanted)).scalar()
    if station is None or not hmac.compare_digest(station.token_hash, wanted):
        raise ApiError(401, "bad_token", BAD_TOKEN)
    if station.revoked_at is not None:
        raise ApiError(401, "revoked", REVOKED)
    return station
