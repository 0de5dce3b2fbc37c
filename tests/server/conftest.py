"""Server test fixtures: one real district-server process per back-end (SQLite, PostgreSQL).

Tests get isolated by using their own freshly provisioned stations; a pull test first drains
the stream (`StationClient.drain`) so it only sees what it pushes afterwards.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import pytest
from server_helpers import StationClient, next_number

from district_server.db import Database
from district_server.stations import add_station
from server_process import PostgresUnavailable, run_postgres, run_server

BACKENDS = ("sqlite", "postgresql")
_skipped: list[str] = []


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    try:
        with run_postgres() as url:
            yield url
    except PostgresUnavailable as exc:
        message = f"PostgreSQL server tests SKIPPED — {exc}"
        _skipped.append(message)
        print(f"\n!!!!! {message} !!!!!", file=sys.stderr)
        pytest.skip(message)


@pytest.fixture(scope="session", params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'district.db'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture(scope="session")
def server_db(db_url: str) -> Iterator[Database]:
    """The server's database, opened in the test process (to provision stations quickly)."""
    db = Database(db_url)
    db.create_schema()
    yield db
    db.dispose()


@pytest.fixture(scope="session")
def server(db_url: str, server_db: Database, tmp_path_factory: pytest.TempPathFactory) -> str:
    with run_server(db_url, tmp_path_factory.mktemp("server")) as base_url:
        yield base_url  # type: ignore[misc]


def pytest_terminal_summary(terminalreporter: Any) -> None:
    for message in _skipped:
        terminalreporter.write_sep("!", message, red=True, bold=True)


@pytest.fixture
def make_station(server: str, server_db: Database):
    def make(name: str | None = None, kind: str = "station", offset_ms: int = 0) -> StationClient:
        created = add_station(server_db, name or f"测试驿站{next_number()}", kind)
        return StationClient(server, created.station_id, created.token, offset_ms=offset_ms)

    return make
