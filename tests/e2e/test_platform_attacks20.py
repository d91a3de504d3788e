"""Issue 20, the platform side attacked from outside (att20): each attack is performed against the real server
(Hypercorn on 127.0.0.1, a real PostgreSQL cluster) and shows the refusal — a JSON error with a code, nothing filed,
no key learned."""

from __future__ import annotations

import json
import socket
from datetime import datetime, timedelta

import pytest

from credit_desk.domain import signing
from credit_desk.intake.receiver import Intake
from credit_desk.intake.server import ServerConfig, serve
from credit_desk.sync import bundle, crypto, keyfiles, manifest as mf, payload, reqauth
from tests.platform_kit import FakeOffice

CONFIG = ServerConfig(max_body_bytes=1 << 20, body_seconds=2.0, read_timeout=3.0, rate_per_second=50,
                      rate_burst=200)


@pytest.fixture
def server(tmp_path, platform_dsn):
    folder = tmp_path / "intake"
    Intake.init(folder)
    intake = Intake(folder, pool_size=8)
    plat = json.loads((folder / "platform.keys.json").read_text())
    srv = serve(intake, "127.0.0.1", 0, CONFIG)
    a, b = FakeOffice(plat, seed=11), FakeOffice(plat, seed=12)
    for o in (a, b):
        intake.register_office(o.keyfile())
    yield intake, srv.server_address[1], a, b
    srv.shutdown()
    intake.close()


def _exchange(port: int, data: bytes, timeout: float = 15) -> tuple[int, dict | None, bytes]:
    """Send raw bytes, read one answer: (status, JSON body or None, raw body)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(data)
        got = b""
        while True:
            head, sep, body = got.partition(b"\r\n\r\n")
            if sep:
                length = [int(line.split(b":")[1]) for line in head.split(b"\r\n")
                          if line.lower().startswith(b"content-length:")]
                if length and len(body) >= length[0]:
                    break
            chunk = s.recv(65536)
            if not chunk:
                break
            got += chunk
    head, _, body = got.partition(b"\r\n\r\n")
    assert b"Traceback" not in body and b'File "' not in body
    status = int(head.split()[1])
    if b"transfer-encoding: chunked" in head.lower():  # the WebSocket refusal comes chunked
        size, _, rest = body.partition(b"\r\n")
        body = rest[:int(size, 16)]
    try:
        doc = json.loads(body)
    except ValueError:
        doc = None
    return status, doc, body


def _request(method: str, target: str, headers: dict, body: bytes = b"", extra: bytes = b"") -> bytes:
    lines = [f"{method} {target} HTTP/1.1", "Host: x", *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n").encode("latin-1") + extra + b"\r\n" + body


def _post(office: FakeOffice, data: bytes, signer: FakeOffice | None = None) -> bytes:
    signer = signer or office
    return _request("POST", "/bundles", {**signer.headers("POST", "/bundles", len(data)),
                                         "Content-Length": str(len(data))}, data)


def _code(answer) -> tuple[int, str | None]:
    status, doc, body = answer
    assert doc is not None, (status, body[:200])
    return status, doc.get("code")


def _endorse(old: bytes, new_public: bytes, last_sequence: int | None = None) -> dict:
    entry = {"public_key": keyfiles.b64(new_public), "endorsed_by": crypto.key_id(signing.public_of(old)),
             "signature": keyfiles.b64(signing.sign(old, signing.Use.KEY_ENDORSEMENT,
                                                    keyfiles.endorsement_message(new_public, last_sequence)))}
    if last_sequence is not None:
        entry["last_sequence"] = last_sequence
    return entry


def _bundle(o: FakeOffice, sign_private: bytes, *, made: datetime, chain: list[dict]) -> bytes:
    """The office's next bundle, signed by ``sign_private``, claiming ``made``, carrying the endorsement ``chain``."""
    lines = o.listing_lines(4)
    ids = [json.loads(x)["id"] for x in lines]
    o.seq += 1
    fields = {"type": "changes", "sender": {"role": "office", "id": o.office, "region": o.region, "code": "t"},
              "office": o.office, "sequence": o.seq, "previous_hash": o.prev, "created_at": mf.utc_text(made),
              "expires_at": mf.utc_text(made + timedelta(days=30)), "change_range": [min(ids), max(ids)],
              "counts": {"changes": len(lines), "attachments": 0}, "key_endorsements": chain}
    data, _ = bundle.make(fields, payload.encode_lines(lines), sign_private, o.platform_enc)
    o.prev = crypto.sha256_hex(data)
    return data


