"""The session's writer connection is used by one thread at a time (issue 18).

A desktop session has one writer connection. The GUI thread uses it for its own short writes; a background job
that writes (an import, a batch print that logs each notice, the start-up checks) *borrows* it for the whole job
with ``ledger.lend()``: a second writing job waits for the first, and the GUI thread must not touch the writer
meanwhile — its reads go to the reader pool (services/browse.Reader). The GUI thread reading on the writer while
a job wrote through it deadlocked the window (99f6c87); two jobs on it at once broke the statement cache.

The guard watches every statement the writer runs (SQLite's trace hook runs on the calling thread): once a home
thread is set (the GUI sets its own), a statement from any thread other than the current holder — the borrowing
job's thread, or the home thread when nobody borrowed it — is a misuse. It cannot raise inside SQLite's hook, so
each misuse is logged with its stack and kept in ``misuse``; the GUI tests fail on any (tests/gui/conftest.py).

The home thread's turn (``attach_turn_end``): once the GUI gives the guard a way to run something when control
returns to its event loop, the home thread's first statement on the writer *takes* it — waiting up to
``HOME_WAIT_S`` behind a job, then LEDGER_BUSY with nothing done — and keeps it until that turn of the event loop
ends. So any service the GUI calls, whatever it reads before its transaction, runs whole between two jobs: no job
starts on the writer in its middle, and no GUI slot meets a job on it (a WriterMisuse before: issues 18 and 23,
every service reading ``ledger.conn`` outside a transaction was one waiting to happen). Jobs queued meanwhile wait
for the turn to end, which a slot's work takes milliseconds to reach.
"""

from __future__ import annotations

import logging
import os
import threading
import time
import traceback
import weakref
from contextlib import contextmanager

log = logging.getLogger(__name__)
_GUARDS: "weakref.WeakSet[WriterGuard]" = weakref.WeakSet()
POLL_S = 0.005  # how often a bounded take looks again
HOME_WAIT_S = 2.0  # how long the home thread waits for a background job's hold on the writer (issue 18)
AUDIT_ENV = "CREDIT_DESK_WRITER_READS"  # a file: every read the home thread makes on the writer, with its stack


