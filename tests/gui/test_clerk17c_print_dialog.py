"""Issue 17 item 7, seen by a new county clerk in Xvfb (clerk17): printing a draft case's prior notice a second
time (the first preview closed, one more copy wanted) took a new number — 沭市监信告〔2026〕2号 — and left 1号
standing as issued for the same case in the register, with nothing on the print form saying so. The form now
names the case's notice of that type already issued and where one more copy is made (重印（副本） in 文书)."""

from __future__ import annotations

from credit_desk.gui.dialogs.print_dialog import CasePrintDialog
from credit_desk.services import cases, document_sources, documents
from tests.gui.test_withdrawal_path import _listed


def test_the_print_form_names_the_cases_notice_already_issued(qtbot, staff, make_ctx, shot):
    clerk = staff["clerk"]
    cid = _listed(staff)
    issued = documents.issue(clerk, "listing_decision", [document_sources.item_for(
        clerk, "listing_decision", case_id=cid, purpose="打印决定书")])[0]["number"]
    dlg = CasePrintDialog(make_ctx(clerk), cases.get_case(clerk, cid, "打印决定书"))
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.fields["doc_type"].setCurrentIndex(dlg.fields["doc_type"].findData("listing_decision"))
    note = dlg.issued_note
    assert note.isVisible() and issued in note.text() and "重印（副本）" in note.text(), note.text()
    shot(dlg, "clerk17c_print_already_issued")
    others = [dlg.fields["doc_type"].itemData(i) for i in range(dlg.fields["doc_type"].count())]
    other = next(t for t in others if t != "listing_decision" and t not in dlg.issued)
    dlg.fields["doc_type"].setCurrentIndex(dlg.fields["doc_type"].findData(other))
    assert not note.isVisible() and not note.text()
