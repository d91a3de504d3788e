"""Opening the ledger without freezing the start (issue 18): the open runs on a worker thread while the GUI
thread turns its event loop, and the lines the open reports — another writer being waited for, a migration
re-indexing a million records (migration 36: minutes at 1M) — show in a progress window.

Two ways to wait for it: ``open_with_progress`` (the keyring path: nothing else is on screen, a local event loop
turns until the open ends) and ``Opening`` itself (the recovery-passphrase dialog: its own exec() loop turns and
the end comes back as a call, with no second loop nested in the dialog's OK handler)."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog

SHOW_AFTER_MS = 400  # an ordinary open (tens of ms) finishes before the window would flash up


def _progress_window(parent) -> QProgressDialog:
    """The opening window: no 取消 — a migration is one transaction and stops only by finishing or failing."""
    dlg = QProgressDialog(QCoreApplication.translate("Opening", "Opening the ledger…"), None, 0, 0, parent)
    dlg.setObjectName("openingProgress")
    dlg.setWindowTitle(QCoreApplication.translate("Opening", "Opening the ledger"))
    dlg.setCancelButton(None)
    dlg.setMinimumDuration(0)
    dlg.setAutoClose(False)
    dlg.setAutoReset(False)
    dlg.hide()
    return dlg


def _two_lines(line: str) -> str:
    """The open's lines are "中文 / English" (the store has no tr()): Chinese on the first line, English under it,
    so the window stays about as wide as the dialog it stands over."""
    zh, sep, en = line.partition(" / ")
    return f"{zh}\n{en}" if sep else line


class Opening(QObject):
    """``fn(say)`` (``ledgers.unlock(..., on_wait=say)``) on a worker thread, its lines in the opening window over
    ``parent`` (shown once the open has lasted ``show_after_ms``); ``then(value, error)`` is called on the GUI
    thread when it ended, after the window closed. It is a child of ``parent``; with no parent the caller keeps it
    until then (a collected one would drop the queued end)."""

    line = Signal(str)
    ended = Signal()  # emitted by the worker; Qt queues it to this object's (the GUI) thread

    def __init__(self, fn, then, parent=None, show_after_ms: int = SHOW_AFTER_MS) -> None:
        super().__init__(parent)  # owned by the dialog it stands over: not collected under its own queued call
        self.running = True
        self._out: dict = {}
        self._then = then
        self.window = _progress_window(parent)
        self.line.connect(self._say)  # a method of this GUI-thread object: queued from the worker
        self.ended.connect(self._end)
        QTimer.singleShot(show_after_ms, self, self._show)
        self._worker = threading.Thread(target=self._work, args=(fn,), name="credit-desk-open", daemon=True)
        self._worker.start()

    def _work(self, fn) -> None:
        try:
            self._out["value"] = fn(self.line.emit)
        except BaseException as exc:  # handed to the GUI thread
            self._out["error"] = exc
        finally:
            self.ended.emit()

    def _say(self, line: str) -> None:
        self.window.setLabelText(_two_lines(line))

    def _show(self) -> None:
        if self.running and not self._out:
            self.window.show()

    def _end(self) -> None:
        self._worker.join()
        self.running = False
        self.window.close()
        self.window.deleteLater()
        self._then(self._out.get("value"), self._out.get("error"))


def open_with_progress(fn, parent=None, show_after_ms: int = SHOW_AFTER_MS):
    """``fn(say)`` on a worker thread while a local event loop turns; returns its value or raises its error."""
    loop, out = QEventLoop(), {}

    def then(value, error) -> None:
        out.update(value=value, error=error)
        loop.quit()
    opening = Opening(fn, then, parent, show_after_ms)
    if opening.running:  # ``then`` runs from this loop (a queued call): it cannot have come before exec()
        loop.exec()
    if out["error"] is not None:
        raise out["error"]
    return out["value"]
