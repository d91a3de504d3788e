"""Issue 15 kinds 5, 6 and 8 together: names with CJK Extension A and B characters (㐂 U+3402, 𠮷 U+20BB7,
𪚥 U+2A6A5, 𠀀 U+20000) through the whole path — entered, stored, searched (whole name, a one- and a
two-character fragment), masked by kind (R15), printed on the 信用信息查询结果 and read back (pdftotext), the
fonts embedded as subsets (pdffonts), and the glyph actually drawn (pdftoppm: ink inside the character's box,
not a blank or a missing-glyph box).
"""

from __future__ import annotations

import json
import random
import re
import subprocess

import pytest

from credit_desk.documents import fonts as F
from credit_desk.domain import demo
from credit_desk.services import browse, document_sources, documents, subjects
from credit_desk.store.views import PageSpec
from tests.documents.conftest import pdffonts, pdftotext
from tests.realinput.conftest import clerk_cli, with_check

needs_chain = pytest.mark.skipif(not F.fallback_chain(), reason="no Extension B font installed (fonts-hanazono)")

# (name, kind, masked as lists and documents show it, the Extension A/B character, fragments that must find it)
EXT_NAMES = [
    ("㐂田", "natural_person", "㐂*", "㐂", ("㐂", "㐂田")),
    ("张㐂", "natural_person", "张*", "㐂", ("张㐂",)),
    ("𠮷野家", "natural_person", "𠮷*家", "𠮷", ("𠮷", "𠮷野", "野家")),
    ("王𪚥", "natural_person", "王*", "𪚥", ("𪚥", "王𪚥")),
    ("𠀀𠀁𠀂", "natural_person", "𠀀*𠀂", "𠀀", ("𠀁𠀂",)),
    ("欧阳𠮷", "natural_person", "欧阳*", "𠮷", ("阳𠮷",)),
    ("阿𠮷·买𪚥提", "natural_person", "阿*·**提", "𪚥", ("阿𠮷•买𪚥提", "𪚥提")),   # dot variant typed
    ("𠮷野家餐饮有限公司", "legal_person", "𠮷野家餐饮有限公司", "𠮷", ("𠮷野家餐饮",)),
    ("㐂𪚥商店", "individual_business", "㐂𪚥商店", "𪚥", ("㐂𪚥",)),           # trade name: shown whole
]
RIC = with_check("32010219900101123")
USCC = demo.uscc(random.Random(31), "320812")


def _add(session, name, kind):
    other = subjects.add_subject(session, kind="natural_person", name="王五", id_type="ric",
                                 id_number=with_check("32010219800101555"))
    if kind == "natural_person":
        return other, subjects.add_subject(session, kind=kind, name=name, id_type="ric", id_number=RIC)
    return other, subjects.add_subject(session, kind=kind, name=name, id_type="uscc", id_number=USCC)


def ink_in_char_box(pdf, ch: str, tmp_path) -> tuple[float, float]:
    """(ink fraction inside the box of the first ``ch`` on page 1, ink fraction of a blank box of the same size),
    the page rendered by pdftoppm at 144 dpi; the box comes from pdfium's character boxes."""
    import pypdfium2 as pdfium
    from PIL import Image
    doc = pdfium.PdfDocument(str(pdf))
    page = doc[0]
    text_page = page.get_textpage()
    text = text_page.get_text_range()
    i = text.index(ch)
    index = i + sum(1 for c in text[:i] if ord(c) > 0xFFFF)  # pdfium counts UTF-16 units
    left, bottom, right, top = text_page.get_charbox(index)
    height = page.get_size()[1]
    doc.close()
    subprocess.run(["pdftoppm", "-r", "144", "-f", "1", "-l", "1", "-gray", "-png", str(pdf), str(tmp_path / "p")],
                   check=True)
    img = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    k = 144 / 72

    def ink(x0, y0, x1, y1) -> float:
        box = img.crop((int(x0 * k), int((height - y1) * k), int(x1 * k) + 1, int((height - y0) * k) + 1))
        hist = box.histogram()  # 256 grey levels
        return sum(hist[:128]) / sum(hist)
    w = right - left
    return ink(left, bottom, right, top), ink(20, bottom, 20 + w, top)  # the left margin: paper


