"""HTTP front of the reference intake (stdlib ThreadingHTTPServer; one writer lock inside Intake).

    POST /bundles                      body = .cdb bytes → 200 receipt bytes, or 4xx JSON refusal
    GET  /receipts/<office>/<seq>      the receipt for an accepted bundle (resume after a lost reply)
    GET  /downstream/<office>?after=N  {"files": [...]} downstream bundles published for the office
    GET  /downstream/<office>/<file>   one downstream bundle
    GET  /health                       {"ok": true}
"""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from credit_desk.domain.errors import DomainError
from credit_desk.intake.receiver import Intake
from credit_desk.sync.http import CONTENT_TYPE
from credit_desk.sync.refusals import refused

_CONFLICT = {"BUNDLE_REPLAY", "BUNDLE_SEQUENCE_GAP", "BUNDLE_CHAIN_BROKEN"}
_RECEIPT = re.compile(r"/receipts/([0-9a-fA-F\-]{8,64})/(\d{1,9})")
_LIST = re.compile(r"/downstream/([0-9a-fA-F\-]{8,64})")
_FILE = re.compile(r"/downstream/([0-9a-fA-F\-]{8,64})/(\d{6}\.cdb)")


def make_handler(intake: Intake):
    class Handler(BaseHTTPRequestHandler):
        server_version = "credit-desk-intake/1"

        def log_message(self, fmt, *args):  # quiet: tests and the console stay readable
            pass

        def _send(self, status: int, body: bytes, ctype: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _json(self, status: int, doc: dict) -> None:
            self._send(status, json.dumps(doc, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

        def _refusal(self, exc: DomainError) -> None:
            status = 409 if exc.code in _CONFLICT else 413 if exc.code == "BUNDLE_OVERSIZED" else 422
            doc = {"ok": False, "code": exc.code, "message_zh": exc.zh, "message_en": exc.en}
            if getattr(exc, "receipt", None):
                doc["receipt"] = exc.receipt
            self._json(status, doc)

        def do_POST(self):
            if urlsplit(self.path).path != "/bundles":
                return self._json(404, {"ok": False, "code": "NOT_FOUND"})
            try:
                size = int(self.headers.get("Content-Length", "-1"))
            except ValueError:
                size = -1
            if size < 0:
                return self._json(411, {"ok": False, "code": "LENGTH_REQUIRED"})
            if size > intake.limits.max_file_bytes:  # refused before a single byte is read
                return self._refusal(refused("BUNDLE_OVERSIZED", what=f"{size} bytes"))
            data = self.rfile.read(size)
            try:
                receipt, _ = intake.receive(data)
            except DomainError as exc:
                return self._refusal(exc)
            self._send(200, receipt, CONTENT_TYPE)

        def do_GET(self):
            parts = urlsplit(self.path)
            path = parts.path
            if path == "/health":
                return self._json(200, {"ok": True})
            if m := _RECEIPT.fullmatch(path):
                data = intake.receipt(m.group(1), int(m.group(2)))
                return self._send(200, data, CONTENT_TYPE) if data else self._json(404, {"ok": False})
            if m := _FILE.fullmatch(path):
                target = intake.store.office_dir(m.group(1)) / "downstream" / m.group(2)
                if target.exists():
                    return self._send(200, target.read_bytes(), CONTENT_TYPE)
                return self._json(404, {"ok": False})
            if m := _LIST.fullmatch(path):
                after = int((parse_qs(parts.query).get("after") or ["0"])[0] or 0)
                return self._json(200, {"files": intake.downstream(m.group(1), after)})
            self._json(404, {"ok": False, "code": "NOT_FOUND"})

    return Handler


def serve(intake: Intake, host: str, port: int) -> ThreadingHTTPServer:
    """A started server (its own thread); ``server.server_address`` has the real port when port is 0."""
    server = ThreadingHTTPServer((host, port), make_handler(intake))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True, name="intake-http").start()
    return server
