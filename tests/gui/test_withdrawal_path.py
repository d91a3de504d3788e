"""R12 way 1 through the widgets: a reviewer proposes a wrongful listing's withdrawal from the office's own
finding; the proposer cannot approve it (button off, service refuses); a second senior person approves it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from credit_desk.gui.dialogs.withdraw_dialogs import ApproveWithdrawalDialog, ProposeWithdrawalDialog
from credit_desk.gui.views.case_panel import CasePanel
from credit_desk.services import cases
from tests.gui.seed_work import DAY, subjects_with_records, serve_on_paper


def _ok(dlg) -> None:
    dlg.buttons.button(QDialogButtonBox.Ok).click()


def _listed(staff) -> int:
    clerk, rev = staff["clerk"], staff["reviewer"]
    now = clerk.desk.today()
    sid, rid = subjects_with_records(clerk, 1)[0]
    c = cases.open_case(clerk, subject_id=sid, list_type="black", record_ids=[rid], opened_on=now - 30 * DAY,
                        department="县市场监督管理局", department_level="county", domain="市场监管", ground="b",
                        standard="《中华人民共和国产品质量法》第四十九条", standard_kind="law")
    serve_on_paper(clerk, c.id, now - 20 * DAY)
    cases.decide_case(rev, c.id, cases.Decision(decided_on=now, measures=("M-01",),  # R5: numbered today
                                                valid_until=now + 900 * DAY, post_exit_watch_months=12))
    return c.id


def test_r12_way1_withdrawal_needs_a_second_person_in_the_gui(qtbot, staff, make_ctx, shot):
    cid = _listed(staff)
    rev_ctx, head_ctx = make_ctx(staff["reviewer"]), make_ctx(staff["boss"])  # the head approves
    panel = CasePanel(rev_ctx)
    qtbot.addWidget(panel)
    panel.show_case(cid)
    assert panel.withdraw_button.isEnabled() and not panel.approve_withdraw_button.isEnabled()

    propose = ProposeWithdrawalDialog(rev_ctx, cases.get_case(staff["reviewer"], cid, "办理误列撤销"))
    qtbot.addWidget(propose)
    _ok(propose)  # own finding without saying what was found: refused beside the field
    assert "发现的情况" in propose.errors["finding"].text() and propose.result_value is None
    propose.fields["finding"].setPlainText("复查发现所依据的行政处罚决定已于认定前被撤销。")
    shot(propose, "dialog_withdraw_propose")
    _ok(propose)
    assert propose.result_value["status"] == "pending", propose.form_error.text()

    panel.reload()  # the proposer may not approve; nor may it propose twice
    assert not panel.approve_withdraw_button.isEnabled() and not panel.withdraw_button.isEnabled()
    own = ApproveWithdrawalDialog(rev_ctx, cases.get_case(staff["reviewer"], cid, "办理误列撤销"))
    qtbot.addWidget(own)
    _ok(own)
    assert "另一位负责人" in own.form_error.text() and own.result_value is None

    head_panel = CasePanel(head_ctx)
    qtbot.addWidget(head_panel)
    head_panel.show_case(cid)
    assert head_panel.approve_withdraw_button.isEnabled()
    approve = ApproveWithdrawalDialog(head_ctx, cases.get_case(staff["boss"], cid, "办理误列撤销"))
    qtbot.addWidget(approve)
    shot(approve, "dialog_withdraw_approve")
    _ok(approve)
    assert approve.result_value["state"] == "withdrawn_wrongful", approve.form_error.text()


def test_r12_print_dialog_offers_only_the_apology_and_correction_after_withdrawal(qtbot, staff, make_ctx):
    from credit_desk.gui.dialogs.print_dialog import CasePrintDialog
    from credit_desk.services import withdrawals
    cid = _listed(staff)
    withdrawals.propose_withdrawal(staff["reviewer"], cid, finding="复查发现认定有误")
    withdrawals.approve_withdrawal(staff["boss"], cid)
    dlg = CasePrintDialog(make_ctx(staff["clerk"]), cases.get_case(staff["clerk"], cid, "办理误列撤销"))
    qtbot.addWidget(dlg)
    box = dlg.fields["doc_type"]
    assert [box.itemData(i) for i in range(box.count())] == ["apology_letter", "correction_announcement"]
