"""Python's cyclic garbage collector paused while bulk work runs (issue 18).

Bulk work — the platform receiving a bundle, the office's GUI importing a sheet, exporting, printing a batch —
builds many short-lived objects and keeps them until it ends. Each time enough of them had accumulated the
collector walked every live object of the process (a full pass: 40–70 ms in the office's GUI process, holding
Python's lock, so the window's event loop stood still — gaps over 100 ms during a 3,000-row 双公示 import; 10–15% of
the platform's receive) and found nothing: they are freed by reference counting when the work ends.

``paused()`` is counted across threads: the collector is off while any paused work runs and on again when the last
one ends (as it was before). While such work overlaps without a gap, one that ends after the collector has been
off ``GC_PAUSE_MAX_SECONDS`` collects once (att18b: overlapping receives kept it off for good).
"""

from __future__ import annotations

import gc
import threading
import time
from contextlib import contextmanager

_PAUSES = {"n": 0}
_PAUSES_LOCK = threading.Lock()
GC_PAUSE_MAX_SECONDS = 5.0


@contextmanager
def paused():
    """The collector off for the ``with`` block (see the module); no effect on a process that runs with it off."""
    with _PAUSES_LOCK:
        _PAUSES["n"] += 1
        if _PAUSES["n"] == 1:
            _PAUSES["was"] = gc.isenabled()
            _PAUSES["since"] = time.monotonic()
            gc.disable()
    try:
        yield
    finally:
        collect = False
        with _PAUSES_LOCK:
            _PAUSES["n"] -= 1
            if _PAUSES["n"] == 0:
                if _PAUSES.pop("was", True):
                    gc.enable()
            elif _PAUSES.get("was", True) and time.monotonic() - _PAUSES["since"] >= GC_PAUSE_MAX_SECONDS:
                _PAUSES["since"], collect = time.monotonic(), True
        if collect:
            gc.collect()
