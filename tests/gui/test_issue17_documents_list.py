"""Issue 17 items 1 and 3, the 文书 register at 1280×720 (the head's window on a working office): every number was
cut to 「清信修告…」 beside the preview, and the 「所涉对象」 column showed internal codes in Chinese mode
(「admin_de…」「supervisi…」「repair 1」). Numbers and dates are whole; every object reads as words."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QApplication

from credit_desk.gui.views.documents_view import DocumentsView
from tests.gui.test_areas import settle


def test_r14_document_register_numbers_whole_and_objects_in_words_at_1280(qtbot, work_window, shot):
    work_window.resize(1280, 690)
    view = work_window.open_area("documents")
    settle(qtbot, view)
    qtbot.waitUntil(lambda: view.model.rowCount() >= 5, timeout=5000)
    QApplication.processEvents()
    t, model = view.table, view.model
    metrics, room = t.fontMetrics(), t.viewport().width()
    cut = []
    for c in DocumentsView.KEY_COLUMNS:
        if t.isColumnHidden(c) or t.columnViewportPosition(c) + t.columnWidth(c) > room:
            cut.append(f"column {c} not wholly shown")
        cut += [f"column {c}: {model.index(r, c).data()!r} cut" for r in range(model.rowCount())
                if metrics.horizontalAdvance(str(model.index(r, c).data())) + 8 > t.columnWidth(c)]
    assert cut == []
    assert not t.horizontalScrollBar().isVisible()
    about = {str(model.index(r, 3).data()) for r in range(model.rowCount())}
    assert [a for a in about if re.search(r"[A-Za-z]", a)] == [], about   # no internal code in Chinese mode
    assert any(a.startswith("行政处罚决定") for a in about) and any(a.startswith("信用修复申请") for a in about), about
    shot(work_window, "documents_1280")
