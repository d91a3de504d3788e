"""R20 in the repair list: a finish date counted on weekends only (its year without holiday data) is marked ⚠ with
the R20 sentence as its tooltip; the list showed the bare date."""

from __future__ import annotations

from credit_desk.domain import workcal
from credit_desk.services import repairs
from tests.gui.conftest import CLOCK
from tests.gui.test_issue16_actions import DAY, _company, _penalty

TODAY = CLOCK.date()


def test_r20_the_repair_list_marks_a_finish_date_counted_without_holidays(qtbot, staff, make_ctx, monkeypatch, shot):
    from credit_desk.gui.views.repair_view import COLUMNS, RepairView
    monkeypatch.setattr(workcal, "LIBRARY_YEARS", range(2004, TODAY.year))  # the clock's year has no data here
    clerk = staff["clerk"]
    sid = _company(clerk, 20001)
    rec = _penalty(clerk, sid, TODAY - 200 * DAY, "清市监罚〔2026〕20001号")
    out = repairs.apply_repair(clerk, subject_id=sid, applicant="法定代表人 陈明", channel="window",
                               record_ids=[rec.id], materials=["proof"])
    view = RepairView(make_ctx(clerk), "信用修复")
    qtbot.addWidget(view)
    row = next(i for i, r in enumerate(view.rows) if r["id"] == out["id"])
    item = view.table.item(row, COLUMNS.index("finish_due"))
    assert item.text().endswith(" ⚠"), item.text()
    assert f"{TODAY.year}年的法定节假日安排尚未载入" in item.toolTip()
    shot(view, "r20_repair_finish_date_warning")
