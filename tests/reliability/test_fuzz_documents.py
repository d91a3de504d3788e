"""Fuzzing notice verification (`notice verify --qr TEXT` / `--pdf FILE`): scanned QR text and the metadata
inside a PDF are outside data. Property: a verdict (valid / voided / unknown / altered) or a DomainError —
never a raw exception — and nothing but the verification's own audit row is written."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from credit_desk.documents import verify
from credit_desk.services import document_verify
from tests.e2e.sync_support import add_subject, session
from tests.reliability.fuzzing import FUZZ, JSON, NASTY_TEXT, mutated_doc
from tests.reliability.support import ledger_digest, only_domain_errors
from tests.conftest import with_business_accounts

@pytest.fixture
def office(office, secret_files):
    """Business here is the clerk's (R14 separation of duties); admin acts name user="admin"."""
    return with_business_accounts(office, secret_files)

VERDICTS = {"valid", "voided", "unknown", "altered"}
SEEN: Counter = Counter()


@pytest.fixture
def printed(office, tmp_path):
    """A genuine printed notice (信用信息查询结果): its PDF, QR text and metadata entries."""
    sid = add_subject(office)
    pdf = tmp_path / "query.pdf"
    code, out, err = office("--json", "print", "credit_query", "--subject", str(sid), "--purpose", "核查信用状况",
                            "--out", str(pdf))
    assert code == 0, out + err
    entries = verify.decode_meta(pdf.read_bytes())
    return pdf, entries[0]["qr"], entries


@st.composite
def qr_texts(draw, genuine: str):
    parts = genuine.split("|")
    how = draw(st.sampled_from(["part", "part", "text", "cut", "extra"]))
    if how == "text":
        return draw(st.text(max_size=120) | NASTY_TEXT)
    if how == "cut":
        return genuine[:draw(st.integers(0, len(genuine)))]
    if how == "extra":
        return genuine + draw(st.text(min_size=1, max_size=20))
    i = draw(st.integers(0, 6))
    parts[i] = draw(st.text(max_size=40) | NASTY_TEXT | st.just(parts[i][::-1]) | st.just(parts[i] + "=="))
    return "|".join(parts)


def _verdict(s, call, arg) -> None:
    before = ledger_digest(s.ledger.conn)
    status, out = only_domain_errors(call, s, arg)
    if status == "ok":
        assert out["result"] in VERDICTS, out
        SEEN[out["result"]] += 1
    else:
        SEEN[out.code] += 1
    assert ledger_digest(s.ledger.conn) == before, "verification changed the ledger"


def test_fuzz_qr_text(printed, data_dir):
    _, qr, _ = printed
    SEEN.clear()
    with session(data_dir) as s:
        assert document_verify.verify_qr(s, qr)["result"] == "valid"

        @FUZZ
        @given(qr_texts(qr))
        def run(text):
            _verdict(s, document_verify.verify_qr, text)
        run()
    print(dict(SEEN))
    assert SEEN["altered"] + SEEN["unknown"] > 0


def test_qr_text_with_undecodable_bytes_from_the_command_line(printed, office):
    """A QR text typed or piped with bytes that are not UTF-8 arrives as surrogates (surrogateescape)."""
    _, qr, _ = printed
    parts = qr.split("|")
    for i in (1, 3, 5):
        bad = "|".join(parts[:i] + [parts[i] + "\udcff"] + parts[i + 1:])
        code, out, err = office("--json", "notice", "verify", "--qr", bad)
        assert "Traceback" not in err and code in (0, 1), err
        if code == 0:
            assert json.loads(out)["result"] in ("altered", "unknown")


def test_fuzz_pdf_metadata(printed, data_dir, tmp_path):
    """A PDF whose embedded notice data was edited: any shape of entries gives a verdict, never a crash."""
    pdf, _, entries = printed
    body = pdf.read_bytes()
    tag = body.index(verify.META_TAG.encode())
    end = tag + len(verify.META_TAG) + len(verify.encode_meta(entries)) - len(verify.META_TAG)
    SEEN.clear()
    with session(data_dir) as s:
        @FUZZ
        @given(mutated_doc(entries) | JSON)
        def run(doc):
            meta = verify.encode_meta(doc).encode()
            path = tmp_path / "edited.pdf"
            path.write_bytes(body[:tag] + meta + body[end:])
            _verdict(s, document_verify.verify_pdf, path)
        run()
    print(dict(SEEN))
