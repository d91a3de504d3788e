"""审计: the audit log (admin and auditor), and the chain check with its verdict (R14)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from credit_desk.gui.models.audit_model import AuditModel
from credit_desk.gui.ops import Debouncer
from credit_desk.gui.widgets.notice import title_label
from credit_desk.gui.widgets.tables import make_table, set_widths
from credit_desk.services import browse

OK_STYLE = "color: #1b7f3b; font-weight: bold;"
BAD_STYLE = "color: #b00020; font-weight: bold;"


class AuditView(QWidget):
    WATCHES = frozenset()  # reading the log is itself logged: refreshed by F5 or a filter only

    def __init__(self, ctx, title: str, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = AuditModel(ctx, parent=self)
        self.filter = QLineEdit()
        self.filter.setObjectName("search")
        self.filter.setPlaceholderText(self.tr("User, action or object number"))
        self.filter.setClearButtonEnabled(True)
        self.debounce = Debouncer(self.refresh, 300, self)
        self.filter.textChanged.connect(self.debounce.poke)
        self.verify_button = QPushButton(self.tr("Verify the chain"))
        self.verify_button.setObjectName("verify")
        self.verify_button.clicked.connect(self.verify)
        self.verdict = QLabel(self.tr("Not verified yet in this session."))
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.table = make_table(self.model, "auditTable")
        set_widths(self.table, [70, 150, 90, 60, 120, 70, 160, 180, 60])
        box = QVBoxLayout(self)
        box.addWidget(title_label(title))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Filter")))
        row.addWidget(self.filter, 1)
        row.addWidget(self.verify_button)
        box.addLayout(row)
        box.addWidget(self.verdict)
        box.addWidget(self.table, 1)
        self.refresh()

    def focus_search(self) -> None:
        self.filter.setFocus()

    def refresh(self) -> None:
        """Reading the log is itself logged, once per refresh or filter."""
        text = self.filter.text().strip()
        browse.log_audit_read(self.ctx.session, text)
        self.model.text = text
        self.model.reset()

    def verify(self) -> None:
        ctx = self.ctx
        self.verify_button.setEnabled(False)
        self.verdict.setStyleSheet("")
        self.verdict.setText(self.tr("Verifying…"))
        ctx.ops.run(lambda _j: browse.verify_chain(ctx.session, ctx.reader), done=self._verdict,
                    failed=self._failed, label=self.tr("Verifying the audit chain…"), parent=self)

    def _failed(self, exc) -> None:
        self.verify_button.setEnabled(True)
        self.verdict.setText("")
        self.ctx.ops.show_error(exc, self)

    def _verdict(self, v) -> None:
        self.verify_button.setEnabled(True)
        if v.ok:
            self.verdict.setStyleSheet(OK_STYLE)
            self.verdict.setText(self.tr("✓ The audit chain is intact: %1 rows, none changed, removed or "
                                         "inserted.").replace("%1", f"{v.rows:,}"))
        else:
            self.verdict.setStyleSheet(BAD_STYLE)
            reason = v.reason_en if self.ctx.lang == "en" else v.reason_zh
            self.verdict.setText(self.tr("✗ The audit chain is broken at row %1: %2 Report this to the "
                                         "office leader at once.").replace("%1", str(v.first_bad_id))
                                 .replace("%2", reason))
