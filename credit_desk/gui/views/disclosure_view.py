"""双公示 (R6, R13, R15, R21): the register of licence and penalty decisions — import a department's sheet (every
bad cell listed), enter one by hand, publish the selected (not by whoever registered them), export the platform's
upload sheet, print a penalty's 信用修复告知书. Names and IDs of natural persons are masked here (R15)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QAbstractItemView, QInputDialog, QLabel, QSizePolicy,
                               QTableView, QVBoxLayout, QWidget)

from credit_desk.domain.errors import DomainError
from credit_desk.gui.dialogs.cell_errors_dialog import CellErrorsDialog
from credit_desk.gui.dialogs.decision_dialog import CorrectDecisionDialog, DecisionDialog
from credit_desk.gui.models.decisions_model import DecisionsModel
from credit_desk.gui.printing import PreviewDialog
from credit_desk.gui.widgets.notice import ERROR_STYLE, button_row, hint_label, title_label
from credit_desk.gui.widgets.tables import say_when_unread, set_widths
from credit_desk.gui import pickers
from credit_desk.services import documents
from credit_desk.services.disclosure import notices, register, sheet

OK_STYLE = "color: #1b7f3b;"


class DisclosureView(QWidget):
    WATCHES = frozenset({"admin_decision", "document"})  # refreshed from gui/events.py after these change

    def __init__(self, ctx, title: str, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[dict] = []
        self.last_dialog = None
        self.model = DecisionsModel(ctx)
        self.table = QTableView()
        self.table.setObjectName("decisionTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        # R21: the 决定书文号 tells decisions apart by its end (…〔2026〕101号): kept whole, never cut to 「…」
        set_widths(self.table, [40, 70, 190, 220, 170, 160, 70, 50, 90, 90, 100], firm=(2,))
        self.model.pageLoaded.connect(lambda _n: self._count())
        say_when_unread(self.table, self.model)  # att39d: a failed read is said in the table, not as no rows
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Minimum)
        box = QVBoxLayout(self)
        box.addWidget(title_label(title))
        box.addLayout(self._buttons())
        box.addWidget(self.summary)
        box.addWidget(self.table, 1)
        box.addWidget(self.message)
        box.addWidget(hint_label(self.tr(
            "Licence and penalty decisions are published and reported to the platform within 7 working days of the "
            "decision (Jiangsu Government Office 2020 No. 232, item 15); red rows are past that date. A penalty is published for its "
            "tier's period (general: 3 months–1 year, serious: 1–3 years; minor: not published) and stops by itself after it.")))
        self.refresh()

    def _buttons(self):
        manage, publish = self.ctx.can("disclosure.manage"), self.ctx.can("disclosure.publish")
        specs = (("import_button", "importDecisions", self.tr("Import Excel…"), self.import_sheet, manage),
                 ("new_button", "newDecision", self.tr("New decision…"), self.new_decision, manage),
                 ("publish_button", "publishDecisions", self.tr("Publish selected"), self.publish_selected, publish),
                 ("correct_button", "correctDecision", self.tr("Correct…"), self.correct_selected, manage),
                 ("revoke_button", "revokeDecision", self.tr("Revoked…"), self.revoke_selected, manage),
                 ("export_button", "exportUpload", self.tr("Export upload sheet…"), self.export_upload, publish),
                 ("print_button", "printRepairNotice", self.tr("Print repair notice…"), self.print_notice,
                  self.ctx.can("document.print")))
        return button_row(self, specs)

    # --- the table ------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.model.reset()
        self._count()

    def _count(self) -> None:
        t = register.tallies(self.ctx.session)
        self.summary.setText(self.tr("%1 decisions · %2 past their 7-working-day date")
                             .replace("%1", str(t["total"])).replace("%2", str(t["late"])))

    def selected_ids(self) -> list[int]:
        return [self.model.row(ix.row())["id"] for ix in self.table.selectionModel().selectedRows()]

    def _say(self, text: str, ok: bool = True) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)

    # --- actions ----------------------------------------------------------------------------------
    def new_decision(self, dialog_only: bool = False):
        dlg = DecisionDialog(self.ctx, self)
        self.last_dialog = dlg
        if dialog_only:
            return dlg
        if dlg.exec():
            self.refresh()
            self._saved(dlg.result_value)
        return dlg

    def _saved(self, out: dict) -> None:
        self._say(self.tr("Decision %1 registered; publish and report it by %2.").replace("%1", out["doc_number"])
                  .replace("%2", out["publish_due"]))

    def import_sheet(self, path: str | None = None, sheet_name: str | None = None):
        """All rows or none (the service); a refusal lists every bad cell in a dialog; when several sheets (a
        licence sheet and a penalty sheet) or only a hidden one hold the elements, the clerk picks the sheet and
        the import runs again (never guessed)."""
        if path is None:
            path = pickers.open_file(self, self.ctx, "sheets", self.tr("Import a department's licences-and-penalties "
                                     "sheet"), self.tr("Spreadsheets (*.xlsx *.xls *.csv)"))
        if not path:
            return None
        ctx = self.ctx
        return ctx.ops.run(lambda job: sheet.import_sheet(ctx.session, Path(path), sheet_name, progress=job.progress),
                           done=self._imported,
                           failed=lambda exc: self._failed(path, exc), label=self.tr("Importing…"), parent=self,
                           modal=True)

    def _imported(self, out: dict) -> None:
        self.refresh()
        self._say(self.tr("Imported %1 decisions from sheet %2; publish them by %3 to %4.")
                  .replace("%1", str(out["imported"])).replace("%2", out["sheet"])
                  .replace("%3", out["first_due"]).replace("%4", out["last_due"]))

    def _failed(self, path: str, exc) -> None:
        if not isinstance(exc, DomainError):
            return self.ctx.ops.show_error(exc, self)
        if getattr(exc, "sheets", None):
            self._say(exc.message(self.ctx.lang), ok=False)
            chosen = self.ask_sheet(exc.sheets, exc.message(self.ctx.lang))
            if chosen:
                self.import_sheet(path, chosen)
            return None
        if getattr(exc, "problems", None):
            self.last_dialog = CellErrorsDialog(self.ctx, Path(path).name, exc.problems, self)
            self.last_dialog.open()
        self._say(exc.message(self.ctx.lang), ok=False)

    def ask_sheet(self, names: list[str], why: str) -> str | None:
        """The clerk names the worksheet to import."""
        name, ok = QInputDialog.getItem(self, self.tr("Which worksheet?"), why, names, 0, False)
        return name if ok else None

    def publish_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return self._say(self.tr("Select the decisions to publish first."), ok=False)
        try:
            done = register.publish(self.ctx.session, ids)
        except DomainError as exc:
            return self._say(exc.message(self.ctx.lang), ok=False)
        self.refresh()
        self._say(self.tr("%1 decision(s) published.").replace("%1", str(len(done))))

    def correct_selected(self, dialog_only: bool = False):
        """R21 (att19d): the department corrected the selected decision; the register takes the corrected elements
        and reports them to the platform (the decision keeps its state)."""
        ids = self.selected_ids()
        if len(ids) != 1:
            return self._say(self.tr("Select one decision first."), ok=False)
        try:
            dlg = CorrectDecisionDialog(self.ctx, ids[0], self)
        except DomainError as exc:
            return self._say(exc.message(self.ctx.lang), ok=False)
        self.last_dialog = dlg
        if dialog_only:
            return dlg
        if dlg.exec():
            self.corrected(dlg.result_value)
        return dlg

    def corrected(self, out: dict) -> None:
        self.refresh()
        self._say(self.tr("Decision %1 corrected; the correction goes to the platform with the next bundle.")
                  .replace("%1", out["doc_number"]))

    def revoke_selected(self, reason: str | None = None):
        """R3: the selected decision was revoked (reconsideration, lawsuit): it leaves publication at once."""
        ids = self.selected_ids()
        if len(ids) != 1:
            return self._say(self.tr("Select one decision first."), ok=False)
        if reason is None:
            reason, ok = QInputDialog.getText(self, self.tr("Decision revoked"),
                                              self.tr("Why and on what was it revoked (e.g. the reconsideration "
                                                      "decision's number)?"))
            if not ok:
                return None
        try:
            out = register.revoke(self.ctx.session, ids[0], reason=reason)
        except DomainError as exc:
            return self._say(exc.message(self.ctx.lang), ok=False)
        self.refresh()
        self._say(self.tr("Decision %1 revoked; its publication stopped.").replace("%1", out["doc_number"]))
        return out

    def export_upload(self, path: str | None = None):
        asked = path is None  # the save dialog has asked before replacing a file
        if path is None:
            path = pickers.save_file(self, self.ctx, "out", self.tr("Export the platform's upload sheet"),
                                     self.tr("Licences and penalties upload sheet.xlsx"),
                                     self.tr("Excel workbooks (*.xlsx)"))
        if not path:
            return None
        try:
            out = sheet.export_upload(self.ctx.session, Path(path), force=asked)
        except DomainError as exc:
            return self._say(exc.message(self.ctx.lang), ok=False)
        self._say(self.tr("Upload sheet written: %1 licences, %2 penalties (natural persons masked).")
                  .replace("%1", str(out["licence"])).replace("%2", str(out["penalty"])))
        return out

    def print_notice(self):
        """R13 两书同达: the selected penalty's 信用修复告知书 under the number held since registration, issued into
        the ledger and shown as it will print, with 打印… and 另存为 PDF… — as every other notice (R14: a PDF
        file only where and when the clerk asks; issue 17 item 9)."""
        ids = self.selected_ids()
        if len(ids) != 1:
            return self._say(self.tr("Select one penalty decision first."), ok=False)
        ctx, decision = self.ctx, ids[0]
        purpose = self._print_purpose = self.tr("Print the repair notice")

        def work(_job):
            item = notices.repair_notice_item(ctx.session, decision)
            issued = documents.issue(ctx.session, notices.DOC_TYPE, [item])
            return documents.stored_pdf(ctx.session, issued[0]["number"], purpose)
        return ctx.ops.run(work, done=self._printed, failed=lambda exc: self._say(
            exc.message(ctx.lang) if isinstance(exc, DomainError) else str(exc), ok=False),
            label=self.tr("Issuing the notice…"), parent=self, modal=True)

    def _printed(self, doc: dict) -> None:
        self._say(self.tr("Issued %1; it is kept in the ledger.").replace("%1", doc["number"]))
        self.preview = PreviewDialog(self.ctx, doc, doc["number"], self._print_purpose, self)
        self.preview.open()
