"""R20 in the case panel: an objection window counted on weekends only (its year without holiday data) says so
beside the date — the panel showed the bare date, and the warning only on the due list."""

from __future__ import annotations

from credit_desk.domain import workcal
from tests.gui.test_areas import settle
from tests.gui.test_staff_names import _served_case


def test_r20_the_case_panel_warns_beside_a_window_counted_without_holidays(qtbot, staff, clerk_window, monkeypatch,
                                                                          shot):
    year = staff["clerk"].desk.today().year
    monkeypatch.setattr(workcal, "LIBRARY_YEARS", range(2004, year))  # this year has no data here
    _served_case(staff["clerk"])
    view = clerk_window.open_area("cases")
    settle(qtbot, view)
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.panel.case is not None)
    label = view.panel.fact_labels["window"]
    assert "⚠ 未按法定节假日安排计算" in label.text(), label.text()
    assert f"{year}年的法定节假日安排尚未载入" in label.toolTip(), label.toolTip()
    shot(view.panel, "r20_case_panel_window_warning")
