"""Issue 17 item 3: no rule number on a window's title bar either — the approval dialog was titled
「待审批的失信信息（R9）」 although its button in the records area already read 「待审批…」 (RuleHints moved the
marks of labels, buttons and group titles, not of titles)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QApplication, QDialog

from credit_desk.gui import rulehints
from credit_desk.gui.dialogs.approval_dialog import ApprovalDialog
from tests.gui.conftest import when_modal
from tests.gui.test_areas import settle

MARK = re.compile(r"R\d+")


def test_r9_approval_dialog_title_has_no_rule_number(qtbot, clerk_window, shot):
    hints = rulehints.install(QApplication.instance())  # as run_gui does
    try:
        view = clerk_window.open_area("records")
        settle(qtbot, view)
        seen = {}

        def look(dlg: ApprovalDialog):
            seen["title"] = dlg.windowTitle()
            shot(dlg, "approval_dialog_title")
            dlg.reject()
        when_modal(qtbot, ApprovalDialog, look)
        button = next(b for b in view.findChildren(__import__("PySide6.QtWidgets", fromlist=["x"]).QPushButton)
                      if b.isVisible() and b.text().startswith("待审批"))
        button.click()
        assert seen["title"] and not MARK.search(seen["title"]), seen["title"]
        assert seen["title"].startswith("待审批")
        later = QDialog(clerk_window)  # a title set while the window is up loses its mark too
        later.show()
        later.setWindowTitle("异议（R19）")
        QApplication.processEvents()
        assert later.windowTitle() == "异议", later.windowTitle()
        later.close()
    finally:
        QApplication.instance().removeEventFilter(hints)


def test_r12_way_mark_leaves_the_label_in_english_too(qtbot):
    """English mode showed 「… wrongful (R12 way 1); …」 in the objection reply dialog: the mark's English form
    was not recognised (the Chinese 「（R12 第一种方式）」 was)."""
    from PySide6.QtWidgets import QLabel
    assert rulehints.split("proposes its withdrawal as wrongful (R12 way 1); a second") == \
        ("proposes its withdrawal as wrongful; a second", [12])
    assert rulehints.split("即提出误列撤销（R12 第一种方式）；须由") == ("即提出误列撤销；须由", [12])
    hints = rulehints.install(QApplication.instance())
    try:
        label = QLabel("Revoking a listing proposes its withdrawal as wrongful (R12 way 1); a second senior person "
                       "approves it.")
        qtbot.addWidget(label)
        label.show()
        QApplication.processEvents()
        assert not MARK.search(label.text()), label.text()
        assert "R12" in label.toolTip()
    finally:
        QApplication.instance().removeEventFilter(hints)


def test_r4_rule_before_a_citation_in_one_bracket_leaves_the_label(qtbot):
    """The department form's hint read 「乡镇（街道）不能认定任何名单（R4，发改财金规〔2017〕1798号（六））。」: a rule
    followed by a cited document in the same bracket kept its number; the citation stays, the rule goes."""
    assert rulehints.split("乡镇（街道）不能认定任何名单（R4，发改财金规〔2017〕1798号（六））。") == \
        ("乡镇（街道）不能认定任何名单（发改财金规〔2017〕1798号（六））。", [4])
    assert rulehints.split("停止公示（R13；发改财金规〔2017〕1798号（十一））。") == \
        ("停止公示（发改财金规〔2017〕1798号（十一））。", [13])
    assert rulehints.split("kept (R14, R15, R22; 苏府办〔2020〕232号 (三))") == ("kept (苏府办〔2020〕232号 (三))", [14, 15, 22])
