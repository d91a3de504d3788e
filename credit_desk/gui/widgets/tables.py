"""Table set-up shared by the list views: lazy model, sort only where the model allows it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def make_table(model, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setSelectionMode(QAbstractItemView.SingleSelection)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.Interactive)
    header.setStretchLastSection(True)
    header.setSectionsClickable(True)
    header.setSortIndicatorShown(True)
    header.setSortIndicator(_section_of(model), Qt.DescendingOrder if model.descending else Qt.AscendingOrder)
    header.sectionClicked.connect(lambda col: _clicked(view, model, col))
    return view


def _section_of(model) -> int:
    for col, key in model.SORTS.items():
        if key == model.sort_key:
            return col
    return 0


def _clicked(view: QTableView, model, col: int) -> None:
    """Sort by an indexed column; other columns keep the current order (and its indicator)."""
    header = view.horizontalHeader()
    if col in model.SORTS:
        model.sort(col, header.sortIndicatorOrder())
    else:
        header.blockSignals(True)
        header.setSortIndicator(_section_of(model), Qt.DescendingOrder if model.descending else Qt.AscendingOrder)
        header.blockSignals(False)


def set_widths(view: QTableView, widths: list[int]) -> None:
    for i, w in enumerate(widths):
        view.setColumnWidth(i, w)
