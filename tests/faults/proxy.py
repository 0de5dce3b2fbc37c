"""A fault-injecting HTTP/1.1 proxy and a killable district server, for tests.

    plan = FaultPlan(seed=7)
    with FaultProxy(upstream_url, plan) as proxy:       # proxy.url = "http://127.0.0.1:PORT"
        plan.add(Fault.lost_reply(), path="/batches")    # the next push: forwarded, reply dropped
        plan.add(Fault.status(503), times=3)             # the next 3 requests: 503, not forwarded
        plan.add(Fault.truncate(40), path="/pull")       # the next pull: body cut after 40 bytes
        ...
        proxy.log                                        # [(method, path, action), ...]
        proxy.targets                                    # ["/api/v1/pull?after=0&limit=500", ...]

The proxy runs its own asyncio loop in a background thread, listens on 127.0.0.1 on a free
port and handles one request per client connection: it reads the request (headers plus a
Content-Length body), asks the plan what to do with it, forwards it (if at all) on a fresh
upstream connection with `Connection: close`, reads the whole reply and passes on as much of
it as the fault allows, then closes the connection. Requests that match no rule pass through.
Every connection is bounded by HANDLER_TIMEOUT_S, and starting and stopping are bounded too,
so a broken test cannot hang.

`FaultPlan.random(...)` draws a reproducible sequence of faults from its seed.

DistrictProcess runs `district-server serve` on a fixed port so a test can kill -9 it and
start it again on the same database and port.
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import subprocess
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from server_process import _wait_for_health, free_port, server_command

HANDLER_TIMEOUT_S = 30.0
START_TIMEOUT_S = 5.0
MAX_HEADER_BYTES = 64 * 1024

PASS, LOST_REPLY, RESET, STATUS, DELAY, TRUNCATE = (
    "pass",
    "lost_reply",
    "reset",
    "status",
    "delay",
    "truncate",
)


@dataclass(frozen=True)
class Fault:
    action: str = PASS
    status_code: int = 0  # STATUS
    seconds: float = 0.0  # DELAY (then pass through)
    keep_bytes: int = 0  # TRUNCATE: body bytes passed on
    fix_length: bool = False  # TRUNCATE: rewrite Content-Length to the cut length

    @staticmethod
    def passthrough() -> Fault:
        return Fault(PASS)

    @staticmethod
    def lost_reply() -> Fault:
        """Forward the request (the server commits), then close without any reply."""
        return Fault(LOST_REPLY)

    @staticmethod
    def reset() -> Fault:
        """Close the connection before anything is forwarded."""
        return Fault(RESET)

    @staticmethod
    def status(code: int = 503) -> Fault:
        """Answer with this status (502/503...) without forwarding."""
        return Fault(STATUS, status_code=code)

    @staticmethod
    def delay(seconds: float) -> Fault:
        return Fault(DELAY, seconds=seconds)

    @staticmethod
    def truncate(keep_bytes: int, fix_length: bool = False) -> Fault:
        """Forward, then pass on the reply headers and only the first keep_bytes of the body.
        fix_length=False: the peer sees the connection end early (Content-Length unmet);
        fix_length=True: Content-Length says keep_bytes, so the body is complete but cut."""
        return Fault(TRUNCATE, keep_bytes=keep_bytes, fix_length=fix_length)


@dataclass
class _Rule:
    fault: Fault
    path: str | None  # matches when the request path (without query) ends with this
    times: int


class FaultPlan:
    """Ordered rules; each request takes the first matching rule that has uses left."""

    def __init__(self, seed: int = 0) -> None:
        self.rng = random.Random(seed)
        self._rules: list[_Rule] = []
        self._lock = threading.Lock()

    def add(self, fault: Fault, *, path: str | None = None, times: int = 1) -> FaultPlan:
        with self._lock:
            self._rules.append(_Rule(fault, path, times))
        return self

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()

    def random(self, count: int, faults: Sequence[Fault], path: str | None = None) -> list[Fault]:
        """Queue count faults drawn from faults with this plan's seed; returns them."""
        drawn = [self.rng.choice(list(faults)) for _ in range(count)]
        for fault in drawn:
            self.add(fault, path=path)
        return drawn

    def pending(self) -> int:
        with self._lock:
            return sum(rule.times for rule in self._rules)

    def take(self, path: str) -> Fault:
        with self._lock:
            for rule in self._rules:
                if rule.times > 0 and (rule.path is None or path.endswith(rule.path)):
                    rule.times -= 1
                    if rule.times == 0:
                        self._rules.remove(rule)
                    return rule.fault
        return Fault(PASS)


