"""A clerk's listing-case path through the widgets: open, serve, objection, reply, decide, print, preview."""

from __future__ import annotations

import datetime as dt
import subprocess

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialogButtonBox

from credit_desk.gui.dialogs.case_dialogs import OpenCaseDialog, ServeNoticeDialog
from credit_desk.gui.dialogs.decide_dialog import DecideDialog
from credit_desk.gui.dialogs.objection_dialogs import AddObjectionDialog, ResolveObjectionDialog
from credit_desk.gui.dialogs.print_dialog import CasePrintDialog
from credit_desk.gui.dialogs.subject_picker_dialog import SubjectPickerDialog
from credit_desk.gui.printing import print_pdfs
from credit_desk.services import cases, objections
from tests.gui.conftest import CLOCK, set_now, when_modal
from tests.gui.test_areas import settle


def _subject_with_record(session) -> tuple[int, int]:
    row = session.ledger.query(
        "SELECT s.id AS sid, min(r.id) AS rid FROM subjects s JOIN records r ON r.subject_id = s.id "
        "WHERE s.kind = 'legal_person' AND r.status = 'active' AND r.tier = 'serious' AND s.id <= 150 "
        "GROUP BY s.id ORDER BY s.id LIMIT 1")[0]
    return row["sid"], row["rid"]


def _ok(dlg) -> None:
    dlg.buttons.button(QDialogButtonBox.Ok).click()


def _open_black_case(qtbot, view, sid, rid, shot):
    def pick(dlg: SubjectPickerDialog):
        qtbot.waitUntil(lambda: dlg.model.rowCount() > 0, timeout=5000)
        assert dlg.select_id(sid)
        shot(dlg, "dialog_subject_picker")
        dlg.buttons.button(QDialogButtonBox.Ok).click()

    def fill(dlg: OpenCaseDialog):
        dlg.fields["list_type"].setCurrentIndex(dlg.fields["list_type"].findData("black"))
        dlg.check_record(rid)
        box = dlg.fields["department"]  # 49号 四(八): chosen from the registered departments, not typed
        box.setCurrentIndex(box.findData("县市场监督管理局"))
        _ok(dlg)  # R4 at opening: the ground is named beside its field, nothing is written
        assert "四类情形" in dlg.errors["ground"].text() and dlg.isVisible()
        dlg.fields["ground"].setCurrentIndex(dlg.fields["ground"].findData("b"))
        dlg.fields["standard"].setText("《中华人民共和国产品质量法》第四十九条")
        dlg.fields["standard_kind"].setCurrentIndex(dlg.fields["standard_kind"].findData("law"))
        assert dlg.fields["opened_on"].maximumDate().toPython() == CLOCK.date()  # R5: never after today
        shot(dlg, "dialog_open_case")
        _ok(dlg)
    when_modal(qtbot, SubjectPickerDialog, pick)
    seen = when_modal(qtbot, OpenCaseDialog, fill)
    case = view.new_item()
    assert case is not None and seen["dlg"].result_value.id == case.id
    return case


