"""Screening a request before the routes see it: what the protocol models let through but
the server must not store or relay.

- JSON that Python parses but that would break later: NaN and Infinity (relayed as null, i.e.
  a silent change of data), integers beyond 64 bits (no desk's SQLite can store them, so one
  such value would stop every desk's pull), lone surrogates (cannot be written as UTF-8),
  nesting deeper than any record has, and on PostgreSQL text with NUL characters (it refuses
  them; SQLite stores them, and a desk can have one in a note pasted from elsewhere, so on
  SQLite they pass).
- A change that claims what belongs to someone else: an op id in the server's own namespace
  ("merge-…", which would later collide with the server's merge row), or a station profile
  (kind "station") whose record id is another station's.
- A pull cursor beyond the 64-bit sequence.

A genuine desk never sends any of these (except NUL, see above), so the whole request is
refused (422 with a reason); the desk keeps its outbox and the reason lands in its log.
`change_problem` gives the same verdict for one parsed Change, for refusing op by op.
"""

from __future__ import annotations

import json
import math
from typing import Any

from station_desk.sync.protocol import Change

MAX_DEPTH = 16  # levels inside one change (change > fields > value): records need 3
INT_LIMIT = 2**63 - 1  # SQLite INTEGER, PostgreSQL BIGINT
RESERVED_OP_PREFIX = "merge-"  # op ids the server gives worker merges (merge.py)


_strict_json = json.JSONEncoder(ensure_ascii=False, allow_nan=False, check_circular=False).encode


def screen_json(value: Any, allow_nul: bool = False) -> str | None:
    """Why this parsed JSON cannot be stored as it is, or None.

    A push body is screened as a whole and every change again, so the common case (nothing
    wrong) is decided in C: the value written out as JSON must be valid UTF-8, without NaN,
    NUL or a long run of digits, and not nested too deep. Anything suspicious is walked
    value by value (_walk), which names the problem exactly."""
    try:
        text = _strict_json(value)
        text.encode("utf-8")
    except (ValueError, TypeError, UnicodeEncodeError, RecursionError):
        return _walk(value, allow_nul)
    if (not allow_nul and "\\u0000" in text) or _too_deep_or_big(value):
        return _walk(value, allow_nul)
    return None


def _too_deep_or_big(value: Any) -> bool:
    """Nested deeper than MAX_DEPTH, or an integer beyond 64 bits (walked level by level)."""
    level = [value] if isinstance(value, dict | list) else []
    depth = 1
    while level:
        if depth > MAX_DEPTH:
            return True
        inner_level = []
        for item in level:
            for inner in item.values() if type(item) is dict else item:
                kind = type(inner)
                if kind is dict or kind is list:
                    inner_level.append(inner)
                elif kind is int and not -INT_LIMIT <= inner <= INT_LIMIT:
                    return True
        level, depth = inner_level, depth + 1
    return False


def _walk(value: Any, allow_nul: bool = False) -> str | None:
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth > MAX_DEPTH:
                return f"数据嵌套太深（超过{MAX_DEPTH}层）"
            if isinstance(item, dict):
                for key, inner in item.items():
                    stack.append((key, depth + 1))
                    stack.append((inner, depth + 1))
            else:
                stack.extend((inner, depth + 1) for inner in item)
        elif isinstance(item, str):
            reason = _text_problem(item, allow_nul)
            if reason:
                return reason
        elif isinstance(item, bool) or item is None:
            continue
        elif isinstance(item, int):
            if abs(item) > INT_LIMIT:
                return "数字太大，超出了能保存的范围"
        elif isinstance(item, float) and not math.isfinite(item):
            return "数字无效（NaN或无穷大）"
    return None


def _text_problem(text: str, allow_nul: bool = False) -> str | None:
    if not allow_nul and "\x00" in text:
        return "文字里有空字符（\\u0000），无法保存"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "文字里有无效的字符编码（单独的代理字符），无法保存"
    return None


def screen_push(body: Any, station_id: str, allow_nul: bool = False) -> str | None:
    """Why this push body must be refused as a whole, or None (the models check the rest)."""
    if not isinstance(body, dict):
        return None  # the request model says what is wrong
    changes = body.get("changes")
    if isinstance(changes, list):
        for index, change in enumerate(changes):
            reason = _screen_change(change, station_id, allow_nul)
            if reason:
                op_id = change.get("op_id") if isinstance(change, dict) else None
                label = (
                    f"（{op_id[:64]}）"
                    if isinstance(op_id, str) and not _text_problem(op_id)
                    else ""
                )
                return f"第{index + 1}条修改{label}：{reason}"
    rest = {key: value for key, value in body.items() if key != "changes"}
    return screen_json(rest, allow_nul) if rest else None


def change_problem(
    change: Change, station_id: str, allow_nul: bool = False, body_screened: bool = False
) -> str | None:
    """Why this one change must be rejected, or None (for a per-op check in the applier).
    `body_screened`: the whole request already passed screen_json with NUL allowed (the push
    route's dependency), so with NUL allowed here too only the claims are left to check."""
    if body_screened and allow_nul:
        return _claims_problem(change.op_id, change.kind, change.record_id, station_id)
    plain = {
        "op_id": change.op_id,
        "kind": change.kind,
        "record_id": change.record_id,
        "fields": change.fields,
        "hlc": change.hlc,
        "base": change.base,
    }
    return _screen_change(plain, station_id, allow_nul)


def _screen_change(change: Any, station_id: str, allow_nul: bool) -> str | None:
    reason = screen_json(change, allow_nul)
    if reason or not isinstance(change, dict):
        return reason
    return _claims_problem(
        change.get("op_id"), change.get("kind"), change.get("record_id"), station_id
    )


def _claims_problem(op_id: Any, kind: Any, record_id: Any, station_id: str) -> str | None:
    """A change claiming what is not the station's: the server's op ids, another's profile."""
    if isinstance(op_id, str) and op_id.startswith(RESERVED_OP_PREFIX):
        return f"操作编号不能以“{RESERVED_OP_PREFIX}”开头（留给服务器合并同一人时用）"
    if kind == "station" and isinstance(record_id, str) and record_id != station_id:
        return "只能修改本驿站自己的驿站信息"
    return None


def screen_cursor(after: str | None) -> str | None:
    """Why a pull cursor (the `after` query value) is out of range, or None."""
    if after is None:
        return None
    try:
        value = int(after)
    except ValueError:
        return None  # not a number: the route's own check says so
    return "after 超出范围（太大）" if value > INT_LIMIT else None
