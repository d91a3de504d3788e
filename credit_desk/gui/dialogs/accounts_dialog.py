"""账户管理: the administrator's account lifecycle (issue 14 item 6) — deactivate, reactivate, unlock, reset a
password (changed at the next login), ask for a role change; a second administrator or the auditor confirms it.
It also puts a user in a deciding department (认定部门, R4 谁认定、谁负责: only a department's own staff decide its
listings), which the GUI had no way to do (issue 17 items 5 and 6, clerk17). A thin shell over services.accounts
and services.departments: every refusal is the service's sentence, every step its audit row."""

from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from credit_desk.domain.errors import DomainError
from credit_desk.domain.roles import Role
from credit_desk.gui.i18n import listing
from credit_desk.gui.labels import enum_words
from credit_desk.gui.widgets.notice import ERROR_STYLE
from credit_desk.services import accounts, departments

OK_STYLE = "color: #1b7f3b;"


class AccountsDialog(QDialog):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Accounts"))
        self.setMinimumSize(720, 420)
        # the administrator runs the lifecycle; the auditor (or a second administrator) only confirms or refuses
        # the role changes waiting — the auditor cannot list the accounts, so the waiting changes are the table
        self.manages, self.confirms = ctx.can("user.manage"), ctx.can("user.confirm")
        self.assigns = self.manages and ctx.can("department.manage")
        self.table = QTableWidget(0, 4 if self.assigns else 3)
        self.table.setObjectName("accountsTable")
        self.table.setHorizontalHeaderLabels([self.tr("User name"), self.tr("Role"), self.tr("State"),
                                              self.tr("Deciding department")][:self.table.columnCount()])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.name = QLineEdit()
        self.name.setObjectName("userName")
        self.name.setPlaceholderText(self.tr("or select a row above"))
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.temp_password = QLineEdit()
        self.temp_password.setObjectName("tempPassword")
        self.temp_password.setEchoMode(QLineEdit.Password)
        self.role = QComboBox()
        self.role.setObjectName("newRole")
        for r in Role:
            self.role.addItem(enum_words(r), r.value)
        self.department = QComboBox()
        self.department.setObjectName("department")
        self.department.addItem(self.tr("none (credit office staff)"), None)
        for d in departments.list_departments(ctx.session) if self.assigns else ():
            self.department.addItem(d.name, d.id)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.name)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Temporary password"), self.temp_password)
        form.addRow(self.tr("New role"), self.role)
        # the department and its button on one row: the button's word (分配到认定部门) did not fit a ninth place
        # in the row of lifecycle buttons at the dialog's 720 px
        assign = QPushButton(self.tr("Assign to department"))
        assign.setObjectName("assignDepartment")
        assign.clicked.connect(lambda _=False: self.assign_department())
        dept_row = QWidget()
        row = QHBoxLayout(dept_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.department, 1)
        row.addWidget(assign)
        form.addRow(self.tr("Deciding department"), dept_row)
        for field in (self.reason, self.temp_password, self.role):
            form.setRowVisible(field, self.manages)
        form.setRowVisible(dept_row, self.assigns)
        buttons = QHBoxLayout()
        for name, label, slot, shown in (
                ("deactivate", self.tr("Deactivate"), self.deactivate, self.manages),
                ("activate", self.tr("Reactivate"), self.activate, self.manages),
                ("unlock", self.tr("Unlock"), self.unlock, self.manages),
                ("reset", self.tr("Reset password"), self.reset, self.manages),
                ("requestRole", self.tr("Ask for role change"), self.request_role, self.manages),
                ("confirmRole", self.tr("Confirm role change"), self.confirm_role, self.confirms),
                ("refuseRole", self.tr("Refuse role change"), self.refuse_role, self.confirms)):
            b = QPushButton(label)
            b.setObjectName(name)
            b.clicked.connect(lambda _=False, f=slot: f())
            b.setVisible(shown)
            buttons.addWidget(b)
        self.table.itemSelectionChanged.connect(self._show_department)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.table)
        box.addLayout(form)
        box.addLayout(buttons)
        box.addWidget(self.message)
        box.addWidget(close)
        self.refresh()

    def refresh(self) -> None:
        self.depts: dict[str, int | None] = {}
        waiting = accounts.pending_role_changes(self.ctx.session) if self.confirms else []
        asked = {w["username"]: w for w in waiting}
        if self.manages:
            rows = [(u.username, enum_words(u.role), listing(self._state(u, asked.get(u.username))))
                    + ((self._department_of(u.username),) if self.assigns else ())
                    for u in accounts.list_users(self.ctx.session)]
        else:
            rows = [(w["username"], self._change(w), self._asked(w)) for w in waiting]
            self.table.setHorizontalHeaderLabels([self.tr("User name"), self.tr("Role change"),
                                                  self.tr("Asked")])
            self.name.setPlaceholderText(self.tr("select a waiting role change above"))
        self.usernames = [r[0] for r in rows]
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                self.table.setItem(i, j, QTableWidgetItem(value))

    def _state(self, u, waiting: dict | None) -> list[str]:
        state = [self.tr("active") if u.active else self.tr("deactivated")]
        if u.locked_until is not None and u.locked_at(self.ctx.session.desk.now()):
            state.append(self.tr("locked"))
        if u.must_change_password:
            state.append(self.tr("must change password"))
        if waiting is not None:
            state.append(self.tr("role change to %1 waiting").replace("%1", enum_words(Role(waiting["new_role"]))))
        return state

    def _department_of(self, username: str) -> str:
        d = departments.user_department(self.ctx.session, username)
        self.depts[username] = d.id if d is not None else None
        return d.name if d is not None else self.tr("none (credit office staff)")

    def _show_department(self) -> None:
        """The chosen account's department in the combo, so the administrator sees what an assignment changes."""
        rows = self.table.selectionModel().selectedRows()
        if self.assigns and rows:
            i = self.department.findData(self.depts.get(self.usernames[rows[0].row()]))
            self.department.setCurrentIndex(max(i, 0))

    def _change(self, w: dict) -> str:
        return f"{enum_words(Role(w['old_role']))} → {enum_words(Role(w['new_role']))}"

    def _asked(self, w: dict) -> str:
        return self.tr("by %1 on %2: %3").replace("%1", w["requested_by"]) \
            .replace("%2", (w["requested_at"] or "")[:10]).replace("%3", w["reason"])

    def _selected(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.usernames[rows[0].row()] if rows else (self.name.text().strip() or None)

    def _run(self, fn, ok_text: str, username: str | None):
        username = username or self._selected()
        if not username:
            return self._say(self.tr("Select an account first."), ok=False)
        try:
            out = fn(username)
        except DomainError as exc:
            return self._say(exc.message(self.ctx.lang), ok=False)
        self._say(ok_text.replace("%1", username), ok=True)
        self.refresh()
        return out

    def _say(self, text: str, ok: bool):
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)
        return None

    def deactivate(self, username: str | None = None, reason: str | None = None):
        why = self.reason.text() if reason is None else reason
        return self._run(lambda u: accounts.set_active(self.ctx.session, u, False, why),
                         self.tr("%1 deactivated."), username)

    def activate(self, username: str | None = None):
        return self._run(lambda u: accounts.set_active(self.ctx.session, u, True), self.tr("%1 reactivated."),
                         username)

    def unlock(self, username: str | None = None):
        return self._run(lambda u: accounts.unlock(self.ctx.session, u), self.tr("%1 unlocked."), username)

    def reset(self, username: str | None = None, password: str | None = None):
        pw = self.temp_password.text() if password is None else password
        return self._run(lambda u: accounts.reset_password(self.ctx.session, u, pw),
                         self.tr("Password of %1 reset; it must be changed at the next login."), username)

    def request_role(self, username: str | None = None, role: str | None = None, reason: str | None = None):
        new, why = role or self.role.currentData(), self.reason.text() if reason is None else reason
        return self._run(lambda u: accounts.request_role(self.ctx.session, u, new, why),
                         self.tr("Role change of %1 asked; a second administrator or the auditor confirms it."),
                         username)

    def confirm_role(self, username: str | None = None, approve: bool = True):
        return self._run(lambda u: accounts.confirm_role(self.ctx.session, u, approve),
                         self.tr("Role change of %1 confirmed.") if approve else self.tr("Role change of %1 refused."),
                         username)

    def refuse_role(self, username: str | None = None):
        return self.confirm_role(username, approve=False)

    def assign_department(self, username: str | None = None, department: int | None = -1):
        """R4 谁认定、谁负责: the user decides (or proposes) only for the department chosen here (the combo's, unless
        ``department`` is given); None takes them out of every department."""
        dept = self.department.currentData() if department == -1 else department
        username = username or self._selected()
        if not username:
            return self._say(self.tr("Select an account first."), ok=False)
        try:
            d = departments.assign_user(self.ctx.session, username, dept if dept is not None else "")
        except DomainError as exc:
            return self._say(exc.message(self.ctx.lang), ok=False)
        self._say((self.tr("%1 now works for %2: only its staff decide its listings.").replace("%2", d.name)
                   if d is not None else self.tr("%1 no longer belongs to a deciding department."))
                  .replace("%1", username), ok=True)
        self.refresh()
        return d