class WriterGuard:
    """Who may use the writer now: the borrowing thread, else the home thread (None: no check)."""

    def __init__(self) -> None:
        self.home: int | None = None
        self.borrower: int | None = None
        self.misuse: list[dict] = []
        self._depth = 0
        self._lock = threading.Lock()   # held by the borrowing job for its whole run
        self._mine = threading.Lock()   # guards borrower/depth
        self._conn = None
        self._open_reader = None  # () -> a read-only connection: the home thread's reads (set by the GUI)
        self._home_reader = None
        self._users = 0
        self._turn_end = None  # (fn) -> None: runs fn when the home thread's event-loop turn ends (set by the GUI)
        self._turn_held = False  # the home thread holds the writer until its turn ends
        _GUARDS.add(self)

    def attach_turn_end(self, at_turn_end) -> None:
        """``at_turn_end(fn)`` runs ``fn`` on the home thread once control returns to its event loop (the GUI passes
        a zero-delay single-shot timer). From then on the home thread's statements on the writer hold it for the
        rest of the turn (module docstring); ``None`` goes back to the plain check."""
        if at_turn_end is None:
            self.end_turn()
        self._turn_end = at_turn_end

    def end_turn(self) -> None:
        """Let go of the hold taken for the home thread's current turn (the scheduled call; also before the home
        thread blocks waiting for jobs, which would otherwise wait for it)."""
        if self._turn_held and self.borrower == threading.get_ident():
            self._turn_held = False
            self.give()

    def hold_turn(self) -> None:
        """On the home thread with a turn end attached: hold the writer for the rest of this turn (DomainError
        LEDGER_BUSY past ``HOME_WAIT_S``, nothing done); elsewhere nothing. ``Ledger.tx`` and ``Ledger.holding``
        call it first: a form or a transaction that took the writer only for its own block gave it up at its end,
        a job queued meanwhile took it, and the same turn's next statement met the job — LEDGER_BUSY, "nothing
        was changed", after the change was committed."""
        me = threading.get_ident()
        if self._turn_end is not None and me == self.home and self.borrower != me:
            self._take_for_turn()

    def _take_for_turn(self) -> None:
        if not self.take(HOME_WAIT_S):
            raise busy_error()
        self._turn_held = True
        try:
            self._turn_end(self.end_turn)
        except BaseException:
            self.end_turn()
            raise

    def attach_home_reader(self, open_reader) -> None:
        """The home thread's reads go to a read-only connection of their own (opened on first use): a job may
        borrow the writer at any time. Counted: each attach is matched by a ``detach_home_reader``."""
        self._users += 1
        self._open_reader = open_reader

    def detach_home_reader(self) -> None:
        self._users = max(0, self._users - 1)
        if self._users == 0:
            if self._home_reader is not None:
                self._home_reader.close()
            self._home_reader, self._open_reader = None, None

    def read_conn(self, writer):
        """Where the calling thread reads: the home thread on its reader (once attached), others on ``writer``."""
        if self._open_reader is None or threading.get_ident() != self.home:
            return writer
        if self.borrower == threading.get_ident():
            return writer  # the home thread's own transaction (Ledger.tx holds the writer): it sees its own writes
        if self._home_reader is None:
            self._home_reader = self._open_reader()
        return self._home_reader

    def install(self, conn, home: int | None = None) -> None:
        """Watch ``conn`` with ``home`` (default: this thread) as its owner when nobody borrowed it."""
        self.home = threading.get_ident() if home is None else home
        if self._conn is not conn:
            self._conn = conn
            conn.set_trace_callback(self._trace)
            if hasattr(conn, "guard"):
                conn.guard = self

    def uninstall(self) -> None:
        self._users = 1
        self.detach_home_reader()
        if self._conn is not None:
            if hasattr(self._conn, "guard"):
                self._conn.guard = None
            try:
                self._conn.set_trace_callback(None)
            except Exception:  # noqa: BLE001 - a closed connection has no hook left to remove
                pass
        self._conn, self.home = None, None

    @contextmanager
    def lend(self):
        """This thread holds the writer for the block; another borrower waits until it is returned."""
        self.take(None)
        try:
            yield
        finally:
            self.give()

    def take(self, wait_s: float | None) -> bool:
        """Hold the writer on this thread (again: one level deeper). ``wait_s`` None waits as long as it takes
        (a worker behind another job); a number waits at most that long — the GUI thread's own transaction
        behind a short job such as a logged search — and returns False when the holder did not let go.

        The bounded wait polls with ``time.sleep``: under libfaketime a timed lock wait's deadline is taken on
        the faked clock and never comes (issue 23), a sleep is intercepted correctly."""
        me = threading.get_ident()
        with self._mine:
            if self.borrower == me:
                self._depth += 1
                return True
        if wait_s is None:
            self._lock.acquire()
        elif not self._lock.acquire(blocking=False):
            deadline = time.monotonic() + wait_s
            while not self._lock.acquire(blocking=False):
                if time.monotonic() >= deadline:
                    return False
                time.sleep(POLL_S)
        with self._mine:
            self.borrower, self._depth = me, 1
        return True

    def give(self) -> None:
        """Undo one ``take``; the last one lets the next holder in."""
        with self._mine:
            self._depth -= 1
            last = self._depth == 0
            if last:
                self.borrower = None
        if last:
            self._lock.release()

    def may_write(self) -> bool:
        """False on a thread other than the borrower while a job borrowed the writer (Ledger.tx refuses then)."""
        borrower = self.borrower
        return borrower is None or borrower == threading.get_ident()

    @property
    def lent(self) -> bool:
        return self.borrower is not None

    def check_caller(self) -> None:
        """Before a statement on the writer: the home thread with a turn end attached takes the writer for its
        turn (DomainError LEDGER_BUSY past ``HOME_WAIT_S``); any other thread that does not hold it raises
        WriterMisuse (and it is kept in ``misuse``)."""
        me = threading.get_ident()
        if self._turn_end is not None and me == self.home:
            self.hold_turn()
            return
        owner = self.borrower or self.home
        if owner is not None and threading.get_ident() != owner:
            self._note("")
            raise WriterMisuse("the ledger's writer connection was used by a thread that does not hold it "
                               "(store/writer_guard.py)")

    def _note(self, sql: str) -> None:
        # the statement's text holds bound values (personal data): only its first word is kept (R15)
        entry = {"thread": threading.current_thread().name, "verb": (sql or "").split(None, 1)[:1],
                 "borrowed": self.borrower is not None, "stack": "".join(traceback.format_stack(limit=30)[:-2])}
        self.misuse.append(entry)
        log.error("writer connection used by %s while %s holds it:\n%s", entry["thread"],
                  "a background job" if entry["borrowed"] else "the GUI thread", entry["stack"])

    def _trace(self, sql: str) -> None:
        me = threading.get_ident()
        owner = self.borrower or self.home
        if owner is None:
            return
        if me != owner:  # a cursor made before: the connection's own check did not see this statement
            self._note(sql)
            return
        audit = os.environ.get(AUDIT_ENV)
        if audit and me == self.home and self._conn is not None and not self._conn.in_transaction:
            with open(audit, "a", encoding="utf-8") as fh:
                fh.write("=== " + " ".join((sql or "").split(None, 1)[:1]) + "\n"
                         + "".join(traceback.format_stack(limit=30)[:-1]))


