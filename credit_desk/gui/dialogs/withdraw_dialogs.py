"""R12 way 1 (误列撤销) in two steps: one person proposes, a second senior person approves (four eyes)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate

from credit_desk.domain.cases import Case, CaseState
from credit_desk.gui.dialogs.form_dialog import FormDialog, bound_dates, combo, date_edit, line, text_box
from credit_desk.gui.i18n import spaced
from credit_desk.gui.labels import enum_words
from credit_desk.services import browse, withdrawals


class ProposeWithdrawalDialog(FormDialog):
    """Propose withdrawing a wrongful listing: from an objection about it, or from the office's own finding."""

    def __init__(self, ctx, case: Case, parent=None) -> None:
        intro = self.tr(
            "Case %1 (%2). The withdrawal is carried out only when a second senior person approves it; then the "
            "listing's information is deleted, its documents are withdrawn, and an apology and a correction "
            "announcement are printed.").replace("%1", str(case.id)).replace("%2", enum_words(case.list_type))
        if case.state is CaseState.EXITED:  # R12 way 1 after the listing ended (1798号 (十八)(二十三))
            intro += " " + self.tr("The listing has already ended: the record of having been listed is deleted "
                                   "too, and a watch listing that followed it by rule is withdrawn with it.")
        super().__init__(ctx, self.tr("Withdraw a wrongful listing"), intro, parent, ok_text=self.tr("Propose"))
        self.case = case
        objs = browse.case_objections(ctx.session, case.id)
        self.add_field("objection", self.tr("Based on *"), combo(
            "objection", [(self.tr("The office's own finding"), None)] +
            [(spaced(f"{self.tr('Objection')} {o['id']}", o["received_on"], o["grounds"][:30]), o["id"]) for o in objs]))
        self.add_field("finding", self.tr("What was found"), text_box("finding", 3),
                       self.tr("Own finding: what shows the listing was wrong (NDRC 2017 No. 1798, item 23)."))
        today = ctx.session.desk.today()  # R5 dates: between the listing's decision (or its exit) and today
        earliest, _ = withdrawals.withdrawal_earliest(case)
        self.add_field("on", self.tr("Proposed on *"), bound_dates(date_edit(today, "proposedOn"), earliest, today))
        self.fields["objection"].currentIndexChanged.connect(self._changed)
        self._changed()

    def _changed(self, *_a) -> None:
        self.fields["finding"].setEnabled(self.value("objection") is None)

    def apply(self) -> dict:
        oid = self.value("objection")
        return withdrawals.propose_withdrawal(self.ctx.session, self.case.id, objection_id=oid,
                                              finding=None if oid is not None else self.value("finding"),
                                              on=self.value("on"))


class ApproveWithdrawalDialog(FormDialog):
    """The second person carries out a proposed withdrawal."""

    def __init__(self, ctx, case: Case, parent=None) -> None:
        pending = withdrawals.pending_for(ctx.session, case.id) or {}
        origin = self.tr("an objection") if pending.get("origin") == "objection" else self.tr("the office's own finding")
        super().__init__(ctx, self.tr("Approve the withdrawal"), self.tr(
            "Case %1 (%2): withdrawal proposed by %3 on %4, from %5. Approving deletes the listing's information, "
            "withdraws its documents (they no longer verify) and numbers the written apology. The proposer "
            "cannot approve.").replace("%1", str(case.id)).replace("%2", enum_words(case.list_type))
            .replace("%3", browse.staff_name(ctx.session, pending.get("proposed_by")) or "—").replace("%4", str(pending.get("proposed_on") or "—"))
            .replace("%5", origin), parent, ok_text=self.tr("Approve and withdraw"))
        self.case = case
        today = ctx.session.desk.today()
        proposed = pending.get("proposed_on")
        earliest = dt.date.fromisoformat(str(proposed)) if proposed else case.decided_on
        # R5 dates: between the proposal and today; and the apology, dated the withdrawal's day, is numbered by the
        # register today — so today only, unless the number of an apology made earlier on paper is typed
        self.earliest, self.today = earliest, today
        self.add_field("on", self.tr("Withdrawn on *"), bound_dates(date_edit(today, "withdrawnOn"), today, today))
        self.apology_hint = self.add_note("")
        self.apology_hint.setObjectName("apologyHint")
        self.add_field("apology_number", self.tr("Apology numbered by hand"), line("apologyNumber"),
                       self.tr("Leave empty: the register numbers the apology."))
        self.fields["apology_number"].textChanged.connect(self._bound_day)
        self._bound_day()

    def _bound_day(self, *_a) -> None:
        """R5 (``check_r5_decided_after_issue``): the written apology is dated the withdrawal's day; the register
        numbers it today, so the day is today unless a hand-issued apology number is typed (then from the proposal)."""
        hand = bool(self.value("apology_number"))
        first = (self.earliest or self.today) if hand else self.today
        self.fields["on"].setMinimumDate(QDate(first.year, first.month, first.day))
        if hand:
            text = self.tr("Earliest day: %1, the proposal (R5). The written apology made on paper that day carries "
                           "the hand-issued number typed below.")
        else:
            text = self.tr("The document register numbers the written apology today, so the withdrawal is dated "
                           "today (%1). A withdrawal approved earlier is recorded with the number of the apology "
                           "made on paper then.")
        self.apology_hint.setText(text.replace("%1", first.isoformat()))

    def apply(self) -> dict:
        return withdrawals.approve_withdrawal(self.ctx.session, self.case.id, on=self.value("on"),
                                              apology_number=self.value("apology_number") or None)
