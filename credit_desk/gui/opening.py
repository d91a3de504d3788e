"""Opening the ledger without freezing the start (issue 18): the open runs on a worker thread while the GUI
thread turns its event loop, and the lines the open reports — another writer being waited for, a migration
re-indexing a million records (migration 36: minutes at 1M) — show in a progress window."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog

SHOW_AFTER_MS = 400  # an ordinary open (tens of ms) finishes before the window would flash up


class _Lines(QObject):
    line = Signal(str)
    done = Signal()


def open_with_progress(fn, parent=None, show_after_ms: int = SHOW_AFTER_MS):
    """``fn(say)`` (``ledgers.unlock(..., on_wait=say)``) on a worker thread; returns its value or raises its error.

    The progress window has no 取消: a migration is one transaction and stops only by finishing or failing."""
    lines, out, loop = _Lines(), {}, QEventLoop()
    dlg = QProgressDialog(QCoreApplication.translate("Opening", "Opening the ledger…"), None, 0, 0, parent)
    dlg.setWindowTitle(QCoreApplication.translate("Opening", "Opening the ledger"))
    dlg.setCancelButton(None)
    dlg.setMinimumDuration(0)
    dlg.setAutoClose(False)
    dlg.setAutoReset(False)
    dlg.hide()
    lines.line.connect(dlg.setLabelText)
    lines.done.connect(loop.quit)

    def work() -> None:
        try:
            out["value"] = fn(lines.line.emit)
        except BaseException as exc:  # handed to the GUI thread, raised there
            out["error"] = exc
        finally:
            lines.done.emit()
    worker = threading.Thread(target=work, name="credit-desk-open", daemon=True)
    QTimer.singleShot(show_after_ms, lambda: None if "value" in out or "error" in out else dlg.show())
    worker.start()
    if "value" not in out and "error" not in out:
        loop.exec()  # quits on ``done``: queued from the worker, so one sent before exec() starts is not lost
    worker.join()
    dlg.close()
    dlg.deleteLater()
    if "error" in out:
        raise out["error"]
    return out["value"]
