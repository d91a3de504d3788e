"""修改密码 from the 工具 menu (issue 17 item 6): the current password, the new one twice; the service checks the
password rules and logs the change (auth.change_password)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from credit_desk.domain.errors import DomainError
from credit_desk.gui.widgets.notice import ERROR_STYLE
from credit_desk.services import auth


class ChangePasswordDialog(QDialog):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.result_value = ctx, None
        self.setWindowTitle(self.tr("Change password"))
        self.setMinimumWidth(420)
        form = QFormLayout()
        self.old, self.new, self.again = (self._secret(n) for n in ("oldPassword", "newPassword", "newPassword2"))
        form.addRow(self.tr("Current password"), self.old)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("New password again"), self.again)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Change password"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(QLabel(self.tr("User: %1").replace("%1", ctx.session.user.username)))
        box.addLayout(form)
        box.addWidget(self.error)
        box.addWidget(self.buttons)

    @staticmethod
    def _secret(name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.Password)
        return edit

    def submit(self) -> None:
        if self.new.text() != self.again.text():
            self.error.setText(self.tr("The two new passwords differ."))
            return
        try:
            auth.change_password(self.ctx.session.desk, self.ctx.session.user.username, self.old.text(),
                                 self.new.text())
        except DomainError as exc:
            self.error.setText(exc.message(self.ctx.lang))
            return
        self.result_value = True
        self.accept()
