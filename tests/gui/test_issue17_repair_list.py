"""Issue 17 items 1 and 3, the credit-repair area: at 1366×768 and at 1280×720 the list beside the panel cut the
received date to 「2026-11…」 and the subject to 「清江浦区润…」 (widths fixed in pixels, squeezed by the panel); in
English mode its state and tier read 「已受理」「一般」 (the service's Chinese). Number, state and the dates are
whole, no horizontal scroll bar, and English mode shows English words."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from tests.gui.test_areas import settle


def _cut(view) -> list[str]:
    from credit_desk.gui.views.repair_view import KEY_COLUMNS
    t = view.table
    metrics, room, out = t.fontMetrics(), t.viewport().width(), []
    if t.horizontalScrollBar().isVisible():
        out.append("horizontal scroll bar")
    for c in KEY_COLUMNS:
        if t.isColumnHidden(c) or t.columnViewportPosition(c) + t.columnWidth(c) > room:
            out.append(f"column {c} not wholly shown")
        for r in range(t.rowCount()):
            text = t.item(r, c).text()
            if metrics.horizontalAdvance(text) + 8 > t.columnWidth(c):
                out.append(f"column {c}: {text!r} cut to {t.columnWidth(c)} px")
    return out


@pytest.mark.parametrize("size", [(1366, 738), (1280, 690)])  # the screens less the title bar and task bar
def test_r13_repair_list_keeps_its_dates_whole_on_small_screens(qtbot, work_window, shot, size):
    work_window.resize(*size)
    view = work_window.open_area("repair")
    settle(qtbot, view)
    qtbot.waitUntil(lambda: view.table.rowCount() > 0, timeout=5000)
    QApplication.processEvents()
    qtbot.wait(100)
    assert _cut(view) == []
    shot(work_window, f"repair_list_{size[0]}")


def test_r13_repair_list_in_english_shows_english_words(qtbot, english, work, make_ctx):
    from credit_desk.gui.main_window import MainWindow
    win = MainWindow(make_ctx(work["staff"]["boss"]))
    qtbot.addWidget(win)
    win.resize(1366, 738)
    win.show()
    view = win.open_area("repair")
    qtbot.waitUntil(lambda: view.table.rowCount() > 0, timeout=5000)
    cells = [view.table.item(0, c).text() for c in (2, 4)]
    assert cells == ["Accepted", "General"], cells
    assert "已受理" not in view.heading.text() and "窗口" not in view.detail.text() \
        and "一般" not in view.detail.text(), (view.heading.text(), view.detail.text())
    win.close()
