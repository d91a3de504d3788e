"""Issue 20: each finding in the reference intake, performed against the real server (Hypercorn on 127.0.0.1) and a
real PostgreSQL cluster, shows the refusal or the right result."""

from __future__ import annotations

import json
import resource
import socket
import subprocess
import threading
import urllib.error
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from credit_desk.domain import signing
from credit_desk.domain.errors import DomainError
from credit_desk.intake.receiver import Intake
from credit_desk.intake.server import ServerConfig, serve
from credit_desk.sync import container, crypto, manifest as mf, reqauth
from credit_desk.sync.limits import DEFAULT
from tests.e2e import case_kit as kit
from tests.e2e.case_kit import story_clock  # noqa: F401
from tests.e2e.sync_support import pair, session
from tests.platform_kit import FakeOffice
from tests.conftest import with_business_accounts

@pytest.fixture
def office(office, secret_files):
    """This module's work is business (R14 separation of duties): the clerk acts by default; administrator's
    acts (keys, accounts) and reading the audit log (the auditor) name their account."""
    return with_business_accounts(office, secret_files)

SMALL = ServerConfig(max_body_bytes=1 << 20, body_seconds=2.0, read_timeout=3.0, rate_per_second=50, rate_burst=200,
                     per_office_in_flight=2)


@pytest.fixture
def platform(tmp_path, platform_dsn):
    folder = tmp_path / "intake"
    Intake.init(folder)
    intake = Intake(folder, pool_size=8)
    yield intake, json.loads((folder / "platform.keys.json").read_text())
    intake.close()


def _running(intake, config=SMALL):
    srv = serve(intake, "127.0.0.1", 0, config)
    return srv, f"http://127.0.0.1:{srv.server_address[1]}"


@pytest.fixture
def server(platform):
    intake, plat = platform
    srv, url = _running(intake)
    a, b = FakeOffice(plat, seed=1), FakeOffice(plat, seed=2)
    for o in (a, b):
        intake.register_office(o.keyfile())
    yield intake, url, a, b
    srv.shutdown()


def _code(body: bytes) -> str:
    assert b"Traceback" not in body and b"File \"" not in body
    return json.loads(body)["code"]


def test_registration_with_another_offices_id_never_replaces_its_keys(server):
    """Finding 1: a key file carrying office A's id silently replaced A's keys. Now it is refused, A's next bundle
    is accepted, and only an explicit, audited rotation changes keys — keeping the old ones for old bundles."""
    intake, url, a, _ = server
    forged = a.keyfile(sign_private=signing.new_private())
    with pytest.raises(DomainError) as info:
        intake.register_office(forged)
    assert info.value.code == "OFFICE_KEYS_PINNED"
    assert intake.register_office(a.keyfile()).get("already")  # the same keys again: a no-op
    status, body, _ = a.request(url, "/bundles", a.bundle(a.listing_lines(4)))
    assert status == 200 and a.read_receipt(body)[1] == [1, 2, 3, 4]

    on_usb = a.bundle(a.listing_lines(4), made=datetime.now() - timedelta(days=2))  # signed with the old key
    old, new = a.sign, signing.new_private()
    with pytest.raises(DomainError) as info:
        intake.rotate_office_keys(a.keyfile(new), actor="张工", reason="")
    assert info.value.code == "ROTATION_REASON_MISSING"
    intake.rotate_office_keys(a.keyfile(new), actor="张工", reason="办公电脑更换，旧密钥停用")
    audit = intake.key_audit(a.office)
    assert [(r["action"], r["actor"]) for r in audit] == [("register", "intake"), ("rotate", "张工")]
    assert audit[1]["reason"] == "办公电脑更换，旧密钥停用" and audit[1]["old_keys"]
    keys = intake.office_sign_keys(a.office)
    assert len(keys) == 2 and keys[0]["valid_to"] is not None and keys[1]["valid_to"] is None

    a.sign = new  # requests are signed with the current key; the old bundle still opens
    status, body, _ = a.request(url, "/bundles", on_usb)
    assert status == 200 and a.read_receipt(body)[1] == [5, 6, 7, 8]
    late = a.bundle(a.listing_lines(4), sign_private=old)  # made now with the closed key: refused
    status, body, _ = a.request(url, "/bundles", late)
    assert status == 422 and _code(body) == "BUNDLE_UNKNOWN_KEY"
    old_headers = reqauth.sign_headers(old, a.office, "GET", f"/downstream/{a.office}", 0)
    assert intake.counts(a.office)["changes"] == 8
    with pytest.raises(DomainError) as info:
        intake.authenticate({k.lower(): v for k, v in old_headers.items()}, "GET", f"/downstream/{a.office}", 0)
    assert info.value.code == "AUTH_FAILED"


