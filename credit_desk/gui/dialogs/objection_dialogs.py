"""异议: register an objection to a record or a case, and answer it (R5 10-working-day reply, R19)."""

from __future__ import annotations

from PySide6.QtCore import QDate

from credit_desk.domain.objections import Outcome
from credit_desk.gui.dialogs.form_dialog import FormDialog, bound_dates, combo, date_edit, text_box
from credit_desk.gui.i18n import QT_TRANSLATE_NOOP, spaced, words
from credit_desk.gui.labels import record_words
from credit_desk.services import browse, cases, objections
from credit_desk.services.browse import PageSpec

TARGET = {"record": QT_TRANSLATE_NOOP("ObjectionsModel", "Record"), "case": QT_TRANSLATE_NOOP("ObjectionsModel", "Case")}


class AddObjectionDialog(FormDialog):
    """受理异议: the reply falls due ``objection_reply_workdays`` working days after receipt (R5).

    ``target_id`` None with a ``subject`` (the picker's row): the clerk chooses the record objected to among that
    subject's records instead of typing its number (issue 17, a new clerk's finding)."""

    def __init__(self, ctx, target: str, target_id: int | None, parent=None, subject: dict | None = None) -> None:
        about = (str(target_id) if target_id is not None else
                 self.tr("of %1 (%2)").replace("%1", subject["name"]).replace("%2", subject["id_number"]))
        super().__init__(ctx, self.tr("Register an objection"), self.tr(
            "Objection to %1 %2. The reply is due within the working days the rule set in force gives "
            "(national default 10).").replace("%1", words("ObjectionsModel", TARGET[target])).replace("%2", about),
            parent, ok_text=self.tr("Register"))
        self.target, self.target_id = target, target_id
        self.aliases = {"target_id": "record"}
        today = ctx.session.desk.today()
        served = (cases.get_case(ctx.session, target_id, f"登记对案件 {target_id} 的异议").served_on
                  if target == "case" else None)
        if target_id is None:
            self.add_field("record", self.tr("Record objected to *"), self._records(subject["id"]))
        # R5 dates: not before the notice it objects to, never after today
        self.add_field("received_on", self.tr("Received on *"), bound_dates(date_edit(today, "receivedOn"),
                                                                            served, today))
        self.add_field("grounds", self.tr("Facts and reasons *"), text_box("grounds", 4))
        self.add_field("evidence", self.tr("Evidence handed in"), text_box("evidence", 2))

    def _records(self, subject_id: int):
        rows = browse.records_page(self.ctx.session, self.ctx.reader, PageSpec("id", True, None, 200),
                                   subject_id=subject_id)
        items = [(self.tr("— choose the record —"), None)]
        items += [(spaced(r["id"], r["doc_number"], r["tier_zh"], r["status_zh"]), r["id"])
                  for r in map(record_words, rows)]
        box = combo("record", items)
        box.setCurrentIndex(1 if len(rows) == 1 else 0)  # the only record is the one meant
        return box

    def apply(self):
        target_id = self.target_id if self.target_id is not None else self.value("record")
        return objections.add_objection(self.ctx.session, target=self.target, target_id=target_id,
                                        received_on=self.value("received_on"), grounds=self.value("grounds"),
                                        evidence=self.value("evidence"))


class ResolveObjectionDialog(FormDialog):
    """答复异议: 维持 / 更正 / 撤销, and what each means for the record or case (see services/objections)."""

    def __init__(self, ctx, objection, parent=None) -> None:
        super().__init__(ctx, self.tr("Reply to the objection"), self.tr(
            "Objection %1 to %2 %3, received %4, reply due %5.\nGrounds: %6").replace("%1", str(objection.id))
            .replace("%2", words("ObjectionsModel", TARGET[objection.target_type.value])).replace("%3", str(objection.target_id))
            .replace("%4", objection.received_on.isoformat()).replace("%5", objection.due_on.isoformat())
            .replace("%6", objection.grounds), parent, ok_text=self.tr("Save the reply"))
        self.objection = objection
        self.add_field("outcome", self.tr("Outcome *"), combo("outcome", [
            (self.tr("Upheld — the objection is not founded"), Outcome.UPHELD.value),
            (self.tr("Corrected — correct the facts"), Outcome.CORRECTED.value),
            (self.tr("Revoked — the record or listing was wrong"), Outcome.REVOKED.value)]), self.tr(
            "Revoking a listing proposes its withdrawal as wrongful (R12 way 1); a second senior person approves "
            "it in the case before anything is deleted."))
        self.add_field("reply", self.tr("Reply *"), text_box("reply", 4))
        today = ctx.session.desk.today()
        # R5: an objection to a served prior notice: corrected grounds are notified again (a new notice served with
        # the reply); revoked, the undecided case ends with a decision not to list numbered today
        self.renotices = objection.target_type.value == "case" and objection.stage.value == "notice"
        self.add_field("resolved_on", self.tr("Replied on *"), bound_dates(date_edit(today, "resolvedOn"),
                                                                           objection.received_on, today),
                       self.tr("Revoked: the case ends with a decision not to list, numbered and dated today (R5).")
                       if self.renotices else "")
        self.add_field("corrected_facts", self.tr("Corrected facts"), text_box("correctedFacts", 2))
        self.add_field("renotice_on", self.tr("New prior notice served on"), bound_dates(
            date_edit(today, "renoticeOn"), today, today), self.tr(  # R5: numbered today, so served today
            "Correcting the facts of a served prior notice serves a new prior notice (new number, new objection "
            "window), numbered and served today; the old one is superseded."))
        self.fields["outcome"].currentIndexChanged.connect(self._outcome_changed)
        self._outcome_changed()

    def _outcome_changed(self, *_a) -> None:
        outcome = self.value("outcome")
        self.fields["corrected_facts"].setEnabled(outcome == Outcome.CORRECTED.value)
        self.fields["renotice_on"].setEnabled(self.renotices and outcome == Outcome.CORRECTED.value)
        # R5: revoked, an objection to a prior notice ends the undecided case with a decision not to list that the
        # register numbers today, so the reply is dated today (check_r5_decided_after_issue); otherwise from receipt
        today = self.ctx.session.desk.today()
        earliest = today if self.renotices and outcome == Outcome.REVOKED.value else self.objection.received_on
        self.fields["resolved_on"].setMinimumDate(QDate(earliest.year, earliest.month, earliest.day))

    def apply(self) -> dict:
        facts = self.value("corrected_facts") or None
        again = self.value("renotice_on") if self.renotices and facts else None
        return objections.resolve_objection(
            self.ctx.session, self.objection.id, outcome=self.value("outcome"), reply=self.value("reply"),
            resolved_on=self.value("resolved_on"), corrected_facts=facts, renotice_on=again)
