"""Start a long write in a child process and SIGKILL it at a random moment.

Runs per operation: RUNS_CI by default, CREDIT_DESK_KILL_RUNS=50 (or more) for the long mode.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

RUNS = int(os.environ.get("CREDIT_DESK_KILL_RUNS", "5"))


def run_and_kill(args: list[str], rng: random.Random, earliest: float, latest: float,
                 env: dict | None = None) -> tuple[bool, float]:
    """Returns (killed, after_seconds); killed is False when the child finished first."""
    delay = rng.uniform(earliest, latest)
    proc = subprocess.Popen([sys.executable, "-m", "credit_desk", *args], env={**os.environ, **(env or {})},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = proc.stderr.read().decode(errors="replace")
            assert proc.returncode == 0, err
            return False, delay
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stderr.close()
    return True, delay
