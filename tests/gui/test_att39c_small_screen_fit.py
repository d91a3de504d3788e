"""A newcomer on a small screen (att39c): the main window as large as the screen lets it be — 1366×768 and
1280×720 (the office targets), 1366×768 at 125 % (1093×614 logical) and the older 1024×768 — minus the window
frame. In each area with a list beside a detail panel (名单案件, 信用修复, 文书) the two never lie over each other,
and every button shows its whole words inside the room it is shown in (at 1024×768 and at 125 % the case list
covered the left half of the case's panel, its right column of buttons past the window's edge: 受理异议…, 打印文书…
out of reach)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from tests.gui.fit_checks import overlaps, squeezed
from tests.gui.test_areas import settle

CLIENT = {  # the screen's logical size minus the reserved frame (gui/fit.py FRAME: 4+4 wide, 32+4 high)
    "1366x768": QSize(1358, 732),
    "1280x720": QSize(1272, 684),
    "1366x768_125": QSize(1085, 578),
    "1024x768": QSize(1016, 732),
}


def _at(window, size: QSize) -> None:
    """As gui/fit.py does on a screen of that size: the window's floor lowered to the room, the window capped."""
    window.setMinimumSize(window.minimumSize().boundedTo(size))
    window.resize(size)
    QApplication.processEvents()


@pytest.mark.parametrize("screen", sorted(CLIENT))
@pytest.mark.parametrize("key", ["cases", "repair", "documents"])
def test_list_and_panel_side_by_side_or_stacked_never_over_each_other(qtbot, work_window, shot, screen, key):
    window = work_window
    view = window.open_area(key)
    settle(qtbot, view)
    if hasattr(view, "table") and view.table.model().rowCount():
        view.table.selectRow(0)
    qtbot.wait(300)
    _at(window, CLIENT[screen])
    qtbot.wait(100)
    shot(window, f"att39c_{screen}_{key}")
    assert window.size() == CLIENT[screen]
    assert overlaps(view) == [], (screen, key)
    assert squeezed(view) == [], (screen, key)
