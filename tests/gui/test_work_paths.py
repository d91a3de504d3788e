"""Clerk paths through the widgets in the other areas: a record (R9 second-user approval), objections with
overdue replies, the document register (preview, batch print, reprint), a bundle to a USB folder, the ledger
import with a bad cell, commitments (a breach flags key supervision), the joint-punishment prompts, start-up."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialogButtonBox

from credit_desk.gui.dialogs.approval_dialog import ApprovalDialog
from credit_desk.gui.dialogs.cell_errors_dialog import CellErrorsDialog
from credit_desk.gui.dialogs.commitment_dialogs import CheckDialog
from credit_desk.gui.dialogs.match_dialog import MatchPromptDialog
from credit_desk.gui.dialogs.new_record_dialog import NewRecordDialog
from credit_desk.gui.dialogs.subject_picker_dialog import SubjectPickerDialog
from tests.gui.conftest import when_modal
from tests.gui.seed_work import cleanup_file, publish_joint_list
from tests.gui.test_areas import settle

MINOR_ID = "320826201101010017"  # born 2011-01-01: a minor on the date of the act (R9)


def _printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def _fill_record(dlg: NewRecordDialog, today: dt.date) -> None:
    ui = dlg.ui
    ui.catalogue.setCurrentIndex(0)
    ui.facts.setPlainText("在校期间多次逃票乘车，经教育仍不改正")
    ui.docType.setCurrentIndex(ui.docType.findData("admin_penalty"))
    ui.docNumber.setText("清交罚〔2026〕88号")
    ui.docAuthority.setText("县交通运输局")
    for edit, d in ((ui.docIssued, today - dt.timedelta(days=20)), (ui.docEffective, today - dt.timedelta(days=5)),
                    (ui.actDate, today - dt.timedelta(days=60))):
        edit.setDate(d)
    ui.department.setText("县交通运输局")


def test_record_for_a_minor_needs_justification_and_a_second_users_approval(qtbot, clerk_window, staff, make_ctx,
                                                                            shot):
    from credit_desk.services import subjects
    minor = subjects.add_subject(staff["clerk"], kind="natural_person", name="赵小明", id_type="ric",
                                 id_number=MINOR_ID)
    view = clerk_window.open_area("records")
    settle(qtbot, view)
    assert view.add_button.isEnabled()
    today = staff["clerk"].desk.today()

    def pick(dlg: SubjectPickerDialog):
        dlg.search.purpose.setEditText("录入失信信息")
        dlg.search.edit.setText("赵小明")
        dlg.search.fire_now()
        qtbot.waitUntil(lambda: dlg.model.rowCount() == 1 and not dlg.model.loading, timeout=5000)
        assert dlg.select_id(minor.id)
        dlg.buttons.button(QDialogButtonBox.Ok).click()

    def fill(dlg: NewRecordDialog):
        _fill_record(dlg, today)
        assert "示例" in dlg.ui.catalogue.currentText()  # the sample catalogue never passes for official
        assert "未满十八周岁" in dlg.ui.leniencyBanner.text()  # the domain judged the minor from the ID
        assert "第二" in dlg.ui.leniencyBanner.text() or "second" in dlg.ui.leniencyBanner.text()
        dlg.ui.buttons.button(QDialogButtonBox.Save).click()
        assert "书面说明" in dlg.ui.justificationError.text() and dlg.isVisible()
        dlg.ui.justification.setPlainText("行为人系未成年人，已由监护人补缴票款，建议从轻；须经审核人审批。")
        shot(dlg, "dialog_new_record")
        dlg.ui.buttons.button(QDialogButtonBox.Save).click()
    when_modal(qtbot, SubjectPickerDialog, pick)
    seen = when_modal(qtbot, NewRecordDialog, fill)
    out = view.new_item()
    assert "error" not in seen and out["record"].status.value == "pending"

    own = ApprovalDialog(clerk_window.ctx)  # the clerk cannot approve (role) ...
    qtbot.addWidget(own)
    assert not own.approve_button.isEnabled()
    rev = ApprovalDialog(make_ctx(staff["reviewer"]))
    qtbot.addWidget(rev)
    row = next(i for i, r in enumerate(rev.rows) if r["id"] == out["record"].id)
    rev.table.selectRow(row)
    shot(rev, "dialog_approvals")
    rev.approve_button.click()
    assert "已生效" in rev.message.text() or "approved" in rev.message.text()
    assert staff["admin"].ledger.query("SELECT status, approved_by FROM records WHERE id = ?",
                                       (out["record"].id,))[0] == {"status": "active", "approved_by": "rev1"}


def test_objections_list_shows_overdue_replies_in_red(qtbot, work_window, shot):
    view = work_window.open_area("objections")
    settle(qtbot, view)
    rows = [view.model.row(i) for i in range(view.model.rowCount())]
    late = [i for i, r in enumerate(rows) if r["overdue"]]
    assert late, rows
    colour = view.model.data(view.model.index(late[0], 6), Qt.ForegroundRole)
    assert QColor(colour).name() == "#b00020"
    assert view.model.data(view.model.index(late[0], 7)) in ("已逾期", "OVERDUE")


def test_document_register_previews_batch_prints_and_reprints(qtbot, work_window, work, shot, tmp_path):
    view = work_window.open_area("documents")
    settle(qtbot, view)
    statuses = [view.model.row(i)["status"] for i in range(view.model.rowCount())]
    assert statuses.count("issued") == len(work["documents"]) and "reserved" in statuses  # issue 17 item 7
    view.status_filter.setCurrentIndex(view.status_filter.findData("issued"))
    settle(qtbot, view)
    assert view.model.rowCount() == len(work["documents"])
    view.table.selectRow(0)
    assert not view.preview.ready and "事由" in view.preview.status.text()  # R14: no look without a purpose
    view.purpose.setText("核对送达文书")
    view.table.selectRow(1)
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.preview.ready, timeout=20_000)
    qtbot.wait(100)  # the pages are laid out on the next event loop pass
    shot(work_window, "documents_preview")
    view.table.selectAll()
    out = tmp_path / "batch.pdf"
    job = view.print_selected(_printer(out))
    qtbot.waitUntil(lambda: job.finished, timeout=60_000)
    expected = sum(d["pages"][1] - d["pages"][0] + 1 for d in work["documents"])
    assert _pages(out) == expected
    view.table.clearSelection()  # selectRow adds to the batch while an earlier test's Ctrl is still held in Qt
    view.table.selectRow(0)
    done = view.reprint_selected("核对文书副本")
    assert done["copy_no"] == 1 and done["file"] is None  # kept in the ledger, no file (R14)
    qtbot.waitUntil(lambda: view.preview.ready, timeout=20_000)
    text = subprocess.run(["pdftotext", "-", "-"], input=view.preview.path, capture_output=True).stdout.decode()
    assert "副本" in text


def test_export_a_bundle_to_a_usb_folder_and_see_returned_changes(qtbot, work_window, work, tmp_path, shot):
    from credit_desk.services import cases
    view = work_window.open_area("sync")
    assert view.quarantine.rowCount() > 0
    assert "尚未报送" in view.quarantine.item(0, 4).text()  # the platform's own reason, in Chinese
    assert ":" in view.fp["office_sign"].text() or len(view.fp["office_sign"].text()) > 16
    cases.update_case(work["staff"]["clerk"], work["cases"]["draft"], facts="补充事实")  # a new change
    stick = tmp_path / "stick"
    stick.mkdir()
    job = view.export_to(str(stick))
    qtbot.waitUntil(lambda: job.finished, timeout=30_000)
    files = sorted(p.name for p in stick.iterdir())
    assert files and all(f.endswith(".cdb") for f in files)
    assert "已写入" in view.message.text() or "written" in view.message.text()
    shot(work_window, "sync_exported")


def test_ledger_import_with_a_bad_cell_lists_the_cell_and_changes_nothing(qtbot, work_window, tmp_path, shot):
    view = work_window.open_area("cleanup")
    before = view.table.rowCount()
    assert before == 3
    bad = cleanup_file(tmp_path / "bad.xlsx", bad_cell=True)
    job = view.import_ledger(str(bad))
    qtbot.waitUntil(lambda: job.finished, timeout=20_000)
    qtbot.waitUntil(lambda: isinstance(view.last_dialog, CellErrorsDialog), timeout=5000)
    dlg = view.last_dialog
    qtbot.addWidget(dlg)
    cells = [dlg.row_texts(i) for i in range(dlg.rows())]
    assert any(c[1] == "处置方式" and "取消" in c[2] for c in cells), cells
    assert any(c[1] == "完成时间" and "年底前" in c[2] for c in cells), cells
    shot(dlg, "dialog_import_refused")
    assert view.table.rowCount() == before
    red = [i for i in range(view.table.rowCount()) if "停止执行" in view.table.item(i, 2).text()]
    assert red


def test_breaking_a_commitment_shows_the_key_supervision_flag(qtbot, work_window, work, shot):
    view = work_window.open_area("commitments")
    settle(qtbot, view)
    rows = [view.model.row(i) for i in range(view.model.rowCount())]
    assert any(r["flagged"] and r["flag_zh"] for r in rows)
    view.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: view.interviews.rowCount() > 0, timeout=5000)
    shot(work_window, "commitments_interviews")
    view.tabs.setCurrentIndex(0)
    from credit_desk.services import commitments
    sid = rows[0]["subject_id"]
    c = commitments.record_commitment(work["staff"]["clerk"], subject_id=sid, item_code="CN-01",
                                      made_on=work["staff"]["clerk"].desk.today(), content="承诺按时报送年报。")
    view.model.reset()
    settle(qtbot, view)
    view.table.selectRow(next(i for i in range(view.model.rowCount()) if view.model.row(i)["id"] == c.id))

    def breach(dlg: CheckDialog):
        dlg.fields["fulfilment"].setCurrentIndex(dlg.fields["fulfilment"].findData("none"))
        shot(dlg, "dialog_check_fulfilment")
        dlg.buttons.button(QDialogButtonBox.Ok).click()
    when_modal(qtbot, CheckDialog, breach)
    dlg = view.check_selected()
    assert dlg.result_value["key_supervision_flag"]
    assert "重点监管" in view.message.text() or "key supervision" in view.message.text()


def test_joint_punishment_match_is_prompted_and_the_choice_recorded(qtbot, work, make_ctx, shot):
    from credit_desk.gui.dialogs.match_dialog import prompt_matches
    from credit_desk.services import matching
    staff = work["staff"]
    sid = staff["admin"].ledger.query("SELECT id FROM subjects WHERE kind = 'legal_person' ORDER BY id LIMIT 1")[0]["id"]
    publish_joint_list(staff, work["intake"], sid)
    ctx = make_ctx(staff["clerk"])

    def answer(dlg: MatchPromptDialog):
        p, apply_, skip, reason, err = dlg.rows[0]
        skip.setChecked(True)
        dlg.submit()
        assert "理由" in err.text() and dlg.isVisible()  # not applied needs a reason
        reason.setText("该主体已履行完毕，法院已解除限制。")
        shot(dlg, "dialog_joint_match")
        dlg.submit()
    seen = when_modal(qtbot, MatchPromptDialog, answer)
    prompt_matches(ctx, sid)
    assert "error" not in seen
    decision = matching.match_prompts(staff["clerk"], sid, "核对比对结论")[0]["decision"]
    assert decision["applied"] is False and "解除" in decision["reason"]


def test_start_up_runs_the_expiry_check_and_the_backup_off_the_gui_thread(qtbot, work_window, work):
    from credit_desk.services import backup
    from tests.gui.conftest import set_now
    from credit_desk.services import clock
    set_now(dt.datetime(2027, 12, 1, 9, 0))  # past the watch listing's validity, a year after the last write
    work_window.start_checks()
    qtbot.waitUntil(lambda: work_window.checks.result is not None, timeout=30_000)
    # R14/R12: a clock far ahead of the ledger moves no listing off its list (a PC set to 2029 once did)
    assert work_window.checks.result["exited"] == [] and work_window.checks.result["error"].code == "CLOCK_FAR_AHEAD"
    assert not work_window.checks.result.get("backup")  # R14: nothing is logged by a wrong clock, a backup neither
    clock.confirm_clock(work["staff"]["admin"], "年度停用后首次启用，已核对北京时间")
    job = work_window.start_checks()
    qtbot.waitUntil(lambda: work_window.checks.result is not None, timeout=30_000)
    result = work_window.checks.result
    assert job is not None and [e["case_id"] for e in result["exited"]] == [work["cases"]["watch"]]
    last = backup.last_backup_at(work["staff"]["admin"].ledger.paths)
    assert result["backup"] and last is not None
    # R14 (issue 14): the automatic backup is a logged act like the CLI's, under the signed-in user
    logged = work["staff"]["admin"].ledger.query(
        "SELECT username, object_id, detail, outcome FROM audit WHERE action = 'ledger.backup' ORDER BY id DESC")
    assert logged and logged[0]["username"] == "boss1" and logged[0]["outcome"] == "ok"
    assert logged[0]["object_id"] == Path(result["backup"]).name
    assert json.loads(logged[0]["detail"])["automatic"] is True
    dash = work_window.open_area("dashboard")
    assert last.strftime("%Y-%m-%d %H:%M") in dash.backup_label.text()


def test_repair_application_accepted_by_clerk_decided_by_reviewer_and_its_notice_printed(
        qtbot, work, make_ctx, shot):
    from credit_desk.gui.dialogs.repair_dialogs import ApplyRepairDialog, DecideRepairDialog, check
    from credit_desk.gui.views.repair_view import RepairView
    staff = work["staff"]
    row = staff["admin"].ledger.query(
        "SELECT r.id AS rid, r.subject_id AS sid FROM records r JOIN subjects s ON s.id = r.subject_id "
        "WHERE r.status = 'active' AND r.tier = 'general' AND r.decision_date < '2024-01-01' "
        "AND s.kind = 'legal_person' AND s.id <= 150 ORDER BY r.id LIMIT 1")[0]
    # R13 谁认定、谁修复: the reviewer who decides works for the registered department that decided the record
    from credit_desk.services import departments
    dept = staff["admin"].ledger.query("SELECT department FROM records WHERE id = ?", (row["rid"],))[0]["department"]
    departments.assign_user(staff["admin"], "rev1", dept)
    clerk_view = RepairView(make_ctx(staff["clerk"]), "信用修复")
    qtbot.addWidget(clerk_view)
    clerk_view.resize(1180, 700)

    def pick(dlg: SubjectPickerDialog):
        qtbot.waitUntil(lambda: dlg.model.rowCount() > 0, timeout=5000)
        assert dlg.select_id(row["sid"])
        dlg.buttons.button(QDialogButtonBox.Ok).click()

    def apply_(dlg: ApplyRepairDialog):
        dlg.fields["applicant"].setText("某公司 法定代表人 张三")
        check(dlg.targets, ("record", row["rid"]))
        for i in range(dlg.materials.count()):
            dlg.materials.item(i).setCheckState(Qt.Checked)
        shot(dlg, "dialog_repair_apply")
        dlg.buttons.button(QDialogButtonBox.Ok).click()
    when_modal(qtbot, SubjectPickerDialog, pick)
    seen = when_modal(qtbot, ApplyRepairDialog, apply_)
    out = clerk_view.new_item()
    assert "error" not in seen and out["eligible"], out
    assert clerk_view.accept_button.isEnabled() and not clerk_view.decide_button.isEnabled()
    assert clerk_view.steps.current() == "已接收"
    clerk_view.accept_button.click()
    assert clerk_view.current["state"] == "accepted" and clerk_view.steps.current() == "已受理"
    shot(clerk_view, "repair_accepted")
    job = clerk_view.print_selected()
    qtbot.waitUntil(lambda: job.finished and clerk_view.preview is not None, timeout=20_000)
    qtbot.addWidget(clerk_view.preview)

    rev_view = RepairView(make_ctx(staff["reviewer"]), "信用修复")
    qtbot.addWidget(rev_view)
    rev_view.table.selectRow(next(i for i, r in enumerate(rev_view.rows) if r["id"] == out["id"]))
    assert rev_view.current["id"] == out["id"]
    assert rev_view.decide_button.isEnabled() and not rev_view.accept_button.isEnabled()

    def decide(dlg: DecideRepairDialog):
        shot(dlg, "dialog_repair_decide")
        dlg.buttons.button(QDialogButtonBox.Ok).click()
    seen = when_modal(qtbot, DecideRepairDialog, decide)
    dlg = rev_view.decide_selected()
    assert "error" not in seen and dlg.result_value["state"] == "repaired", dlg.form_error.text()
    assert rev_view.steps.current() == "准予修复"
    assert staff["admin"].ledger.query("SELECT status FROM records WHERE id = ?", (row["rid"],))[0]["status"] \
        == "repaired"


def test_repair_of_a_fresh_listing_is_registered_but_refused_acceptance_with_the_first_date(qtbot, work, make_ctx):
    from credit_desk.gui.views.repair_view import RepairView
    from credit_desk.services import repairs
    staff = work["staff"]
    listed = work["cases"]["listed"]
    sid = staff["admin"].ledger.query("SELECT subject_id FROM cases WHERE id = ?", (listed,))[0]["subject_id"]
    out = repairs.apply_repair(staff["clerk"], subject_id=sid, applicant="申请人", channel="window", case_ids=[listed],
                               materials=["proof", "commitment"])
    view = RepairView(make_ctx(staff["clerk"]), "信用修复")
    qtbot.addWidget(view)
    view.current = {"id": out["id"]}
    view.refresh()
    view.accept_selected()
    assert out["first_eligible_on"] in view.message.text() or "最短" in view.message.text(), view.message.text()
    assert view.current["state"] == "received"
