"""Dialogs of a listing case: open a draft, serve the prior notice, exit a list (R4, R5, R10, R12)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QSpinBox
from PySide6.QtCore import QDate, Qt

from credit_desk.domain.cases import (DEPT_LEVEL_ZH, DEPT_LEVELS, STANDARD_KIND_ZH, Case, ExitWay, Ground,
                                      ListType)
from credit_desk.gui.dialogs.form_dialog import FormDialog, bound_dates, combo, date_edit, day_of, line, text_box
from credit_desk.gui.i18n import spaced
from credit_desk.gui.labels import enum_words, level_words, record_words, table_words
from credit_desk.gui.widgets.notice import LEAD_SCALE, NOTE_STYLE, relative_font
from credit_desk.services import browse, case_exits, cases, departments, documents
from credit_desk.services.browse import PageSpec


def level_items(blank: str) -> list[tuple[str, str | None]]:
    return [(blank, None)] + [(table_words(DEPT_LEVEL_ZH, lv), lv) for lv in DEPT_LEVELS]


class OpenCaseDialog(FormDialog):
    """新建认定案件: list, the subject's records it rests on, the deciding department (R4 checked early)."""

    def __init__(self, ctx, subject: dict, parent=None) -> None:
        super().__init__(ctx, self.tr("New listing case"), self.tr(
            "Subject: %1 (%2). The case starts as a draft; the prior notice, the objection window and the "
            "decision follow in that order.").replace("%1", subject["name"]).replace("%2", subject["id_number"]),
            parent, ok_text=self.tr("Open the case"))
        self.subject = subject
        self.add_field("list_type", self.tr("List *"), combo("listType", [(enum_words(t), t.value) for t in ListType]))
        self.records = QListWidget()
        self.records.setObjectName("records")
        self.records.setMinimumHeight(120)
        self._load_records()
        self.add_field("record_ids", self.tr("Records it rests on *"), self.records,
                       self.tr("R1: tick at least one effective record; the facts and basis come from them."))
        self._department_field(ctx)
        self.add_field("department_level", self.tr("Department level"),
                       combo("departmentLevel", level_items(self.tr("(choose)"))),
                       self.tr("R4: every list is decided by a department at county level or above."))
        self.add_field("domain", self.tr("Domain"), line("domain", self.tr("e.g. 税务, 生态环境, 市场监管")),
                       self.tr("R11: watch lists in 3 or more domains flag the big-data alert."))
        if self.registered:  # the department's own level and field of administration are used
            self.fields["department_level"].setEnabled(False)
            self.fields["domain"].setEnabled(False)
        self.add_field("ground", self.tr("Ground (R4) *"), combo(
            "ground", [(self.tr("(choose one of the four)"), None)] + [(f"{g.value}. {enum_words(g)}", g.value) for g in Ground]),
            self.tr("Black list only: checked when the case is opened, not only at the decision."))
        self.add_field("standard", self.tr("Standard cited (R4)"), line("standard"))
        self.add_field("standard_kind", self.tr("Kind of standard"), combo(
            "standardKind", [(self.tr("(choose)"), None)] + [(table_words(STANDARD_KIND_ZH, k), k) for k in STANDARD_KIND_ZH]))
        self.add_field("facts", self.tr("Added wording to the facts"), text_box("facts", 2))
        self.add_field("basis", self.tr("Added wording to the basis"), text_box("basis", 2),
                       self.tr("Added after the records' own basis documents, never in their place (R1)."))
        today = ctx.session.desk.today()
        self.add_field("opened_on", self.tr("Opened on"), bound_dates(date_edit(today, "openedOn"), None, today))
        self.fields["list_type"].currentIndexChanged.connect(self._list_changed)
        self._list_changed()
        self.resize(self.width(), max(self.sizeHint().height(), 780))  # the record list keeps its full height

    def _list_changed(self, *_a) -> None:
        """R4 fields only for a black list; a red list rests on no dishonesty record."""
        black = self.value("list_type") == ListType.BLACK.value
        for name in ("ground", "standard", "standard_kind"):
            self.fields[name].setEnabled(black)
        self.records.setEnabled(self.value("list_type") != ListType.RED.value)

    def _department_field(self, ctx) -> None:
        """认定部门 chosen from the registered departments (the user's own first). Where none is registered yet,
        nothing can be typed in its place (49号 四(八)): the field says how to register one; a draft may still be
        opened, but no notice or decision is issued until a registered department decides it."""
        self.registered = departments.list_departments(ctx.session)
        if not self.registered:
            box = line("department")
            box.setEnabled(False)
            box.setPlaceholderText(self.tr("No deciding department registered"))
            self.add_field("department", self.tr("Deciding department *"), box, self.tr(
                "No deciding department is registered yet: an administrator registers it first (name, unified "
                "code, level, field, document-number prefix). A typed name cannot decide a case."))
            return
        own = departments.user_department(ctx.session)
        items = [(self.tr("%1 (%2, %3)").replace("%1", d.name).replace("%2", level_words(d.level)).replace("%3", d.domain), d.name)
                 for d in self.registered]
        self.add_field("department", self.tr("Deciding department *"),
                       combo("department", items, own.name if own else None),
                       self.tr("The case's documents are issued in this department's name and under its prefix."))

    def _load_records(self) -> None:
        rows = browse.records_page(self.ctx.session, self.ctx.reader, PageSpec("id", True, None, 200),
                                   subject_id=self.subject["id"])
        for r in map(record_words, rows):
            item = QListWidgetItem(spaced(r["id"], r["doc_number"], r["tier_zh"], r["status_zh"], r["decision_date"]))
            item.setData(Qt.UserRole, r["id"])
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Unchecked)
            self.records.addItem(item)

    def record_ids(self) -> list[int]:
        return [self.records.item(i).data(Qt.UserRole) for i in range(self.records.count())
                if self.records.item(i).checkState() == Qt.Checked]

    def check_record(self, record_id: int) -> None:
        for i in range(self.records.count()):
            if self.records.item(i).data(Qt.UserRole) == record_id:
                self.records.item(i).setCheckState(Qt.Checked)

    def apply(self) -> Case:
        names = ("department", "facts", "basis") if self.registered else ("facts", "basis")
        names += tuple(n for n in ("ground", "standard", "standard_kind") if self.fields[n].isEnabled())
        fields = {k: (self.value(k) or None) for k in names}
        return cases.open_case(self.ctx.session, subject_id=self.subject["id"], list_type=self.value("list_type"),
                               record_ids=self.record_ids(), opened_on=self.value("opened_on"), **fields)


