"""例外登记 (issue 15): a 统一社会信用代码 whose only fault is its check character is registered on a written
justification and a second, senior person's approval; these dialogs ask and approve (the service decides)."""

from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout)

from credit_desk.domain.errors import DomainError
from credit_desk.gui.dialogs.form_dialog import FormDialog, text_box
from credit_desk.gui.i18n import spaced
from credit_desk.gui.widgets.notice import ERROR_STYLE
from credit_desk.services import browse, id_exceptions

OK_STYLE = "color: #1b7f3b;"


class ExceptionRequestDialog(FormDialog):
    """``fields``: the new-subject form's values (kind, name, id_number, legal_rep_*, address)."""

    def __init__(self, ctx, fields: dict, parent=None) -> None:
        super().__init__(ctx, self.tr("Request registration as an exception"),
                         self.tr("The code's check character does not verify. If it is a genuine code (some issued "
                                 "before 2016 are), write how you checked it. A second, senior person approves; "
                                 "the subject then carries the exception mark wherever its code shows."), parent,
                         ok_text=self.tr("Submit for approval"))
        self.subject_fields = fields
        self.add_note(spaced(fields.get("name", ""), fields.get("id_number", "")))
        self.add_field("justification", self.tr("Justification"),
                       text_box("justification", 4, self.tr(
                           "The original business licence was checked; the code matches the national enterprise credit "
                           "information publicity system…")))

    def apply(self):
        return id_exceptions.request_uscc_exception(self.ctx.session, justification=self.value("justification"),
                                                    **self.subject_fields)


class ExceptionApprovalDialog(QDialog):
    """Pending requests; approve (never one's own) or refuse with a reason."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Exception registrations waiting for approval"))
        self.resize(960, 400)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("exceptionTable")
        self.table.setHorizontalHeaderLabels([self.tr("No."), self.tr("Subject"), self.tr("Code / ID number"),
                                              self.tr("Requested by"), self.tr("Requested at"),
                                              self.tr("Justification")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.reason = QLineEdit()
        self.reason.setObjectName("refuseReason")
        self.reason.setPlaceholderText(self.tr("Reason for refusing"))
        self.approve_button = QPushButton(self.tr("Approve and register"))
        self.approve_button.setObjectName("approveException")
        self.approve_button.clicked.connect(self.approve_selected)
        self.refuse_button = QPushButton(self.tr("Refuse"))
        self.refuse_button.setObjectName("refuseException")
        self.refuse_button.clicked.connect(self.refuse_selected)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.approve_button)
        row.addWidget(self.reason, 1)
        row.addWidget(self.refuse_button)
        box = QVBoxLayout(self)
        box.addWidget(self.table, 1)
        box.addLayout(row)
        box.addWidget(self.message)
        box.addWidget(buttons)
        self.load()

    def load(self) -> None:
        try:
            self.rows = id_exceptions.pending_exceptions(self.ctx.session)
        except DomainError as exc:  # e.g. a role that may not approve: said, not a traceback
            self.rows = []
            self._say(exc.message(self.ctx.lang), False)
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            r = dict(r, requested_by=browse.staff_name(self.ctx.session, r["requested_by"]))  # 王经办, not clerk1
            for j, key in enumerate(("id", "name", "id_number", "requested_by", "requested_at", "reason")):
                item = QTableWidgetItem(str(r[key] or ""))
                item.setToolTip(item.text())
                self.table.setItem(i, j, item)

    def _picked(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self._say(self.tr("Select a request in the list first."), False)
            return None
        return self.rows[rows[0].row()]["id"]

    def _say(self, text: str, ok: bool) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)

    def approve_selected(self) -> None:
        rid = self._picked()
        if rid is None:
            return
        try:
            done = id_exceptions.approve_uscc_exception(self.ctx.session, rid)
        except DomainError as exc:
            self._say(exc.message(self.ctx.lang), False)
            return
        self.load()
        self._say(self.tr("Approved: subject %1 registered with the exception mark.")
                  .replace("%1", str(done["subject"].id)), True)

    def refuse_selected(self) -> None:
        rid = self._picked()
        if rid is None:
            return
        try:
            id_exceptions.refuse_uscc_exception(self.ctx.session, rid, self.reason.text())
        except DomainError as exc:
            self._say(exc.message(self.ctx.lang), False)
            return
        self.load()
        self._say(self.tr("Refused; nothing was registered."), True)
