"""Issue 13 (third lawyer's pass) through the widgets: the reply to a party's objection is offered only to the
deciding department's own staff (R5 / 1798号 (七)(二十二)), with the reason in Chinese otherwise."""

from __future__ import annotations

from credit_desk.gui.views.case_panel import CasePanel
from credit_desk.services import accounts, auth, departments, objections
from tests.conftest import USER_PW
from tests.gui.conftest import DEMO_DEPARTMENTS
from tests.gui.seed_work import DAY, decide_on_paper
from tests.gui.test_issue13_decide_offer import _served


def _panel(qtbot, make_ctx, session, cid) -> CasePanel:
    panel = CasePanel(make_ctx(session))
    qtbot.addWidget(panel)
    panel.show_case(cid)
    return panel


def test_r5_reply_to_objection_offered_only_to_the_deciding_department(qtbot, staff, make_ctx, shot):
    """The market regulator's reviewer sees 答复异议 enabled on its case with an open objection; the tax bureau's
    head sees it disabled, the tooltip naming the department that answers."""
    admin = staff["admin"]
    accounts.add_user(admin, "boss_tax", "approver", USER_PW, "赵税务")
    departments.assign_user(admin, "boss_tax", DEMO_DEPARTMENTS[1][0])
    tax = auth.login(admin.desk, "boss_tax", USER_PW)
    cid, _ = _served(staff)
    clerk = staff["clerk"]
    objections.add_objection(clerk, target="case", target_id=cid, received_on=clerk.desk.today() - 18 * DAY,
                             grounds="情节轻微，已整改")
    panels = [_panel(qtbot, make_ctx, who, cid) for who in (staff["reviewer"], tax)]
    own, stranger = (p.reply_button for p in panels)
    assert own.isEnabled() and not own.toolTip()
    assert not stranger.isEnabled()
    assert DEMO_DEPARTMENTS[0][0] in stranger.toolTip() and "异议" in stranger.toolTip()
    shot(panels[1], "panel_reply_offered_to_deciding_department_only")


def test_r3_revocation_and_withdrawal_dates_offer_only_the_lawful_range(qtbot, staff, make_ctx):
    """R3 / R5 dates: on a listed record the revocation date can be picked only from the listing's decision to
    today (the service refuses the rest, R5_DATE_ORDER / R5_DATE_FUTURE); R12 way 1: a withdrawal is proposed
    between the listing's decision and today."""
    from credit_desk.gui.dialogs.record_fix_dialogs import RevokeRecordDialog
    from credit_desk.gui.dialogs.withdraw_dialogs import ProposeWithdrawalDialog
    from credit_desk.services import cases
    cid, _ = _served(staff)
    today = staff["clerk"].desk.today()
    decided = today - 2 * DAY
    decide_on_paper(staff["reviewer"], cid, cases.Decision(decided_on=decided, measures=("M-01",),
                                                           post_exit_watch_months=12))  # R5: the paper of 2 days ago
    case = cases.get_case(staff["reviewer"], cid, "办理误列撤销")
    revoke = RevokeRecordDialog(make_ctx(staff["boss"]), {"id": case.record_ids[0], "status": "active"})
    qtbot.addWidget(revoke)
    picker = revoke.fields["on"]
    assert (picker.minimumDate().toPython(), picker.maximumDate().toPython()) == (decided, today)
    propose = ProposeWithdrawalDialog(make_ctx(staff["reviewer"]), case)
    qtbot.addWidget(propose)
    picker = propose.fields["on"]
    assert (picker.minimumDate().toPython(), picker.maximumDate().toPython()) == (decided, today)


def test_r5_objections_area_opens_no_reply_form_for_another_department(qtbot, staff, make_ctx):
    """R5 / 1798号 (七)(二十二): in the objections area the tax bureau's head selecting an objection to the market
    regulator's case gets no reply form — the hint names the department that answers; its reviewer gets the form."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from credit_desk.gui.dialogs.objection_dialogs import ResolveObjectionDialog
    from credit_desk.gui.views.objections_view import ObjectionsView
    from tests.gui.conftest import when_modal
    from tests.gui.test_areas import settle
    admin = staff["admin"]
    accounts.add_user(admin, "boss_tax", "approver", USER_PW, "赵税务")
    departments.assign_user(admin, "boss_tax", DEMO_DEPARTMENTS[1][0])
    tax = auth.login(admin.desk, "boss_tax", USER_PW)
    cid, _ = _served(staff)
    clerk = staff["clerk"]
    oid = objections.add_objection(clerk, target="case", target_id=cid, received_on=clerk.desk.today() - 18 * DAY,
                                   grounds="情节轻微，已整改").id
    seen = {}
    for who, session in (("tax", tax), ("own", staff["reviewer"])):
        view = ObjectionsView(make_ctx(session), "异议")
        qtbot.addWidget(view)
        settle(qtbot, view)
        row = next(i for i in range(view.model.rowCount()) if view.model.row(i)["id"] == oid)
        view.table.selectRow(row)
        if who == "tax":  # a form that opens is closed (so a broken guard fails here instead of waiting in exec())
            opened = {}
            QTimer.singleShot(1500, lambda: [opened.setdefault("dlg", w) and w.reject() for w in
                                             QApplication.topLevelWidgets()
                                             if isinstance(w, ResolveObjectionDialog) and w.isVisible()])
            view.reply_selected()
            qtbot.wait(1700)
        else:
            opened = when_modal(qtbot, ResolveObjectionDialog, lambda dlg: dlg.reject())
            view.reply_selected()
        seen[who] = {**opened, "hint": view.hint.text()}
    assert "dlg" not in seen["tax"], "the tax bureau's head was given the reply form"
    assert DEMO_DEPARTMENTS[0][0] in seen["tax"]["hint"] and "异议" in seen["tax"]["hint"]
    assert "dlg" in seen["own"] and "error" not in seen["own"]  # the reviewer got the reply form
