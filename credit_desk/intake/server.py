"""HTTP front of the platform intake: an ASGI app served by Hypercorn (issue 20).

    POST /bundles                      body = .cdb bytes → 200 receipt bytes, or 4xx JSON refusal
    GET  /receipts/<office>/<seq>      the receipt for an accepted bundle (resume after a lost reply)
    GET  /downstream/<office>?after=N  {"files": [...]} downstream bundles published for the office
    GET  /downstream/<office>/<file>   one downstream bundle
    GET  /health                       {"ok": true} (the only route without a signature: it tells nothing)

Why Hypercorn: an asyncio server (an idle or trickling connection costs a coroutine, not a thread), a per-read
timeout (``read_timeout``) that uvicorn lacks (uvicorn issue #157: no request-receipt timeout), TLS from
certificate files, a bounded header size (``h11_max_incomplete_size``), graceful shutdown, and a keep-alive timer
that runs from a connection's start until a request's headers are complete (so headers trickled one byte at a
time are cut off after ``keep_alive_seconds``).

What the app adds, before any body byte is read: the office's request signature (sync.reqauth, GET included),
a per-office rate limit (token bucket), Content-Length (required: the signature covers it; no chunked bodies)
against the size limit, a bounded number of requests in flight (503 when full); while reading: the size limit
again, an absolute deadline for the whole body (408, slow or half-sent POSTs). HTTP/1.1 only
(``guard_protocol``: no switch to HTTP/2, and the parser's own refusals are JSON too). Every answer that is not a
bundle is JSON with a ``code``; an unexpected error is 500 {"code": "INTERNAL"} — never a traceback.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import os
import re
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import parse_qsl

from credit_desk.domain.errors import DomainError
from credit_desk.intake.receiver import Intake
from credit_desk.sync.http import CONTENT_TYPE

log = logging.getLogger("credit_desk.intake")

_CONFLICT = {"BUNDLE_REPLAY", "BUNDLE_SEQUENCE_GAP", "BUNDLE_CHAIN_BROKEN", "BUNDLE_CHANGES_REPLAYED"}
_AUTH = {"AUTH_MISSING": 401, "AUTH_BAD": 401, "AUTH_STALE": 401, "AUTH_FAILED": 401}
_OFFICE = r"([0-9a-fA-F][0-9a-fA-F\-]{7,63})"
# ASCII digits only (issue 20 attack: \d took "?after=٣" and "/receipts/…/３" as numbers)
_RECEIPT = re.compile(rf"/receipts/{_OFFICE}/([0-9]{{1,9}})")
_LIST = re.compile(rf"/downstream/{_OFFICE}")
_FILE = re.compile(rf"/downstream/{_OFFICE}/([0-9]{{6}})\.cdb")
_AFTER = re.compile(r"[0-9]{1,9}")


@dataclass(frozen=True)
class ServerConfig:
    max_body_bytes: int = 64 << 20        # a bundle POST larger than this is refused (413) before it is read
    body_seconds: float = 60.0            # the whole body must arrive within this (408)
    read_timeout: float = 15.0            # Hypercorn: a connection silent this long is closed (headers included)
    keep_alive_seconds: float = 5.0
    max_in_flight: int = 16               # requests being read or processed at once; more wait ...
    queue_seconds: float = 5.0            # ... this long, then 503 BUSY
    rate_per_second: float = 20.0         # per office: sustained requests per second ...
    rate_burst: int = 60                  # ... and the burst above it (429 RATE_LIMITED)
    per_office_in_flight: int = 2         # one office's requests at once (a bundle chain is sequential anyway)
    max_header_bytes: int = 16384
    backlog: int = 512
    certfile: str | None = None           # TLS when both are given (PEM files)
    keyfile: str | None = None
    workers: int = 0                      # receive bundles in this many worker processes (0: in this process)
    plain_budget_bytes: int = 512 << 20   # declared plain (decompressed) bytes of the bundles received at once


def default_workers() -> int:
    """``intake serve --workers`` when not given: one worker process per CPU this process may run on, none on a
    single CPU (issue 20: a worker lets the receive's Python use another core while PostgreSQL and the HTTP front
    use theirs; on one CPU it only adds the hop, ~4 us of CPU per change, for nothing)."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        cpus = os.cpu_count() or 1
    return cpus if cpus > 1 else 0


