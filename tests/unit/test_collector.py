"""Issue 18, att18c: the counted pause of Python's cyclic collector (credit_desk/collector.py), attacked on its own.

Found and fixed: one long paused job — the GUI's writing jobs take the writer one at a time, so a GUI process never
has two; a receive waiting on its office's row up to the lock timeout; an export or a batch print at 1M — kept the
collector off for its whole length, for the whole process (GUI thread, read jobs, HTTP front included): the
"collect at least every 5 s" rule of att18b fired only when a second pause *ended* while another still ran.
Held (controls): the collector is on again after pauses nested and overlapping in several threads, ending in any
order, many of them by an exception; a process that runs with it off keeps it off and is never collected by the
watch.
"""

from __future__ import annotations

import gc
import random
import threading
import time
import weakref
from contextlib import contextmanager

import pytest

from credit_desk import collector


class _Cycle:
    """An object in a reference cycle: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self


def _cycle_ref() -> weakref.ref:
    garbage = _Cycle()
    return weakref.ref(garbage)


def _until(cond, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:  # time.sleep, not a timed wait: libfaketime (scripts/test_future_dates.sh)
        if cond():
            return True
        time.sleep(0.02)
    return cond()


@contextmanager
def _one_long_pause():
    """A job on another thread that stays inside ``collector.paused()`` until the block ends; yields its thread."""
    release = threading.Event()

    def long_job():
        with collector.paused():
            while not release.is_set():
                time.sleep(0.01)
    job = threading.Thread(target=long_job)
    job.start()
    try:
        yield job
    finally:
        release.set()
        job.join(10)


@pytest.fixture
def as_found():
    enabled = gc.isenabled()
    yield
    assert collector._PAUSES["n"] == 0, "a pause was left counted"
    assert gc.isenabled() == enabled
    gc.enable() if enabled else gc.disable()


def test_att18c_one_long_pause_still_collects_every_bound(monkeypatch, as_found):
    """A single job paused longer than the bound: a cycle the rest of the process made meanwhile is collected while
    the job still runs (it was kept until the job ended: a writing job of minutes held every cycle the GUI thread
    and the read jobs made meanwhile)."""
    monkeypatch.setattr(collector, "GC_PAUSE_MAX_SECONDS", 0.2)
    with _one_long_pause() as job:
        assert _until(lambda: collector._PAUSES["n"] == 1, 5) and not gc.isenabled()
        gone = _cycle_ref()
        assert _until(lambda: gone() is None, 3), "the cycle made during one long pause was never collected"
        assert job.is_alive() and not gc.isenabled()
    assert gc.isenabled()


def test_att18c_the_watch_leaves_a_process_that_runs_with_the_collector_off_alone(monkeypatch, as_found):
    monkeypatch.setattr(collector, "GC_PAUSE_MAX_SECONDS", 0.05)
    gc.disable()
    try:
        with collector.paused():
            gone = _cycle_ref()
            time.sleep(0.4)
            assert gone() is not None and not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_att18c_pauses_nested_overlapping_and_failing_in_many_threads_end_with_the_collector_on(as_found):
    """Eight threads, each nesting and overlapping pauses at random, a third of them ending by an exception: the
    collector is on once the last has ended, and the count is back at 0."""
    assert gc.isenabled()
    errors: list = []

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        for _ in range(150):
            try:
                with collector.paused():
                    if rng.random() < 0.5:
                        with collector.paused():
                            time.sleep(rng.random() / 1000)
                            if rng.random() < 0.33:
                                raise KeyError("inner")
                    if rng.random() < 0.33:
                        raise ValueError("outer")
            except (KeyError, ValueError):
                pass
            except BaseException as exc:  # noqa: BLE001 - anything else fails the test
                errors.append(exc)
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    assert collector._PAUSES["n"] == 0 and gc.isenabled()


def test_issue18_the_watch_walks_the_young_generations_not_the_old_heap(monkeypatch, as_found):
    """The watch's pass is a young one (generations 0 and 1), where what the process made since the last pass is
    (att18d: every GC_FULL_EVERY-th pass is full); a full pass also walked the GUI process's whole old heap every
    bound (hundreds of ms holding Python's lock at 1M: the window stood still), and a receive of one large bundle
    lost a third of its time to it."""
    monkeypatch.setattr(collector, "GC_PAUSE_MAX_SECONDS", 0.1)
    monkeypatch.setattr(collector, "GC_FULL_EVERY", 1000)  # att18d: every 12th pass of a pause is a full one
    full_before = gc.get_stats()[2]["collections"]
    young_before = gc.get_stats()[1]["collections"]
    with _one_long_pause() as job:
        assert _until(lambda: collector._PAUSES["n"] == 1, 5)
        gone = _cycle_ref()
        assert _until(lambda: gone() is None, 3), "the young cycle was not collected"
        assert gc.get_stats()[1]["collections"] > young_before
        assert gc.get_stats()[2]["collections"] == full_before, "the watch walked the old heap"


def test_att18d_a_cycle_that_outlived_a_watch_pass_is_still_collected_during_the_pause(monkeypatch, as_found):
    """The watch's young pass promotes what survives it to the old generation, which a young pass never walks again:
    a cycle made while paused that was still in use at one pass (a slow request's objects, a read job's rows) and
    dropped after it stayed uncollected for the rest of the pause — minutes, or as long as receives overlap. Every
    ``GC_FULL_EVERY``-th pass of one pause is a full one."""
    monkeypatch.setattr(collector, "GC_PAUSE_MAX_SECONDS", 0.1)
    monkeypatch.setattr(collector, "GC_FULL_EVERY", 4)
    with _one_long_pause() as job:
        assert _until(lambda: collector._PAUSES["n"] == 1, 5)
        held = _Cycle()
        gone = weakref.ref(held)
        young = gc.get_stats()[1]["collections"]
        assert _until(lambda: gc.get_stats()[1]["collections"] >= young + 2, 5)  # it survived two passes: old now
        assert gone() is not None
        del held
        assert _until(lambda: gone() is None, 5), "a cycle promoted by the watch's pass was kept until the pause ended"
        assert job.is_alive() and not gc.isenabled()
    assert gc.isenabled()
