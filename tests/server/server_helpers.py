"""Helpers for the server tests: a hand-driven station client and test data."""

from __future__ import annotations

import itertools
import time
import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import requests

from station_desk.domain.hlc import Hlc
from station_desk.domain.idcard import make_id_number
from station_desk.sync.protocol import API_PREFIX

_counter = itertools.count()


@dataclass
class StationClient:
    """A station talking to the server the way a desk would (by hand, for tests)."""

    base_url: str
    station_id: str
    token: str
    offset_ms: int = 0  # this PC's clock error
    last: Hlc | None = None
    session: requests.Session = field(default_factory=requests.Session)

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def stamp(self) -> str:
        now = time.time_ns() // 1_000_000 + self.offset_ms
        if self.last is None or now > self.last.wall_ms:
            self.last = Hlc(now, 0, self.station_id)
        else:
            self.last = Hlc(self.last.wall_ms, self.last.counter + 1, self.station_id)
        return self.last.encode()

    def change(self, kind: str, record_id: str | None = None, **fields: Any) -> dict[str, Any]:
        return {
            "op_id": f"op-{uuid.uuid4()}",
            "kind": kind,
            "record_id": record_id or str(uuid.uuid4()),
            "fields": fields,
            "hlc": self.stamp(),
        }

    def push(self, changes: list[dict[str, Any]]) -> requests.Response:
        return self.session.post(
            self.base_url + API_PREFIX + "/push",
            json={"changes": changes},
            headers=self.headers,
            timeout=30,
        )

    def queue(self, changes: list[dict[str, Any]]) -> requests.Response:
        """POST /batches: the batch stored, answered with a receipt."""
        return self.session.post(
            self.base_url + API_PREFIX + "/batches",
            json={"changes": changes},
            headers=self.headers,
            timeout=30,
        )

    def verdict(self, receipt: str, wait: float = 10) -> requests.Response:
        return self.session.get(
            f"{self.base_url}{API_PREFIX}/batches/{receipt}",
            params={"wait": wait},
            headers=self.headers,
            timeout=30 + wait,
        )

    def pull(self, after: int, limit: int | None = None) -> dict[str, Any]:
        params: dict[str, int] = {"after": after}
        if limit is not None:
            params["limit"] = limit
        response = self.session.get(
            self.base_url + API_PREFIX + "/pull", params=params, headers=self.headers, timeout=30
        )
        assert response.status_code == 200, response.text
        return response.json()  # type: ignore[no-any-return]

    def drain(self, after: int = 0) -> int:
        """Pull everything there is; return the cursor at the end."""
        while True:
            page = self.pull(after, limit=2000)
            after = page["next_after"]
            if not page["has_more"]:
                return after


def worker_fields(id_number: str, name: str = "张三", **extra: Any) -> dict[str, Any]:
    return {"name": name, "id_number": id_number, "phone": "13812345678", **extra}


def new_id_number(index: int | None = None) -> str:
    """A valid ID number, different on every call."""
    n = next(_counter) if index is None else index
    return make_id_number("110101", date(1970 + n % 40, 1 + n % 12, 1 + n % 28), n % 1000)


def next_number() -> int:
    return next(_counter)
