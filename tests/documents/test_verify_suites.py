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
        assert keys.rotate(admin_session, suites.GM)  # keys are the administrator's (R14)["suite"] == suites.GM
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
