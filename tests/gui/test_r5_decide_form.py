"""R5 (49号 四(八); issue 13 item 3) through the widgets: the decision form offers only a lawful day — never inside
the objection window nor before the objection's reply (the domain's own ``r5_first_decision_day``, through
``cases.step_dates``), and, since the register numbers the decision when it is recorded, today only unless the
number of a decision made earlier on paper (and of its credit repair notice) is typed."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from credit_desk.gui.dialogs.decide_dialog import DecideDialog
from credit_desk.services import cases, objections
from tests.gui.seed_work import DAY, serve_on_paper, subjects_with_records


def _served(clerk, served_on, seed: int = 0):
    sid, rid = subjects_with_records(clerk, seed + 1)[seed]
    today = clerk.desk.today()
    c = cases.open_case(clerk, subject_id=sid, list_type="black", record_ids=[rid], opened_on=today - 30 * DAY,
                        department="县市场监督管理局", department_level="county", domain="市场监管", ground="b",
                        standard="《中华人民共和国产品质量法》第四十九条", standard_kind="law")
    return serve_on_paper(clerk, c.id, served_on)


def _hints(dlg) -> str:
    return " ".join(w.text() for w in dlg.findChildren(QLabel))


def test_r5_decision_form_offers_today_only_without_a_hand_issued_number(qtbot, staff, make_ctx, shot):
    clerk, rev = staff["clerk"], staff["reviewer"]
    today = clerk.desk.today()
    case = _served(clerk, today - 20 * DAY)  # the window closed long ago
    first = cases.step_dates(rev, case)["decide_lawful_from"]
    assert first == case.window_end + DAY
    dlg = DecideDialog(make_ctx(rev), cases.get_case(rev, case.id, "作出决定"))
    qtbot.addWidget(dlg)
    edit = dlg.fields["decided_on"]
    assert edit.minimumDate().toPython() == today == edit.maximumDate().toPython()  # numbered today: today only
    hint = dlg.findChild(QLabel, "decideHint").text()
    assert "今天" in hint and "手工" in hint and first.isoformat() in hint, hint
    assert not dlg.fields["repair_notice_number"].isEnabled()
    dlg.fields["external_number"].setText("清市监决字〔2026〕7号")  # the paper decision, numbered by hand
    assert edit.minimumDate().toPython() == first                  # back to the first lawful day, not before
    assert dlg.fields["repair_notice_number"].isEnabled()          # 两书同达: its repair notice's number too
    dlg.not_list.setChecked(True)                                  # not listing: not before the last step
    assert edit.minimumDate().toPython() == case.served_on
    assert not dlg.fields["repair_notice_number"].isEnabled()
    dlg.list_it.setChecked(True)
    dlg.fields["external_number"].clear()
    assert edit.minimumDate().toPython() == today
    shot(dlg, "dialog_decide_r5_dates")


def test_r5_decision_form_offers_no_day_before_the_objection_reply(qtbot, staff, make_ctx):
    clerk, rev = staff["clerk"], staff["reviewer"]
    today = clerk.desk.today()
    case = _served(clerk, today - 20 * DAY)
    obj = objections.add_objection(clerk, target="case", target_id=case.id, received_on=today - 15 * DAY,
                                   grounds="处罚决定正在行政复议中。", evidence="复议申请书复印件")
    objections.resolve_objection(rev, obj.id, outcome="upheld", reply="经核实，原认定事实无误。",
                                 resolved_on=today - 3 * DAY)
    assert cases.step_dates(rev, case)["decide_lawful_from"] == today - 3 * DAY  # the reply, after the window
    dlg = DecideDialog(make_ctx(rev), cases.get_case(rev, case.id, "作出决定"))
    qtbot.addWidget(dlg)
    dlg.fields["external_number"].setText("清市监决字〔2026〕8号")
    assert dlg.fields["decided_on"].minimumDate().toPython() == today - 3 * DAY


def test_r5_decision_form_inside_the_objection_window_offers_no_listing(qtbot, staff, make_ctx):
    clerk, rev = staff["clerk"], staff["reviewer"]
    today = clerk.desk.today()
    case = _served(clerk, today)  # served today: the window is open
    dlg = DecideDialog(make_ctx(rev), cases.get_case(rev, case.id, "作出决定"))
    qtbot.addWidget(dlg)
    first = case.window_end + DAY
    assert not dlg.ok_button().isEnabled()
    hint = dlg.findChild(QLabel, "decideHint").text()
    assert first.isoformat() in hint and case.window_end.isoformat() in hint and "异议期" in hint, hint
    dlg.not_list.setChecked(True)  # a decision not to list needs no closed window (R5: a lawful outcome)
    assert dlg.ok_button().isEnabled()
    assert dlg.fields["decided_on"].minimumDate().toPython() == today


def test_r5_objection_reply_revoking_a_notice_offers_today_only(qtbot, staff, make_ctx):
    """An objection to a served prior notice answered "revoked" ends the case with a decision not to list that the
    register numbers today: the reply is dated today (the service refuses an earlier day, R5_DECIDED_BEFORE_ISSUE);
    upheld, it may be dated from its receipt."""
    from credit_desk.domain.objections import Outcome
    from credit_desk.gui.dialogs.objection_dialogs import ResolveObjectionDialog
    clerk, rev = staff["clerk"], staff["reviewer"]
    today = clerk.desk.today()
    case = _served(clerk, today - 20 * DAY)
    obj = objections.add_objection(clerk, target="case", target_id=case.id, received_on=today - 15 * DAY,
                                   grounds="主体错误。", evidence="营业执照复印件")
    dlg = ResolveObjectionDialog(make_ctx(rev), objections.get_objection(rev, obj.id, "答复异议"))
    qtbot.addWidget(dlg)
    edit, outcome = dlg.fields["resolved_on"], dlg.fields["outcome"]
    assert edit.minimumDate().toPython() == today - 15 * DAY        # upheld: from receipt
    outcome.setCurrentIndex(outcome.findData(Outcome.REVOKED.value))
    assert edit.minimumDate().toPython() == today == edit.maximumDate().toPython()
    assert "今天" in _hints(dlg) and "不予列入" in _hints(dlg)
    outcome.setCurrentIndex(outcome.findData(Outcome.UPHELD.value))
    assert edit.minimumDate().toPython() == today - 15 * DAY
