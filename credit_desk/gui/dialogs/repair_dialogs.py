"""信用修复 (R13): the application at the window, not accepting it, and the deciding department's decision."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from credit_desk.domain.disclosure import DecisionState
from credit_desk.domain.repairs import Channel, Material, RecordAction
from credit_desk.domain.rulesets import Tier
from credit_desk.gui.dialogs.form_dialog import FormDialog, bound_dates, combo, date_edit, line, text_box
from credit_desk.gui.i18n import aside, spaced
from credit_desk.gui.labels import enum_words, record_words
from credit_desk.services import browse, cases, repairs
from credit_desk.services.browse import PageSpec


def _checklist(name: str, items, minimum: int = 90) -> QListWidget:
    box = QListWidget()
    box.setObjectName(name)
    box.setMinimumHeight(minimum)
    for label, value in items:
        item = QListWidgetItem(label)
        item.setData(Qt.UserRole, value)
        item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
        item.setCheckState(Qt.Unchecked)
        box.addItem(item)
    return box


def checked(box: QListWidget) -> list:
    return [box.item(i).data(Qt.UserRole) for i in range(box.count()) if box.item(i).checkState() == Qt.Checked]


def check(box: QListWidget, value) -> None:
    for i in range(box.count()):
        if box.item(i).data(Qt.UserRole) == value:
            box.item(i).setCheckState(Qt.Checked)


def _iso(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


class _DatedPaper(FormDialog):
    """R5 (the rule of ``domain.procedure.check_r5_decided_after_issue``): a repair paper's date field that offers
    today only — the document register numbers the paper the day it is recorded — unless the hand-issued number of
    a paper made earlier is typed; then the day may go back to the previous step's (``earliest``)."""

    def dated_paper(self, field: str, label: str, name: str, earliest: dt.date | None, paper: str) -> None:
        today = self.ctx.session.desk.today()
        self._paper = (field, earliest, today)
        self.add_field(field, label, bound_dates(date_edit(today, name), today, today))
        self.paper_hint = self.add_note("")
        self.paper_hint.setObjectName("paperHint")
        self.add_field("external_number", self.tr("Number of a hand-issued paper"),
                       line("externalNumber", self.tr("leave empty: the document register numbers it today")),
                       paper)
        self.fields["external_number"].textChanged.connect(self._bound_paper)
        self._bound_paper()

    def _bound_paper(self, *_a) -> None:
        field, earliest, today = self._paper
        hand = bool(self.value("external_number"))
        first = (earliest or today) if hand else today
        self.fields[field].setMinimumDate(QDate(first.year, first.month, first.day))
        if hand:
            text = self.tr("A paper made before today carries its hand-issued number: the day can go back "
                           "to %1, the previous step (R5).").replace("%1", first.isoformat())
        else:
            text = self.tr("The document register numbers this paper today, so it is dated today (%1). A paper made "
                           "earlier is recorded with its hand-issued number (below).").replace("%1", today.isoformat())
        self.paper_hint.setText(text)


class ApplyRepairDialog(FormDialog):
    """收到申请: what is to be repaired, the materials handed in; eligibility is judged by the rule set (R20)."""

    def __init__(self, ctx, subject: dict, parent=None) -> None:
        super().__init__(ctx, self.tr("Credit repair application"), self.tr(
            "Subject: %1 (%2). Repair costs the applicant nothing. Whether the application can be accepted (the "
            "shortest publication period passed, the materials complete) is judged by the rule set in force on "
            "the day it was received.").replace("%1", subject["name"]).replace("%2", subject["id_number"]),
            parent, ok_text=self.tr("Register the application"))
        self.subject = subject
        self.add_field("applicant", self.tr("Applicant (and agent) *"), line("applicant"))
        self.add_field("channel", self.tr("Received by *"), combo("channel", [(enum_words(c), c.value) for c in Channel]))
        self.add_field("received_on", self.tr("Received on *"), date_edit(ctx.session.desk.today(), "receivedOn"))
        recs = browse.records_page(ctx.session, ctx.reader, PageSpec("id", True, None, 200), subject_id=subject["id"])
        listed = [c for c in cases.list_cases(ctx.session, subject_id=subject["id"]) if c.state.value == "listed"]
        targets = [(spaced(self.tr("Record %1").replace("%1", str(r["id"])), r["doc_number"], r["tier_zh"], r["status_zh"]),
                    ("record", r["id"])) for r in map(record_words, recs)] + [
            (aside(enum_words(c.list_type), self.tr("case %1").replace("%1", str(c.id))), ("case", c.id)) for c in listed]
        targets += [(self._decision_label(x), ("decision", x["id"]))
                    for x in repairs.repair_decisions(ctx.session, subject["id"])]  # R13/R21: 双公示 penalties
        self.targets = _checklist("targets", targets, 110)
        self.add_field("targets", self.tr("To repair *"), self.targets,
                       self.tr("The records to stop publishing, the listings to leave early, or the published "
                               "administrative penalty decisions to stop publishing."))
        self.materials = _checklist("materials", [(enum_words(m), m.value) for m in Material])
        self.add_field("materials", self.tr("Materials handed in"), self.materials)
        self.add_field("commitment_id", self.tr("Repair commitment (number)"), line("commitmentId"),
                       self.tr("A repair-type commitment this subject signed (commitment letter), if recorded already."))

    def _decision_label(self, x: dict) -> str:
        """A 双公示 penalty of the subject: its number, tier and state, and the first day repair may be asked (R13)."""
        head = self.tr("Penalty decision %1").replace("%1", str(x["id"]))
        since = self.tr("repair from %1").replace("%1", x["earliest_repair"] or "—")
        return spaced(head, x["doc_number"], enum_words(Tier(x["tier"])), enum_words(DecisionState(x["state"])),
                      since)

    def apply(self) -> dict:
        chosen = checked(self.targets)
        cid = self.value("commitment_id")
        return repairs.apply_repair(
            self.ctx.session, subject_id=self.subject["id"], applicant=self.value("applicant"),
            channel=self.value("channel"), received_on=self.value("received_on"),
            record_ids=[i for k, i in chosen if k == "record"], case_ids=[i for k, i in chosen if k == "case"],
            decision_ids=[i for k, i in chosen if k == "decision"],
            materials=checked(self.materials), commitment_id=int(cid) if cid.isdigit() else None)


