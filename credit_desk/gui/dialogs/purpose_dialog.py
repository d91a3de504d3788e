"""查询事由: opening a subject's data states why (R14); the last few purposes are offered again.

Each look states its own purpose: the field starts empty (or with the purpose the caller's work gives, ``preset``)
and the recent purposes wait in its list, one click away. Pre-filling the last one let a clerk press 打开 on every
look and log a purpose that was not the look's (issue 17: an auditor reading 查询使用登记 could not trust it)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from credit_desk.domain.errors import DomainError
from credit_desk.gui.widgets.notice import ERROR_STYLE


class PurposeDialog(QDialog):
    """``open_fn(purpose)`` is the service call that logs the look; its refusal keeps the dialog open."""

    def __init__(self, ctx, what: str, open_fn, preset: str = "", parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._open = open_fn
        self.result_value = None
        self.setWindowTitle(self.tr("Purpose of this look"))
        self.setMinimumWidth(480)
        intro = QLabel(self.tr("You are opening the full data of: %1\nThe look is recorded in the audit "
                               "log with your name, the time and the purpose.").replace("%1", what))
        intro.setWordWrap(True)
        self.purpose = QComboBox()
        self.purpose.setObjectName("purpose")
        self.purpose.setEditable(True)
        self.purpose.addItems(ctx.recent_purposes())
        self.purpose.setEditText(preset)  # R14: never the last look's purpose by default
        self.purpose.lineEdit().setPlaceholderText(self.tr("e.g. 办理信用修复申请"))
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Purpose"), self.purpose)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Open"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addLayout(form)
        box.addWidget(self.error)
        box.addWidget(self.buttons)

    def _submit(self) -> None:
        purpose = self.purpose.currentText().strip()
        try:
            self.result_value = self._open(purpose)
        except DomainError as exc:
            self.error.setText(exc.message(self.ctx.lang))
            return
        self.ctx.remember_purpose(purpose)
        self.accept()
