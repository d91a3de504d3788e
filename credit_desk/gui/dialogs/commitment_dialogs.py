"""信用承诺 (R17) and 约谈 (R18) forms."""

from __future__ import annotations

from credit_desk.domain.commitments import CommitmentType, Fulfilment, InterviewKind
from credit_desk.gui.dialogs.form_dialog import FormDialog, combo, date_edit, line, text_box
from credit_desk.gui.i18n import aside, current_lang, spaced
from credit_desk.gui.labels import enum_words
from credit_desk.services import browse, commitments


class ItemDialog(FormDialog):
    """One item of the office's commitment items list (信用承诺事项清单)."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, self.tr("New commitment item"), "", parent)
        self.add_field("code", self.tr("Item code *"), line("code", self.tr("e.g. CN-01")))
        self.add_field("name", self.tr("Item name *"), line("name"))
        self.add_field("type", self.tr("Type *"), combo("type", [(enum_words(t), t.value) for t in CommitmentType]))
        self.add_field("basis", self.tr("Basis *"), text_box("basis", 2))

    def apply(self):
        return commitments.add_item(self.ctx.session, self.value("code"), self.value("name"), self.value("type"),
                                    self.value("basis"))


class CommitmentDialog(FormDialog):
    def __init__(self, ctx, subject: dict, parent=None) -> None:
        super().__init__(ctx, self.tr("Record a credit commitment"), self.tr("Subject: %1 (%2)")
                         .replace("%1", subject["name"]).replace("%2", subject["id_number"]), parent)
        self.subject = subject
        items = [(spaced(i["code"], aside(i["name"], enum_words(CommitmentType(i["type"])))), i["code"])
                 for i in browse.commitment_items(ctx.session) if i["active"]]
        self.add_field("item_code", self.tr("Commitment item *"), combo("itemCode", items),
                       "" if items else self.tr("The office's items list is empty: add an item first."))
        self.add_field("made_on", self.tr("Made on *"), date_edit(ctx.session.desk.today(), "madeOn"))
        self.add_field("content", self.tr("Content *"), text_box("content", 4))
        self.add_field("record_id", self.tr("Record repaired (number)"), line("recordId"),
                       self.tr("Only for a repair-type commitment: the record it belongs to."))

    def apply(self):
        rid = self.value("record_id")
        return commitments.record_commitment(self.ctx.session, subject_id=self.subject["id"],
                                             item_code=self.value("item_code") or "", made_on=self.value("made_on"),
                                             content=self.value("content"),
                                             record_id=int(rid) if rid.isdigit() else None)


class CheckDialog(FormDialog):
    """Whether the commitment was kept; a breach puts the subject under key supervision (R17)."""

    def __init__(self, ctx, row: dict, parent=None) -> None:
        super().__init__(ctx, self.tr("Check the fulfilment"), self.tr(
            "Commitment %1 of %2 (%3), made %4:\n%5").replace("%1", str(row["id"])).replace("%2", row["name"])
            .replace("%3", row["item_code"]).replace("%4", row["made_on"]).replace("%5", row["content"]), parent)
        self.row = row
        self.add_field("fulfilment", self.tr("Fulfilment *"), combo(
            "fulfilment", [(enum_words(f), f.value) for f in Fulfilment if f is not Fulfilment.PENDING]),
            self.tr("Partly or not kept: the subject is put under key supervision."))
        self.add_field("checked_on", self.tr("Checked on *"), date_edit(ctx.session.desk.today(), "checkedOn"))

    def apply(self):
        return commitments.check_fulfilment(self.ctx.session, self.row["id"], self.value("fulfilment"),
                                            self.value("checked_on"))


class InterviewDialog(FormDialog):
    """R18: a reminder or warning interview with a subject that did not rectify in time."""

    def __init__(self, ctx, subject: dict, parent=None) -> None:
        super().__init__(ctx, self.tr("Record an interview"), self.tr("Subject: %1 (%2)")
                         .replace("%1", subject["name"]).replace("%2", subject["id_number"]), parent)
        self.subject = subject
        self.add_field("kind", self.tr("Kind *"), combo("kind", [(enum_words(k), k.value) for k in InterviewKind]))
        self.add_field("held_on", self.tr("Held on *"), date_edit(ctx.session.desk.today(), "heldOn"))
        self.add_field("reason", self.tr("Not rectified in time *"), line("reason"))
        self.add_field("people", self.tr("People present *"), line("people"))
        self.add_field("content", self.tr("What was said *"), text_box("content", 3))
        self.add_field("outcome", self.tr("Outcome *"), text_box("outcome", 2))
        self.add_field("rectify_by", self.tr("Rectify by"), date_edit(ctx.session.desk.today(), "rectifyBy"))

    def apply(self):
        return commitments.record_interview(
            self.ctx.session, subject_id=self.subject["id"], kind=self.value("kind"), held_on=self.value("held_on"),
            people=self.value("people"), content=self.value("content"), outcome=self.value("outcome"),
            reason=self.value("reason"), rectify_by=self.value("rectify_by"))


class LiftFlagDialog(FormDialog):
    """R17: end key supervision — at the end of its period, or earlier on a stated reason (never silently)."""

    def __init__(self, ctx, flag: dict, parent=None) -> None:
        from credit_desk.gui.dialogs.form_dialog import bound_dates
        super().__init__(ctx, self.tr("Lift key supervision"), self.tr(
            "Flag %1: %2. Under key supervision from %3 until %4.").replace("%1", str(flag["id"]))
            .replace("%2", self.reason_words(flag["reason"])).replace("%3", flag["since"]).replace("%4", flag["until"] or "—"),
            parent, ok_text=self.tr("Lift"))
        import datetime as dt
        self.flag = flag
        today = ctx.session.desk.today()
        self.add_field("on", self.tr("Lifted on *"), bound_dates(date_edit(today, "liftedOn"),
                                                                 dt.date.fromisoformat(flag["since"]), today))
        self.add_field("reason", self.tr("Reason *"), text_box("reason", 3),
                       self.tr("The period ended, or how the subject kept the commitment and corrected the breach."))

    def reason_words(self, reason: str) -> str:
        """The stored reason (the notice's Chinese sentence) in the clerk's language; other reasons are data."""
        from credit_desk.domain.commitments import breach_of
        breach = breach_of(reason) if current_lang() == "en" else None
        if breach is None:
            return reason
        return self.tr("Commitment not kept (%1 commitment, %2)").replace("%1", enum_words(breach[0])) \
            .replace("%2", enum_words(breach[1]).lower())

    def apply(self):
        from credit_desk.services import followups
        return followups.lift_flag(self.ctx.session, self.flag["id"], reason=self.value("reason"),
                                   on=self.value("on"))


class RectifiedDialog(FormDialog):
    """R18: the subject rectified after the interview; its item leaves the due list."""

    def __init__(self, ctx, row: dict, parent=None) -> None:
        from credit_desk.gui.dialogs.form_dialog import bound_dates
        super().__init__(ctx, self.tr("Rectification after the interview"), self.tr(
            "Interview %1 of %2, held %3; rectify by %4.").replace("%1", str(row["id"])).replace("%2", row["name"])
            .replace("%3", row["held_on"]).replace("%4", row.get("rectify_by") or "—"), parent,
            ok_text=self.tr("Record rectification"))
        import datetime as dt
        self.row = row
        today = ctx.session.desk.today()
        self.add_field("on", self.tr("Rectified on *"), bound_dates(date_edit(today, "rectifiedOn"),
                                                                    dt.date.fromisoformat(row["held_on"]), today))
        self.add_field("note", self.tr("What was rectified *"), text_box("note", 3))

    def reason_words(self, reason: str) -> str:
        """The stored reason (the notice's Chinese sentence) in the clerk's language; other reasons are data."""
        from credit_desk.domain.commitments import breach_of
        breach = breach_of(reason) if current_lang() == "en" else None
        if breach is None:
            return reason
        return self.tr("Commitment not kept (%1 commitment, %2)").replace("%1", enum_words(breach[0])) \
            .replace("%2", enum_words(breach[1]).lower())

    def apply(self):
        from credit_desk.services import followups
        return followups.record_rectified(self.ctx.session, self.row["id"], note=self.value("note"),
                                          on=self.value("on"))
