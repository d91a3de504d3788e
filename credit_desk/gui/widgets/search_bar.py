"""Search as you type with its purpose (R14): the text box, the 查询事由 box and a one-line hint."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from credit_desk.gui.ops import Debouncer
from credit_desk.gui.widgets.notice import ERROR_STYLE

DEBOUNCE_MS = 300


class _DownIntoResults(QObject):
    """↓ (or PageDown) in a search box moves the focus into its results, on the first (or current) row."""

    def __init__(self, edit: QLineEdit, results) -> None:
        super().__init__(edit)
        self.results = results
        edit.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.KeyPress and event.key() in (Qt.Key_Down, Qt.Key_PageDown):
            model = self.results.model()
            if model is None or model.rowCount() == 0:
                return False
            if not self.results.currentIndex().isValid():
                self.results.setCurrentIndex(model.index(0, 0))
            self.results.setFocus(Qt.OtherFocusReason)
            return True
        return False


def down_into(edit: QLineEdit, results) -> None:
    """Let ↓ from ``edit`` reach the results view (issue 17 item 10: keyboard users never need the mouse)."""
    edit._down_into = _DownIntoResults(edit, results)


class SearchBar(QWidget):
    """Emits ``searchRequested(text, purpose)`` once typing pauses; the view logs and runs the search."""

    searchRequested = Signal(str, str)

    def __init__(self, ctx, placeholder: str, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.edit = QLineEdit()
        self.edit.setObjectName("search")
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(True)
        self.edit.setMinimumWidth(260)
        self.purpose = QComboBox()
        self.purpose.setObjectName("purpose")
        self.purpose.setEditable(True)
        self.purpose.setMinimumWidth(200)
        self.purpose.addItems(ctx.recent_purposes())
        self.purpose.lineEdit().setPlaceholderText(self.tr("Purpose of the search (required)"))
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setStyleSheet(ERROR_STYLE)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Search")))
        row.addWidget(self.edit, 2)
        row.addWidget(QLabel(self.tr("Purpose")))
        row.addWidget(self.purpose, 1)
        row.addWidget(self.hint, 2)
        self.debounce = Debouncer(self._fire, DEBOUNCE_MS, self)
        self.edit.textChanged.connect(self.debounce.poke)
        self.purpose.currentTextChanged.connect(self._purpose_changed)

    def lead_to(self, results) -> None:
        """↓ in the search box moves into ``results`` (a table or list view)."""
        down_into(self.edit, results)

    def text(self) -> str:
        return self.edit.text().strip()

    def purpose_text(self) -> str:
        return self.purpose.currentText().strip()

    def focus(self) -> None:
        self.edit.setFocus()
        self.edit.selectAll()

    def show_hint(self, text: str) -> None:
        self.hint.setText(text)

    def _purpose_changed(self, _text: str) -> None:
        if self.text():
            self.debounce.poke()

    def fire_now(self) -> None:
        self.debounce._timer.stop()
        self._fire()

    def _fire(self) -> None:
        self.hint.clear()
        self.searchRequested.emit(self.text(), self.purpose_text())
