"""Network transport: HTTP(S) POST of bundle bytes to the intake, with retries and exponential backoff.

Safe to resume: a bundle keeps its sequence and bytes until acknowledged, and the intake answers a
bundle it already holds with BUNDLE_REPLAY plus where its receipt lies, so a retry never doubles data.
"""

from __future__ import annotations

import json
import ssl
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlsplit

from credit_desk.domain.errors import DomainError

CONTENT_TYPE = "application/vnd.credit-desk.bundle"


@dataclass(frozen=True)
class Reply:
    status: int
    body: bytes
    content_type: str

    def json(self) -> dict:
        try:
            doc = json.loads(self.body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            return {}
        return doc if isinstance(doc, dict) else {}  # callers use .get(): a list or number is no answer


def _retry_after(value: str | None) -> float:
    """The seconds of a Retry-After header (whole seconds only; at most a minute), 0 without one."""
    return float(min(int(value), 60)) if value and value.isdigit() else 0.0


Signer = Callable[[str, str, int], dict]  # (method, path?query, body length) -> request headers (sync.reqauth)


def request(url: str, data: bytes | None = None, *, retries: int, backoff: float,
            timeout: float = 60.0, sleep=time.sleep, sign: Signer | None = None, cafile: str | None = None) -> Reply:
    """POST (with data) or GET; 5xx and network errors are retried, 4xx answers are returned at once. ``sign``
    makes fresh signed headers for each attempt; ``cafile`` pins the CA of an https intake."""
    wait, last, busy = backoff, None, None
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    method = "POST" if data is not None else "GET"
    context = ssl.create_default_context(cafile=cafile) if cafile else None
    for attempt in range(retries + 1):
        headers = {"Content-Type": CONTENT_TYPE} if data is not None else {}
        if sign:
            headers.update(sign(method, target, len(data) if data is not None else 0))
        req = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=timeout, context=context) as resp:
                return Reply(resp.status, resp.read(), resp.headers.get("Content-Type", ""))
        except urllib.error.HTTPError as exc:
            if exc.code < 500 and exc.code != 429:
                return Reply(exc.code, exc.read(), exc.headers.get("Content-Type", ""))
            last, pause = f"HTTP {exc.code}", _retry_after(exc.headers.get("Retry-After"))
            if exc.code == 429:  # att20b: the platform's rate limit is a "later", not a refusal: wait and retry
                busy = Reply(exc.code, exc.read(), exc.headers.get("Content-Type", ""))
        except (urllib.error.URLError, OSError) as exc:
            last, pause = str(getattr(exc, "reason", exc)), 0.0
        if attempt < retries:
            sleep(max(wait, pause))
            wait *= 2
    if busy is not None and last == "HTTP 429":
        return busy  # still limited after every retry: the platform's own answer (its code and message)
    raise DomainError("SEND_FAILED", f"无法连接市平台接收端 {url}（已重试 {retries} 次）：{last}。同步包已保留，可稍后重发。",
                      f"Cannot reach the intake at {url} after {retries} retries: {last}. "
                      "The bundle is kept and can be sent again later.")
