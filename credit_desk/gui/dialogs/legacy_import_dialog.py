"""Bringing the office's earlier ledger in (issue 19 item 3): the sheet's headers beside a choice of the product's
fields, the first rows, the mapping saved for next time, the import with progress (off the GUI thread), and a
refusal's every bad cell listed by row and column. The service decides everything; this is the shell."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout)

from credit_desk.domain.errors import DomainError
from credit_desk.gui.widgets.notice import ERROR_STYLE
from credit_desk.gui import pickers
from credit_desk.services.legacy import ledger_import, mappings

OK_STYLE = "color: #1b7f3b;"


class LegacyImportDialog(QDialog):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.path, self.head, self.result_value, self.problems = ctx, None, None, None, []
        self.progress_seen: list[tuple[int, int]] = []  # what the progress bar was told (for tests and the log)
        self.setWindowTitle(self.tr("Import the office's earlier ledger"))
        self.resize(1000, 640)
        self.file_label = QLabel(self.tr("Choose the Excel file of the earlier ledger."))
        self.file_label.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.setObjectName("chooseLegacyFile")
        self.choose_button.clicked.connect(lambda: self.choose())
        self.columns = self._table("legacyColumns", [self.tr("Column in the sheet"), self.tr("Field"),
                                                     self.tr("First value")])
        self.preview = self._table("legacyPreview", [])
        self.errors = self._table("legacyErrors", [self.tr("Row"), self.tr("Column"), self.tr("What is wrong")])
        self.errors.hide()
        self.save_box = QCheckBox(self.tr("Save this mapping for the next sheet of this layout, as:"))
        self.save_box.setObjectName("saveMapping")
        self.save_box.setChecked(True)
        self.convert_box = QCheckBox(self.tr("I have checked the 15-digit resident ID numbers: convert them to 18 "
                                             "digits (GB 11643)"))
        self.convert_box.setObjectName("convert15")
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("mappingName")
        self.name_edit.setAccessibleName(self.tr("Name of the mapping"))
        self.status = QLabel()
        self.status.setObjectName("error")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.buttons.button(QDialogButtonBox.Close).setText(self.tr("Close"))
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.AcceptRole)
        self.import_button.setObjectName("importLegacy")
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(lambda: self.start_import())
        self.buttons.rejected.connect(self.reject)
        self._layout()

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        t = QTableWidget(0, len(headers))
        t.setObjectName(name)
        t.setAccessibleName(name)
        t.setHorizontalHeaderLabels(headers)
        t.setEditTriggers(QAbstractItemView.NoEditTriggers)
        t.verticalHeader().setVisible(False)
        t.horizontalHeader().setStretchLastSection(True)
        return t

    def _layout(self) -> None:
        box = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.file_label, 1)
        row.addWidget(self.choose_button)
        box.addLayout(row)
        box.addWidget(QLabel(self.tr("Which field does each column hold? Columns left at “not imported” are "
                                     "skipped; required fields are marked *.")))
        box.addWidget(self.columns, 3)
        box.addWidget(QLabel(self.tr("First rows of the sheet")))
        box.addWidget(self.preview, 2)
        box.addWidget(self.errors, 3)
        row = QHBoxLayout()
        row.addWidget(self.save_box)
        row.addWidget(self.name_edit, 1)
        box.addLayout(row)
        box.addWidget(self.convert_box)
        box.addWidget(self.status)
        box.addWidget(self.buttons)

    # --- the sheet -------------------------------------------------------------------------------------------

    def choose(self, path: str | None = None) -> None:
        if path is None:
            path = pickers.open_file(self, self.ctx, "sheets", self.tr("Choose the earlier ledger"),
                                     self.tr("Spreadsheets (*.xlsx *.csv)"))
        if not path:
            return
        try:
            self.head = mappings.preview_sheet(self.ctx.session, Path(path))
        except DomainError as exc:
            return self._say(exc.message(self.ctx.lang), ok=False)
        self.path = Path(path)
        self.file_label.setText(self.tr("%1 — sheet %2, header in row %3, about %4 rows")
                                .replace("%1", self.path.name).replace("%2", self.head["sheet"])
                                .replace("%3", str(self.head["header_row"]))
                                .replace("%4", str(self.head["rows_estimate"])))
        self._fill_columns()
        self._fill_preview()
        saved = self.head["saved"]
        self.name_edit.setText(saved["name"] if saved else self.path.stem)
        self.save_box.setChecked(saved is None)
        self.import_button.setEnabled(True)
        said = (self.tr("The saved mapping “%1” fits this sheet and is filled in; check it.")
                .replace("%1", saved["name"]) if saved else
                self.tr("A first guess is filled in from the column names; check every column."))
        zh = self.ctx.lang.startswith("zh")
        # other sheets holding data, a CSV's encoding: said before the import, never left out without a word
        self._say(" ".join([said] + [n["zh" if zh else "en"] for n in self.head.get("notes", [])]), ok=True)

    def _fill_columns(self) -> None:
        headers, first = self.head["headers"], (self.head["preview"] or [[]])[0]
        self.columns.setRowCount(len(headers))
        self.combos = []
        for i, h in enumerate(headers):
            self.columns.setItem(i, 0, QTableWidgetItem(h))
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Field for column %1").replace("%1", h))
            combo.addItem(self.tr("(not imported)"), "")
            for f in self.head["fields"]:
                combo.addItem(self.field_label(f["key"]) + (" *" if f["required"] else ""), f["key"])
            combo.setCurrentIndex(max(combo.findData(self.head["mapping"].get(h, "")), 0))
            self.columns.setCellWidget(i, 1, combo)
            self.combos.append((h, combo))
            self.columns.setItem(i, 2, QTableWidgetItem(first[i] if i < len(first) else ""))
        self.columns.setColumnWidth(0, 260)
        self.columns.setColumnWidth(1, 320)

    def _fill_preview(self) -> None:
        rows, headers = self.head["preview"], self.head["headers"]
        self.preview.setColumnCount(len(headers))
        self.preview.setHorizontalHeaderLabels(headers)
        self.preview.setRowCount(len(rows))
        for i, r in enumerate(rows):
            for j, v in enumerate(r):
                self.preview.setItem(i, j, QTableWidgetItem(v))

    def mapping(self) -> dict[str, str]:
        """{sheet header: field key} as chosen now."""
        return {h: c.currentData() for h, c in self.combos if c.currentData()}

    # --- the import ----------------------------------------------------------------------------------------

    def start_import(self):
        """Save the mapping (when asked), then import off the GUI thread with progress; all or nothing."""
        if self.path is None:
            return None
        ctx, path, mapping, convert = self.ctx, self.path, self.mapping(), self.convert_box.isChecked()
        try:
            if self.save_box.isChecked():
                mappings.save_mapping(ctx.session, self.name_edit.text(), mapping, self.head["headers"])
                self.save_box.setChecked(False)
        except DomainError as exc:
            return self._say(exc.message(ctx.lang), ok=False)
        self.errors.hide()

        def work(job):
            def progress(phase: str, done: int, total: int) -> None:
                # 取消: raised inside the import's transaction, so nothing is kept — but never at the write's end:
                # that step is reported after the commit, and a Cancelled there hid an import that was in (att39d)
                if not (phase == "write" and done >= total):
                    job.check()
                job.progress(done, total)
            return ledger_import.import_ledger(ctx.session, path, mapping, progress=progress, convert_15=convert)
        return ctx.ops.run(work, done=self._imported, failed=self._failed, label=self.tr("Importing the ledger…"),
                           parent=self, modal=True, progress=lambda d, t: self.progress_seen.append((d, t)),
                           can_cancel=True)  # job.check() inside the transaction: nothing kept

    def _imported(self, out: dict) -> None:
        self.result_value = out
        self.import_button.setEnabled(False)
        self._say(self.tr("Imported: %1 new subjects (%2 already registered), %3 records (%4 wait for a second "
                          "user's approval, R9), %5 current listings with their original numbers.")
                  .replace("%1", str(out["subjects"])).replace("%2", str(out["subjects_reused"]))
                  .replace("%3", str(out["records"])).replace("%4", str(out["pending"]))
                  .replace("%5", str(out["listings"])), ok=True)

    def _failed(self, exc) -> None:
        if not isinstance(exc, DomainError):
            return self.ctx.ops.show_error(exc, self)
        self.problems = list(getattr(exc, "problems", []) or [])
        if self.problems:
            self._list_errors()
            return self._say(self.tr("Nothing was imported: %1 cell(s) are not right. Correct them in the Excel "
                                     "file and import again.").replace("%1", str(len(self.problems))), ok=False)
        self._say(exc.message(self.ctx.lang), ok=False)

    def _list_errors(self) -> None:
        self.errors.setRowCount(len(self.problems))
        for i, p in enumerate(self.problems):
            for j, text in enumerate((str(p.row or ""), p.field or "", p.message(self.ctx.lang))):
                self.errors.setItem(i, j, QTableWidgetItem(text))
        self.errors.setColumnWidth(0, 60)
        self.errors.setColumnWidth(1, 80)
        self.errors.show()

    def _say(self, text: str, ok: bool) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)

    def field_label(self, key: str) -> str:
        """The product field's name, through tr() (lupdate reads the literal calls)."""
        words = {
            "name": self.tr("Subject name"), "id_number": self.tr("USCC or ID number"), "kind": self.tr("Subject kind"),
            "id_type": self.tr("ID type"), "legal_rep_name": self.tr("Legal representative"),
            "legal_rep_id_type": self.tr("Legal representative's ID type"),
            "legal_rep_id_number": self.tr("Legal representative's ID number"), "address": self.tr("Address"),
            "catalogue_code": self.tr("Catalogue item code"), "tier": self.tr("Tier (slight/general/serious)"),
            "facts": self.tr("Facts"), "doc_type": self.tr("Basis document type"), "doc_number": self.tr("Basis document number"),
            "doc_authority": self.tr("Issuing authority"), "doc_issued": self.tr("Date issued"),
            "doc_effective": self.tr("Date effective"), "doc_citation": self.tr("Citation for an other-type document"),
            "department": self.tr("Deciding department"), "act_date": self.tr("Date of the act"),
            "decision_date": self.tr("Decision date"), "force_majeure": self.tr("Force majeure (yes/no)"),
            "no_intent": self.tr("Without intent (yes/no)"), "slight": self.tr("Slight (yes/no)"),
            "leniency_justification": self.tr("Leniency justification"), "list_type": self.tr("List"),
            "decision_number": self.tr("Listing decision number"), "decided_on": self.tr("Listing decision date"),
            "valid_from": self.tr("Valid from"), "valid_until": self.tr("Valid until"), "ground": self.tr("Ground (a/b/c/d)"),
            "standard": self.tr("Listing standard"), "standard_kind": self.tr("Kind of standard"), "domain": self.tr("Domain"),
            "warning_letter": self.tr("Warning letter number"),
            "post_exit_watch_months": self.tr("Watch-list months after the black list"),
        }
        return words[key]