def _get(port: int, o: FakeOffice, sign_private: bytes) -> tuple[int, str | None]:
    target = f"/downstream/{o.office}"
    headers = reqauth.sign_headers(sign_private, o.office, "GET", target, 0)
    status, doc, _ = _exchange(port, _request("GET", target, headers))
    return status, (doc or {}).get("code")


def test_r14_a_key_closed_by_rotation_never_introduces_a_key_through_a_backdated_bundle(server):
    """The office's PC is stolen; the platform rotates its keys (audited). The thief holds the old key and the chain
    head: a bundle claiming yesterday, signed by the old key, endorsing the thief's key, was accepted, and the
    thief's key became a current key of the office (it signed requests and could sign bundles for good). Now a
    closed key vouches for nothing new: the thief's key is unknown, nothing is filed, no key is learned."""
    intake, port, a, _ = server
    assert _exchange(port, _post(a, a.bundle(a.listing_lines(4))))[0] == 200
    stolen, fresh, thief = a.sign, signing.new_private(), signing.new_private()
    intake.rotate_office_keys(a.keyfile(fresh), actor="王工", reason="办公电脑被盗，旧密钥停用")
    a.sign = fresh  # the office's own requests
    yesterday = datetime.now() - timedelta(days=1)
    forged = _bundle(a, thief, made=yesterday, chain=[_endorse(stolen, signing.public_of(thief))])
    assert _code(_exchange(port, _post(a, forged))) == (422, "BUNDLE_UNKNOWN_KEY")
    a.seq -= 1
    a.prev = intake.store.state(a.office)["last_hash"]
    # the same endorsement in a bundle signed by the stolen key itself: the key is not learned either
    same = _bundle(a, stolen, made=yesterday, chain=[_endorse(stolen, signing.public_of(thief))])
    # routine rotation: a bundle made before it still opens (the USB stick) ...
    assert _exchange(port, _post(a, same))[0] == 200
    assert crypto.key_id(signing.public_of(thief)) not in {k["key_id"] for k in intake.office_sign_keys(a.office)}
    assert _get(port, a, thief) == (401, "AUTH_FAILED")  # ... but the thief's key is no key of the office
    assert _get(port, a, fresh) == (200, None)
    assert intake.counts(a.office)["bundles"] == 2


def test_r14_a_revoked_key_opens_nothing_more_whatever_date_it_claims(server):
    """``intake rotate-keys --revoke`` (the key is lost or stolen): the old signing key is bounded at the last bundle
    the platform holds, so a backdated bundle signed by it is refused (BUNDLE_KEY_RETIRED), while a routine
    rotation still opens the bundle made before it (test above, and the USB-stick test of the issue)."""
    intake, port, a, _ = server
    assert _exchange(port, _post(a, a.bundle(a.listing_lines(4))))[0] == 200
    stolen, fresh = a.sign, signing.new_private()
    out = intake.rotate_office_keys(a.keyfile(fresh), actor="王工", reason="办公电脑被盗，旧密钥作废", revoke=True)
    assert out["revoked_above"] == 1
    assert [r["action"] for r in intake.key_audit(a.office)] == ["register", "revoke"]
    a.sign = fresh
    backdated = _bundle(a, stolen, made=datetime.now() - timedelta(days=1), chain=[])
    assert _code(_exchange(port, _post(a, backdated))) == (422, "BUNDLE_KEY_RETIRED")
    assert intake.counts(a.office)["bundles"] == 1
    a.seq -= 1
    a.prev = intake.store.state(a.office)["last_hash"]
    assert _exchange(port, _post(a, a.bundle(a.listing_lines(4))))[0] == 200  # the new key goes on


