"""A cell cut short shows its whole text when hovered (issue 17 item 1: long names elided without a tooltip).

Lists built on the paged models give every cell its own tooltip; the smaller tables (commitments, repair
applications, sync, checks, accounts…) and combo-box lists had none, so a long subject or department name cut to
「清江浦区淮韵食品有限责任…」 could not be read at 1366×768 at all. One application-wide filter answers the tooltip
request of any item view whose cell under the mouse has no tooltip of its own and does not show its whole text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QToolTip

MARGIN = 8  # the cell's own padding: text within this of the edge is drawn cut


def full_text(view: QAbstractItemView, pos) -> str | None:
    """The whole text of the cell at ``pos`` (viewport coordinates) when it is cut short and has no tooltip."""
    index = view.indexAt(pos)
    if not index.isValid() or index.data(Qt.ToolTipRole):
        return None
    text = index.data(Qt.DisplayRole)
    if text is None:
        return None
    text = str(text)
    room = view.visualRect(index).width() - MARGIN
    if index.data(Qt.DecorationRole) is not None:
        room -= view.iconSize().width() or 16
    lines = text.splitlines() or [""]
    return text if max(view.fontMetrics().horizontalAdvance(line) for line in lines) > room else None


class ElidedTips(QObject):
    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.ToolTip:
            return False
        view = obj.parent()
        if not isinstance(view, QAbstractItemView) or obj is not view.viewport():
            return False
        text = full_text(view, event.pos())
        if text is None:
            return False
        QToolTip.showText(event.globalPos(), text, obj, view.visualRect(view.indexAt(event.pos())))
        return True


def install(app: QApplication) -> ElidedTips:
    """Install on the application (keep the returned object alive)."""
    tips = ElidedTips(app)
    app.installEventFilter(tips)
    return tips
