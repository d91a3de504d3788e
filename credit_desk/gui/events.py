"""One refresh mechanism for every view (issue 17 item 7; DESIGN "Views refresh from one mechanism").

The ledger tells its listeners, after each committed transaction, which entities changed (the entity names of
the change-log rows that transaction wrote: ``case``, ``objection``, ``document``…). ``LedgerEvents`` turns that
into a Qt signal on the GUI thread (a commit on a worker thread is queued across), and ``watch`` subscribes a
view: its ``refresh`` runs once shortly after a burst of changes to what it shows. No view patches in its own
refresh after another view's action.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

REFRESH_DELAY_MS = 120  # a burst of commits (a decision writes several) refreshes once


class LedgerEvents(QObject):
    """``changed(frozenset[str])`` after every committed change to the ledger, on the GUI thread."""

    changed = Signal(object)

    def __init__(self, ledger, parent=None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.attached = True
        ledger.listeners.append(self._committed)

    def _committed(self, entities: frozenset) -> None:
        self.changed.emit(entities)  # from a worker thread: queued to the GUI thread's receivers

    @property
    def live(self) -> bool:
        """Still attached to an open ledger (a refresh queued before logout or close is dropped)."""
        return self.attached and getattr(self.ledger, "conn", None) is not None

    def detach(self) -> None:
        self.attached = False
        if self._committed in self.ledger.listeners:
            self.ledger.listeners.remove(self._committed)

    def watch(self, view, entities=None, slot=None) -> None:
        """Refresh ``view`` (``slot``, default ``view.on_ledger_changed`` or ``view.refresh``) when any of
        ``entities`` changed (default: the view's ``WATCHES``; None = every change)."""
        entities = entities if entities is not None else getattr(view, "WATCHES", None)
        slot = slot or getattr(view, "on_ledger_changed", None) or getattr(view, "refresh", None)
        if slot is None:
            return
        timer = QTimer(view)
        timer.setSingleShot(True)
        timer.setInterval(REFRESH_DELAY_MS)
        timer.timeout.connect(lambda: slot() if self.live else None)

        def on_change(changed: frozenset) -> None:
            if entities is None or changed & set(entities):
                timer.start()
        self.changed.connect(on_change)
        view.destroyed.connect(lambda *_a: _disconnect(self.changed, on_change))


def _disconnect(signal, fn) -> None:
    """Drop a destroyed view's listener. Nothing is lost when this fails: Qt raises RuntimeError when the bus's
    C++ side is already gone (application shutting down) and TypeError/RuntimeError when the connection was already
    dropped — in every case no listener is left to call the dead view, which is all this is for."""
    try:
        signal.disconnect(fn)
    except (RuntimeError, TypeError):
        return