def test_a_payload_rewrapped_by_another_office_is_refused(server):
    """Finding 2: office B wrapped A's sealed payload in its own signed manifest and got 200. The AES-GCM AAD now
    binds the payload to the manifest and its sender: refused, nothing filed under B, the file quarantined."""
    intake, url, a, b = server
    genuine = a.bundle(a.listing_lines(8))
    manifest, _, sealed = container.unpack(genuine, DEFAULT)
    doc = json.loads(manifest)
    doc.update(office=b.office, sender={"role": "office", "id": b.office, "region": "320812", "code": "t"},
               key_fingerprint=crypto.key_id(signing.public_of(b.sign)))
    raw = mf.dump(doc)
    forged = container.pack(raw, signing.sign(b.sign, signing.Use.BUNDLE_MANIFEST, raw), sealed)
    status, body, _ = b.request(url, "/bundles", forged)
    assert status == 422 and _code(body) == "BUNDLE_DECRYPT_FAILED"
    assert intake.counts(b.office) == {"changes": 0, "rejected": 0, "bundles": 0, "quarantined": 1}
    status, body, _ = a.request(url, "/bundles", genuine)
    assert status == 200 and len(a.read_receipt(body)[1]) == 8
    assert {c["entity"] for c in intake.stored_changes(a.office)} == {"subject", "record", "case"}


def test_bad_requests_get_a_json_code_never_a_traceback(server):
    """Finding 3: ?after=abc, ?after=1e9, /receipts/--------/1 gave tracebacks and a closed connection."""
    intake, url, a, b = server
    for target, status, code in ((f"/downstream/{a.office}?after=abc", 400, "QUERY_BAD"),
                                 (f"/downstream/{a.office}?after=1e9", 400, "QUERY_BAD"),
                                 (f"/downstream/{a.office}?after=-1", 400, "QUERY_BAD"),
                                 (f"/downstream/{a.office}?after=1&after=2&x=1", 400, "QUERY_BAD"),
                                 (f"/downstream/{a.office}?after=" + "9" * 40, 400, "QUERY_BAD"),
                                 ("/receipts/--------/1", 404, "NOT_FOUND"),
                                 (f"/receipts/{a.office}/99", 404, "RECEIPT_NOT_FOUND"),
                                 (f"/receipts/{a.office}/99999999999", 404, "NOT_FOUND"),
                                 (f"/receipts/{b.office}/1", 403, "OFFICE_FORBIDDEN"),
                                 (f"/downstream/{a.office}/000001.cdb", 404, "DOWNSTREAM_NOT_FOUND"),
                                 ("/nothing/here", 404, "NOT_FOUND")):
        got, body, _ = a.request(url, target)
        assert (got, _code(body)) == (status, code), target
    assert a.request(url, f"/downstream/{a.office}?after=0")[0] == 200
    # authentication of every request, GET included
    got, body, _ = a.request(url, f"/downstream/{a.office}", signed=False)
    assert (got, _code(body)) == (401, "AUTH_MISSING")
    stranger = FakeOffice({"enc_public": "", "sign_public": ""}, seed=9)  # never registered
    got, body, _ = stranger.request(url, f"/downstream/{stranger.office}")
    assert (got, _code(body)) == (401, "AUTH_FAILED")
    stale = reqauth.sign_headers(a.sign, a.office, "GET", f"/downstream/{a.office}", 0,
                                 now=datetime.now(timezone.utc) - timedelta(hours=1))
    assert _raw(url, "GET", f"/downstream/{a.office}", stale)[0:2] == (401, "AUTH_STALE")
    other_path = a.headers("GET", f"/downstream/{a.office}?after=0")  # a header made for another target
    assert _raw(url, "GET", f"/downstream/{a.office}?after=5", other_path)[0:2] == (401, "AUTH_FAILED")
    assert _raw(url, "PUT", "/bundles", a.headers("PUT", "/bundles"))[0:2] == (405, "METHOD_NOT_ALLOWED")
    assert a.request(url, "/health", signed=False)[0] == 200  # the server is still up and answering


