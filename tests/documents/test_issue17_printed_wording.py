"""Issue 17 item 8: printed notices read as a clerk would write them — a heading never stands alone at the foot
of a page; a person is addressed 你, an organisation 你单位; the basis names the authority, the document and its
number apart."""

from __future__ import annotations

import re

import pytest

from credit_desk.documents import layout as L
from credit_desk.documents.fonts import load_fonts
from credit_desk.documents.render import DocMeta, compose
from credit_desk.documents.templates import load_template
from tests.documents.conftest import pdftotext
from tests.documents.samples import SAMPLES
from tests.e2e.case_kit import company, desk, ok, open_case, person, record, staffed_template  # noqa: F401

FILLER = "当事人在经营活动中存在违法行为，经查证属实。"


def _heading_pages(doc) -> list[tuple[int, int]]:
    """(page of each heading's last line, page of the next line with text)."""
    out = []
    slots = doc.slots
    for i, s in enumerate(slots):
        if s.role == "hei" and s.text and (i + 1 == len(slots) or slots[i + 1].role != "hei"):
            nxt = next((j for j in range(i + 1, len(slots)) if slots[j].text), None)
            if nxt is not None:
                out.append((i // L.LINES_PER_PAGE, nxt // L.LINES_PER_PAGE))
    return out


@pytest.mark.parametrize("extra", range(0, 14))
def test_a_heading_stays_on_the_page_of_its_first_line(extra):
    """The reasons grow line by line, so each heading in turn falls at the foot of page 1."""
    tpl, fonts = load_template("listing_decision"), load_fonts()
    ctx = {**SAMPLES["listing_decision"]}
    ctx["reasons"] = ctx["reasons"] + FILLER * extra
    doc = compose(tpl, ctx, DocMeta("清信决〔2026〕1号", __import__("datetime").date(2026, 4, 1), "清江浦区信用办", ""),
                  fonts)
    pages = _heading_pages(doc)
    assert pages and all(a == b for a, b in pages), pages


def _words(path) -> str:
    return re.sub(r"\s", "", pdftotext(path))


def test_a_person_is_addressed_你_and_an_organisation_你单位(desk, tmp_path):  # noqa: F811
    office = desk
    for who, sid, want in (("person", person(office, 3), "你"), ("company", company(office, 7), "你单位")):
        rid = record(office, sid)["id"]
        cid = open_case(office, sid, "black", records=[rid])
        out = tmp_path / f"{who}.pdf"
        ok(office, "print", "prior_notice", "--case", str(cid), "--out", str(out))
        text = _words(out)
        assert "你（单位）" not in text, who
        assert f"本单位拟将{want}列入" in text and f"三、{want}享有的权利" in text, (who, text[:400])
        if want == "你":
            assert "你单位" not in text


def test_the_basis_separates_authority_document_and_number(desk, tmp_path):  # noqa: F811
    office = desk
    sid = company(office, 8)
    rid = record(office, sid, number="县市监罚〔2026〕18号")["id"]
    cid = open_case(office, sid, "black", records=[rid])
    basis = ok(office, "case", "show", str(cid), "--purpose", "核对认定依据")["basis"]
    assert basis == "县市场监督管理局作出的行政处罚决定（县市监罚〔2026〕18号）"
