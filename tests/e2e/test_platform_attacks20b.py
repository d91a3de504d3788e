"""Issue 20, the platform side attacked again with fresh eyes (att20b): each attack is performed against the real
server (Hypercorn on 127.0.0.1, a real PostgreSQL cluster started by the test set-up) and shows the refusal or the
right result — a JSON error with a code, never a 500 for what the office sent, nothing filed twice."""

from __future__ import annotations

import json
import os
import time
from datetime import datetime, timedelta

import pytest

from credit_desk.intake.receiver import Intake
from credit_desk.intake.server import ServerConfig, serve
from credit_desk.sync import bundle, crypto, manifest as mf, payload
from tests.e2e.test_platform_attacks20 import _code, _exchange, _post
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
    a, b = FakeOffice(plat, seed=21), FakeOffice(plat, seed=22)
    for o in (a, b):
        intake.register_office(o.keyfile())
    yield intake, srv.server_address[1], a, b
    srv.shutdown()
    intake.close()


def _made(o: FakeOffice, lines: list[str], **manifest) -> bytes:
    """The office's next bundle with ``manifest`` fields set as given (change_range, ...), signed and sealed."""
    ids = [json.loads(x)["id"] for x in lines]
    o.seq += 1
    now = datetime.now()
    fields = {"type": "changes", "sender": {"role": "office", "id": o.office, "region": o.region, "code": "t"},
              "office": o.office, "sequence": o.seq, "previous_hash": o.prev, "created_at": mf.utc_text(now),
              "expires_at": mf.utc_text(now + timedelta(days=30)),
              "change_range": [min(ids, default=1), max(ids, default=1)],
              "counts": {"changes": len(lines), "attachments": 0}, **manifest}
    data, _ = bundle.make(fields, payload.encode_lines(lines), o.sign, o.platform_enc)
    o.prev = crypto.sha256_hex(data)
    return data


def _undo(o: FakeOffice, intake: Intake) -> None:
    """The office forgets a bundle the platform refused (its chain continues from what the platform holds)."""
    o.seq -= 1
    o.prev = intake.store.state(o.office)["last_hash"] or mf.GENESIS_HASH


def _line(cid: int, entity: str, eid, op: str, state: dict) -> str:
    return payload.change_line(cid, mf.utc_text(datetime.now()), entity, str(eid), op,
                               json.dumps(state, ensure_ascii=False))


def test_r13_a_repair_resting_on_a_rejected_record_is_rejected_and_never_confirmed(server):
    """A repair request and its decision name the record they repair in "targets" ([kind, id]); the platform did
    not read it: with the record rejected (its subject never shared), the repair and its decision were accepted and
    the office showed the repair as confirmed by the platform. Now both are rejected, naming the record."""
    intake, port, a, _ = server
    status, _, receipt = _exchange(port, _post(a, a.bundle(a.listing_lines(4))))  # subject 1 … decision 4
    assert status == 200
    lines = [_line(5, "record", 50, "insert", {"id": 50, "subject_id": 999, "kind": "penalty"}),
             _line(6, "repair", 60, "insert", {"id": 60, "subject_id": 1, "targets": [["record", 50]]}),
             _line(7, "repair", 60, "decide", {"id": 60, "subject_id": 1, "state": "repaired",
                                               "targets": [["record", 50]]}),
             _line(8, "repair", 61, "insert", {"id": 61, "subject_id": 1, "targets": [["case", 3]]})]
    a.next_id = 9
    status, _, receipt = _exchange(port, _post(a, a.bundle(lines)))
    assert status == 200
    _, accepted, rejected = a.read_receipt(receipt)
    codes = {r["id"]: r["code"] for r in rejected}
    assert codes == {5: "SUBJECT_NOT_SHARED", 6: "DEPENDS_ON_REJECTED", 7: "DEPENDS_ON_REJECTED"}
    assert accepted == [8]  # a repair of a case the platform holds goes through
    assert "record 50" in next(r for r in rejected if r["id"] == 6)["reason_en"]


