"""Network transport: HTTP(S) POST of bundle bytes to the intake, with retries and exponential backoff.

Safe to resume: a bundle keeps its sequence and bytes until acknowledged, and the intake answers a
bundle it already holds with BUNDLE_REPLAY plus where its receipt lies, so a retry never doubles data.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

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


def request(url: str, data: bytes | None = None, *, retries: int, backoff: float,
            timeout: float = 60.0, sleep=time.sleep) -> Reply:
    """POST (with data) or GET; 5xx and network errors are retried, 4xx answers are returned at once."""
    wait, last = backoff, None
    for attempt in range(retries + 1):
        req = urllib.request.Request(url, data=data, method="POST" if data is not None else "GET",
                                     headers={"Content-Type": CONTENT_TYPE} if data is not None else {})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                return Reply(resp.status, resp.read(), resp.headers.get("Content-Type", ""))
        except urllib.error.HTTPError as exc:
            if exc.code < 500:
                return Reply(exc.code, exc.read(), exc.headers.get("Content-Type", ""))
            last = f"HTTP {exc.code}"
        except (urllib.error.URLError, OSError) as exc:
            last = str(getattr(exc, "reason", exc))
        if attempt < retries:
            sleep(wait)
            wait *= 2
    raise DomainError("SEND_FAILED", f"无法连接市平台接收端 {url}（已重试 {retries} 次）：{last}。同步包已保留，可稍后重发。",
                      f"Cannot reach the intake at {url} after {retries} retries: {last}. "
                      "The bundle is kept and can be sent again later.")
