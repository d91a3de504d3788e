"""Issue 17 (a new clerk at 1366×768): the case print dialog's 异议 drop-down showed 「（不需要」 — Qt sizes a combo box
by the ink of its entries, and a full-width bracket's ink fills half its cell. The screen fitter every window
passes through before it is first shown (gui/fit.py, installed by run_gui) widens such a box by what was missing."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from credit_desk.gui import fit
from credit_desk.gui.dialogs.print_dialog import CasePrintDialog
from credit_desk.services import cases
from tests.gui.conftest import CLOCK
from tests.gui.seed_work import seed_cases


def _room_for_text(box: QComboBox) -> bool:
    """The box is as wide as Qt's own size for it plus what measuring by ink left out of its widest entry."""
    fm = box.fontMetrics()
    missing = max((fm.horizontalAdvance(box.itemText(i)) - fm.boundingRect(box.itemText(i)).width()
                   for i in range(box.count())), default=0)
    return box.width() >= box.sizeHint().width() + missing


def test_every_drop_down_of_the_print_dialog_shows_its_whole_entry(qtbot, qapp, staff, make_ctx, shot):
    fitter = fit.install(qapp)  # as run_gui does
    try:
        cid = seed_cases(staff, CLOCK)["listed"]
        ctx = make_ctx(staff["boss"])
        dlg = CasePrintDialog(ctx, cases.get_case(staff["boss"], cid, "打印案件文书"))
        qtbot.addWidget(dlg)
        dlg.show()
        qtbot.wait(50)
        box = dlg.fields["objection"]
        assert box.currentText() == "（不需要）"
        fm = box.fontMetrics()
        missing = fm.horizontalAdvance("（不需要）") - fm.boundingRect("（不需要）").width()
        assert missing > 0  # the fault this guards against is real in this font
        for combo in dlg.findChildren(QComboBox):
            assert _room_for_text(combo), combo.objectName()
        shot(dlg, "print_dialog_objection_box")
    finally:
        qapp.removeEventFilter(fitter)