def test_r14_a_malformed_change_range_is_refused_with_its_code_not_a_500(server):
    """A signed manifest whose change_range was {"a": 1}, [1], ["x", "y"], [null, null] or "ab" made the intake fail
    inside (500 INTERNAL): the office retries a 5xx for ever and the platform's IT sees only a traceback in its
    log. Refused now, 422 BUNDLE_MANIFEST_BAD naming change_range; and so are change ids below 1 (the change log
    starts at 1) and changes in a bundle naming no range."""
    intake, port, a, _ = server
    lines = a.listing_lines(4)
    for rng in ({"a": 1}, [1], ["x", "y"], [None, None], "ab", [1, 2, 3], [True, 4], [4, 1], [-5, 4], [0, 4]):
        answer = _exchange(port, _post(a, _made(a, lines, change_range=rng)))
        assert _code(answer) == (422, "BUNDLE_MANIFEST_BAD"), rng
        assert "change_range" in answer[1]["message_en"]
        _undo(a, intake)
    cut = _line(a.next_id, "setting", "k", "upsert", {"value": 1})
    data = _made(a, [cut], change_range=None)  # changes, and no range at all
    assert _code(_exchange(port, _post(a, data))) == (422, "BUNDLE_PAYLOAD_BAD")
    _undo(a, intake)
    assert intake.counts(a.office)["bundles"] == 0
    assert _exchange(port, _post(a, a.bundle(lines)))[0] == 200


def test_r14_the_same_changes_again_under_the_next_sequence_are_never_filed_twice(server):
    """The chain is checked by sequence and previous hash, the changes only by (office, sequence, change id): the
    same four changes sent again as the next bundle (sequence 2, right previous hash) were filed a second time —
    and so were change ids below the last ones filed. Refused now, 409 BUNDLE_CHANGES_REPLAYED, nothing filed; the
    same bundle twice is still answered with its receipt, a sequence replayed with other content and a gap are
    refused, and the office's real next bundle goes through."""
    intake, port, a, _ = server
    lines = a.listing_lines(4)
    first = a.bundle(lines)
    assert _exchange(port, _post(a, first))[0] == 200
    again = _exchange(port, _post(a, first))  # the same bundle twice: its receipt's address
    assert _code(again) == (409, "BUNDLE_REPLAY") and again[1]["receipt"] == f"/receipts/{a.office}/1"
    for replayed in (lines, lines[2:], [_line(3, "setting", "k", "upsert", {"value": 1})]):
        answer = _exchange(port, _post(a, a.bundle(replayed)))
        assert _code(answer) == (409, "BUNDLE_CHANGES_REPLAYED"), replayed
        _undo(a, intake)
    assert intake.change_keys(a.office) == [(1, 1), (1, 2), (1, 3), (1, 4)]
    seq, prev = a.seq, a.prev
    a.seq, a.prev = 0, mf.GENESIS_HASH  # sequence 1 again, other content
    other = _exchange(port, _post(a, a.bundle(a.listing_lines(4))))
    assert _code(other) == (409, "BUNDLE_REPLAY") and "receipt" not in other[1]
    a.seq, a.prev = seq + 1, prev  # a gap: sequence 3 before 2
    assert _code(_exchange(port, _post(a, a.bundle(a.listing_lines(4))))) == (409, "BUNDLE_SEQUENCE_GAP")
    a.seq, a.prev = seq, prev
    assert _exchange(port, _post(a, a.bundle(a.listing_lines(4))))[0] == 200
    assert [k for k in intake.change_keys(a.office) if k[0] == 2] == [(2, i) for i in range(13, 17)]


def test_r14_what_postgresql_cannot_hold_is_refused_with_its_code_not_a_500(server):
    """A NUL character in a change (a subject's name, an entity id: "\\u0000" in the JSON line) made the whole
    bundle fail inside PostgreSQL — 500 INTERNAL, retried by the office for ever, nothing kept for the platform's
    IT. Refused now, 422 BUNDLE_PAYLOAD_BAD naming the line, and quarantined; a line holding the six characters
    backslash-u-0-0-0-0 as text is not a NUL and goes through."""
    intake, port, a, _ = server
    subject = {"kind": "legal_person", "name": "测试\u0000企业", "id_type": "uscc", "id_number": "x"}
    for line in (_line(1, "subject", 1, "insert", subject), _line(1, "record", "1\u0000", "insert", {"id": 1}),
                 _line(1, "record", 1, "insert", {"id": 1, "n\u0000": 1}),
                 _line(1, "record", 1, "insert", {"id": 1, "x": [{"y": "\u0000"}]})):
        answer = _exchange(port, _post(a, _made(a, [line])))
        assert _code(answer) == (422, "BUNDLE_PAYLOAD_BAD") and "NUL" in answer[1]["message_en"], line
        _undo(a, intake)
    assert [q["code"] for q in intake.quarantined(a.office)] == ["BUNDLE_PAYLOAD_BAD"] * 4
    text = _line(1, "setting", "k", "upsert", {"value": "C:\\u0000"})  # a backslash, then u0000: text
    status, _, receipt = _exchange(port, _post(a, _made(a, [text])))
    assert status == 200 and a.read_receipt(receipt)[1] == [1]


