"""文书 register: every numbered notice with filters, a preview of the chosen one, printing to a chosen
printer, batch printing of several, reprints (副本), 另存为 PDF and voiding a number (作废).

The notices are kept in the encrypted ledger (issue 17 item 9): they are shown and printed from there, under a
stated purpose (R14: they carry the party's name and ID number); a PDF file is written only on 另存为 PDF."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QInputDialog, QLabel, QLineEdit,
                               QPushButton, QSplitter, QVBoxLayout, QWidget)

from credit_desk.documents.templates import available
from credit_desk.domain.errors import DomainError
from credit_desk.gui.i18n import aside, counted, listing
from credit_desk.gui.models.documents_model import NOT_REPRINTED, PRINTED, DocumentsModel, status_words, type_title
from credit_desk.gui.ops import Debouncer
from credit_desk.gui.printing import PdfPreview, cancelled_words, choose_printer, print_pdfs, private_output, save_copy
from credit_desk.gui.widgets.search_bar import down_into
from credit_desk.gui.widgets.notice import ERROR_STYLE, hint_label, title_label
from credit_desk.gui.widgets.tables import make_table, set_widths
from credit_desk.services import documents

OK_STYLE = "color: #1b7f3b;"


BAR = 1000  # the batch print's bar: reading the notices from the ledger, then their pages printed


class _Offset:
    """The print step's progress after the batch's reads: page counts shifted past them on one bar."""

    def __init__(self, job, reads: int) -> None:
        self.job, self.reads = job, reads

    @property
    def cancelled(self) -> bool:
        return self.job.cancelled

    def check(self) -> None:
        self.job.check()

    def progress(self, done: int, total: int) -> None:
        # pages printed of all the batch's pages (print_pdfs), on the bar's last nine tenths (the reads had the first)
        self.job.progress(BAR // 10 + (BAR - BAR // 10) * done // max(total, 1), BAR)


class DocumentsView(QWidget):
    # refreshed (gui/events.py) after a committed change to these entities
    WATCHES = frozenset({"document", "case", "repair", "admin_decision", "supervision_flag", "doc_prefix"})

    def __init__(self, ctx, title: str, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = DocumentsModel(ctx, parent=self)
        self.type_filter = QComboBox()
        self.type_filter.setObjectName("typeFilter")
        self.type_filter.addItem(self.tr("All documents"), "")
        for code in available():
            self.type_filter.addItem(type_title(code), code)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("Any status"), "")
        for value, label in status_words().items():
            self.status_filter.addItem(label, value)
        self.number = QLineEdit()
        self.number.setObjectName("search")
        self.number.setPlaceholderText(self.tr("Part of the number"))
        self.number.setClearButtonEnabled(True)
        self.debounce = Debouncer(self.refresh, 300, self)
        self.number.textChanged.connect(self.debounce.poke)
        for combo in (self.type_filter, self.status_filter):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table = make_table(self.model, "documentsTable")
        down_into(self.number, self.table)  # ↓ from the number box into the register
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self._size_columns()
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._preview(cur.row()))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._offer_reprint())
        self.preview = PdfPreview(ctx, self)
        self.purpose = QLineEdit()
        self.purpose.setObjectName("purpose")
        self.purpose.setPlaceholderText(self.tr("e.g. checking a served notice"))
        self.purpose.setToolTip(self.tr("The notices show the party's name and ID number: each look, print or "
                                        "saved copy is logged with this purpose (R14)."))
        self.purpose.editingFinished.connect(lambda: self._preview(self.table.currentIndex().row()))
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self._layout(title)
        self.model.reset()

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        specs = (("print_button", "print", self.tr("Print the selected…"), self.print_selected, "document.print"),
                 ("reprint_button", "reprint", self.tr("Reprint (copy)"), self.reprint_selected, "document.reprint"),
                 ("save_button", "save", self.tr("Save as PDF…"), self.save_selected, "document.print"),
                 ("void_button", "void", self.tr("Void the number…"), self.void_selected, "document.void"))
        for attr, name, text, slot, action in specs:
            b = QPushButton(text)
            b.setObjectName(name)
            b.setEnabled(self.ctx.can(action))
            b.clicked.connect(slot)
            setattr(self, attr, b)
            row.addWidget(b)
        row.addStretch(1)
        return row

    def _layout(self, title: str) -> None:
        box = QVBoxLayout(self)
        box.addWidget(title_label(title))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Document")))
        row.addWidget(self.type_filter)
        row.addWidget(QLabel(self.tr("Status")))
        row.addWidget(self.status_filter)
        row.addWidget(self.number, 1)
        box.addLayout(row)
        left = QWidget()
        v = QVBoxLayout(left)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(self.table, 1)
        v.addLayout(self._buttons())
        v.addWidget(self.message)
        hint = hint_label(self.tr("Select several rows (Ctrl or Shift + click) to print them as one batch. A number "
                              "is never reused: a spoilt paper is voided, never deleted."))
        v.addWidget(hint)
        right = QWidget()
        r = QVBoxLayout(right)
        r.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Purpose of the look *")))
        row.addWidget(self.purpose, 1)
        r.addLayout(row)
        r.addWidget(self.preview, 1)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setChildrenCollapsible(False)
        split.setSizes([max(560, self.table.minimumWidth()), 560])
        box.addWidget(split, 1)

    KEY_COLUMNS = (0, 2)  # number and date: never cut to 「…」 (issue 17 item 1)

    def _size_columns(self) -> None:
        """Issue 17 item 1: at 1280×720 the register beside the preview cut every number to 「清信修告…」 and every
        status to 「已编…」. The number and the date are as wide as their longest value and firm; the document's
        title, what it is about and its status as wide as their words where there is room; reprints and printer
        (not needed to find a notice) give way first."""
        m = self.table.fontMetrics()
        pad = 24
        words_ = list(status_words().values())
        widths = [m.horizontalAdvance(chr(0x4E2D) * 9 + "2026999") + pad,  # a long 文号: 清人社信修受〔2026〕999号 m.horizontalAdvance(chr(0x4E2D)) * 8 + pad,
                  m.horizontalAdvance("2026-12-31") + pad, m.horizontalAdvance(chr(0x4E2D)) * 7 + pad,
                  max(m.horizontalAdvance(w) for w in words_) + pad, 60, 70]
        set_widths(self.table, widths, firm=self.KEY_COLUMNS, optional=(5, 6))
        mins = self.table.property("minWidths")
        bar = self.table.verticalScrollBar().sizeHint().width()
        self.table.setMinimumWidth(sum(mins[:5]) + bar + 2 * self.table.frameWidth() + 6)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.FontChange:  # the interface font size changed (gui/comfort.py): widths again
            QTimer.singleShot(0, self._size_columns)
        super().changeEvent(event)

    def refresh(self) -> None:
        self.model.set_filter(self.type_filter.currentData(), self.status_filter.currentData(),
                              self.number.text().strip())

    def focus_search(self) -> None:
        self.number.setFocus()

    def selected_rows(self) -> list[dict]:
        return [self.model.row(i.row()) for i in sorted(self.table.selectionModel().selectedRows())]

    def _offer_reprint(self) -> None:
        """R5 / R12 way 1: a copy is offered only of a document in force — not of a voided number, a document
        withdrawn with a wrongful listing or a prior notice superseded by a new one (``check_r5_reprintable``)."""
        rows = self.selected_rows()
        self.reprint_button.setEnabled(self.ctx.can("document.reprint")
                                       and not (len(rows) == 1 and rows[0]["status"] in NOT_REPRINTED))

    def _stored(self, number: str) -> dict:
        """The notice as kept in the ledger; the look is logged with the stated purpose (R14)."""
        return documents.stored_pdf(self.ctx.session, number, self.purpose.text())

    def _preview(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        if self.model.row(row)["status"] not in PRINTED:  # a number taken by a step, its paper not printed yet
            return self.preview.clear(self.tr("%1 is numbered but not printed yet: print it from its case (Cases) "
                                              "or repair request (Credit repair).").replace("%1", self.model.row(row)["number"]))
        if not self.ctx.can("document.print"):
            return self.preview.clear(self.tr("Your role may see the register but not the notices' contents."))
        if not self.purpose.text().strip():
            return self.preview.clear(self.tr("State the purpose of the look above to see the notice."))
        try:
            doc = self._stored(self.model.row(row)["number"])
        except DomainError as exc:
            return self.preview.clear(exc.message(self.ctx.lang))
        self.preview.load(doc["pdf"], doc["number"])

    def _say(self, text: str, ok: bool = True) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)

    def print_selected(self, printer=None):
        """One print job for all selected notices (batch), off the GUI thread with progress."""
        rows = self.selected_rows()
        if not rows:
            return self._say(self.tr("Select one or more documents first."), ok=False)
        unprinted = [r["number"] for r in rows if r["status"] not in PRINTED]
        if unprinted:
            return self._say(self.tr("Not printed yet: %1. Print them from their case or repair request first.")
                             .replace("%1", listing(unprinted)), ok=False)
        if not self.purpose.text().strip():
            return self._say(self.tr("State the purpose of the look first."), ok=False)
        printer = printer or choose_printer(self)
        if printer is None:
            return None
        try:
            out = private_output(self.ctx, printer)  # 打印到文件: the clerk's alone, never the data folder (R14)
        except DomainError as exc:
            return self._say(exc.message(self.ctx.lang), ok=False)
        ctx, purpose, numbers, started = self.ctx, self.purpose.text(), [r["number"] for r in rows], []

        def work(job):
            # issue 18: each notice is read from the ledger and its look logged (R14: an audit row, fsync) on this
            # job, not on the GUI thread (a batch of N froze the window N times); the bar counts reads then pages
            pdfs = []
            with ctx.session.ledger.lend():  # the writer for the reads (their looks are logged) only: the pages
                for i, number in enumerate(numbers):  # need it not, and held it from searches and saves (att38a)
                    job.check()
                    pdfs.append(documents.stored_pdf(ctx.session, number, purpose)["pdf"])
                    job.progress((BAR // 10) * (i + 1) // len(numbers), BAR)
            job.check()
            started.append(True)  # from here pages may go out (a cancel before: none did, att38a)
            return print_pdfs(pdfs, printer, _Offset(job, len(numbers)))

        def failed(exc) -> None:
            if isinstance(exc, DomainError):
                return self._say(exc.message(ctx.lang), ok=False)
            ctx.ops.show_error(exc, self)
        return ctx.ops.run(work, label=self._printing_words(rows), parent=self, writes=False, bulk=True,
                           can_cancel=True,  # between notices and pages; cancelled() says what came out
                           failed=failed, cancelled=lambda: self._print_cancelled(out, bool(started)),
                           done=lambda n: self._say(self.tr("%1 document(s), %2 page(s) sent to the printer.")
                                                    .replace("%1", str(len(rows))).replace("%2", str(n))
                                                    if out is None else self.tr(
                                                        "%1 document(s), %2 page(s) written to %3 (readable by you "
                                                        "only). It holds personal data: delete it when it is no "
                                                        "longer needed.").replace("%1", str(len(rows)))
                                                    .replace("%2", str(n)).replace("%3", str(out))))

    def _print_cancelled(self, out, started: bool) -> None:
        """att38a: a cancel while the notices were still being read sent no page and wrote nothing into the file
        made for it (private_output: empty, the clerk's alone): it is removed, and the clerk is not told to delete
        a file or collect pages that never were."""
        if started:
            return self._say(cancelled_words(out is not None), ok=False)
        if out is not None and out.exists() and out.stat().st_size == 0:
            out.unlink()
        self._say(self.tr("Printing was cancelled before any page was printed: nothing was sent to the printer "
                          "or written to a file."), ok=False)

    def _printing_words(self, rows: list[dict]) -> str:
        """What the batch's progress says (fix18f: only 「正在打印…」): how many notices, of which kinds —
        「正在打印 3 份文书：告知书（2）、决定书（1）…」."""
        kinds = Counter(r["type_zh"] for r in rows)
        return counted(len(rows), self.tr("Printing %1 document: %2…"), self.tr("Printing %1 documents: %2…")) \
            .replace("%2", listing(aside(kind, n) for kind, n in kinds.items()))

    def reprint_selected(self, purpose: str | None = None):
        """A copy (副本) shows the subject's name and ID number: it takes a purpose, asked here (R14)."""
        rows = self.selected_rows()
        if len(rows) != 1:
            return self._say(self.tr("Select exactly one document to reprint."), ok=False)
        number = rows[0]["number"]
        if purpose is None:
            from credit_desk.gui.dialogs.purpose_dialog import PurposeDialog
            dlg = PurposeDialog(self.ctx, number, lambda p: documents.reprint(self.ctx.session, number, None, p),
                                preset=self.purpose.text(), parent=self)
            if not dlg.exec():
                return None
            done, purpose = dlg.result_value, dlg.purpose.currentText().strip()
        else:
            try:
                done = documents.reprint(self.ctx.session, number, None, purpose)
            except DomainError as exc:
                return self._say(exc.message(self.ctx.lang), ok=False)
        self._say(self.tr("Reprinted %1 as copy %2; it is kept in the ledger. Print it or save it as a PDF.")
                  .replace("%1", number).replace("%2", str(done["copy_no"])))
        if not self.purpose.text().strip():
            self.purpose.setText(purpose)
        self.refresh()
        try:
            doc = self._stored(number)
            self.preview.load(doc["pdf"], self.tr("%1 copy %2").replace("%1", number)
                              .replace("%2", str(done["copy_no"])))
        except DomainError as exc:
            self.preview.clear(exc.message(self.ctx.lang))
        return done

    def save_selected(self, path: str | None = None):
        """另存为 PDF: the clerk picks the file (0600); the message says where it went (R14)."""
        rows = self.selected_rows()
        if len(rows) != 1:
            return self._say(self.tr("Select exactly one document to save."), ok=False)
        if not self.purpose.text().strip():
            return self._say(self.tr("State the purpose of the look first."), ok=False)
        said = []
        out = save_copy(self, self.ctx, rows[0]["number"], self.purpose.text(), path, said.append)
        if said:
            self._say(said[-1], ok=out is not None)
        return out

    def void_selected(self):
        rows = self.selected_rows()
        if len(rows) != 1:
            return self._say(self.tr("Select exactly one document to void."), ok=False)
        number = rows[0]["number"]
        reason, ok = QInputDialog.getText(self, self.tr("Void the number"),
                                          self.tr("Why is %1 voided (e.g. the paper was spoilt)?").replace("%1", number))
        if not ok:
            return None
        try:
            documents.void_numbers(self.ctx.session, [number], reason)
        except DomainError as exc:
            return self._say(exc.message(self.ctx.lang), ok=False)
        self._say(self.tr("%1 is voided; the number stays in the register.").replace("%1", number))
        self.refresh()
        return number
