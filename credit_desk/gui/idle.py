"""Idle lock (R14): no key press or mouse input for N minutes sends the desk back to the login dialog."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

_ACTIVITY = frozenset({QEvent.KeyPress, QEvent.MouseButtonPress, QEvent.MouseMove, QEvent.Wheel,
                       QEvent.TouchBegin})


class IdleWatcher(QObject):
    """Watches the whole application's input; ``idle`` fires once after ``minutes`` of quiet, ``lock_key`` on
    Ctrl+L in any window of the app. The main window's own Ctrl+L shortcut works only while the main window is the
    active one; a clerk reading a person's details in a dialog in front of it pressed Ctrl+L and nothing locked."""

    idle = Signal()
    lock_key = Signal()

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
        if event.type() == QEvent.KeyPress and event.key() == Qt.Key_L \
                and event.modifiers() == Qt.ControlModifier and self._timer.isActive():
            self.lock_key.emit()
            return True  # consumed: the widgets up the chain never see it, so the desk locks once
        return False
