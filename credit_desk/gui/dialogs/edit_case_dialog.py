"""修改认定案件: edit an undecided case (R4, R7); after the prior notice was served, the notified grounds change only
with a new prior notice — new number, new objection window, the old notice superseded (R5, 49号 四(八)).

The form says so before the clerk tries, and when the service refuses a change for want of a new notice
(``R5_RENOTICE_REQUIRED``) the refusal sits under the field and the new-notice choice is brought forward; nothing
is saved until the clerk takes it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox

from credit_desk.domain.cases import STANDARD_KIND_ZH, Case, CaseState, Ground, ListType
from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.gui.dialogs.form_dialog import FormDialog, bound_dates, combo, date_edit, line, text_box
from credit_desk.gui.labels import enum_words, level_words, table_words
from credit_desk.gui.widgets.notice import ERROR_STYLE
from credit_desk.services import cases, departments

WARN_STYLE = "color: #8a5a00; font-weight: bold;"
NOTIFIED = ("department", "ground", "standard", "standard_kind", "facts", "basis")


class EditCaseDialog(FormDialog):
    """The deciding department, the R4 ground and standard (black list) and the clerk's wording of facts and
    basis; ``apply`` passes only what changed to ``cases.update_case``."""

    def __init__(self, ctx, case: Case, parent=None) -> None:
        served = case.state is CaseState.NOTICE_SERVED
        intro = self.tr("Case %1 (%2, %3). Every change is recorded in the audit log and sent to the platform.")
        if case.state is not CaseState.DRAFT:
            intro += self.tr(" The prior notice was served: changing what it told the party (department, ground, "
                             "standard, facts, basis) needs a new prior notice with a new number and a new "
                             "objection window; the old notice is then void.")
        super().__init__(ctx, self.tr("Edit the case"), intro.replace("%1", str(case.id))
                         .replace("%2", enum_words(case.list_type)).replace("%3", enum_words(case.state)),
                         parent, ok_text=self.tr("Save"))
        self.case = case
        self.setObjectName("editCaseDialog")
        self._department_field(case)
        black = case.list_type is ListType.BLACK
        self.add_field("ground", self.tr("Ground"), combo(
            "ground", [(self.tr("(choose one of the four)"), None)]
            + [(f"{g.value}. {enum_words(g)}", g.value) for g in Ground], case.ground))
        self.add_field("standard", self.tr("Standard cited"), line("standard", text=case.standard or ""))
        self.add_field("standard_kind", self.tr("Kind of standard"), combo(
            "standardKind", [(self.tr("(choose)"), None)] + [(table_words(STANDARD_KIND_ZH, k), k) for k in STANDARD_KIND_ZH],
            case.standard_kind))
        for name in ("ground", "standard", "standard_kind"):
            self.fields[name].setEnabled(black)
        red = case.list_type is ListType.RED
        self.add_field("facts", self.tr("Facts") if red else self.tr("Added wording to the facts"),
                       text_box("facts", 3))
        self.add_field("basis", self.tr("Basis") if red else self.tr("Added wording to the basis"),
                       text_box("basis", 3), "" if red else self.tr(
                           "The records' own facts and basis stay; your wording is added after them."))
        for name in ("facts", "basis"):
            self.fields[name].setPlainText(cases.clerk_wording(case, name))
        self.renotice = QCheckBox(self.tr("Serve a new prior notice with these changes"))
        self.renotice.setObjectName("renotice")
        self.add_field("renotice", self.tr("New prior notice"), self.renotice, self.tr(
            "A new number and a new objection window from the day it is served; the old notice is superseded."))
        today = ctx.session.desk.today()
        # R5: the new notice is numbered today, so it is served today (never before its number was issued)
        self.add_field("renotice_on", self.tr("Served on"),
                       bound_dates(date_edit(today, "renoticeOn"), today, today), self.tr(
                           "The new notice is numbered today, so it is served today."))
        self.renotice.toggled.connect(self.fields["renotice_on"].setEnabled)
        self.fields["renotice_on"].setEnabled(False)
        self.renotice.setEnabled(served)
        self.aliases.update({"record_ids": "facts"})
        self.resize(max(self.width(), 720), self.sizeHint().height())

    def _department_field(self, case: Case) -> None:
        """The registered departments (49号 四(八): a typed name cannot decide a case); the case's own first."""
        registered = departments.list_departments(self.ctx.session)
        items = [(self.tr("%1 (%2, %3)").replace("%1", d.name).replace("%2", level_words(d.level)).replace("%3", d.domain), d.name)
                 for d in registered]
        if case.department and case.department not in {d.name for d in registered}:
            items.insert(0, (case.department, case.department))
        self.add_field("department", self.tr("Deciding department"),
                       combo("department", items or [(self.tr("(none registered)"), None)], case.department))

    def changes(self) -> dict:
        """The fields whose value differs from the case's (only those reach the service)."""
        out = {}
        for name in NOTIFIED:
            if not self.fields[name].isEnabled():
                continue
            now = self.value(name) or None
            was = cases.clerk_wording(self.case, name) if name in ("facts", "basis") else getattr(self.case, name)
            if now != (was or None):
                out[name] = now
        return out

    def apply(self) -> Case:
        changes = self.changes()
        if not changes:
            raise ValidationError("CASE_UNCHANGED", "没有需要修改的内容。", "Nothing to change.", field="facts")
        renotice_on = self.value("renotice_on") if self.renotice.isChecked() else None
        return cases.update_case(self.ctx.session, self.case.id, renotice_on=renotice_on, **changes)

    def show_error(self, exc: DomainError) -> None:
        """R5: a refusal for want of a new notice also offers the way to give one."""
        super().show_error(exc)
        self.form_error.setStyleSheet(ERROR_STYLE)
        if exc.code == "R5_RENOTICE_REQUIRED" and self.renotice.isEnabled():
            self.form_error.setStyleSheet(WARN_STYLE)
            self.form_error.setText(self.tr(
                "To keep these changes, tick «Serve a new prior notice», give the day it is served and save "
                "again; then print the new notice (Print a notice…)."))
            self.renotice.setFocus()
            self.grow_to_fit()
