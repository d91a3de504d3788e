"""Issue 18 (the batch print's event-loop gap, ~180 ms against the 100 ms goal): a page is rendered by PDFium into a
QImage's own memory, not into pypdfium2's ctypes array (zeroed under Python's lock: 35 MB a 300 dpi A4 page) and
then copied into a QImage (under the lock again). What the printer receives must not change: the same notice
printed the old way (default bitmap, ``QImage.copy``) and the new way gives the same pages, read back with
pdftoppm, pixel for pixel; the text of the printed notice is checked with pdftotext on its source, as the GUI
prints the ledger's own PDF."""

from __future__ import annotations

import datetime as dt
import subprocess

from PIL import Image, ImageChops
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

from credit_desk.documents.fonts import load_fonts
from credit_desk.documents.render import DocMeta, render_pdf
from credit_desk.documents.templates import load_template
from credit_desk.gui import printing
from tests.documents.samples import SAMPLES


def _notice() -> bytes:
    tpl = load_template("listing_decision")
    meta = DocMeta(f"清{tpl.prefix}〔2026〕12号", dt.date(2026, 4, 1), "淮安市清江浦区信用办", "CDN1|test|" + "Q" * 40)
    pdf, _ = render_pdf([(tpl, SAMPLES["listing_decision"], meta), (tpl, SAMPLES["listing_decision"], meta)],
                        load_fonts())
    return pdf


def _printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _print_the_old_way(pdf: bytes, printer: QPrinter) -> int:
    """The path before this change: pypdfium2's own bitmap, copied into a QImage, painted in the same bands."""
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(pdf)
    painter = QPainter()
    assert painter.begin(printer)
    try:
        for i in range(len(doc)):
            bitmap = doc[i].render(scale=printing.PRINT_DPI / 72, prefer_bgrx=True)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format_RGB32).copy()
            if i:
                printer.newPage()
            printing._paint_page(painter, printer, image)
    finally:
        painter.end()
    return len(doc)


def _pages(path, folder, name) -> list[Image.Image]:
    subprocess.run(["pdftoppm", "-r", "100", "-png", str(path), str(folder / name)], check=True)
    return [Image.open(p).convert("RGB") for p in sorted(folder.glob(f"{name}-*.png"))]


def test_a_page_printed_from_pdfiums_render_into_the_qimage_is_the_page_printed_from_a_copy(qapp, tmp_path):
    pdf = _notice()
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "决定" in text.replace(" ", "")
    assert printing.print_pdfs([pdf], _printer(tmp_path / "new.pdf")) == _print_the_old_way(
        pdf, _printer(tmp_path / "old.pdf"))
    new, old = _pages(tmp_path / "new.pdf", tmp_path, "new"), _pages(tmp_path / "old.pdf", tmp_path, "old")
    assert len(new) == len(old) >= 2
    for a, b in zip(new, old):
        assert a.size == b.size and ImageChops.difference(a, b).getbbox() is None  # not one pixel differs
    assert ImageChops.difference(new[0], Image.new("RGB", new[0].size, "white")).getbbox()  # a page, not blank


def test_render_pages_gives_images_that_outlive_the_pdfium_document(qapp):
    """The preview keeps the pages it rendered: each QImage owns its memory (PDFium drew into it)."""
    images = printing.render_pages(_notice(), printing.PREVIEW_DPI)
    assert len(images) >= 2
    page = images[0]
    assert page.format() == QImage.Format_RGB32 and page.width() > 700 and page.height() > 1000
    assert page.pixelColor(5, 5).name() == "#ffffff"  # PDFium filled it white
    assert any(page.pixelColor(x, y).lightness() < 128 for y in range(0, page.height(), 7)
               for x in range(0, page.width(), 7))  # and drew the text on it


def test_a_printed_page_is_neither_allocated_by_ctypes_nor_copied(qapp, tmp_path, monkeypatch):
    """The two page-sized steps that held Python's lock (and froze the window while a batch printed, issue 18) are
    gone from the print path: no bitmap whose buffer pypdfium2 allocates as a ctypes array, no QImage copy of a
    page. (The gap itself is measured in tests/gui/test_print_batch_progress.py, a ratio asserted with -m perf.)"""
    import ctypes

    import pypdfium2 as pdfium
    arrays, copies = [], []
    real_render = pdfium.PdfPage.render

    def render(page, *args, **kwargs):
        bitmap = real_render(page, *args, **kwargs)
        if isinstance(bitmap.buffer, ctypes.Array) and bitmap.buffer._objects is None:
            arrays.append((bitmap.width, bitmap.height))  # pypdfium2's own ctypes array (zeroed under the lock)
        return bitmap

    class Counted(QImage):
        def copy(self, *args):
            copies.append(self.size())
            return super().copy(*args)
    monkeypatch.setattr(pdfium.PdfPage, "render", render)
    monkeypatch.setattr(printing, "QImage", Counted)
    pages = printing.print_pdfs([_notice()], _printer(tmp_path / "out.pdf"))
    assert pages >= 2
    assert arrays == [] and copies == []
