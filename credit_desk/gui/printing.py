"""Preview and print PDFs: pages rendered with PDFium (pypdfium2), printed on a chosen QPrinter.

QtPdf is not in the PySide6 6.12 wheels (neither Essentials nor Addons carry it any more), so pages are
rendered to images with pypdfium2 (a small wheel with PDFium inside, for Windows and Linux alike). Printing
paints those images on the QPrinter from a worker thread (Qt allows QPainter on a QPrinter off the GUI
thread); PDFium itself is not thread-safe, so every use of it holds one lock.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from credit_desk.domain.errors import DomainError

_PDFIUM = threading.Lock()
PREVIEW_DPI = 96
PRINT_DPI = 300


def _refuse(path: Path, why: str) -> DomainError:
    return DomainError("PDF_UNREADABLE", f"无法打开文书文件 {Path(path).name}：{why}。",
                       f"Cannot open {Path(path).name}: {why}.", field="file")


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium
    with _PDFIUM:
        try:
            doc = pdfium.PdfDocument(str(path))
        except (OSError, pdfium.PdfiumError) as exc:
            raise _refuse(path, str(exc)) from None
        try:
            return len(doc)
        finally:
            doc.close()


def render_pages(path: Path, dpi: int = PREVIEW_DPI, job=None) -> list[QImage]:
    """Every page of the PDF as an image at ``dpi`` (call from a worker: a long notice takes a while)."""
    import pypdfium2 as pdfium
    images = []
    with _PDFIUM:
        try:
            doc = pdfium.PdfDocument(str(path))
        except (OSError, pdfium.PdfiumError) as exc:
            raise _refuse(path, str(exc)) from None
        try:
            for i in range(len(doc)):
                if job is not None:
                    job.check()
                    job.progress(i, len(doc))
                pil = doc[i].render(scale=dpi / 72).to_pil().convert("RGB")
                data = pil.tobytes()
                images.append(QImage(data, pil.width, pil.height, 3 * pil.width, QImage.Format_RGB888).copy())
        finally:
            doc.close()
    return images


def print_pdfs(paths: list[Path], printer: QPrinter, job=None) -> int:
    """Print the files one after another as one job; returns the number of pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        raise DomainError("PRINTER_UNAVAILABLE", "无法启动打印：打印机不可用或输出文件不能写入。",
                          "Printing could not start: the printer is unavailable or the file cannot be written.",
                          field="printer")
    pages = 0
    try:
        for n, path in enumerate(paths):
            for image in render_pages(Path(path), PRINT_DPI, job):
                if pages:
                    printer.newPage()
                _paint_page(painter, printer, image)
                pages += 1
            if job is not None:
                job.progress(n + 1, len(paths))
    finally:
        painter.end()
    return pages


def _paint_page(painter: QPainter, printer: QPrinter, image: QImage) -> None:
    """Fit the page inside the printable area, keeping its proportions (A4 on A4 is 1:1)."""
    area = printer.pageLayout().paintRectPixels(printer.resolution())
    area.moveTo(0, 0)
    size = image.size().scaled(area.size(), Qt.KeepAspectRatio)
    painter.drawImage(QRect(area.x(), area.y(), size.width(), size.height()), image)


def choose_printer(parent=None, pages: int = 0) -> QPrinter | None:
    """The system's print dialog (printer, copies, pages); None when the clerk cancels."""
    printer = QPrinter(QPrinter.HighResolution)
    dlg = QPrintDialog(printer, parent)
    dlg.setWindowTitle(QCoreApplication.translate("Printing", "Print"))
    if pages:
        dlg.setMinMax(1, pages)
    return printer if dlg.exec() == QDialog.Accepted else None


def print_files(ctx, paths: list[Path], printer: QPrinter, parent=None, done=None):
    """Print through ``gui/ops.py`` with progress and cancel; ``done(pages)`` on the GUI thread."""
    return ctx.ops.run(lambda job: print_pdfs([Path(p) for p in paths], printer, job), done=done,
                       label=QCoreApplication.translate("Printing", "Printing…"), parent=parent)


class PdfPreview(QWidget):
    """Pages of one PDF in a scrolling column (rendered off the GUI thread), with zoom."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path: Path | None = None
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

    def load(self, path: Path) -> None:
        self.path, self.images = Path(path), []
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
                            .replace("%2", self.path.name))
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


class PreviewDialog(QDialog):
    """The notice as it will print, and 打印… to a chosen printer."""

    def __init__(self, ctx, path: Path, title: str, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.path = ctx, Path(path)
        self.setWindowTitle(self.tr("Preview — %1").replace("%1", title))
        self.resize(860, 900)
        self.preview = PdfPreview(ctx, self)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("printButton")
        self.print_button.clicked.connect(self.print_now)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Close"))
        buttons.addButton(self.print_button, QDialogButtonBox.ActionRole)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.preview, 1)
        box.addWidget(buttons)
        self.preview.load(self.path)

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
        print_files(self.ctx, [self.path], printer, self, done=lambda n: self.status.setText(
            self.tr("Sent %1 page(s) to the printer.").replace("%1", str(n))))


def notices_folder(ctx) -> Path:
    """Where issued notices are written on this PC (setting print/folder; default ``<data>-notices`` beside the
    data folder: only the ledger's own code writes inside the data folder, issue 14 item 4)."""
    data = Path(ctx.session.ledger.paths.folder)
    default = data.parent / f"{data.name}-notices"
    folder = Path(str(ctx.settings.value("print/folder", str(default))))
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def notice_path(ctx, stem: str) -> Path:
    """A new file in the notices folder: ``stem-<timestamp>.pdf``, with -2, -3… if that name is taken
    (never replaces an earlier print)."""
    folder, stamp = notices_folder(ctx), f"{ctx.session.desk.now():%Y%m%d%H%M%S}"
    path, n = folder / f"{stem}-{stamp}.pdf", 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{stamp}-{n}.pdf"
    return path
