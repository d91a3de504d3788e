"""Python's cyclic garbage collector paused while bulk work runs (issue 18).

Bulk work — the platform receiving a bundle, the office's GUI importing a sheet, exporting, printing a batch —
builds many short-lived objects and keeps them until it ends. Each time enough of them had accumulated the
collector walked every live object of the process (a full pass: 40–70 ms in the office's GUI process, holding
Python's lock, so the window's event loop stood still — gaps over 100 ms during a 3,000-row 双公示 import; 10–15% of
the platform's receive) and found nothing: they are freed by reference counting when the work ends.

``paused()`` is counted across threads: the collector is off while any paused work runs and on again when the last
one ends (as it was before). The pause is the whole process's, not only the work's: the GUI thread, read jobs and
the HTTP front make reference cycles meanwhile. So while paused work runs, a watch thread collects once every
``GC_PAUSE_MAX_SECONDS`` (a pass over the young generations, every ``GC_FULL_EVERY``-th a full one): overlapping
receives kept it off for as long as they overlapped (att18b), and one long job — the GUI's writing jobs take the
writer one at a time, a receive waits up to the lock timeout on its office's row, an export or a batch print at 1M
runs for minutes — kept it off for its whole length (att18c).
"""

from __future__ import annotations

import gc
import threading
import time
from contextlib import contextmanager

GC_PAUSE_MAX_SECONDS = 5.0
# every GC_FULL_EVERY-th pass of one pause is a full one (att18d): a young pass moves what survives it to the old
# generation, which young passes never walk again — a cycle still in use at one pass and dropped after it was kept
# until the pause ended. One full pass a minute (at the 5 s bound) instead of one per bound.
GC_FULL_EVERY = 12
_PAUSES = {"n": 0, "was": True, "since": 0.0, "passes": 0}
_PAUSES_LOCK = threading.Condition()
_WATCH: dict = {"thread": None}


@contextmanager
def paused():
    """The collector off for the ``with`` block (see the module); no effect on a process that runs with it off."""
    with _PAUSES_LOCK:
        _PAUSES["n"] += 1
        if _PAUSES["n"] == 1:
            _PAUSES["was"] = gc.isenabled()
            _PAUSES["since"] = time.monotonic()
            _PAUSES["passes"] = 0
            gc.disable()
            _start_watch()
            _PAUSES_LOCK.notify_all()
    try:
        yield
    finally:
        with _PAUSES_LOCK:
            _PAUSES["n"] -= 1
            if _PAUSES["n"] == 0 and _PAUSES["was"]:
                gc.enable()


def _start_watch() -> None:
    # under _PAUSES_LOCK; one watch thread per process (a spawned intake worker starts its own)
    if _WATCH["thread"] is None or not _WATCH["thread"].is_alive():
        _WATCH["thread"] = threading.Thread(target=_watch, name="collector-watch", daemon=True)
        _WATCH["thread"].start()


def _watch() -> None:
    """While paused work runs, one collection every ``GC_PAUSE_MAX_SECONDS``. Paced with time.sleep, never a timed
    wait on a lock: under libfaketime (scripts/test_future_dates.sh) a timed wait never ends."""
    while True:
        with _PAUSES_LOCK:
            while _PAUSES["n"] == 0:
                _PAUSES_LOCK.wait()  # untimed: the next pause's first entry wakes it
            left = _PAUSES["since"] + GC_PAUSE_MAX_SECONDS - time.monotonic()
            collect = left <= 0 and _PAUSES["was"]
            if left <= 0:
                _PAUSES["since"] = time.monotonic()
            if collect:
                _PAUSES["passes"] += 1
                full = _PAUSES["passes"] % max(1, GC_FULL_EVERY) == 0
        if collect:
            # mostly the young generations: a cycle made since the last pass is found there, and a full pass walks
            # the whole old heap of the GUI process (hundreds of ms at 1M, holding Python's lock: the window stood
            # still). But a young pass promotes its survivors to the old generation (CPython 3.11: gen 1 -> gen 2),
            # so a cycle made while paused and dropped after a pass is old: every GC_FULL_EVERY-th pass is full.
            gc.collect(2 if full else 1)
        elif left > 0:
            time.sleep(min(left, 0.25))  # wakes to see a pause that ended, or a shorter bound (tests)
