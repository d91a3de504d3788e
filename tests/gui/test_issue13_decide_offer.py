"""Issue 13 (remaining items) through the widgets: the decision form offers no validity past the records'
publication (R13 / 1798号 (十一)) and no watch period past the rule set's limit (R12 / 1798号 (十八)); 作出决定 is
offered only to who may decide the case (R4 谁认定、谁负责, four eyes), with the reason in Chinese otherwise."""

from __future__ import annotations

from PySide6.QtCore import QDate

from credit_desk.gui.dialogs.case_dialogs import ExitDialog
from credit_desk.gui.dialogs.decide_dialog import DecideDialog
from credit_desk.gui.views.case_panel import CasePanel
from credit_desk.services import accounts, auth, cases, departments, records
from tests.conftest import USER_PW
from tests.gui.conftest import DEMO_DEPARTMENTS
from tests.gui.seed_work import DAY, decide_on_paper, subjects_with_records, serve_on_paper


def _served(staff, drafter: str = "clerk") -> tuple[int, object]:
    """A black case on a fresh serious record (published 36 months from its decision, R13), served 20 days ago."""
    clerk = staff[drafter]
    now = clerk.desk.today()
    sid, _ = subjects_with_records(clerk, 1)[0]
    issued = now - 60 * DAY
    rec = records.add_record(clerk, subject_id=sid, catalogue_code="S-03-02", tier="serious", facts="拒不履行义务",
                             doc_type="admin_penalty", doc_number="县市监罚〔2026〕91号", doc_authority="县市场监督管理局",
                             doc_issued=issued, doc_effective=issued, department="县市场监督管理局",
                             act_date=issued - 20 * DAY)["record"]
    c = cases.open_case(clerk, subject_id=sid, list_type="black", record_ids=[rec.id], opened_on=now - 30 * DAY,
                        department="县市场监督管理局", department_level="county", domain="市场监管", ground="b",
                        standard="《中华人民共和国产品质量法》第四十九条", standard_kind="law")
    serve_on_paper(clerk, c.id, now - 20 * DAY)
    return c.id, rec.publication_end


def test_r13_decision_form_offers_no_validity_past_the_records_publication(qtbot, staff, make_ctx, shot):
    cid, end = _served(staff)
    dlg = DecideDialog(make_ctx(staff["reviewer"]), cases.get_case(staff["reviewer"], cid, "作出决定"))
    qtbot.addWidget(dlg)
    until = dlg.valid_until
    assert until.maximumDate().toPython() == end                     # R13: the cap is the field's limit
    dlg.use_records_end.setChecked(False)
    until.setDate(QDate(end.year + 17, end.month, 1))                # a 2046-style date typed in
    assert until.date().toPython() == end                            # the field holds it at the cap
    tip = until.toolTip()
    assert end.isoformat() in tip and "公示" in tip and "有效期" in tip  # why, in Chinese
    months = dlg.fields["post_exit_watch_months"]
    assert months.maximum() == 36 == cases.watch_months_limit(staff["reviewer"])  # R12: the rule set's, not 120
    shot(dlg, "dialog_decide_validity_cap")


def test_r12_exit_form_watch_period_has_the_rule_sets_limit(qtbot, staff, make_ctx):
    cid, _ = _served(staff)
    now = staff["clerk"].desk.today()
    cases.decide_case(staff["reviewer"], cid, cases.Decision(decided_on=now, measures=("M-01",),
                                                             post_exit_watch_months=12))  # R5: numbered today
    dlg = ExitDialog(make_ctx(staff["boss"]), cases.get_case(staff["boss"], cid, "办理移出"))
    qtbot.addWidget(dlg)
    assert dlg.fields["watch_months"].maximum() == 36 == cases.watch_months_limit(staff["boss"])


def _panel(qtbot, make_ctx, session, cid) -> CasePanel:
    panel = CasePanel(make_ctx(session))
    qtbot.addWidget(panel)
    panel.show_case(cid)
    return panel