def test_r14_a_rotated_out_key_past_its_bound_cannot_endorse_a_second_successor(server):
    """Issue 22's bound (the old key signed nothing above sequence N) was bypassed through the endorsement chain:
    the old key endorsed a thief's key in a later bundle, which the thief's key signed — the bound is checked on
    the signing key only. Now a key with a recorded bound introduces no new key. And the rotated-out key, left open
    when the platform learned the rotation from a bundle, still signed the office's requests: it is closed now."""
    intake, port, a, _ = server
    assert _exchange(port, _post(a, a.bundle(a.listing_lines(4))))[0] == 200
    old, new, thief = a.sign, signing.new_private(), signing.new_private()
    rotation = [_endorse(old, signing.public_of(new), last_sequence=1)]
    learned = _bundle(a, new, made=datetime.now(), chain=rotation)  # the office's own rotation, learned
    assert _exchange(port, _post(a, learned))[0] == 200  # the request still signed by the old key
    a.sign = new
    assert [k["last_seq"] for k in intake.office_sign_keys(a.office)][0] == 1
    # the rotated-out key signs no request any more (it held the office's two request slots with stalled bodies)
    assert _get(port, a, old) == (401, "AUTH_FAILED") and _get(port, a, new) == (200, None)
    stalled = [socket.create_connection(("127.0.0.1", port), timeout=30) for _ in range(2)]
    for s in stalled:  # two stalled POSTs signed by the old key: refused at once, the office's slots stay free
        s.sendall(_request("POST", "/bundles", {**reqauth.sign_headers(old, a.office, "POST", "/bundles", 1000),
                                                "Content-Length": "1000"}))
    assert _exchange(port, _post(a, a.bundle(a.listing_lines(4))))[0] == 200
    for s in stalled:
        assert b" 401 " in s.recv(65536).split(b"\r\n")[0]
        s.close()
    forged = _bundle(a, thief, made=datetime.now() - timedelta(days=3),
                     chain=[_endorse(old, signing.public_of(thief))])
    assert _code(_exchange(port, _post(a, forged))) == (422, "BUNDLE_UNKNOWN_KEY")
    assert len(intake.office_sign_keys(a.office)) == 2 and intake.counts(a.office)["bundles"] == 3


def test_r14_an_office_may_post_only_its_own_bundles(server):
    """Office A's signed request carried office B's bundle: filed (under B) and B's receipt handed to A. Each office
    answers for its own requests, rate limit and quarantine: refused 403, nothing filed; B's own send works."""
    intake, port, a, b = server
    theirs = b.bundle(b.listing_lines(4))
    assert _code(_exchange(port, _post(b, theirs, signer=a))) == (403, "OFFICE_FORBIDDEN")
    assert intake.counts(b.office)["bundles"] == 0
    assert _exchange(port, _post(b, theirs))[0] == 200


def test_r14_a_post_must_declare_the_length_its_signature_covers(server):
    """A chunked POST was signed as length 0, so a captured header carried any body for five minutes (and
    Content-Length beside Transfer-Encoding let the two disagree). The signature binds the declared length: a POST
    without Content-Length, or with any Transfer-Encoding, is refused 411 before a body byte is read."""
    intake, port, a, _ = server
    data = a.bundle(a.listing_lines(4))
    chunked = f"{len(data):x}\r\n".encode() + data + b"\r\n0\r\n\r\n"
    for signed in (0, len(data)):
        headers = {**a.headers("POST", "/bundles", signed), "Transfer-Encoding": "chunked"}
        assert _code(_exchange(port, _request("POST", "/bundles", headers, chunked))) == (411, "LENGTH_REQUIRED")
    both = {**a.headers("POST", "/bundles", len(data)), "Content-Length": str(len(data)),
            "Transfer-Encoding": "chunked"}
    assert _code(_exchange(port, _request("POST", "/bundles", both, chunked))) == (411, "LENGTH_REQUIRED")
    assert intake.counts(a.office)["bundles"] == 0
    assert _exchange(port, _post(a, data))[0] == 200


