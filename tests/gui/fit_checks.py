"""What a clerk on a small screen sees cut (att39c): a button or a label narrower than its own words, a control
lying partly outside the room it is shown in, two halves of a splitter lying over each other. Used by the walks
(explore_walk.py) and by the fit tests."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea, QSplitter, QWidget


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__}:{(widget.text() if hasattr(widget, 'text') else '') or widget.objectName()}"


def _room(widget: QWidget, window: QWidget) -> tuple[QRect, bool]:
    """Where ``widget`` can be seen, in the window's coordinates, and whether only its width counts (inside a
    scroll area a clerk scrolls down to what lies below)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QScrollArea):
            port = parent.viewport()
            return QRect(port.mapTo(window, QPoint(0, 0)), port.size()), True
        parent = parent.parentWidget()
    return window.rect(), False


def squeezed(window: QWidget) -> list[str]:
    """Every visible button or single-line label of ``window`` narrower than its words need (its size hint), and
    every one lying partly outside the room it is shown in (the window, or across a scroll area's view)."""
    out = []
    for w in window.findChildren(QWidget):
        if not isinstance(w, (QAbstractButton, QLabel)) or not w.isVisibleTo(window) or not w.text().strip():
            continue
        if isinstance(w, QLabel) and (w.wordWrap() or w.pixmap() is not None and not w.pixmap().isNull()):
            continue
        if w.width() < w.sizeHint().width():
            out.append(f"{_name(w)} {w.width()}<{w.sizeHint().width()}")
        at = QRect(w.mapTo(window, QPoint(0, 0)), w.size())
        room, across = _room(w, window)
        if across and (at.left() < room.left() or at.right() > room.right()) or not across and not room.contains(at):
            out.append(f"{_name(w)} outside its room")
    return out + covered(window)


def covered(window: QWidget) -> list[str]:
    """Buttons lying over one another (a row laid out wider than its room)."""
    shown = [(b, QRect(b.mapTo(window, QPoint(0, 0)), b.size())) for b in window.findChildren(QAbstractButton)
             if b.isVisibleTo(window) and b.text().strip()]
    return [f"{_name(a)} over {_name(b)}" for i, (a, ra) in enumerate(shown) for b, rb in shown[i + 1:]
            if ra.intersects(rb) and a.parentWidget() is b.parentWidget()]


def overlaps(window: QWidget) -> list[str]:
    """Splitters whose parts lie over each other or past the splitter's edge (their minimum sizes did not fit:
    at 1024×768 the case list covered the left half of the case's panel)."""
    out = []
    for split in window.findChildren(QSplitter):
        if not split.isVisibleTo(window):
            continue
        parts = [split.widget(i) for i in range(split.count()) if split.widget(i).isVisibleTo(window)]
        for i, a in enumerate(parts):
            if not split.rect().contains(a.geometry()):
                out.append(f"{split.objectName() or 'splitter'}: part {i} past its edge")
            out += [f"{split.objectName() or 'splitter'}: parts {i} and {i + 1 + j} overlap"
                    for j, b in enumerate(parts[i + 1:]) if a.geometry().intersects(b.geometry())]
    return out