def busy_error():
    """LEDGER_BUSY: a background job held the writer longer than the home thread waits (nothing was changed)."""
    from credit_desk.domain.errors import DomainError
    return DomainError("LEDGER_BUSY", "后台任务正在写入账本，请等它完成后再试；未做任何改动。",
                       "A background job is writing to the ledger; try again once it has finished. "
                       "Nothing was changed.")


class WriterMisuse(RuntimeError):
    """A thread used the session's writer while another holds it (a programming error, never a clerk's)."""


def guarded_connection_class(base):
    """A connection class (``factory=`` of ``connect``) whose ``execute``/``executemany``/``executescript``/``cursor``
    ask the guard first: a misuse raises WriterMisuse in the offending thread *before* SQLite takes the connection's
    mutex. The trace hook alone could only log it from inside SQLite, where a second thread holding the GIL and
    waiting for that mutex deadlocked the process instead (tests/gui/test_lock.py hung in CI)."""

    class GuardedConnection(base):
        guard: "WriterGuard | None" = None

        def _check(self) -> None:
            if self.guard is not None:
                self.guard.check_caller()

        def execute(self, *args, **kwargs):
            self._check()
            if self.guard is None or not _binds_big(args[1] if len(args) > 1 else kwargs.get("parameters")):
                return super().execute(*args, **kwargs)
            with self._untraced():
                return super().execute(*args, **kwargs)

        def executemany(self, *args, **kwargs):
            self._check()
            return super().executemany(*args, **kwargs)

        @contextmanager
        def _untraced(self):
            """Issue 18: SQLite's trace hook hands Python each statement with its bound values written into its
            text, built under Python's lock (a 57 MB 同步包 froze the window 0.9 s). The caller was checked just
            now; the hook is off for this one statement and back after it."""
            guard = self.guard
            self.set_trace_callback(None)
            try:
                yield
            finally:
                if guard is not None and guard._conn is self:
                    self.set_trace_callback(guard._trace)

        def executescript(self, *args, **kwargs):
            self._check()
            return super().executescript(*args, **kwargs)

        def cursor(self, *args, **kwargs):
            self._check()
            return super().cursor(*args, **kwargs)

    return GuardedConnection


BIG_BIND = 64 * 1024  # a bound value this long is not expanded into the trace (about 1 ms of the lock per 64 KiB)


def _binds_big(params) -> bool:
    if not params or isinstance(params, dict):
        values = params.values() if isinstance(params, dict) else ()
    else:
        values = params
    return any(isinstance(v, (bytes, bytearray, memoryview, str)) and len(v) >= BIG_BIND for v in values)


def all_misuse() -> list[dict]:
    """Every misuse any live guard saw (the GUI tests' check)."""
    return [m for g in list(_GUARDS) for m in g.misuse]


def clear_misuse() -> None:
    for g in list(_GUARDS):
        g.misuse.clear()
