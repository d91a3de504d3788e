"""印制文书 for a case: pick the notice, the office numbers and signs it, then the preview opens."""

from __future__ import annotations

from credit_desk.domain.list_rules import OBJECTION_DOCUMENTS as OBJECTION_TYPES
from credit_desk.domain.list_rules import stage_documents
from credit_desk.gui.dialogs.form_dialog import FormDialog, combo, line
from credit_desk.gui.i18n import current_lang, listing, spaced
from credit_desk.gui.labels import enum_words
from credit_desk.gui.models.documents_model import type_title
from credit_desk.gui.printing import PreviewDialog
from credit_desk.gui.widgets.notice import ERROR_STYLE
from credit_desk.services import browse, document_sources, documents


# the documents that state the catalogue item or the measures (a sample edition must not reach a party unmarked)
SAMPLE_SENSITIVE = frozenset({"prior_notice", "listing_decision", "watch_warning", "repair_notice", "red_publication"})


def case_document_types(case, has_objections: bool = False) -> tuple[str, ...]:
    """The notices this case can have at its stage, the stage's own first (domain/list_rules.stage_documents)."""
    return stage_documents(case.list_type, case.state, has_objections)


class CasePrintDialog(FormDialog):
    """The number is taken only when the notice is really issued (all checks first, see services/documents)."""

    def __init__(self, ctx, case, parent=None) -> None:
        super().__init__(ctx, self.tr("Print a notice"), self.tr(
            "Case %1 (%2). The notice gets the next number of its series, is signed with the office key "
            "and recorded in the document register; the preview opens when it is ready.")
            .replace("%1", str(case.id)).replace("%2", enum_words(case.list_type)), parent, ok_text=self.tr("Issue"))
        self.case = case
        self.preview = None
        objs = browse.case_objections(ctx.session, case.id)
        self.add_field("doc_type", self.tr("Notice *"), combo(  # the stage's own document first, chosen
            "docType", [(type_title(t), t) for t in case_document_types(case, bool(objs))]))
        self.add_field("objection", self.tr("Objection"), combo(
            "objection", [(self.tr("(not needed)"), None)] +
            [(spaced(o["id"], o["received_on"], o["grounds"][:30]), o["id"]) for o in objs]),
            self.tr("Only for the objection acceptance and result notices."))
        self.add_field("purpose", self.tr("Purpose *"), line("purpose", text=self.tr("Print the case's notice")),
                       self.tr("The notice shows the subject's data; the look is logged (R14)."))
        self.sample = document_sources.sample_basis(ctx.session, case.id)  # R2/R8: 示例 editions behind it
        self.sample_warning = self.add_note("", ERROR_STYLE)
        self.sample_warning.setObjectName("sampleWarning")
        self.issued = self._issued_numbers(ctx, case)
        self.issued_note = self.add_note("")
        self.issued_note.setObjectName("issuedNote")
        self.fields["doc_type"].currentIndexChanged.connect(self._type_changed)
        self._type_changed()

    @staticmethod
    def _issued_numbers(ctx, case) -> dict[str, list[str]]:
        """The case's notices already issued and standing, by type (no personal data: numbers only)."""
        from credit_desk.domain.errors import DomainError
        try:
            rows = documents.list_documents(ctx.session, object_id=case.id, limit=200)
        except DomainError:
            return {}
        out: dict[str, list[str]] = {}
        for r in rows:
            if r["object_type"] == "case" and r["status"] == "issued":
                out.setdefault(r["doc_type"], []).append(r["number"])
        return out

    def _type_changed(self, *_a) -> None:
        # issue 17 item 7 (clerk17): printing the prior notice a second time took a new number and left the first
        # one standing as issued for the same case; the clerk who wanted one more copy is told where copies are
        held = self.issued.get(self.value("doc_type")) or []
        self.issued_note.setText(self.tr(
            "This case already has %1. For one more copy, close this window and reprint it (copy) in the document "
            "register; issuing here takes a new number and %1 stays issued.").replace("%1", listing(held))
            if held else "")
        self.issued_note.setVisible(bool(held))
        self.fields["objection"].setEnabled(self.value("doc_type") in OBJECTION_TYPES)
        warn = bool(self.sample) and self.value("doc_type") in SAMPLE_SENSITIVE
        self.sample_warning.setText(self.tr(
            "Warning: this case rests on the edition “%1”, not an official one from the platform. A "
            "document built on it is for training only and is not fit to issue to a party.")
            .replace("%1", self._sample_words()) if warn else "")
        self.sample_warning.setVisible(warn)

    def _sample_words(self) -> str:
        """The sample editions' stored labels (「示例（非官方）」) in Chinese; every one of them is a sample edition, so
        in English simply that (the label is the shipped editions' Chinese, never English words)."""
        return listing(self.sample) if current_lang() != "en" else self.tr("sample (unofficial)")

    def submit(self) -> None:
        """Issue on a worker thread (rendering and signing take a moment); refusals come back to the form."""
        self.clear_errors()
        self.ok_button().setEnabled(False)
        ctx, doc_type = self.ctx, self.value("doc_type")
        objection, purpose = self.value("objection"), self.value("purpose")

        def work(_job):  # R14: the notice stays in the ledger; a PDF file only on 另存为 PDF
            item = document_sources.item_for(ctx.session, doc_type, case_id=self.case.id, objection_id=objection,
                                             purpose=purpose)
            issued = documents.issue(ctx.session, doc_type, [item])
            return issued, documents.stored_pdf(ctx.session, issued[0]["number"], purpose)
        ctx.ops.run(work, done=self._issued, failed=self._refused, label=self.tr("Issuing the notice…"), parent=self,
                    modal=True)

    def _refused(self, exc) -> None:
        self.ok_button().setEnabled(True)
        from credit_desk.domain.errors import DomainError
        if isinstance(exc, DomainError):
            self.show_error(exc)
        else:
            self.ctx.ops.show_error(exc, self)

    def _issued(self, out) -> None:
        issued, doc = out
        self.result_value = issued
        self.accept()
        self.preview = PreviewDialog(self.ctx, doc, doc["number"], self.value("purpose"), self.parent())
        self.preview.open()