def test_clerk_opens_serves_objects_then_reviewer_answers_decides_and_clerk_prints(
        qtbot, clerk_window, staff, make_ctx, shot, tmp_path):
    view = clerk_window.open_area("cases")
    qtbot.wait(100)
    sid, rid = _subject_with_record(staff["boss"])
    case = _open_black_case(qtbot, view, sid, rid, shot)
    panel = view.panel
    qtbot.waitUntil(lambda: panel.case is not None and panel.case.id == case.id, timeout=5000)
    assert panel.steps.current() == "起草"
    assert panel.serve_button.isEnabled() and not panel.decide_button.isEnabled()  # clerk: no decide role
    assert not panel.exit_button.isEnabled()
    settle(qtbot, view)
    shot(clerk_window, "cases_draft")

    def serve(dlg: ServeNoticeDialog):
        dlg.fields["external_number"].setText("清信告〔2026〕7号")  # in the register's own series: refused
        _ok(dlg)
        assert "由系统取号" in dlg.errors["external_number"].text() and dlg.isVisible()
        dlg.fields["external_number"].clear()
        edit = dlg.fields["served_on"]
        assert edit.maximumDate().toPython() == CLOCK.date() and edit.minimumDate().toPython() == CLOCK.date()
        assert "2026-11-23" in dlg.deadline.text()  # R5: the printed deadline, shown before serving
        shot(dlg, "dialog_serve_notice")
        _ok(dlg)
    seen = when_modal(qtbot, ServeNoticeDialog, serve)
    panel.serve_button.click()
    assert "error" not in seen
    assert panel.case.state.value == "notice_served" and panel.steps.current() == "异议期"
    assert panel.case.notice_number.startswith("清信告〔2026〕")  # numbered by the register
    assert not panel.serve_button.isEnabled()

    def object_(dlg: AddObjectionDialog):
        _ok(dlg)  # empty grounds: refused beside the field
        assert "异议的事实和理由" in dlg.errors["grounds"].text() and dlg.isVisible()
        dlg.fields["grounds"].setPlainText("处罚决定已被撤销，不应列入。")
        edit = dlg.fields["received_on"]  # R5 dates: between the service and today
        assert edit.minimumDate().toPython() == CLOCK.date() == edit.maximumDate().toPython()
        shot(dlg, "dialog_objection")
        _ok(dlg)
    when_modal(qtbot, AddObjectionDialog, object_)
    panel.object_button.click()
    assert panel.case.state.value == "objection_under_review" and panel.steps.current() == "异议复核"
    assert not panel.reply_button.isEnabled()  # replying needs a senior role
    settle(qtbot, view)
    shot(clerk_window, "cases_objection")

    rev_ctx = make_ctx(staff["reviewer"])
    oid = panel.objections[0]["id"]
    reply = ResolveObjectionDialog(rev_ctx, objections.get_objection(staff["reviewer"], oid, "答复异议"))
    qtbot.addWidget(reply)
    reply.fields["reply"].setPlainText("经核实，处罚决定仍然有效，异议不成立。")
    shot(reply, "dialog_reply")
    _ok(reply)
    assert reply.result_value["outcome"] == "upheld"

    set_now(dt.datetime(2026, 12, 10, 9, 0))  # after the objection window
    decide = DecideDialog(rev_ctx, cases.get_case(staff["reviewer"], case.id, "作出认定决定"))
    qtbot.addWidget(decide)
    # R5: the notified ground, standard, facts and basis are shown, not edited, after service
    assert not decide.fields["ground"].isEnabled() and decide.value("ground") == "b"
    assert not decide.fields["basis"].isEnabled()
    assert decide.fields["decided_on"].maximumDate().toPython() == dt.date(2026, 12, 10)
    decide.use_records_end.setChecked(False)
    decide.valid_until.setDate(dt.date(2029, 12, 10))
    decide.fields["post_exit_watch_months"].setValue(12)
    _ok(decide)  # R8: a black listing states its measures
    assert "惩戒措施" in (decide.errors["measure"].text() + decide.form_error.text())
    decide.check_measure(decide.measures.item(0).data(0x0100))
    shot(decide, "dialog_decide")
    _ok(decide)
    assert decide.result_value["state"] == "listed", decide.form_error.text()

    panel.reload()
    assert panel.steps.current() == "已列入" and panel.exit_button.isEnabled() is False  # clerk may not exit
    view.refresh()
    settle(qtbot, view)
    shot(clerk_window, "cases_listed")
    set_now(CLOCK.replace(month=12, day=11))

    def issue(dlg: CasePrintDialog):
        dlg.fields["doc_type"].setCurrentIndex(dlg.fields["doc_type"].findData("listing_decision"))
        shot(dlg, "dialog_print_notice")
        _ok(dlg)
    seen = when_modal(qtbot, CasePrintDialog, issue)
    panel.print_button.click()
    qtbot.waitUntil(lambda: seen["dlg"].result_value is not None, timeout=20_000)
    preview = seen["dlg"].preview
    qtbot.addWidget(preview)
    qtbot.waitUntil(lambda: preview.ready, timeout=20_000)
    assert "页" in preview.status.text()
    shot(preview, "dialog_preview")
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    pages = print_pdfs([preview.path], printer)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert pages == len(preview.preview.images) and f"Pages:           {pages}" in info
    assert "A4" in info
    number = seen["dlg"].result_value[0]["number"]
    text = subprocess.run(["pdftotext", "-", "-"], input=preview.path, capture_output=True).stdout.decode()
    assert "决定" in text and number.split("〔")[0] in text.replace(" ", "")


def test_full_case_details_need_a_purpose_and_show_the_r7_entry_in_chinese(qtbot, work_window, work, shot):
    from credit_desk.gui.dialogs.purpose_dialog import PurposeDialog
    from credit_desk.gui.views.case_panel import CaseDetailDialog
    view = work_window.open_area("cases")
    settle(qtbot, view)
    view.panel.show_case(work["cases"]["listed"])

    def answer(dlg: PurposeDialog):
        dlg.purpose.setEditText("核对名单信息")
        dlg.buttons.button(QDialogButtonBox.Ok).click()
    when_modal(qtbot, PurposeDialog, answer)
    detail = view.panel.open_detail()
    assert isinstance(detail, CaseDetailDialog)
    qtbot.addWidget(detail)
    html = detail.findChild(__import__("PySide6.QtWidgets", fromlist=["QTextBrowser"]).QTextBrowser).toPlainText()
    assert "严重破坏市场公平竞争秩序" in html and "移出条件" in html and "决定列入" in html
    shot(detail, "dialog_case_detail")
    logged = work["staff"]["admin"].ledger.query("SELECT purpose FROM audit WHERE action = 'case.view' "
                                                 "ORDER BY id DESC LIMIT 1")
    assert logged[0]["purpose"] == "核对名单信息"
