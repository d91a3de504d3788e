"""R5 (49号 四(八); issue 13 item 3) through the widgets: the service form offers only a lawful day of service — a
notice never printed here is numbered today, so it is served today unless the clerk types the number of the paper
served by hand; a new notice after changed grounds is numbered and served today."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from credit_desk.gui.dialogs.case_dialogs import ServeNoticeDialog
from credit_desk.gui.dialogs.edit_case_dialog import EditCaseDialog
from credit_desk.services import cases
from tests.gui.seed_work import DAY, serve_on_paper, subjects_with_records


def _draft(clerk, opened):
    sid, rid = subjects_with_records(clerk, 1)[0]
    return cases.open_case(clerk, subject_id=sid, list_type="black", record_ids=[rid], opened_on=opened,
                           department="县市场监督管理局", department_level="county", domain="市场监管", ground="b",
                           standard="《中华人民共和国产品质量法》第四十九条", standard_kind="law")


def test_r5_service_form_offers_no_day_before_the_notice_was_numbered(qtbot, staff, make_ctx, shot):
    clerk = staff["clerk"]
    today = clerk.desk.today()
    case = _draft(clerk, today - 30 * DAY)
    dlg = ServeNoticeDialog(make_ctx(clerk), case)
    qtbot.addWidget(dlg)
    edit = dlg.fields["served_on"]
    assert edit.minimumDate().toPython() == today == edit.maximumDate().toPython()  # never printed: today only
    hints = " ".join(w.text() for w in dlg.findChildren(QLabel))
    assert "从未在本系统打印" in hints or "never printed" in hints, hints
    dlg.fields["external_number"].setText("清信告字（手工）〔2026〕8号")  # the paper served, numbered by hand
    assert edit.minimumDate().toPython() == today - 30 * DAY       # back to the opening
    dlg.fields["external_number"].clear()
    assert edit.minimumDate().toPython() == today
    shot(dlg, "dialog_serve_notice_r5")


def test_r5_a_new_notice_after_changed_grounds_is_served_today(qtbot, staff, make_ctx):
    clerk = staff["clerk"]
    today = clerk.desk.today()
    case = _draft(clerk, today - 30 * DAY)
    served = serve_on_paper(clerk, case.id, today - 20 * DAY)
    dlg = EditCaseDialog(make_ctx(clerk), served)
    qtbot.addWidget(dlg)
    edit = dlg.fields["renotice_on"]
    assert edit.minimumDate().toPython() == today == edit.maximumDate().toPython()
