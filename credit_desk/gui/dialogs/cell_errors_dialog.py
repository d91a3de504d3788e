"""An Excel import refused whole: every bad cell listed with its row, column and why (R16, all-or-nothing)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QLabel, QTableWidget, QTableWidgetItem,
                               QVBoxLayout)

_PREFIX = re.compile(r"^第\s*\d+\s*行「[^」]*」列[：:]\s*")


class CellErrorsDialog(QDialog):
    def __init__(self, ctx, file_name: str, problems: list, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import refused — nothing was changed"))
        self.resize(820, 420)
        intro = QLabel(self.tr("%1 was not imported because %2 cell(s) are not right. Correct them in the Excel file "
                               "and import it again; the ledger is unchanged.").replace("%1", file_name)
                       .replace("%2", str(len(problems))))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(problems), 3)
        self.table.setObjectName("cellErrors")
        self.table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Column"), self.tr("What is wrong")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 60)
        self.table.setColumnWidth(1, 260)
        self.table.setWordWrap(True)
        for i, p in enumerate(problems):
            why = _PREFIX.sub("", p.message(ctx.lang)) if ctx.lang != "en" else p.message("en")
            for j, text in enumerate((str(p.row or ""), p.field or "", why)):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addWidget(self.table, 1)
        box.addWidget(buttons)
