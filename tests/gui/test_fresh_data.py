"""Issue 17 item 7: what the screens show is what is saved and printed, and views refresh after every committed
change from one mechanism (gui/events.py) — not a refresh patched into one view."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialogButtonBox

from credit_desk.gui.dialogs.decide_dialog import DecideDialog
from credit_desk.gui.dialogs.print_dialog import CasePrintDialog
import re
import subprocess

from credit_desk.services import cases, document_sources, documents, objections, records
from tests.gui.seed_work import DAY, subjects_with_records, serve_on_paper
from tests.gui.test_areas import settle


def _served(staff, fresh_record: bool = False, days_ago: int = 20) -> int:
    """A black-list case served ``days_ago`` days ago (today: under the register's number, else the paper's number
    issued by hand, R5); ``fresh_record``: on a new serious record entered through the service (it has a
    publication end, R13), else on a demo record (no end known)."""
    clerk = staff["clerk"]
    now = clerk.desk.today()
    sid, rid = subjects_with_records(clerk, 1)[0]
    if fresh_record:
        issued = now - 60 * DAY
        rid = records.add_record(clerk, subject_id=sid, catalogue_code="S-03-02", tier="serious", facts="拒不履行义务",
                                 doc_type="admin_penalty", doc_number="县市监罚〔2026〕77号",
                                 doc_authority="县市场监督管理局", doc_issued=issued, doc_effective=issued,
                                 department="县市场监督管理局", act_date=issued - 20 * DAY)["record"].id
    c = cases.open_case(clerk, subject_id=sid, list_type="black", record_ids=[rid], opened_on=now - 30 * DAY,
                        department="县市场监督管理局", department_level="county", domain="市场监管", ground="b",
                        standard="《中华人民共和国产品质量法》第四十九条", standard_kind="law")
    serve_on_paper(clerk, c.id, now - days_ago * DAY)
    return c.id


def _types(dlg) -> list:
    box = dlg.fields["doc_type"]
    return [box.itemData(i) for i in range(box.count())]


def test_r5_print_dialog_offers_the_stage_documents_and_defaults_to_the_stage_one(qtbot, staff, make_ctx):
    cid = _served(staff)
    ctx = make_ctx(staff["clerk"])
    served = CasePrintDialog(ctx, cases.get_case(staff["clerk"], cid, "打印文书"))
    qtbot.addWidget(served)
    assert served.value("doc_type") == "prior_notice"
    assert "listing_decision" not in _types(served) and "exit_announcement" not in _types(served)
    today = staff["clerk"].desk.today()
    cases.decide_case(staff["reviewer"], cid, cases.Decision(decided_on=today, measures=("M-01",),  # R5: numbered today
                                                             valid_until=today + 900 * DAY,
                                                             post_exit_watch_months=12))
    decided = CasePrintDialog(ctx, cases.get_case(staff["clerk"], cid, "打印文书"))
    qtbot.addWidget(decided)
    assert decided.value("doc_type") == "listing_decision"   # not the prior notice of an earlier stage
    assert {"listing_decision", "repair_notice"} <= set(_types(decided))
    assert "prior_notice" not in _types(decided)  # R5: never first printed after the decision (law13)
    assert "exit_announcement" not in _types(decided) and "watch_warning" not in _types(decided)


def test_r5_a_served_unprinted_notice_prints_while_an_objection_is_pending(qtbot, staff, make_ctx):
    cid = _served(staff, days_ago=0)  # served today under the register's number (R5), not yet printed
    objections.add_objection(staff["clerk"], target="case", target_id=cid, grounds="当事人对认定事实有异议")
    case = cases.get_case(staff["clerk"], cid, "打印文书")
    assert case.state.value == "objection_under_review"
    dlg = CasePrintDialog(make_ctx(staff["clerk"]), case)
    qtbot.addWidget(dlg)
    assert "prior_notice" in _types(dlg)
    dlg.fields["doc_type"].setCurrentIndex(dlg.fields["doc_type"].findData("prior_notice"))
    dlg.buttons.button(QDialogButtonBox.Ok).click()
    qtbot.waitUntil(lambda: dlg.result_value is not None or bool(dlg.form_error.text()), timeout=30_000)
    assert dlg.result_value is not None, dlg.form_error.text()
    qtbot.addWidget(dlg.preview)
    assert dlg.result_value[0]["number"] == case.notice_number   # the number taken when it was served


def _printed_validity(staff, cid) -> str:
    item = document_sources.from_case(staff["clerk"], "listing_decision", cid)
    [doc] = documents.issue(staff["clerk"], "listing_decision", [item])
    pdf = documents.stored_pdf(staff["clerk"], doc["number"], "核对决定书")["pdf"]
    return re.sub(r"\s", "", subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True).stdout.decode())


def _zh(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _decide(dlg) -> None:
    dlg.check_measure(dlg.measures.item(0).data(0x0100))
    dlg.fields["post_exit_watch_months"].setValue(12)
    dlg.buttons.button(QDialogButtonBox.Ok).click()
    assert dlg.result_value and dlg.result_value["state"] == "listed", dlg.form_error.text()


def test_r7_decision_dialog_shows_the_records_validity_that_is_saved_and_printed(qtbot, staff, make_ctx, shot):
    cid = _served(staff, fresh_record=True)
    ctx = make_ctx(staff["reviewer"])
    dlg = DecideDialog(ctx, cases.get_case(staff["reviewer"], cid, "作出决定"))
    qtbot.addWidget(dlg)
    today = ctx.session.desk.today()
    assert dlg.use_records_end.isChecked() and not dlg.valid_until.isEnabled()
    shown = dlg.valid_until.date().toPython()
    assert shown == cases.decision_validity(staff["reviewer"], cid)
    assert shown != today.replace(year=today.year + 1)                   # not a made-up "one year from today"
    assert shown.isoformat() in dlg.validity_note.text()
    shot(dlg, "dialog_decide_validity")
    _decide(dlg)
    assert dlg.result_value["valid_until"] == shown.isoformat()           # saved
    assert _zh(shown) in _printed_validity(staff, cid)                    # printed


def test_r7_a_stated_validity_is_shown_saved_and_printed_when_the_records_have_no_end(qtbot, staff, make_ctx):
    cid = _served(staff)
    dlg = DecideDialog(make_ctx(staff["reviewer"]), cases.get_case(staff["reviewer"], cid, "作出决定"))
    qtbot.addWidget(dlg)
    assert not dlg.use_records_end.isEnabled() and dlg.valid_until.isEnabled()
    stated = staff["reviewer"].desk.today() + 700 * DAY
    dlg.valid_until.setDate(stated)
    assert stated.isoformat() in dlg.validity_note.text()
    _decide(dlg)
    assert dlg.result_value["valid_until"] == stated.isoformat()
    assert _zh(stated) in _printed_validity(staff, cid)


def test_objections_page_refreshes_after_an_objection_is_answered_elsewhere(qtbot, clerk_window, staff):
    cid = _served(staff)
    o = objections.add_objection(staff["clerk"], target="case", target_id=cid, grounds="当事人对认定事实有异议")
    view = clerk_window.open_area("objections")
    settle(qtbot, view)
    row = next(i for i in range(view.model.rowCount()) if view.model.row(i)["id"] == o.id)
    assert not view.model.row(row)["outcome"]
    # answered from another screen (here: the service, as the case panel's dialog calls it), no refresh asked
    objections.resolve_objection(staff["reviewer"], o.id, outcome="upheld", reply="经核实，原认定事实无误。")
    qtbot.waitUntil(lambda: any(view.model.row(i)["id"] == o.id and view.model.row(i)["outcome"]
                                for i in range(view.model.rowCount())), timeout=5000)


def test_reserved_numbers_appear_in_the_document_register(qtbot, clerk_window, staff):
    cid = _served(staff, days_ago=0)  # served today under the register's number (R5), not yet printed
    case = cases.get_case(staff["clerk"], cid, "核对")
    view = clerk_window.open_area("documents")
    settle(qtbot, view)
    rows = [view.model.row(i) for i in range(view.model.rowCount())]
    mine = [r for r in rows if r["number"] == case.notice_number]
    assert mine and mine[0]["status_zh"] == "已编号，待打印", rows[:3]
    view.table.selectRow(rows.index(mine[0]))
    assert "尚未打印" in view.preview.status.text() or "not printed" in view.preview.status.text()


def test_r2_a_decision_on_the_sample_catalogue_is_flagged_before_printing(qtbot, staff, make_ctx, shot):
    cid = _served(staff)
    cases.decide_case(staff["reviewer"], cid, cases.Decision(decided_on=staff["clerk"].desk.today(),  # R5: today
                                                             measures=("M-01",), post_exit_watch_months=12,
                                                             valid_until=staff["clerk"].desk.today() + 900 * DAY))
    dlg = CasePrintDialog(make_ctx(staff["clerk"]), cases.get_case(staff["clerk"], cid, "打印文书"))
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.value("doc_type") == "listing_decision"
    assert dlg.sample_warning.isVisible() and "示例" in dlg.sample_warning.text()
    assert "不宜" in dlg.sample_warning.text() or "not fit" in dlg.sample_warning.text()
    shot(dlg, "dialog_print_sample_warning")
    dlg.fields["doc_type"].setCurrentIndex(dlg.fields["doc_type"].findData("objection_accepted")
                                           if dlg.fields["doc_type"].findData("objection_accepted") >= 0 else 0)
