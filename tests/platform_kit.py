"""Synthetic offices for the platform tests (issue 20): their own keys, bundles made with the real bundle code,
requests signed like the office client's, receipts opened and checked with the office's own key."""

from __future__ import annotations

import base64
import json
import os
import random
import socket
import subprocess
import sys
import urllib.error
import urllib.request
import uuid
from datetime import datetime, timedelta
from pathlib import Path

from credit_desk.domain import demo, signing
from credit_desk.sync import bundle, crypto, keyfiles, manifest as mf, payload, reqauth
from credit_desk.sync.limits import DEFAULT


class FakeOffice:
    def __init__(self, platform_keys: dict, *, region: str = "320812", seed: int = 0) -> None:
        self.office = str(uuid.UUID(int=random.Random(seed).getrandbits(128)))
        self.region = region
        self.sign = signing.new_private()
        self.enc_private, self.enc_public = crypto.new_x25519()
        self.platform_enc = base64.b64decode(platform_keys["enc_public"])
        self.platform_sign = base64.b64decode(platform_keys["sign_public"])
        self.seq, self.prev, self.next_id = 0, mf.GENESIS_HASH, 1
        self.rng = random.Random(seed)
        self.sent: list[tuple[int, list[int]]] = []  # (sequence, change ids) of every bundle made

    def keyfile(self, sign_private: bytes | None = None) -> bytes:
        return keyfiles.office_doc(office=self.office, region=self.region, code="t",
                                   sign_public=signing.public_of(sign_private or self.sign),
                                   enc_public=self.enc_public, endorsements=[])

    # --- changes --------------------------------------------------------------------------------------

    def subject_state(self) -> dict:
        return {"kind": "legal_person", "name": f"测试企业{self.rng.randrange(10 ** 6)}有限公司", "id_type": "uscc",
                "id_number": demo.uscc(self.rng, self.region)}

    def listing_lines(self, n: int, subject: dict | None = None) -> list[str]:
        """``n`` change lines in groups of four: subject, record, case open, case decide (a listing); every group
        about a new subject, or about ``subject`` (kind, name, id_type, id_number) when given."""
        lines, now = [], mf.utc_text(datetime.now())
        while len(lines) < n:
            base = self.next_id
            subj = dict(subject) if subject else self.subject_state()
            group = [("subject", str(base), "insert", subj),
                     ("record", str(base), "insert", {"id": base, "subject_id": base, "kind": "penalty"}),
                     ("case", str(base), "open", {"id": base, "subject_id": base, "record_ids": [base],
                                                  "list_type": "black"}),
                     ("case", str(base), "decide", {"id": base, "state": "listed", "list_type": "black",
                                                    "subject": {"id": base, **subj}, "record_ids": [base],
                                                    "decision_number": f"淮信认〔2026〕{base}号",
                                                    "decided_on": "2026-10-01", "valid_until": "2029-10-01"})]
            for entity, eid, op, state in group[:n - len(lines)]:
                lines.append(payload.change_line(self.next_id, now, entity, eid, op,
                                                 json.dumps(state, ensure_ascii=False)))
                self.next_id += 1
        return lines

    def line(self, entity: str, eid, op: str, state: dict) -> str:
        """The office's next change line (its next change id), as the office's change log writes it."""
        line = payload.change_line(self.next_id, mf.utc_text(datetime.now()), entity, str(eid), op,
                                   json.dumps(state, ensure_ascii=False))
        self.next_id += 1
        return line

    def bundle(self, lines: list[str], *, office: str | None = None, sign_private: bytes | None = None,
               made: datetime | None = None) -> bytes:
        """The next bundle of this office's chain (sealed to the platform, signed), made now or at ``made``."""
        ids = [json.loads(x)["id"] for x in lines]
        self.seq += 1
        now = made or datetime.now()
        who = office or self.office
        fields = {"type": "changes", "sender": {"role": "office", "id": who, "region": self.region, "code": "t"},
                  "office": who, "sequence": self.seq, "previous_hash": self.prev, "created_at": mf.utc_text(now),
                  "expires_at": mf.utc_text(now + timedelta(days=30)),
                  "change_range": [min(ids, default=1), max(ids, default=1)],
                  "counts": {"changes": len(lines), "attachments": 0}}
        data, _ = bundle.make(fields, payload.encode_lines(lines), sign_private or self.sign, self.platform_enc)
        self.prev = crypto.sha256_hex(data)
        self.sent.append((self.seq, ids))
        return data

    # --- HTTP -----------------------------------------------------------------------------------------

    def headers(self, method: str, target: str, length: int = 0) -> dict:
        return reqauth.sign_headers(self.sign, self.office, method, target, length)

    def request(self, base: str, target: str, data: bytes | None = None, *, signed: bool = True,
                cafile: str | None = None, timeout: float = 120) -> tuple[int, bytes, dict]:
        method = "POST" if data is not None else "GET"
        headers = self.headers(method, target, len(data or b"")) if signed else {}
        req = urllib.request.Request(base + target, data=data, method=method, headers=headers)
        import ssl
        ctx = ssl.create_default_context(cafile=cafile) if cafile else None
        try:
            with urllib.request.urlopen(req, timeout=timeout, context=ctx) as resp:
                return resp.status, resp.read(), dict(resp.headers)
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read(), dict(exc.headers)

    def read_receipt(self, data: bytes) -> tuple[dict, list[int], list[dict]]:
        """(manifest, accepted ids, rejected) of a receipt, verified with the platform's pinned key."""
        opened = bundle.open_bytes(data, DEFAULT)
        bundle.verify(opened, {crypto.key_id(self.platform_sign): self.platform_sign})
        accepted, rejected = payload.parse_receipt(bundle.decrypt(opened, self.enc_private, DEFAULT))
        return opened.manifest.doc, accepted, rejected


