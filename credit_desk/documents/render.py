"""Draw notices onto A4 pages (GB/T 9704-2012) with reportlab: a pure function of template + context.

Page order: 发文机关 (red, centred) · 发文字号 (centred) · red separator · title (Song 22 pt) ·
addressee · body (FangSong 16 pt, level-1 headings in Hei) · 发文机关署名 and 成文日期 (right, four
characters in) over the seal area · the verification QR code at the lower left of the last page.
A reprint carries a red 「副本」 mark above the text block on every page.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from credit_desk.documents import layout as L
from credit_desk.documents.fonts import FontSet
from credit_desk.documents.qr import draw_qr
from credit_desk.documents.templates import Template, annexes, check_context, fill
from credit_desk.documents.verify import encode_meta

RED = (0.85, 0.0, 0.0)
QR_SIZE = 24 * mm
SEAL_DIAMETER = 42 * mm
KEEP_WITH_SIGNATURE = 2   # body lines that stay on the page of the signature (no seal on a blank page)


@dataclass(frozen=True)
class DocMeta:
    number: str
    issued: date
    office: str
    qr_text: str
    copy_no: int = 0          # 0 = the original, n = the n-th reprint (副本)
    draft: bool = False       # 样稿: no number, no QR, no seal, marked across every page


@dataclass
class Slot:
    """One grid line of the text block."""
    text: str = ""
    role: str = "fang"
    size: float = L.SIZE_BODY
    align: str = "left"       # left | centre | right
    indent: float = 0.0
    char_space: float = 0.0
    colour: tuple = (0, 0, 0)
    rule_below: bool = False
    mark: str = ""            # "office" | "date" for the signature lines


@dataclass
class Doc:
    title: str
    slots: list[Slot] = field(default_factory=list)


def _para(text: str, role: str, fonts: FontSet, indent_chars: float, align="left", size=L.SIZE_BODY,
          colour=(0, 0, 0), justify=True, where="") -> list[Slot]:
    fonts.check_glyphs(role, text, where)
    font = fonts.names[role]
    if align != "left":
        lines = L.set_lines(text, font, size, 0.0, justify=False)
    else:
        lines = L.set_lines(text, font, size, indent_chars * L.CHAR_PITCH, justify=justify)
    return [Slot(ln.text, role, size, align, ind, ln.char_space, colour) for ln, ind in lines]


def printed_text(tpl: Template, context: dict, meta: DocMeta) -> str:
    """Every word the notice shows, in reading order, one line each (what the CDN2 signature digests).

    Mirrors ``compose``: 发文机关, 发文字号, title, the body blocks, then 署名 and 成文日期 when signed.
    The 副本 mark, page numbers and the QR caption are not part of the notice's text.
    """
    ctx = check_context(tpl, context)
    title, blocks = fill(tpl, ctx, {"office": meta.office, "number": meta.number, "date": L.format_date(meta.issued)})
    lines = [meta.office, meta.number, title] + [b.text for b in blocks]
    if tpl.signature:
        lines += [meta.office, L.format_date(meta.issued)]
    lines += [b.text for annex in annexes(tpl, ctx) for b in annex]  # GB/T 9704: annexes follow the signature
    return "\n".join(lines)


def compose(tpl: Template, context: dict, meta: DocMeta, fonts: FontSet) -> Doc:
    """Lay one document out on grid lines (no drawing yet)."""
    ctx = check_context(tpl, context)
    builtins = {"office": meta.office, "number": meta.number, "date": L.format_date(meta.issued)}
    title, blocks = fill(tpl, ctx, builtins)
    s: list[Slot] = []
    s += _para(meta.office, "song", fonts, 0, "centre", L.SIZE_TITLE, RED, where="office")
    s.append(Slot())
    s += _para(meta.number, "fang", fonts, 0, "centre", where="number")
    s[-1].rule_below = True
    s.append(Slot())
    s += _para(title, "song", fonts, 0, "centre", L.SIZE_TITLE, where="title")
    s.append(Slot())
    styles = {"addressee": ("fang", 0, "left"), "heading": ("hei", 2, "left"), "plain": ("fang", 0, "left"),
              "right": ("fang", 0, "right"), "para": ("fang", 2, "left")}
    for n, b in enumerate(blocks):
        role, ind, align = styles[b.kind]
        lines = _para(b.text, role, fonts, ind, align, where=b.kind)
        if b.kind == "heading" and n + 1 < len(blocks):
            s += _keep_with_next(len(s), len(lines))
        s += lines
    if tpl.signature:
        s = _with_signature(s, meta, fonts)
    for annex in annexes(tpl, ctx):
        s += _annex(len(s), annex, fonts, styles)
    return Doc(title, s)


def _annex(used: int, blocks, fonts: FontSet, styles: dict) -> list[Slot]:
    """GB/T 9704 7.4.2: a new page; 「附件N」 in Hei flush left on the first line, the title centred on the third."""
    line = used % L.LINES_PER_PAGE
    s = [Slot() for _ in range(L.LINES_PER_PAGE - line)] if line else []
    label, title, rest = blocks[0], blocks[1], blocks[2:]
    s += _para(label.text, "hei", fonts, 0, "left", where="annex")
    s.append(Slot())
    s += _para(title.text, "song", fonts, 0, "centre", L.SIZE_TITLE, where="annex")
    s.append(Slot())
    for b in rest:
        role, ind, align = styles[b.kind]
        s += _para(b.text, role, fonts, ind, align, where=b.kind)
    return s


def _keep_with_next(used: int, heading_lines: int) -> list[Slot]:
    """Blank lines that move a heading to the next page when it would end on a page's last line (or cross it):
    a heading always stands above its first line of text (issue 17 item 8, as reportlab's keepWithNext)."""
    line = used % L.LINES_PER_PAGE
    if line and line + heading_lines >= L.LINES_PER_PAGE:
        return [Slot() for _ in range(L.LINES_PER_PAGE - line)]
    return []


def _with_signature(s: list[Slot], meta: DocMeta, fonts: FontSet) -> list[Slot]:
    """Blank line, 发文机关署名 centred over the date, 成文日期 four characters in from the right."""
    sig = [Slot()]
    sig += _para(meta.office, "fang", fonts, 0, "right", where="office")
    sig += _para(L.format_date(meta.issued), "fang", fonts, 0, "right", where="date")
    office, day = sig[-2], sig[-1]
    day.indent = 4 * L.CHAR_PITCH
    w_office = L._width(office.text, fonts.names["fang"], L.SIZE_BODY, office.char_space)
    w_day = L._width(day.text, fonts.names["fang"], L.SIZE_BODY, day.char_space)
    office.indent = max(0.0, day.indent + (w_day - w_office) / 2)
    office.mark, day.mark = "office", "date"
    used = len(s) % L.LINES_PER_PAGE
    room = L.LINES_PER_PAGE - used if used else 0
    if room < len(sig) and used > KEEP_WITH_SIGNATURE:
        # the seal may not stand on a page without text: the last body lines go over with it
        s = s[:-KEEP_WITH_SIGNATURE] + [Slot()] * (room + KEEP_WITH_SIGNATURE) + s[-KEEP_WITH_SIGNATURE:]
    elif used == 0 and s:
        s = s[:-KEEP_WITH_SIGNATURE] + [Slot()] * KEEP_WITH_SIGNATURE + s[-KEEP_WITH_SIGNATURE:]
    return s + sig


def _x(slot: Slot, fonts: FontSet) -> float:
    width = L._width(slot.text, fonts.names[slot.role], slot.size, slot.char_space)
    if slot.align == "centre":
        return L.BLOCK_LEFT + (L.BLOCK_W - width) / 2
    if slot.align == "right":
        return L.BLOCK_RIGHT - slot.indent - width
    return L.BLOCK_LEFT + slot.indent


def _draw_slot(c: Canvas, slot: Slot, i: int, fonts: FontSet, xs: dict) -> None:
    if slot.text:
        x = _x(slot, fonts)
        t = c.beginText(x, L.baseline(i, slot.size))
        t.setCharSpace(slot.char_space)
        t.setFillColorRGB(*slot.colour)
        for font, run in fonts.runs(slot.role, slot.text):  # per character: the role's fallback chain
            t.setFont(font, slot.size)
            t.setCharSpace(slot.char_space)
            t.textOut(run)
        c.drawText(t)
        xs[slot.mark or "_"] = (x, i)
    if slot.rule_below:  # 版头 separator: red, full block width, 4 mm under the 发文字号
        y = L.baseline(i, slot.size) - 4 * mm
        c.setStrokeColorRGB(*RED)
        c.setLineWidth(1)
        c.line(L.BLOCK_LEFT, y, L.BLOCK_RIGHT, y)


def _draw_page_number(c: Canvas, n: int, fonts: FontSet) -> None:
    label = L.page_label(n)
    font = fonts.names["song"]
    y = L.BLOCK_BOTTOM - L.PAGE_NO_GAP - L.SIZE_PAGE_NO * 0.8
    c.setFillColorRGB(0, 0, 0)
    c.setFont(font, L.SIZE_PAGE_NO)
    if n % 2:
        c.drawRightString(L.BLOCK_RIGHT - L.SIZE_PAGE_NO, y, label)
    else:
        c.drawString(L.BLOCK_LEFT + L.SIZE_PAGE_NO, y, label)


def _draw_copy_mark(c: Canvas, copy_no: int, fonts: FontSet) -> None:
    """A reprint says so on every page, above the text block: 副本 (reprint n)."""
    text = f"副本（第{copy_no}次重印）"
    font = fonts.names["hei"]
    w = L._width(text, font, L.SIZE_BODY, 0)
    x, y = L.BLOCK_RIGHT - w - 3 * mm, L.BLOCK_TOP + 9 * mm
    c.setStrokeColorRGB(*RED)
    c.setLineWidth(1.2)
    c.rect(x - 2 * mm, y - 2.5 * mm, w + 4 * mm, L.SIZE_BODY + 3.5 * mm, stroke=1, fill=0)
    c.setFillColorRGB(*RED)
    c.setFont(font, L.SIZE_BODY)
    c.drawString(x, y, text)


DRAFT_MARK = "样稿 · 无效力"


def _draw_draft_mark(c: Canvas, fonts: FontSet) -> None:
    """A draft says so diagonally across every page, in grey over the whole text block (样稿, no legal effect)."""
    c.saveState()
    c.setFillColorRGB(0.6, 0.6, 0.6)
    c.setFont(fonts.names["hei"], 72)
    c.translate(L.PAGE_W / 2, L.PAGE_H / 2)
    c.rotate(45)
    c.drawCentredString(0, -24, DRAFT_MARK)
    c.restoreState()


def _draw_seal_and_qr(c: Canvas, meta: DocMeta, xs: dict, fonts: FontSet, signature: bool) -> None:
    if meta.draft:
        return  # a draft carries no seal area and nothing to verify
    if signature and "office" in xs and "date" in xs:
        (ox, oi), (_dx, di) = xs["office"], xs["date"]
        w = L._width(meta.office, fonts.names["fang"], L.SIZE_BODY, L.base_char_space(L.SIZE_BODY))
        cx = ox + w / 2
        cy = (L.baseline(oi, L.SIZE_BODY) + L.baseline(di, L.SIZE_BODY)) / 2 + 0.4 * L.LINE_PITCH
        c.saveState()
        c.setStrokeColorRGB(0.9, 0.55, 0.55)
        c.setDash(3, 3)
        c.setLineWidth(0.6)
        c.circle(cx, cy, SEAL_DIAMETER / 2, stroke=1, fill=0)
        c.restoreState()
    last = max((i for _, i in xs.values()), default=0)
    y = max(L.BLOCK_BOTTOM + 4 * mm, L.baseline(last, L.SIZE_BODY) - 2 * mm)
    draw_qr(c, meta.qr_text, L.BLOCK_LEFT, y, QR_SIZE)
    c.setFillColorRGB(0.25, 0.25, 0.25)
    c.setFont(fonts.names["hei"], 7.5)
    c.drawString(L.BLOCK_LEFT, y - 3.2 * mm, "扫码核验 · 文书真伪")


def draw(c: Canvas, doc: Doc, meta: DocMeta, fonts: FontSet, signature: bool = True) -> int:
    """Draw a composed document from the canvas's current page; returns the pages used."""
    pages = [doc.slots[i:i + L.LINES_PER_PAGE] for i in range(0, len(doc.slots), L.LINES_PER_PAGE)]
    # the seal and the QR stand on the page of the signature (annexes follow it), else on the last page
    sealed = next((n for n, page in enumerate(pages, start=1) if any(sl.mark == "date" for sl in page)), len(pages))
    for n, page in enumerate(pages, start=1):
        xs: dict = {}
        if meta.copy_no:
            _draw_copy_mark(c, meta.copy_no, fonts)
        if meta.draft:
            _draw_draft_mark(c, fonts)
        for i, slot in enumerate(page):
            _draw_slot(c, slot, i, fonts, xs)
        if n == sealed:
            _draw_seal_and_qr(c, meta, xs, fonts, signature)
        _draw_page_number(c, n, fonts)
        c.showPage()
    return len(pages)


def new_canvas(buf, title: str, office: str, keywords: str, fonts: FontSet) -> Canvas:
    # the initial font is ours, so no page refers to a non-embedded base-14 font
    c = Canvas(buf, pagesize=(L.PAGE_W, L.PAGE_H), invariant=1, pageCompression=1,
               initialFontName=fonts.names["fang"], initialFontSize=L.SIZE_BODY)
    c.setTitle(title)
    c.setAuthor(office)
    c.setCreator("credit_desk")
    c.setSubject("credit_desk notice")
    c.setKeywords(keywords)
    return c


def render_pdf(items: list[tuple[Template, dict, DocMeta]], fonts: FontSet,
               meta_entries: list[dict] | None = None, drawn=None) -> tuple[bytes, list[tuple[int, int]]]:
    """One PDF holding each (template, context, meta) in turn; returns it and each document's pages.

    ``meta_entries`` (one per item) are embedded in the Keywords with their page range (verify.py).
    ``drawn()`` is called after each document is drawn (a batch's progress).
    """
    buf = io.BytesIO()
    first = items[0]
    c = new_canvas(buf, first[0].title if len(items) == 1 else "文书批量打印", first[2].office, "", fonts)
    ranges, page = [], 1
    for tpl, ctx, meta in items:
        used = draw(c, compose(tpl, ctx, meta, fonts), meta, fonts, tpl.signature)
        ranges.append((page, page + used - 1))
        page += used
        if drawn is not None:
            drawn()
    if meta_entries is not None:
        c.setKeywords(encode_meta([{**e, "pages": list(r)} for e, r in zip(meta_entries, ranges)]))
    c.save()
    return buf.getvalue(), ranges
