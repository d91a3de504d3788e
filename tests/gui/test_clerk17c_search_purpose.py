"""R14 (查询使用登记), seen by a new county clerk in Xvfb (clerk17): the purpose box beside every search (主体, 失信信息,
the subject picker of a new record or case) opened filled with the user's last purpose — after a record was entered,
the program's own 「立案或录入失信信息后的联合惩戒比对」 — so typing a name logged the search under a purpose the
clerk never gave (clerk17b fixed the same in the purpose dialog, not in the search bars). Each search bar now starts
empty; the recent purposes wait in its list, and a search with no purpose is not run."""

from __future__ import annotations

from credit_desk.gui.dialogs.subject_picker_dialog import SubjectPickerDialog
from credit_desk.services import browse
from tests.gui.test_areas import settle


def _searches(session) -> list:
    return session.ledger.query("SELECT purpose FROM audit WHERE action = 'subject.search' ORDER BY id")


def test_r14_every_search_bar_starts_without_a_purpose_the_recent_ones_offered(qtbot, window, make_ctx):
    browse.log_search(window.session, "subjects", "淮安", "办理信用修复申请")  # the user's last purpose
    for area in ("subjects", "records"):
        view = window.open_area(area)
        settle(qtbot, view)
        bar = view.search
        assert bar.purpose_text() == "", (area, bar.purpose_text())
        assert "办理信用修复申请" in [bar.purpose.itemText(i) for i in range(bar.purpose.count())]
    picker = SubjectPickerDialog(make_ctx(window.session), "新认定案件涉及哪个主体？")
    qtbot.addWidget(picker)
    assert picker.search.purpose_text() == ""
    # typing a name with no purpose logs nothing and runs nothing
    before = len(_searches(window.session))
    view = window.open_area("subjects")
    view.search.edit.setText("清江浦")
    qtbot.wait(900)  # past the typing pause
    assert len(_searches(window.session)) == before
    assert "事由" in view.search.hint.text(), view.search.hint.text()
