"""R20 in the objections list: a reply date counted on weekends only (its year without holiday data) is marked ⚠
with the R20 sentence as its tooltip, as in the 双公示 register and the repair list; the list showed the bare date."""

from __future__ import annotations

from PySide6.QtCore import Qt

from credit_desk.domain import workcal
from credit_desk.services import objections
from tests.gui.conftest import CLOCK
from tests.gui.test_issue13_decide_offer import _served

TODAY = CLOCK.date()


def test_r20_the_objections_list_marks_a_reply_date_counted_without_holidays(qtbot, staff, make_ctx, monkeypatch,
                                                                            shot):
    from credit_desk.gui.views.objections_view import ObjectionsView
    from tests.gui.test_areas import settle
    monkeypatch.setattr(workcal, "LIBRARY_YEARS", range(2004, TODAY.year))  # the clock's year has no data here
    cid, _ = _served(staff)
    clerk = staff["clerk"]
    oid = objections.add_objection(clerk, target="case", target_id=cid, received_on=TODAY,
                                   grounds="情节轻微，已整改").id
    view = ObjectionsView(make_ctx(clerk), "异议")
    qtbot.addWidget(view)
    settle(qtbot, view)
    row = next(i for i in range(view.model.rowCount()) if view.model.row(i)["id"] == oid)
    index = view.model.index(row, view.model.KEYS.index("due_on"))
    assert view.model.data(index, Qt.DisplayRole).endswith(" ⚠")
    assert f"{TODAY.year}年的法定节假日安排尚未载入" in view.model.data(index, Qt.ToolTipRole)
    received = view.model.index(row, view.model.KEYS.index("received_on"))
    assert "⚠" not in view.model.data(received, Qt.DisplayRole)  # only the stored deadline is marked
    view.resize(1280, 320)
    shot(view, "r20_objection_reply_date_warning")
