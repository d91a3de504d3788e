"""异议 list model: due dates with overdue replies in red (R5, R19); subjects masked (R15)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from credit_desk.domain.objections import Outcome
from credit_desk.gui.i18n import QT_TRANSLATE_NOOP, words
from credit_desk.gui.labels import enum_words
from credit_desk.gui.models.paged_model import PagedModel
from credit_desk.services import browse
from credit_desk.services.browse import PageSpec

OVERDUE = QColor("#b00020")
TARGET = {"record": QT_TRANSLATE_NOOP("ObjectionsModel", "Record"), "case": QT_TRANSLATE_NOOP("ObjectionsModel", "Case")}
STAGE = {"record": QT_TRANSLATE_NOOP("ObjectionsModel", "To the record"),
         "notice": QT_TRANSLATE_NOOP("ObjectionsModel", "To the prior notice"),
         "listing": QT_TRANSLATE_NOOP("ObjectionsModel", "To the listing")}


def _word(table: dict, key: str) -> str:
    return words("ObjectionsModel", table[key]) if key in table else key


class ObjectionsModel(PagedModel):
    KEYS = ("id", "target_zh", "name", "id_number", "stage_zh", "received_on", "due_on", "state_zh", "grounds")
    SORTS = {0: "id", 6: "due_on"}
    NUMERIC = frozenset({0})

    def __init__(self, ctx, page_size: int = 200, parent=None) -> None:
        super().__init__(ctx, page_size, parent)
        self.sort_key, self.descending = "due_on", False
        self.open_only = True
        self.target_type = ""

    def headers(self) -> list[str]:
        return [self.tr("No."), self.tr("Objection to"), self.tr("Subject"), self.tr("Code / ID number"),
                self.tr("Stage"), self.tr("Received"), self.tr("Reply due"), self.tr("State"), self.tr("Grounds")]

    def set_filter(self, open_only: bool, target_type: str) -> None:
        self.open_only, self.target_type = open_only, target_type
        self.reset()

    def load(self, spec: PageSpec) -> list[dict]:
        today = self.ctx.session.desk.today()
        rows = browse.objections_page(self.ctx.session, self.ctx.reader, spec, self.open_only, self.target_type)
        for r in rows:
            r["target_zh"] = f"{_word(TARGET, r['target_type'])} {r['target_id']}"
            r["stage_zh"] = _word(STAGE, r["stage"])
            r["overdue"] = r["outcome"] is None and today > dt.date.fromisoformat(r["due_on"])
            if r["outcome"]:
                r["state_zh"] = self.tr("answered: %1").replace("%1", enum_words(Outcome(r["outcome"])))
            else:
                r["state_zh"] = self.tr("OVERDUE") if r["overdue"] else self.tr("open")
        return rows

    def data(self, index, role=Qt.DisplayRole):
        if role == Qt.ForegroundRole and index.isValid() and self.rows[index.row()].get("overdue"):
            return OVERDUE
        return super().data(index, role)
