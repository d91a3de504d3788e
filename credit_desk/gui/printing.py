"""Preview and print PDFs: pages rendered with PDFium (pypdfium2), printed on a chosen QPrinter.

Issued notices are kept inside the encrypted ledger (issue 17 item 9, R14): they are previewed and printed from
memory, and a PDF file is written only when the clerk chooses 另存为 PDF and a place for it.

QtPdf is not in the PySide6 6.12 wheels (neither Essentials nor Addons carry it any more), so pages are
rendered to images with pypdfium2 (a small wheel with PDFium inside, for Windows and Linux alike). Printing
paints those images on the QPrinter from a worker thread (Qt allows QPainter on a QPrinter off the GUI
thread); PDFium itself is not thread-safe, so every use of it holds one lock.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QPushButton,
                               QScrollArea, QVBoxLayout, QWidget)

from credit_desk.domain.errors import DomainError

_PDFIUM = threading.Lock()
PREVIEW_DPI = 96
PRINT_DPI = 300


def _name(source) -> str:
    return "PDF" if isinstance(source, (bytes, bytearray)) else Path(source).name


def _refuse(source, why: str) -> DomainError:
    return DomainError("PDF_UNREADABLE", f"无法打开文书文件 {_name(source)}：{why}。",
                       f"Cannot open {_name(source)}: {why}.", field="file")


def _open(pdfium, source):
    """A PdfDocument from a file or from bytes kept in the ledger (nothing written to disk)."""
    return pdfium.PdfDocument(bytes(source) if isinstance(source, (bytes, bytearray)) else str(source))


def page_count(path) -> int:
    import pypdfium2 as pdfium
    with _PDFIUM:
        try:
            doc = _open(pdfium, path)
        except (OSError, pdfium.PdfiumError) as exc:
            raise _refuse(path, str(exc)) from None
        try:
            return len(doc)
        finally:
            doc.close()


def _into_qimage(made: list):
    """A pypdfium2 ``bitmap_maker`` that renders into a new QImage's own memory (appended to ``made``): allocated by
    Qt without filling it, filled white and drawn by PDFium, so no step of it holds Python's lock for long."""
    import ctypes

    import pypdfium2 as pdfium

    def make(width, height, format, rev_byteorder=False):
        image = QImage(width, height, QImage.Format_RGB32)  # BGRx in memory: Qt's RGB32
        buffer = (ctypes.c_ubyte * image.sizeInBytes()).from_buffer(image.bits())
        made.append(image)
        return pdfium.PdfBitmap.new_native(width, height, format, rev_byteorder, buffer=buffer,
                                           stride=image.bytesPerLine())
    return make


def page_count(source) -> int:
    """How many pages the PDF (a path, or bytes from the ledger) has: opening it reads its page tree only."""
    import pypdfium2 as pdfium
    with _PDFIUM:
        try:
            doc = _open(pdfium, source)
        except (OSError, pdfium.PdfiumError) as exc:
            raise _refuse(source, str(exc)) from None
        try:
            return len(doc)
        finally:
            doc.close()


def _pages(source, dpi: int, job=None, report: bool = True):
    """Each page of the PDF rendered at ``dpi`` as a QImage (a generator: one page in memory at a time).

    Issue 18 (the batch print froze the window ~180 ms at a time, up to 470 ms on a loaded machine): PDFium renders
    straight into the QImage's memory. Before, each 300 dpi page (35 MB) went into pypdfium2's own bitmap, a ctypes
    array made by Python, and was then copied into a QImage (``QImage.copy``, Python's lock held throughout); the
    window's longest gaps fell on those two steps (copy 40–260 ms, the render with its array 85–415 ms, at load 3–6
    while PDFium alone takes 40–75 ms and lets go of the lock: ctypes releases it for every PDFium call). Now the
    page's memory is touched first by PDFium, with the lock released, and never copied. PDFium itself is not
    thread-safe: ``_PDFIUM`` is held for each PDFium step, not while the caller paints the page, so a preview can
    render between two pages of a long print."""
    import pypdfium2 as pdfium
    with _PDFIUM:
        try:
            doc = _open(pdfium, source)
        except (OSError, pdfium.PdfiumError) as exc:
            raise _refuse(source, str(exc)) from None
        count = len(doc)
    try:
        for i in range(count):
            if job is not None:
                job.check()
                if report:
                    job.progress(i, count)
            made: list[QImage] = []
            with _PDFIUM:
                page = doc[i]
                try:
                    page.render(scale=dpi / 72, prefer_bgrx=True, bitmap_maker=_into_qimage(made)).close()
                finally:
                    page.close()
            yield made[0]
    finally:
        with _PDFIUM:
            doc.close()


