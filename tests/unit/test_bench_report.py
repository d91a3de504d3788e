"""The bench's human report (``credit-desk bench``) prints every figure with its goal and verdict, the runs behind
a median figure and, for the CPU-bound intake server, where the window's CPU went (issue 18). The full bench runs
only under ``-m perf``; this checks the report's format on a hand-made report, so a format fault fails here."""

from __future__ import annotations

from credit_desk.bench.timing import figure
from credit_desk.cli.bench_cmds import _human

REPORT = {"records": 1000, "seeded": {"subjects": 200, "cases": 20, "audit_rows": 1001, "change_rows": 1001},
          "ledger_mb": 1.0, "seed_s": 1.0, "elapsed_s": 2.0, "date": "2026-12-02T10:00:00",
          "machine": {"cpus": 2, "cpu_model": "x", "memory_mb": 1024}, "load_average": {"before": [0.0] * 3,
                                                                                        "after": [1.0] * 3}}


def test_the_report_prints_runs_verdicts_and_the_window_cpu():
    figs = [figure("sync.export", 140_000, 500_000, unit="changes/s", goal=150_000.0, higher_is_better=True,
                   runs=[151_000.0, 140_000.0, 120_000.0]),
            figure("sync.intake.server", 61_000, 500_000, unit="changes/s", goal=60_000.0, higher_is_better=True,
                   runs=[65_000, 61_000, 50_000], window_cpu={"intake": 4.3, "postgresql": 2.3, "bench": 0.0,
                                                              "other": 0.1}),
            figure("restore", 2_000, 1_000, goal=15_000.0, runs=3)]  # an int: how many runs, not their figures
    lines = _human({**REPORT, "figures": figs}).splitlines()
    export = next(ln for ln in lines if ln.startswith("sync.export"))
    server = next(ln for ln in lines if ln.startswith("sync.intake.server"))
    restore = next(ln for ln in lines if ln.startswith("restore"))
    assert "MISSED" in export and "(runs: 151,000 / 140,000 / 120,000)" in export
    assert "holds" in server and "(runs: 65,000 / 61,000 / 50,000)" in server
    assert "[CPU s: intake 4.3, postgresql 2.3, bench 0, other 0.1]" in server
    assert "holds" in restore and "runs" not in restore
