"""Issue 13 (second pass) through the widgets: the exit form offers only lawful exits (R12 way 2 is a repair
decision's; way 3 is dated the day after the validity), the withdrawal's date is bounded (R5 dates)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel

from credit_desk.domain.cases import ExitWay
from credit_desk.gui.dialogs.case_dialogs import ExitDialog
from credit_desk.gui.dialogs.withdraw_dialogs import ApproveWithdrawalDialog
from credit_desk.services import cases, withdrawals
from tests.gui.seed_work import DAY, decide_on_paper, subjects_with_records, serve_on_paper

SHOTS = Path(__file__).parent / "screenshots"


def _listed(staff, valid_days: int) -> int:
    clerk, rev = staff["clerk"], staff["reviewer"]
    now = clerk.desk.today()
    sid, rid = subjects_with_records(clerk, 1)[0]
    c = cases.open_case(clerk, subject_id=sid, list_type="black", record_ids=[rid], opened_on=now - 30 * DAY,
                        department="县市场监督管理局", ground="b", standard="《中华人民共和国产品质量法》第四十九条",
                        standard_kind="law")
    serve_on_paper(clerk, c.id, now - 20 * DAY)
    decide_on_paper(rev, c.id, cases.Decision(decided_on=now - 10 * DAY, measures=("M-01",),  # R5: paper decision
                                              valid_until=now + valid_days * DAY, post_exit_watch_months=12))
    return c.id


def test_r12_exit_form_offers_no_way2_and_dates_way3_the_day_after(qtbot, staff, make_ctx):
    boss = staff["boss"]
    cid = _listed(staff, -5)  # the validity ended five days ago
    case = cases.get_case(boss, cid, "办理移出")
    dlg = ExitDialog(make_ctx(boss), case)
    qtbot.addWidget(dlg)
    way = dlg.fields["way"]
    offered = [way.itemData(i) for i in range(way.count())]
    assert ExitWay.REPAIRED.value not in offered and ExitWay.WRONGFUL.value not in offered
    way.setCurrentIndex(offered.index(ExitWay.EXPIRED.value))
    day = case.valid_until + DAY
    assert dlg.value("exit_on") == day and not dlg.fields["exit_on"].isEnabled()
    dlg.submit()
    assert dlg.result_value["state"] == "exited", dlg.form_error.text()
    assert cases.get_case(boss, cid, "核对移出").exited_on == day


def test_r5_r12_exit_form_records_a_hand_issued_warning_letter(qtbot, staff, make_ctx):
    """The watch list's warning letter served on paper on the exit day keeps its hand-issued number (R5, R11/R12):
    the form offers the field the CLI has (--warning-letter-number); left empty, the register numbers it today."""
    boss = staff["boss"]
    cid = _listed(staff, -5)
    dlg = ExitDialog(make_ctx(boss), cases.get_case(boss, cid, "办理移出"))
    qtbot.addWidget(dlg)
    assert dlg.fields["warning_letter_number"].isEnabled()  # a black listing: a watch listing follows
    dlg.fields["warning_letter_number"].setText("清市监警字〔2026〕7号")
    dlg.show()
    SHOTS.mkdir(exist_ok=True)
    dlg.grab().save(str(SHOTS / "exit_form_hand_warning_letter.png"))
    dlg.submit()
    assert dlg.result_value["state"] == "exited", dlg.form_error.text()
    watch = cases.get_case(boss, dlg.result_value["watch_case_id"], "核对警示函")
    assert watch.warning_letter == "清市监警字〔2026〕7号"


def test_r5_withdrawal_approval_date_bounded_by_the_proposal_and_today(qtbot, staff, make_ctx):
    cid = _listed(staff, 900)
    today = staff["clerk"].desk.today()
    withdrawals.propose_withdrawal(staff["reviewer"], cid, finding="依据文书文号录入错误", on=today - 3 * DAY)
    dlg = ApproveWithdrawalDialog(make_ctx(staff["boss"]), cases.get_case(staff["boss"], cid, "办理误列撤销"))
    qtbot.addWidget(dlg)
    on = dlg.fields["on"]
    # R5: the written apology, dated the withdrawal's day, is numbered by the register today — today only, unless the
    # number of an apology made on paper earlier is typed; then not before the proposal
    assert on.minimumDate().toPython() == today == on.maximumDate().toPython()
    assert "今天" in dlg.findChild(QLabel, "apologyHint").text()
    dlg.fields["apology_number"].setText("清市监澄字〔2026〕9号")
    assert on.minimumDate().toPython() == today - 3 * DAY and on.maximumDate().toPython() == today
    dlg.fields["apology_number"].clear()
    assert on.minimumDate().toPython() == today
