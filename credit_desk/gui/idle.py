"""Idle lock (R14): no key press or mouse input for N minutes sends the desk back to the login dialog."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_ACTIVITY = frozenset({QEvent.KeyPress, QEvent.MouseButtonPress, QEvent.MouseMove, QEvent.Wheel,
                       QEvent.TouchBegin})


class IdleWatcher(QObject):
    """Watches the whole application's input; ``idle`` fires once after ``minutes`` of quiet."""

    idle = Signal()

    def __init__(self, minutes: float, parent=None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        QApplication.instance().installEventFilter(self)

    def set_minutes(self, minutes: float) -> None:
        self._timer.setInterval(max(1, int(minutes * 60_000)))
        self._timer.start()

    def restart(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        QApplication.instance().removeEventFilter(self)

    def eventFilter(self, _obj, event) -> bool:
        if event.type() in _ACTIVITY and self._timer.isActive():
            self._timer.start()
        return False
