"""信用修复 (R13): applications with their deadlines (overdue in red), the steps of the chosen one, and only
the next steps the repair state machine allows; notices printed from the register with a preview."""

from __future__ import annotations


from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGridLayout, QHBoxLayout, QLabel, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from credit_desk.domain.errors import DomainError
from credit_desk.domain.repairs import TRANSITIONS, Channel, RepairEvent, RepairState
from credit_desk.domain.rulesets import Tier
from credit_desk.gui.dialogs.repair_dialogs import (ApplyRepairDialog, DecideRepairDialog, NotAcceptDialog,
                                                   SupplementDialog)
from credit_desk.gui.dialogs.subject_picker_dialog import SubjectPickerDialog
from credit_desk.gui.i18n import QT_TRANSLATE_NOOP, aside, clauses, labelled, words
from credit_desk.gui.labels import enum_words
from credit_desk.gui.printing import PreviewDialog
from credit_desk.gui.widgets.notice import ERROR_STYLE, HEADING_SCALE, hint_label, relative_font, title_label
from credit_desk.gui.widgets.split import ListPanelSplitter, side_scroll
from credit_desk.gui.widgets.steps import StepBar
from credit_desk.gui.widgets.tables import set_widths
from credit_desk.services import browse, documents, repair_documents, repairs

OK_STYLE = "color: #1b7f3b;"
LATE = QColor("#b00020")
COLUMNS = ("id", "subject", "state_words", "received_on", "tier_words", "department", "decide_due", "finish_due")
KEY_COLUMNS = (0, 2, 3, 6, 7)  # number, state, received, decide by, finish by: never cut to 「…」 (issue 17 item 1)
# R13: a received request prints its 一次性告知书 (only when materials are missing; the service says so otherwise)
DOC_OF = {RepairState.RECEIVED: "repair_supplement", RepairState.ACCEPTED: "repair_accepted", RepairState.NOT_ACCEPTED: "repair_rejected",
          RepairState.REPAIRED: "repair_decision", RepairState.REFUSED: "repair_decision"}


def repair_steps(state: RepairState) -> list[tuple[str, str]]:
    """收到申请 → 受理 → 修复决定 → 报送平台, with 不予受理 / 不予修复 as side endings."""
    labels = [words("RepairView", w) for w in (
        QT_TRANSLATE_NOOP("RepairView", "Received"), QT_TRANSLATE_NOOP("RepairView", "Accepted"),
        QT_TRANSLATE_NOOP("RepairView", "Repair granted"), QT_TRANSLATE_NOOP("RepairView", "Shared with the platform"))]
    if state is RepairState.NOT_ACCEPTED:
        return [(labels[0], "done"), (words("RepairView", QT_TRANSLATE_NOOP("RepairView", "Not accepted")), "ended")]
    if state is RepairState.REFUSED:
        return [(labels[0], "done"), (labels[1], "done"),
                (words("RepairView", QT_TRANSLATE_NOOP("RepairView", "Repair refused")), "ended")]
    if state is RepairState.CLOSED:  # R12 way 1: its listing was withdrawn as wrongful
        return [(labels[0], "done"), (words("RepairView", QT_TRANSLATE_NOOP("RepairView", "Closed")), "ended")]
    at = {RepairState.RECEIVED: 0, RepairState.ACCEPTED: 1, RepairState.REPAIRED: 2, RepairState.SHARED: 3}[state]
    return [(label, "done" if i < at else "current" if i == at else "todo") for i, label in enumerate(labels)]


