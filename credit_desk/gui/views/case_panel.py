"""The chosen case: its steps as a bar, the dates and numbers that matter, and the possible next steps."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QFrame, QGridLayout, QLabel, QPushButton,
                               QTextBrowser, QVBoxLayout, QWidget)

from credit_desk.domain.cases import (DEPT_LEVEL_ZH, OPEN_STATES, TRANSITIONS, Case, CaseState, Event, ExitWay, Ground,
                                      ListType, phase)
from credit_desk.domain.ids import IdType
from credit_desk.domain.errors import DomainError
from credit_desk.domain.list_rules import check_r12_wrongful_reachable, stage_documents, wrongful_reachable
from credit_desk.gui import rulehints
from credit_desk.gui.dialogs.purpose_dialog import PurposeDialog
from credit_desk.gui.i18n import QT_TRANSLATE_NOOP, aside, clauses, labelled, spaced, words
from credit_desk.gui.labels import enum_words, table_words
from credit_desk.gui.widgets.notice import HEADING_SCALE, LEAD_SCALE, relative_font
from credit_desk.gui.widgets.steps import StepBar
from credit_desk.services import browse, cases, objections, withdrawals

EVENTS = {"open": QT_TRANSLATE_NOOP("CasePanel", "Case opened"),
          "serve_notice": QT_TRANSLATE_NOOP("CasePanel", "Prior notice served"),
          "object": QT_TRANSLATE_NOOP("CasePanel", "Objection received"),
          "answer": QT_TRANSLATE_NOOP("CasePanel", "Objection answered"),
          "decide_list": QT_TRANSLATE_NOOP("CasePanel", "Decided to list"),
          "decide_not_list": QT_TRANSLATE_NOOP("CasePanel", "Decided not to list"),
          "exit": QT_TRANSLATE_NOOP("CasePanel", "Exited the list"), "update": QT_TRANSLATE_NOOP("CasePanel", "Changed"),
          "withdraw_wrongful": QT_TRANSLATE_NOOP("CasePanel", "Withdrawn as wrongful"),
          "red_restored": QT_TRANSLATE_NOOP("CasePanel", "Back on the list (the listing that removed it was withdrawn)"),
          "post_exit_watch": QT_TRANSLATE_NOOP("CasePanel", "Put on the watch list after exit")}
MAIN_STEPS = (QT_TRANSLATE_NOOP("CasePanel", "Draft"), QT_TRANSLATE_NOOP("CasePanel", "Prior notice served"),
              QT_TRANSLATE_NOOP("CasePanel", "Objection period"), QT_TRANSLATE_NOOP("CasePanel", "Decided"),
              QT_TRANSLATE_NOOP("CasePanel", "Listed"), QT_TRANSLATE_NOOP("CasePanel", "Exited"))


def _w(text: str) -> str:
    return QCoreApplication.translate("CasePanel", text)


def step_states(case: Case, today) -> list[tuple[str, str]]:
    """The bar for a case: which steps are behind it, where it stands, and a side exit if it took one."""
    ph = phase(case, today)
    third = (QT_TRANSLATE_NOOP("CasePanel", "Objection under review")
             if case.state is CaseState.OBJECTION_UNDER_REVIEW else MAIN_STEPS[2])
    labels = list(MAIN_STEPS)
    labels[2] = third
    at = {CaseState.DRAFT: 0, CaseState.NOTICE_SERVED: 2 if ph == "objection_window" else 3,
          CaseState.OBJECTION_UNDER_REVIEW: 2, CaseState.LISTED: 4, CaseState.EXITED: 5}.get(case.state)
    if case.state is CaseState.NOT_LISTED:
        steps = [(_w(labels[i]), "done") for i in range(3)] + [(_w(QT_TRANSLATE_NOOP("CasePanel", "Not listed")), "ended")]
    elif case.state is CaseState.WITHDRAWN_WRONGFUL:
        steps = [(_w(labels[i]), "done") for i in range(5)] + [
            (_w(QT_TRANSLATE_NOOP("CasePanel", "Wrongful listing withdrawn")), "ended")]
    else:
        if case.state is CaseState.NOTICE_SERVED and ph != "objection_window":
            labels[2] = QT_TRANSLATE_NOOP("CasePanel", "Objection period over")
        steps = [(_w(label), "done" if i < at else "current" if i == at else "todo") for i, label in enumerate(labels)]
    return _without_notice(case, steps)


def _without_notice(case: Case, steps: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A case past its draft with no prior notice served (a watch listing put on by an exit, R12; a case decided
    not to list from its draft) never had the notice and objection steps: they are skipped, not done."""
    if case.served_on is not None or case.state in (CaseState.DRAFT, CaseState.NOTICE_SERVED,
                                                     CaseState.OBJECTION_UNDER_REVIEW):
        return steps
    return [(label, "skipped" if i in (1, 2) and status == "done" else status)
            for i, (label, status) in enumerate(steps)]


