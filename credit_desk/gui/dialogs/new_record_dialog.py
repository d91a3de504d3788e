"""新增失信信息: the Designer form; R1 document fields, R2 catalogue item, R9 leniency shown as it applies.

Leniency is judged by the domain (``leniency_flags``: a minor on the date of the act comes from the ID number);
the form only shows it, asks for the written justification and says a second user must approve.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from credit_desk.domain.errors import DomainError, each_error
from credit_desk.domain.records import DocType
from credit_desk.domain.rulesets import Tier
from credit_desk.gui.dialogs.form_dialog import day_of
from credit_desk.gui.forms.ui_new_record import Ui_NewRecordDialog
from credit_desk.gui.i18n import aside, listing, spaced
from credit_desk.gui.labels import enum_words
from credit_desk.gui.widgets.notice import LEAD_SCALE, relative_font
from credit_desk.services import browse, records

OK_STYLE = "color: #1b7f3b;"
# a service field -> the input holding it (the cursor goes to the first refused one)
INPUTS = {"catalogue_code": "catalogue", "tier": "tier", "facts": "facts", "doc_type": "docType",
          "doc_number": "docNumber", "doc_authority": "docAuthority", "doc_issued": "docIssued",
          "doc_effective": "docEffective", "doc_citation": "docCitation", "department": "department",
          "act_date": "actDate", "decision_date": "decisionDate", "leniency_justification": "justification"}
BANNER_STYLE = ("background: #fff3e0; border: 1px solid #e0a040; border-radius: 4px; padding: 6px; "
                "color: #7a4100; font-weight: bold;")


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


class NewRecordDialog(QDialog):
    """``subject``: the chosen subject (its id, masked name and number as the picker shows them)."""

    FIELD_ERRORS = {"catalogue_code": "catalogueError", "tier": "tierError", "facts": "factsError",
                    "doc_type": "docTypeError", "doc_number": "docNumberError", "doc_authority": "docAuthorityError",
                    "doc_issued": "docIssuedError", "doc_effective": "docEffectiveError",
                    "doc_citation": "docCitationError", "department": "departmentError", "act_date": "actDateError",
                    "decision_date": "decisionDateError", "leniency_justification": "justificationError"}

    def __init__(self, ctx, subject: dict, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.subject = ctx, subject
        self.result_value = None
        self.ui = Ui_NewRecordDialog()
        self.ui.setupUi(self)
        relative_font(self.ui.subjectText, LEAD_SCALE, bold=True)  # grows with the interface font (item 11)
        self.ui.subjectText.setText(self.tr("Subject: %1 (%2)").replace("%1", subject["name"])
                                    .replace("%2", subject["id_number"]))
        self._fill_choices()
        today = ctx.session.desk.today()
        for edit in (self.ui.docIssued, self.ui.docEffective, self.ui.actDate, self.ui.decisionDate):
            edit.setDate(_qdate(today))
        self.ui.docIssued.dateChanged.connect(self.ui.decisionDate.setDate)
        for box in (self.ui.forceMajeure, self.ui.noIntent, self.ui.slight):
            box.toggled.connect(self.update_leniency)
        self.ui.tier.currentIndexChanged.connect(self.update_leniency)
        self.ui.actDate.dateChanged.connect(self.update_leniency)
        self.ui.docType.currentIndexChanged.connect(self._type_changed)
        self.ui.buttons.button(QDialogButtonBox.Save).setText(self.tr("Save"))
        self.ui.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        self.ui.buttons.accepted.connect(self._save)
        self.ui.buttons.rejected.connect(self.reject)
        self._type_changed()
        self.update_leniency()

    def _fill_choices(self) -> None:
        edition, items = browse.active_catalogue(self.ctx.session)
        for item in items:
            self.ui.catalogue.addItem(spaced(item.code, aside(item.display_name, item.group)), item.code)
            self.ui.catalogue.setItemData(self.ui.catalogue.count() - 1, item.legal_basis, 3)  # tooltip
        label = edition.get("label", "")
        if edition.get("is_sample"):
            label += self.tr(" (sample)")
        self.ui.catalogueLabel.setToolTip(self.tr("Active catalogue: %1").replace("%1", label))
        for tier in Tier:
            self.ui.tier.addItem(enum_words(tier), tier.value)
        self.ui.tier.setCurrentIndex(self.ui.tier.findData(Tier.GENERAL.value))
        for t in DocType:
            self.ui.docType.addItem(enum_words(t), t.value)

    def _type_changed(self, *_a) -> None:
        self.ui.docCitation.setEnabled(self.ui.docType.currentData() == DocType.OTHER_LEGAL.value)

    def flags(self):
        """R9 as the domain judges it for what is on the form now."""
        return browse.leniency_preview(self.ctx.session, self.subject["id"], self.ui.tier.currentData(),
                                       day_of(self.ui.actDate), force_majeure=self.ui.forceMajeure.isChecked(),
                                       no_intent=self.ui.noIntent.isChecked(), slight=self.ui.slight.isChecked())

    def update_leniency(self, *_a) -> None:
        flags = self.flags()
        self.ui.justification.setEnabled(bool(flags))
        if not flags:
            self.ui.leniencyBanner.setStyleSheet("color: #555;")
            self.ui.leniencyBanner.setText(self.tr("No leniency ground applies: the record takes effect when saved."))
            return
        self.ui.leniencyBanner.setStyleSheet(BANNER_STYLE)
        self.ui.leniencyBanner.setText(self.tr(
            "Leniency applies (%1). Write the justification below. The record is saved as WAITING FOR APPROVAL "
            "and takes effect only after a second user (reviewer or approver) approves it.")
            .replace("%1", listing(enum_words(f) for f in flags)))

    def _clear(self) -> None:
        for name in list(self.FIELD_ERRORS.values()) + ["formError"]:
            getattr(self.ui, name).setText("")

    def _save(self) -> None:
        self._clear()
        ui = self.ui
        try:
            self.result_value = records.add_record(
                self.ctx.session, subject_id=self.subject["id"], catalogue_code=ui.catalogue.currentData() or "",
                tier=ui.tier.currentData(), facts=ui.facts.toPlainText(), doc_type=ui.docType.currentData(),
                doc_number=ui.docNumber.text(), doc_authority=ui.docAuthority.text(),
                doc_issued=day_of(ui.docIssued), doc_effective=day_of(ui.docEffective),
                doc_citation=ui.docCitation.text() or None, department=ui.department.text(),
                act_date=day_of(ui.actDate), decision_date=day_of(ui.decisionDate),
                force_majeure=ui.forceMajeure.isChecked(), no_intent=ui.noIntent.isChecked(),
                slight=ui.slight.isChecked(), justification=ui.justification.toPlainText() or None)
        except DomainError as exc:
            self._show_refusal(exc)
            return
        self.accept()

    def _show_refusal(self, exc: DomainError) -> None:
        """Each refusal beside its field (issue 17 item 10: all bad fields at once); the cursor to the first."""
        refused = set()
        for one in each_error(exc):
            label = getattr(self.ui, self.FIELD_ERRORS.get(one.field or "", "formError"))
            text = one.message(self.ctx.lang)
            label.setText(f"{label.text()}\n{text}" if label.text() else text)
            refused.add(one.field)
        first = next((name for field, name in INPUTS.items() if field in refused), None)  # the form's order
        if first:
            getattr(self.ui, first).setFocus()
