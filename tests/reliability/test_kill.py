"""Crash safety: a write killed with SIGKILL at a random point leaves all of it or none of it,
and the ledger still passes integrity_check and audit verify."""

from __future__ import annotations

import json
import random
import time

from credit_desk.services import backup, ledgers
from tests.conftest import run_cli_subprocess
from tests.reliability.killer import RUNS, run_and_kill


def _base(data_dir, secret_files):
    return ["--data-dir", str(data_dir), "--recovery-passphrase-file", str(secret_files["passphrase"])]


def _init(data_dir, secret_files):
    r = run_cli_subprocess(["--data-dir", str(data_dir), "init", "--office", "测试信用办", "--region", "320812",
                            "--admin", "admin", "--password-file", str(secret_files["admin"]),
                            "--recovery-passphrase-file", str(secret_files["passphrase"])])
    assert r.returncode == 0, r.stderr


def _state(data_dir, secret_files):
    from credit_desk.store import keys
    from credit_desk.store.ledger import LedgerPaths
    key = keys.read_recovery(LedgerPaths(data_dir).recovery, secret_files["passphrase"].read_text())
    from credit_desk.store.ledger import open_with_key
    led = open_with_key(data_dir, key, read_only=True)
    from credit_desk.services.base import Desk
    desk = Desk(led, key)
    items = {i.name: i.ok for i in backup.check(desk)}
    counts = led.query("SELECT (SELECT count(*) FROM subjects) AS s, (SELECT count(*) FROM records) AS r")[0]
    desk.close()
    return items, counts


def test_kill_demo_data_leaves_all_or_nothing(data_dir, secret_files):
    _init(data_dir, secret_files)
    rng = random.Random(20261122)
    base = _base(data_dir, secret_files)
    subjects_per_run, records_per_run = 1500, 40000
    cmd = base + ["--user", "admin", "demo-data", "--subjects", str(subjects_per_run), "--records",
                  str(records_per_run)]
    started = time.monotonic()
    run_and_kill(cmd + ["--seed", "999"], rng, 600, 600)  # one full run: how long the write takes here
    full = time.monotonic() - started
    killed = 0
    for i in range(RUNS):
        was_killed, _ = run_and_kill(cmd + ["--seed", str(i)], rng, 0.3 * full, 0.97 * full)
        killed += was_killed
        items, counts = _state(data_dir, secret_files)
        assert items["integrity"] and items["audit"] and items["changes"], items
        assert counts["s"] % subjects_per_run == 0 and counts["r"] % records_per_run == 0, counts
        assert counts["s"] // subjects_per_run == counts["r"] // records_per_run
    assert killed >= RUNS // 2, f"only {killed} of {RUNS} runs were killed mid-write"
    _write_result("demo-data", RUNS, killed)


def _write_result(op: str, runs: int, killed: int) -> None:
    """Long-mode figures land in tests/RELIABILITY.md by hand; CI just prints them."""
    print(json.dumps({"operation": op, "runs": runs, "killed": killed}))
