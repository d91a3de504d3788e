"""认定决定: list or not; the R4 scope, the R7 entry, R8 measures from the active list, R9 and R12 fields.

Fields of the case that the decision needs (R4, R7) are saved onto the case first (``update_case``), then the
decision is asked of ``decide_case``, which runs every guard; a refusal names its field(s) here.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QButtonGroup, QCheckBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, \
    QRadioButton, QSpinBox, QWidget

from credit_desk.domain.cases import (OPEN_STATES, STANDARD_KIND_ZH, TRANSITIONS, Case, CaseState, Event, Ground,
                                      ListType)
from credit_desk.domain.errors import DomainError
from credit_desk.domain.procedure import NOT_LISTED_GROUNDS
from credit_desk.domain.rulesets import add_months
from credit_desk.gui.dialogs.case_dialogs import level_items
from credit_desk.gui.dialogs.form_dialog import FormDialog, bound_dates, combo, date_edit, line, text_box
from credit_desk.gui.labels import enum_words, table_words
from credit_desk.services import browse, cases

CASE_FIELDS = ("department", "department_level", "domain", "ground", "standard", "standard_kind", "facts", "basis")


class DecideDialog(FormDialog):
    def __init__(self, ctx, case: Case, parent=None) -> None:
        super().__init__(ctx, self.tr("Decision"), self.tr(
            "Case %1 (%2). A listing decision states the reasons, the basis, the measures, the removal "
            "conditions and the remedies (R5); the entry must be complete (R7).").replace("%1", str(case.id))
            .replace("%2", enum_words(case.list_type)), parent, ok_text=self.tr("Decide"))
        self.case = case
        self.aliases = {"decision_number": "external_number", "measures": "measure", "watch_months": "post_exit_watch_months", "decided_by": "outcome",
                        "served_on": "outcome", "objections": "outcome"}
        self.resize(860, 700)
        self._outcome()
        today = ctx.session.desk.today()
        # R5: the bounds the domain computes — the first lawful day (after the objection window / the objection's
        # reply; not before the last step) and, without a hand-issued number, not before the register numbers the
        # decision (today: it is numbered when it is recorded)
        self.bounds = cases.step_dates(ctx.session, case)
        self.add_field("decided_on", self.tr("Decided on *"), bound_dates(date_edit(today, "decidedOn"), None, today),
                       self.tr("Not before the first lawful day shown below, not after today (R5)."))
        self.decide_hint = self.add_note("")
        self.decide_hint.setObjectName("decideHint")
        self.add_field("external_number", self.tr("Number of a hand-issued decision"),
                       line("externalNumber", self.tr("leave empty: the document register numbers the decision")),
                       self.tr("The decision and the credit repair notice served with it (served together) take their "
                               "numbers from the register when you decide; print them afterwards."))
        if case.list_type is not ListType.RED:  # R13 两书同达: a hand-issued decision goes with its repair notice
            self.add_field("repair_notice_number", self.tr("Number of the hand-issued credit repair notice"),
                           line("repairNoticeNumber", self.tr("only with a hand-issued decision made before today")),
                           self.tr("A decision made earlier on paper was served with its credit repair notice: give "
                                   "that paper's hand-issued number too."))
        self.fields["external_number"].textChanged.connect(self._bound_decision)
        # R5: not listing is one of the lawful outcomes, chosen; the clerk may only add wording to it
        self.add_field("reason_code", self.tr("Reason for not listing *"), combo(
            "reasonCode", [(self.tr("(choose the outcome)"), None)] + [(v, k) for k, v in NOT_LISTED_GROUNDS.items()]))
        self.add_field("reason", self.tr("Added wording"), text_box("reason", 2))
        self._entry_fields()
        self._list_fields()
        self.list_it.toggled.connect(self._outcome_changed)
        self._outcome_changed()

    def _outcome(self) -> None:
        """Which outcomes the state machine allows from the case's state (list / not list)."""
        allowed = {e for (s, e) in TRANSITIONS if s is self.case.state}
        self.list_it = QRadioButton(self.tr("List the subject"))
        self.list_it.setObjectName("listIt")
        self.not_list = QRadioButton(self.tr("Do not list"))
        self.not_list.setObjectName("notList")
        self.list_it.setEnabled(Event.DECIDE_LIST in allowed)
        self.not_list.setEnabled(Event.DECIDE_NOT_LIST in allowed)
        (self.list_it if self.list_it.isEnabled() else self.not_list).setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.list_it)
        group.addButton(self.not_list)
        row = QWidget()
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(self.list_it)
        h.addWidget(self.not_list)
        h.addStretch(1)
        hint = "" if self.list_it.isEnabled() else self.tr(
            "Listing is possible only after the notice was served and every objection answered (R5).")
        self.add_field("outcome", self.tr("Outcome *"), row, hint)

    def _entry_fields(self) -> None:
        c, black = self.case, self.case.list_type is ListType.BLACK
        self.add_field("department", self.tr("Deciding department *"), line("department", text=c.department or ""))
        self.add_field("department_level", self.tr("Department level") + (" *" if black else ""),
                       combo("departmentLevel", level_items(self.tr("(choose)")), c.department_level))
        self.add_field("facts", self.tr("Facts (reasons) *"), text_box("facts", 3)).setPlainText(c.facts or "")
        self.add_field("basis", self.tr("Basis *"), text_box("basis", 2)).setPlainText(c.basis or "")
        if black:
            self.add_field("ground", self.tr("Ground (R4) *"), combo(
                "ground", [(self.tr("(choose one of the four)"), None)] +
                [(f"{g.value}. {enum_words(g)}", g.value) for g in Ground], c.ground))
            self.add_field("standard", self.tr("Standard cited (R4) *"), line("standard", text=c.standard or ""))
            self.add_field("standard_kind", self.tr("Kind of standard *"), combo(
                "standardKind", [(self.tr("(choose)"), None)] + [(table_words(STANDARD_KIND_ZH, k), k) for k in STANDARD_KIND_ZH],
                c.standard_kind))
        if c.list_type is ListType.WATCH:
            self.add_field("domain", self.tr("Domain *"), line("domain", text=c.domain or ""))
        if c.department_id is not None:  # R4: a registered department's name, level and field are its own
            for name in ("department", "department_level", "domain"):
                if name in self.fields:
                    self.fields[name].setEnabled(False)
        if c.state is not CaseState.DRAFT:  # R5: what the served notice told the party is not edited here
            for name in ("facts", "basis", "ground", "standard", "standard_kind"):
                if name in self.fields:
                    self.fields[name].setEnabled(False)
                    self.fields[name].setToolTip(self.tr("Told to the party in the prior notice; a change needs a "
                                                         "new prior notice (R5)."))

    def _list_fields(self) -> None:
        c = self.case
        self.use_records_end = QCheckBox(self.tr("Until the records' publication ends"))
        self.use_records_end.setObjectName("useRecordsEnd")
        try:
            records_end = cases.decision_validity(self.ctx.session, c.id)  # R7: what the decision would save
        except DomainError:  # a record that cannot support the listing: decide_case names it on 作出决定
            records_end = None
        self.records_end = records_end
        self.use_records_end.setEnabled(records_end is not None)
        if records_end is None:
            self.use_records_end.setToolTip(self.tr("The case's records have no publication end: state the date."))
        self.use_records_end.setChecked(records_end is not None)
        today = self.ctx.session.desk.today()
        self.limits = cases.decision_limits(self.ctx.session, c.id)  # R13 validity cap, R12 watch period
        cap = self.limits["valid_until_max"]
        until = date_edit(records_end or c.valid_until or cap or add_months(today, 12), "validUntil")
        if cap is not None:  # R13 / 1798号 (十一): no date past the records' longest publication period
            bound_dates(until, None, cap)
            until.setToolTip(self.tr("The validity cannot end after %1: the listing is published for its validity, "
                                     "and the records it rests on stop being published on that day (their longest "
                                     "publication period, R13).").replace("%1", cap.isoformat()))
        self.valid_until = until
        self.validity_note = QLabel()
        self.validity_note.setObjectName("validityNote")
        self.use_records_end.toggled.connect(self._validity_changed)
        until.dateChanged.connect(lambda _d: self._show_validity())
        holder = QWidget()
        h = QHBoxLayout(holder)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(until)
        h.addWidget(self.use_records_end)
        h.addWidget(self.validity_note, 1)
        self.add_field("valid_until", self.tr("Valid until *"), holder)
        self._validity_changed(self.use_records_end.isChecked())
        if c.list_type is ListType.WATCH:
            self.add_field("warning_letter", self.tr("Warning letter number (R11) *"),
                           line("warningLetter", text=c.warning_letter or ""))
        if c.list_type is ListType.BLACK:
            months = QSpinBox()
            months.setObjectName("postExitWatchMonths")
            most = self.limits["watch_months_max"]  # R12 / 1798号 (十八): one limit, from the rule set
            months.setRange(0, most)
            months.setSuffix(self.tr(" months"))
            months.setValue(min(c.post_exit_watch_months or 0, most))
            months.setMaximumWidth(160)
            self.add_field("post_exit_watch_months", self.tr("Watch list after exit *"), months,
                           self.tr("R12: after leaving the black list the subject stays this long on the watch list "
                                   "(at most %1 months: the longest publication period of the rule set in force).")
                           .replace("%1", str(most)))
        self.measures = QListWidget()
        self.measures.setObjectName("measures")
        self.measures.setMinimumHeight(120)
        edition, items = browse.active_measures(self.ctx.session)
        for m in items:
            if c.list_type.value in m.list_types:  # the list offers only its own measures; R8 is checked again
                item = QListWidgetItem(self.tr("%1 — %2").replace("%1", m.display_name).replace("%2", m.basis))
                item.setData(Qt.UserRole, m.code)
                item.setToolTip(m.basis)
                item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
                item.setCheckState(Qt.Unchecked)
                self.measures.addItem(item)
        label = edition.get("label", "")
        if edition.get("is_sample") and "示例" not in label:
            label += self.tr(" (sample)")
        self.add_field("measure", self.tr("Measures (R8)") + (" *" if c.list_type is ListType.BLACK else ""),
                       self.measures, self.tr("From the active measures list: %1. Nothing beyond the list, nothing "
                                              "heavier than it allows.").replace("%1", label))
        self.add_field("leniency_justification", self.tr("Leniency justification (R9)"),
                       text_box("leniencyJustification", 2),
                       self.tr("Needed when a record of this case was handled with leniency."))

    def _validity_changed(self, records: bool) -> None:
        """R7: with the records' end the date shown is the one the service computes (cases.validity_end)."""
        if records and self.records_end is not None:
            self.valid_until.setDate(self.records_end)
        self.valid_until.setEnabled(not records)
        self._show_validity()

    def _show_validity(self) -> None:
        stated = None if self.use_records_end.isChecked() else self.value_date()
        end = stated or self.records_end
        self.validity_note.setText(self.tr("Saved and printed: valid until %1").replace(
            "%1", end.isoformat() if end else self.tr("(not known)")))

    def _bound_decision(self, *_a) -> None:
        """R5: the earliest day the decision form offers — the first lawful day of the chosen outcome (a listing:
        after the objection window closed or the objection was answered; not listing: not before the last step)
        and, unless a hand-issued number is typed, not before the day the register numbers the decision (today)."""
        listing, hand = self.list_it.isChecked(), bool(self.value("external_number"))
        b = self.bounds
        lawful = b["decide_lawful_from"] if listing else b["not_list_lawful_from"]
        earliest = lawful if hand else (b["decided_from"] if listing else b["not_listed_from"])
        today = b["today"]
        edit = self.fields["decided_on"]
        if "repair_notice_number" in self.fields:
            self.fields["repair_notice_number"].setEnabled(listing and hand)
        if earliest is None:  # no notice served: no listing (the outcome row says why)
            self.decide_hint.setText("")
            return
        if earliest > today:
            edit.setMinimumDate(QDate(today.year, today.month, today.day))
            self.decide_hint.setText(self.tr(
                "The decision is lawful from %1 (R5: the objection window closes on %2); it cannot be made before.")
                .replace("%1", earliest.isoformat()).replace("%2", (earliest - dt.timedelta(days=1)).isoformat()))
            self.ok_button().setEnabled(False)
            return
        self.ok_button().setEnabled(True)
        edit.setMinimumDate(QDate(earliest.year, earliest.month, earliest.day))
        if hand:
            text = self.tr("Earliest day: %1, the first lawful day of this decision (R5). A decision made on paper "
                           "before today carries the hand-issued number typed below, and its credit repair notice "
                           "its own.")
        elif earliest == today and lawful is not None and lawful < today:
            text = self.tr("The document register numbers the decision today, so it is dated today (%1). A decision "
                           "made earlier on paper is recorded with its hand-issued number (below); then the day can "
                           "go back to %2, the first lawful day.").replace("%2", lawful.isoformat())
        else:
            text = self.tr("Earliest day: %1 (R5: after the objection window closed or the objection was answered, "
                           "not before the register numbers the decision).")
        self.decide_hint.setText(text.replace("%1", earliest.isoformat()))

    def _outcome_changed(self, *_a) -> None:
        listing = self.list_it.isChecked()
        self._bound_decision()
        self.fields["reason"].setEnabled(not listing)
        self.fields["reason_code"].setEnabled(not listing)
        for name in ("valid_until", "measure", "leniency_justification", "warning_letter",
                     "post_exit_watch_months"):
            if name in self.fields:
                self.fields[name].setEnabled(listing)

    def check_measure(self, code: str) -> None:
        for i in range(self.measures.count()):
            if self.measures.item(i).data(Qt.UserRole) == code:
                self.measures.item(i).setCheckState(Qt.Checked)

    def chosen_measures(self) -> tuple[str, ...]:
        return tuple(self.measures.item(i).data(Qt.UserRole) for i in range(self.measures.count())
                     if self.measures.item(i).checkState() == Qt.Checked)

    def _case_changes(self) -> dict:
        out = {}
        for name in CASE_FIELDS:
            if name in self.fields and self.fields[name].isEnabled():
                value = self.value(name) or None
                if value != getattr(self.case, name):
                    out[name] = value
        return out

    def apply(self) -> dict:
        cases.check_may_decide(self.ctx.session, self.case.id)  # four eyes first: a refusal writes no update
        changes = self._case_changes()
        if changes and self.case.state in OPEN_STATES:
            self.case = cases.update_case(self.ctx.session, self.case.id, **changes)
        listing = self.list_it.isChecked()
        months = self.value("post_exit_watch_months") if "post_exit_watch_months" in self.fields else None
        d = cases.Decision(
            decided_on=self.value("decided_on"), external_number=self.value("external_number") or None,
            repair_notice_number=(self.value("repair_notice_number") or None)
            if listing and "repair_notice_number" in self.fields else None,
            list_it=listing,
            reason=self.value("reason") or None, reason_code=None if listing else self.value("reason_code"),
            measures=self.chosen_measures() if listing else (),
            valid_until=None if self.use_records_end.isChecked() else self.value_date(),
            warning_letter=(self.value("warning_letter") or None) if "warning_letter" in self.fields else None,
            post_exit_watch_months=months or None,
            leniency_justification=self.value("leniency_justification") or None)
        return cases.decide_case(self.ctx.session, self.case.id, d)

    def value_date(self):
        from credit_desk.gui.dialogs.form_dialog import day_of
        return day_of(self.valid_until)
