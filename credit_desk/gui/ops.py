"""Long work off the GUI thread: one pool, progress, cancel, and errors as a dialog (never a traceback).

    job = ops.run(lambda job: slow(job), done=show, label="正在查询…")

The function runs on a worker thread and receives its ``Job`` (``job.cancelled``, ``job.progress(i, n)``,
``job.on_cancel(hook)``, ``with job.cancel_hook(hook):``). ``done`` and ``failed`` run back on the GUI thread. A job that stopped when cancelled
(``Cancelled``) says so through ``cancelled``; one that returned, or was refused, in spite of 取消 is shown as it
ended (att39d). Every refusal (DomainError) is shown as its Chinese sentence; anything unexpected as a short
sentence that says what to do, while the traceback goes to the log only.
"""

from __future__ import annotations

import logging
import sys
import threading
from contextlib import ExitStack, contextmanager
from datetime import datetime
from typing import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QProgressDialog, QPushButton, QWidget

from credit_desk import collector
from credit_desk.domain.errors import AuthError, DomainError, PermissionDenied, ValidationError

log = logging.getLogger(__name__)
PROGRESS_DELAY_MS = 400  # quick jobs finish before a progress dialog would flash up
PROGRESS_WIDTH = 560  # the widest a progress window's words run before they wrap (px)

# Python hands its lock to a waiting thread only after the switch interval (5 ms by default). While a bulk job runs
# Python code the GUI thread needs the lock for every event that meets Python — each of the application's event
# filters (idle watch, input method, tooltips, fitting, accessible names) is one acquisition, then the slots — so at
# 5 ms a wait the window's event loop stood still 0.5–1.1 s during a 3,000-row 双公示 import at 150k records (issue
# 18, att18a). At 0.2 ms the longest gap was 74–89 ms and the import took as long (3.1–3.3 s) — but only while a
# bulk (writing) job runs: the other way round, a long slot of the GUI thread (appending a page of rows while a read
# job runs) is cut into turns as short, and the 1M bench's scroll gap rose from 46 to 87 ms with 0.2 ms for good.
# Otherwise a process with windows runs at 1 ms (``GUI_IDLE_SWITCH_S``): the refresh after that import (read jobs
# building 3,000 rows beside the GUI thread) left 160–400 ms gaps at 5 ms, 69–72 ms at 1 ms.
GUI_SWITCH_INTERVAL_S = 0.0002
GUI_IDLE_SWITCH_S = 0.001


def set_gui_switch_interval() -> None:
    """The switch interval of a process that shows windows: ``GUI_IDLE_SWITCH_S`` (seconds)."""
    sys.setswitchinterval(GUI_IDLE_SWITCH_S)
_SHARING = {"n": 0}
_SHARING_LOCK = threading.Lock()


@contextmanager
def lock_shared_quickly():
    """The switch interval at ``GUI_SWITCH_INTERVAL_S`` (seconds) while the block runs; counted across threads, the
    interval before the first restored when the last one ends."""
    with _SHARING_LOCK:
        _SHARING["n"] += 1
        if _SHARING["n"] == 1:
            _SHARING["was"] = sys.getswitchinterval()
            sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    try:
        yield
    finally:
        with _SHARING_LOCK:
            _SHARING["n"] -= 1
            if _SHARING["n"] == 0:
                sys.setswitchinterval(_SHARING.pop("was"))


class Cancelled(Exception):
    """Raised inside a job that noticed it was cancelled."""