class RepairView(QWidget):
    WATCHES = frozenset({"repair", "case", "record", "document"})  # refreshed from gui/events.py after these change

    def __init__(self, ctx, title: str, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[dict] = []
        self.current: dict | None = None
        self.preview = None
        self.state_filter = QComboBox()
        self.state_filter.setObjectName("stateFilter")
        self.state_filter.addItem(self.tr("All states"), None)
        for st in RepairState:
            self.state_filter.addItem(enum_words(st), st.value)
        self.state_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.add_button = QPushButton(self.tr("New application (Ctrl+N)"))
        self.add_button.setObjectName("addRepair")
        self.add_button.setEnabled(ctx.can("repair.apply"))
        self.add_button.clicked.connect(self.new_item)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("repairsTable")
        self.table.setHorizontalHeaderLabels([self.tr("No."), self.tr("Subject"), self.tr("State"),
                                              self.tr("Received"), self.tr("Tier"), self.tr("Deciding department"),
                                              self.tr("Decide by"), self.tr("Finish by")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self._size_columns()
        self.table.itemSelectionChanged.connect(self._selected)
        self._layout(title)
        self.refresh()

    def _size_columns(self) -> None:
        """Issue 17 item 1: at 1366×768 and 1280×720 the list was squeezed beside the panel and its dates cut to
        「2026-11…」. Number, state and the three dates are as wide as their longest value (a date with 「（已逾期）」
        where it can be late); the subject takes what is left; tier and department — also in the panel — give
        way first."""
        m = self.table.fontMetrics()
        pad = 24
        day = m.horizontalAdvance("2026-12-31") + pad
        late = m.horizontalAdvance("2026-12-31" + self.tr(" (overdue)")) + pad
        widths = [m.horizontalAdvance("9999") + pad, m.horizontalAdvance(chr(0x4E2D)) * 12 + pad,
                  max(m.horizontalAdvance(enum_words(st)) for st in RepairState) + pad, day,
                  max(m.horizontalAdvance(enum_words(t)) for t in Tier) + pad, 120, late, late]
        set_widths(self.table, widths, firm=KEY_COLUMNS, optional=(4, 5))
        mins = self.table.property("minWidths")
        need = sum(w for i, w in enumerate(mins) if i not in (4, 5))
        bar = self.table.verticalScrollBar().sizeHint().width()
        self.table.setMinimumWidth(need + bar + 2 * self.table.frameWidth() + 6)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.FontChange:  # the interface font size changed (gui/comfort.py): widths again
            QTimer.singleShot(0, self._size_columns)
        super().changeEvent(event)

    def _layout(self, title: str) -> None:
        box = QVBoxLayout(self)
        box.addWidget(title_label(title))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("State")))
        row.addWidget(self.state_filter)
        row.addStretch(1)
        row.addWidget(self.add_button)
        box.addLayout(row)
        split = ListPanelSplitter("repairSplit")  # stacked when the window is too narrow for both (att39c)
        split.addWidget(self.table)
        split.addWidget(side_scroll(self._panel()))  # stacked, the panel scrolls down
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([max(640, self.table.minimumWidth()), 480])
        box.addWidget(split, 1)
        note = hint_label(self.tr("Deadlines in working days by the rule set of the application day (decide within 3 "
                              "of acceptance, finish within 10 of the application; overdue in red). Repair is free."))
        box.addWidget(note)

    def _panel(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        self.heading = QLabel(self.tr("Choose an application in the list."))
        relative_font(self.heading, HEADING_SCALE, bold=True)
        self.steps = StepBar()
        self.steps.setObjectName("steps")
        self.detail = QLabel()
        self.detail.setObjectName("detail")
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        grid = QGridLayout()
        specs = (("accept_button", "accept", self.tr("Accept"), self.accept_selected),
                 ("not_accept_button", "notAccept", self.tr("Do not accept…"), self.not_accept_selected),
                 ("decide_button", "decideRepair", self.tr("Decide…"), self.decide_selected),
                 ("print_button", "printRepair", self.tr("Print its notice…"), self.print_selected),
                 ("supplement_button", "supplement", self.tr("Materials handed in…"), self.supplement_selected))
        for i, (attr, name, text, slot) in enumerate(specs):
            b = QPushButton(text)
            b.setObjectName(name)
            b.setEnabled(False)
            b.clicked.connect(lambda _c=False, f=slot: f())
            setattr(self, attr, b)
            grid.addWidget(b, i // 2, i % 2)
        for widget in (self.heading, self.steps, self.detail):
            v.addWidget(widget)
        v.addLayout(grid)
        v.addWidget(self.message)
        v.addStretch(1)
        return w

    # --- list and panel --------------------------------------------------------------------------
    def refresh(self) -> None:
        keep = self.current["id"] if self.current else None
        self.rows = repairs.list_repairs(self.ctx.session, state=self.state_filter.currentData())
        self.table.setRowCount(len(self.rows))
        masked = browse.repair_subjects(self.ctx.session, [r["id"] for r in self.rows])  # R15 masked work list
        for i, r in enumerate(self.rows):
            who = masked.get(r["id"], {"name": "—", "id_number": "—"})
            r["subject"] = aside(who["name"], who["id_number"])
            # the interface's words, not the service's Chinese (issue 17 item 3: English mode showed 已受理, 一般)
            r["state_words"] = enum_words(RepairState(r["state"]))
            r["tier_words"] = enum_words(Tier(r["tier"]))
            for j, key in enumerate(COLUMNS):
                item = QTableWidgetItem(str(r.get(key) or "—"))
                late = (key == "decide_due" and r["decide_overdue"]) or (key == "finish_due" and r["finish_overdue"])
                if late:
                    item.setForeground(LATE)
                    item.setText(item.text() + self.tr(" (overdue)"))
                warned = (r.get("deadline_warnings") or {}).get(key)
                if warned:  # R20: counted on weekends only (a year without holiday data), said beside the date
                    item.setText(item.text() + " ⚠")
                    item.setToolTip(" ".join(warned["en" if self.ctx.lang == "en" else "zh"]))
                self.table.setItem(i, j, item)
        index = next((i for i, r in enumerate(self.rows) if r["id"] == keep), 0 if self.rows else -1)
        if index >= 0:
            self.table.selectRow(index)
        self._selected()

    def _selected(self) -> None:
        picked = self.table.selectionModel().selectedRows()
        self.current = self.rows[picked[0].row()] if picked else None
        r = self.current
        for b in (self.accept_button, self.not_accept_button, self.decide_button, self.print_button,
                  self.supplement_button):
            b.setEnabled(False)
        if r is None:
            return
        state = RepairState(r["state"])
        events = {e for (s, e) in TRANSITIONS if s is state}  # the repair state machine's next steps
        self.heading.setText(self.tr("Application %1 · %2").replace("%1", str(r["id"])).replace("%2", r["state_words"]))
        self.steps.set_steps(repair_steps(state))
        self.detail.setText(self._detail(r))
        self.accept_button.setEnabled(RepairEvent.ACCEPT in events and self.ctx.can("repair.accept"))
        self.not_accept_button.setEnabled(RepairEvent.NOT_ACCEPT in events and self.ctx.can("repair.accept"))
        self.decide_button.setEnabled(bool(events & {RepairEvent.REPAIR, RepairEvent.REFUSE})
                                      and self.ctx.can("repair.decide"))
        self.print_button.setEnabled(state in DOC_OF and self.ctx.can("document.print"))
        self.supplement_button.setEnabled(state is RepairState.RECEIVED and self.ctx.can("repair.apply"))

    def _detail(self, r: dict) -> str:
        lines = [self.tr("Subject: %1").replace("%1", r["subject"]),
                 self.tr("Received %1 (%2); tier %3; rule set %4").replace("%1", r["received_on"])
                 .replace("%2", enum_words(Channel(r["channel"]))).replace("%3", r["tier_words"]).replace("%4", r["rule_set_code"]),
                 self.tr("Can be repaired from: %1").replace("%1", r["earliest_on"] or "—"),
                 self.tr("Deciding department: %1").replace("%1", r["department"] or "—")]
        if r.get("targets"):  # what the request is about: records, listings, 双公示 penalty decisions (R13, R21)
            lines.insert(2, labelled(self.tr("To repair"), clauses(self._target_words(t) for t in r["targets"])))
        for key, label in (("accept_number", self.tr("Acceptance notice")), ("reject_number",
                           self.tr("Non-acceptance notice")), ("decision_number", self.tr("Decision"))):
            if r.get(key):
                lines.append(labelled(label, r[key]))
        if r.get("not_accepted_reason"):
            lines.append(self.tr("Not accepted because: %1").replace("%1", r["not_accepted_reason"]))
        if r.get("refusal_reason"):
            lines.append(self.tr("Refused because: %1").replace("%1", r["refusal_reason"]))
        return "\n".join(lines)

    def _target_words(self, t: dict) -> str:
        kind = {"record": self.tr("Record %1"), "case": self.tr("Listing case %1"),
                "decision": self.tr("Penalty decision %1")}.get(t["type"], "%1")
        return kind.replace("%1", str(t["id"]))

    def _say(self, text: str, ok: bool = True) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)

    # --- actions -----------------------------------------------------------------------------------
    def new_item(self):
        if not self.ctx.can("repair.apply"):
            return None
        picker = SubjectPickerDialog(self.ctx, self.tr("Who applies for credit repair?"), self)
        if not picker.exec():
            return None
        dlg = ApplyRepairDialog(self.ctx, picker.result_value, self)
        if not dlg.exec():
            return None
        out = dlg.result_value
        self.current = {"id": out["id"]}
        self.refresh()
        if out["eligible"]:
            self._say(self.tr("Application %1 registered; it can be accepted.").replace("%1", str(out["id"])))
        else:
            why = clauses(p["zh"] if self.ctx.lang != "en" else p["en"] for p in out["problems"])
            self._say(self.tr("Application %1 registered, but it cannot be accepted yet: %2")
                      .replace("%1", str(out["id"])).replace("%2", why), ok=False)
        return out

    def accept_selected(self):
        try:
            out = repairs.accept_repair(self.ctx.session, self.current["id"])
        except DomainError as exc:
            return self._say(exc.message(self.ctx.lang), ok=False)
        self.refresh()
        self._say(self.tr("Accepted; the decision is due by %1.").replace("%1", out["decide_due"]))
        return out

    def not_accept_selected(self):
        dlg = NotAcceptDialog(self.ctx, self.current, self)
        if dlg.exec():
            self.refresh()
        return dlg

    def supplement_selected(self):
        """R13 一次性告知: record what arrived after the one-time notice; say whether it can be accepted now."""
        dlg = SupplementDialog(self.ctx, self.current, self)
        if dlg.exec():
            out = dlg.result_value
            self.refresh()
            if out["eligible"]:
                self._say(self.tr("Materials recorded; the application can be accepted now."))
            else:
                why = clauses(p["zh"] if self.ctx.lang != "en" else p["en"] for p in out["problems"])
                self._say(self.tr("Materials recorded; still missing: %1").replace("%1", why), ok=False)
        return dlg

    def decide_selected(self):
        dlg = DecideRepairDialog(self.ctx, self.current, self)
        if dlg.exec():
            self.refresh()
            self._say(self.tr("Decided: %1.").replace("%1", enum_words(RepairState(dlg.result_value["state"]))))
        return dlg

    def print_selected(self):
        """The notice of the current step, numbered when the step was taken; printed here under that number."""
        r, ctx = self.current, self.ctx
        doc_type = DOC_OF[RepairState(r["state"])]
        purpose = self._print_purpose = self.tr("Print the repair notice")

        def work(_job):  # R14: the notice stays in the ledger; a PDF file only on 另存为 PDF
            issued = documents.issue(ctx.session, doc_type, [repair_documents.repair_item(ctx.session, doc_type,
                                                                                          r["id"])])
            return documents.stored_pdf(ctx.session, issued[0]["number"], purpose)
        return ctx.ops.run(work, done=self._printed, failed=lambda exc: self._say(
            exc.message(ctx.lang) if isinstance(exc, DomainError) else str(exc), ok=False),
            label=self.tr("Issuing the notice…"), parent=self, modal=True)

    def _printed(self, doc: dict) -> None:
        self._say(self.tr("Issued %1; it is kept in the ledger.").replace("%1", doc["number"]))
        self.preview = PreviewDialog(self.ctx, doc, doc["number"], self._print_purpose, self)
        self.preview.open()