class ServeNoticeDialog(FormDialog):
    """R5 预先告知 (R10: for a red list, the publication for objection): the window opens on service."""

    def __init__(self, ctx, case: Case, parent=None) -> None:
        red = case.list_type is ListType.RED
        title = self.tr("Publish for objection") if red else self.tr("Serve the prior notice")
        super().__init__(ctx, title, self.tr(
            "Case %1 (%2). Record the day the prior notice reached the party; the objection window is counted "
            "in working days from that day."
        ).replace("%1", str(case.id)).replace("%2", enum_words(case.list_type)), parent, ok_text=title)
        self.case = case
        today = ctx.session.desk.today()
        bounds = cases.step_dates(ctx.session, case)
        # R5: served on or after the day the notice was numbered (printed or reserved); one never numbered here is
        # numbered today, so only a hand-issued number (typed below) lets an earlier day of service be picked
        self.opened, self.served_from = bounds["opened_on"], bounds["served_from"]
        self.add_field("served_on", self.tr("Served on *"),
                       bound_dates(date_edit(today, "servedOn"), self.served_from, today),
                       self.tr("The real day of service (on the proof of service): not before the notice was "
                               "numbered, not after today."))
        self.deadline = QLabel("")
        self.deadline.setObjectName("printedDeadline")
        self.deadline.setWordWrap(True)
        self.deadline.setMinimumWidth(420)
        self.deadline.setStyleSheet("font-weight: bold;")
        self._show_deadline()
        self.add_field("deadline", self.tr("Deadline printed on the notice"), self.deadline)
        self.fields["served_on"].dateChanged.connect(self._show_deadline)
        self.setMinimumHeight(400)  # room for a refusal under the number field
        printed = [d["number"] for d in documents.list_documents(ctx.session, doc_type="prior_notice",
                                                                 object_id=case.id) if d["status"] == "issued"]
        self.add_note(self.tr("Number: %1").replace("%1", printed[0]) if printed else self.tr(
            "Number: the document register gives the next number of the prior-notice series when you save; "
            "print the notice afterwards under that number (Cases → Print a notice…)."))
        if bounds["notice_issued_on"] is None:
            self.add_note(self.tr(
                "This notice was never printed here: it is numbered today, so it is served today. A notice served "
                "earlier is recorded with the number of the paper actually served (numbered by hand, below)."))
        self.add_field("external_number", self.tr("Number of a hand-issued notice"),
                       line("externalNumber", self.tr("leave empty unless the paper was numbered by hand")),
                       self.tr("Only for a notice the office numbered and handed over outside this software."))
        self.fields["external_number"].textChanged.connect(self._bound_service)

    def _bound_service(self, text: str) -> None:
        """R5: a hand-issued number lets the day of service go back to the opening; without one, not before the
        register's number was issued."""
        earliest = self.opened if text.strip() and self.opened is not None else self.served_from
        if earliest is not None:
            self.fields["served_on"].setMinimumDate(QDate(earliest.year, earliest.month, earliest.day))

    def _show_deadline(self, *_a) -> None:
        """R5: the deadline the notice prints is the one the decision waits for (one computation, shown before
        serving); a year without holiday data says so (R20)."""
        p = cases.window_preview(self.ctx.session, self.case, day_of(self.fields["served_on"]))
        text = self.tr("Objections until %1; no decision before the day after.").replace("%1", p["window_end"])
        self.deadline.setText(text + "".join(f"\n⚠ {w}" for w in p["warnings"]))

    def apply(self) -> Case:
        return cases.serve_notice(self.ctx.session, self.case.id, served_on=self.value("served_on"),
                                  external_number=self.value("external_number") or None)