def test_r21_a_decision_with_dates_that_are_not_dates_is_rejected_with_its_reason(server):
    """A 双公示 decision's publish_due and publication_end were only checked to be text; the platform files them in
    date columns, so "abc" (or a number) made the whole bundle fail inside — 500, retried for ever, the office's
    other changes never filed. The change is rejected now (DECISION_INCOMPLETE, with the reason) and the rest of
    the bundle is filed."""
    import datetime as dt

    from credit_desk.domain import disclosure
    from tests.e2e.disclosure_kit import penalty_row
    intake, port, a, _ = server
    decision, errors = disclosure.check_decision(penalty_row(1, dt.date(2026, 10, 20)), dt.date(2026, 11, 1))
    assert not errors
    good = {**decision.to_state(), "publish_due": "2026-10-27", "state": "published"}
    lines = [_line(1, "admin_decision", 1, "insert", good)]
    for i, bad in enumerate(({"publish_due": "abc"}, {"publication_end": "xyz"}, {"publication_end": 7},
                             {"publish_due": "2026-02-30"}, {"publication_end": "2026-10-27T00:00:00"}), 2):
        lines.append(_line(i, "admin_decision", i, "insert", {**good, "id": i, **bad}))
    status, _, receipt = _exchange(port, _post(a, _made(a, lines)))
    assert status == 200
    _, accepted, rejected = a.read_receipt(receipt)
    assert accepted == [1] and [(r["id"], r["code"]) for r in rejected] == [(i, "DECISION_INCOMPLETE")
                                                                            for i in range(2, 7)]


def test_r14_a_platform_key_rotated_while_the_server_runs_opens_new_and_old_bundles(server, tmp_path):
    """The platform's IT rotates its encryption key with the CLI while ``intake serve`` runs (another process,
    another Intake on the same folder): the running server kept the keys it read at start, so every bundle an
    office sealed to the new key was refused BUNDLE_WRONG_RECIPIENT until a restart. Now the server looks the
    recipient up again in the key file: the new bundle opens, and a bundle sealed to the old key before the
    rotation (still on a USB stick) opens too."""
    import base64
    intake, port, a, _ = server
    on_stick = a.bundle(a.listing_lines(4))  # sealed to the key in force before the rotation
    other = Intake(intake.folder)
    try:
        new_keys = other.rotate_platform_key()
    finally:
        other.close()
    assert _exchange(port, _post(a, on_stick))[0] == 200
    a.platform_enc = base64.b64decode(new_keys["enc_public"])
    status, doc, receipt = _exchange(port, _post(a, a.bundle(a.listing_lines(4))))
    assert status == 200, doc
    assert a.read_receipt(receipt)[1] == [5, 6, 7, 8]


def test_r14_a_retired_key_is_never_reinstated_and_a_key_serves_one_office(server):
    """An explicit rotation back to a key the office had rotated out (lost, stolen) reopened it — valid_to set to
    NULL, the interval it stood closed erased — and its holder signed the office's requests again. And a key file
    carrying office A's public keys under a new office id was registered, so A's key signed for a second office.
    Both are refused now (OFFICE_KEY_RETIRED, OFFICE_KEY_TAKEN), nothing changed; the old key still signs
    nothing on the real server, and a rotation to a fresh key works."""
    from credit_desk.domain import signing
    from credit_desk.domain.errors import DomainError
    from tests.e2e.test_platform_attacks20 import _get
    intake, port, a, b = server
    stolen, fresh = a.sign, signing.new_private()
    intake.rotate_office_keys(a.keyfile(fresh), actor="王工", reason="旧密钥随电脑被盗", revoke=True)
    before = intake.office_sign_keys(a.office)
    with pytest.raises(DomainError) as info:
        intake.rotate_office_keys(a.keyfile(stolen), actor="王工", reason="改回原密钥")
    assert info.value.code == "OFFICE_KEY_RETIRED"
    assert intake.office_sign_keys(a.office) == before and len(intake.key_audit(a.office)) == 2
    assert _get(port, a, stolen) == (401, "AUTH_FAILED") and _get(port, a, fresh)[0] == 200
    twin = FakeOffice(json.loads((intake.folder / "platform.keys.json").read_text()), seed=23)
    twin.sign, twin.enc_public = b.sign, b.enc_public  # B's key file under another office id
    with pytest.raises(DomainError) as info:
        intake.register_office(twin.keyfile())
    assert info.value.code == "OFFICE_KEY_TAKEN" and intake.store.office(twin.office) is None
    assert _get(port, twin, b.sign) == (401, "AUTH_FAILED")
    with pytest.raises(DomainError) as info:
        intake.rotate_office_keys(a.keyfile(b.sign), actor="王工", reason="借用他单位密钥")
    assert info.value.code == "OFFICE_KEY_TAKEN"
    newer = signing.new_private()
    intake.rotate_office_keys(a.keyfile(newer), actor="王工", reason="例行更换")
    assert _get(port, a, newer)[0] == 200 and _get(port, a, fresh) == (401, "AUTH_FAILED")


