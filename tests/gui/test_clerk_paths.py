"""A clerk's paths driven through the widgets: add a subject, search, open a detail with a purpose."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from credit_desk.gui.dialogs.new_subject_dialog import NewSubjectDialog
from credit_desk.gui.dialogs.purpose_dialog import PurposeDialog
from credit_desk.gui.dialogs.subject_detail_dialog import SubjectDetailDialog
from tests.gui.test_areas import settle

USCC = "9132081239H4BXKFXR"


def _audit(session, action):
    return session.ledger.query("SELECT * FROM audit WHERE action = ? ORDER BY id", (action,))


def _when_modal(qtbot, cls, act):
    """Run ``act(dialog)`` once a modal dialog of ``cls`` is up (exec() blocks the test otherwise)."""
    seen = {}

    def poll():
        dlg = QApplication.activeModalWidget()
        if isinstance(dlg, cls):
            seen["dlg"] = dlg
            act(dlg)
        else:
            QTimer.singleShot(50, poll)
    QTimer.singleShot(50, poll)
    return seen


def test_add_subject_through_the_form_checks_the_code_as_you_type(qtbot, window, shot):
    view = window.open_area("subjects")
    settle(qtbot, view)

    def fill(dlg: NewSubjectDialog):
        ui = dlg.ui
        ui.name.setText("清江浦区示范测试有限公司")
        qtbot.keyClicks(ui.idNumber, USCC[:-1] + "0")  # wrong check character
        assert "校验位不符" in ui.idNumberError.text()
        assert ui.idNumberError.text().startswith("证件号码「")
        shot(dlg, "new_subject_form_error")
        ui.idNumber.setText(USCC)
        assert "格式正确" in ui.idNumberError.text()
        ui.buttons.button(QDialogButtonBox.Save).click()
    seen = _when_modal(qtbot, NewSubjectDialog, fill)
    view.new_item()
    assert seen["dlg"].result_value.id_number == USCC
    assert [r["object_id"] for r in _audit(window.session, "subject.add")]


def test_duplicate_subject_refusal_is_shown_beside_the_field(qtbot, window):
    from credit_desk.services import subjects
    subjects.add_subject(window.session, kind="legal_person", name="甲公司", id_type="uscc", id_number=USCC)
    dlg = NewSubjectDialog(window.ctx)
    qtbot.addWidget(dlg)
    dlg.ui.name.setText("乙公司")
    dlg.ui.idNumber.setText(USCC)
    dlg.ui.buttons.button(QDialogButtonBox.Save).click()
    assert "已登记" in dlg.ui.idNumberError.text()
    assert dlg.result_value is None


def test_search_as_you_type_needs_a_purpose_and_is_logged(qtbot, window, shot):
    view = window.open_area("subjects")
    settle(qtbot, view)
    before = view.model.rowCount()
    view.search.purpose.setEditText("")
    for ch in "清江浦":  # typed one character at a time (QTest cannot type CJK keys)
        view.search.edit.insert(ch)
        qtbot.wait(40)
    qtbot.waitUntil(lambda: "查询事由" in view.search.hint.text(), timeout=3000)
    view.search.purpose.setEditText("核查企业信用状况")
    qtbot.waitUntil(lambda: view.model.search.text == "清江浦", timeout=3000)
    settle(qtbot, view)
    assert 0 < view.model.rowCount() <= before
    assert all("清江浦" in view.model.row(i)["name"] for i in range(view.model.rowCount()))
    logged = _audit(window.session, "subject.search")
    assert logged[-1]["object_id"] == "清江浦" and logged[-1]["purpose"] == "核查企业信用状况"
    shot(window, "subjects_search")


def test_people_and_ids_are_masked_in_lists(qtbot, window):
    view = window.open_area("records")
    settle(qtbot, view)
    rows = [view.model.row(i) for i in range(view.model.rowCount())]
    assert all("*" in r["id_number"] for r in rows)
    people = [r for r in rows if r["kind"] == "natural_person"]
    assert people and all("*" in r["name"] for r in people)


def test_open_detail_only_with_a_purpose_which_is_logged_and_remembered(qtbot, window, shot):
    view = window.open_area("subjects")
    settle(qtbot, view)
    view.table.selectRow(0)
    steps = []

    def answer(dlg: PurposeDialog):
        dlg.purpose.setEditText("")
        dlg.buttons.button(QDialogButtonBox.Ok).click()
        steps.append(dlg.error.text())
        dlg.purpose.setEditText("办理信用修复申请")
        shot(dlg, "purpose_dialog")
        dlg.buttons.button(QDialogButtonBox.Ok).click()
    _when_modal(qtbot, PurposeDialog, answer)
    detail = view.open_selected()
    assert "查询事由" in steps[0]
    assert isinstance(detail, SubjectDetailDialog)
    qtbot.addWidget(detail)
    qtbot.waitUntil(lambda: not detail.model.loading, timeout=5000)
    views = _audit(window.session, "subject.view")
    assert views[-1]["purpose"] == "办理信用修复申请"
    assert window.ctx.recent_purposes()[0] == "办理信用修复申请"
    shown = [w.text() for w in detail.findChildren(QLabel, "value")]
    assert any("*" not in t and len(t) == 18 for t in shown)  # the full number, not masked
    shot(detail, "subject_detail")
    detail.close()


def test_records_view_sorts_only_on_indexed_columns(qtbot, window):
    view = window.open_area("records")
    settle(qtbot, view)
    first = view.model.row(0)["decision_date"]
    assert all(view.model.row(i)["decision_date"] <= first for i in range(view.model.rowCount()))
    view.table.horizontalHeader().sectionClicked.emit(4)  # 等级: not indexed, order stays
    assert view.model.sort_key == "decision_date"
    view.model.sort(0, Qt.AscendingOrder)
    settle(qtbot, view)
    ids = [view.model.row(i)["id"] for i in range(view.model.rowCount())]
    assert ids == sorted(ids) and ids[0] == 1


def test_scrolling_fetches_further_pages(qtbot, window):
    view = window.open_area("records")
    settle(qtbot, view)
    assert view.model.rowCount() == 200
    view.model.fetchMore()
    qtbot.waitUntil(lambda: view.model.rowCount() == 400, timeout=5000)
    ids = [view.model.row(i)["id"] for i in range(400)]
    assert len(set(ids)) == 400  # keyset pages never repeat a row


def test_r14_each_look_states_its_own_purpose_the_last_one_is_offered_not_filled_in(qtbot, window):
    """R14 (查询使用登记): after a look for 办理信用修复申请 the next look's purpose starts empty — pressing 打开 at once
    is refused, nothing logged — and the earlier purpose waits in the list, picked with one click."""
    view = window.open_area("subjects")
    settle(qtbot, view)
    before = len(_audit(window.session, "subject.view"))
    seen = {}

    def first(dlg: PurposeDialog):
        dlg.purpose.setEditText("办理信用修复申请")
        dlg.buttons.button(QDialogButtonBox.Ok).click()

    def second(dlg: PurposeDialog):
        seen["text"], seen["offered"] = dlg.purpose.currentText(), [dlg.purpose.itemText(i)
                                                                     for i in range(dlg.purpose.count())]
        dlg.buttons.button(QDialogButtonBox.Ok).click()  # no purpose chosen: refused, the dialog stays
        seen["error"], seen["logged"] = dlg.error.text(), len(_audit(window.session, "subject.view"))
        dlg.purpose.setCurrentIndex(seen["offered"].index("办理信用修复申请"))
        dlg.buttons.button(QDialogButtonBox.Ok).click()

    for answer in (first, second):
        view.table.selectRow(0)
        _when_modal(qtbot, PurposeDialog, answer)
        detail = view.open_selected()
        qtbot.addWidget(detail)
        detail.close()
    assert seen["text"] == ""
    assert "办理信用修复申请" in seen["offered"]
    assert "查询事由" in seen["error"] and seen["logged"] == before + 1
    views = _audit(window.session, "subject.view")
    assert len(views) == before + 2 and views[-1]["purpose"] == "办理信用修复申请"


def test_a_new_records_subject_is_added_from_the_picker_and_chosen_at_once(qtbot, window, shot):
    """Issue 17 item 6: the subject picker of a new record said 「请先在信用主体中新增」 — a dead end that sent the
    clerk out of the job. It now adds the subject with the same form and chooses it, masked like any list row
    (R15: a person's name and ID number)."""
    from credit_desk.domain import demo
    from credit_desk.gui.dialogs.new_record_dialog import NewRecordDialog
    from credit_desk.gui.dialogs.subject_picker_dialog import SubjectPickerDialog
    import datetime as dt
    import random
    ric = demo.ric(random.Random(1717), "320812", dt.date(1970, 1, 1), dt.date(1990, 1, 1))
    view = window.open_area("records")
    settle(qtbot, view)
    seen = {}

    def in_picker(picker: SubjectPickerDialog):
        assert picker.add_button.isVisible() and picker.add_button.text() == "新增信用主体…"
        shot(picker, "picker_add_subject")

        def fill(dlg: NewSubjectDialog):
            ui = dlg.ui
            ui.kind.setCurrentIndex(ui.kind.findData("natural_person"))
            ui.idType.setCurrentIndex(ui.idType.findData("ric"))
            ui.name.setText("欧阳震华")
            ui.idNumber.setText(ric)
            ui.buttons.button(QDialogButtonBox.Save).click()
        _when_modal(qtbot, NewSubjectDialog, fill)
        picker.add_button.click()

    def in_record_form(dlg: NewRecordDialog):
        seen["subject"], seen["text"] = dlg.subject, dlg.ui.subjectText.text()
        dlg.reject()
    _when_modal(qtbot, SubjectPickerDialog, in_picker)
    _when_modal(qtbot, NewRecordDialog, in_record_form)
    view.new_item()
    added = [r["object_id"] for r in _audit(window.session, "subject.add")]
    assert added and seen["subject"]["id"] == int(added[-1])
    assert "欧阳*华" in seen["text"] and "欧阳震华" not in seen["text"] and ric not in seen["text"], seen["text"]
