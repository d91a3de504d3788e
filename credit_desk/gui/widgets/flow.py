"""A row of buttons that wraps onto a second line when the window is too narrow for it (att39c: at 800 px, 1024×768
at 125 %, a box layout squeezed every button below its words — 「本人同意公开‥」, 「失信信息（Ctrl」). No button is
ever narrower than its words; items added with ``right=True`` stay at the right end of the last line."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowRow(QLayout):
    """Left-aligned items, line after line; the right-hand group on the last line, right-aligned."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._right_from: int | None = None  # index of the first right-hand item
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addWidget(self, widget: QWidget, right: bool = False) -> None:  # noqa: N802 (Qt's name)
        if right and self._right_from is None:
            self._right_from = len(self._items)
        super().addWidget(widget)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802
        if not 0 <= index < len(self._items):
            return None
        if self._right_from is not None and index < self._right_from:
            self._right_from -= 1
        return self._items.pop(index)

    def expandingDirections(self) -> Qt.Orientations:  # noqa: N802
        return Qt.Orientations(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def _shown(self) -> list[tuple[int, QLayoutItem]]:
        return [(i, it) for i, it in enumerate(self._items) if not it.isEmpty()]

    def sizeHint(self) -> QSize:  # noqa: N802
        """All on one line."""
        shown = [it.sizeHint() for _i, it in self._shown()]
        m = self.contentsMargins()
        width = sum(s.width() for s in shown) + self._gap * max(0, len(shown) - 1)
        height = max((s.height() for s in shown), default=0)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802
        """The widest item whole: a narrower window wraps, it never squeezes a button's words."""
        shown = [it.sizeHint() for _i, it in self._shown()]
        m = self.contentsMargins()
        return QSize(max((s.width() for s in shown), default=0) + m.left() + m.right(),
                     max((s.height() for s in shown), default=0) + m.top() + m.bottom())

    def _lines(self, width: int) -> list[list[tuple[int, QLayoutItem]]]:
        lines: list[list[tuple[int, QLayoutItem]]] = [[]]
        used = 0
        for i, it in self._shown():
            w = it.sizeHint().width()
            if lines[-1] and used + self._gap + w > width:
                lines.append([])
                used = 0
            used += (self._gap if lines[-1] else 0) + w
            lines[-1].append((i, it))
        return lines

    def _arrange(self, rect: QRect, apply: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        y = area.y()
        right_from = len(self._items) if self._right_from is None else self._right_from
        for line in self._lines(area.width()):
            height = max((it.sizeHint().height() for _i, it in line), default=0)
            if apply:
                left = [it for i, it in line if i < right_from]
                right = [it for i, it in line if i >= right_from]
                x = area.x()
                for it in left:
                    it.setGeometry(QRect(QPoint(x, y + (height - it.sizeHint().height()) // 2), it.sizeHint()))
                    x += it.sizeHint().width() + self._gap
                x = area.right() + 1 - sum(it.sizeHint().width() for it in right) - self._gap * max(0, len(right) - 1)
                for it in right:
                    it.setGeometry(QRect(QPoint(x, y + (height - it.sizeHint().height()) // 2), it.sizeHint()))
                    x += it.sizeHint().width() + self._gap
            y += height + self._gap
        return y - self._gap - rect.y() + m.bottom()
