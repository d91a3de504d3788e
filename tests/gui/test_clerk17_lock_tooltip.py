"""Issue 17 item 2 (R14: an unattended desk shows no data): a tooltip is a window of its own. The subject list
shows a long name cut short with its full name in the tooltip; the clerk hovers a row, then the desk locks (the
menu's 锁定, or the idle lock): the lock hid every window but skipped tooltips, so the full name stayed on screen
above the sign-in box. Screenshot of what was left: tests/gui/screenshots/clerk17_lock_tooltip_left.png."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication

from credit_desk.gui.lock import lock_all
from tests.gui.test_areas import settle


def _tooltips() -> list:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.inherits("QTipLabel")]


def test_r14_lock_leaves_no_tooltip_with_a_name(qtbot, window, shot):
    view = window.open_area("subjects")
    settle(qtbot, view)
    table = view.table
    index = view.model.index(0, 2)
    full = str(index.data())
    assert full.startswith("清江浦区"), full  # a subject's name
    spot = table.visualRect(index).center()
    QApplication.sendEvent(table.viewport(), QHelpEvent(QEvent.ToolTip, spot, table.viewport().mapToGlobal(spot)))
    qtbot.waitUntil(lambda: bool(_tooltips()), timeout=3000)
    assert any(full in t.text() for t in _tooltips())  # the hover shows the full name
    locked = lock_all()
    try:
        qtbot.wait(50)
        left = _tooltips()
        for tip in left:
            shot(tip, "clerk17_lock_tooltip_left")
        assert [t.text() for t in left] == []
        assert not window.isVisible()
    finally:
        locked.unlock()


def test_r14_lock_closes_an_open_menu(qtbot, window, shot):
    """An open menu (a popup of its own) stayed over the sign-in box after the idle lock: it floats above the
    lock and, on X11, holds the keyboard until it is clicked away."""
    from PySide6.QtCore import QPoint
    menu = window.menus["view"]
    menu.popup(window.mapToGlobal(QPoint(60, 20)))
    qtbot.waitUntil(menu.isVisible, timeout=3000)
    locked = lock_all()
    try:
        qtbot.wait(50)
        left = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.inherits("QMenu")]
        for w in left:
            shot(w, "clerk17_lock_menu_left")
        assert left == []
    finally:
        locked.unlock()
