"""Issue 17 item 1, the dashboard on a 1366×768 and a 1280×720 screen: its parts asked for more height than the
window has (the trend chart alone 220 px), so the window cut them — the chart's month labels were half drawn at
1366×768 and gone at 1280×720. Every part of the dashboard is wholly visible at both sizes."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from tests.gui.test_areas import settle


@pytest.mark.parametrize("size", [(1366, 732), (1280, 684)])  # the screens less the window's title bar
def test_dashboard_parts_wholly_visible_on_small_screens(qtbot, auditor_window, shot, size):
    win = auditor_window  # the auditor's area list is the longest (审计 besides the business areas)
    win.resize(*size)
    view = win.open_area("dashboard")
    settle(qtbot, view)
    QApplication.processEvents()
    qtbot.wait(100)
    assert win.height() == size[1]
    chart = view.chart
    shown = chart.visibleRegion().boundingRect()
    assert shown == chart.rect(), (shown, chart.rect())  # the month labels at its foot are drawn
    assert view.minimumSizeHint().height() <= view.height(), (view.minimumSizeHint(), view.size())
    shot(win, f"dashboard_{size[0]}")
