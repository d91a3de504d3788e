"""Issue 17 item 3, texts set after a window opens: the words on the label, the rule in the tooltip. Status lines,
banners, a chosen row's panel (the case panel's facts, the repair steps), hints that change with a form's
choices (the print dialog's purpose hint) and message boxes show no rule number such as 「（R9）」; hovering
still names the rule.

The walk: the head's window on a working office (tests/gui/seed_work.py), every area with the first rows of each
list chosen, then every action of the case panel for a case in each stage, each dialog with every choice of each
of its drop-downs; every visible text (tooltips aside) is read after each step."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDialog, QLabel, QMainWindow,
                               QMessageBox, QTextBrowser, QWidget)

from tests.gui.conftest import when_modal
from tests.gui.test_areas import settle
from tests.gui.words import texts

MARK = re.compile(r"（\s*R\d+[^）]*）|\(\s*R\d+[^)]*\)|^R\d+\s*[：:]")


def shown(window: QWidget) -> list[str]:
    """Visible texts of the window without tooltips, the text of its read-only browsers and its status line."""
    out = texts(window, tooltips=False)
    out += [b.toPlainText() for b in window.findChildren(QTextBrowser) if b.isVisibleTo(window)]
    if isinstance(window, QMainWindow):
        out.append(window.statusBar().currentMessage())
    return [t for t in out if t]


def marks(window: QWidget, where: str) -> list[str]:
    QApplication.processEvents()
    return [f"[{where}] {line.strip()[:100]}" for t in shown(window) for line in t.splitlines() if MARK.search(line.strip())]


def _choose_rows(qtbot, view) -> None:
    for table in view.findChildren(QAbstractItemView):
        if table.isVisibleTo(view) and table.model() is not None and table.model().rowCount() and \
                hasattr(table, "selectRow"):
            table.selectRow(min(1, table.model().rowCount() - 1))
            table.selectRow(0)
    qtbot.wait(30)


def _scan_dialog(dlg: QDialog, where: str, found: list[str]) -> None:
    """Read the dialog, then again after each choice of each of its drop-downs (hints that follow a choice)."""
    found += marks(dlg, where)
    for combo in dlg.findChildren(QComboBox):
        if not combo.isVisibleTo(dlg) or not combo.isEnabled():
            continue
        for i in range(combo.count()):
            combo.setCurrentIndex(i)
            found += marks(dlg, f"{where}/{combo.objectName()}={i}")
    dlg.reject()


def _broken_commitment(qtbot, window, work) -> list[str]:
    """A status line set after the area opened: a commitment checked as not kept says the subject is now under
    key supervision — the rule (R17) in the tooltip."""
    import datetime as dt

    from credit_desk.gui.dialogs.commitment_dialogs import CheckDialog
    from credit_desk.services import commitments
    from tests.gui.seed_work import subjects_with_records
    clerk = work["staff"]["clerk"]
    (sid, _rid), = subjects_with_records(clerk, 8)[7:8]
    made = commitments.record_commitment(clerk, subject_id=sid, item_code="CN-01",
                                         made_on=clerk.desk.today() - dt.timedelta(days=10), content="承诺材料真实。")
    view = window.open_area("commitments")
    view.refresh()
    settle(qtbot, view)
    qtbot.waitUntil(lambda: any(view.model.row(i)["id"] == made.id for i in range(view.model.rowCount())))
    view.table.selectRow(next(i for i in range(view.model.rowCount()) if view.model.row(i)["id"] == made.id))

    def not_kept(dlg):
        combo = dlg.fields["fulfilment"]
        combo.setCurrentIndex(combo.findData("none"))
        dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
    seen = when_modal(qtbot, CheckDialog, not_kept)
    view.check_selected()
    assert "error" not in seen, seen.get("error")
    qtbot.wait(50)
    assert view.message.isVisible() and "R17" in view.message.toolTip(), (view.message.text(), view.message.toolTip())
    return marks(window, "commitments/after check")


def _case_detail(qtbot, panel) -> list[str]:
    """The full details (after the purpose, R14): its headings name no rule; the browser's tooltip does."""
    from PySide6.QtWidgets import QDialogButtonBox

    from credit_desk.gui.dialogs.purpose_dialog import PurposeDialog
    from credit_desk.gui.views.case_panel import CaseDetailDialog

    def purpose(dlg):
        dlg.purpose.setEditText("核对案件材料")
        dlg.buttons.button(QDialogButtonBox.Ok).click()
    seen = when_modal(qtbot, PurposeDialog, purpose)
    view = panel.open_detail()
    assert "error" not in seen and isinstance(view, CaseDetailDialog)
    found = marks(view, f"case {panel.case.id}/detail")
    browser = view.findChild(QTextBrowser)
    assert "R4" in browser.toolTip() and "R6" in browser.toolTip(), browser.toolTip()
    view.close()
    return found