def test_r14_query_parameters_repeated_or_in_other_digits_are_refused(server):
    """?after=1&after=9 was read as 9 and ?after=٣ (Arabic-Indic) or ３ (full width) as numbers: QUERY_BAD now; the
    receipt number in the path takes ASCII digits only."""
    intake, port, a, _ = server
    for query in ("after=1&after=1", "after=1&after=9", "after=%D9%A3", "after=%EF%BC%93"):
        target = f"/downstream/{a.office}?{query}"
        assert _code(_exchange(port, _request("GET", target, a.headers("GET", target)))) == (400, "QUERY_BAD")
    target = f"/receipts/{a.office}/\uff11"  # the path as the server decodes it, signed as such
    raw = f"/receipts/{a.office}/%EF%BC%91"
    assert _code(_exchange(port, _request("GET", raw, a.headers("GET", target)))) == (404, "NOT_FOUND")
    target = f"/downstream/{a.office}?after=0"
    assert _exchange(port, _request("GET", target, a.headers("GET", target)))[0] == 200


def test_r14_protocol_errors_answer_json_and_the_server_speaks_http_1_1_only(server):
    """Requests refused by the HTTP parser itself got a bare status with an empty body; an Upgrade: websocket got a
    bare 500; the HTTP/2 preface and Upgrade: h2c switched the connection to HTTP/2, a second protocol stack none of
    the guards were built for. Each is now a JSON error with a code; HTTP/2 is refused (505), h2c is ignored."""
    intake, port, a, _ = server
    target = f"/downstream/{a.office}"
    cases = [
        (b"GARBAGE\r\n\r\n", 400, "REQUEST_MALFORMED"),
        (b"GET /health HTTP/1.1\r\nHost: x\r\nbroken\r\n\r\n", 400, "REQUEST_MALFORMED"),
        (b"GET /health HTTP/1.1\r\nHost: x\r\nX-A: a\x00b\r\n\r\n", 400, "REQUEST_MALFORMED"),
        (_request("POST", "/bundles", {"Content-Length": "-1"}), 400, "REQUEST_MALFORMED"),
        (_request("POST", "/bundles", {"Transfer-Encoding": "gzip"}), 501, "NOT_IMPLEMENTED"),
        (_request("GET", target, {"X-Pad": "a" * 200_000}), 431, "HEADERS_TOO_LARGE"),
        (b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 505, "HTTP_VERSION"),
        (_request("GET", target, {**a.headers("GET", target), "Connection": "Upgrade", "Upgrade": "websocket",
                                  "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version": "13"}),
         400, "WEBSOCKET_REFUSED"),
    ]
    for data, status, code in cases:
        assert _code(_exchange(port, data)) == (status, code), data[:40]
    h2c = _request("GET", target, {**a.headers("GET", target), "Connection": "Upgrade, HTTP2-Settings",
                                   "Upgrade": "h2c", "HTTP2-Settings": "AAMAAABkAAQAAP__"})
    status, doc, _ = _exchange(port, h2c)
    assert (status, doc) == (200, {"files": []})  # answered in HTTP/1.1, never 101 Switching Protocols
    assert _exchange(port, _request("GET", "/health", {}))[0] == 200