def _serve_cli(folder, *extra: str):
    """``intake serve`` in its own process: (process, output of its first line or its exit)."""
    import socket
    import subprocess
    import sys
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "credit_desk", "intake", "serve", "--data", str(folder), "--host",
                             "127.0.0.1", "--port", str(port), "--workers", "0", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return proc, port


def test_r14_tls_half_given_or_unusable_stops_the_server_instead_of_serving_plain_or_hanging(tmp_path, platform_dsn):
    """``intake serve --certfile c.pem`` without --keyfile (or the reverse) served plain HTTP without a word; a key
    that does not match the certificate, or a missing certificate file, printed "listening on https://…" while the
    server's thread had died — the socket stayed bound and every connection hung. Now each stops the command at
    once with its code (TLS_INCOMPLETE, TLS_BAD) and nothing listens; a matching pair serves HTTPS."""
    import socket
    import ssl
    import subprocess
    folder = tmp_path / "intake"
    Intake.init(folder)
    pems = {}
    for name in ("one", "two"):
        key, cert = tmp_path / f"{name}.key.pem", tmp_path / f"{name}.cert.pem"
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                        "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", "/CN=127.0.0.1",
                        "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True)
        pems[name] = (str(cert), str(key))
    cases = [(["--certfile", pems["one"][0]], "TLS_INCOMPLETE"), (["--keyfile", pems["one"][1]], "TLS_INCOMPLETE"),
             (["--certfile", pems["one"][0], "--keyfile", pems["two"][1]], "TLS_BAD"),
             (["--certfile", str(tmp_path / "missing.pem"), "--keyfile", pems["one"][1]], "TLS_BAD")]
    for extra, code in cases:
        proc, port = _serve_cli(folder, *extra)
        try:
            out, err = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
        assert proc.returncode not in (0, None) and "listening" not in out, (extra, out, err[-500:])
        assert code in out + err and "Traceback" not in err, (extra, out, err[-500:])
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=2).close()
    proc, port = _serve_cli(folder, "--certfile", pems["one"][0], "--keyfile", pems["one"][1])
    try:
        assert "listening on https://" in proc.stdout.readline()
        ctx = ssl.create_default_context(cafile=pems["one"][0])
        with socket.create_connection(("127.0.0.1", port), timeout=10) as raw, \
                ctx.wrap_socket(raw, server_hostname="127.0.0.1") as tls:
            tls.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
            assert tls.recv(100).startswith(b"HTTP/1.1 200")
    finally:
        proc.terminate()
        proc.communicate(timeout=30)