class FaultProxy:
    """Context manager: a proxy to upstream_url driven by plan (see the module docstring)."""

    def __init__(self, upstream_url: str, plan: FaultPlan | None = None) -> None:
        parts = urlsplit(upstream_url)
        self.upstream = (parts.hostname or "127.0.0.1", parts.port or 80)
        self.plan = plan or FaultPlan()
        self.log: list[tuple[str, str, str]] = []
        self.targets: list[str] = []  # each request's target with its query, in log order
        self.port = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.Server | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._active = 0  # connections being handled (read and written on the loop thread)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def actions(self, path: str | None = None) -> list[str]:
        return [a for _m, p, a in list(self.log) if path is None or p.endswith(path)]

    def wait_idle(self, timeout: float = HANDLER_TIMEOUT_S) -> bool:
        """Wait until no connection is being handled (a delayed request may still be on its
        way to the server after its client is gone); False if that did not happen in time."""
        deadline = time.monotonic() + timeout
        while self._active:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.01)
        return True

    def __enter__(self) -> FaultProxy:
        self._thread = threading.Thread(target=self._run, name="fault-proxy", daemon=True)
        self._thread.start()
        if not self._ready.wait(START_TIMEOUT_S):
            raise RuntimeError("fault proxy did not start")
        if self._error is not None:
            raise RuntimeError(f"fault proxy failed to start: {self._error}")
        return self

    def __exit__(self, *exc: object) -> None:
        loop, thread = self._loop, self._thread
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(loop.stop)
        if thread is not None:
            thread.join(START_TIMEOUT_S)

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self._loop = loop
        try:
            self._server = loop.run_until_complete(
                asyncio.start_server(self._handle, "127.0.0.1", 0)
            )
            self.port = self._server.sockets[0].getsockname()[1]
        except BaseException as error:  # reported by __enter__
            self._error = error
            self._ready.set()
            loop.close()
            return
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            self._server.close()
            tasks = asyncio.all_tasks(loop)
            for task in tasks:
                task.cancel()
            loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
            loop.close()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._active += 1
        try:
            await asyncio.wait_for(self._exchange(reader, writer), HANDLER_TIMEOUT_S)
        except (TimeoutError, OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.close()
            self._active -= 1

    async def _exchange(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        if len(head) > MAX_HEADER_BYTES:
            return
        lines = head.decode("latin-1").split("\r\n")
        method, target, _version = lines[0].split(" ", 2)
        headers = [line for line in lines[1:] if line]
        length = 0
        for line in headers:
            name, _, value = line.partition(":")
            if name.strip().lower() == "content-length":
                length = int(value.strip())
        body = await reader.readexactly(length) if length else b""
        path = target.split("?", 1)[0]
        fault = self.plan.take(path)
        self.targets.append(target)
        self.log.append((method, path, fault.action))

        if fault.action == RESET:
            return
        if fault.action == STATUS:
            text = b'{"detail":"injected"}'
            writer.write(
                f"HTTP/1.1 {fault.status_code} Injected\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(text)}\r\nConnection: close\r\n\r\n".encode("latin-1")
                + text
            )
            await writer.drain()
            return
        if fault.action == DELAY:
            await asyncio.sleep(fault.seconds)

        kept = [h for h in headers if h.split(":", 1)[0].strip().lower() != "connection"]
        request = "\r\n".join([lines[0], *kept, "Connection: close", "", ""]).encode("latin-1")
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.upstream)
        except OSError:
            return  # the server is down: the client sees the connection close unanswered
        try:
            up_writer.write(request + body)
            await up_writer.drain()
            reply = await up_reader.read()  # to EOF: the server closes after one reply
        finally:
            up_writer.close()

        if fault.action == LOST_REPLY or not reply:
            return
        if fault.action == TRUNCATE:
            reply = _truncate(reply, fault.keep_bytes, fault.fix_length)
        writer.write(reply)
        await writer.drain()


def _truncate(reply: bytes, keep: int, fix_length: bool) -> bytes:
    head, sep, body = reply.partition(b"\r\n\r\n")
    if fix_length:
        lines = [
            line
            for line in head.split(b"\r\n")
            if not line.lower().startswith((b"content-length:", b"transfer-encoding:"))
        ]
        head = b"\r\n".join([*lines, b"Content-Length: %d" % min(keep, len(body))])
    return head + sep + body[:keep]


class DistrictProcess:
    """`district-server serve` on one port that survives kill -9 and restart (context manager)."""

    def __init__(self, db_url: str, data_dir: Path, port: int | None = None) -> None:
        self.db_url, self.data_dir = db_url, data_dir
        self.port = port or free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.starts += 1
        log_path = self.data_dir / f"server-{self.port}-{self.starts}.log"
        command = [*server_command(), "serve", "--db", self.db_url]
        command += ["--data-dir", str(self.data_dir), "--host", "127.0.0.1"]
        command += ["--port", str(self.port), "--log-level", "warning"]
        command += ["--snapshot-interval", "0"]  # as run_server: no background builds
        with open(log_path, "wb") as log:
            self.process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ)
            )
        _wait_for_health(self.process, self.url, log_path)

    def kill9(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def __enter__(self) -> DistrictProcess:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
