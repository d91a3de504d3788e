"""GUI figures from the probe's child processes (gui/bench_probe.py): cold start and peak memory."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from credit_desk.gui.bench_probe import MARKER, RECORDS_MARKER
from credit_desk.bench.timing import figure

START_GOAL_MS, MEMORY_GOAL_MB = 1500.0, 400.0
RUNS = 3


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


def gui_figures(folder: Path, key: bytes, home: Path) -> list[dict]:
    """Median of RUNS cold starts (after one warm-up of each) against bare Qt showing an empty window."""
    home.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "CREDIT_DESK_BENCH_KEY": key.hex(), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "share"), "HOME": str(home)}
    env.pop("CREDIT_DESK_SMOKE_SECONDS", None)
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
                   note="peak RSS with the ledger open, dashboard and first records page shown; floor: bare Qt")]
