"""Issue 17 item 6 (h17f part 1): a case and a subject are edited in the GUI through the services — audited, the
views refresh — and a change to what a served prior notice told the party (R5) is refused with the way to a new
notice offered in the same form, never a traceback."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLabel

from credit_desk.gui.dialogs.edit_case_dialog import EditCaseDialog
from credit_desk.gui.dialogs.edit_subject_dialog import EditSubjectDialog
from credit_desk.services import cases, subjects
from tests.gui.conftest import when_modal
from tests.gui.seed_work import DAY, subjects_with_records, serve_on_paper
from tests.gui.test_areas import settle

STANDARD = "《中华人民共和国产品质量法》第四十九条"


def _case(session, served: bool) -> int:
    now = session.desk.today()
    sid, rid = subjects_with_records(session, 1)[0]
    c = cases.open_case(session, subject_id=sid, list_type="black", record_ids=[rid], opened_on=now - 30 * DAY,
                        department="县市场监督管理局", department_level="county", domain="市场监管", ground="b",
                        standard=STANDARD, standard_kind="law")
    if served:
        serve_on_paper(session, c.id, now - 20 * DAY)
    return c.id


def _actions(session, after: int) -> list[str]:
    return [r["action"] for r in session.ledger.query("SELECT action FROM audit WHERE id > ?", (after,))]


def _last_audit(session) -> int:
    return session.ledger.query("SELECT max(id) AS id FROM audit")[0]["id"]


def _case_view(qtbot, win, cid):
    view = win.open_area("cases")
    settle(qtbot, view)
    view.panel.show_case(cid)
    return view


def test_r4_draft_case_edited_from_the_case_panel_audited_and_shown(qtbot, clerk_window, staff, shot):
    clerk = staff["clerk"]
    cid = _case(clerk, served=False)
    view = _case_view(qtbot, clerk_window, cid)
    assert view.panel.edit_button.isEnabled()
    before = _last_audit(clerk)

    def edit(dlg):
        dlg.fields["standard"].setText(STANDARD + "、第五十条")
        dlg.fields["facts"].setPlainText("经核查，该企业整改不到位。")
        shot(dlg, "dialog_edit_case_draft")
        dlg.ok_button().click()
    seen = when_modal(qtbot, EditCaseDialog, edit)
    view.panel.edit_button.click()
    assert "error" not in seen, seen.get("error")
    saved = cases.get_case(clerk, cid, "核对")
    assert saved.standard.endswith("第五十条") and "整改不到位" in saved.facts
    assert _actions(clerk, before).count("case.update") == 1
    change = clerk.ledger.query("SELECT entity, op FROM changes WHERE entity = 'case' ORDER BY id DESC LIMIT 1")[0]
    assert (change["entity"], change["op"]) == ("case", "update")


def test_r5_served_notice_change_refused_beside_its_field_then_new_notice_offered(qtbot, staff, make_ctx, shot,
                                                                                  clerk_window):
    clerk = staff["clerk"]
    cid = _case(clerk, served=True)
    view = _case_view(qtbot, clerk_window, cid)
    old = cases.get_case(clerk, cid, "核对")
    before = _last_audit(clerk)
    dlg = EditCaseDialog(make_ctx(clerk), old)
    qtbot.addWidget(dlg)
    dlg.show()
    assert "新的预先告知" in dlg.findChild(QLabel, "intro").text()  # said before the clerk tries
    dlg.fields["standard"].setText(STANDARD + "、第五十条")
    dlg.ok_button().click()
    assert dlg.result_value is None
    assert "重新送达预先告知书" in dlg.errors["standard"].text()        # R5: beside the field, Chinese
    assert "重新送达" in dlg.form_error.text() or "新的预先告知" in dlg.form_error.text()
    assert dlg.renotice.isEnabled() and dlg.focusWidget() in (dlg.renotice, None)
    qtbot.wait(100)  # the error lines re-lay the form out
    shot(dlg, "dialog_edit_case_renotice_needed")
    assert cases.get_case(clerk, cid, "核对").standard == STANDARD      # nothing saved
    assert "case.update" not in _actions(clerk, before) and "case.renotice" not in _actions(clerk, before)
    dlg.renotice.setChecked(True)
    dlg.ok_button().click()
    assert dlg.result_value is not None, dlg.form_error.text()
    new = cases.get_case(clerk, cid, "核对")
    assert new.standard.endswith("第五十条") and new.notice_number != old.notice_number
    assert new.window_end >= old.window_end
    assert "case.renotice" in _actions(clerk, before)
    # the case view shows the new notice from the one refresh mechanism (no patch by the dialog's caller)
    qtbot.waitUntil(lambda: new.notice_number in view.panel.fact_labels["notice"].text(), timeout=5000)


def test_r5_decided_case_cannot_be_edited_from_the_panel(qtbot, clerk_window, staff):
    from credit_desk.domain.cases import CaseState
    clerk = staff["clerk"]
    view = _case_view(qtbot, clerk_window, _case(clerk, served=True))
    listed = [c for c in cases.list_cases(clerk, state=CaseState.LISTED.value)]
    if listed:
        view.panel.show_case(listed[0].id)
        assert not view.panel.edit_button.isEnabled()
    view.panel.show_case(_case(clerk, served=False))
    assert view.panel.edit_button.isEnabled()


def test_r7_subject_edited_in_the_gui_refreshes_the_subjects_view(qtbot, clerk_window, staff, shot):
    clerk = staff["clerk"]
    view = clerk_window.open_area("subjects")
    settle(qtbot, view)
    row = next(view.model.row(i) for i in range(view.model.rowCount()) if view.model.row(i)["kind_zh"] == "法人和非法人组织")
    s = subjects.show_subject(clerk, row["id"], "补正主体信息")
    before = _last_audit(clerk)
    dlg = EditSubjectDialog(clerk_window.views["subjects"].ctx, s)
    qtbot.addWidget(dlg)
    dlg.fields["name"].setText("淮安改名示范有限公司")
    dlg.fields["address"].setText("江苏省淮安市清江浦区健康东路1号")
    shot(dlg, "dialog_edit_subject_rename")
    dlg.buttons.button(QDialogButtonBox.Ok).click()
    assert dlg.result_value is not None, dlg.form_error.text()
    assert "subject.update" in _actions(clerk, before)
    qtbot.waitUntil(lambda: any(view.model.row(i)["id"] == s.id and view.model.row(i)["name"] ==
                                "淮安改名示范有限公司" for i in range(view.model.rowCount())), timeout=5000)


def test_r5_a_listing_decision_is_not_called_a_repair_decision(qtbot, clerk_window, staff, make_ctx):
    """The same English word in two areas: the case panel and the decision dialog say 认定决定, the repair area
    修复决定书 (a context-blind translation once showed 修复决定书 on every listing case)."""
    from credit_desk.gui.dialogs.decide_dialog import DecideDialog
    clerk = staff["clerk"]
    cid = _case(clerk, served=True)
    view = _case_view(qtbot, clerk_window, cid)
    form = view.panel.facts
    labels = [form.itemAt(i, form.ItemRole.LabelRole).widget().text() for i in range(form.rowCount())]
    assert "认定决定：" in labels and not any("修复" in t for t in labels), labels
    dlg = DecideDialog(make_ctx(staff["reviewer"]), cases.get_case(clerk, cid, "核对"))
    qtbot.addWidget(dlg)
    assert "认定决定" in dlg.windowTitle() and "修复" not in dlg.windowTitle()
