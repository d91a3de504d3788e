"""信用主体 list model: masked names and ID numbers (R15), sort and filter in SQL."""

from __future__ import annotations

from credit_desk.gui.models.paged_model import PagedModel
from credit_desk.services import browse
from credit_desk.services.browse import PageSpec, SearchToken


class SubjectsModel(PagedModel):
    KEYS = ("id", "kind_zh", "name", "id_number")
    SORTS = {0: "id", 2: "name", 3: "id_number"}
    NUMERIC = frozenset({0})

    def __init__(self, ctx, page_size: int = 200, parent=None) -> None:
        super().__init__(ctx, page_size, parent)
        self.search = SearchToken()
        self.kind = ""

    def headers(self) -> list[str]:
        return [self.tr("No."), self.tr("Kind"), self.tr("Name"), self.tr("Code / ID number")]

    def set_filter(self, search: SearchToken, kind: str) -> None:
        self.search, self.kind = search, kind
        self.reset()

    def load(self, spec: PageSpec) -> list[dict]:
        return browse.subjects_page(self.ctx.session, self.ctx.reader, spec, self.search, self.kind)
