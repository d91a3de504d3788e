"""台账 clean-up ledger (R16): the rows with their flags (停止执行 candidates, overdue), Excel import with every
bad cell listed, export in the national template, the row status, and the contact feedback form."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QInputDialog, QLabel, QPushButton,
                               QSizePolicy,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from credit_desk.domain.cleanup import RowStatus
from credit_desk.domain.errors import DomainError
from credit_desk.gui.dialogs.cell_errors_dialog import CellErrorsDialog
from credit_desk.gui.i18n import current_lang
from credit_desk.gui.labels import enum_words
from credit_desk.gui.widgets.flow import FlowRow
from credit_desk.gui.widgets.notice import ERROR_STYLE, hint_label, title_label
from credit_desk.gui.widgets.tables import set_widths
from credit_desk.gui import pickers
from credit_desk.services import browse, cleanup

OK_STYLE = "color: #1b7f3b;"
STOP = QColor("#fde2e1")
LATE = QColor("#fff3cd")
COLUMNS = ("id", "name", "flags_zh", "status_zh", "measures", "national_basis", "local_basis", "disposition",
           "completion", "unit")


class CleanupView(QWidget):
    WATCHES = frozenset({"cleanup_row", "cleanup_contact"})  # refreshed from gui/events.py after these change

    def __init__(self, ctx, title: str, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[dict] = []
        self.last_dialog = None
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("cleanupTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("No."), self.tr("Rule or document (with number)"), self.tr("Flags"), self.tr("Status"),
            self.tr("Measures?"), self.tr("National basis?"), self.tr("Local-regulation basis?"),
            self.tr("Disposition"), self.tr("Complete by"), self.tr("Responsible unit")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        set_widths(self.table, [40, 280, 250, 70, 60, 60, 70, 60, 110])
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Minimum)  # several lines never clipped
        self.status_box = QComboBox()
        self.status_box.setObjectName("statusChoice")
        for st in RowStatus:
            self.status_box.addItem(enum_words(st), st.value)
        box = QVBoxLayout(self)
        box.addWidget(title_label(title))
        box.addLayout(self._buttons())
        box.addWidget(self.summary)
        box.addWidget(self.table, 1)
        box.addWidget(self.message)
        note = hint_label(self.tr("Red rows impose a punishment measure with neither a national nor a local-regulation "
                              "basis: stop applying them first. Yellow rows are past their completion "
                              "date. The Excel files follow the national template (NDRC General Office 2021 No. 15, annexes 1 and 2)."))
        box.addWidget(note)
        self.refresh()

    def _buttons(self) -> FlowRow:
        row = FlowRow()  # wraps where the window is narrow, never squeezing a button's words (att39c)
        manage, view = self.ctx.can("ledger.manage"), self.ctx.can("ledger.view")
        specs = (("import_button", "importLedger", self.tr("Import Excel…"), self.import_ledger, manage),
                 ("export_button", "exportLedger", self.tr("Export Excel…"), self.export_ledger, view),
                 ("contacts_in", "importContacts", self.tr("Import contacts…"), self.import_contacts, manage),
                 ("contacts_out", "exportContacts", self.tr("Export contacts…"), self.export_contacts, view))
        for attr, name, text, slot, on in specs:
            b = QPushButton(text)
            b.setObjectName(name)
            b.setEnabled(on)
            b.clicked.connect(lambda _c=False, f=slot: f())
            setattr(self, attr, b)
            row.addWidget(b)
        row.addWidget(QLabel(self.tr("Mark the selected row as")), right=True)
        row.addWidget(self.status_box, right=True)
        self.status_button = QPushButton(self.tr("Set"))
        self.status_button.setObjectName("setStatus")
        self.status_button.setEnabled(manage)
        self.status_button.clicked.connect(self.set_status)
        row.addWidget(self.status_button, right=True)
        return row

    def refresh(self) -> None:
        flags: dict[int, list[dict]] = {}
        for f in cleanup.check_ledger(self.ctx.session):
            flags.setdefault(f["id"], []).append(f)
        self.rows = browse.cleanup_rows(self.ctx.session)
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            mine = flags.get(r["id"], [])
            r["status_zh"] = enum_words(RowStatus(r["status"]))
            # issue 17 item 3: the checks' own sentences in the interface language (the English one from the service)
            r["flags_zh"] = " ".join(f["en"] if current_lang() == "en" else f["zh"] for f in mine)
            colour = STOP if any(f["flag"] == "stop" for f in mine) else LATE if mine else None
            for j, key in enumerate(COLUMNS):
                item = QTableWidgetItem(str(r[key]))
                item.setToolTip(str(r[key]))
                if colour is not None:
                    item.setBackground(colour)
                self.table.setItem(i, j, item)
        stops = sum(1 for fs in flags.values() if any(f["flag"] == "stop" for f in fs))
        late = sum(1 for fs in flags.values() if any(f["flag"] == "overdue" for f in fs))
        self.summary.setText(self.tr("%1 rows · %2 to stop first (no basis) · %3 past their completion date")
                             .replace("%1", str(len(self.rows))).replace("%2", str(stops)).replace("%3", str(late)))

    def _say(self, text: str, ok: bool = True) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)

    def _refused(self, path: str, exc: DomainError):
        problems = getattr(exc, "problems", None)
        if problems:
            self.last_dialog = CellErrorsDialog(self.ctx, Path(path).name, problems, self)
            self.last_dialog.open()
        self._say(exc.message(self.ctx.lang), ok=False)
        return self.last_dialog

    def _pick_open(self, path: str | None, title: str) -> str:
        if path is None:
            path = pickers.open_file(self, self.ctx, "sheets", title, self.tr("Spreadsheets (*.xlsx *.xls *.csv)"))
        return path

    def _pick_save(self, path: str | None, title: str, default: str) -> str:
        if path is None:
            path = pickers.save_file(self, self.ctx, "out", title, default, self.tr("Excel workbooks (*.xlsx)"))
        return path

    def import_ledger(self, path: str | None = None, sheet: str | None = None):
        """All rows or none (the service); a refusal lists every bad cell in a dialog; when several sheets
        (or only a hidden one) hold the template, the clerk picks the sheet and the import runs again."""
        path = self._pick_open(path, self.tr("Import the clean-up ledger"))
        if not path:
            return None
        ctx = self.ctx
        return ctx.ops.run(lambda _j: cleanup.import_ledger(ctx.session, Path(path), sheet), done=self._imported,
                           failed=lambda exc: self._failed(path, exc), label=self.tr("Importing…"), parent=self, modal=True)

    def _failed(self, path: str, exc) -> None:
        if isinstance(exc, DomainError) and getattr(exc, "sheets", None):
            self._say(exc.message(self.ctx.lang), ok=False)
            chosen = self.ask_sheet(exc.sheets, exc.message(self.ctx.lang))
            if chosen:
                self.import_ledger(path, chosen)
        elif isinstance(exc, DomainError):
            self._refused(path, exc)
        else:
            self.ctx.ops.show_error(exc, self)

    def ask_sheet(self, names: list[str], why: str) -> str | None:
        """The clerk names the worksheet to import (issue 15: never guessed among several)."""
        name, ok = QInputDialog.getItem(self, self.tr("Which worksheet?"), why, names, 0, False)
        return name if ok else None

    def _imported(self, out: dict) -> None:
        self.refresh()
        zh = self.ctx.lang.startswith("zh")
        lines = [self.tr("Imported from sheet %4: %1 added, %2 updated, %3 unchanged.").replace("%1", str(out["added"]))
                 .replace("%2", str(out["updated"])).replace("%3", str(out["unchanged"]))
                 .replace("%4", out.get("sheet", ""))]
        lines += [n["zh" if zh else "en"] for n in out.get("notes", [])]
        lines += [d["zh" if zh else "en"] for d in out.get("dates_read", [])]  # how each date was read
        self._say("\n".join(lines))

    def export_ledger(self, path: str | None = None):
        asked = path is None  # the save dialog has asked before replacing a file (issue 14 item 4)
        path = self._pick_save(path, self.tr("Export the clean-up ledger"), self.tr("Clean-up ledger.xlsx"))
        if not path:
            return None
        try:
            n = cleanup.export_ledger(self.ctx.session, Path(path), force=asked)
        except DomainError as exc:
            return self._refused(path, exc)
        self._say(self.tr("%1 rows written to %2.").replace("%1", str(n)).replace("%2", path))
        return n

    def import_contacts(self, path: str | None = None):
        path = self._pick_open(path, self.tr("Import the contact feedback form"))
        if not path:
            return None
        try:
            n = cleanup.import_contacts(self.ctx.session, Path(path))
        except DomainError as exc:
            return self._refused(path, exc)
        self._say(self.tr("%1 contacts imported.").replace("%1", str(n)))
        return n

    def export_contacts(self, path: str | None = None):
        asked = path is None  # the save dialog has asked before replacing a file (issue 14 item 4)
        path = self._pick_save(path, self.tr("Export the contact feedback form"), self.tr("Clean-up contact feedback form.xlsx"))
        if not path:
            return None
        try:
            n = cleanup.export_contacts(self.ctx.session, Path(path), force=asked)
        except DomainError as exc:
            return self._refused(path, exc)
        self._say(self.tr("%1 contacts written to %2.").replace("%1", str(n)).replace("%2", path))
        return n

    def set_status(self) -> None:
        picked = self.table.selectionModel().selectedRows()
        if not picked:
            return self._say(self.tr("Select a row first."), ok=False)
        row = self.rows[picked[0].row()]
        try:
            cleanup.set_status(self.ctx.session, row["id"], self.status_box.currentData())
        except DomainError as exc:
            return self._say(exc.message(self.ctx.lang), ok=False)
        self.refresh()
        self._say(self.tr("Row %1 marked %2.").replace("%1", str(row["id"])).replace("%2", self.status_box.currentText()))
