"""Start a long write in a child process and SIGKILL it at a random point INSIDE that write.

The child is the real CLI run through ``tests/reliability/marked_child.py``, which appends a mark when each
ledger transaction and atomic file write begins and ends. ``measure`` runs the command once to find its main
write (the longest transaction) and how long the writing lasts; ``kill_in_write`` waits for that transaction's
begin mark (an observed point, not a guess from wall-clock time), kills after a random part of the measured
span, and reports from the marks whether a write was still open at the kill. Kills that came too late (the
write had ended) are not counted; ``kill_runs`` repeats until RUNS kills fell inside a write.

Runs per operation: RUNS (5) by default, CREDIT_DESK_KILL_RUNS=50 (or more) for the long mode.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

RUNS = int(os.environ.get("CREDIT_DESK_KILL_RUNS", "5"))
CHILD = [sys.executable, "-m", "tests.reliability.marked_child"]
REPO = Path(__file__).resolve().parents[2]
WAIT_LIMIT = 600.0  # seconds a child may take to reach its write (a loaded 2-core machine)


def read_marks(path: Path) -> list[tuple[str, str, int, float]]:
    """(begin|end|hold, tx|file|action, number, monotonic seconds) per line of the child's marks."""
    return [m[:4] for m in _read(path)]


def _read(path: Path) -> list[tuple[str, str, int, float, str]]:
    """As read_marks, with the service function that opened each transaction (its begin line) last."""
    if not path.exists():
        return []
    out = []
    for line in path.read_text().splitlines():
        parts = line.split()
        if parts and parts[0] == "hold":
            out.append(("hold", parts[1], 0, float(parts[2]), ""))
        elif len(parts) >= 4:
            out.append((parts[0], parts[1], int(parts[2]), float(parts[3]), parts[4] if len(parts) > 4 else ""))
    return out


def open_writes(marks: list[tuple[str, str, int, float]]) -> list[tuple[str, int]]:
    """The writes that had begun and not ended: what a kill at that moment interrupted."""
    begun = {(kind, n) for what, kind, n, _ in marks if what == "begin"}
    ended = {(kind, n) for what, kind, n, _ in marks if what == "end"}
    return sorted(begun - ended)


def _start(args: list[str], marks: Path, env: dict | None) -> subprocess.Popen:
    marks.unlink(missing_ok=True)
    return subprocess.Popen([*CHILD, *args], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, **(env or {}), "CREDIT_DESK_TEST_MARKS": str(marks)})


def _finish(proc: subprocess.Popen) -> None:
    err = proc.communicate()[1].decode(errors="replace")
    assert proc.returncode == 0, err


@dataclass(frozen=True)
class Write:
    """An operation's main write, from one complete run: the longest transaction, opened by the service
    function ``opener``, begins it, and the writing lasts ``span`` seconds from that begin to the last end mark
    of the run."""

    opener: str
    span: float


def measure(args: list[str], marks: Path, env: dict | None = None) -> Write:
    """Run ``args`` to the end once (it must succeed) and locate its main write from the marks."""
    proc = _start(args, marks, env)
    _finish(proc)
    m = _read(marks)
    begins = {n: (t, where) for what, kind, n, t, where in m if what == "begin" and kind == "tx"}
    ends = {n: t for what, kind, n, t, _ in m if what == "end" and kind == "tx"}
    assert begins and begins.keys() == ends.keys(), m
    main = max(begins, key=lambda n: ends[n] - begins[n][0])
    last = max(t for what, _, _, t, _ in m if what == "end")
    return Write(begins[main][1], last - begins[main][0])


def kill_in_write(args: list[str], write: Write, rng: random.Random, marks: Path,
                  env: dict | None = None) -> list[tuple[str, int]]:
    """Start ``args``, wait for the begin mark of a transaction opened by ``write.opener``, SIGKILL at a random
    point of ``write.span`` counted from the time stamp of that mark (CLOCK_MONOTONIC is one clock for every
    process), not from when this loop saw it: a loaded machine may see the mark late, and a delay counted from
    then fell after a short write.

    Returns the writes open at the kill (empty: the kill came after the writing, or the child had finished).
    """
    proc = _start(args, marks, env)
    deadline = time.monotonic() + WAIT_LIMIT
    while not (begun := [t for what, kind, _, t, where in _read(marks)
                         if what == "begin" and kind == "tx" and where == write.opener]):
        if proc.poll() is not None:
            _finish(proc)
            return []
        assert time.monotonic() < deadline, "the child never reached its write"
        time.sleep(0.002)
    at = begun[0] + rng.uniform(0, 0.95 * write.span)
    time.sleep(max(0.0, at - time.monotonic()))
    if proc.poll() is not None:
        _finish(proc)
        return []
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stderr.close()
    return open_writes(read_marks(marks))


def observed_span(write: Write, marks: Path) -> float | None:
    """How long the writing of a run that ended (or was killed after it) lasted, from its marks: the begin of
    the main write to the last end mark; None when the marks do not show a complete main write."""
    m = _read(marks)
    begins = [(n, t) for what, kind, n, t, where in m if what == "begin" and kind == "tx" and where == write.opener]
    if not begins:
        return None
    n, t0 = begins[0]
    if not any(what == "end" and kind == "tx" and k == n for what, kind, k, _, _ in m):
        return None
    return max(t for what, _, _, t, _ in m if what == "end") - t0


def kill_runs(args_for: Callable[[int], list[str]], write: Write, rng: random.Random, marks: Path,
              after_each: Callable[[int, bool], None], runs: int = RUNS, env: dict | None = None) -> int:
    """Kill runs until ``runs`` of them fell inside a write (at most 3 × runs attempts); ``after_each(i,
    inside)`` checks the ledger after every attempt. Returns the attempts made.

    The span to aim in is the one measured, shortened to what a run whose kill came too late shows its write
    really took (a short write, e.g. a receipt import, measured once on a quiet moment and then run faster or
    slower under load): the kill points stay random inside the write as it runs now. The count still fails
    when kills do not land inside writes (a child that writes nothing, a broken mark)."""
    inside = attempts = 0
    while inside < runs:
        attempts += 1
        assert attempts <= 3 * runs, f"only {inside} of {attempts - 1} kills fell inside the write"
        hit = bool(kill_in_write(args_for(attempts), write, rng, marks, env))
        inside += hit
        if not hit and (span := observed_span(write, marks)) is not None and span > 0:
            write = Write(write.opener, min(write.span, span))
        after_each(attempts, hit)
    return attempts


def hold_and_kill(args: list[str], action: str, marks: Path, env: dict | None = None) -> list[tuple[str, int]]:
    """Run ``args`` until it has written its ``action`` audit row inside an open transaction (the child then
    waits), SIGKILL it there; returns the writes open at the kill (never empty: the test asserts it)."""
    proc = _start(args, marks, {**(env or {}), "CREDIT_DESK_TEST_HOLD_AT_AUDIT": action})
    deadline = time.monotonic() + WAIT_LIMIT
    while not any(what == "hold" for what, *_ in read_marks(marks)):
        if proc.poll() is not None:
            _finish(proc)
            raise AssertionError(f"the child finished without writing an audit row for {action}")
        assert time.monotonic() < deadline, f"the child never wrote its {action} audit row"
        time.sleep(0.002)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stderr.close()
    return open_writes(read_marks(marks))
