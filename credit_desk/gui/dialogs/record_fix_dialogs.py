"""R3 the record follows its document: when the basis document is changed, the record is changed (变更); when it is
revoked or declared invalid, the record is revoked (撤销) — at once, with the reason, and the change travels in the
next bundle. Thin forms over ``services.records.change_record`` / ``revoke_record`` (issue 17 item 6)."""

from __future__ import annotations

from credit_desk.gui.dialogs.form_dialog import FormDialog, bound_dates, date_edit, line, text_box
from credit_desk.gui.i18n import spaced
from credit_desk.services import records


def _intro(row: dict) -> str:
    return spaced(row["id"], row.get("doc_number", ""), row.get("name", ""))


class ChangeRecordDialog(FormDialog):
    """变更: the changed basis document (number, authority, effective date) and, if they changed, the facts."""

    def __init__(self, ctx, row: dict, parent=None) -> None:
        super().__init__(ctx, self.tr("Change a record"), self.tr(
            "Record %1. The basis document was changed: enter what the changed document says; the record takes "
            "the change at once and it is reported in the next bundle (R3). Empty fields stay as they are.")
            .replace("%1", _intro(row)), parent, ok_text=self.tr("Change the record"))
        self.row = row
        today = ctx.session.desk.today()
        self.add_field("doc_number", self.tr("Document number"), line("docNumber", text=row.get("doc_number") or ""))
        self.add_field("doc_authority", self.tr("Issuing authority"), line("docAuthority"))
        self.add_field("doc_effective", self.tr("Changed document effective on"),
                       bound_dates(date_edit(today, "docEffective"), None, today))
        self.add_field("facts", self.tr("Facts (if changed)"), text_box("facts", 2))
        self.add_field("reason", self.tr("Reason for the change *"), text_box("reason", 2, self.tr(
            "e.g. 行政复议决定变更了原处罚决定（文号）")))

    def apply(self):
        changes = {k: self.value(k) for k in ("doc_number", "doc_authority", "facts") if self.value(k)}
        changes["doc_effective"] = self.value("doc_effective")
        return records.change_record(self.ctx.session, self.row["id"], reason=self.value("reason"), **changes)


class RevokeRecordDialog(FormDialog):
    """撤销: the basis document was revoked or declared invalid; listings resting only on it end (R3, R12)."""

    def __init__(self, ctx, row: dict, parent=None) -> None:
        super().__init__(ctx, self.tr("Revoke a record"), self.tr(
            "Record %1. The basis document was revoked or declared invalid: the record is revoked at once, listings "
            "resting only on it are flagged for ending, and the revocation is reported in the next bundle (R3).")
            .replace("%1", _intro(row)), parent, ok_text=self.tr("Revoke the record"))
        self.row = row
        today = ctx.session.desk.today()
        earliest = records.revocation_earliest(ctx.session, row["id"])  # R3 / R5 dates
        self.add_field("on", self.tr("Revoked on *"), bound_dates(date_edit(today, "revokedOn"), earliest, today))
        self.add_field("reason", self.tr("Reason and the revoking document *"), text_box("reason", 2, self.tr(
            "e.g. 原处罚决定已被行政复议决定撤销（文号）")))

    def apply(self) -> dict:
        return records.revoke_record(self.ctx.session, self.row["id"], reason=self.value("reason"),
                                     on=self.value("on"))