def _bomb(o: FakeOffice, plain_mib: int) -> bytes:
    """A signed bundle whose payload inflates to ``plain_mib`` MiB of well-formed change lines (one line repeated:
    ~0.4 MB on the wire); every line is parsed before the ids are found wrong, so it costs the whole parse."""
    state = {"kind": "legal_person", "name": "x" * 50, "id_type": "uscc", "id_number": "91320800MA1XXXXXXX"}
    line = payload.change_line(999, mf.utc_text(datetime.now()), "subject", "1", "insert", json.dumps(state))
    n = (plain_mib << 20) // (len(line) + 1)
    now = datetime.now()
    fields = {"type": "changes", "sender": {"role": "office", "id": o.office, "region": o.region, "code": "t"},
              "office": o.office, "sequence": 1, "previous_hash": mf.GENESIS_HASH, "created_at": mf.utc_text(now),
              "expires_at": mf.utc_text(now + timedelta(days=30)), "change_range": [999, 999],
              "counts": {"changes": n, "attachments": 0}}
    data, _ = bundle.make(fields, ("\n".join([line] * n) + "\n").encode(), o.sign, o.platform_enc)
    return data


def test_r14_compression_bombs_in_flight_share_a_memory_budget(tmp_path, platform_dsn):
    """A signed office's 0.4 MB bundle inflating to 64 MiB of JSON lines costs the server ~0.5 GB while it is
    parsed (the national plain limit is 1 GiB: ~8 GB a bundle); four such bundles from two offices at once took
    ~2 GB. The declared plain sizes in flight now share a budget (--plain-budget-mb): with 64 MiB they are received
    one after another and the server's peak stays near one bundle's cost. Each is refused, none is filed."""
    import concurrent.futures

    from tests.platform_kit import peak_rss_mb, serve_subprocess
    folder = tmp_path / "intake"
    Intake.init(folder)
    intake = Intake(folder)
    plat = json.loads((folder / "platform.keys.json").read_text())
    offices = [FakeOffice(plat, seed=21), FakeOffice(plat, seed=22)]
    for o in offices:
        intake.register_office(o.keyfile())
    bombs = [(o, _bomb(o, 64)) for o in offices for _ in range(2)]
    proc, url = serve_subprocess(folder, "--plain-budget-mb", "64", "--rate", "100")
    port = int(url.rsplit(":", 1)[1])
    try:
        idle = peak_rss_mb(proc.pid)
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            answers = list(pool.map(lambda ob: _code(_exchange(port, _post(*ob), timeout=300)), bombs))
        peak = peak_rss_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(30)
    assert answers == [(422, "BUNDLE_PAYLOAD_BAD")] * 4
    assert all(intake.counts(o.office)["bundles"] == 0 for o in offices)
    intake.close()
    print(f"server peak {peak:.0f} MiB (idle {idle:.0f} MiB)")
    assert peak - idle < 1000, (idle, peak)  # one 64 MiB bundle at a time (~500 MiB); all four at once: ~2 GB


