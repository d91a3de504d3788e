"""审批失信信息 (R9): records held for leniency wait here for a second user; never the one who entered them."""

from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

from credit_desk.domain.errors import DomainError
from credit_desk.gui.widgets.notice import ERROR_STYLE
from credit_desk.gui.widgets.tables import set_widths
from credit_desk.services import browse, records

OK_STYLE = "color: #1b7f3b;"


class ApprovalDialog(QDialog):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Records waiting for approval (R9)"))
        self.resize(1040, 460)
        intro = QLabel(self.tr("These records fall under leniency (minor, force majeure, no intent or slight). Each "
                               "takes effect only when a second user approves it; the person who entered it "
                               "cannot."))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 9)
        self.table.setObjectName("pendingTable")
        self.table.setHorizontalHeaderLabels([self.tr("No."), self.tr("Subject"), self.tr("Code / ID number"),
                                              self.tr("Catalogue item"), self.tr("Tier"),
                                              self.tr("Document number"), self.tr("Entered by"),
                                              self.tr("Leniency ground"), self.tr("Written justification")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(True)
        set_widths(self.table, [56, 110, 150, 70, 44, 150, 64, 130])
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.approve_button = QPushButton(self.tr("Approve the selected record"))
        self.approve_button.setObjectName("approve")
        self.approve_button.setEnabled(ctx.can("record.approve"))
        self.approve_button.clicked.connect(self.approve_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addWidget(self.table, 1)
        box.addWidget(self.message)
        box.addWidget(self.approve_button)
        box.addWidget(buttons)
        self.load()

    def load(self) -> None:
        self.rows = browse.pending_records(self.ctx.session)
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            for j, key in enumerate(("id", "name", "id_number", "catalogue_code", "tier_zh", "doc_number",
                                     "created_by_name", "leniency_zh", "leniency_justification")):
                item = QTableWidgetItem(str(r[key] or ""))
                item.setToolTip(item.text())
                self.table.setItem(i, j, item)
        self.table.resizeRowsToContents()
        if not self.rows:
            self.message.setStyleSheet("")
            self.message.setText(self.tr("No record is waiting for approval."))

    def approve_selected(self) -> None:
        picked = self.table.selectionModel().selectedRows()
        if not picked:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(self.tr("Select a record in the list first."))
            return
        rid = self.rows[picked[0].row()]["id"]
        try:
            records.approve_record(self.ctx.session, rid)
        except DomainError as exc:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(exc.message(self.ctx.lang))
            return
        self.load()
        self.message.setStyleSheet(OK_STYLE)
        self.message.setText(self.tr("Record %1 approved; it is now in effect.").replace("%1", str(rid)))