def _coded(enum, value) -> str:
    """An enum member's words from its code (issue 17 item 3), the code itself if the code is unknown."""
    try:
        return enum_words(enum(value)) if value else ""
    except ValueError:
        return str(value)


def _level(value) -> str:
    return table_words(DEPT_LEVEL_ZH, value) if value in DEPT_LEVEL_ZH else "—"


def _state_zh(value) -> str:
    try:
        return enum_words(CaseState(value))
    except ValueError:
        return value or ""


def _event_words(code) -> str:
    return words("CasePanel", EVENTS[code]) if code in EVENTS else str(code)


def allowed_events(case: Case) -> set[Event]:
    """The state machine's next steps from the case's state."""
    return {e for (s, e) in TRANSITIONS if s is case.state}



def case_purpose(case_id: int) -> str:
    """R14: the purpose logged when the case panel opens a case — handling that case in its procedure (the
    full file with the subject's data asks for a typed purpose: open_detail)."""
    return f"办理认定案件（案件 {case_id}）"


class CasePanel(QWidget):
    acted = Signal()

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case: Case | None = None
        self.objections: list[dict] = []
        self.heading = QLabel(self.tr("Choose a case in the list."))
        self.heading.setObjectName("caseHeading")
        relative_font(self.heading, HEADING_SCALE, bold=True)
        self.subject_line = QLabel()
        self.subject_line.setObjectName("caseSubject")
        self.subject_line.setWordWrap(True)
        relative_font(self.subject_line, LEAD_SCALE)
        self.steps = StepBar()
        self.steps.setObjectName("steps")
        self.facts = QFormLayout()
        self.facts.setLabelAlignment(Qt.AlignRight)
        self.fact_labels: dict[str, QLabel] = {}
        self.next_hint = QLabel()
        self.next_hint.setObjectName("nextHint")
        self.next_hint.setWordWrap(True)
        self.next_hint.setStyleSheet("color: #5d4a00; background: #fff8e1; padding: 6px; border-radius: 4px;")
        box = QVBoxLayout(self)
        box.addWidget(self.heading)
        box.addWidget(self.subject_line)
        box.addWidget(self.steps)
        line = QFrame()
        line.setFrameShape(QFrame.HLine)
        box.addWidget(line)
        box.addLayout(self.facts)
        box.addWidget(self.next_hint)
        box.addLayout(self._buttons())
        box.addStretch(1)
        for key, label in self._fact_rows():
            value = QLabel("—")
            value.setObjectName(f"fact_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextSelectableByMouse)
            self.fact_labels[key] = value
            self.facts.addRow(labelled(label), value)
        self._enable_all(False)

    def _fact_rows(self) -> list[tuple[str, str]]:
        return [("state", self.tr("Stage")), ("notice", self.tr("Prior notice")),
                ("window", self.tr("Objection window")), ("objections", self.tr("Objections")),
                ("decision", self.tr("Decision")), ("valid", self.tr("Validity")),
                ("share", self.tr("Sharing with the platform (R6)")), ("exit", self.tr("Exit")),
                ("drafted", self.tr("Drafted by"))]

    def _buttons(self) -> QGridLayout:
        grid = QGridLayout()
        specs = [("serve_button", "serveNotice", self.tr("Serve the prior notice…")),
                 ("object_button", "addObjection", self.tr("Record an objection…")),
                 ("reply_button", "replyObjection", self.tr("Reply to the objection…")),
                 ("decide_button", "decide", self.tr("Decide…")),
                 ("exit_button", "exitList", self.tr("Exit the list…")),
                 ("withdraw_button", "withdrawWrongful", self.tr("Withdraw as wrongful…")),
                 ("approve_withdraw_button", "approveWithdrawal", self.tr("Approve the withdrawal…")),
                 ("print_button", "printNotice", self.tr("Print a notice…")),
                 ("detail_button", "caseDetail", self.tr("Full details (with purpose)…")),
                 ("edit_button", "editCase", self.tr("Edit the case…"))]
        for i, (attr, name, text) in enumerate(specs):
            b = QPushButton(text)
            b.setObjectName(name)
            setattr(self, attr, b)
            grid.addWidget(b, i // 2, i % 2)  # two a row: the panel leaves the case list its key columns
        self.detail_button.clicked.connect(self.open_detail)
        return grid

    def _enable_all(self, on: bool) -> None:
        for b in self.action_buttons():
            b.setEnabled(on)

    def action_buttons(self) -> list[QPushButton]:
        return [self.serve_button, self.object_button, self.reply_button, self.decide_button, self.exit_button,
                self.withdraw_button, self.approve_withdraw_button, self.print_button, self.detail_button,
                self.edit_button]

    def show_case(self, case_id: int) -> None:
        """Show case ``case_id``. Each look is logged (R14), so a long background job holding the writer can
        refuse it (LEDGER_BUSY): the refusal is said in a dialog and the panel keeps what it showed."""
        try:
            # the logged looks write, and the offers below ask services who may take each step: all of it on the
            # writer with no job starting between them (issue 18)
            with self.ctx.session.ledger.holding():
                case = cases.get_case(self.ctx.session, case_id, case_purpose(case_id))
                objections_ = browse.case_objections(self.ctx.session, case.id)
                who = browse.subject_brief(self.ctx.session, case.subject_id, case_purpose(case.id))
                self.case, self.objections = case, objections_
                self._fill(who)
        except DomainError as exc:
            self.ctx.ops.show_error(exc, self)

    def reload(self) -> None:
        if self.case is not None:
            self.show_case(self.case.id)

    def _fill(self, who: dict) -> None:
        c, today = self.case, self.ctx.session.desk.today()
        self.heading.setText(self.tr("Case %1 · %2").replace("%1", str(c.id)).replace("%2", enum_words(c.list_type)))
        self.subject_line.setText(self.tr("Subject: %1 (%2)").replace("%1", who["name"])
                                  .replace("%2", who["id_number"]))
        self.steps.set_steps(step_states(c, today))
        self._facts(c)
        self._actions(c)

    def _facts(self, c: Case) -> None:
        d = lambda v: v.isoformat() if v else "—"  # noqa: E731
        open_n = sum(1 for o in self.objections if o["outcome"] is None)
        exit_text = "—"
        if c.exit_way:
            try:
                exit_text = aside(enum_words(ExitWay(c.exit_way)), d(c.exited_on))
            except ValueError:
                exit_text = c.exit_way
        notice = self.tr("%1, served %2").replace("%1", c.notice_number or "—").replace("%2", d(c.served_on))
        values = {"state": enum_words(c.state), "notice": notice if c.served_on else "—",
                  "window": self.tr("until %1").replace("%1", d(c.window_end)) if c.window_end else "—",
                  "objections": self.tr("%1 in all, %2 open").replace("%1", str(len(self.objections)))
                  .replace("%2", str(open_n)),
                  "decision": spaced(c.decision_number, d(c.decided_on)) if c.decision_number else "—",
                  "valid": f"{d(c.valid_from)} — {d(c.valid_until)}" if c.valid_until else "—",
                  "share": (self.tr("acknowledged %1").replace("%1", c.shared_at[:10]) if c.shared_at else
                            self.tr("due %1").replace("%1", d(c.share_due)) if c.share_due else "—"),
                  "exit": exit_text, "drafted": browse.staff_name(self.ctx.session, c.created_by)}
        # R20: a date counted on weekends only (a year without holiday data) says so beside it, never silently
        from credit_desk.services import deadline_calendar
        warned = deadline_calendar.deadline_warnings(self.ctx.session, "case", c.id,
                                                     {"window": c.window_end, "share": c.share_due})
        for key, text in values.items():
            self.fact_labels[key].setText(text)
            self.fact_labels[key].setToolTip("")
        for key, (zh, en) in warned.items():
            if key != "share" or not c.shared_at:
                label = self.fact_labels[key]
                label.setText(label.text() + " " + self.tr("⚠ counted without the holiday schedule"))
                label.setToolTip(" ".join(en if self.ctx.lang == "en" else zh))  # the whole R20 sentence

    def _actions(self, c: Case) -> None:
        events, can = allowed_events(c), self.ctx.can
        has_open = any(o["outcome"] is None for o in self.objections)
        self.serve_button.setText(self.tr("Publish for objection…") if c.list_type is ListType.RED
                                  else self.tr("Serve the prior notice…"))
        self.serve_button.setEnabled(Event.SERVE_NOTICE in events and can("case.notice"))
        # R19: a listing may be objected to too, and so may a black or watch listing that has already ended (R12 way
        # 1, 1798号 (二十三)); that does not move the state machine. An ended red listing says why not.
        self._offer(self.object_button, Event.OBJECT in events or c.state in (CaseState.LISTED, CaseState.EXITED),
                    "objection.add", lambda: check_r12_wrongful_reachable(c) if c.state is CaseState.EXITED else None)
        # R5 / 1798号 (七)(二十二): the deciding department's own staff answer the party's objection
        self._offer(self.reply_button, has_open, "objection.resolve",
                    lambda: objections.check_may_answer(self.ctx.session, c.id))
        self._offer_decision(c, events)
        self.exit_button.setEnabled(Event.EXIT in events and can("case.exit"))
        # R12 way 1: the deciding department's staff propose, a second senior person of it (not the proposer)
        # approves; each button is offered only to who may press it, with the reason otherwise
        # (from a listing in force, or from one that has already ended: black and watch lists, R12 way 1)
        pending = withdrawals.pending_for(self.ctx.session, c.id) if wrongful_reachable(c) else None
        self._offer(self.withdraw_button, Event.WITHDRAW_WRONGFUL in events and pending is None, "case.withdraw",
                    lambda: withdrawals.check_may_propose(self.ctx.session, c.id))
        self._offer(self.approve_withdraw_button, pending is not None, "case.exit",
                    lambda: withdrawals.check_may_approve(self.ctx.session, c.id))
        # R5: only the documents the case can have at its stage (a listed red case has none of its own)
        self.print_button.setEnabled(can("document.print")
                                     and bool(stage_documents(c.list_type, c.state, bool(self.objections))))
        self.detail_button.setEnabled(can("case.view"))
        self.edit_button.setEnabled(c.state in OPEN_STATES and can("case.update"))  # R5: decided cases stay
        self.next_hint.setText(self._next_hint(c, events, has_open))

    def _offer(self, button: QPushButton, at_stage: bool, action: str, check, role_why: str = "") -> None:
        """Enable ``button`` only when the stage allows the step, the role has ``action`` and the service's own
        check (``check``, which writes nothing) passes; otherwise say why in its tooltip (Chinese first). At a
        stage that does not allow the step the hint under the facts says what comes first."""
        why = ""
        if at_stage and not self.ctx.can(action):
            why = role_why or self.tr("Your role may not take this step.")
        elif at_stage:
            try:
                check()
            except DomainError as exc:
                why = exc.message(self.ctx.lang)
        button.setEnabled(at_stage and not why)
        button.setToolTip(why)

    def _offer_decision(self, c: Case, events: set) -> None:
        """R4 谁认定、谁负责 and four eyes: 作出决定 is offered only to who may decide this case — a senior person of
        its deciding department who did not draft it; anyone else sees it disabled with the reason (the check the
        decision itself runs, asked before, so nobody meets the refusal only on submit)."""
        self._offer(self.decide_button, bool(events & {Event.DECIDE_LIST, Event.DECIDE_NOT_LIST}), "case.decide",
                    lambda: cases.check_may_decide(self.ctx.session, c.id),
                    self.tr("Only a reviewer or the head of the deciding department takes the decision; your role "
                            "may not."))

    def _next_hint(self, c: Case, events: set, has_open: bool) -> str:
        if has_open:
            return self.tr("Next: answer the open objection (the reply is due within 10 working days).")
        if Event.SERVE_NOTICE in events:
            return self.tr("Next: print the prior notice, hand it to the party, then record that it was served.")
        if c.state is CaseState.NOTICE_SERVED and phase(c, self.ctx.session.desk.today()) == "objection_window":
            return self.tr("Waiting: the objection window runs until %1; the decision can be taken after it.") \
                .replace("%1", c.window_end.isoformat())
        if Event.DECIDE_LIST in events:
            return self.tr("Next: a second person (reviewer, approver) takes the decision.")
        if c.state is CaseState.LISTED:
            return self.tr("Listed. Print the decision and the credit repair notice together (served together).")
        if wrongful_reachable(c):  # R12 way 1 / 1798号 (二十三): an ended listing found wrong is still withdrawn
            return self.tr("The listing has ended. If it is found to have been wrong (an objection, or the office's "
                           "own finding), it can still be withdrawn as wrongful.")
        return self.tr("This case is closed.")

    def open_detail(self):
        """R14: the full case (with the subject's data) only with a purpose; the look is logged."""
        if self.case is None:
            return None
        cid = self.case.id
        dlg = PurposeDialog(self.ctx, self.tr("case %1").replace("%1", str(cid)),
                            lambda p: cases.case_detail(self.ctx.session, cid, p), parent=self)
        if not dlg.exec():
            return None
        view = CaseDetailDialog(dlg.result_value, self)
        view.open()
        return view


class CaseDetailDialog(QDialog):
    """Everything R7 names and the five parts of R5, as one readable page."""

    def __init__(self, data: dict, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Case %1 — full details").replace("%1", str(data["id"])))
        self.resize(760, 640)
        text = QTextBrowser()
        text.setObjectName("detail")
        self.rule_tips: list[str] = []
        text.setHtml(self.html(data))
        text.setToolTip("\n".join(self.rule_tips))  # the rules behind the headings, not on them (issue 17 item 3)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(text, 1)
        box.addWidget(buttons)

    def _sharing(self, d: dict) -> str | None:
        """R6: acknowledged by the platform, or the day it is due to be shared by."""
        if d.get("shared_at"):
            return self.tr("Acknowledged by the platform on %1").replace("%1", d["shared_at"][:10])
        if d.get("share_due"):
            return self.tr("To be shared with the platform by %1").replace("%1", d["share_due"])
        return None

    def html(self, d: dict) -> str:
        s = d.get("subject") or {}
        # issue 17 item 3: list, stage, ID type, level, ground and sharing in the interface language, from their
        # codes (the service's *_zh words are Chinese on an English screen too)
        rows = [(self.tr("List"), _coded(ListType, d.get("list_type"))), (self.tr("Stage"), _state_zh(d.get("state"))),
                (self.tr("Subject"), s.get("name")),
                (self.tr("Code / ID number"), spaced(_coded(IdType, s.get("id_type")),
                                                     s.get("id_shown", s.get("id_number", "")))),
                (self.tr("Legal representative"), f"{s.get('legal_rep_name') or '—'} {s.get('legal_rep_id_number') or ''}"),
                (self.tr("Deciding department"), aside(d.get("department") or "—", _level(d.get("department_level")))),
                (self.tr("Facts (reasons)"), d.get("facts")), (self.tr("Basis"), d.get("basis")),
                (self.tr("Ground (R4)"), _coded(Ground, d.get("ground"))), (self.tr("Standard cited (R4)"), d.get("standard")),
                (self.tr("Measures (R8)"), clauses(m["name"] for m in d.get("measures") or [])),
                (self.tr("Validity"), f"{d.get('valid_from') or '—'} — {d.get('valid_until') or '—'}"),
                (self.tr("Removal conditions"), d.get("removal_conditions")), (self.tr("Remedies"), d.get("remedies")),
                (self.tr("Decision"), f"{d.get('decision_number') or '—'} {d.get('decided_on') or ''}"),
                (self.tr("Sharing with the platform (R6)"), self._sharing(d)),
                (self.tr("Rule set used (R20)"), d.get("rule_set_code"))]
        marked = [(rulehints.split(k), v) for k, v in rows]
        self.rule_tips = [labelled(k, rulehints.hint(rules)) for (k, rules), _v in marked if rules]
        body = "".join(f"<tr><td style='color:#555; padding-right:12px' valign='top'>{k}</td><td>{v or '—'}</td></tr>"
                       for (k, _rules), v in marked)
        events = "".join(f"<li>{e.get('on_date', '')} {_event_words(e.get('event'))} → "
                         f"{aside(_state_zh(e.get('to_state')), e.get('username', ''))}</li>" for e in d.get("events") or [])
        history = self.tr("History")
        return f"<table cellspacing='4'>{body}</table><h4>{history}</h4><ul>{events}</ul>"