class Job:
    """The handle a worker function gets, and the caller keeps to cancel it."""

    def __init__(self) -> None:
        self._cancelled = threading.Event()
        self._hooks: list[Callable[[], None]] = []
        self._signals = _Signals()
        self._lock = threading.Lock()
        self._ran = False  # set by the worker as soon as fn returned: hooks must not touch later work
        self.finished = False

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        if self.cancelled:
            raise Cancelled()

    def on_cancel(self, hook: Callable[[], None]) -> None:
        self._hooks.append(hook)

    @contextmanager
    def cancel_hook(self, hook: Callable[[], None]):
        """``hook`` runs on a cancel only while the ``with`` block runs: a leased reader's ``interrupt`` must stop
        this job's statement, never the statement of the next job that leases the connection after the block gave
        it back (the hook was left on and a late cancel could reach it). Taken off under the lock ``cancel`` holds."""
        with self._lock:
            self._hooks.append(hook)
        try:
            yield
        finally:
            with self._lock:
                self._hooks.remove(hook)

    def cancel(self) -> None:
        if self._cancelled.is_set() or self.finished:
            return
        self._cancelled.set()
        with self._lock:
            if self._ran:
                return
            for hook in self._hooks:
                hook()

    def _mark_ran(self) -> None:
        with self._lock:
            self._ran = True

    def progress(self, done: int, total: int) -> None:
        self._signals.progress.emit(int(done), int(total))


class _Signals(QObject):
    # Created on the GUI thread, emitted from the worker: Qt queues the calls back to the GUI thread.
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class _Runnable(QRunnable):
    def __init__(self, fn, job: Job, ledger=None, bulk: bool = False) -> None:
        super().__init__()
        self.fn, self.job, self.ledger, self.bulk = fn, job, ledger, bulk
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            if self.bulk:
                with ExitStack() as stack:
                    if self.ledger is not None:  # issue 18: the job holds the writer; a second writing job waits
                        stack.enter_context(self.ledger.lend())
                    # issue 18: a writing job is bulk work (an import, an export, a batch print, a backup): the
                    # collector's full passes over the heap held Python's lock 40-70 ms each, and the GUI thread
                    # waited 5 ms for the lock at every Python event filter; read jobs leave both as they are
                    stack.enter_context(collector.paused())
                    stack.enter_context(lock_shared_quickly())
                    self.job.check()
                    result = self.fn(self.job)
            else:
                result = self.fn(self.job)
            self.job._mark_ran()
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI as a dialog
            self.job._mark_ran()
            if not isinstance(exc, (DomainError, Cancelled)) and not self.job.cancelled:
                log.exception("background job failed")
            self.job._signals.failed.emit(exc)
            return
        self.job._signals.done.emit(result)


