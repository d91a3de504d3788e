"""Issue 13 (item 6, found after the listing ended) through the widgets: on a black listing that has already left its
list, 记录异议 and 误列撤销 are offered (R19, R12 way 1 / 1798号 (二十三)) — the proposal to the deciding department's
own staff, the approval to a second senior person of it — and refused with the reason to anyone else; an ended red
listing offers neither (1798号 (十九)(二十三))."""

from __future__ import annotations

from credit_desk.gui.dialogs.withdraw_dialogs import ApproveWithdrawalDialog, ProposeWithdrawalDialog
from credit_desk.gui.views.case_panel import CasePanel
from credit_desk.services import case_exits, cases
from tests.gui.conftest import DEMO_DEPARTMENTS
from tests.gui.seed_work import DAY, decide_on_paper, subjects_with_records, serve_on_paper
from tests.gui.test_issue13_exit_paths import _listed

STANDARD = "认定标准已修订（县市监规〔2026〕2号）"


def _panel(qtbot, make_ctx, session, cid) -> CasePanel:
    panel = CasePanel(make_ctx(session))
    qtbot.addWidget(panel)
    panel.show_case(cid)
    return panel


def test_r12_withdrawal_of_an_ended_black_listing_offered_to_its_department_and_a_second_person(qtbot, staff,
                                                                                               make_ctx, shot):
    boss, rev, clerk = staff["boss"], staff["reviewer"], staff["clerk"]
    today = clerk.desk.today()
    cid = _listed(staff, 900)
    ended_on = today - 3 * DAY
    watch = case_exits.exit_case(boss, cid, way="4", standard_change=STANDARD, exit_on=ended_on,
                                 watch_months=12)["watch_case_id"]
    own, by_clerk = (_panel(qtbot, make_ctx, who, cid) for who in (rev, clerk))
    assert own.withdraw_button.isEnabled() and not own.withdraw_button.toolTip()
    assert own.object_button.isEnabled() and by_clerk.object_button.isEnabled()  # R19: the party may still object
    assert not by_clerk.withdraw_button.isEnabled()  # R12 way 1 / 1798号 (二十三): the deciding department's staff
    assert DEMO_DEPARTMENTS[0][0] in by_clerk.withdraw_button.toolTip()
    assert not own.approve_withdraw_button.isEnabled()  # nothing proposed yet
    shot(own, "panel_withdraw_offered_on_an_ended_listing")

    dlg = ProposeWithdrawalDialog(make_ctx(rev), cases.get_case(rev, cid, "办理误列撤销"))
    qtbot.addWidget(dlg)
    picker = dlg.fields["on"]  # R5 dates: between the exit and today
    assert (picker.minimumDate().toPython(), picker.maximumDate().toPython()) == (ended_on, today)
    dlg.fields["finding"].setPlainText("复查发现认定所依据的处罚决定系对同名另一企业作出")
    dlg.submit()
    assert dlg.result_value["status"] == "pending", dlg.form_error.text()

    proposer, second = (_panel(qtbot, make_ctx, who, cid) for who in (rev, boss))
    assert not proposer.approve_withdraw_button.isEnabled() and proposer.approve_withdraw_button.toolTip()  # four eyes
    assert second.approve_withdraw_button.isEnabled() and not second.withdraw_button.isEnabled()
    approve = ApproveWithdrawalDialog(make_ctx(boss), cases.get_case(boss, cid, "办理误列撤销"))
    qtbot.addWidget(approve)
    approve.submit()
    assert approve.result_value["state"] == "withdrawn_wrongful", approve.form_error.text()
    assert [w["case_id"] for w in approve.result_value["withdrawn_with"]] == [watch]
    done = _panel(qtbot, make_ctx, boss, cid)
    assert not done.withdraw_button.isEnabled() and not done.object_button.isEnabled()


def test_r12_an_ended_red_listing_offers_neither_objection_nor_withdrawal(qtbot, staff, make_ctx):
    boss, rev, clerk = staff["boss"], staff["reviewer"], staff["clerk"]
    now = clerk.desk.today()
    sid, _ = subjects_with_records(clerk, 1)[0]
    red = cases.open_case(clerk, subject_id=sid, list_type="red", opened_on=now - 30 * DAY,
                          department=DEMO_DEPARTMENTS[0][0], facts="质量信用A级", basis="县市监发〔2026〕3号")
    serve_on_paper(clerk, red.id, now - 20 * DAY)
    decide_on_paper(rev, red.id, cases.Decision(decided_on=now - 10 * DAY, valid_until=now + 300 * DAY))  # R5: paper
    case_exits.exit_case(boss, red.id, way="4", standard_change=STANDARD, exit_on=now - 2 * DAY)
    panel = _panel(qtbot, make_ctx, rev, red.id)
    for button in (panel.withdraw_button, panel.object_button):
        assert not button.isEnabled()
        assert "守信激励对象名单已移出" in button.toolTip() and "收回" in button.toolTip()
