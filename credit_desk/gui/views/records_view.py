"""失信信息: a million records, a page at a time; search as you type off the GUI thread."""

from __future__ import annotations

import importlib.util

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from credit_desk.domain.records import RecordStatus
from credit_desk.domain.rulesets import Tier
from credit_desk.gui.dialogs.subject_detail_dialog import open_subject
from credit_desk.gui.i18n import counted, listing
from credit_desk.gui.labels import enum_words, table_words
from credit_desk.gui.latest import Latest, leased
from credit_desk.gui.models.records_model import RecordsModel
from credit_desk.gui.widgets.flow import FlowRow
from credit_desk.gui.widgets.notice import hint_label, title_label
from credit_desk.gui.widgets.search_bar import SearchBar, latest_logged_search
from credit_desk.gui.widgets.tables import make_table, set_widths
from credit_desk.services import browse
from credit_desk.services.browse import RECORD_STATUS_ZH


class RecordsView(QWidget):
    WATCHES = frozenset({"record", "subject"})  # refreshed from gui/events.py after these change

    def __init__(self, ctx, title: str, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._counts = Latest(ctx.ops)  # a count arriving late never overwrites a newer one
        self.model = RecordsModel(ctx, parent=self)
        self.search = SearchBar(ctx, self.tr("Document number, subject name, or the start of a code / ID"))
        self.search.searchRequested.connect(self._search)
        self.tier = self._combo("tierFilter", self.tr("All tiers"), [(enum_words(t), t.value) for t in Tier])
        self.status = self._combo("statusFilter", self.tr("All statuses"),
                                  [(table_words(RECORD_STATUS_ZH, s), s.value)
                                   for s in RecordStatus])
        self.add_button = QPushButton(self.tr("New record (Ctrl+N)"))
        self.add_button.setObjectName("addRecord")
        self.add_button.setEnabled(self._can_add())
        self.add_button.clicked.connect(self.new_item)
        self.approve_button = QPushButton(self.tr("Approvals (R9)…"))
        self.approve_button.setObjectName("approvals")
        self.approve_button.clicked.connect(self.approvals)
        self.open_button = QPushButton(self.tr("Open subject…"))
        self.open_button.setObjectName("openSubject")
        self.open_button.clicked.connect(self.open_selected)
        self.consent_button = QPushButton(self.tr("Consent to publish…"))
        self.consent_button.setObjectName("consent")
        self.consent_button.setEnabled(ctx.can("record.add"))
        self.consent_button.clicked.connect(self.consent_selected)
        self.withdraw_button = QPushButton(self.tr("Withdraw consent…"))
        self.withdraw_button.setObjectName("withdrawConsent")
        self.withdraw_button.setEnabled(ctx.can("record.add"))
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.change_button = QPushButton(self.tr("Change…"))  # R3: the record follows its document
        self.change_button.setObjectName("changeRecord")
        self.change_button.setEnabled(ctx.can("record.change"))
        self.change_button.clicked.connect(self.change_selected)
        self.revoke_button = QPushButton(self.tr("Revoke…"))
        self.revoke_button.setObjectName("revokeRecord")
        self.revoke_button.setEnabled(ctx.can("record.revoke"))
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.count = QLabel()
        self.count.setObjectName("count")
        self.count.setMinimumWidth(150)
        self.count.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.table = make_table(self.model, "recordsTable")
        self.search.lead_to(self.table)  # ↓ from the search box into the results
        set_widths(self.table, [64, 190, 150, 84, 52, 64, 170, 170, 100])
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self._layout(title)
        self.model.reset()
        self._count()

    def _combo(self, name: str, all_label: str, items) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(all_label, "")
        for label, value in items:
            combo.addItem(label, value)
        combo.currentIndexChanged.connect(lambda _i: self.search.fire_now())
        return combo

    def _can_add(self) -> bool:
        return (importlib.util.find_spec("credit_desk.gui.dialogs.new_record_dialog") is not None
                and self.ctx.can("record.add"))

    def _layout(self, title: str) -> None:
        box = QVBoxLayout(self)
        box.addWidget(title_label(title))
        box.addWidget(self.search)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Tier")))
        row.addWidget(self.tier)
        row.addWidget(QLabel(self.tr("Status")))
        row.addWidget(self.status)
        row.addStretch(1)
        row.addWidget(self.count)
        box.addLayout(row)
        # the seven actions on a row of their own: beside the filters they were squeezed at 1280 px, their words
        # cut (in English 「nsent to publis」, 「w record (Ctrl+」; issue 17 item 1); a row that wraps, as at 800 px
        # the row itself squeezed them (「本人同意公开‥」, 「失信信息（Ctrl」; att39c)
        actions = FlowRow()
        for button in (self.open_button, self.consent_button, self.withdraw_button, self.change_button,
                       self.revoke_button, self.approve_button):
            actions.addWidget(button)
        actions.addWidget(self.add_button, right=True)
        box.addLayout(actions)
        box.addWidget(self.table, 1)
        hint = hint_label(self.tr("Sorted by decision date, newest first; click the No., document number or "
                              "decision date heading to sort. Subjects are masked in this list."))
        box.addWidget(hint)

    def new_item(self):
        """Choose the subject, fill the form (R1, R2, R9), then the joint-punishment prompts for the subject."""
        if not self._can_add():
            return None
        from credit_desk.gui.dialogs.match_dialog import prompt_matches
        from credit_desk.gui.dialogs.new_record_dialog import NewRecordDialog
        from credit_desk.gui.dialogs.subject_picker_dialog import SubjectPickerDialog
        picker = SubjectPickerDialog(self.ctx, self.tr("Whose dishonest act is recorded?"), self)
        if not picker.exec():
            return None
        dlg = NewRecordDialog(self.ctx, picker.result_value, self)
        if not dlg.exec():
            return None
        prompt_matches(self.ctx, picker.result_value["id"], self)
        self.refresh()
        return dlg.result_value

    def approvals(self):
        from credit_desk.gui.dialogs.approval_dialog import ApprovalDialog
        dlg = ApprovalDialog(self.ctx, self)
        dlg.exec()
        self.refresh()
        return dlg

    def focus_search(self) -> None:
        self.search.focus()

    def refresh(self) -> None:
        self.model.reset()
        self._count()

    def _search(self, text: str, purpose: str) -> None:
        # R14: logged on a background job (the audit row's fsync never on the GUI thread, issue 18), then read
        def apply(token) -> None:
            self.model.set_filter(token, self.tier.currentData(), self.status.currentData())
            self._count()
        # the count beside the list stays the rows' own until the search is applied (_count): a refused search
        # reads nothing, and its 「正在统计…」 stayed for good over the rows still shown (att18e)
        latest_logged_search(self.search, self.ctx, "records", text, purpose, apply, self.model)

    def _count(self) -> None:
        ctx, m = self.ctx, self.model
        self.count.setText(self.tr("Counting…"))
        def work(job):
            with leased(ctx.reader, job):
                return browse.records_count(ctx.session, ctx.reader, m.search, m.tier, m.status)
        self._counts.run(work, done=lambda n: self.count.setText(counted(n, self.tr("%1 record"),
                                                                         self.tr("%1 records"))),
                         failed=lambda _exc: self.count.setText(self.tr("? records (counting failed)")))

    def open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.search.show_hint(self.tr("Select a record in the list first."))
            return
        return open_subject(self.ctx, self.model.row(rows[0].row()), self.search.purpose_text(), self)

    def _selected_row(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.search.show_hint(self.tr("Select a record in the list first."))
            return None
        return self.model.row(rows[0].row())

    def consent_selected(self):
        """R15: record the person's consent to publish the selected record (scope, signed, until)."""
        from credit_desk.gui.dialogs.consent_dialogs import ConsentDialog
        row = self._selected_row()
        if row is None:
            return None
        dlg = ConsentDialog(self.ctx, row, self)
        if dlg.exec():
            self.search.show_hint(self.tr("Consent %1 recorded.").replace("%1", str(dlg.result_value["id"])))
        return dlg

    def withdraw_selected(self):
        """R15: the person withdraws a consent to publish."""
        from credit_desk.gui.dialogs.consent_dialogs import WithdrawConsentDialog
        row = self._selected_row()
        if row is None:
            return None
        dlg = WithdrawConsentDialog(self.ctx, row, self)
        if dlg.exec():
            self.search.show_hint(self.tr("Consent %1 withdrawn.").replace("%1", str(dlg.result_value["id"])))
        return dlg

    def change_selected(self):
        """R3: the basis document was changed — the record takes the change (变更)."""
        from credit_desk.gui.dialogs.record_fix_dialogs import ChangeRecordDialog
        row = self._selected_row()
        if row is None:
            return None
        dlg = ChangeRecordDialog(self.ctx, row, self)
        if dlg.exec():
            self.search.show_hint(self.tr("Record %1 changed.").replace("%1", str(row["id"])))
        return dlg

    def revoke_selected(self):
        """R3: the basis document was revoked — the record is revoked (撤销)."""
        from credit_desk.gui.dialogs.record_fix_dialogs import RevokeRecordDialog
        row = self._selected_row()
        if row is None:
            return None
        dlg = RevokeRecordDialog(self.ctx, row, self)
        if dlg.exec():
            done = dlg.result_value
            tail = self.tr("; listings resting on it: %1").replace("%1", listing(done["listed_case_ids"])) \
                if done.get("listed_case_ids") else ""
            self.search.show_hint(self.tr("Record %1 revoked").replace("%1", str(row["id"])) + tail)
        return dlg
