"""Start-to-first-window time of the frozen program against running from source (figures for the README).

    QT_QPA_PLATFORM=offscreen .venv/bin/python installer/startup_time.py [--runs 7] [--frozen /usr/bin/credit-desk]

Each run notes the time, starts the program with CREDIT_DESK_SMOKE_SECONDS=0 (credit_desk/gui/smoke.py), and
reads the moment the first window was painted from its stderr. Both programs open the same initialised ledger
with no keyring, so the first window is the unlock dialog after the whole GUI has been imported. Runs
alternate between the two after one warm-up each (warm page cache, as on the second start of the day).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARKER = "CREDIT_DESK_FIRST_WINDOW"
PASSWORD = "Startup-Probe-Adm1n-2026!"
PASSPHRASE = "startup probe recovery passphrase words"


def _env(home: Path) -> dict:
    return {**os.environ, "HOME": str(home), "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", "CREDIT_DESK_SMOKE_SECONDS": "0",
            "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "share")}


def first_window_ms(cmd: list[str], data: Path, home: Path) -> float:
    start = time.time()
    r = subprocess.run([*cmd, "--data-dir", str(data)], capture_output=True, text=True, env=_env(home), timeout=300)
    line = next((ln for ln in r.stderr.splitlines() if ln.startswith(MARKER)), None)
    if r.returncode != 0 or line is None or line.split()[1] == "none:":
        raise SystemExit(f"{cmd[0]} failed (exit {r.returncode}):\n{r.stderr}")
    return (float(line.split()[1]) - start) * 1000


def make_ledger(cmd: list[str], folder: Path, home: Path) -> Path:
    (folder / "pw").write_text(PASSWORD)
    (folder / "pp").write_text(PASSPHRASE)
    data = folder / "data"
    subprocess.run([*cmd, "--data-dir", str(data), "init", "--office", "计时信用办", "--region", "320812",
                    "--admin", "admin", "--password-file", str(folder / "pw"), "--recovery-passphrase-file",
                    str(folder / "pp")], check=True, capture_output=True, env=_env(home))
    return data


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--frozen", default="/usr/bin/credit-desk")
    ap.add_argument("--source", default=f"{sys.executable} -m credit_desk")
    args = ap.parse_args()
    programs = {"frozen": [args.frozen], "source": args.source.split()}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        data = make_ledger(programs["source"], folder, folder)
        times: dict[str, list[float]] = {name: [] for name in programs}
        for name, cmd in programs.items():
            first_window_ms(cmd, data, folder)  # warm-up, not counted
        for _ in range(args.runs):
            for name, cmd in programs.items():
                times[name].append(first_window_ms(cmd, data, folder))
    for name, values in times.items():
        print(f"{name:6s}: mean {statistics.mean(values):.0f} ms, median {statistics.median(values):.0f} ms "
              f"(min {min(values):.0f}, max {max(values):.0f}, {len(values)} runs)")
    ratio = statistics.mean(times["frozen"]) / statistics.mean(times["source"])
    print(f"frozen / source = {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
