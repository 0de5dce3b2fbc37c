"""Fuzzing the running district server from its own OpenAPI description (schemathesis).

A real `district-server serve` process per back-end (SQLite, PostgreSQL), a real station
token; every operation gets valid and invalid requests (wrong types, missing fields, huge
and odd strings, out-of-range numbers). Every answer must be a documented, well-formed
response: never a 5xx. The run is deterministic (same cases every time) and bounded.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from district_server.db import Database
from district_server.stations import add_station
from server_process import run_server

MAX_EXAMPLES = 30  # per operation and mode
NO_LIMITS = {  # the fuzzer is one client sending as fast as it can; rate limits are tested apart
    "DISTRICT_SERVER_STATION_RATE": "0",
    "DISTRICT_SERVER_IP_RATE": "0",
    "DISTRICT_SERVER_AUTH_FAILURES_PER_MINUTE": "0",
}
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture(scope="module")
def fuzz_target(
    db_url: str, server_db: Database, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str]]:
    """(base URL, token) of a server process of its own, on the session's database."""
    issued = add_station(server_db, "模糊测试驿站")
    folder: Path = tmp_path_factory.mktemp("fuzz-server")
    with run_server(db_url, folder, env=NO_LIMITS) as base_url:
        yield base_url, issued.token


# Every operation the server offers (test_the_schema_lists_exactly_these checks the list).
OPERATIONS = [
    ("GET", "/api/v1/health"),
    ("GET", "/api/v1/station"),
    ("POST", "/api/v1/push"),
    ("POST", "/api/v1/batches"),
    ("GET", "/api/v1/batches/{receipt}"),
    ("GET", "/api/v1/pull"),
    ("GET", "/api/v1/snapshot"),
]


@pytest.fixture(scope="module")
def api_schema(fuzz_target: tuple[str, str]) -> schemathesis.BaseSchema:
    base_url, _token = fuzz_target
    schema = schemathesis.openapi.from_url(base_url + "/openapi.json")
    schema.config.update(base_url=base_url)
    schema.config.generation.update(allow_x00=True)  # NUL characters in strings too
    return schema


def test_the_schema_lists_exactly_these_operations(api_schema: schemathesis.BaseSchema) -> None:
    found = {(op.ok().method.upper(), op.ok().path) for op in api_schema.get_all_operations()}
    assert found == set(OPERATIONS)  # no audit or other data endpoint; new ones get fuzzed


POSITIVE, NEGATIVE = GenerationMode.POSITIVE, GenerationMode.NEGATIVE
# Invalid input for the operations that take input (the token header is always the real one).
RUNS = [(m, p, POSITIVE) for m, p in OPERATIONS] + [
    ("POST", "/api/v1/push", NEGATIVE),
    ("POST", "/api/v1/batches", NEGATIVE),
    ("GET", "/api/v1/batches/{receipt}", NEGATIVE),
    ("GET", "/api/v1/pull", NEGATIVE),
]


@pytest.mark.parametrize(("method", "path", "mode"), RUNS)
def test_no_request_makes_the_server_fail(
    api_schema: schemathesis.BaseSchema,
    fuzz_target: tuple[str, str],
    method: str,
    path: str,
    mode: GenerationMode,
) -> None:
    _base_url, token = fuzz_target
    operation = api_schema[path][method]
    statuses: list[int] = []

    @settings(
        max_examples=MAX_EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def call(case: schemathesis.Case) -> None:
        response = case.call_and_validate(
            headers={"Authorization": f"Bearer {token}"}, checks=CHECKS, timeout=30
        )
        statuses.append(response.status_code)

    call()
    assert statuses and max(statuses) < 500
    if mode is NEGATIVE and method == "POST":
        assert any(400 <= status < 500 for status in statuses)  # bad bodies were refused
