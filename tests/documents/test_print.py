"""Every notice type prints for a seeded object: fonts embedded, A4, margins, the five parts, numbering."""

from __future__ import annotations

import re
import subprocess
from xml.etree import ElementTree

import pytest

from credit_desk.documents import layout as L
from credit_desk.documents.templates import available, load_template
from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.services import document_sources, documents
from credit_desk.services.documents import Item
from tests.documents.conftest import page_size, pdffonts, pdftotext
from tests.documents.samples import SAMPLES

A4 = (595.276, 841.89)


def _issue(session, doc_type, out, context=None, **kw):
    item = Item(dict(context or SAMPLES[doc_type]), "case", "1", None)
    return documents.issue(session, doc_type, [item], out, **kw)


def test_every_template_has_a_sample():
    assert sorted(SAMPLES) == available()


@pytest.mark.parametrize("doc_type", sorted(SAMPLES))
def test_each_type_prints_with_fonts_embedded_on_a4(session, tmp_path, doc_type):
    out = tmp_path / f"{doc_type}.pdf"
    [doc] = _issue(session, doc_type, out)
    assert re.fullmatch(r"清信\w+〔2026〕1号", doc["number"])       # 〔full year〕, no leading zero, no 第
    fonts = pdffonts(out)
    assert fonts and all(f["emb"] == "yes" and f["sub"] == "yes" for f in fonts), fonts
    assert page_size(out) == pytest.approx(A4, abs=0.01)
    text = re.sub(r"\s", "", pdftotext(out)).replace("扫码核验·文书真伪", "")
    assert doc["number"] in text and "—1—" in text
    if load_template(doc_type).signature:       # 成文日期 under the office's name
        assert "清江浦区信用办2026年4月1日" in text


def test_decision_shows_its_five_parts(session, tmp_path):
    out = tmp_path / "d.pdf"
    _issue(session, "listing_decision", out)
    text = re.sub(r"\s", "", pdftotext(out))
    for heading in ("一、认定理由", "二、认定依据", "三、惩戒措施", "四、移出条件和程序", "五、救济途径"):
        assert heading in text
    assert "向淮安市清江浦区人民政府申请行政复议" in text and "不适用告知承诺制" in text


@pytest.mark.parametrize("part", ["reasons", "basis", "measures", "removal", "remedies"])
def test_r5_decision_missing_a_part_is_refused_before_printing(session, tmp_path, part):
    ctx = {**SAMPLES["listing_decision"], part: [] if part == "measures" else "  "}
    with pytest.raises(ValidationError) as exc:
        _issue(session, "listing_decision", tmp_path / "d.pdf", ctx)
    assert exc.value.code == "R5_DECISION_PART_MISSING" and exc.value.field == part
    assert not (tmp_path / "d.pdf").exists()
    assert documents.list_documents(session) == []       # no number was taken


def _words(path):
    xml = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True).stdout
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    root = ElementTree.fromstring(xml)
    for page in root.iterfind(".//x:page", ns):
        for w in page.iterfind("x:word", ns):
            yield w.text, *(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))


def test_text_sits_in_the_gbt9704_text_block(session, tmp_path):
    """Top margin 37 mm, left 28 mm, block 156 × 225 mm; only the page number sits below it."""
    out = tmp_path / "d.pdf"
    _issue(session, "listing_decision", out)
    left, top = L.MARGIN_LEFT, L.MARGIN_TOP
    right, bottom = left + L.BLOCK_W, top + L.BLOCK_H
    words = list(_words(out))
    body = [w for w in words if not re.fullmatch(r"—|\d+", w[0])]
    assert min(w[1] for w in body) >= left - 0.5 and max(w[3] for w in body) <= right + 0.5
    assert min(w[2] for w in body) >= top - 0.5 and max(w[4] for w in body) <= bottom + 0.5
    first_line = min(w[2] for w in body)
    assert first_line - top < L.LINE_PITCH            # the first line starts at the top of the block
    numbers = [w for w in words if w[0] == "—"]
    assert numbers and all(w[2] > bottom for w in numbers)   # page numbers below the block
    lines = {round(w[4], 1) for w in body if w[0].startswith(("本单位", "你单位", "有效期"))}
    assert lines  # body text found on the grid


def test_numbers_run_per_prefix_and_year_without_gaps(session, admin_session, tmp_path):
    got = [_issue(session, "prior_notice", tmp_path / f"{i}.pdf")[0]["number"] for i in range(3)]
    assert got == ["清信告〔2026〕1号", "清信告〔2026〕2号", "清信告〔2026〕3号"]
    documents.set_prefix(admin_session, "prior_notice", "清江信告")  # a setting: the administrator's
    assert _issue(session, "prior_notice", tmp_path / "x.pdf")[0]["number"] == "清江信告〔2026〕1号"
    assert _issue(session, "listing_decision", tmp_path / "y.pdf")[0]["number"] == "清信决〔2026〕1号"