def test_r4_decide_button_offered_only_to_who_may_decide(qtbot, staff, make_ctx, shot):
    """R4 谁认定、谁负责 / four eyes: the market regulator's reviewer may decide its case and sees 作出决定 enabled;
    the tax bureau's head, the drafter and a clerk see it disabled with the reason as a Chinese tooltip."""
    admin = staff["admin"]
    accounts.add_user(admin, "boss_tax", "approver", USER_PW, "赵税务")
    departments.assign_user(admin, "boss_tax", DEMO_DEPARTMENTS[1][0])
    tax = auth.login(admin.desk, "boss_tax", USER_PW)
    cid, _ = _served(staff)
    panels = [_panel(qtbot, make_ctx, who, c) for who, c in ((staff["reviewer"], cid), (tax, cid),
                                                             (staff["clerk"], cid))]
    assert panels[0].decide_button.isEnabled() and not panels[0].decide_button.toolTip()
    stranger = panels[1].decide_button
    assert not stranger.isEnabled() and "县市场监督管理局" in stranger.toolTip() and "谁认定、谁负责" in stranger.toolTip()
    clerk = panels[2].decide_button
    assert not clerk.isEnabled() and "审核人或认定部门负责人" in clerk.toolTip()  # the role, said in Chinese
    own, _ = _served(staff, drafter="reviewer")  # the reviewer drafted this one: four eyes
    mine = _panel(qtbot, make_ctx, staff["reviewer"], own)
    assert not mine.decide_button.isEnabled() and "起草人不能" in mine.decide_button.toolTip()
    shot(panels[1], "case_panel_decide_not_offered")


def test_r5_print_dialog_offers_the_numbered_not_listed_decision(qtbot, staff, make_ctx):
    """R5: a case ended as not listed because an objection was founded has its numbered 不予列入决定书, offered
    first by the print form (domain.list_rules.stage_documents)."""
    from credit_desk.gui.dialogs.print_dialog import CasePrintDialog
    from credit_desk.services import objections
    cid, _ = _served(staff)
    obj = objections.add_objection(staff["clerk"], target="case", target_id=cid, grounds="处罚决定已被复议撤销")
    objections.resolve_objection(staff["boss"], obj.id, outcome="revoked", reply="经核实，处罚决定已被复议机关撤销")
    case = cases.get_case(staff["clerk"], cid, "打印文书")
    assert case.state.value == "not_listed" and case.decision_number
    dlg = CasePrintDialog(make_ctx(staff["clerk"]), case)
    qtbot.addWidget(dlg)
    assert dlg.value("doc_type") == "not_listed_decision"
    assert "不予列入决定书" in dlg.fields["doc_type"].currentText()


def test_r12_withdrawal_buttons_offered_only_to_the_deciding_departments_staff(qtbot, staff, make_ctx):
    """R12 way 1 / 1798号 (二十三), R4, four eyes: 误列撤销 is proposed by the deciding department's staff (not the
    credit office's clerk, not another department's head) and approved by a second senior person of it."""
    admin = staff["admin"]
    accounts.add_user(admin, "boss_tax2", "approver", USER_PW, "钱税务")
    departments.assign_user(admin, "boss_tax2", DEMO_DEPARTMENTS[1][0])
    tax = auth.login(admin.desk, "boss_tax2", USER_PW)
    cid, _ = _served(staff)
    now = staff["clerk"].desk.today()
    decide_on_paper(staff["reviewer"], cid, cases.Decision(decided_on=now - 2 * DAY, measures=("M-01",),
                                                           post_exit_watch_months=12))  # R5: the paper of 2 days ago
    clerk, stranger, rev = (_panel(qtbot, make_ctx, s, cid) for s in (staff["clerk"], tax, staff["reviewer"]))
    for p in (clerk, stranger):
        assert not p.withdraw_button.isEnabled() and "误列撤销由认定部门核实后提出" in p.withdraw_button.toolTip()
    assert rev.withdraw_button.isEnabled() and not rev.withdraw_button.toolTip()
    from credit_desk.services import withdrawals
    withdrawals.propose_withdrawal(staff["reviewer"], cid, finding="依据文书文号录入错误", on=now - DAY)
    panels = {who: _panel(qtbot, make_ctx, s, cid) for who, s in (("rev", staff["reviewer"]), ("tax", tax),
                                                                 ("boss", staff["boss"]))}
    assert "另一位负责人" in panels["rev"].approve_withdraw_button.toolTip()           # four eyes
    assert "谁认定、谁负责" in panels["tax"].approve_withdraw_button.toolTip()         # R4
    assert not panels["rev"].approve_withdraw_button.isEnabled() and not panels["tax"].approve_withdraw_button.isEnabled()
    assert panels["boss"].approve_withdraw_button.isEnabled()