class NotAcceptDialog(_DatedPaper):
    def __init__(self, ctx, row: dict, parent=None) -> None:
        super().__init__(ctx, self.tr("Do not accept"), self.tr(
            "Application %1. Leave the reason empty to use every problem the eligibility check found.")
            .replace("%1", str(row["id"])), parent, ok_text=self.tr("Do not accept"))
        self.row = row
        # R5: numbered today by the register, so dated today — or the hand-issued paper's day, from the receipt
        self.dated_paper("on", self.tr("Dated *"), "on", _iso(row.get("received_on")), self.tr(
            "Only for a notice of non-acceptance made earlier on paper, numbered by hand."))
        self.add_field("reason", self.tr("Reason"), text_box("reason", 3))

    def apply(self) -> dict:
        return repairs.refuse_acceptance(self.ctx.session, self.row["id"], reason=self.value("reason") or None,
                                         on=self.value("on"),
                                         external_number=self.value("external_number") or None)


class DecideRepairDialog(_DatedPaper):
    """谁认定、谁修复: the department that decided the listing decides its repair; never the acceptor (four eyes)."""

    def __init__(self, ctx, row: dict, parent=None) -> None:
        super().__init__(ctx, self.tr("Repair decision"), self.tr(
            "Application %1, accepted %2, decision due %3. Deciding department: %4.")
            .replace("%1", str(row["id"])).replace("%2", row["accepted_on"] or "—")
            .replace("%3", row["decide_due"] or "—").replace("%4", row["department"] or "—"),
            parent, ok_text=self.tr("Decide"))
        self.row = row
        self.add_field("outcome", self.tr("Outcome *"), combo("outcome", [
            (self.tr("Repaired"), "repaired"), (self.tr("Refused"), "refused")]))
        self.add_field("for_department", self.tr("Deciding department *"),
                       line("forDepartment", text=row["department"] or ""))
        # R5: numbered today by the register, so decided today — or the hand-issued paper's day, from the acceptance
        self.dated_paper("decided_on", self.tr("Decided on *"), "decidedOn", _iso(row.get("accepted_on")), self.tr(
            "Only for a repair decision the department made earlier on paper, numbered by hand."))
        # R13/R21: a 双公示 penalty decision granted repair stops being published — the one lawful choice offered
        penalty = any(t.get("type") == "decision" for t in row.get("targets") or ())
        actions = [RecordAction.STOP] if penalty else list(RecordAction)
        self.add_field("record_action", self.tr("What happens to the information"),
                       combo("recordAction", [(enum_words(a), a.value) for a in actions]),
                       self.tr("A published administrative penalty decision stops being published (R13).")
                       if penalty else "")
        self.add_field("findings", self.tr("Findings"), text_box("findings", 2))
        self.add_field("reason", self.tr("Reason for refusing"), text_box("reason", 2))
        self.fields["outcome"].currentIndexChanged.connect(self._outcome_changed)
        self._outcome_changed()

    def _outcome_changed(self, *_a) -> None:
        repaired = self.value("outcome") == "repaired"
        self.fields["record_action"].setEnabled(repaired)
        self.fields["reason"].setEnabled(not repaired)

    def apply(self) -> dict:
        return repairs.decide_repair(self.ctx.session, self.row["id"], outcome=self.value("outcome"),
                                     for_department=self.value("for_department") or None,
                                     decided_on=self.value("decided_on"), findings=self.value("findings") or None,
                                     reason=self.value("reason") or None, record_action=self.value("record_action"),
                                     external_number=self.value("external_number") or None)


class SupplementDialog(FormDialog):
    """R13 一次性告知: the materials handed in after the one-time notice; the request is judged again."""

    def __init__(self, ctx, row: dict, parent=None) -> None:
        from credit_desk.gui.dialogs.form_dialog import bound_dates
        import datetime as dt
        super().__init__(ctx, self.tr("Materials handed in"), self.tr(
            "Application %1, received %2. Tick what the applicant handed in after the one-time notice.")
            .replace("%1", str(row["id"])).replace("%2", row["received_on"]), parent,
            ok_text=self.tr("Record the materials"))
        self.row = row
        given = set(row.get("materials") or ())
        self.materials = _checklist("materials", [(enum_words(m), m.value) for m in Material if m.value not in given])
        self.add_field("materials", self.tr("Materials *"), self.materials)
        today = ctx.session.desk.today()
        self.add_field("on", self.tr("Handed in on *"), bound_dates(
            date_edit(today, "suppliedOn"), dt.date.fromisoformat(row["received_on"]), today))

    def apply(self) -> dict:
        return repairs.supplement_materials(self.ctx.session, self.row["id"], materials=checked(self.materials),
                                            on=self.value("on"))
