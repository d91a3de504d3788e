"""R15 publication consent (49号 二(四), 七(十四)): a natural person's consent to publish one record — a definite
scope, the date signed, an end date (never blanket or lifelong) — and its withdrawal. Thin forms over
``services.publication``; the service refuses what the rule forbids and the refusal shows under its field."""

from __future__ import annotations

from credit_desk.domain.rulesets import add_months
from credit_desk.gui.dialogs.form_dialog import FormDialog, bound_dates, combo, date_edit, line, text_box
from credit_desk.services import publication


class ConsentDialog(FormDialog):
    """本人同意公开: recorded against the selected record; scope and end date are required."""

    def __init__(self, ctx, row: dict, parent=None) -> None:
        super().__init__(ctx, self.tr("Consent to publish"), self.tr(
            "Record %1 of %2 (%3). A natural person's information is published only on a legal basis or the "
            "person's own consent: name exactly what may be published where, and until when. No blanket, forced or "
            "lifelong consent.").replace("%1", str(row["id"])).replace("%2", row["name"])
            .replace("%3", row["id_number"]), parent, ok_text=self.tr("Record the consent"))
        self.row = row
        today = ctx.session.desk.today()
        self.add_field("scope", self.tr("Scope *"), text_box("scope", 2, self.tr(
            "e.g. publish this record on the city credit website")))
        self.add_field("given_on", self.tr("Signed on *"), bound_dates(date_edit(today, "givenOn"), None, today))
        self.add_field("valid_until", self.tr("Valid until *"), date_edit(add_months(today, 12), "validUntil"))
        self.add_field("document", self.tr("Consent form *"), line("document", self.tr(
            "The form the person signed of their own will (name, date)")))

    def apply(self) -> dict:
        return publication.add_consent(self.ctx.session, subject_id=self.row["subject_id"],
                                       record_id=self.row["id"], scope=self.value("scope"),
                                       given_on=self.value("given_on"), valid_until=self.value("valid_until"),
                                       document=self.value("document"))


class WithdrawConsentDialog(FormDialog):
    """The person withdraws a consent; publication resting on it stops from that day."""

    def __init__(self, ctx, row: dict, parent=None) -> None:
        super().__init__(ctx, self.tr("Withdraw a consent"), self.tr("Subject of record %1: %2 (%3).")
                         .replace("%1", str(row["id"])).replace("%2", row["name"]).replace("%3", row["id_number"]),
                         parent, ok_text=self.tr("Withdraw"))
        self.row = row
        live = publication.list_consents(ctx.session, row["subject_id"])
        items = [(self.tr("No. %1: %2 (until %3)").replace("%1", str(c["id"])).replace("%2", c["scope"])
                  .replace("%3", c["valid_until"]), c["id"]) for c in live]
        self.add_field("consent_id", self.tr("Consent *"), combo("consentId", items),
                       "" if items else self.tr("This subject has no live consent."))
        today = ctx.session.desk.today()
        self.add_field("on", self.tr("Withdrawn on *"), bound_dates(date_edit(today, "withdrawnOn"), None, today))

    def apply(self) -> dict:
        from credit_desk.domain.errors import ValidationError
        cid = self.value("consent_id")
        if cid is None:
            raise ValidationError("FIELD_REQUIRED", "请选择要撤回的同意记录。", "Choose the consent to withdraw.",
                                  field="consent_id")
        return publication.withdraw_consent(self.ctx.session, cid, on=self.value("on"))