class _Buckets:
    """Per-office token buckets (monotonic clock)."""

    def __init__(self, rate: float, burst: int) -> None:
        self.rate, self.burst, self.state = rate, burst, {}

    def take(self, office: str) -> float:
        """0 when allowed, else the seconds until a request would be."""
        now = time.monotonic()
        tokens, last = self.state.get(office, (float(self.burst), now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        if tokens >= 1:
            self.state[office] = (tokens - 1, now)
            return 0.0
        self.state[office] = (tokens, now)
        return (1 - tokens) / self.rate


class _PlainBudget:
    """Issue 20 attack (compression bomb): a 0.5 MB bundle of a signed office inflating to 128 MiB of JSON lines
    took the server from 90 MB to 1.1 GB (the payload is held as bytes, text, lines and parsed changes: ~8x), and
    the national plain limit is 1 GiB, so two offices' bundles in flight could exhaust the machine. Receives now
    share a budget of declared plain bytes (the signed manifest's plain_size, which inflate never exceeds); a
    bundle waits for room, one larger than the whole budget runs alone."""

    def __init__(self, total: int) -> None:
        self.total, self.used, self.cond = total, 0, None

    async def acquire(self, n: int, timeout: float) -> None:
        if self.cond is None:
            self.cond = asyncio.Condition()
        async with self.cond:
            await asyncio.wait_for(self.cond.wait_for(lambda: self.used == 0 or self.used + n <= self.total), timeout)
            self.used += n

    async def release(self, n: int) -> None:
        async with self.cond:
            self.used -= n
            self.cond.notify_all()


class _Refuse(Exception):
    def __init__(self, status: int, code: str, zh: str = "", en: str = "", headers=(), **extra) -> None:
        super().__init__(code)
        self.status, self.code, self.zh, self.en, self.headers, self.extra = status, code, zh, en, headers, extra


def _domain_refusal(exc: DomainError) -> _Refuse:
    status = _AUTH.get(exc.code) or (409 if exc.code in _CONFLICT else 413 if exc.code == "BUNDLE_OVERSIZED"
                                     else 403 if exc.code == "OFFICE_FORBIDDEN" else 422)
    extra = {"receipt": exc.receipt} if getattr(exc, "receipt", None) else {}
    return _Refuse(status, exc.code, exc.zh, exc.en, **extra)


def make_app(intake: Intake, config: ServerConfig = ServerConfig()):
    """The ASGI application. Blocking work (PostgreSQL, crypto) runs in a bounded thread pool; with
    ``config.workers`` the bundles themselves are received in that many worker processes (``Receivers``)."""
    pool = ThreadPoolExecutor(max_workers=config.max_in_flight + 4, thread_name_prefix="intake-work")
    receivers = Receivers(intake, config.workers) if config.workers > 0 else None
    buckets = _Buckets(config.rate_per_second, config.rate_burst)
    budget = _PlainBudget(config.plain_budget_bytes)
    state = {"slots": None}  # the semaphore belongs to the server's event loop: made there
    busy: dict[str, int] = {}

    async def run(fn, *args):
        return await asyncio.get_running_loop().run_in_executor(pool, fn, *args)

    async def app(scope, receive, send):
        if scope["type"] == "lifespan":
            while True:
                msg = await receive()
                if msg["type"] == "lifespan.startup":
                    state["slots"] = asyncio.Semaphore(config.max_in_flight)
                    await send({"type": "lifespan.startup.complete"})
                elif msg["type"] == "lifespan.shutdown":
                    pool.shutdown(wait=False, cancel_futures=True)
                    if receivers is not None:
                        receivers.close()
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        if scope["type"] == "websocket":  # issue 20 attack: an Upgrade: websocket got a bare 500
            await send({"type": "websocket.http.response.start", "status": 400,
                        "headers": [(b"content-type", b"application/json; charset=utf-8")]})
            await send({"type": "websocket.http.response.body", "body": _json_error(
                400, "WEBSOCKET_REFUSED", "不接受 WebSocket 连接。", "WebSocket connections are not accepted.")})
            return
        if scope["type"] != "http":
            return
        started = {"v": False}

        async def respond(status: int, body: bytes, ctype: str, headers=()) -> None:
            """att20b: the answer went to Hypercorn whole, with no deadline: a client that never read a 3.5 MB
            downstream file held it in the server's memory for good, one copy per connection (a captured signed GET
            replayed for five minutes: thousands). It goes in pieces now, all within ``body_seconds``; past that
            the answer is abandoned and the connection closed, holding at most a piece."""
            started["v"] = True
            loop = asyncio.get_running_loop()
            deadline = loop.time() + config.body_seconds
            messages = [{"type": "http.response.start", "status": status,
                         "headers": [(b"content-type", ctype.encode()), (b"content-length", str(len(body)).encode()),
                                     *headers]}]
            messages += [{"type": "http.response.body", "body": body[i:i + _PIECE], "more_body": True}
                         for i in range(0, len(body), _PIECE)]
            messages.append({"type": "http.response.body", "body": b"", "more_body": False})
            for message in messages:
                try:
                    await asyncio.wait_for(send(message), max(deadline - loop.time(), 0.001))
                except asyncio.TimeoutError:
                    log.warning("intake answer not read within %g s, abandoned: %s %s", config.body_seconds,
                                scope.get("method"), scope.get("path"))
                    return

        async def refuse(r: _Refuse) -> None:
            doc = {"ok": False, "code": r.code, "message_zh": r.zh or r.code, "message_en": r.en or r.code, **r.extra}
            hdrs = [*r.headers, *([(b"connection", b"close")] if r.status in (408, 411, 413, 505) else [])]
            await respond(r.status, json.dumps(doc, ensure_ascii=False).encode("utf-8"),
                          "application/json; charset=utf-8", hdrs)

        try:
            answer = await _route(scope, receive, lambda body, ctype: respond(200, body, ctype))
            if answer is not None:
                await respond(200, *answer)
        except _Refuse as r:
            await refuse(r)
        except Exception as exc:  # never a traceback to the client; the log keeps it for the platform's IT
            if _db_busy(exc) and not started["v"]:
                # att20b: every connection of the pool in use (or the database gone) past the pool's wait was a
                # 500 INTERNAL; it is the platform being busy: 503 with a retry time (the office retries a 5xx)
                log.warning("intake request found no database connection: %s %s: %s", scope.get("method"),
                            scope.get("path"), exc)
                await refuse(_Refuse(503, "DB_BUSY", "平台数据库繁忙或暂不可用，请稍后重试。",
                                     "The platform's database is busy or unavailable; try again shortly.",
                                     headers=[(b"retry-after", b"10")]))
                return
            log.exception("intake request failed: %s %s", scope.get("method"), scope.get("path"))
            if not started["v"]:
                await respond(500, json.dumps({"ok": False, "code": "INTERNAL", "message_zh": "平台内部错误，请稍后重试。",
                                               "message_en": "Internal error at the platform; try again later."},
                                              ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    async def _route(scope, receive, deliver) -> tuple[bytes, str] | None:
        method, path = scope["method"], scope["path"]
        if scope.get("http_version") not in ("1.0", "1.1"):  # the HTTP/2 preface, read as a request (guard_protocol)
            raise _Refuse(505, "HTTP_VERSION", *_PROTOCOL_CODES[505][1:])
        raw_query = scope.get("query_string", b"").decode("latin-1")
        if path == "/health" and method in ("GET", "HEAD"):
            return json.dumps({"ok": True}).encode(), "application/json"
        route = _which(method, path)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        length = _length(headers) if method == "POST" else 0
        target = path + ("?" + raw_query if raw_query else "")
        try:  # the signature is checked before a single body byte is read
            office = await run(intake.authenticate, headers, method, target, max(length, 0))
        except DomainError as exc:
            raise _domain_refusal(exc) from None
        limit = min(config.max_body_bytes, intake.limits.max_file_bytes)
        if length > limit:  # declared too big: refused before a single body byte is read
            raise _too_big(length, limit)
        wait = buckets.take(office)
        if wait:
            raise _Refuse(429, "RATE_LIMITED", "请求过于频繁，请稍后重试。", "Too many requests; slow down.",
                          headers=[(b"retry-after", str(max(1, round(wait))).encode())])
        if busy.get(office, 0) >= config.per_office_in_flight:
            raise _Refuse(429, "OFFICE_BUSY", "本单位已有请求在处理中，请稍后重试。",
                          "This office already has requests in progress; try again shortly.",
                          headers=[(b"retry-after", b"2")])
        if state["slots"] is None:
            state["slots"] = asyncio.Semaphore(config.max_in_flight)
        busy[office] = busy.get(office, 0) + 1
        try:
            try:
                await asyncio.wait_for(state["slots"].acquire(), config.queue_seconds)
            except asyncio.TimeoutError:
                raise _Refuse(503, "BUSY", "平台繁忙，请稍后重试。", "The platform is busy; try again shortly.",
                              headers=[(b"retry-after", b"5")]) from None
            try:
                answer = await _dispatch(route, office, method, raw_query, receive, length)
            finally:
                state["slots"].release()
            await deliver(*answer)  # att20b: still one of the office's requests until its answer is read
            return None
        finally:
            busy[office] -= 1
            if not busy[office]:
                del busy[office]

    async def _dispatch(route, office, method, raw_query, receive, length) -> tuple[bytes, str]:
        kind, m = route
        if kind != "post" and m.group(1) != office:
            raise _Refuse(403, "OFFICE_FORBIDDEN", "只能查询本单位的回执和下发更新。",
                          "An office may only read its own receipts and downstream bundles.")
        try:
            if kind == "post":
                data = await _read_body(receive, length)
                plain = await run(_declared_plain, data, intake.limits)
                try:
                    await budget.acquire(plain, config.body_seconds)
                except asyncio.TimeoutError:
                    raise _Refuse(503, "BUSY", "平台繁忙，请稍后重试。", "The platform is busy; try again shortly.",
                                  headers=[(b"retry-after", b"30")]) from None
                try:
                    if receivers is not None:
                        return await receivers.receive(data, office), CONTENT_TYPE
                    receipt, _ = await run(functools.partial(intake.receive, data, sender=office))
                    return receipt, CONTENT_TYPE
                finally:
                    await budget.release(plain)
            if kind == "receipt":
                data = await run(intake.receipt, office, int(m.group(2)))
                if data is None:
                    raise _Refuse(404, "RECEIPT_NOT_FOUND", "没有该序号的回执。", "No receipt for that bundle number.")
                return data, CONTENT_TYPE
            if kind == "file":
                data = await run(intake.downstream_file, office, int(m.group(2)))
                if data is None:
                    raise _Refuse(404, "DOWNSTREAM_NOT_FOUND", "没有该下发更新。", "No such downstream bundle.")
                return data, CONTENT_TYPE
            after = _after(raw_query)
            files = await run(intake.downstream, office, after)
            return json.dumps({"files": files}).encode(), "application/json"
        except DomainError as exc:
            raise _domain_refusal(exc) from None

    async def _read_body(receive, length: int) -> bytes:
        """Streamed: the limit is checked on the declared length first, then on every chunk; one deadline for all."""
        limit = min(config.max_body_bytes, intake.limits.max_file_bytes)
        if length > limit:
            raise _too_big(length, limit)
        chunks, got = [], 0
        deadline = asyncio.get_running_loop().time() + config.body_seconds
        while True:
            left = deadline - asyncio.get_running_loop().time()
            try:
                msg = await asyncio.wait_for(receive(), max(left, 0.001))
            except asyncio.TimeoutError:
                raise _Refuse(408, "BODY_TIMEOUT", f"请求正文未在 {config.body_seconds:g} 秒内传完，连接已关闭。",
                              f"The request body did not arrive within {config.body_seconds:g} s.") from None
            if msg["type"] == "http.disconnect":
                raise _Refuse(400, "CLIENT_GONE", "客户端已断开。", "The client disconnected.")
            part = msg.get("body", b"")
            got += len(part)
            if got > limit or (length >= 0 and got > length):
                raise _too_big(got, limit)
            chunks.append(part)
            if not msg.get("more_body"):
                return b"".join(chunks)

    app.receivers = receivers  # serve() closes them with the server
    return app


class Receivers:
    """``Intake.receive`` in worker processes, so verifying, decrypting, parsing and judging a bundle use every
    core (issue 20: in one process they were held to one core by the GIL while PostgreSQL used the other).

    Each worker opens its own ``Intake`` on the same folder and database (its own connections); a bundle is received
    whole in one worker, in one transaction, exactly as in this process, and only the receipt or the refusal comes
    back. Workers are spawned (not forked: a forked child would keep the listening socket open after a kill of the
    server) and end by themselves when the server process is gone, even by SIGKILL; a bundle a worker was filing
    then is either committed whole (its receipt is answered again on a resend: BUNDLE_REPLAY with the receipt's
    address) or rolled back with the worker's connection. Workers read the machine's clock."""

    def __init__(self, intake: Intake, n: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        self.n = n
        self.executor = ProcessPoolExecutor(
            max_workers=n, mp_context=multiprocessing.get_context("spawn"), initializer=_worker_start,
            initargs=(str(intake.folder), intake.dsn, intake.limits, os.getpid()))
        for f in [self.executor.submit(_worker_ping) for _ in range(n)]:  # started before the first request
            f.result(timeout=120)

    async def receive(self, data: bytes, sender: str | None = None) -> bytes:
        receipt, refusal = await asyncio.wrap_future(self.executor.submit(_worker_receive, data, sender))
        if refusal is not None:
            status, code, zh, en, extra = refusal
            raise _Refuse(status, code, zh, en, **extra)
        return receipt

    def pids(self) -> list[int]:
        return [p.pid for p in (getattr(self.executor, "_processes", None) or {}).values()]

    def close(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)


_WORKER: dict = {}


def _worker_start(folder: str, dsn: str, limits, parent: int) -> None:
    from pathlib import Path

    from credit_desk.intake import heap
    heap.keep_freed_memory()  # issue 18: a bundle's memory is reused by the next one, not faulted in again
    _WORKER["intake"] = Intake(Path(folder), dsn=dsn, limits=limits, pool_size=2)
    threading.Thread(target=_orphan_watch, args=(parent,), name="intake-orphan-watch", daemon=True).start()


def _orphan_watch(parent: int) -> None:
    """End this worker when the server process is gone (a SIGKILL leaves its workers behind otherwise)."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)


def _worker_ping() -> int:
    return os.getpid()


def _worker_receive(data: bytes, sender: str | None = None) -> tuple[bytes | None, tuple | None]:
    """(receipt, None) or (None, (status, code, zh, en, extra)): a refusal travels as plain values (the refusal
    classes take keyword arguments that do not survive pickling)."""
    try:
        receipt, _summary = _WORKER["intake"].receive(data, sender=sender)
    except DomainError as exc:
        r = _domain_refusal(exc)
        return None, (r.status, r.code, r.zh, r.en, r.extra)
    return receipt, None


def _declared_plain(data: bytes, limits) -> int:
    """The plain size a bundle's manifest declares (what inflate may produce at most); 0 for a file that will be
    refused before it is inflated (unreadable, or declaring more than the limit)."""
    from credit_desk.sync import bundle
    try:
        size = bundle.open_bytes(data, limits).manifest.payload.get("plain_size")
    except (DomainError, AttributeError):
        return 0
    if isinstance(size, bool) or not isinstance(size, int) or not 0 < size <= limits.max_plain_bytes:
        return 0
    return size


_PIECE = 64 << 10  # an answer goes to the connection in pieces of this size, each within the answer's deadline


def _db_busy(exc: Exception) -> bool:
    """No database connection to be had: the pool's wait ran out, or the database cannot be reached."""
    import psycopg
    import psycopg_pool
    return isinstance(exc, (psycopg_pool.PoolTimeout, psycopg.OperationalError))


def _too_big(size: int, limit: int) -> _Refuse:
    # issue 18: the limit travels in the reply, so the office splits its bundles to it and sends again
    return _Refuse(413, "BUNDLE_OVERSIZED", f"同步包超过允许的大小（{size} > {limit} 字节），拒绝接收。",
                   f"The bundle exceeds the allowed size ({size} > {limit} bytes); it is refused.", limit=limit)


def _which(method: str, path: str):
    if path == "/bundles":
        if method != "POST":
            raise _Refuse(405, "METHOD_NOT_ALLOWED", "此地址只接受 POST。", "Only POST is allowed here.")
        return "post", None
    for kind, rx in (("receipt", _RECEIPT), ("file", _FILE), ("list", _LIST)):
        m = rx.fullmatch(path)
        if m:
            if method != "GET":
                raise _Refuse(405, "METHOD_NOT_ALLOWED", "此地址只接受 GET。", "Only GET is allowed here.")
            return kind, m
    raise _Refuse(404, "NOT_FOUND", "没有这个地址。", "No such address.")


def _length(headers: dict) -> int:
    """The declared Content-Length (the request signature covers it); 411 when absent or with a Transfer-Encoding,
    400 when malformed."""
    text = headers.get("content-length")
    if text is None or "transfer-encoding" in headers:
        # issue 20 attack: a chunked body was signed as length 0, so a captured header carried any body; the
        # request signature binds the declared length, so the length must be declared (and nothing else used)
        raise _Refuse(411, "LENGTH_REQUIRED", "请求须用 Content-Length 声明正文长度（不接受分块传输）。",
                      "The body's length must be declared with Content-Length (no chunked transfer).")
    if not text.isdigit() or len(text) > 15:
        raise _Refuse(400, "LENGTH_BAD", "Content-Length 不是数字。", "Content-Length is not a number.")
    return int(text)


def _after(raw_query: str) -> int:
    try:
        pairs = parse_qsl(raw_query, keep_blank_values=True, strict_parsing=bool(raw_query), max_num_fields=4)
    except ValueError:
        raise _Refuse(400, "QUERY_BAD", "查询参数格式不对。", "The query string is malformed.") from None
    params = dict(pairs)
    after = params.get("after", "0") or "0"
    # issue 20 attack: "?after=1&after=9" was read as 9 (the last one): a repeated parameter is ambiguous
    if len(params) != len(pairs) or set(params) - {"after"} or not _AFTER.fullmatch(after):
        raise _Refuse(400, "QUERY_BAD", "查询参数 after 须为不超过9位的非负整数。",
                      "The query parameter after must be a non-negative whole number of at most 9 digits.")
    return int(after)


class Server:
    """A running Hypercorn server in its own thread: ``server_address`` (host, port), ``shutdown()``."""

    def __init__(self, sock: socket.socket, thread: threading.Thread, loop, stop: asyncio.Event,
                 receivers: Receivers | None = None) -> None:
        self.server_address = sock.getsockname()[:2]
        self._sock, self._thread, self._loop, self._stop = sock, thread, loop, stop
        self.receivers = receivers
        self.failed = lambda: False

    def shutdown(self) -> None:
        if self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._stop.set)
            self._thread.join(30)
        self._sock.close()
        if self.receivers is not None:
            self.receivers.close()

    def wait(self) -> bool:
        """Until the server stops; False when it stopped by an error (``intake serve`` then exits 1)."""
        self._thread.join()
        return not self.failed()

    def server_close(self) -> None:
        """Compatibility with socketserver: shutdown() already closed everything."""


_PROTOCOL_CODES = {
    400: ("REQUEST_MALFORMED", "请求格式不对（HTTP 协议错误）。", "The request is malformed (HTTP protocol error)."),
    408: ("REQUEST_TIMEOUT", "请求未按时传完。", "The request did not arrive in time."),
    413: ("REQUEST_TOO_LARGE", "请求过大。", "The request is too large."),
    414: ("URI_TOO_LONG", "请求地址过长。", "The request address is too long."),
    431: ("HEADERS_TOO_LARGE", "请求头过大。", "The request headers are too large."),
    501: ("NOT_IMPLEMENTED", "不支持该传输编码。", "That transfer coding is not supported."),
    505: ("HTTP_VERSION", "只接受 HTTP/1.1 请求。", "Only HTTP/1.1 requests are accepted."),
}


def _json_error(status: int, code: str | None = None, zh: str = "", en: str = "") -> bytes:
    known = _PROTOCOL_CODES.get(status, ("REQUEST_MALFORMED", "请求格式不对。", "The request is malformed."))
    return json.dumps({"ok": False, "code": code or known[0], "message_zh": zh or known[1],
                       "message_en": en or known[2]}, ensure_ascii=False).encode("utf-8")


def guard_protocol() -> None:
    """Issue 20 attack: requests h11 itself refuses (a garbage request line, a header without a colon, a NUL, a
    negative Content-Length, headers over the limit, a transfer coding other than chunked) got Hypercorn's bare
    status with an empty body — not a JSON error with a code; and the server answered "Upgrade: h2c" and the HTTP/2
    preface by switching to HTTP/2, a second protocol stack (stream multiplexing, HPACK) none of the guards here
    were built or tested for. Hypercorn's HTTP/1.1 protocol is replaced by one that answers its own refusals in
    JSON and never switches protocol (the preface reaches the app as HTTP/2.0 and is answered 505)."""
    import h11
    from hypercorn import protocol as hc_protocol
    from hypercorn.protocol.h11 import H11Protocol
    if getattr(hc_protocol.H11Protocol, "credit_desk_guarded", False):
        return

    class GuardedH11(H11Protocol):
        credit_desk_guarded = True

        async def _send_error_response(self, status_code: int) -> None:
            body = _json_error(status_code)
            await self._send_h11_event(h11.Response(status_code=status_code, headers=[
                (b"content-type", b"application/json; charset=utf-8"), (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"), *self.config.response_headers("h11")]))
            await self._send_h11_event(h11.Data(data=body))
            await self._send_h11_event(h11.EndOfMessage())

        async def _check_protocol(self, event) -> None:
            return None  # HTTP/1.1 only: no h2c upgrade, no HTTP/2 prior knowledge

    hc_protocol.H11Protocol = GuardedH11


def hypercorn_config(sock: socket.socket, config: ServerConfig):
    from hypercorn.config import Config
    hc = Config()
    hc.bind = [f"fd://{os.dup(sock.fileno())}"]  # Hypercorn closes the descriptor it is given: give it a copy
    hc.read_timeout = config.read_timeout
    hc.keep_alive_timeout = config.keep_alive_seconds
    hc.h11_max_incomplete_size = config.max_header_bytes
    hc.backlog = config.backlog
    hc.graceful_timeout = 5.0
    hc.accesslog = None
    hc.errorlog = log
    hc.alpn_protocols = ["http/1.1"]
    hc.include_server_header = False
    if config.certfile and config.keyfile:
        hc.certfile, hc.keyfile = config.certfile, config.keyfile
    return hc


def listen(host: str, port: int, backlog: int = 512) -> socket.socket:
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(backlog)
    sock.set_inheritable(True)
    return sock


def check_tls(config: ServerConfig) -> None:
    """att20b: ``--certfile`` without ``--keyfile`` (or the reverse) served plain HTTP without a word, and a key
    that does not match the certificate, or a file that is missing, killed the server's thread after "listening on
    https://…" was printed: the socket stayed bound, connections waited for ever. Both are refused before the
    socket is bound: TLS_INCOMPLETE, TLS_BAD (the TLS context is built from the files here, as Hypercorn will)."""
    if not config.certfile and not config.keyfile:
        return
    if not (config.certfile and config.keyfile):
        raise DomainError("TLS_INCOMPLETE", "启用 TLS 须同时指定证书文件和私钥文件（--certfile 与 --keyfile）。",
                          "TLS needs both the certificate file and the private key file (--certfile and --keyfile).",
                          field="certfile")
    import ssl
    from hypercorn.config import Config
    hc = Config()
    hc.certfile, hc.keyfile, hc.alpn_protocols = config.certfile, config.keyfile, ["http/1.1"]
    try:
        hc.create_ssl_context()
    except (OSError, ssl.SSLError, ValueError) as exc:
        raise DomainError("TLS_BAD", f"无法用所给的证书和私钥启用 TLS：{exc}",
                          f"TLS cannot be set up from the certificate and key given: {exc}", field="certfile") from None


def serve(intake: Intake, host: str, port: int, config: ServerConfig = ServerConfig()) -> Server:
    """A started server (its own thread and event loop); ``server_address[1]`` is the real port when port is 0."""
    from hypercorn.asyncio import serve as hc_serve
    check_tls(config)
    sock = listen(host, port, config.backlog)
    hc = hypercorn_config(sock, config)
    guard_protocol()
    app = make_app(intake, config)
    ready, box = threading.Event(), {}

    def main() -> None:
        async def runner() -> None:
            box["loop"], box["stop"] = asyncio.get_running_loop(), asyncio.Event()
            ready.set()
            await hc_serve(app, hc, shutdown_trigger=box["stop"].wait)
        try:
            asyncio.run(runner())
        except BaseException:  # att20b: a server that died must not leave its socket open (clients would hang)
            log.exception("intake server stopped by an error")
            box["failed"] = True
            sock.close()
            raise

    thread = threading.Thread(target=main, name="intake-http", daemon=True)
    thread.start()
    ready.wait(10)
    server = Server(sock, thread, box["loop"], box["stop"], app.receivers)
    server.failed = lambda: bool(box.get("failed"))
    return server