def serve_subprocess(intake_dir: Path, *extra: str) -> tuple[subprocess.Popen, str]:
    """``credit-desk intake serve`` in its own process on a free port; (process, base URL). Bundles are received in
    the server process (``--workers 0``) unless ``extra`` names ``--workers``: spawning a worker per CPU costs each
    test server start-up and memory, and only the tests about workers need them."""
    if "--workers" not in extra:
        extra = (*extra, "--workers", "0")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "credit_desk", "intake", "serve", "--data", str(intake_dir),
                             "--host", "127.0.0.1", "--port", str(port), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    assert "listening" in line, proc.stderr.read()
    return proc, line.split()[-1]


def peak_rss_mb(pid: int) -> float:
    """VmHWM (peak resident set) of a live process, MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def descendants(pid: int) -> list[int]:
    """The live child processes of ``pid`` and theirs (the server's worker processes)."""
    out = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            kids = [int(x) for x in (task / "children").read_text().split()]
        except OSError:
            continue
        for kid in kids:
            out += [kid, *descendants(kid)]
    return out


def cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) used so far by a live process, its live descendants, and the children it has
    already reaped (a PostgreSQL postmaster reaps its ended backends)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for i, p in enumerate([pid, *descendants(pid)]):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(") ", 1)[1].split()
        except OSError:
            continue
        utime, stime, cutime, cstime = (int(x) for x in fields[11:15])
        total += (utime + stime + (cutime + cstime if i == 0 else 0)) / tick
    return total


def postmaster_pid(dsn: str) -> int:
    """The postmaster of the test cluster behind ``dsn`` (host=<folder>/run)."""
    host = dict(part.split("=", 1) for part in dsn.split())["host"]
    return int((Path(host).parent / "data" / "postmaster.pid").read_text().split()[0])


def peak_rss_tree_mb(pid: int) -> dict[int, float]:
    """{pid: VmHWM MiB} of a live process and each of its descendants (their sum bounds the peak of the whole:
    the peaks need not fall at the same moment)."""
    out = {}
    for p in [pid, *descendants(pid)]:
        try:
            out[p] = peak_rss_mb(p)
        except OSError:
            pass
    return out


# --- load: many offices sending at once ---------------------------------------------------------------------