def assert_glyph_drawn(pdf, ch: str, tmp_path) -> None:
    ink, paper = ink_in_char_box(pdf, ch, tmp_path)
    assert paper == 0 and 0.04 < ink < 0.7, (ch, ink, paper)  # a glyph: neither blank paper nor a filled box


@pytest.mark.parametrize("name,kind,masked,ext,fragments", EXT_NAMES, ids=[n[0] for n in EXT_NAMES])
def test_r15_ext_name_entered_stored_searched_and_masked(clerk, name, kind, masked, ext, fragments):
    other, s = _add(clerk, name, kind)
    assert subjects.show_subject(clerk, s.id, "核查身份").name == name  # stored as typed
    for typed in (name, *fragments):
        assert [x.id for x in subjects.search_subjects(clerk, typed, "核查身份")] == [s.id], typed
    reader = browse.Reader(clerk)
    try:
        token = browse.log_search(clerk, "subjects", fragments[0], "核查身份")
        (row,) = browse.subjects_page(clerk, reader, PageSpec(), token)
    finally:
        reader.close()
    assert row["name"] == masked and len(row["name"]) == len(name)  # R15 by kind, one mark per character


@needs_chain
@pytest.mark.parametrize("name,kind,masked,ext,fragments", EXT_NAMES, ids=[n[0] for n in EXT_NAMES])
def test_r15_ext_name_printed_embedded_and_drawn(clerk, tmp_path, name, kind, masked, ext, fragments):
    _, s = _add(clerk, name, kind)
    item = document_sources.item_for(clerk, "credit_query", subject_id=s.id, purpose="政府采购资格审查")
    pdf = tmp_path / "q.pdf"
    documents.issue(clerk, "credit_query", [item], pdf)
    text = re.sub(r"\s", "", pdftotext(pdf))
    assert f"主体名称：{masked}" in text  # read back through ToUnicode, masked by kind
    if masked != name:
        assert name not in text
    rows = pdffonts(pdf)
    assert rows and all(r["emb"] == "yes" and r["sub"] == "yes" for r in rows)
    shown_ext = ext if ext in masked else next(c for c in masked if ord(c) > 0x33FF and c != "*")
    assert_glyph_drawn(pdf, shown_ext, tmp_path)


@needs_chain
def test_missing_fallback_would_leave_the_box_blank(clerk, tmp_path, monkeypatch):
    """The pixel check can fail: with the chain bypassed (the role's own font draws 𠮷, which it lacks) the box
    holds no glyph ink — this is what the fallback chain prevents."""
    monkeypatch.setattr(F.FontSet, "font_for_name", lambda self, font, ch: font)
    monkeypatch.setattr(F.FontSet, "check_glyphs", lambda self, role, text, where="": None)
    _, s = _add(clerk, "𠮷野家餐饮有限公司", "legal_person")
    item = document_sources.item_for(clerk, "credit_query", subject_id=s.id, purpose="政府采购资格审查")
    documents.issue(clerk, "credit_query", [item], tmp_path / "q.pdf")
    with pytest.raises((AssertionError, ValueError)):  # ValueError: the character is not on the page at all
        assert_glyph_drawn(tmp_path / "q.pdf", "𠮷", tmp_path)


def test_cli_enters_searches_and_prints_ext_names(office, secret_files, tmp_path):
    run = clerk_cli(office, secret_files)
    code, out, err = run("--json", "subject", "add", "--kind", "natural_person", "--name", "王𪚥㐂", "--id-type", "ric",
                         "--id-number", RIC)
    assert code == 0, err
    sid = json.loads(out)["id"]
    for typed in ("𪚥", "王𪚥", "𪚥㐂"):
        code, out, err = run("--json", "subject", "search", typed, "--purpose", "核查身份")
        assert code == 0 and [r["name"] for r in json.loads(out)] == ["王*㐂"], (typed, err)
    if F.fallback_chain():
        code, out, err = run("print", "credit_query", "--subject", str(sid), "--purpose", "政府采购资格审查",
                             "--out", str(tmp_path / "p.pdf"))
        assert code == 0 and "Traceback" not in err, err
        assert "王*㐂" in re.sub(r"\s", "", pdftotext(tmp_path / "p.pdf"))
