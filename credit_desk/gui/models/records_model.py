"""失信信息 list model: a million rows, read a page at a time; subjects masked (R15)."""

from __future__ import annotations

from credit_desk.gui.labels import record_words
from credit_desk.gui.models.paged_model import PagedModel
from credit_desk.services import browse
from credit_desk.services.browse import PageSpec, SearchToken


class RecordsModel(PagedModel):
    KEYS = ("id", "name", "id_number", "catalogue_code", "tier_zh", "status_zh", "doc_number",
            "department", "decision_date")
    SORTS = {0: "id", 6: "doc_number", 8: "decision_date"}
    NUMERIC = frozenset({0})

    def __init__(self, ctx, page_size: int = 200, parent=None) -> None:
        super().__init__(ctx, page_size, parent)
        self.sort_key, self.descending = "decision_date", True
        self.search = SearchToken()
        self.tier = self.status = ""
        self.subject_id = None

    def headers(self) -> list[str]:
        return [self.tr("No."), self.tr("Subject"), self.tr("Code / ID number"), self.tr("Catalogue item"),
                self.tr("Tier"), self.tr("Status"), self.tr("Document number"), self.tr("Deciding department"),
                self.tr("Decision date")]

    def set_filter(self, search: SearchToken, tier: str = "", status: str = "") -> None:
        self.search, self.tier, self.status = search, tier, status
        self.reset()

    def load(self, spec: PageSpec) -> list[dict]:
        return [record_words(r) for r in browse.records_page(self.ctx.session, self.ctx.reader, spec, self.search,
                                                             self.tier, self.status, self.subject_id)]
