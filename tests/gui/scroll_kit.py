"""Issue 18: scroll the records list and search many times, measuring what the clerk would feel — the process's
memory growth and the event loop's longest gaps — as ratios to baselines measured in the same run (no wall-clock
figure is asserted). Used by the default run (a few thousand rows, tests/gui/test_scroll_memory.py) and by the
benchmark at 100k rows (tests/perf/test_gui_perf.py, marker perf)."""

from __future__ import annotations

import hashlib
import os
import threading

from PySide6.QtCore import QElapsedTimer, QTimer

SEARCHES = ("清", "清江", "320812", "王", "〔2024〕", "9132", "没有这个名字的主体", "张", "决〔", "清执")


def rss_kib() -> int:
    """Resident memory of this process (Linux /proc; 0 elsewhere)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
    except OSError:
        return 0


def gaps_ms(during) -> list[float]:
    """Gaps between 10 ms timer ticks while ``during()`` runs."""
    clock, ticks = QElapsedTimer(), []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(clock.nsecsElapsed() / 1e6))
    clock.start()
    timer.start()
    during()
    timer.stop()
    return [b - a for a, b in zip(ticks, ticks[1:])] or [0.0]


def beside_a_busy_core(during) -> None:
    """``during`` while another thread keeps a core busy without holding Python's lock: the baseline of a loop that
    only competes for the CPU with background work (the machine is shared)."""
    stop, block = threading.Event(), b"x" * (1 << 20)

    def burn():
        while not stop.is_set():
            hashlib.sha256(block).digest()
    t = threading.Thread(target=burn)
    t.start()
    try:
        during()
    finally:
        stop.set()
        t.join()


def scroll_all(qtbot, view, rows: int) -> int:
    """Scroll the list to its end page by page (the view asks the model for more at the bottom) until ``rows``."""
    model, table = view.model, view.table
    while model.rowCount() < rows:
        before = model.rowCount()
        table.scrollToBottom()
        qtbot.waitUntil(lambda: not model.loading, timeout=300_000)
        if model.rowCount() == before and not model.canFetchMore():
            break
    return model.rowCount()


def search_many(qtbot, view, times: int) -> None:
    view.search.purpose.setEditText("性能核查")
    for i in range(times):
        view.search.edit.setText(SEARCHES[i % len(SEARCHES)] + ("" if i < len(SEARCHES) else " "))
        view.search.fire_now()
        qtbot.waitUntil(lambda: not view.model.loading and "…" not in view.count.text(), timeout=300_000)