def _raw(url: str, method: str, target: str, headers: dict, body: bytes | None = None):
    import urllib.request
    req = urllib.request.Request(url + target, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, None, resp.read()
    except urllib.error.HTTPError as exc:
        data = exc.read()
        return exc.code, _code(data), data


def _half_post(port: int, headers: dict, length: int, sent: bytes = b"x" * 10) -> socket.socket:
    s = socket.create_connection(("127.0.0.1", port), timeout=30)
    head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    s.sendall(f"POST /bundles HTTP/1.1\r\nHost: x\r\nContent-Length: {length}\r\n{head}\r\n".encode() + sent)
    return s


def _answer(s: socket.socket) -> tuple[int, str]:
    """Status and JSON code of the reply on a socket whose body was never (fully) sent."""
    data = b""
    while b"\r\n\r\n" not in data or not data.rstrip().endswith(b"}"):
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    s.close()
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), _code(body)


def test_half_sent_posts_and_huge_bodies_cost_neither_threads_nor_memory(server):
    """Finding 3: 200 half-finished POSTs held 202 threads for a minute; four 200 MB bodies took 744 MB. Now the
    signature and the size are checked before the body is read, a stalled body is cut at its deadline, one office
    cannot hold more than two requests, and another office is served meanwhile."""
    intake, url, a, b = server
    port = int(url.rsplit(":", 1)[1])
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    threads_before = threading.active_count()
    unsigned = [_half_post(port, {}, 1_000_000) for _ in range(200)]
    huge = [_half_post(port, a.headers("POST", "/bundles", 200 << 20), 200 << 20, b"") for _ in range(2)]
    huge += [_half_post(port, b.headers("POST", "/bundles", 200 << 20), 200 << 20, b"") for _ in range(2)]
    assert threading.active_count() - threads_before < 20  # asyncio: a connection is not a thread
    assert {_answer(s) for s in unsigned} == {(401, "AUTH_MISSING")}
    assert {_answer(s) for s in huge} == {(413, "BUNDLE_OVERSIZED")}
    # A's seven stalled POSTs go out only once the 204 above are answered: behind a full accept queue a third
    # POST could reach the server after the first two had already met their deadline, and take a freed slot.
    signed = [_half_post(port, a.headers("POST", "/bundles", 1_000_000), 1_000_000) for _ in range(7)]
    status, body, _ = b.request(url, "/bundles", b.bundle(b.listing_lines(4)))  # while A's two are stalled
    assert status == 200 and b.read_receipt(body)[1] == [1, 2, 3, 4]
    answers = sorted(_answer(s) for s in signed)  # two of A's are read until their deadline, five are turned away
    assert answers == [(408, "BODY_TIMEOUT")] * 2 + [(429, "OFFICE_BUSY")] * 5
    assert (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024 < 64  # MiB: no body was read
    status, body, _ = a.request(url, "/bundles", a.bundle(a.listing_lines(4)))  # A's slots are free again
    assert status == 200
    silent = socket.create_connection(("127.0.0.1", port), timeout=30)  # headers started, then nothing
    silent.sendall(b"POST /bundles HTTP/1.1\r\nHost: x\r\n")
    assert silent.recv(65536) == b""  # closed by the server's read timeout (3 s here), not held open
    silent.close()


def test_tls_from_certificate_files(platform, tmp_path):
    intake, plat = platform
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True)
    a = FakeOffice(plat, seed=3)
    intake.register_office(a.keyfile())
    srv = serve(intake, "127.0.0.1", 0, ServerConfig(certfile=str(cert), keyfile=str(key)))
    port = srv.server_address[1]
    try:
        status, body, _ = a.request(f"https://127.0.0.1:{port}", "/bundles", a.bundle(a.listing_lines(4)),
                                    cafile=str(cert))
        assert status == 200 and a.read_receipt(body)[1] == [1, 2, 3, 4]
        with pytest.raises((urllib.error.URLError, ConnectionError, OSError)):
            a.request(f"http://127.0.0.1:{port}", f"/downstream/{a.office}", timeout=10)  # plain HTTP: no answer
    finally:
        srv.shutdown()


