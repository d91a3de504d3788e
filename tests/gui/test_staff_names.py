"""Issue 17 (a new clerk's review): 起草人 and 打印人 showed login names (clerk1) where the office knows its staff by
name (王经办). Lists and the case panel now show the colleague's name; the login stays in the audit trail."""

from __future__ import annotations

from credit_desk.services import browse, cases
from credit_desk.services.browse import PageSpec
from tests.gui.seed_work import subjects_with_records
from tests.gui.test_areas import settle


def _served_case(clerk) -> int:
    sid, rid = subjects_with_records(clerk, 1)[0]
    c = cases.open_case(clerk, subject_id=sid, list_type="black", record_ids=[rid], department="县市场监督管理局",
                        department_level="county", domain="市场监管", ground="b",
                        standard="《中华人民共和国产品质量法》第四十九条", standard_kind="law")
    cases.serve_notice(clerk, c.id, served_on=clerk.desk.today())
    return c.id


def test_case_panel_and_register_show_the_colleagues_name_not_the_login(qtbot, staff, clerk_window):
    clerk = staff["clerk"]
    _served_case(clerk)
    view = clerk_window.open_area("cases")
    settle(qtbot, view)
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.panel.case is not None)
    assert view.panel.fact_labels["drafted"].text() == "王经办"

    reader = browse.Reader(clerk, size=1)
    try:
        rows = browse.documents_page(clerk, reader, PageSpec("id", False, None, 50))
    finally:
        reader.close()
    mine = [r for r in rows if r["printed_by"] == "clerk1"]
    assert mine and {r["printed_by_name"] for r in mine} == {"王经办"}
    docs = clerk_window.open_area("documents")
    settle(qtbot, docs)
    column = docs.model.KEYS.index("printed_by_name")
    shown = {docs.model.index(i, column).data() for i in range(docs.model.rowCount())}
    assert "王经办" in shown and "clerk1" not in shown


def test_a_login_without_an_account_left_is_shown_as_it_is(staff):
    assert browse.staff_name(staff["clerk"], "gone-user") == "gone-user"
    assert browse.staff_name(staff["clerk"], None) == ""