def test_r6_a_rejected_listing_decision_re_sent_after_the_correction_is_accepted(server):
    """The case is opened and filed; its listing decision is rejected because the subject's update was (an invalid
    USCC). The office corrects the subject (accepted) and re-sends the decision (its requeue: a new change id, the
    same op): the platform rejected it again — "rests on case 1 (change 5, DEPENDS_ON_REJECTED)", its own earlier
    rejection — and would for ever, so the listing never reached the platform (R6). Now a change of the op that
    was rejected is judged on its own merits and accepted. What rests on an entity whose opening was rejected
    stays rejected however often it comes (only a new opening restates the case)."""
    intake, port, a, _ = server
    assert _exchange(port, _post(a, a.bundle(a.listing_lines(3))))[0] == 200  # subject 1, record 1, case 1 opened
    decide = {"id": 1, "state": "listed", "list_type": "black", "subject": {"id": 1}, "record_ids": [1],
              "decision_number": "淮信认〔2026〕1号"}
    bad = {"kind": "legal_person", "name": "测试企业", "id_type": "uscc", "id_number": "123"}
    lines = [_line(4, "subject", 1, "update", bad), _line(5, "case", 1, "decide", decide),
             _line(6, "case", 1, "exit", {"id": 1, "subject_id": 1, "state": "exited"})]
    _, accepted, rejected = a.read_receipt(_exchange(port, _post(a, a.bundle(lines)))[2])
    assert accepted == [] and [r["code"] for r in rejected] == ["SUBJECT_ID_INVALID", "DEPENDS_ON_REJECTED",
                                                                "DEPENDS_ON_REJECTED"]
    lines = [_line(7, "case", 1, "exit", {"id": 1, "subject_id": 1, "state": "exited"}),  # the decision first
             _line(8, "subject", 1, "update", a.subject_state()), _line(9, "case", 1, "decide", decide),
             _line(10, "case", 1, "exit", {"id": 1, "subject_id": 1, "state": "exited"})]
    _, accepted, rejected = a.read_receipt(_exchange(port, _post(a, a.bundle(lines)))[2])
    assert accepted == [8, 9, 10] and [(r["id"], r["code"]) for r in rejected] == [(7, "DEPENDS_ON_REJECTED")]
    assert "change 5" in rejected[0]["reason_en"]  # the exit rests on the decision still rejected then
    # a case whose opening was rejected: its other changes stay rejected, sent once or twice
    lines = [_line(11, "case", 2, "open", {"id": 2, "subject_id": 99}),
             _line(12, "case", 2, "update", {"id": 2, "fields": ["facts"]}),
             _line(13, "case", 2, "update", {"id": 2, "fields": ["facts"]})]
    _, accepted, rejected = a.read_receipt(_exchange(port, _post(a, a.bundle(lines)))[2])
    assert accepted == [] and [r["code"] for r in rejected] == ["SUBJECT_NOT_SHARED", "DEPENDS_ON_REJECTED",
                                                                "DEPENDS_ON_REJECTED"]
    lines = [_line(14, "case", 2, "update", {"id": 2, "fields": ["facts"]})]
    _, accepted, rejected = a.read_receipt(_exchange(port, _post(a, a.bundle(lines)))[2])
    assert accepted == [] and "change 11" in rejected[0]["reason_en"]


def test_r14_an_unsigned_request_cannot_make_the_server_check_many_signatures(server, monkeypatch):
    """Every entry of a request's X-CD-Endorsements naming a key of the office was checked before the request's
    own signature: ~50 forged entries fit in the header limit — 50 signature checks (an SM2 check ~1 ms) for one
    request anyone can send, with no per-IP limit. Only the path back from the claimed key is read now: a forged
    chain costs at most one check and the request is refused 401 as before; an office that rotated its key signs
    its requests with the new key and its chain, as before."""
    import base64

    from credit_desk.domain import signing
    from credit_desk.sync import reqauth
    from tests.e2e.test_platform_attacks20 import _endorse, _request
    intake, port, a, _ = server
    checks = []
    real = signing.verify
    monkeypatch.setattr(signing, "verify", lambda *args: checks.append(1) or real(*args))
    mallory = signing.new_private()
    forged = [_endorse(mallory, signing.public_of(signing.new_private())) for _ in range(40)]
    for e in forged:  # each claims to be endorsed by A's registered key
        e["endorsed_by"] = crypto.key_id(signing.public_of(a.sign))
    target = f"/downstream/{a.office}"
    headers = reqauth.sign_headers(mallory, a.office, "GET", target, 0, endorsements=forged[:1])
    headers["X-CD-Endorsements"] = base64.b64encode(json.dumps(forged).encode()).decode()
    headers["X-CD-Key"] = crypto.key_id(base64.b64decode(forged[-1]["public_key"]))
    assert _code(_exchange(port, _request("GET", target, headers))) == (401, "AUTH_FAILED")
    assert len(checks) <= 2, len(checks)
    new = signing.new_private()  # an honest rotation the platform has not learned yet: the chain still works
    chain = [_endorse(a.sign, signing.public_of(new), last_sequence=0)]
    headers = reqauth.sign_headers(new, a.office, "GET", target, 0, endorsements=chain)
    assert _exchange(port, _request("GET", target, headers))[0] == 200


