"""Issue 13 (lawyer law13): the 文书 register offers a copy (副本) only of a document in force — not of a voided
number, a document withdrawn with a wrongful listing, or a prior notice superseded by a new one
(domain.procedure.check_r5_reprintable, R5 / R12 way 1)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel

from credit_desk.services import documents
from tests.gui.test_areas import settle


def _select(view, number: str) -> None:
    row = next(r for r in range(view.model.rowCount()) if view.model.row(r)["number"] == number)
    view.table.selectionModel().select(view.model.index(row, 0), QItemSelectionModel.ClearAndSelect
                                       | QItemSelectionModel.Rows)


def test_r5_register_offers_no_reprint_of_a_voided_document(qtbot, work_window, work):
    view = work_window.open_area("documents")
    settle(qtbot, view)
    issued = [view.model.row(r)["number"] for r in range(view.model.rowCount())
              if view.model.row(r)["status"] == "issued"]
    assert issued
    number = issued[0]
    _select(view, number)
    assert view.reprint_button.isEnabled()  # a document in force: its copy is offered
    documents.void_numbers(work["staff"]["boss"], [number], "纸张打印错误，作废")
    view.refresh()
    settle(qtbot, view)
    qtbot.waitUntil(lambda: any(view.model.row(r)["number"] == number and view.model.row(r)["status"] == "voided"
                                for r in range(view.model.rowCount())), timeout=5000)
    _select(view, number)
    assert not view.reprint_button.isEnabled()  # R5: no copy of a voided number is offered
