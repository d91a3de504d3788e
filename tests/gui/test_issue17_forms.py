"""Issue 17 items 6 and 10 through the widgets: a refused decider leaves no "case updated" row; ↓ from a search
box moves into its results; double-clicking a deadline on the dashboard opens its case."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from credit_desk.gui.dialogs.decide_dialog import DecideDialog
from credit_desk.services import cases
from tests.gui.seed_work import DAY, subjects_with_records, serve_on_paper
from tests.gui.test_areas import settle


def _served_by(session, days_ago: int = 20) -> int:
    """A black case drafted by ``session``, served ``days_ago`` days ago (today: under the register's number, else
    the paper's number issued by hand, R5)."""
    now = session.desk.today()
    sid, rid = subjects_with_records(session, 1)[0]
    c = cases.open_case(session, subject_id=sid, list_type="black", record_ids=[rid], opened_on=now - 30 * DAY,
                        department="县市场监督管理局", department_level="county", domain="市场监管", ground="b",
                        standard="《中华人民共和国产品质量法》第四十九条", standard_kind="law")
    serve_on_paper(session, c.id, now - days_ago * DAY)
    return c.id


def test_four_eyes_refusal_leaves_no_case_updated_audit_row(qtbot, staff, make_ctx):
    boss = staff["boss"]
    cid = _served_by(boss)                                   # the head drafted it: may not decide it (four eyes)
    last = boss.ledger.query("SELECT max(id) AS id FROM audit")[0]["id"]
    dlg = DecideDialog(make_ctx(boss), cases.get_case(boss, cid, "作出决定"))
    qtbot.addWidget(dlg)
    dlg.fields["department"].setText("县市场监督管理局（改）")
    dlg.buttons.button(QDialogButtonBox.Ok).click()
    assert dlg.result_value is None and "起草人" in (dlg.form_error.text() + "".join(
        e.text() for e in dlg.errors.values()))
    rows = boss.ledger.query("SELECT action, outcome FROM audit WHERE id > ?", (last,))
    assert not [r for r in rows if r["action"] == "case.update"], rows
    assert cases.get_case(boss, cid, "核对").department == "县市场监督管理局"


def test_down_arrow_moves_from_the_search_box_into_the_results(qtbot, window):
    view = window.open_area("subjects")
    settle(qtbot, view)
    assert view.model.rowCount() > 0
    view.search.edit.setFocus()
    qtbot.keyClick(view.search.edit, Qt.Key_Down)
    assert view.table.hasFocus() or window.focusWidget() is view.table
    assert view.table.currentIndex().row() == 0


def test_double_clicking_a_due_case_opens_it(qtbot, clerk_window, staff):
    cid = _served_by(staff["clerk"])
    dash = clerk_window.open_area("dashboard")
    dash.refresh()
    qtbot.waitUntil(lambda: any(i.object_type == "case" and int(i.object_id) == cid for i in dash.due_items),
                    timeout=10_000)
    row = next(n for n, i in enumerate(dash.due_items) if i.object_type == "case" and int(i.object_id) == cid)
    dash.due.itemActivated.emit(dash.due.item(row, 0))
    cases_view = clerk_window.current_view()
    assert cases_view is clerk_window.views["cases"] and cases_view.panel.case.id == cid


def test_contact_line_set_in_settings_is_printed_on_the_notice(qtbot, admin_window, staff, tmp_path):
    from credit_desk.services import document_sources, documents
    view = admin_window.open_area("settings")
    box = view.notices
    box.contact.setText("联系电话：0517-83600000")
    assert box.save_contact() == "联系电话：0517-83600000" and "已保存" in box.message.text()
    box.contact.setText("长" * 200)  # QLineEdit caps it; the service refuses more than one line's worth
    assert len(box.contact.text()) <= 120
    box.contact.setText("联系电话：0517-83600000")
    box.save_contact()
    cid = _served_by(staff["clerk"], days_ago=0)  # served today under the register's number: printed here
    item = document_sources.from_case(staff["clerk"], "prior_notice", cid)
    out = tmp_path / "n.pdf"
    documents.issue(staff["clerk"], "prior_notice", [item], out)
    import subprocess
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout.replace(" ", "")
    assert "联系方式：联系电话：0517-83600000" in text.replace("\n", "")


def test_r3_a_record_is_revoked_and_changed_from_the_records_view(qtbot, clerk_window, staff, shot):
    from credit_desk.gui.dialogs.record_fix_dialogs import ChangeRecordDialog, RevokeRecordDialog
    from tests.gui.conftest import when_modal
    view = clerk_window.open_area("records")
    settle(qtbot, view)
    rows = [view.model.row(i) for i in range(view.model.rowCount())]
    first = next(i for i, r in enumerate(rows) if r["status"] == "active")
    view.table.selectRow(first)
    rid = rows[first]["id"]

    def change(dlg: ChangeRecordDialog):
        dlg.buttons.button(QDialogButtonBox.Ok).click()          # no reason: refused beside its field
        assert dlg.isVisible() and dlg.errors["reason"].text()
        dlg.fields["reason"].setPlainText("行政复议决定变更了原处罚决定（淮复决〔2026〕3号）")
        dlg.fields["facts"].setPlainText("经复议变更后的违法事实")
        shot(dlg, "dialog_record_change")
        dlg.buttons.button(QDialogButtonBox.Ok).click()
    seen = when_modal(qtbot, ChangeRecordDialog, change)
    view.change_selected()
    assert "error" not in seen
    state = staff["clerk"].ledger.query("SELECT status, facts FROM records WHERE id = ?", (rid,))[0]
    assert state == {"status": "changed", "facts": "经复议变更后的违法事实"}

    view.table.selectRow(first)

    def revoke(dlg: RevokeRecordDialog):
        dlg.fields["reason"].setPlainText("原处罚决定已被法院判决撤销（淮行终〔2026〕9号）")
        shot(dlg, "dialog_record_revoke")
        dlg.buttons.button(QDialogButtonBox.Ok).click()
    seen = when_modal(qtbot, RevokeRecordDialog, revoke)
    view.revoke_selected()
    assert "error" not in seen
    assert staff["clerk"].ledger.query("SELECT status FROM records WHERE id = ?", (rid,))[0]["status"] == "revoked"
    logged = staff["clerk"].ledger.query("SELECT entity, op FROM changes WHERE entity = 'record' AND entity_id = ? "
                                         "ORDER BY id", (str(rid),))
    assert [r["op"] for r in logged][-2:] == ["change", "revoke"]          # both travel in the next bundle (R3)


def test_menus_lock_switch_user_and_change_password(qtbot, clerk_window, staff, shot):
    from credit_desk.gui.menus import change_password
    from credit_desk.services import auth
    from tests.conftest import USER_PW
    file_actions = [a.text() for a in clerk_window.menus["file"].actions() if a.text()]
    assert file_actions[:2] == ["锁定", "切换用户…"]
    assert [a.text() for a in clerk_window.menus["tools"].actions()] == ["修改密码…", "导入原有台账…"]
    locked = []
    clerk_window.lockRequested.connect(lambda: locked.append(True))
    clerk_window.menus["file"].actions()[1].trigger()             # 切换用户: the lock and a fresh login
    assert locked

    def fill(dlg):
        qtbot.addWidget(dlg)
        dlg.old.setText(USER_PW)
        dlg.new.setText("Xq7#pLm2!vRt")
        dlg.again.setText("Xq7#pLm2!vRu")
        dlg.submit()
        assert "不一致" in dlg.error.text()
        dlg.again.setText("Xq7#pLm2!vRt")
        shot(dlg, "dialog_change_password")
        dlg.submit()
        return dlg.result_value
    change_password(clerk_window, confirm=fill)
    assert auth.login(staff["clerk"].desk, "clerk1", "Xq7#pLm2!vRt").user.username == "clerk1"