def render_pages(path, dpi: int = PREVIEW_DPI, job=None) -> list[QImage]:
    """Every page of the PDF (a path, or the bytes kept in the ledger) as an image at ``dpi`` (call from a
    worker: a long notice takes a while)."""
    return list(_pages(path, dpi, job))


def print_pdfs(paths: list, printer: QPrinter, job=None) -> int:
    """Print the PDFs (paths or bytes) one after another as one job; returns the number of pages printed.
    ``job.progress(pages printed, pages in all)`` after each page (gui18, session 34: the bar counted whole
    notices, so one 100-page notice held it still for half a minute)."""
    total = sum(page_count(path) for path in paths) if job is not None else 0
    painter = QPainter()
    if not painter.begin(printer):
        raise DomainError("PRINTER_UNAVAILABLE", "无法启动打印：打印机不可用或输出文件不能写入。",
                          "Printing could not start: the printer is unavailable or the file cannot be written.",
                          field="printer")
    pages = 0
    try:
        for path in paths:
            for image in _pages(path, PRINT_DPI, job, report=False):
                if pages:
                    printer.newPage()
                _paint_page(painter, printer, image)
                pages += 1
                if job is not None:
                    job.progress(pages, max(total, pages))
    finally:
        painter.end()
    return pages


# a page is drawn in bands of image rows: Qt's drawImage runs without releasing Python's lock; one whole 300 dpi page
# held it ~1 s, a band of 128 rows 3–30 ms (issue 18). Thinner bands change the printed file (more, smaller images:
# 64 rows made 1.3 % of the pixels of a page rendered back differ), so 128 stays: the output is byte for byte the same
BAND_ROWS = 128


def _paint_page(painter: QPainter, printer: QPrinter, image: QImage) -> None:
    """Fit the page inside the printable area, keeping its proportions (A4 on A4 is 1:1).

    Drawn in horizontal bands of the image: Qt's drawImage runs without releasing Python's lock, and a whole page
    at the print resolution took about a second, in which the window's event loop could not run (issue 18: the
    window froze while a batch printed). Between two bands the worker lets go of the lock (``time.sleep(0)``): the
    GUI thread did not get it back by itself — on a quiet machine the loop's longest gap was one whole page's 28
    bands back to back (85–91 ms, 3.5 ms each), 9–20 ms with the explicit let-go (session 34). Band edges fall on
    whole target pixels, so no seam shows."""
    area = printer.pageLayout().paintRectPixels(printer.resolution())
    area.moveTo(0, 0)
    size = image.size().scaled(area.size(), Qt.KeepAspectRatio)
    scale = size.height() / image.height() if image.height() else 1.0
    top = 0
    while top < image.height():
        rows = min(BAND_ROWS, image.height() - top)
        y0, y1 = round(top * scale), round((top + rows) * scale)
        painter.drawImage(QRect(area.x(), area.y() + y0, size.width(), y1 - y0), image,
                          QRect(0, top, image.width(), rows))
        time.sleep(0)  # lets go of Python's lock: without it the GUI thread waited for a whole page's bands (~90 ms)
        top += rows


def choose_printer(parent=None, pages: int = 0) -> QPrinter | None:
    """The system's print dialog (printer, copies, pages); None when the clerk cancels."""
    printer = QPrinter(QPrinter.HighResolution)
    dlg = QPrintDialog(printer, parent)
    dlg.setWindowTitle(QCoreApplication.translate("Printing", "Print"))
    if pages:
        dlg.setMinMax(1, pages)
    return printer if dlg.exec() == QDialog.Accepted else None


def file_of(printer: QPrinter) -> Path | None:
    """The file a 「打印到文件」 printer writes (Qt's PDF output; the default where the PC has no printer), None for
    a real printer."""
    name = printer.outputFileName() if printer.outputFormat() == QPrinter.PdfFormat else ""
    return Path(name) if name else None