class Ops(QObject):
    """The one place the GUI starts background work."""

    def __init__(self, parent: QWidget | None = None, threads: int = 2, lang: str = "zh") -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self.lang = lang
        self.ledger = None  # the session's ledger (GuiContext sets it): writing jobs borrow its writer
        self._live: set[Job] = set()
        self.closed = False  # after close(): no job starts any more

    def run(self, fn, *, done=None, failed=None, label: str | None = None,
            parent: QWidget | None = None, modal: bool = False, progress=None, writes: bool | None = None,
            cancelled=None, can_cancel: bool = False, bulk: bool | None = None) -> Job:
        """Start ``fn(job)`` on the pool; with a label, a progress window appears once it has taken
        PROGRESS_DELAY_MS. It offers 取消 only with ``can_cancel`` — a job that stops when asked and keeps nothing
        half-done (``job.check()`` inside its transaction, or between whole pages); any other job runs to its end
        and its window cannot be closed meanwhile (issue 18: a 取消 that closed the window while the export, the
        import or the numbered notice went on and was kept, unsaid).

        ``writes`` (default: ``modal``): the job uses the session's writer connection, so it borrows it for its
        whole run (``ledger.lend()``, issue 18): a second writing job waits for it, and the GUI thread reads on the
        reader pool meanwhile. ``modal`` blocks input to every window while it runs. ``progress(done, total)``
        runs on the GUI thread for each ``job.progress`` (connected before the job starts, so none is lost).
        ``bulk`` (default: ``writes``): long work that holds Python's lock (the collector paused, short switch
        turns) — a job may be bulk without borrowing the writer for its whole run (a batch print lends it to its
        reads only, att38a). ``cancelled()`` runs on the GUI thread when the job stopped because it was
        cancelled (``_stopped``), to say so; a job that returned or was refused in spite of 取消 goes to ``done`` or
        ``failed`` as usual (att39d).
        """
        writes = modal if writes is None else writes
        bulk = writes if bulk is None else bulk
        job = Job()
        if self.closed:  # a refresh queued before the window closed: its connections are gone, it never runs
            job.cancel()
            return job
        self._live.add(job)
        dialog = self._progress_dialog(job, label, parent, can_cancel) if label else None
        if dialog is not None and modal:
            dialog.setWindowModality(Qt.ApplicationModal)
        job._signals.done.connect(lambda result: self._finish(job, dialog, done, None, result, cancelled, True))
        job._signals.failed.connect(lambda exc: self._finish(job, dialog, None, failed or
                                                             (lambda e: self.show_error(e, parent)), exc,
                                                             cancelled, False))
        if progress is not None:
            job._signals.progress.connect(progress)
        self.pool.start(_Runnable(fn, job, self.ledger if writes else None, bulk=bulk))
        return job

    def _finish(self, job: Job, dialog, done, failed, value, cancelled, returned: bool) -> None:
        """How the job ended decides what is said, not whether 取消 was pressed (att39d): a job that returned did
        its work — its result is shown, with a note when 取消 came too late to stop it; a refusal or a failure is
        shown with its reason though 取消 was pressed meanwhile; only a job that stopped (``_stopped``) is said
        to be cancelled. After ``close()`` nothing is said: the windows are going."""
        job.finished = True
        self._live.discard(job)
        asked = dialog is not None and dialog.asked_to_stop
        if dialog is not None:
            dialog.ended = True
            dialog.close()
        if self.closed:
            return
        if returned:
            if done is not None:
                done(value)
            if asked:
                self._late_cancel(dialog.parentWidget())
            return
        if _stopped(job, value):
            if cancelled is not None:
                cancelled()
            return
        failed(value)

    def _late_cancel(self, parent) -> QMessageBox:
        """取消 was pressed, but the job had done its work by the time it could stop: said, beside the result."""
        box = QMessageBox(QMessageBox.Information, QCoreApplication.translate("Ops", "Already finished"),
                          QCoreApplication.translate("Ops", "The work had already been finished when Cancel was "
                                                            "pressed, and it is kept: the window says what was done."),
                          QMessageBox.Ok, parent or QApplication.activeWindow())
        box.setObjectName("lateCancelNote")
        _OPEN_BOXES.add(box)
        box.finished.connect(lambda _r: _OPEN_BOXES.discard(box))
        box.open()
        return box

    def _progress_dialog(self, job: Job, label: str, parent, can_cancel: bool) -> QProgressDialog:
        dlg = _Progress(label, QCoreApplication.translate("Ops", "Cancel") if can_cancel else None, parent)
        dlg.setWindowTitle(QCoreApplication.translate("Ops", "Please wait"))
        dlg.setMinimumDuration(PROGRESS_DELAY_MS)
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)
        # issue 18: a dialog never given a value shows after Qt's own 4 s (the show timer its constructor started;
        # setMinimumDuration restarts it only at the minimum value): the value at the minimum restarts it with
        # PROGRESS_DELAY_MS, so a job that reports no steps is seen after 0.4 s too
        dlg.setValue(dlg.minimum())
        if can_cancel:
            dlg.canceled.connect(job.cancel)
            dlg.canceled.connect(lambda: _stopping(dlg))
        job._signals.progress.connect(lambda d, n: (dlg.setMaximum(n), dlg.setValue(d)))
        return dlg

    def cancel_all(self) -> None:
        for job in list(self._live):
            job.cancel()

    def wait(self, msecs: int = 5000) -> bool:
        """Let running jobs end; True when the pool is idle."""
        self._end_turn()
        return self.pool.waitForDone(msecs)

    def _end_turn(self) -> None:
        # a job waiting for the writer waits for the GUI thread's turn to end: blocking on the jobs without
        # letting go of it first would wait for ever (store/writer_guard.py)
        if self.ledger is not None:
            self.ledger.writer.end_turn()

    def close(self) -> None:
        """No job starts after this; the running ones are cancelled and waited for, however long the last
        statement takes to notice (issue 23: closing the reader pool and the window under a page load still
        reading crashed the process). Cancelled jobs end within a statement; the log says when one does not."""
        self.closed = True
        self.cancel_all()
        self._end_turn()
        waited = 0
        while not self.pool.waitForDone(1000):
            waited += 1
            if waited in (5, 30, 120):
                log.warning("closing: %d background job(s) still running after %d s", self.pool.activeThreadCount(),
                            waited)

    def show_error(self, exc: BaseException, parent: QWidget | None = None, reading: bool = False) -> None:
        show_error(exc, parent, self.lang, reading)


