"""GUI figures from the probe's child processes (gui/bench_probe.py): cold start and peak memory; then the window
under load (issue 18): memory after scrolling 100k rows and 100 searches, and the event loop's longest gap while
scrolling, searching, printing a batch and backing up, each against the same process's idle gap."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from credit_desk.gui.bench_probe import GAP_MARKER, MARKER, MEMORY_MARKER, RECORDS_MARKER, TICK_MS
from credit_desk.bench.timing import figure

START_GOAL_MS, MEMORY_GOAL_MB, GAP_GOAL_MS = 1500.0, 400.0, 100.0
RUNS = 3
LOAD_ROWS, LOAD_SEARCHES, LOAD_DOCS = 100_000, 100, 2
GAP_NOTES = {
    "scroll": "scrolling the records list to {count:,} rows, page by page",
    "search": "{count} searches in the records list's search box",
    "print": "a batch of {count} issued notices printed from the 文书 register (300 dpi, to a PDF printer)",
    "backup": "the start-up job's automatic backup ({count} progress steps)",
}


def _run(args: list[str], env: dict) -> dict:
    start = time.time()
    r = subprocess.run([sys.executable, "-m", "credit_desk.gui.bench_probe", *args], capture_output=True,
                       text=True, env=env, timeout=300)
    marks = {ln.split()[0]: ln.split()[1:] for ln in r.stdout.splitlines() if ln.startswith("CREDIT_DESK_")}
    if MARKER not in marks:
        raise RuntimeError(f"GUI probe failed (exit {r.returncode}): {r.stderr[-2000:]}")
    out = {"start_ms": (float(marks[MARKER][0]) - start) * 1000, "peak_mb": int(marks[MARKER][1]) / 1024}
    if RECORDS_MARKER in marks:
        out["records_peak_mb"] = int(marks[RECORDS_MARKER][1]) / 1024
    return out


def _env(key: bytes, home: Path) -> dict:
    home.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "CREDIT_DESK_BENCH_KEY": key.hex(), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "share"), "HOME": str(home)}
    env.pop("CREDIT_DESK_SMOKE_SECONDS", None)
    return env


def gui_figures(folder: Path, key: bytes, home: Path, log=lambda msg: None) -> list[dict]:
    """Median of RUNS cold starts (after one warm-up of each) against bare Qt showing an empty window; then the
    window under load (``load_figures``)."""
    env = _env(key, home)
    _run([str(folder)], env), _run(["--bare"], env)  # warm the page cache for both
    app, bare = [], []
    for _ in range(RUNS):
        app.append(_run([str(folder)], env))
        bare.append(_run(["--bare"], env))
    mid = RUNS // 2
    a = sorted(app, key=lambda r: r["start_ms"])[mid]
    b = sorted(bare, key=lambda r: r["start_ms"])[mid]
    peak = max(r.get("records_peak_mb", r["peak_mb"]) for r in app)
    return [figure("gui.cold_start_to_dashboard", a["start_ms"], b["start_ms"], goal=START_GOAL_MS,
                   note="process start to dashboard counts shown (unlock, login, main window); floor: bare Qt "
                        "window"),
            figure("gui.peak_memory", peak, b["peak_mb"], unit="MB", goal=MEMORY_GOAL_MB,
                   note="peak RSS with the ledger open, dashboard and first records page shown; floor: bare Qt"),
            *load_figures(folder, env, home, log)]


def load_figures(folder: Path, env: dict, home: Path, log=lambda msg: None) -> list[dict]:
    """One probe process (``bench_probe --load``) as the clerk: memory after scrolling and searching, and the
    longest event-loop gap of each operation against the same process's idle gap (the floor), goal 100 ms."""
    out = home / "load"
    out.mkdir(parents=True, exist_ok=True)
    log(f"GUI under load: {LOAD_ROWS:,} rows scrolled, {LOAD_SEARCHES} searches, a print batch, a backup …")
    r = subprocess.run([sys.executable, "-m", "credit_desk.gui.bench_probe", "--load", str(folder), str(out),
                        str(LOAD_ROWS), str(LOAD_SEARCHES), str(LOAD_DOCS)], capture_output=True, text=True,
                       env=env, timeout=3600)
    gaps = {ln.split()[1]: ln.split()[2:] for ln in r.stdout.splitlines() if ln.startswith(GAP_MARKER)}
    memory = next((ln.split()[1:] for ln in r.stdout.splitlines() if ln.startswith(MEMORY_MARKER)), None)
    if r.returncode != 0 or memory is None or "idle" not in gaps:
        raise RuntimeError(f"GUI load probe failed (exit {r.returncode}): {r.stdout[-1000:]} {r.stderr[-2000:]}")
    peak, base, rows, searches = (int(x) for x in memory)
    figs = [figure("gui.memory_after_scroll_and_search", peak / 1024, base / 1024, unit="MB", goal=MEMORY_GOAL_MB,
                   note=f"peak RSS after scrolling {rows:,} rows of the records list and {searches} searches; "
                        "floor: the same process with the first page shown")]
    idle = float(gaps["idle"][0])
    for phase, note in GAP_NOTES.items():
        if phase not in gaps:
            continue
        longest, ticks, count, over = gaps[phase]
        figs.append(figure(f"gui.gap.{phase}", float(longest), idle, goal=GAP_GOAL_MS,
                           note=note.format(count=int(count)) + f"; longest interval of a {TICK_MS} ms timer over "
                                f"{int(ticks):,} ticks ({int(over)} over {GAP_GOAL_MS:.0f} ms); floor: the same "
                                "timer's longest interval idle in the same process"))
    return figs
