"""Every window fits the screen it opens on (issue 17 item 1): office monitors of 1366×768, and 1280×720 (a
1920×1080 panel at 150 % scaling), minus the task bar.

One application-wide filter sees each top-level window just before it is first shown:

- a dialog whose content cannot shrink to the available height (or width) gets its body moved into a scroll
  area, with the buttons and the error line kept below it, always on screen;
- every window is then made no larger than the available geometry minus the window frame, and moved inside it.

The frame is what the window manager adds (title bar, borders); before the first show Qt cannot know it, so a
typical frame is reserved (``FRAME``) unless the platform reports a larger one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, QRect, QSize, Qt
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QDialogButtonBox, QFrame, QLabel, QMainWindow,
                               QMessageBox, QScrollArea, QVBoxLayout, QWidget)

FRAME = QMargins(4, 32, 4, 4)   # title bar and borders of a common X11 / Windows frame, in logical pixels
KEEP_OUTSIDE = ("formError", "error")  # labels that stay beside the buttons, never scrolled away


def available(widget: QWidget) -> QRect:
    """The available geometry (screen minus task bars) of the screen the window is on, or its parent's."""
    anchor = widget.parentWidget().window() if widget.parentWidget() is not None else widget
    screen = anchor.screen() or QApplication.primaryScreen()
    return screen.availableGeometry()


def frame_margins(widget: QWidget) -> QMargins:
    """The frame the window has, or the reserved typical one while the platform reports none."""
    frame, inner = widget.frameGeometry(), widget.geometry()
    real = QMargins(inner.left() - frame.left(), inner.top() - frame.top(),
                    frame.right() - inner.right(), frame.bottom() - inner.bottom())
    return QMargins(max(real.left(), FRAME.left()), max(real.top(), FRAME.top()),
                    max(real.right(), FRAME.right()), max(real.bottom(), FRAME.bottom()))


def room(widget: QWidget) -> QSize:
    """The largest client size the window may have: available geometry minus its frame."""
    area, m = available(widget), frame_margins(widget)
    return QSize(area.width() - m.left() - m.right(), area.height() - m.top() - m.bottom())


def outer_rect(widget: QWidget) -> QRect:
    """Where the window and its frame are (the real frame when larger than the reserved one)."""
    m = frame_margins(widget)
    return widget.geometry().marginsAdded(m)


def fits(widget: QWidget) -> bool:
    """The window with its frame lies wholly inside the available geometry."""
    return available(widget).contains(outer_rect(widget))


def _too_big(widget: QWidget, limit: QSize) -> bool:
    need = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    layout = widget.layout()
    if layout is not None:
        need = need.expandedTo(layout.totalMinimumSize())
    return need.height() > limit.height() or need.width() > limit.width()


def scroll_body(dialog: QDialog) -> QScrollArea | None:
    """Move the dialog's body into a scroll area; its button box and error line stay below, on screen."""
    layout = dialog.layout()
    if layout is None or dialog.findChild(QScrollArea, "fitScroll") is not None:
        return None
    kept = []
    for i in reversed(range(layout.count())):
        w = layout.itemAt(i).widget()
        if isinstance(w, QDialogButtonBox) or (isinstance(w, QLabel) and w.objectName() in KEEP_OUTSIDE):
            layout.takeAt(i)
            kept.insert(0, w)
    margins = layout.contentsMargins()
    body = QWidget()
    body.setObjectName("fitBody")
    body.setLayout(layout)  # Qt moves the layout and its widgets to the new parent
    area = QScrollArea()
    area.setObjectName("fitScroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.NoFrame)
    area.setWidget(body)
    outer = QVBoxLayout(dialog)
    outer.setContentsMargins(0, 0, margins.right(), margins.bottom())
    outer.addWidget(area, 1)
    for w in kept:
        outer.addWidget(w)
    body.setMinimumWidth(min(body.sizeHint().width(), room(dialog).width() - 24))
    return area


def whole_combo_texts(window: QWidget) -> None:
    """Each drop-down of ``window`` is wide enough for its longest entry (issue 17: the print dialog showed
    「（不需要」). Qt sizes a combo box by the ink of its texts; a full-width bracket's ink fills half its cell, so
    an entry that starts or ends with one is cut. The missing part is added to the box's minimum width."""
    for box in window.findChildren(QComboBox):
        fm = box.fontMetrics()
        texts = [box.itemText(i) for i in range(box.count())]
        short = max((fm.horizontalAdvance(t) - fm.boundingRect(t).width() for t in texts), default=0)
        if short > 0 and box.sizeAdjustPolicy() != QComboBox.AdjustToMinimumContentsLengthWithIcon:
            box.setMinimumWidth(max(box.minimumWidth(), box.sizeHint().width() + short))


def fit_window(widget: QWidget) -> None:
    """Make a top-level window fit its screen: scroll a dialog's body if it must, cap the size, move inside."""
    whole_combo_texts(widget)
    limit = room(widget)
    # a message box sizes itself to its wrapped text and cannot be rebuilt around a scroll area: measured before
    # it is shown its label reads unwrapped and too tall, and the moved body shrank to a 215×109 sliver (clerk17b)
    if isinstance(widget, QDialog) and not isinstance(widget, QMessageBox) and _too_big(widget, limit):
        scroll_body(widget)
        widget.setMinimumSize(QSize(min(widget.minimumWidth(), limit.width()),
                                    min(widget.minimumHeight(), limit.height())))
        body = widget.findChild(QWidget, "fitBody")
        if body is not None:  # as wide as it was meant to be, as tall as the screen allows
            wanted = (body.sizeHint() + QSize(30, 90)).expandedTo(widget.size())
            widget.resize(wanted.boundedTo(limit))
    if widget.minimumWidth() > limit.width() or widget.minimumHeight() > limit.height():
        # a window's own floor (the main window asks for 960×600) is a wish for a roomy screen, not a need: on a
        # smaller one (800 px wide; 1024×768 at 125 %) it pushed the window's left edge off the screen (att38);
        # what its contents need (minimumSizeHint) still holds
        widget.setMinimumSize(widget.minimumSize().boundedTo(limit))
    if widget.width() > limit.width() or widget.height() > limit.height():
        widget.resize(widget.size().boundedTo(limit))
    if isinstance(widget, QMainWindow) and widget.isMaximized():
        return
    area, m = available(widget), frame_margins(widget)
    client = widget.geometry()  # x()/pos() of a window include the frame; geometry() is the client area
    left = min(max(client.left() - m.left(), area.left()), area.right() + 1 - client.width() - m.left() - m.right())
    top = min(max(client.top() - m.top(), area.top()), area.bottom() + 1 - client.height() - m.top() - m.bottom())
    if (left + m.left(), top + m.top()) != (client.left(), client.top()):
        widget.setGeometry(QRect(left + m.left(), top + m.top(), client.width(), client.height()))


class ScreenFitter(QObject):
    """Application-wide: each top-level window is fitted when it is shown (dialogs every time, since a dialog
    may be shown again after the user moved the parent to a smaller screen)."""

    SKIP = (Qt.ToolTip, Qt.Popup, Qt.SplashScreen)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Show and isinstance(obj, QWidget) and obj.isWindow() \
                and obj.windowType() not in self.SKIP:
            fit_window(obj)
        return False


def install(app: QApplication) -> ScreenFitter:
    """Install the fitter on the application; keep the returned object alive."""
    fitter = ScreenFitter(app)
    app.installEventFilter(fitter)
    return fitter
