"""名单案件: the case list, and for the chosen case its steps, its facts and only the actions its state allows.

Which actions are possible comes from the domain's state machine (``TRANSITIONS``); the services check
every rule again when the clerk acts.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from credit_desk.domain.cases import CaseState, ListType
from credit_desk.gui.dialogs.case_dialogs import ExitDialog, OpenCaseDialog, ServeNoticeDialog
from credit_desk.gui.dialogs.decide_dialog import DecideDialog
from credit_desk.gui.dialogs.edit_case_dialog import EditCaseDialog
from credit_desk.gui.dialogs.match_dialog import prompt_matches
from credit_desk.gui.dialogs.objection_dialogs import AddObjectionDialog, ResolveObjectionDialog
from credit_desk.gui.dialogs.print_dialog import CasePrintDialog
from credit_desk.gui.dialogs.withdraw_dialogs import ApproveWithdrawalDialog, ProposeWithdrawalDialog
from credit_desk.gui.dialogs.subject_picker_dialog import SubjectPickerDialog
from credit_desk.gui.labels import enum_words
from credit_desk.gui.models.cases_model import CasesModel
from credit_desk.gui.views.case_panel import CasePanel
from credit_desk.gui.widgets.split import ListPanelSplitter, side_scroll
from credit_desk.gui.widgets.notice import title_label
from credit_desk.gui.widgets.tables import make_table, set_widths
from credit_desk.services import objections


class CasesView(QWidget):
    # refreshed (gui/events.py) after a committed change to these entities
    WATCHES = frozenset({"case", "objection", "record", "document", "repair", "alert"})

    def __init__(self, ctx, title: str, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = CasesModel(ctx, parent=self)
        self.list_filter = self._combo("listFilter", self.tr("All lists"), [(enum_words(t), t.value) for t in ListType])
        self.state_filter = self._combo("stateFilter", self.tr("All stages"), [(enum_words(s), s.value) for s in CaseState])
        self.add_button = QPushButton(self.tr("New case (Ctrl+N)"))
        self.add_button.setObjectName("addCase")
        self.add_button.setEnabled(ctx.can("case.open"))
        self.add_button.clicked.connect(self.new_item)
        self.table = make_table(self.model, "casesTable")
        self._size_columns()
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._selected(cur.row()))
        self.panel = CasePanel(ctx, self)
        self.panel.acted.connect(self._acted)
        self._wire_panel()
        box = QVBoxLayout(self)
        box.addWidget(title_label(title))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("List")))
        row.addWidget(self.list_filter)
        row.addWidget(QLabel(self.tr("Stage")))
        row.addWidget(self.state_filter)
        row.addStretch(1)
        row.addWidget(self.add_button)
        box.addLayout(row)
        split = ListPanelSplitter("casesSplit")  # stacked when the window is too narrow for both (att39c)
        split.addWidget(self.table)
        split.addWidget(side_scroll(self.panel))
        # issue 17 item 1: at 1366×768 the panel took the list's room (names and stages cut to 「…」 and a
        # scroll bar on the list): the list keeps the width of its key columns, the panel has the rest
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([self.table.minimumWidth(), self.table.minimumWidth()])
        box.addWidget(split, 1)
        self.model.pageLoaded.connect(self._first_page)
        self.model.reset()

    KEY_COLUMNS = (0, 1, 2, 3, 4)  # number, list, stage, subject, code: never cut to 「…」

    def _size_columns(self) -> None:
        """Key columns as wide as their longest word (the list and stage names of the domain, a company name of
        twelve characters, a masked code of eighteen); decision date, validity and sharing — also in the panel —
        give way first when the room is short."""
        m = self.table.fontMetrics()
        pad = 24

        def widest(texts) -> int:
            return max(m.horizontalAdvance(t) for t in texts) + pad
        widths = [widest(["99999"]), widest([enum_words(t) for t in ListType]),
                  widest([enum_words(s) for s in CaseState] +
                         [QCoreApplication.translate("CasePanel", "Objection period")]),
                  m.horizontalAdvance(chr(0x4E2D)) * 12 + pad, widest(["9132**********KFXR"]), 96, 96, 150]
        set_widths(self.table, widths, firm=self.KEY_COLUMNS, optional=(5, 6, 7))
        key = sum(self.table.property("wishedWidths")[:len(self.KEY_COLUMNS)])  # headings included
        bar = self.table.verticalScrollBar().sizeHint().width()
        self.table.setMinimumWidth(key + bar + 2 * self.table.frameWidth() + 6)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.FontChange:  # the interface font size changed (gui/comfort.py): widths again
            QTimer.singleShot(0, self._size_columns)
        super().changeEvent(event)

    def _combo(self, name: str, all_label: str, items) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(all_label, "")
        for label, value in items:
            combo.addItem(label, value)
        combo.currentIndexChanged.connect(lambda _i: self.refresh())
        return combo

    def _wire_panel(self) -> None:
        p = self.panel
        p.serve_button.clicked.connect(lambda: self._dialog(ServeNoticeDialog(self.ctx, p.case, self)))
        p.object_button.clicked.connect(lambda: self._dialog(AddObjectionDialog(self.ctx, "case", p.case.id, self)))
        p.reply_button.clicked.connect(self.reply)
        p.decide_button.clicked.connect(lambda: self._dialog(DecideDialog(self.ctx, p.case, self)))
        p.exit_button.clicked.connect(lambda: self._dialog(ExitDialog(self.ctx, p.case, self)))
        p.withdraw_button.clicked.connect(lambda: self._dialog(ProposeWithdrawalDialog(self.ctx, p.case, self)))
        p.approve_withdraw_button.clicked.connect(
            lambda: self._dialog(ApproveWithdrawalDialog(self.ctx, p.case, self)))
        p.print_button.clicked.connect(lambda: self._dialog(CasePrintDialog(self.ctx, p.case, self)))
        p.edit_button.clicked.connect(lambda: self._dialog(EditCaseDialog(self.ctx, p.case, self)))

    def _first_page(self, _n: int) -> None:
        if self.panel.case is None and self.model.rowCount():
            self.table.selectRow(0)

    def _selected(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.panel.show_case(self.model.row(row)["id"])

    def _dialog(self, dlg):
        if dlg.exec():
            self._acted()
        return dlg

    def on_ledger_changed(self) -> None:
        """A committed change elsewhere (gui/events.py): the open case and the list are read again."""
        if self.panel.case is not None:
            self._acted()
        else:
            self.refresh()

    def _acted(self) -> None:
        """After any step: the panel re-reads its case, the list its page."""
        self.panel.reload()
        keep = self.panel.case.id if self.panel.case else None
        self.model.reset()
        self.model.pageLoaded.connect(lambda _n, k=keep: self._reselect(k), Qt.SingleShotConnection)

    def _reselect(self, case_id) -> None:
        for i in range(self.model.rowCount()):
            if self.model.row(i)["id"] == case_id:
                self.table.selectRow(i)
                return

    # --- actions (also shortcuts) --------------------------------------------------------------
    def refresh(self) -> None:
        self.model.set_filter(self.list_filter.currentData(), self.state_filter.currentData())

    def new_item(self):
        """Choose the subject, open the draft, then the joint-punishment prompts for that subject."""
        if not self.ctx.can("case.open"):
            return None
        picker = SubjectPickerDialog(self.ctx, self.tr("Whom is the new listing case about?"), self)
        if not picker.exec():
            return None
        dlg = OpenCaseDialog(self.ctx, picker.result_value, self)
        if not dlg.exec():
            return None
        case = dlg.result_value
        prompt_matches(self.ctx, case.subject_id, self)
        self.panel.show_case(case.id)
        self._acted()
        return case

    def reply(self):
        open_ids = [o["id"] for o in self.panel.objections if o["outcome"] is None]
        if not open_ids:
            return None
        obj = objections.get_objection(self.ctx.session, open_ids[0], f"答复异议（异议 {open_ids[0]}）")
        return self._dialog(ResolveObjectionDialog(self.ctx, obj, self))
