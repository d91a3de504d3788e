"""Issue 17 (a new clerk's review): registering an objection to a record (R19) asked for the record's number in a
bare number box — the clerk had to look it up in Records first. Now the clerk picks whose record it is (the subject
picker, its search logged with a purpose, R14) and chooses the record from that subject's records."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from credit_desk.gui.dialogs.objection_dialogs import AddObjectionDialog
from credit_desk.gui.dialogs.subject_picker_dialog import SubjectPickerDialog
from tests.gui.conftest import when_modal


def _subject_with_two_records(session) -> tuple[int, list[int]]:
    row = session.ledger.query(
        "SELECT subject_id AS sid, group_concat(id) AS ids FROM records WHERE status = 'active' AND subject_id <= 150 "
        "GROUP BY subject_id HAVING count(*) >= 2 ORDER BY subject_id LIMIT 1")[0]
    return row["sid"], [int(i) for i in row["ids"].split(",")]


def test_r19_record_objection_picks_the_subject_then_one_of_its_records(qtbot, staff, clerk_window, shot):
    clerk = staff["clerk"]
    sid, rids = _subject_with_two_records(clerk)
    view = clerk_window.open_area("objections")

    def pick(dlg: SubjectPickerDialog):
        qtbot.waitUntil(lambda: dlg.model.rowCount() > 0, timeout=5000)
        assert dlg.select_id(sid)
        dlg.buttons.button(QDialogButtonBox.Ok).click()

    def fill(dlg: AddObjectionDialog):
        box = dlg.fields["record"]
        assert sorted(box.itemData(i) for i in range(1, box.count())) == sorted(rids)  # that subject's records only
        dlg.fields["grounds"].setPlainText("处罚决定已被复议撤销。")
        dlg.buttons.button(QDialogButtonBox.Ok).click()  # no record chosen yet: said beside the field
        assert "请选择被异议的信用记录" in dlg.errors["record"].text() and dlg.isVisible()
        box.setCurrentIndex(box.findData(rids[-1]))
        shot(dlg, "dialog_record_objection")
        dlg.buttons.button(QDialogButtonBox.Ok).click()

    when_modal(qtbot, SubjectPickerDialog, pick)
    seen = when_modal(qtbot, AddObjectionDialog, fill)
    dlg = view.new_item()
    assert "error" not in seen and dlg is not None and dlg.result_value.target_id == rids[-1]
    assert dlg.result_value.subject_id == sid
    assert clerk.ledger.query("SELECT count(*) AS n FROM objections WHERE target_type = 'record' AND target_id = ?",
                              (rids[-1],))[0]["n"] == 1
