"""An Excel import refused whole: every bad cell listed with its row, column and why (R16, all-or-nothing).

Issue 18: thousands of bad cells open at once — a model/view with rows of a fixed height (two lines: measuring every
row's wrapped height froze the window 0.6–0.8 s for 3,000 cells); the selected cell's reason in full below the list,
and the whole list copies out (Ctrl+C the selected rows, 复制全部 every row) to paste into the department's sheet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView,
                               QVBoxLayout)

from credit_desk.gui.models.cell_errors_model import CellErrorsModel

LINES_PER_ROW = 2


class _CellsTable(QTableView):
    """Ctrl+C copies the selected rows whole (the item view's own copy takes only the current cell)."""

    def __init__(self, copy, parent=None) -> None:
        super().__init__(parent)
        self._copy = copy

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.Copy):
            return self._copy()
        return super().keyPressEvent(event)


class CellErrorsDialog(QDialog):
    def __init__(self, ctx, file_name: str, problems: list, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import refused — nothing was changed"))
        self.resize(900, 480)
        intro = QLabel(self.tr("%1 was not imported because %2 cell(s) are not right. Correct them in the Excel file "
                               "and import it again; the ledger is unchanged.").replace("%1", file_name)
                       .replace("%2", str(len(problems))))
        intro.setWordWrap(True)
        self.model = CellErrorsModel(problems, ctx.lang, [self.tr("Row"), self.tr("Column"), self.tr("What is wrong")],
                                     self)
        self.table = self._table()
        self.detail = QLabel()
        self.detail.setObjectName("cellErrorDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _old: self._show_detail(cur.row()))
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addWidget(self.table, 1)
        box.addWidget(self.detail)
        box.addWidget(self._buttons())

    def _table(self) -> QTableView:
        table = _CellsTable(self.copy_selected, self)
        table.setObjectName("cellErrors")
        table.setModel(self.model)
        table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectRows)
        table.setWordWrap(True)
        table.setTextElideMode(Qt.ElideRight)
        rows = table.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.Fixed)  # never measured row by row (issue 18)
        rows.setDefaultSectionSize(table.fontMetrics().lineSpacing() * LINES_PER_ROW + 8)
        table.horizontalHeader().setStretchLastSection(True)
        table.setColumnWidth(0, 60)
        table.setColumnWidth(1, 200)
        return table

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Close"))
        copy = buttons.addButton(self.tr("Copy all"), QDialogButtonBox.ActionRole)
        copy.setToolTip(self.tr("Every bad cell as lines to paste into Excel: row, column, what is wrong"))
        copy.clicked.connect(self.copy_all)
        buttons.rejected.connect(self.reject)
        return buttons

    def _show_detail(self, row: int) -> None:
        if row < 0:
            return self.detail.clear()
        self.detail.setText(self.model.texts(row)[2])  # the row and column are beside it, selected

    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText(self.model.as_lines())

    def copy_selected(self) -> None:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        if rows:
            QGuiApplication.clipboard().setText(self.model.as_lines(rows))

    # --- what the tests read ---
    def rows(self) -> int:
        return self.model.rowCount()

    def row_texts(self, row: int) -> tuple[str, str, str]:
        return self.model.texts(row)

    def headers(self) -> list[str]:
        return list(self.model.headers)
