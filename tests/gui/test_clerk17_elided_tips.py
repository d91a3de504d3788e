"""Issue 17 item 1 (long names elided): a table cell cut to 「…」 shows its whole text when hovered, in every table —
not only the lists built on the paged models. The credit check's results (a department's list: a long company
name in a column of about 260 px at 1366×768) had no tooltip, so the name could not be read at all; the same held
for the commitment items, interviews, sync, accounts and department tables. run_gui installs one application-wide
filter (gui/elided.py) for it. Screenshot: tests/gui/screenshots/clerk17_elided_tip.png."""

from __future__ import annotations

import random

from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication

from credit_desk.domain import demo
from credit_desk.gui import elided
from credit_desk.gui.main_window import MainWindow

LONG = "清江浦区淮河东路示范园区新能源汽车零部件智能制造科技发展有限责任公司"


def _tips() -> list:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.inherits("QTipLabel")]


def _hover(view, index) -> None:
    spot = view.visualRect(index).center()
    port = view.viewport()
    QApplication.sendEvent(port, QHelpEvent(QEvent.ToolTip, spot, port.mapToGlobal(spot)))


def test_a_cut_cell_shows_its_whole_text_when_hovered(qtbot, qapp, staff, make_ctx, shot):
    tips = elided.install(qapp)  # as run_gui does
    try:
        win = MainWindow(make_ctx(staff["clerk"]))
        qtbot.addWidget(win)
        win.resize(1280, 732)
        win.show()
        view = win.open_area("checks")
        view.department.setText("清江浦区财政局")
        view.purpose.setText("评优评先资格审查")
        view.entries.setPlainText(f"{LONG},{demo.uscc(random.Random(31), '320812')}\n外地公司,"
                                  f"{demo.uscc(random.Random(32), '320812')}")
        view.check_typed()
        qtbot.waitUntil(lambda: view.table.rowCount() == 2, timeout=10_000)
        table = view.table
        cut, whole = table.model().index(0, 1), table.model().index(1, 1)
        assert table.fontMetrics().horizontalAdvance(LONG) > table.columnWidth(1)  # drawn cut to 「…」
        _hover(table, cut)
        qtbot.waitUntil(lambda: bool(_tips()), timeout=3000)
        shot(_tips()[0], "clerk17_elided_tip")
        assert [t.text() for t in _tips()] == [LONG]
        QApplication.sendEvent(table.viewport(), QEvent(QEvent.Leave))
        from PySide6.QtWidgets import QToolTip
        QToolTip.hideText()
        qtbot.waitUntil(lambda: not _tips(), timeout=3000)
        _hover(table, whole)  # 「外地公司」 is shown whole: no tooltip
        qtbot.wait(200)
        assert _tips() == []
    finally:
        qapp.removeEventFilter(tips)
