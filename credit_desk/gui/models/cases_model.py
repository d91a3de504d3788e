"""名单案件 list model: newest first, filtered by list and state in SQL; subjects masked (R15)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from credit_desk.domain.cases import Case, CaseState, ListType, phase
from credit_desk.gui.labels import enum_words
from credit_desk.gui.models.paged_model import PagedModel
from credit_desk.services import browse
from credit_desk.services.browse import PageSpec

OVERDUE = QColor("#b00020")


def phase_zh(state: str, window_end: str | None, today: dt.date) -> str:
    """The stored state, or 异议期 while a served notice's window is open (the domain's ``phase``)."""
    case = Case(None, 0, ListType.BLACK, CaseState(state), "",
                window_end=dt.date.fromisoformat(window_end) if window_end else None)
    if phase(case, today) == "objection_window":
        return QCoreApplication.translate("CasePanel", "Objection period")
    return enum_words(CaseState(state))


class CasesModel(PagedModel):
    KEYS = ("id", "list_type_zh", "phase_zh", "name", "id_number", "decided_on", "valid_until", "share_zh")
    SORTS = {0: "id"}
    NUMERIC = frozenset({0})

    def __init__(self, ctx, page_size: int = 200, parent=None) -> None:
        super().__init__(ctx, page_size, parent)
        self.descending = True
        self.list_type = self.state = ""

    def headers(self) -> list[str]:
        return [self.tr("Case"), self.tr("List"), self.tr("Stage"), self.tr("Subject"), self.tr("Code / ID number"),
                self.tr("Decided on"), self.tr("Valid until"), self.tr("Sharing")]

    def set_filter(self, list_type: str, state: str) -> None:
        self.list_type, self.state = list_type, state
        self.reset()

    def load(self, spec: PageSpec) -> list[dict]:
        today = self.ctx.session.desk.today()
        rows = browse.cases_page(self.ctx.session, self.ctx.reader, spec, self.list_type, self.state)
        for r in rows:
            r["list_type_zh"] = enum_words(ListType(r["list_type"]))
            r["phase_zh"] = phase_zh(r["state"], r["window_end"], today)
            r["share_zh"], r["overdue"] = self._share(r, today)
        return rows

    def _share(self, r: dict, today: dt.date) -> tuple[str, bool]:
        if r["shared_at"]:
            return self.tr("acknowledged %1").replace("%1", r["shared_at"][:10]), False
        if r["share_due"]:
            late = today > dt.date.fromisoformat(r["share_due"])
            return self.tr("due %1").replace("%1", r["share_due"]), late
        return "", False

    def data(self, index, role=Qt.DisplayRole):
        if role == Qt.ForegroundRole and index.isValid() and self.rows[index.row()].get("overdue"):
            return OVERDUE
        return super().data(index, role)