class _Progress(QProgressDialog):
    """The job's window. Without a cancel text (a job that runs to its end) Esc and the title bar's × do not
    close it: it closes when the job ends."""

    def __init__(self, label: str, cancel_text: str | None, parent) -> None:
        super().__init__(label, cancel_text or "", 0, 0, parent)
        self.words = QLabel()  # wraps: a long line (a batch print naming ten kinds of notice) made the window
        self.words.setWordWrap(True)  # wider than a 1366 px screen, its 取消 off the edge (att38a)
        self.setLabel(self.words)
        self.say(label)
        self.can_cancel = cancel_text is not None
        self.ended = False  # set by Ops when the job ended: the one close a job that cannot stop accepts
        self.asked_to_stop = False  # 取消 pressed: a job that returned anyway says it came too late (att39d)
        if not self.can_cancel:
            self.setCancelButton(None)

    def say(self, text: str) -> None:
        """The window's words, as wide as they run up to PROGRESS_WIDTH, wrapped beyond."""
        self.words.setText(text)
        self.words.setFixedWidth(min(self.words.fontMetrics().horizontalAdvance(text) + 8, PROGRESS_WIDTH))
        self.adjustSize()

    def reject(self) -> None:
        if self.can_cancel:
            super().reject()

    def closeEvent(self, event) -> None:
        if self.can_cancel or self.ended:
            return super().closeEvent(event)
        event.ignore()


def _stopping(dlg: "_Progress") -> None:
    """After 取消 (Qt has just hidden the window): the job stops at its next check — after the file, notice or page
    under way, which may take seconds. The window stays, saying so, until the job ends (att38a: it vanished at the
    click, the window was free while the import still held the writer, and nothing said it was still running)."""
    if dlg.ended:
        return
    dlg.asked_to_stop = True
    dlg.say(QCoreApplication.translate("Ops", "Stopping: the step under way is finished first…"))
    for button in dlg.findChildren(QPushButton):
        button.setEnabled(False)
    dlg.show()


SQLITE_INTERRUPT = 9  # sqlite3.h: the statement was stopped by sqlite3_interrupt() (a cancel hook's conn.interrupt)


def _stopped(job: Job, exc) -> bool:
    """The job stopped because it was asked to: it raised ``Cancelled`` (``job.check()``), or its read was stopped
    by its own cancel hook — SQLite's SQLITE_INTERRUPT code on a cancelled job. Decided by type and code, never by
    the words of a message (att39d: a refusal quoting 「Interrupted system call」 was taken for a cancel, and
    nothing was said), and a refusal that ends a cancelled job is still a refusal, said with its reason."""
    if isinstance(exc, Cancelled):
        return True
    return job.cancelled and getattr(exc, "sqlite_errorcode", None) == SQLITE_INTERRUPT


