"""审计 list model: the audit log newest first, keyset on the row id."""

from __future__ import annotations

from credit_desk.gui.models.paged_model import PagedModel
from credit_desk.services import browse
from credit_desk.services.browse import PageSpec


class AuditModel(PagedModel):
    KEYS = ("id", "ts", "username", "role", "action", "object_type", "object_id", "purpose", "outcome")
    NUMERIC = frozenset({0})

    def __init__(self, ctx, page_size: int = 200, parent=None) -> None:
        super().__init__(ctx, page_size, parent)
        self.descending = True
        self.text = ""

    def headers(self) -> list[str]:
        return [self.tr("No."), self.tr("Time"), self.tr("User"), self.tr("Role"), self.tr("Action"),
                self.tr("Object"), self.tr("Object ID"), self.tr("Purpose"), self.tr("Outcome")]

    def load(self, spec: PageSpec) -> list[dict]:
        before = spec.after[1] if spec.after else None
        return browse.audit_page(self.ctx.session, self.ctx.reader, before, spec.limit, self.text)
