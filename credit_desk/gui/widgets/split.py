"""A list beside its detail panel that stacks them, the list above, when the window is too narrow for both side by
side (att39c: at 1024×768, and at 1366×768 with 125 % scaling, the case list kept the width of its key columns and
the case's panel its own, more than the window had: Qt's splitter laid the list over the panel's left half and
pushed its right column of buttons past the window's edge)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QWidget


class ListPanelSplitter(QSplitter):
    """Side by side while the width holds both parts' minimum widths; otherwise one above the other."""

    LIST_SHARE = 0.4  # of the height, for the list, when stacked

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Horizontal, parent)
        self.setObjectName(name)
        self.setChildrenCollapsible(False)
        self._floors: dict[int, int] = {}  # a part's own minimum width, lowered while stacked on a narrower screen

    def _parts(self) -> list[QWidget]:
        return [self.widget(i) for i in range(self.count())]

    def side_by_side_need(self) -> int:
        """The width both parts need side by side, and the handle between them."""
        mins = [max(self._floors.get(i, 0), p.minimumSizeHint().expandedTo(p.minimumSize()).width())
                for i, p in enumerate(self._parts())]
        return sum(mins) + self.handleWidth() * max(0, len(mins) - 1)

    def _fit_floors(self, width: int) -> None:
        """Stacked, no part asks for more than the width there is (at 800 px the case list's key columns: the list
        scrolls sideways rather than lying past the window's edge); side by side, each part's own floor again."""
        for i, part in enumerate(self._parts()):
            own = max(self._floors.get(i, 0), part.minimumWidth())
            if self.orientation() == Qt.Vertical and own > width:
                self._floors[i] = own
                part.setMinimumWidth(width)
            elif i in self._floors:
                part.setMinimumWidth(self._floors.pop(i))

    def resizeEvent(self, event) -> None:
        width = event.size().width()
        wanted = Qt.Horizontal if width >= self.side_by_side_need() else Qt.Vertical
        if wanted != self.orientation():
            self.setOrientation(wanted)
            if wanted == Qt.Vertical:
                top = int(event.size().height() * self.LIST_SHARE)
                self.setSizes([top, event.size().height() - top])
        self._fit_floors(width)
        if wanted == Qt.Horizontal and self.sizes() and self.sizes()[0] < self.widget(0).minimumWidth():
            first = self.widget(0).minimumWidth()
            self.setSizes([first, width - first])
        super().resizeEvent(event)

def side_scroll(panel: QWidget) -> QScrollArea:
    """A detail panel beside a list, scrolling down when the window is low: at 1280×720 in English the case's
    wrapped facts (decision number and date, validity) were cut to half a line (issue 17 item 1). It keeps the
    panel's own width; only the height scrolls."""
    side = QScrollArea()
    side.setObjectName(panel.objectName() + "Scroll" if panel.objectName() else "panelScroll")
    side.setFrameShape(QFrame.NoFrame)
    side.setWidgetResizable(True)
    side.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    side.setWidget(panel)
    side.setMinimumWidth(panel.minimumSizeHint().width() + side.verticalScrollBar().sizeHint().width())
    return side
