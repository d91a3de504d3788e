"""R5 with R13 through the widgets: the repair forms offer only a lawful day for the papers they number — the
不予受理通知书 and the 信用修复决定书 are numbered by the document register the day they are recorded, so they are
dated today (the service refuses an earlier day, R5_DECIDED_BEFORE_ISSUE), unless the hand-issued number of a paper
made earlier is typed; then the day may go back to the previous step (the receipt, the acceptance)."""

from __future__ import annotations

from credit_desk.gui.dialogs.repair_dialogs import DecideRepairDialog, NotAcceptDialog
from credit_desk.services import repairs
from tests.gui.seed_work import DAY


def _applied(staff, received_on):
    row = staff["admin"].ledger.query(
        "SELECT r.id AS rid, r.subject_id AS sid FROM records r JOIN subjects s ON s.id = r.subject_id "
        "WHERE r.status = 'active' AND r.tier = 'general' AND r.decision_date < '2024-01-01' "
        "AND s.kind = 'legal_person' AND s.id > 150 ORDER BY r.id LIMIT 1")[0]
    return repairs.apply_repair(staff["clerk"], subject_id=row["sid"], applicant="法定代表人 陈明", channel="window",
                                record_ids=[row["rid"]], received_on=received_on,
                                materials=["proof", "commitment", "training", "report"])


def test_r5_r13_not_accepting_form_offers_today_only_without_a_hand_issued_number(qtbot, staff, make_ctx):
    today = staff["clerk"].desk.today()
    out = _applied(staff, today - 10 * DAY)
    dlg = NotAcceptDialog(make_ctx(staff["clerk"]), out)
    qtbot.addWidget(dlg)
    edit = dlg.fields["on"]
    assert edit.minimumDate().toPython() == today == edit.maximumDate().toPython()  # numbered today: today only
    hint = dlg.paper_hint.text()
    assert "今天" in hint and "手工" in hint, hint
    dlg.fields["external_number"].setText("清市监修不字〔2026〕9号")       # the paper, numbered by hand
    assert edit.minimumDate().toPython() == today - 10 * DAY              # back to the receipt, not before
    dlg.fields["external_number"].clear()
    assert edit.minimumDate().toPython() == today


def test_r5_r13_repair_decision_form_offers_today_only_without_a_hand_issued_number(qtbot, staff, make_ctx):
    today = staff["clerk"].desk.today()
    out = _applied(staff, today - 10 * DAY)
    row = repairs.accept_repair(staff["clerk"], out["id"], accepted_on=today - 8 * DAY,
                                external_number="清市监修受字〔2026〕9号")  # accepted on paper, recorded now
    assert row["accept_number"] == "清市监修受字〔2026〕9号"
    dlg = DecideRepairDialog(make_ctx(staff["reviewer"]), row)
    qtbot.addWidget(dlg)
    edit = dlg.fields["decided_on"]
    assert edit.minimumDate().toPython() == today == edit.maximumDate().toPython()
    dlg.fields["external_number"].setText("清市监修决字〔2026〕9号")
    assert edit.minimumDate().toPython() == today - 8 * DAY               # back to the acceptance
    assert (today - 8 * DAY).isoformat() in dlg.paper_hint.text()