def make_offices(platform_dir: Path, n_offices: int, n_bundles: int, n_changes: int, intake) -> tuple[list, dict]:
    """Registered offices and their bundles, made before any clock starts: (offices, {office id: [bundle bytes]})."""
    plat = json.loads((platform_dir / "platform.keys.json").read_text())
    offices, bundles = [], {}
    for i in range(n_offices):
        o = FakeOffice(plat, seed=1000 + i)
        intake.register_office(o.keyfile())
        offices.append(o)
        bundles[o.office] = [o.bundle(o.listing_lines(n_changes)) for _ in range(n_bundles)]
    return offices, bundles


def send_all(base: str, offices: list, bundles: dict, *, stop=None, acks: dict | None = None, gate=None,
             flight: dict | None = None) -> dict:
    """Every office in its own thread sends its bundles in order; network errors, 5xx, 429 and 503 are retried
    (the server may be down for a while); a 409 BUNDLE_REPLAY is answered from the receipt it points to.
    Returns {office id: {sequence: receipt bytes}} of what was acknowledged.

    ``gate(total_acks)`` is called after each acknowledgement and may block (a kill test holds the offices there
    so the load cannot finish before its kill). ``flight`` is filled live: ``{"open": {office: sequence}}`` the
    POSTs sent and not yet answered, ``"cut": [(office, sequence)]`` the POSTs that ended in a network error."""
    import threading
    import time
    acks = {o.office: {} for o in offices} if acks is None else acks  # filled live: a test may look meanwhile
    flight = {} if flight is None else flight
    flight.setdefault("open", {})
    flight.setdefault("cut", [])
    lock = threading.Lock()

    def post(o, data: bytes, seq: int):
        with lock:
            flight["open"][o.office] = seq
        try:
            return o.request(base, "/bundles", data, timeout=300)
        except OSError:
            with lock:
                flight["cut"].append((o.office, seq))
            raise
        finally:
            with lock:
                flight["open"].pop(o.office, None)

    def one(o) -> None:
        for data in bundles[o.office]:
            seq = json.loads(container_manifest(data))["sequence"]
            while not (stop and stop.is_set()):
                try:
                    status, body, _ = post(o, data, seq)
                except OSError:
                    time.sleep(0.2)
                    continue
                if status == 200:
                    break
                if status == 409 and json.loads(body).get("receipt"):
                    try:
                        status, body, _ = o.request(base, json.loads(body)["receipt"], timeout=60)
                    except OSError:
                        time.sleep(0.2)
                        continue
                    if status == 200:
                        break
                if status in (409, 422, 400, 401, 403, 404, 413):
                    raise AssertionError((o.office, seq, status, body[:300]))
                time.sleep(0.2)
            else:
                return
            with lock:
                acks[o.office][seq] = body
                total = sum(len(a) for a in acks.values())
            if gate is not None:
                gate(total)

    threads = [threading.Thread(target=one, args=(o,), daemon=True) for o in offices]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return acks


def container_manifest(data: bytes) -> bytes:
    from credit_desk.sync import container
    return container.unpack(data, DEFAULT)[0]


def check_all(offices: list, acks: dict, intake) -> int:
    """Every receipt right (signed by the platform, answers its bundle, every change accepted) and every change
    stored exactly once; returns the number of changes stored."""
    total = 0
    for o in offices:
        assert sorted(acks[o.office]) == [s for s, _ in o.sent], o.office
        for seq, ids in o.sent:
            doc, accepted, rejected = o.read_receipt(acks[o.office][seq])
            assert doc["answers"]["sequence"] == seq and accepted == ids and rejected == [], (o.office, seq)
        stored = [tuple(k) for k in intake.change_keys(o.office)]
        want = [(seq, i) for seq, ids in o.sent for i in ids]
        assert stored == want, o.office  # ordered by (seq, change id): each once, none missing
        total += len(stored)
    return total


def registered_intake(folder: Path, seed: int):
    """A new platform in ``folder`` (keys, schema) and one office registered with it: (keys, office, open Intake)."""
    from credit_desk.intake.receiver import Intake
    Intake.init(folder)
    keys = json.loads((folder / "platform.keys.json").read_text())
    intake = Intake(folder)
    office = FakeOffice(keys, seed=seed)
    intake.register_office(office.keyfile())
    return keys, office, intake
