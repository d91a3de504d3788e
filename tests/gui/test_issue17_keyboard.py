"""Issue 17 item 11: a clerk does the main job without a mouse. Only QTest key clicks drive these tests, always to
the widget that has the keyboard focus: shortcuts reach every area, Ctrl+N opens the new-subject and new-record
forms, Tab walks their fields in the order they are seen (top to bottom, left to right), Enter submits and Esc
cancels (R7 entry data saved through the service, audited). Chinese words arrive as an input method commits
them (QTest cannot type them)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractButton, QApplication

from credit_desk.domain import demo
from credit_desk.gui.dialogs.new_record_dialog import NewRecordDialog
from credit_desk.gui.dialogs.new_subject_dialog import NewSubjectDialog
from credit_desk.gui.dialogs.subject_picker_dialog import SubjectPickerDialog
from tests.gui.conftest import when_modal


def focused():
    return QApplication.focusWidget()


def key(qtbot, k, mod=Qt.NoModifier):
    """One key press, to whatever has the focus (as a keyboard does)."""
    target = focused() or QApplication.activeWindow()
    qtbot.keyClick(target, k, mod)


def type_text(qtbot, text: str) -> None:
    """ASCII as key clicks; Chinese as the input method delivers it, one committed word (QTest cannot type it)."""
    if text.isascii():
        qtbot.keyClicks(focused(), text)
        return
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(focused(), event)


def settled(qtbot, dlg) -> None:
    """The dialog is the active window and holds the focus (activation is asynchronous)."""
    qtbot.waitUntil(lambda: focused() is not None and focused().window() is dlg, timeout=5000)


def tab_chain(qtbot, dlg, limit: int = 40) -> list:
    """The widgets Tab visits from the current focus until it comes back round."""
    start, seen = focused(), []
    for _ in range(limit):
        key(qtbot, Qt.Key_Tab)
        w = focused()
        if seen and w is seen[-1] or w is start and not seen:
            continue  # Tab steps through a date box's year, month and day before it leaves the box
        if w is start or w in seen:
            break
        seen.append(w)
    return [start] + seen


def assert_visual_order(dlg, chain) -> None:
    """Every step of Tab goes down, or right along the same row (inputs first, then the buttons)."""
    inputs = [w for w in chain if not isinstance(w, QAbstractButton) or w.objectName()]
    spots = [(w.mapTo(dlg, w.rect().topLeft()).y(), w.mapTo(dlg, w.rect().topLeft()).x(), w.objectName())
             for w in inputs]
    for (y0, x0, n0), (y1, x1, n1) in zip(spots, spots[1:]):
        assert y1 > y0 - 4 and (abs(y1 - y0) > 4 or x1 > x0), f"Tab goes from {n0} up/left to {n1}: {spots}"


def activate(qtbot, win) -> None:
    win.activateWindow()
    win.raise_()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=5000)
    win.nav.setFocus()


def test_r14_shortcuts_reach_every_area(qtbot, clerk_window):
    win = clerk_window
    activate(qtbot, win)
    keys = win.area_keys()
    for n in range(min(9, len(keys))):
        key(qtbot, getattr(Qt, f"Key_{n + 1}"), Qt.ControlModifier)
        assert win.current_view() is win.views[keys[n]], (n, keys[n])
    reached = {win.nav.currentItem().data(Qt.UserRole)}
    for _ in keys:
        key(qtbot, Qt.Key_PageDown, Qt.ControlModifier)
        reached.add(win.nav.currentItem().data(Qt.UserRole))
    assert reached == set(keys)
    key(qtbot, Qt.Key_F6)
    assert focused() is win.nav


def test_r7_new_subject_by_keyboard_tab_order_enter_saves(qtbot, clerk_window, staff, shot):
    win, clerk = clerk_window, staff["clerk"]
    activate(qtbot, win)
    key(qtbot, Qt.Key_2, Qt.ControlModifier)
    assert win.current_view() is win.views["subjects"]
    rng = __import__("random").Random(4242)
    code = demo.uscc(rng, "320812")
    rep = demo.ric(rng, "320826", __import__("datetime").date(1970, 1, 1), __import__("datetime").date(1990, 1, 1))
    found = {}

    def fill(dlg):
        settled(qtbot, dlg)
        assert focused() is dlg.ui.kind, focused()               # the cursor starts in the first field
        chain = tab_chain(qtbot, dlg)
        names = [w.objectName() for w in chain]
        assert names[:8] == ["kind", "name", "idType", "idNumber", "repName", "repIdType", "repIdNumber",
                             "address"], names
        assert_visual_order(dlg, chain)
        assert focused() is dlg.ui.kind
        key(qtbot, Qt.Key_Tab)                                   # kind stays 法人 (the first); on to the name
        type_text(qtbot, "淮安键盘录入有限公司")
        key(qtbot, Qt.Key_Tab)
        key(qtbot, Qt.Key_Tab)                                   # id type: the only one for a legal person
        type_text(qtbot, code)
        key(qtbot, Qt.Key_Tab)
        type_text(qtbot, "王键盘")
        key(qtbot, Qt.Key_Tab)
        key(qtbot, Qt.Key_Tab)                                   # representative's ID type: resident ID
        type_text(qtbot, rep)
        found["before"] = dlg.ui.repIdNumberError.text()
        shot(dlg, "keyboard_new_subject")
        key(qtbot, Qt.Key_Return)                               # Enter saves
        found["value"] = dlg.result_value
    seen = when_modal(qtbot, NewSubjectDialog, fill)
    key(qtbot, Qt.Key_N, Qt.ControlModifier)
    assert "error" not in seen, seen.get("error")
    assert found["value"] is not None and found["value"].name == "淮安键盘录入有限公司"
    assert found["value"].legal_rep_id_number == rep
    assert clerk.ledger.query("SELECT count(*) AS n FROM audit WHERE action = 'subject.add'")[0]["n"] == 1


def test_r1_new_record_by_keyboard_tab_order_and_esc_cancels(qtbot, clerk_window, staff):
    win, clerk = clerk_window, staff["clerk"]
    activate(qtbot, win)
    key(qtbot, Qt.Key_3, Qt.ControlModifier)
    assert win.current_view() is win.views["records"]
    before = clerk.ledger.query("SELECT count(*) AS n FROM records")[0]["n"]
    found = {}

    def record_form(dlg):
        settled(qtbot, dlg)
        first = focused()
        chain = tab_chain(qtbot, dlg)
        found["names"] = [w.objectName() for w in chain]
        assert_visual_order(dlg, [w for w in chain if w.isVisible()])
        assert first is not None and first.window() is dlg
        key(qtbot, Qt.Key_Escape)                               # Esc cancels: nothing saved
        found["closed"] = not dlg.isVisible()

    def pick(dlg):
        qtbot.waitUntil(lambda: dlg.model.rowCount() > 0, timeout=10_000)
        settled(qtbot, dlg)
        while focused() is not dlg.table:                      # Tab to the list, ↓ picks the first row
            key(qtbot, Qt.Key_Tab)
        key(qtbot, Qt.Key_Down)
        if not dlg.table.selectionModel().selectedRows():
            key(qtbot, Qt.Key_Space)
        found["form"] = when_modal(qtbot, NewRecordDialog, record_form)
        key(qtbot, Qt.Key_Return)                               # Enter chooses
    seen = when_modal(qtbot, SubjectPickerDialog, pick)
    key(qtbot, Qt.Key_N, Qt.ControlModifier)
    assert "error" not in seen, seen.get("error")
    assert "error" not in found.get("form", {}), found["form"].get("error")
    assert found.get("closed"), found
    assert found["names"][:14] == ["catalogue", "tier", "facts", "docType", "docNumber", "docAuthority", "docIssued",
                                   "docEffective", "department", "actDate", "decisionDate", "forceMajeure",
                                   "noIntent", "slight"], found["names"]
    assert clerk.ledger.query("SELECT count(*) AS n FROM records")[0]["n"] == before


def test_r4_case_edited_by_keyboard_enter_saves_esc_cancels(qtbot, clerk_window, staff):
    """A form of the FormDialog family (the edit-case form): opened with Space on its button, Enter in a field
    saves, Esc leaves a second opening with nothing changed."""
    from credit_desk.gui.dialogs.edit_case_dialog import EditCaseDialog
    from credit_desk.services import cases
    from tests.gui.test_issue17_edits import STANDARD, _case
    win, clerk = clerk_window, staff["clerk"]
    cid = _case(clerk, served=False)
    activate(qtbot, win)
    key(qtbot, getattr(Qt, f"Key_{win.area_keys().index('cases') + 1}"), Qt.ControlModifier)
    view = win.current_view()
    view.panel.show_case(cid)
    found = {}

    def edit(dlg):
        settled(qtbot, dlg)
        while focused() is not dlg.fields["standard"]:
            key(qtbot, Qt.Key_Tab)
        key(qtbot, Qt.Key_End)
        type_text(qtbot, " (2)")
        key(qtbot, Qt.Key_Return)                               # Enter saves
        found["saved"] = dlg.result_value

    def leave(dlg):
        settled(qtbot, dlg)
        type_text(qtbot, "x")
        key(qtbot, Qt.Key_Escape)                               # Esc cancels
        found["left"] = not dlg.isVisible()
    for act in (edit, leave):
        seen = when_modal(qtbot, EditCaseDialog, act)
        activate(qtbot, win)                                    # back in the main window after a dialog
        view.panel.edit_button.setFocus()
        qtbot.waitUntil(lambda: focused() is view.panel.edit_button, timeout=5000)
        key(qtbot, Qt.Key_Space)
        assert "error" not in seen, seen.get("error")
    assert found["saved"] is not None and found["left"]
    assert cases.get_case(clerk, cid, "核对").standard == STANDARD + " (2)"
    assert clerk.ledger.query("SELECT count(*) AS n FROM audit WHERE action = 'case.update'")[0]["n"] == 1
