"""账户管理: the administrator's account lifecycle (issue 14 item 6) — deactivate, reactivate, unlock, reset a
password (changed at the next login), ask for a role change; a second administrator or the auditor confirms it.
A thin shell over services.accounts: every refusal is the service's sentence, every step its audit row."""

from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout)

from credit_desk.domain.errors import DomainError
from credit_desk.domain.roles import Role
from credit_desk.gui.i18n import listing
from credit_desk.gui.labels import enum_words
from credit_desk.gui.widgets.notice import ERROR_STYLE
from credit_desk.services import accounts

OK_STYLE = "color: #1b7f3b;"


class AccountsDialog(QDialog):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Accounts"))
        self.setMinimumSize(720, 420)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("accountsTable")
        self.table.setHorizontalHeaderLabels([self.tr("User name"), self.tr("Role"), self.tr("State")])
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
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        # the administrator runs the lifecycle; the auditor (or a second administrator) only confirms or refuses
        # the role changes waiting — the auditor cannot list the accounts, so the waiting changes are the table
        self.manages, self.confirms = ctx.can("user.manage"), ctx.can("user.confirm")
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.name)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Temporary password"), self.temp_password)
        form.addRow(self.tr("New role"), self.role)
        for field in (self.reason, self.temp_password, self.role):
            form.setRowVisible(field, self.manages)
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
        waiting = accounts.pending_role_changes(self.ctx.session) if self.confirms else []
        asked = {w["username"]: w for w in waiting}
        if self.manages:
            rows = [(u.username, enum_words(u.role), listing(self._state(u, asked.get(u.username))))
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