def private_output(ctx, printer: QPrinter) -> Path | None:
    """R14 (issue 17 item 9): a print to a file writes full names and ID numbers, so the file is made the clerk's
    alone (0600) before Qt paints into it — Qt keeps an existing file's mode — and never in the data folder.
    Returns the file, None for a real printer; raises DomainError (OUT_IN_DATA_DIR, OUT_IS_FOLDER)."""
    import os

    from credit_desk import outpaths
    out = file_of(printer)
    if out is None:
        return None
    out = outpaths.guard_file(out, data_dir=ctx.session.ledger.paths.folder, force=True, field="printer")
    os.close(os.open(out, os.O_WRONLY | os.O_CREAT, 0o600))
    os.chmod(out, 0o600)
    return out


def cancelled_words(to_file: bool) -> str:
    """What a clerk is told after 取消 of a print (gui18: nothing was said): pages already sent may have printed;
    a print to a file left an incomplete file."""
    if to_file:
        return QCoreApplication.translate("Printing", "Printing was cancelled. The file holds only the pages "
                                                      "printed before the cancel: delete it and print again.")
    return QCoreApplication.translate("Printing", "Printing was cancelled. Pages already sent to the printer may "
                                                  "still come out: collect them.")


def print_files(ctx, paths: list, printer: QPrinter, parent=None, done=None, cancelled=None):
    """Print (paths or bytes) through ``gui/ops.py`` with progress and cancel; ``done(pages)`` on the GUI
    thread, ``cancelled()`` there after 取消."""
    return ctx.ops.run(lambda job: print_pdfs(list(paths), printer, job), done=done, cancelled=cancelled,
                       label=QCoreApplication.translate("Printing", "Printing…"), parent=parent,
                       can_cancel=True)  # between pages; cancelled() says what came out


