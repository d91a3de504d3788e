"""Issue 18: PySide6 6.12.0 (under Python 3.11) drops one reference to ``True`` at every ``Signal.emit`` from
Python, whatever the signal's arguments, the thread or the receivers. After a few hundred to a few thousand
emits — one or two per background job, one per progress step — the interpreter frees ``True`` and aborts
("Fatal Python error: bool_dealloc"): the window dies while the clerk scrolls a long list. pyproject.toml keeps
PySide6 below 6.12; this test fails on a version with the fault."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    any_value = Signal(object)
    two_ints = Signal(int, int)
    nothing = Signal()


def test_signal_emit_keeps_the_reference_count_of_true(qapp):
    emitter, seen = _Emitter(), []
    emitter.any_value.connect(seen.append)
    before = sys.getrefcount(True)
    for i in range(300):  # well below the few hundred references a small process holds to True
        emitter.any_value.emit(i)
        emitter.two_ints.emit(i, i)
        emitter.nothing.emit()
    lost = before - sys.getrefcount(True)
    assert len(seen) == 300
    assert abs(lost) < 50, f"{lost} references to True lost over 900 emits"
