"""fix18f: a count's words in English and Chinese — "1 record", not "1 records"; 「共 1 条」 unchanged. Real widgets
offscreen, a real Ops pool, the seeded ledger; the count read is replaced to give the number wanted."""

from __future__ import annotations

import pytest

from credit_desk.gui.views.records_view import RecordsView
from credit_desk.gui.views.subjects_view import SubjectsView
from credit_desk.services import browse
from tests.gui.conftest import wait_ops_idle


@pytest.mark.parametrize("view_class,count_name,one,many", [
    (RecordsView, "records_count", "1 record", "records"),
    (SubjectsView, "subjects_count", "1 subject", "subjects")])
def test_fix18f_an_english_count_of_one_is_singular(qtbot, seeded, make_ctx, monkeypatch, english, view_class,
                                                    count_name, one, many):
    """fix18f: the English count beside the lists read "1 records" / "1 subjects"; the Chinese 「共 1 条」 is
    unchanged (the next test)."""
    ctx = make_ctx(seeded)
    ctx.ops.lang = "en"
    view = view_class(ctx, "list")
    qtbot.addWidget(view)
    wait_ops_idle(qtbot, ctx.ops)
    for n, expected in ((1, one), (0, f"0 {many}"), (2, f"2 {many}"), (1234, f"1,234 {many}")):
        monkeypatch.setattr(browse, count_name, lambda *_a, n=n, **_k: n)
        view._count()
        qtbot.waitUntil(lambda: "…" not in view.count.text(), timeout=10_000)
        assert view.count.text() == expected


@pytest.mark.parametrize("view_class,count_name,zh", [(RecordsView, "records_count", ["共 1 条", "共 2 条"]),
                                                      (SubjectsView, "subjects_count", ["共 1 个主体", "共 2 个主体"])])
def test_fix18f_a_chinese_count_of_one_is_unchanged(qtbot, seeded, make_ctx, monkeypatch, view_class, count_name, zh):
    ctx = make_ctx(seeded)
    view = view_class(ctx, "list")
    qtbot.addWidget(view)
    wait_ops_idle(qtbot, ctx.ops)
    for n, expected in zip((1, 2), zh):
        monkeypatch.setattr(browse, count_name, lambda *_a, n=n, **_k: n)
        view._count()
        qtbot.waitUntil(lambda: "…" not in view.count.text(), timeout=10_000)
        assert view.count.text() == expected


def test_fix18f_an_english_dashboard_says_one_open_deadline(qtbot, seeded, make_ctx, monkeypatch, english):
    """fix18f: the due list's summary read "1 open deadlines, 0 overdue" in English."""
    import datetime as dt
    from credit_desk.domain.due import DueItem
    from credit_desk.gui.views.dashboard_view import DashboardView
    from credit_desk.services import due
    ctx = make_ctx(seeded)
    ctx.ops.lang = "en"
    view = DashboardView(ctx, "Dashboard")
    qtbot.addWidget(view)
    wait_ops_idle(qtbot, ctx.ops)
    one = DueItem(kind="objection_reply", object_type="case", object_id=1, due_date=dt.date(2026, 1, 5),
                  overdue=True, label_zh="异议答复", label_en="Objection reply")
    for items, expected in (([one], "1 open deadline, 1 overdue"), ([one, one], "2 open deadlines, 2 overdue")):
        monkeypatch.setattr(due, "due_items", lambda *_a, items=items, **_k: items)
        view.refresh()
        wait_ops_idle(qtbot, ctx.ops)
        assert view.due_summary.text() == expected
