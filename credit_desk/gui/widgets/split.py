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

    def side_by_side_need(self) -> int:
        """The width both parts need side by side, and the handle between them."""
        parts = [self.widget(i) for i in range(self.count())]
        mins = [p.minimumSizeHint().expandedTo(p.minimumSize()).width() for p in parts]
        return sum(mins) + self.handleWidth() * max(0, len(parts) - 1)

    def resizeEvent(self, event) -> None:
        wanted = Qt.Horizontal if event.size().width() >= self.side_by_side_need() else Qt.Vertical
        if wanted != self.orientation():
            self.setOrientation(wanted)
            if wanted == Qt.Vertical:
                top = int(event.size().height() * self.LIST_SHARE)
                self.setSizes([top, event.size().height() - top])
            else:
                first = self.widget(0).minimumWidth()
                self.setSizes([first, event.size().width() - first])
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
