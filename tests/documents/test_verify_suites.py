"""Notice verification in both suites (issue 22): after the office moves to gm/1 its notices carry CDS2 codes
(SM2 signature, SM3 text digest and key id) that verify as valid, a changed character fails them, and notices
printed before the move (CDN2, Ed25519) still verify."""

from __future__ import annotations

import pytest

from credit_desk.documents.verify import parse_payload
from credit_desk.domain import suites
from credit_desk.services import document_verify as V
from credit_desk.services import documents, keys
from credit_desk.services.documents import Item
from tests.documents.samples import SAMPLES


def _issue(session, tmp_path, name: str):
    out = tmp_path / f"{name}.pdf"
    [doc] = documents.issue(session, "listing_decision", [Item(dict(SAMPLES["listing_decision"]), "case", "7")], out)
    row = session.ledger.query("SELECT qr_text FROM documents WHERE number = ?", (doc["number"],))[0]
    return row["qr_text"], out


@pytest.mark.parametrize("suite", suites.NAMES)
def test_notices_verify_in_both_suites_and_old_ones_after_the_move(session, admin_session, tmp_path, suite):
    before_qr, before_pdf = _issue(session, tmp_path, "before")
    assert before_qr.startswith("CDN2|")
    if suite == suites.GM:
        assert keys.rotate(admin_session, suites.GM)["suite"] == suites.GM  # keys are the administrator's (R14)
    qr, pdf = _issue(session, tmp_path, "after")
    payload = parse_payload(qr)
    assert payload.suite == suite and qr.startswith("CDS2|" if suite == suites.GM else "CDN2|")
    assert V.verify_qr(session, qr)["result"] == "valid"
    assert V.verify_pdf(session, pdf)["result"] == "valid"
    pieces = qr.split("|")
    pieces[2] = pieces[2][:-1] + ("9" if pieces[2][-1] != "9" else "8")  # another date: the signature fails
    assert V.verify_qr(session, "|".join(pieces))["result"] == "altered"
    # relabelling a code into the other suite does not verify either (the version is the first signed line)
    other = ("CDN2" if suite == suites.GM else "CDS2") + qr[4:]
    assert V.verify_qr(session, other)["result"] in ("altered", "unknown")
    # the notice printed before the move still verifies
    assert V.verify_qr(session, before_qr)["result"] == "valid"
    assert V.verify_pdf(session, before_pdf)["result"] == "valid"


@pytest.mark.parametrize("suite", suites.NAMES)
def test_r14_stock_openssl_verifies_a_printed_notice_in_its_suite(session, admin_session, tmp_path, suite):
    """A 密评 reviewer's own check of a notice: the signed bytes are "credit_desk-sig" 00 "credit_desk.document/2" 00
    and the canonical lines (docs of documents/verify.py), rebuilt from the register; stock OpenSSL 3 verifies the
    QR's signature with the office's PEM — Ed25519 (CDN2), or SM2 with SM3 and the standard ID (CDS2) — and refuses
    it over one changed character."""
    import subprocess

    from credit_desk.documents.verify import canonical_bytes
    from credit_desk.domain import signing
    from credit_desk.store import documents as repo
    if suite == suites.GM:
        keys.rotate(admin_session, suites.GM)
    qr, _ = _issue(session, tmp_path, "n")
    payload = parse_payload(qr)
    conn = session.ledger.conn
    row = repo.get_by_number(conn, payload.header.number)
    signed = canonical_bytes(payload.header, row.key_fields, V._register_digest(row, payload), payload.version)
    assert signed.startswith(b"CDS2\n" if suite == suites.GM else b"CDN2\n")
    public = V._public_key(conn, payload.key_id)
    (tmp_path / "office.pem").write_bytes(signing.public_pem(public))
    sig = payload.signature if suite == suites.INTL else suites.sm2_der(payload.signature)
    (tmp_path / "sig").write_bytes(sig)
    opts = ["-digest", "sm3", "-pkeyopt", "distid:1234567812345678"] if suite == suites.GM else []

    def openssl(message: bytes):
        (tmp_path / "msg").write_bytes(message)
        return subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", str(tmp_path / "office.pem"),
                               "-rawin", *opts, "-in", str(tmp_path / "msg"), "-sigfile", str(tmp_path / "sig")],
                              capture_output=True, text=True)
    message = b"credit_desk-sig\x00credit_desk.document/2\x00" + signed
    done = openssl(message)
    assert done.returncode == 0 and "Signature Verified Successfully" in done.stdout, done.stderr
    assert openssl(message.replace(b"date=", b"date=1", 1)).returncode != 0