class PdfPreview(QWidget):
    """Pages of one PDF in a scrolling column (rendered off the GUI thread), with zoom."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path = None    # the PDF shown: bytes from the ledger (or a path)
        self.name = ""
        self.images: list[QImage] = []
        self.zoom = 1.0
        self._generation = 0
        self.pages = QWidget()
        self.pages.setObjectName("pages")
        self.pages_box = QVBoxLayout(self.pages)
        self.pages_box.setAlignment(Qt.AlignHCenter)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(self.pages)
        area.setStyleSheet("QScrollArea > QWidget > QWidget#pages { background: #8a8a8a; }")
        self.area = area
        self.fitted = False
        self.status = QLabel(self.tr("Choose a document to see it here."))
        self.status.setObjectName("previewStatus")
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        for text, factor in ((self.tr("Zoom out"), 0.8), (self.tr("Zoom in"), 1.25)):
            b = QPushButton(text)
            b.clicked.connect(lambda _c=False, f=factor: self.set_zoom(self.zoom * f))
            row.addWidget(b)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(row)
        box.addWidget(area, 1)

    @property
    def ready(self) -> bool:
        return bool(self.images)

    def load(self, path, name: str = "") -> None:
        """Show a PDF: ``path`` is the bytes kept in the ledger (or a file); ``name`` is what the status says."""
        self.path = path if isinstance(path, (bytes, bytearray)) else Path(path)
        self.name, self.images = name or _name(path), []
        self._generation += 1
        generation = self._generation
        self._clear_pages()
        self.status.setText(self.tr("Rendering the pages…"))
        self.ctx.ops.run(lambda job: render_pages(self.path, PREVIEW_DPI, job),
                         done=lambda images: self._show(generation, images),
                         failed=lambda exc: self._failed(generation, exc))

    def _failed(self, generation: int, exc) -> None:
        if generation == self._generation:
            msg = exc.message(self.ctx.lang) if isinstance(exc, DomainError) else str(exc)
            self.status.setText(msg)

    def _show(self, generation: int, images: list[QImage]) -> None:
        if generation != self._generation:
            return
        self.images = images
        self.status.setText(self.tr("%1 page(s) — %2").replace("%1", str(len(images)))
                            .replace("%2", self.name))
        if images and not self.fitted:  # the first document opens at the panel's width
            self.fitted = True
            self.zoom = (self.area.viewport().width() - 36) / images[0].width()
        self.set_zoom(self.zoom)

    def _clear_pages(self) -> None:
        while self.pages_box.count():
            item = self.pages_box.takeAt(0)
            if item.widget():
                item.widget().deleteLater()

    def set_zoom(self, zoom: float) -> None:
        self.zoom = max(0.3, min(zoom, 3.0))
        self._clear_pages()
        for image in self.images:
            page = QLabel()
            page.setObjectName("page")
            pixmap = QPixmap.fromImage(image).scaledToWidth(int(image.width() * self.zoom), Qt.SmoothTransformation)
            page.setPixmap(pixmap)
            page.setFixedSize(pixmap.size())  # a whole page, never squeezed to the viewport
            page.setStyleSheet("background: white; border: 1px solid #444;")
            self.pages_box.addWidget(page, 0, Qt.AlignHCenter)

    def fit_width(self, width: int) -> None:
        if self.images:
            self.set_zoom((width - 40) / self.images[0].width())

    def clear(self, text: str) -> None:
        self._generation += 1
        self.path, self.images = None, []
        self._clear_pages()
        self.status.setText(text)


class PreviewDialog(QDialog):
    """An issued notice as it will print (from the ledger, nothing on disk), with 打印… to a chosen printer and
    另存为 PDF… to a file the clerk picks (0600; the dialog says where it went)."""

    def __init__(self, ctx, doc: dict, title: str, purpose: str, parent=None) -> None:
        """``doc``: {number, pdf (bytes), …} from ``documents.stored_pdf``; ``purpose``: the R14 purpose of the
        look, logged again if the clerk saves a copy."""
        super().__init__(parent)
        self.ctx, self.doc, self.purpose = ctx, doc, purpose
        self.path = doc["pdf"]
        self.saved_to: Path | None = None
        self.setWindowTitle(self.tr("Preview — %1").replace("%1", title))
        self.resize(860, 900)
        self.preview = PdfPreview(ctx, self)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("printButton")
        self.print_button.clicked.connect(lambda: self.print_now())
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip(self.tr("The notice is kept in the encrypted ledger. Save a PDF only where it "
                                            "is needed: it holds the party's name and ID number."))
        self.save_button.clicked.connect(lambda: self.save_as())
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Close"))
        buttons.addButton(self.print_button, QDialogButtonBox.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ActionRole)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.preview, 1)
        box.addWidget(buttons)
        self.preview.load(self.path, doc["number"])

    @property
    def status(self) -> QLabel:
        return self.preview.status

    @property
    def ready(self) -> bool:
        return self.preview.ready

    def print_now(self, printer: QPrinter | None = None) -> None:
        printer = printer or choose_printer(self, len(self.preview.images))
        if printer is None:
            return
        out = file_of(printer)
        if out is not None:
            # 「打印到文件」 is 另存为 PDF: the stored notice itself, 0600, logged with its purpose, and said where
            # (Qt's own PDF printer wrote a world-readable picture of it to ~/print.pdf and said nothing; R14)
            self.save_as(str(out))
            return
        print_files(self.ctx, [self.path], printer, self, done=lambda n: self.status.setText(
            self.tr("Sent %1 page(s) to the printer.").replace("%1", str(n))),
            cancelled=lambda: self.status.setText(cancelled_words(False)))

    def save_as(self, path: str | None = None) -> Path | None:
        """Ask where (a save dialog starting in the folder of the last save), write the copy, say where it went."""
        return save_copy(self, self.ctx, self.doc["number"], self.purpose, path, self.status.setText)


def save_copy(parent, ctx, number: str, purpose: str, path: str | None, say) -> Path | None:
    """另存为 PDF: the clerk picks the file; written 0600 by ``documents.save_pdf``; ``say(text)`` tells where."""
    from credit_desk.services import documents
    if path is None:
        start = Path(str(ctx.settings.value("print/last_folder", str(Path.home())))) / f"{number}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            parent, QCoreApplication.translate("Printing", "Save the notice as a PDF"), str(start),
            QCoreApplication.translate("Printing", "PDF files (*.pdf)"))
    if not path:
        return None
    try:
        out = documents.save_pdf(ctx.session, number, Path(path), purpose, force=Path(path).exists())
    except DomainError as exc:
        say(exc.message(ctx.lang))
        return None
    ctx.settings.setValue("print/last_folder", str(Path(out["file"]).parent))
    say(QCoreApplication.translate("Printing", "Saved to %1 (readable by you only). It holds personal data: "
                                   "delete it when it is no longer needed.").replace("%1", out["file"]))
    return Path(out["file"])
