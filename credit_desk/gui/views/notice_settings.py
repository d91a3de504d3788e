"""设置 → 文书: the contact line printed on every notice (issue 17 item 6). Notices are kept in the ledger
(issue 17 item 9), so there is no notices folder to set: a PDF goes where the clerk saves it."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from credit_desk.domain.errors import DomainError
from credit_desk.gui.widgets.notice import ERROR_STYLE
from credit_desk.services import preferences

OK_STYLE = "color: #1b7f3b;"


class NoticeSettingsBox(QGroupBox):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(self.tr("Printed notices"), parent)
        self.ctx = ctx
        self.contact = QLineEdit(preferences.notice_contact(ctx.session))
        self.contact.setObjectName("noticeContact")
        self.contact.setMaxLength(preferences.CONTACT_MAX)
        self.contact.setPlaceholderText(self.tr("e.g. 联系电话：0517-83600000，地址：淮安市清江浦区健康东路18号"))
        self.save = QPushButton(self.tr("Save"))
        self.save.setObjectName("saveContact")
        self.save.clicked.connect(self.save_contact)
        self.message = QLabel()
        self.message.setWordWrap(True)
        admin = ctx.can("settings.manage")
        self.contact.setEnabled(admin)
        self.save.setEnabled(admin)
        v = QVBoxLayout(self)
        v.addWidget(QLabel(self.tr("Contact line printed on the notices (empty: the office's name):")))
        row = QHBoxLayout()
        row.addWidget(self.contact, 1)
        row.addWidget(self.save)
        v.addLayout(row)
        v.addWidget(QLabel(self.tr("Issued notices are kept in the encrypted ledger; a PDF file is written only "
                                   "where you save one.")))
        if not admin:
            self.message.setText(self.tr("Only the administrator can change this."))
        v.addWidget(self.message)

    def save_contact(self) -> str | None:
        try:
            value = preferences.set_notice_contact(self.ctx.session, self.contact.text())
        except DomainError as exc:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(exc.message(self.ctx.lang))
            return None
        self.message.setStyleSheet(OK_STYLE)
        self.message.setText(self.tr("Saved: notices printed from now on show this contact line.") if value else
                             self.tr("Saved: notices print the office's name as the contact."))
        return value