def test_r7_a_listing_is_filed_under_the_subject_the_platform_holds_not_a_stale_copy(server):
    """A listing decision carries a copy of its subject (R7 entry state). The subject went in with a wrong USCC and
    was rejected, and so were the record, case and decision resting on it; the office corrected the subject and
    re-sent them (its requeue re-sends each change's state as it was). All accepted — and the listing was filed in
    the cross-office view under the wrong, invalid USCC of the stale copy: "who is listed where" missed it. The
    platform now files a change under the national id it holds for the subject the change names."""
    intake, port, a, _ = server
    good = a.subject_state()
    bad = {**good, "id_number": "123"}
    first = a.listing_lines(4, subject=bad)  # subject 1, record 1, case 1 open, decided (with the copy)
    _, accepted, rejected = a.read_receipt(_exchange(port, _post(a, a.bundle(first)))[2])
    assert accepted == [] and rejected[0]["code"] == "SUBJECT_ID_INVALID"
    again = [_line(5, "subject", 1, "update", good)]
    for cid, line in enumerate(first[1:], 6):  # the requeue: new change ids, the same states
        change = json.loads(line)
        again.append(_line(cid, change["entity"], change["entity_id"], change["op"], change["state"]))
    _, accepted, rejected = a.read_receipt(_exchange(port, _post(a, a.bundle(again)))[2])
    assert accepted == [5, 6, 7, 8] and rejected == []
    listed = intake.subject_listings("uscc", good["id_number"], actor="王工", reason="核查名单")
    assert [(r["office_id"], r["change_id"]) for r in listed] == [(a.office, 8)]
    assert intake.subject_listings("uscc", "123", actor="王工", reason="核查名单") == []


