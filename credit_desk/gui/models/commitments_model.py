"""信用承诺 and 约谈 list models; a subject under key supervision is marked (R17)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from credit_desk.domain.commitments import CommitmentType, Fulfilment, InterviewKind
from credit_desk.gui.labels import enum_words
from credit_desk.gui.models.paged_model import PagedModel
from credit_desk.services import browse
from credit_desk.services.browse import PageSpec

FLAGGED = QColor("#b00020")


class CommitmentsModel(PagedModel):
    KEYS = ("id", "name", "id_number", "item_code", "type_zh", "made_on", "fulfilment_zh", "checked_on", "flag_zh")
    SORTS = {0: "id"}
    NUMERIC = frozenset({0})

    def __init__(self, ctx, page_size: int = 200, parent=None) -> None:
        super().__init__(ctx, page_size, parent)
        self.descending = True
        self.fulfilment = ""

    def headers(self) -> list[str]:
        return [self.tr("No."), self.tr("Subject"), self.tr("Code / ID number"), self.tr("Item"), self.tr("Type"),
                self.tr("Made on"), self.tr("Fulfilment"), self.tr("Checked on"), self.tr("Key supervision")]

    def load(self, spec: PageSpec) -> list[dict]:
        rows = browse.commitments_page(self.ctx.session, self.ctx.reader, spec, self.fulfilment)
        for r in rows:
            r["type_zh"] = enum_words(CommitmentType(r["type"]))
            r["fulfilment_zh"] = enum_words(Fulfilment(r["fulfilment"]))
            r["flag_zh"] = self.tr("⚑ under key supervision") if r["flagged"] else ""
        return rows

    def data(self, index, role=Qt.DisplayRole):
        if role == Qt.ForegroundRole and index.isValid() and self.rows[index.row()].get("flagged") \
                and index.column() == len(self.KEYS) - 1:
            return FLAGGED
        return super().data(index, role)


class InterviewsModel(PagedModel):
    KEYS = ("id", "name", "id_number", "kind_zh2", "held_on", "reason", "outcome", "rectify_by")
    SORTS = {0: "id"}
    NUMERIC = frozenset({0})

    def __init__(self, ctx, page_size: int = 200, parent=None) -> None:
        super().__init__(ctx, page_size, parent)
        self.descending = True

    def headers(self) -> list[str]:
        return [self.tr("No."), self.tr("Subject"), self.tr("Code / ID number"), self.tr("Kind"),
                self.tr("Held on"), self.tr("Reason"), self.tr("Outcome"), self.tr("Rectify by")]

    def load(self, spec: PageSpec) -> list[dict]:
        rows = browse.interviews_page(self.ctx.session, self.ctx.reader, spec)
        for r in rows:
            r["kind_zh2"] = enum_words(InterviewKind(r["interview_kind"]))
        return rows