def test_per_office_rate_limit(platform):
    intake, plat = platform
    a, b = FakeOffice(plat, seed=4), FakeOffice(plat, seed=5)
    for o in (a, b):
        intake.register_office(o.keyfile())
    srv, url = _running(intake, ServerConfig(rate_per_second=0.5, rate_burst=3))
    try:
        answers = [a.request(url, f"/downstream/{a.office}") for _ in range(5)]
        assert [s for s, _, _ in answers[:3]] == [200, 200, 200]
        status, body, headers = answers[3]
        assert status == 429 and _code(body) == "RATE_LIMITED" and int(headers["retry-after"]) >= 1
        assert b.request(url, f"/downstream/{b.office}")[0] == 200  # per office: B is not slowed by A
    finally:
        srv.shutdown()


def test_old_bundles_on_a_usb_stick_open_after_the_platform_rotates_its_key(server):
    """Finding 5: one decryption key only. Every earlier platform key is kept; the manifest names which one."""
    intake, url, a, _ = server
    on_usb = a.bundle(a.listing_lines(4))  # sealed to the platform's first encryption key
    doc = intake.rotate_platform_key()
    status, body, _ = a.request(url, "/bundles", on_usb)
    assert status == 200 and a.read_receipt(body)[1] == [1, 2, 3, 4]
    a.platform_enc = __import__("base64").b64decode(doc["enc_public"])  # the office imports the new key file
    status, body, _ = a.request(url, "/bundles", a.bundle(a.listing_lines(4)))
    assert status == 200 and a.read_receipt(body)[1] == [5, 6, 7, 8]
    reopened = Intake(Path(intake.folder))  # a restarted platform still holds both
    assert len([k for k in reopened.enc_keys.values() if len(k) == 32]) == 2  # + its gm/1 key (issue 22)
    reopened.close()


def test_every_listing_of_a_subject_across_offices(server):
    """The platform's reason to exist: who is listed where (view subject_listings, by national id)."""
    intake, url, a, b = server
    assert a.request(url, "/bundles", a.bundle(a.listing_lines(8)))[0] == 200
    subject = {k: intake.stored_changes(a.office)[0]["state"][k] for k in ("kind", "name", "id_type", "id_number")}
    assert b.request(url, "/bundles", b.bundle(b.listing_lines(4, subject)))[0] == 200  # B lists the same company
    rows = intake.subject_listings(subject["id_type"], subject["id_number"], actor="李工", reason="联合惩戒核查",
                                   unmasked=True)
    assert sorted(r["office_id"] for r in rows) == sorted([a.office, b.office])
    assert all(r["list_type"] == "black" and r["subject_name"] == subject["name"] for r in rows)
    assert intake.subject_listings("uscc", "000000000000000000", actor="李工", reason="联合惩戒核查") == []


