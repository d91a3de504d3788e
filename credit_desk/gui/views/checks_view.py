"""信用审查 (R14, R15, R22): check a department's list — an Excel sheet, or subjects typed in — against the ledger and
the platform's joint-punishment lists, see what each row matched, print the numbered 信用审查报告; print one
subject's 公共信用信息报告. Every look is logged by the services under the stated department and purpose; names and
numbers of persons are masked here (R15)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFormLayout, QHBoxLayout, QInputDialog,
                               QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from credit_desk.domain.checks import Category, Outcome, split_entry
from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.gui.dialogs.cell_errors_dialog import CellErrorsDialog
from credit_desk.gui.dialogs.subject_picker_dialog import SubjectPickerDialog
from credit_desk.gui.i18n import listing
from credit_desk.gui.labels import enum_words
from credit_desk.gui.widgets.notice import ERROR_STYLE, button_row, hint_label, title_label
from credit_desk.gui.widgets.tables import set_widths
from credit_desk.gui import pickers
from credit_desk.services.checks import lists, reports

OK_STYLE = "color: #1b7f3b;"
HIT_STYLE = "#fde2e1"


class ChecksView(QWidget):
    WATCHES = frozenset({"credit_check", "document"})  # refreshed from gui/events.py after these change

    def __init__(self, ctx, title: str, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.check: dict | None = None
        self.last_dialog = None
        self.department = QLineEdit()
        self.department.setObjectName("department")
        self.department.setPlaceholderText(self.tr("e.g. 县财政局"))
        self.purpose = QLineEdit()
        self.purpose.setObjectName("purpose")
        self.purpose.setPlaceholderText(self.tr("e.g. award candidates, bidders, applicants for funds"))
        self.entries = QPlainTextEdit()
        self.entries.setObjectName("entries")
        self.entries.setPlaceholderText(self.tr("Or type the subjects here, one per line: name, code or ID number"))
        self.entries.setMaximumHeight(90)
        form = QFormLayout()
        form.addRow(self.tr("Requesting department"), self.department)
        form.addRow(self.tr("Purpose of the check"), self.purpose)
        form.addRow(self.tr("Subjects typed in"), self.entries)
        self.previous = QComboBox()
        self.previous.setObjectName("previousChecks")
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setObjectName("openCheck")
        self.open_button.clicked.connect(lambda _c=False: self.open_check())
        earlier = QHBoxLayout()
        earlier.addWidget(self.previous, 1)
        earlier.addWidget(self.open_button)
        form.addRow(self.tr("Earlier checks"), earlier)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("checkTable")
        self.table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Name"), self.tr("Code / ID number"),
                                              self.tr("Result"), self.tr("Found on")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        set_widths(self.table, [50, 260, 190, 130, 300])
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Minimum)
        box = QVBoxLayout(self)
        box.addWidget(title_label(title))
        box.addLayout(form)
        box.addLayout(self._buttons())
        box.addWidget(self.summary)
        box.addWidget(self.table, 1)
        box.addWidget(self.message)
        box.addWidget(hint_label(self.tr(
            "A department's list (name and unified social credit code or ID number) is checked against this "
            "office's ledger — black and watch lists in force, effective dishonesty information, published "
            "penalties still in their publication period, red lists — and "
            "the joint-punishment lists the platform sent (Jiangsu Government Office 2020 No. 232, item 16). Rows not found are "
            "reported, never dropped; every subject read is logged under the department and purpose (R14).")))
        self.refresh()

    def _buttons(self):
        run, doc = self.ctx.can("check.run"), self.ctx.can("document.print")
        specs = (("import_button", "importList", self.tr("Check an Excel list…"), self.import_list, run),
                 ("typed_button", "checkTyped", self.tr("Check the typed subjects"), self.check_typed, run),
                 ("print_button", "printCheckReport", self.tr("Print the check report…"), self.print_report, doc),
                 ("subject_button", "subjectReport", self.tr("Subject's credit report…"), self.subject_report,
                  self.ctx.can("check.report")))
        row = button_row(self, specs)
        self.print_button.setEnabled(False)  # until a check was made
        return row

    def refresh(self) -> None:
        """The register of earlier checks (no row of any list); a check shows what the ledger held when it ran."""
        self.previous.clear()
        for c in lists.list_checks(self.ctx.session, limit=100):
            label = (self.tr("No. %1 · %2 · %3 · %4 (%5 subjects)").replace("%1", str(c["id"]))
                     .replace("%2", c["as_of"][:16].replace("T", " ")).replace("%3", c["department"])
                     .replace("%4", c["purpose"]).replace("%5", str(c["row_count"])))
            self.previous.addItem(label, c["id"])
        self.open_button.setEnabled(self.previous.count() > 0)

    def open_check(self, check_id: int | None = None):
        """R14: an earlier check's rows, looked at under the purpose typed above (logged)."""
        check_id = check_id if check_id is not None else self.previous.currentData()
        if check_id is None:
            return None
        try:
            out = lists.get_check(self.ctx.session, int(check_id), self.purpose.text())
        except DomainError as exc:
            self.purpose.setFocus()
            return self._say(exc.message(self.ctx.lang), ok=False)
        self.check = out
        self.previous.setCurrentIndex(max(0, self.previous.findData(out["id"])))
        self._show(out)
        self.print_button.setEnabled(self.ctx.can("document.print") and not out["reports"])
        self._say(self.tr("Check no. %1 of %2 (%3): report %4.").replace("%1", str(out["id"]))
                  .replace("%2", out["department"]).replace("%3", out["purpose"])
                  .replace("%4", listing(out["reports"]) or self.tr("not issued yet")))
        return out

    def _say(self, text: str, ok: bool = True) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)

    def _request(self) -> tuple[str, str]:
        return self.department.text(), self.purpose.text()

    # --- checking ---------------------------------------------------------------------------------
    def import_list(self, path: str | None = None, sheet: str | None = None):
        """The whole list or nothing (the service); a refusal lists every bad cell in a dialog; when several
        sheets hold a list, the clerk picks one and the check runs again (never guessed)."""
        if path is None:
            path = pickers.open_file(self, self.ctx, "sheets", self.tr("Check a department's list"),
                                     self.tr("Spreadsheets (*.xlsx *.xls *.csv)"))
        if not path:
            return None
        ctx, (dep, why) = self.ctx, self._request()
        return ctx.ops.run(lambda _j: lists.check_sheet(ctx.session, Path(path), dep, why, sheet),
                           done=self._checked, failed=lambda exc: self._list_failed(path, exc),
                           label=self.tr("Checking…"), parent=self, modal=True)

    def _list_failed(self, path: str, exc) -> None:
        if getattr(exc, "sheets", None):
            chosen = self.ask_sheet(exc.sheets, exc.message(self.ctx.lang))
            if chosen:
                self.import_list(path, chosen)
                return
        self._failed(Path(path).name, exc)

    def ask_sheet(self, names: list[str], why: str) -> str | None:
        """The clerk names the worksheet to check."""
        name, ok = QInputDialog.getItem(self, self.tr("Which worksheet?"), why, names, 0, False)
        return name if ok else None

    def check_typed(self):
        entries = []
        for line in self.entries.toPlainText().splitlines():
            if line.strip():
                name, number = split_entry(line)   # R22: 名称,号码 or 名称 号码
                entries.append({"name": name, "number": number})
        ctx, (dep, why) = self.ctx, self._request()
        return ctx.ops.run(lambda _j: lists.check_entries(ctx.session, entries, dep, why), done=self._checked,
                           failed=lambda exc: self._failed(self.tr("the typed subjects"), exc),
                           label=self.tr("Checking…"), parent=self, modal=True)

    def _checked(self, out: dict) -> None:
        self.check = out
        self.refresh()
        self._show(out)
        self.print_button.setEnabled(self.ctx.can("document.print"))
        c = out["counts"]
        self._say(self.tr("Check no. %1 done: %2 subjects, %3 with dishonesty information, %4 not found.")
                  .replace("%1", str(out["id"])).replace("%2", str(c["rows"])).replace("%3", str(c["hit"]))
                  .replace("%4", str(c["not_found"])))

    def _show(self, out: dict) -> None:
        c = out["counts"]
        self.summary.setText(self.tr("Black list %1 · watch list %2 · dishonesty information %3 · penalties in "
                                     "publication %9 · joint punishment %4 · representing a black-listed unit %8 · "
                                     "red list %5 · clear %6 · not found %7")
                             .replace("%1", str(c["black"])).replace("%2", str(c["watch"]))
                             .replace("%3", str(c["record"])).replace("%4", str(c["joint"]))
                             .replace("%9", str(c.get("penalty", 0)))
                             .replace("%5", str(c["red"])).replace("%6", str(c["clear"]))
                             .replace("%7", str(c["not_found"])).replace("%8", str(c["rep"])))
        rows = out["results"]
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            # issue 17 item 3: outcome and categories in the interface language, not the service's Chinese words
            found = listing(enum_words(Category(c)) for c in r["categories"])
            same = r.get("namesakes") or []
            if same:   # R22 (att19d): its code is not in the ledger, an organisation of its name is
                said = listing(self.tr("%1 (%2): %3").replace("%1", n["name"]).replace("%2", n["number"]).replace(
                    "%3", listing(enum_words(Category(c)) for c in n["categories"]) or self.tr("no dishonesty found"))
                    for n in same)
                found = " · ".join(t for t in (found, self.tr("same name in the ledger under another code: %1")
                                               .replace("%1", said)) if t)
            cells = (str(r["row"]), r["name"], r["number"], enum_words(Outcome(r["outcome"])), found)
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if same:
                    item.setToolTip(found)
                if r["outcome"] == "hit":
                    item.setBackground(QColor(HIT_STYLE))
                self.table.setItem(i, j, item)

    def _failed(self, where: str, exc) -> None:
        if not isinstance(exc, DomainError):
            return self.ctx.ops.show_error(exc, self)
        if getattr(exc, "problems", None):
            self.last_dialog = CellErrorsDialog(self.ctx, where, exc.problems, self)
            self.last_dialog.open()
        self._say(exc.message(self.ctx.lang), ok=False)

    # --- printing ---------------------------------------------------------------------------------
    def print_report(self, path: str | None = None):
        """The numbered 信用审查报告 of the check shown (kept in the ledger; saved to the file the clerk chose)."""
        if self.check is None:
            return self._say(self.tr("Check a list first."), ok=False)
        if path is None:
            path = pickers.save_file(self, self.ctx, "out", self.tr("Save the check report"),
                                     self.tr("Credit check report.pdf"), self.tr("PDF files (*.pdf)"))
        if not path:
            return None
        try:
            out = reports.print_check_report(self.ctx.session, self.check["id"], Path(path), force=True)
        except DomainError as exc:
            return self._say(exc.message(self.ctx.lang), ok=False)
        self._say(self.tr("Issued %1 and saved it to %2 (readable by you only).")
                  .replace("%1", out["number"]).replace("%2", out["file"]))
        return out

    def subject_report(self, subject_id: int | None = None, path: str | None = None):
        """One subject's 公共信用信息报告, under the purpose typed above (R14)."""
        why = self.purpose.text().strip()
        if len(why) < 2:
            self.purpose.setFocus()
            return self._say(self.tr("Type the purpose of the report first (at least 2 characters)."), ok=False)
        if subject_id is None:
            dlg = SubjectPickerDialog(self.ctx, self.tr("Whose public credit information report?"), self)
            self.last_dialog = dlg
            if not dlg.exec() or not dlg.result_value:
                return None
            subject_id = dlg.result_value["id"]
        if path is None:
            path = pickers.save_file(self, self.ctx, "out", self.tr("Save the credit report"),
                                     self.tr("Public credit information report.pdf"), self.tr("PDF files (*.pdf)"))
        if not path:
            return None
        try:
            out = reports.print_subject_report(self.ctx.session, subject_id, why, Path(path), force=True)
        except (DomainError, ValidationError) as exc:
            return self._say(exc.message(self.ctx.lang), ok=False)
        self._say(self.tr("Issued %1 and saved it to %2 (readable by you only).")
                  .replace("%1", out["number"]).replace("%2", out["file"]))
        return out
