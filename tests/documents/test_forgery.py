"""Issue 14 item 1: a numbered, signed notice comes only from the ledger, through the service that owns the act.

The attack of the review: ``print repair_decision --subject N --context fake.json`` gave a signed 决定书 for a
repair that does not exist, and ``notice verify`` answered 真实有效. Each type that accepted ``--context``
is attacked again through the CLI; free text only ever prints as an unnumbered, unsigned 样稿.
"""

from __future__ import annotations

import json

import pytest

from tests.documents.conftest import pdftotext
from tests.documents.samples import SAMPLES
from tests.e2e.case_kit import company, desk, ok, refused, staffed_template  # noqa: F401

FORGED = ("repair_decision", "repair_accepted", "repair_rejected", "apology_letter", "interview_notice")


def _register(desk) -> list:
    return ok(desk, "print", "list")


@pytest.mark.parametrize("doc_type", FORGED)
def test_r13_a_context_file_cannot_make_a_numbered_notice(desk, tmp_path, doc_type):
    sid = company(desk, 81)
    fake = tmp_path / "fake.json"
    fake.write_text(json.dumps(SAMPLES[doc_type], ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "forged.pdf"
    before = _register(desk)
    err = refused(desk, "print", doc_type, "--subject", str(sid), "--case", "1", "--context", str(fake),
                  "--out", str(out))
    assert err["code"] == "DOC_CONTEXT_REFUSED" and "print draft" in err["message"]
    assert not out.exists() and _register(desk) == before
    # without the context there is no act in the ledger to print: one clear sentence, no number taken
    err = refused(desk, "print", doc_type, "--subject", str(sid), "--case", "1", "--repair", "999",
                  "--interview", "999", "--out", str(out))
    assert err["code"] in ("REPAIR_NOT_FOUND", "DOC_NO_APOLOGY", "INTERVIEW_NOT_FOUND", "R18_PLAN_NOT_FOUND",
                           "PLAN_NOT_FOUND") or err["code"].endswith("NOT_FOUND"), err
    assert not out.exists() and _register(desk) == before


@pytest.mark.parametrize("doc_type", FORGED)
def test_r5_a_draft_from_free_text_is_unnumbered_unsigned_and_does_not_verify(desk, tmp_path, doc_type):
    fake = tmp_path / "fake.json"
    fake.write_text(json.dumps(SAMPLES[doc_type], ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "draft.pdf"
    before = _register(desk)
    d = ok(desk, "print", "draft", doc_type, "--context", str(fake), "--out", str(out))
    assert d["number"] is None and d["signed"] is False and _register(desk) == before
    text = pdftotext(out)
    assert "样稿" in text and "〔20" not in text.split("\n", 3)[1]
    assert b"CDN1META" not in out.read_bytes() and b"CDN2|" not in out.read_bytes()
    v = refused(desk, "notice", "verify", "--pdf", str(out))
    assert v["result"] == "unknown"