def test_a_failed_write_takes_no_number(session, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DomainError) as exc:
        _issue(session, "prior_notice", blocker / "sub" / "a.pdf")   # a folder under a file: cannot write
    assert exc.value.code == "DOC_WRITE_FAILED"
    assert _issue(session, "prior_notice", tmp_path / "ok.pdf")[0]["number"] == "清信告〔2026〕1号"


def test_a_crash_mid_batch_rolls_every_number_back(session, tmp_path, monkeypatch):
    from credit_desk.documents import render
    real, calls = render.compose, []

    def dying(*a, **kw):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt  # the clerk pulls the plug mid-print
        return real(*a, **kw)
    monkeypatch.setattr(render, "compose", dying)
    items = [Item(dict(SAMPLES["prior_notice"]), "case", str(i)) for i in range(5)]
    with pytest.raises(KeyboardInterrupt):
        documents.issue(session, "prior_notice", items, tmp_path / "batch.pdf")
    monkeypatch.setattr(render, "compose", real)
    assert documents.list_documents(session) == [] and not (tmp_path / "batch.pdf").exists()
    assert _issue(session, "prior_notice", tmp_path / "a.pdf")[0]["number"] == "清信告〔2026〕1号"


def test_a_file_not_placed_after_commit_is_voided_not_skipped(session, tmp_path, monkeypatch):
    from credit_desk.services import documents as svc

    def refuse(*a):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(svc, "_place", refuse)
    with pytest.raises(DomainError) as exc:
        _issue(session, "prior_notice", tmp_path / "a.pdf")
    assert exc.value.code == "DOC_PLACE_FAILED"
    monkeypatch.undo()
    [row] = documents.list_documents(session)
    assert (row["number"], row["status"]) == ("清信告〔2026〕1号", "voided")
    assert _issue(session, "prior_notice", tmp_path / "b.pdf")[0]["number"] == "清信告〔2026〕2号"


def test_batch_one_file_or_one_per_document(session, tmp_path):
    items = [Item(dict(SAMPLES["listing_decision"]), "case", str(i)) for i in range(3)]
    docs = documents.issue(session, "listing_decision", items, tmp_path / "all.pdf")
    assert [d["pages"] for d in docs] == [[1, 2], [3, 4], [5, 6]]
    split = documents.issue(session, "listing_decision", items, tmp_path / "each", split=True)
    assert sorted(p.name for p in (tmp_path / "each").iterdir()) == [f"清信决〔2026〕{n}号.pdf" for n in (4, 5, 6)]
    assert len({d["sha256"] for d in split}) == 3


def test_reprint_says_copy_and_is_counted(session, tmp_path):
    [doc] = _issue(session, "prior_notice", tmp_path / "a.pdf")
    assert "副本" not in pdftotext(tmp_path / "a.pdf")
    r1 = documents.reprint(session, doc["number"], tmp_path / "b.pdf", "核对文书副本")
    r2 = documents.reprint(session, doc["number"], tmp_path / "c.pdf", "核对文书副本")
    assert (r1["copy_no"], r2["copy_no"]) == (1, 2)
    assert "副本（第2次重印）" in pdftotext(tmp_path / "c.pdf")
    assert documents.list_documents(session)[0]["reprint_count"] == 2


def test_missing_glyph_is_an_error_naming_the_character(session, tmp_path):
    ctx = {**SAMPLES["prior_notice"], "party_name": "示例🦜商贸有限公司"}
    with pytest.raises(DomainError) as exc:
        _issue(session, "prior_notice", tmp_path / "a.pdf", ctx)
    assert exc.value.code == "FONT_GLYPH_MISSING" and "🦜" in exc.value.zh
    assert documents.list_documents(session) == []


def test_r15_credit_query_is_masked_and_r14_purpose_logged(session, person, tmp_path):
    """R15: the extract masks a natural person; R14: the purpose is logged with the print."""
    with pytest.raises(ValidationError) as exc:
        document_sources.item_for(session, "credit_query", subject_id=person, purpose="")
    assert exc.value.code == "R14_PURPOSE_REQUIRED"
    item = document_sources.item_for(session, "credit_query", subject_id=person, purpose="政府采购资格审查")
    [doc] = documents.issue(session, "credit_query", [item], tmp_path / "q.pdf")
    text = pdftotext(tmp_path / "q.pdf")
    assert "张*明" in text and "1101**********002X" in text
    assert "张小明" not in text and "11010519491231002X" not in text
    rows = session.ledger.query("SELECT purpose FROM audit WHERE action = 'document.print' AND object_id = ?",
                                (doc["number"],))
    assert rows == [{"purpose": "政府采购资格审查"}]


def test_commitment_form_for_a_subject(session, person, tmp_path):
    item = document_sources.item_for(session, "commitment_form", subject_id=person, matter="申请信用修复")
    documents.issue(session, "commitment_form", [item], tmp_path / "c.pdf")
    text = re.sub(r"\s", "", pdftotext(tmp_path / "c.pdf"))
    assert "张小明" in text and "承诺事项：申请信用修复" in text and "承诺主体（签章）" in text