def _case_actions(qtbot, cases, found: list[str]) -> int:
    opened = 0
    model, panel = cases.model, cases.panel
    for row in range(model.rowCount()):
        cases.table.selectRow(row)
        qtbot.waitUntil(lambda r=row: panel.case is not None and panel.case.id == model.row(r)["id"], timeout=5000)
        found += marks(cases.window(), f"case {panel.case.id} {panel.case.state.value}")
        found += _case_detail(qtbot, panel)
        for button in panel.action_buttons():
            if not button.isEnabled() or button is panel.detail_button:
                continue
            where = f"case {panel.case.id}/{button.objectName()}"
            seen = when_modal(qtbot, QDialog, lambda d, w=where: _scan_dialog(d, w, found), close_ms=3000)
            button.click()
            qtbot.waitUntil(lambda: "dlg" in seen or seen["waited"] >= 8000, timeout=10_000)
            if "error" in seen and not isinstance(seen["error"], AssertionError):
                raise seen["error"]
            opened += "dlg" in seen
    return opened


def test_no_rule_number_in_texts_set_after_opening(qtbot, work_window, work, shot):
    from credit_desk.gui import rulehints
    hints = rulehints.install(QApplication.instance())  # as run_gui does
    found: list[str] = []
    try:
        window = work_window
        for key in window.area_keys():
            view = window.open_area(key)
            settle(qtbot, view)
            _choose_rows(qtbot, view)
            found += marks(window, key)
        found += _broken_commitment(qtbot, window, work)
        cases = window.open_area("cases")
        settle(qtbot, cases)
        opened = _case_actions(qtbot, cases, found)
        box = QMessageBox(QMessageBox.Warning, "x", "失信信息已超过公示期限（R12）", QMessageBox.Ok, window)
        qtbot.addWidget(box)
        box.show()
        found += marks(box, "message box")
        box.hide()
    finally:
        QApplication.instance().removeEventFilter(hints)
    assert opened >= 5  # the walk reached the dialogs (serve, objection, decide, exit, print…)
    assert found == [], "\n".join(sorted(set(found)))
    # the rule is still there, in the tooltip of the label that lost it
    assert any("R12" in w.toolTip() for w in box.findChildren(QLabel))


def test_a_label_set_after_opening_moves_its_rule_to_the_tooltip(qtbot):
    """The mechanism itself: a label's text changed after its window opened loses its rule mark when it is next
    drawn, and its tooltip gains the rule's title; a label whose text has no mark keeps its tooltip."""
    from credit_desk.gui import rulehints
    hints = rulehints.install(QApplication.instance())
    try:
        window = QWidget()
        qtbot.addWidget(window)
        label, plain = QLabel("—", window), QLabel("—", window)
        plain.move(0, 30)
        plain.setToolTip("own tip")
        window.show()
        qtbot.waitExposed(window)
        label.setText("待审批的失信信息（R9）")
        plain.setText("待审批")
        qtbot.waitUntil(lambda: "R9" not in label.text(), timeout=2000)
    finally:
        QApplication.instance().removeEventFilter(hints)
    assert label.text() == "待审批的失信信息"
    assert "R9" in label.toolTip() and "宽容审慎" in label.toolTip()
    assert plain.toolTip() == "own tip"