def test_r6_a_decision_resting_on_a_rejected_record_and_case_is_rejected_and_never_shown_confirmed(
        story_clock, office, secret_files, tmp_path, data_dir):  # the listing is walked on the calendar (R5)
    """Finding 4: the decision was accepted while the record and case it rests on were rejected, and the office
    showed 平台已确认接收. Now every change resting on a rejected one is rejected with the reason, and the office's
    shared state follows only accepted changes (R6)."""
    intake_dir = pair(office, tmp_path)
    kit.staff(office, secret_files)
    subject = kit.company(office, 21)
    with session(data_dir) as s, s.ledger.tx() as tx:  # a broken restatement of the subject reaches the platform
        tx.change("subject", subject, "update", {"kind": "legal_person", "name": "", "id_type": "uscc",
                                                 "id_number": ""})
    case_id = kit.black_listing(office, subject)
    srv = serve(Intake(intake_dir), "127.0.0.1", 0)
    try:
        code, out, err = office("--json", "bundle", "export", "--send", "--url",
                                f"http://127.0.0.1:{srv.server_address[1]}")
    finally:
        srv.shutdown()
    assert code == 0, out + err
    receipt = json.loads(out)["receipts"][0]
    assert receipt["rejected"] >= 4 and case_id not in receipt.get("cases_shared", [])
    assert not kit.show(office, case_id).get("shared_at")  # never 平台已确认接收
    quarantine = json.loads(office("--json", "bundle", "status")[1])["quarantine"]
    codes = {(q["entity"], q["op"]): q["code"] for q in quarantine}
    assert codes[("subject", "update")] == "SUBJECT_INCOMPLETE"
    assert codes[("case", "decide")] == "DEPENDS_ON_REJECTED"
    assert any(e == "record" and c == "DEPENDS_ON_REJECTED" for (e, _), c in codes.items())
    decide = next(q for q in quarantine if (q["entity"], q["op"]) == ("case", "decide"))
    assert "已被平台退回" in decide["reason_zh"]


def test_migrations_apply_all_or_nothing(platform_dsn, monkeypatch):
    """Plain versioned SQL files, every pending one in ONE transaction: a failing file leaves nothing applied."""
    import psycopg

    from credit_desk.intake import pgstore
    good = pgstore.migrations()
    monkeypatch.setattr(pgstore, "migrations", lambda: good + [(9999, "9999_break_things.sql", "SELECT 1/0;")])
    with pytest.raises(psycopg.errors.DivisionByZero):
        pgstore.migrate(platform_dsn, "migration_probe")
    with psycopg.connect(platform_dsn) as conn:
        assert conn.execute("SELECT count(*) FROM information_schema.schemata WHERE schema_name = %s",
                            ("migration_probe",)).fetchone()[0] == 0
    monkeypatch.setattr(pgstore, "migrations", lambda: good)
    assert pgstore.migrate(platform_dsn, "migration_probe") == [name for _, name, _ in good]
    assert pgstore.migrate(platform_dsn, "migration_probe") == []  # applied once


def test_slowloris_headers_trickled_byte_by_byte_are_cut_off(server):
    """Headers sent one byte at a time (each read well inside the read timeout) still cannot hold a connection:
    Hypercorn's keep-alive timer runs from the connection's start until a request's headers are complete."""
    intake, url, a, _ = server
    s = socket.create_connection(("127.0.0.1", int(url.rsplit(":", 1)[1])), timeout=30)
    s.settimeout(0.5)
    request = b"GET /downstream/" + a.office.encode() + b" HTTP/1.1\r\nHost: x\r\nX-Padding: " + b"a" * 200
    closed = False
    for byte in request:  # 250+ bytes at one per 0.5 s would take two minutes
        try:
            s.sendall(bytes([byte]))
            if s.recv(1) == b"":
                closed = True
                break
        except socket.timeout:
            continue
        except OSError:
            closed = True
            break
    s.close()
    assert closed
    assert a.request(url, "/health", signed=False)[0] == 200
