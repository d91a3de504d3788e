"""双公示 register model (R6, R15, R21): keyset pages by id; names and IDs of persons masked by the service;
decisions still unpublished after their 7-working-day date shaded."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from credit_desk.gui.models.paged_model import PagedModel
from credit_desk.services.browse import PageSpec
from credit_desk.services.disclosure import register

LATE = QColor("#fde2e1")


class DecisionsModel(PagedModel):
    KEYS = ("id", "kind_zh", "doc_number", "party_name", "uscc", "id_number", "category", "tier_zh", "decision_date",
            "publish_due", "publication_end", "state_zh")
    SORTS = {0: "id"}
    NUMERIC = frozenset({0})

    def headers(self) -> list[str]:
        return [self.tr("No."), self.tr("Kind"), self.tr("Decision number"), self.tr("Party"), self.tr("Unified code"),
                self.tr("ID number"), self.tr("Category"), self.tr("Tier"), self.tr("Decided on"),
                self.tr("Publish by"), self.tr("Published until"), self.tr("State")]

    def load(self, spec: PageSpec) -> list[dict]:
        today = self.ctx.session.desk.today().isoformat()
        rows = register.list_page(self.ctx.session, self.ctx.reader, spec)
        for r in rows:
            r["late"] = r["state"] == "registered" and r["publish_due"] < today
        return rows

    def data(self, index, role=Qt.DisplayRole):
        if role == Qt.BackgroundRole and index.isValid() and self.rows[index.row()].get("late"):
            return LATE
        return super().data(index, role)
