"""The bad cells of a refused import (R16, R21): row, column, why — one text per cell, read only when painted.

Issue 18: a QTableWidget item per cell, with every row's word-wrapped height measured on the GUI thread, froze the
window 0.6–0.8 s for 3,000 cells; a model hands the view only the rows it paints."""

from __future__ import annotations

import re

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

# "第 N 行「列」列：" repeats what the first two columns say (the clean-up ledger's and the record import's cells)
_PREFIX = re.compile(r"^第\s*\d+\s*行「[^」]*」列[：:]\s*")


def cell_texts(problem, lang: str) -> tuple[str, str, str]:
    """(row, column, why) of one bad cell, in the clerk's language."""
    why = problem.message("en") if lang == "en" else _PREFIX.sub("", problem.message(lang))
    return str(problem.row or ""), problem.field or "", why


class CellErrorsModel(QAbstractTableModel):
    def __init__(self, problems: list, lang: str, headers: list[str], parent=None) -> None:
        super().__init__(parent)
        self.problems, self.lang, self.headers = problems, lang, headers

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.problems)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def texts(self, row: int) -> tuple[str, str, str]:
        return cell_texts(self.problems[row], self.lang)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or role not in (Qt.DisplayRole, Qt.ToolTipRole):
            return None
        if role == Qt.ToolTipRole and index.column() != 2:
            return None
        return self.texts(index.row())[index.column()]

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.headers[section]
        return None

    def as_lines(self, rows=None) -> str:
        """Tab-separated lines, the header first (what Ctrl+C and 复制全部 put on the clipboard, for Excel)."""
        rows = range(len(self.problems)) if rows is None else rows
        lines = ["\t".join(self.headers)] + ["\t".join(t.replace("\t", " ").replace("\n", " ")
                                                      for t in self.texts(r)) for r in rows]
        return "\n".join(lines) + "\n"
