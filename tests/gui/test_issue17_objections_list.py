"""Issue 17 item 1, the objections area in English at 1280×720: the stage column read 「To the …」 and 「To the
pri…」 (widths fixed in pixels for the Chinese words). Number, object, code, stage, dates and state are as wide as
their longest word in either language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from credit_desk.gui.views.objections_view import ObjectionsView
from tests.gui.test_areas import settle


def _cut(view) -> list[str]:
    t, model = view.table, view.model
    metrics, room, out = t.fontMetrics(), t.viewport().width(), []
    for c in ObjectionsView.KEY_COLUMNS:
        if t.isColumnHidden(c) or t.columnViewportPosition(c) + t.columnWidth(c) > room:
            out.append(f"column {c} not wholly shown")
        for r in range(model.rowCount()):
            text = str(model.index(r, c).data(Qt.DisplayRole) or "")
            if metrics.horizontalAdvance(text) + 8 > t.columnWidth(c):
                out.append(f"column {c}: {text!r} cut to {t.columnWidth(c)} px")
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_r19_objection_list_keeps_its_key_columns_whole_at_1280(qtbot, request, work, make_ctx, shot, lang):
    from credit_desk.gui.main_window import MainWindow
    if lang == "en":
        request.getfixturevalue("english")
    win = MainWindow(make_ctx(work["staff"]["boss"]))
    qtbot.addWidget(win)
    win.resize(1280, 690)
    win.show()
    view = win.open_area("objections")
    settle(qtbot, view)
    qtbot.waitUntil(lambda: view.model.rowCount() >= 2, timeout=5000)
    QApplication.processEvents()
    assert _cut(view) == []
    shot(win, f"objections_1280_{lang}")
    win.close()