# libfaketime (scripts/test_future_dates.sh) breaks every timed wait on a lock or condition (threading.Event.wait,
# psycopg_pool's wait for a connection): the offset lands in the deadline, so a 1.5 s wait lasts as long as the offset
# (the whole-suite run at 2027-01-05 hung here, session 34), and PostgreSQL's lock_timeout under it never fired (the
# lock test below timed out). Both tests read no date; they run in every other run.
@pytest.mark.skipif(bool(os.environ.get("FAKETIME")), reason="timed lock waits do not end under libfaketime")
def test_r14_no_database_connection_to_be_had_is_a_503_with_a_code_not_a_500(tmp_path, platform_dsn):
    """Every connection of the platform's pool held (here: one connection, held by a receive waiting on a lock)
    and another office's request waited the pool's time out and got 500 INTERNAL, as for a bug. It is the platform
    being busy: 503 DB_BUSY with Retry-After (the office retries a 5xx), and the held receive still completes."""
    import threading

    import psycopg
    folder = tmp_path / "intake"
    Intake.init(folder)
    intake = Intake(folder, pool_size=1)
    intake.pool.timeout = 1.5  # the pool's own wait (30 s by default), shortened for the test
    plat = json.loads((folder / "platform.keys.json").read_text())
    srv = serve(intake, "127.0.0.1", 0, CONFIG)
    port = srv.server_address[1]
    a, b = FakeOffice(plat, seed=31), FakeOffice(plat, seed=32)
    for o in (a, b):
        intake.register_office(o.keyfile())
    answers = {}
    try:
        with psycopg.connect(platform_dsn, options=f"-c search_path={intake.schema}") as locker:
            locker.execute("SELECT 1 FROM offices WHERE office_id = %s FOR UPDATE", (a.office,))  # A's row held
            post = threading.Thread(target=lambda: answers.update(a=_exchange(port, _post(a, a.bundle(
                a.listing_lines(4))))))
            post.start()
            for _ in range(100):  # A's receive has taken the pool's one connection and waits on the lock
                if locker.execute("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                  ).fetchone()[0]:
                    break
                time.sleep(0.1)
            target = f"/downstream/{b.office}"
            from tests.e2e.test_platform_attacks20 import _request
            status, doc, raw = _exchange(port, _request("GET", target, b.headers("GET", target)))
            assert (status, (doc or {}).get("code")) == (503, "DB_BUSY"), raw[:300]
            locker.rollback()
        post.join(30)
        assert answers["a"][0] == 200
        assert _exchange(port, _request("GET", target, b.headers("GET", target)))[0] == 200
    finally:
        srv.shutdown()
        intake.close()


def test_r14_an_answer_nobody_reads_is_abandoned_at_its_deadline(server):
    """The answer went to Hypercorn whole with no deadline: a client that asked for a large downstream file and
    never read it held the file in the server's memory for good — one copy per connection, and the office's
    request count was given back before the answer was sent, so a captured signed GET replayed for its five
    minutes could pin thousands. Now the answer goes in pieces within body_seconds and counts as one of the
    office's requests until read; past the deadline it is abandoned and the connection closed. A reader gets it."""
    import os
    import socket
    import time

    from tests.e2e.test_platform_attacks20 import _request
    intake, port, a, _ = server
    name, data = intake.publish(a.office, [{"kind": "catalogue", "version": 1, "blob": os.urandom(5 << 20).hex()}])
    target = f"/downstream/{a.office}/{name}"
    stuck = []
    for _ in range(2):
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # a reader that reads nothing
        s.connect(("127.0.0.1", port))
        s.sendall(_request("GET", target, a.headers("GET", target)))
        stuck.append(s)
    time.sleep(CONFIG.body_seconds + 2)
    for s in stuck:
        s.settimeout(10)
        got = 0
        while chunk := s.recv(1 << 20):
            got += len(chunk)
        s.close()
        assert got < len(data), got  # cut off at the deadline, not held until read
    status, body, _ = a.request(f"http://127.0.0.1:{port}", target)
    assert status == 200 and body == data


def test_r7_a_corrected_subject_id_takes_its_listings_with_it(server):
    """A subject was shared with a valid but wrong USCC (another company's) and listed; the office corrected the
    USCC (a subject update, accepted). The platform's cross-office view kept the listing under the old number —
    the other company showed as listed, the real one did not. The listing now follows the correction."""
    intake, port, a, _ = server
    wrong, right = a.subject_state(), a.subject_state()
    assert _exchange(port, _post(a, a.bundle(a.listing_lines(4, subject=wrong))))[0] == 200
    assert len(intake.subject_listings("uscc", wrong["id_number"], actor="王工", reason="核查名单")) == 1
    status, _, receipt = _exchange(port, _post(a, a.bundle([_line(5, "subject", 1, "update", right)])))
    assert status == 200 and a.read_receipt(receipt)[1] == [5]
    listed = intake.subject_listings("uscc", right["id_number"], actor="王工", reason="核查名单")
    assert [(r["office_id"], r["change_id"]) for r in listed] == [(a.office, 4)]
    assert intake.subject_listings("uscc", wrong["id_number"], actor="王工", reason="核查名单") == []


@pytest.mark.skipif(bool(os.environ.get("FAKETIME")), reason="PostgreSQL's lock_timeout does not fire under libfaketime")
def test_r14_a_receive_waiting_on_a_lock_held_elsewhere_ends_with_a_503_not_a_hang(tmp_path, platform_dsn,
                                                                                     monkeypatch):
    """A session holding the office's row (a stuck transaction, an operator's psql) made the office's POST wait
    for good — its request slot and pool connection held, the office retrying and piling up more. The intake's
    connections now have a lock timeout (and a statement timeout): the POST ends 503 DB_BUSY, and goes through
    once the lock is gone."""
    import time

    import psycopg

    from credit_desk.intake import pgstore
    monkeypatch.setattr(pgstore, "LOCK_TIMEOUT_MS", 1000)  # 30 s in service
    folder = tmp_path / "intake"
    Intake.init(folder)
    intake = Intake(folder, pool_size=4)
    plat = json.loads((folder / "platform.keys.json").read_text())
    srv = serve(intake, "127.0.0.1", 0, CONFIG)
    port = srv.server_address[1]
    a = FakeOffice(plat, seed=41)
    intake.register_office(a.keyfile())
    data = a.bundle(a.listing_lines(4))
    try:
        with psycopg.connect(platform_dsn, options=f"-c search_path={intake.schema}") as locker:
            locker.execute("SELECT 1 FROM offices WHERE office_id = %s FOR UPDATE", (a.office,))
            started = time.monotonic()
            answer = _exchange(port, _post(a, data), timeout=30)
            assert _code(answer) == (503, "DB_BUSY") and time.monotonic() - started < 10
            locker.rollback()
        assert _exchange(port, _post(a, data))[0] == 200
    finally:
        srv.shutdown()
        intake.close()