def error_text(exc: BaseException, lang: str = "zh", reading: bool = False) -> tuple[str, str]:
    """(what happened, what to do) for any failure; a DomainError speaks its own sentence. ``reading``: the failure
    of a background read (a list's page, a count, the dashboard) — often the refresh after a save that succeeded, so
    it must not say "nothing was changed" (att38a: the clerk took the save for failed and entered it again)."""
    if isinstance(exc, DomainError):
        if isinstance(exc, PermissionDenied):
            todo = QCoreApplication.translate("Ops", "If this is part of your work, ask the administrator to change your role.")
        elif isinstance(exc, AuthError):
            todo = QCoreApplication.translate("Ops", "Sign in again, or ask the administrator for help.")
        elif isinstance(exc, ValidationError):
            todo = QCoreApplication.translate("Ops", "Correct the input as described and try again; nothing was changed.")
        else:
            todo = QCoreApplication.translate("Ops", "Nothing was changed. Follow the rule above, then try again.")
        return exc.message(lang), todo
    when = datetime.now().strftime("%H:%M")
    if reading:
        return (QCoreApplication.translate("Ops", "What is shown here could not be read because of an unexpected "
                                                  "error. Work already saved is not affected."),
                QCoreApplication.translate("Ops", "Press F5 to read it again. If it happens again, tell the "
                                                  "administrator the time (%1) and what you were doing.")
                .replace("%1", when))
    return (QCoreApplication.translate("Ops", "The operation could not be finished because of an unexpected error; nothing was changed."),
            QCoreApplication.translate("Ops", "Try again. If it happens again, tell the administrator the time (%1) and what you "
               "were doing.").replace("%1", when))


def show_error(exc: BaseException, parent: QWidget | None = None, lang: str = "zh",
               reading: bool = False) -> QMessageBox:
    """A warning dialog: the sentence, then what to do (``reading``: see error_text). Never a traceback."""
    what, todo = error_text(exc, lang, reading)
    # a box deleted with its parent (a closed dialog) never said finished: reading it raised in the slot, and the
    # next failure was never shown (att39d)
    _OPEN_BOXES.difference_update([b for b in _OPEN_BOXES if not shiboken6.isValid(b)])
    if reading:  # att38a: a refresh's page and count failing together put up the same box twice, one over the other
        for box in _OPEN_BOXES:
            if box.property("reading") and box.text() == what and box.isVisible():
                return box
    parent = parent or QApplication.activeWindow()
    box = QMessageBox(QMessageBox.Warning, QCoreApplication.translate("Ops", "Cannot do this"), what,
                      QMessageBox.Ok, parent)
    box.setInformativeText(todo)
    box.setObjectName("errorDialog")
    box.setProperty("reading", reading)
    _OPEN_BOXES.add(box)  # a parentless box would be collected as soon as this returns
    box.finished.connect(lambda _r: _OPEN_BOXES.discard(box))
    box.open()
    return box


_OPEN_BOXES: set = set()


def catch_slot_failures(lang: str = "zh") -> Callable[[], None]:
    """The last resort for a failure that escapes a slot (a refusal no view caught): the clerk gets the warning
    dialog with its sentence, the traceback goes to the log only (never on screen). Returns the function that puts
    the previous ``sys.excepthook`` back (run_gui calls it on return). Tests keep pytest-qt's own hook, which fails
    the test on such a failure instead."""
    previous = sys.excepthook

    def hook(kind, exc, tb) -> None:
        if not issubclass(kind, Exception):  # Ctrl+C and exits go their usual way
            return previous(kind, exc, tb)
        if not isinstance(exc, DomainError):
            log.error("failure escaped a slot", exc_info=(kind, exc, tb))
        show_error(exc, None, lang)

    sys.excepthook = hook
    return lambda: setattr(sys, "excepthook", previous)


class Debouncer(QObject):
    """Calls ``fn`` once typing has paused for ``msecs`` (search as you type)."""

    def __init__(self, fn: Callable[[], None], msecs: int = 300, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(msecs)
        self._timer.timeout.connect(fn)

    def poke(self, *_args) -> None:
        self._timer.start()

    def flush(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self._fn()