def test_r14_r15_a_look_across_offices_is_logged_and_a_persons_name_masked(server):
    """The cross-office view answered anyone at the platform's console about any subject, unlogged, with a
    person's full name. Now the look needs who and why (QUERY_REASON_MISSING), is logged in the same transaction
    (who, when, what, why, unmasked or not: R14), and a natural person's name is masked unless asked (R15)."""
    import subprocess
    import sys

    from credit_desk.domain.errors import DomainError
    intake, port, a, b = server
    import datetime as dt
    import random

    from credit_desk.domain import demo
    ric = demo.ric(random.Random(5), "320812", dt.date(1980, 1, 1), dt.date(1990, 1, 1))
    person = {"kind": "natural_person", "name": "张小明", "id_type": "ric", "id_number": ric}
    company = {k: v for k, v in a.subject_state().items()}
    for o, subj in ((a, person), (b, person), (b, company)):
        assert _exchange(port, _post(o, o.bundle(o.listing_lines(4, subj))))[0] == 200
    with pytest.raises(DomainError) as info:
        intake.subject_listings("ric", person["id_number"], actor="", reason="")
    assert info.value.code == "QUERY_REASON_MISSING"
    rows = intake.subject_listings("ric", person["id_number"], actor="李工", reason="联合惩戒核查")
    assert sorted(r["office_id"] for r in rows) == sorted([a.office, b.office])
    assert {r["subject_name"] for r in rows} == {"张*明"}  # masked (R15)
    rows = intake.subject_listings("ric", person["id_number"], actor="李工", reason="法院协查", unmasked=True)
    assert {r["subject_name"] for r in rows} == {"张小明"}
    rows = intake.subject_listings("uscc", company["id_number"], actor="李工", reason="招投标核查")
    assert [r["subject_name"] for r in rows] == [company["name"]]  # an organisation's name is public
    log = intake.query_log()
    assert [(q["actor"], q["reason"], q["subject_no"], q["unmasked"], q["n_rows"]) for q in log] == [
        ("李工", "联合惩戒核查", f"ric:{person['id_number']}", False, 2),
        ("李工", "法院协查", f"ric:{person['id_number']}", True, 2),
        ("李工", "招投标核查", f"uscc:{company['id_number']}", False, 1)]
    cli = [sys.executable, "-m", "credit_desk", "--json", "intake", "listings", "--data", str(intake.folder),
           "--id-type", "ric", "--id-number", person["id_number"]]
    done = subprocess.run(cli, capture_output=True, text=True)
    assert done.returncode != 0 and "--actor" in done.stderr  # the command line asks for who and why too
    done = subprocess.run(cli + ["--actor", "王工", "--reason", "信用修复核查"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "张小明" not in done.stdout and "张*明" in done.stdout
    assert len(intake.query_log()) == 4


def _rewrapped(a: FakeOffice, b: FakeOffice) -> bytes:
    """B's signed manifest around A's sealed payload: signed by a registered key, undecryptable (quarantined)."""
    from credit_desk.sync import container
    from credit_desk.sync.limits import DEFAULT
    manifest, _, sealed = container.unpack(a.bundle(a.listing_lines(8)), DEFAULT)
    doc = json.loads(manifest)
    doc.update(office=b.office, sender={"role": "office", "id": b.office, "region": "320812", "code": "t"},
               key_fingerprint=crypto.key_id(signing.public_of(b.sign)))
    raw = mf.dump(doc)
    return container.pack(raw, signing.sign(b.sign, signing.Use.BUNDLE_MANIFEST, raw), sealed)


def test_r14_the_quarantine_keeps_a_refused_file_once_and_within_a_budget(server, monkeypatch):
    """Every refused-but-signed file was stored whole in the quarantine, again at each re-send (an office re-sends a
    refused bundle at every sync), with no bound: a key holder could fill the platform's disk at the request rate
    with 64 MiB files. Now a file is kept once, and an office's kept files stay within a budget (past it the row
    records the refusal without the file)."""
    from credit_desk.intake import receiver
    intake, port, a, b = server
    first = _rewrapped(a, b)
    monkeypatch.setattr(receiver, "QUARANTINE_KEEP_BYTES", int(len(first) * 2.5))
    for _ in range(3):  # the same file three times: kept once
        assert _code(_exchange(port, _post(b, first))) == (422, "BUNDLE_DECRYPT_FAILED")
    assert [q["kept_bytes"] for q in intake.quarantined(b.office)] == [len(first)]
    more = [_rewrapped(a, b) for _ in range(3)]
    for data in more:
        assert _code(_exchange(port, _post(b, data))) == (422, "BUNDLE_DECRYPT_FAILED")
    kept = [q["kept_bytes"] for q in intake.quarantined(b.office)]
    assert kept[:2] == [len(first), len(more[0])] and kept[2:] == [None, None]  # past the budget: rows only
    assert intake.counts(b.office)["bundles"] == 0