class ExitDialog(FormDialog):
    """R12 移出 by way 3 or 4; way 1 (误列撤销) is proposed and approved in ``withdraw_dialogs``, way 2 is the
    outcome of a credit repair decision (R13, the credit repair area)."""

    def __init__(self, ctx, case: Case, parent=None) -> None:
        super().__init__(ctx, self.tr("Exit the list"), self.tr(
            "Case %1 (%2). Every exit is announced through the original channel and stops the joint "
            "punishments. After a black list the subject goes on the watch list. A wrongful listing is "
            "withdrawn with «Withdraw as wrongful…» instead (two people); an early exit after repair comes from "
            "a credit repair decision (Credit repair)."
        ).replace("%1", str(case.id)).replace("%2", enum_words(case.list_type)), parent, ok_text=self.tr("Exit"))
        self.case = case
        ways = [(f"{w.value}. {enum_words(w)}", w.value) for w in ExitWay
                if w not in (ExitWay.BLACK_LISTED, ExitWay.WRONGFUL, ExitWay.REPAIRED)]
        self.add_field("way", self.tr("Way *"), combo("way", ways, ExitWay.EXPIRED.value))
        today = ctx.session.desk.today()
        self.add_field("exit_on", self.tr("Exit on *"), bound_dates(date_edit(today, "exitOn"), case.decided_on, today))
        self.add_field("standard_change", self.tr("Changed standard"), line("standardChange"),
                       self.tr("Way 4: the changed standard and its number."))
        months = QSpinBox()
        months.setObjectName("watchMonths")
        most = cases.watch_months_limit(ctx.session)  # R12 / 1798号 (十八): the rule set's longest period
        months.setRange(0, most)
        months.setSpecialValueText(self.tr("as decided"))
        months.setSuffix(self.tr(" months"))
        self.add_field("watch_months", self.tr("Watch-list period"), months,
                       self.tr("Black list only: how long the subject stays on the watch list afterwards, at most "
                               "%1 months (the longest publication period of the rule set in force).")
                       .replace("%1", str(most)))
        # R5 with R11/R12: the watch listing's warning letter is numbered by the register today, unless the letter
        # was served on paper on the exit day under a number issued by hand (the CLI's --warning-letter-number)
        self.add_field("warning_letter_number", self.tr("Number of a hand-issued warning letter"),
                       line("warningLetterNumber", self.tr("leave empty unless the letter was numbered by hand")),
                       self.tr("Black list only: the watch list's warning letter handed over on paper on the exit "
                               "day. Left empty, the document register numbers the letter today."))
        self.add_field("note", self.tr("Note"), line("note"))
        self.fields["way"].currentIndexChanged.connect(self._way_changed)
        self._way_changed()

    def _way_changed(self, *_a) -> None:
        """Only the inputs the chosen way uses are enabled (which way is allowed is the service's call)."""
        way = self.value("way")
        expiry = self.case.valid_until + dt.timedelta(days=1) if self.case.valid_until else None
        if way == ExitWay.EXPIRED.value and expiry is not None:  # R12 way 3: the day after the validity ended
            self.fields["exit_on"].setDate(QDate(expiry.year, expiry.month, expiry.day))
        self.fields["exit_on"].setEnabled(way != ExitWay.EXPIRED.value or expiry is None)
        for name, used in (("standard_change", way == "4"),
                           ("watch_months", self.case.list_type is ListType.BLACK),
                           ("warning_letter_number", self.case.list_type is ListType.BLACK)):
            self.fields[name].setEnabled(used)

    def apply(self) -> dict:
        return case_exits.exit_case(self.ctx.session, self.case.id, way=self.value("way"),
                                    exit_on=self.value("exit_on"),
                                    standard_change=self.value("standard_change") or None,
                                    watch_months=self.value("watch_months") or None, note=self.value("note") or None,
                                    warning_letter_number=self.value("warning_letter_number") or None)


def note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(NOTE_STYLE)
    relative_font(label, LEAD_SCALE)
    return label
