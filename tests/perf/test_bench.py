"""``credit-desk bench`` at a small size (issue 9), so CI exercises every figure of it quickly.

Asserts the shape of the report and ratios against floors measured in the same run, never a wall-clock.
The figures at 100k and 1M records are in tests/perf/RESULTS.md (``credit-desk bench --records 1000000``).
"""

from __future__ import annotations

import json
import os

import pytest

from credit_desk.bench import runner
from credit_desk.cli.bench_cmds import _human

pytestmark = pytest.mark.perf
N = int(os.environ.get("CREDIT_DESK_BENCH_RECORDS", "20000"))
SEARCH_CLASSES = ("records.doc_number", "records.name", "records.id_prefix", "subjects.name", "subjects.id_prefix")
EXPECTED = {f"search.{c}.{what}.{q}" for c in SEARCH_CLASSES for what in ("page", "count") for q in ("p50", "p95", "max")} | {
            "view.records.first_page", "view.cases.first_page", "view.due.all_items", "dashboard.counts",
            "open.keyring", "open.recovery_passphrase", "insert.per_record_service", "insert.batch_service",
            "print.listing_decisions", "sync.export", "sync.intake", "sync.intake.server", "sync.export.gm",
            "sync.intake.gm", "sync.intake.server.gm", "gui.cold_start_to_dashboard", "gui.peak_memory",
            "gui.memory_after_scroll_and_search", "gui.gap.scroll", "gui.gap.search", "gui.gap.print", "gui.gap.backup",
            # issue 18, session 34: backup, restore, the checks and the audit verification, as the CLI runs them
            "backup.now", "restore", "restore.full", "check.full", "check.daily", "audit.verify_since",
            "audit.verify_since.rows_recomputed"}


def test_bench_reports_every_figure_with_its_floor(tmp_path, capsys):
    report = runner.run(N, keep=tmp_path / "bench")
    figs = {f["name"]: f for f in report["figures"]}
    with capsys.disabled():
        print("\n" + _human(report))
    assert EXPECTED <= set(figs)
    assert all(f["floor"] and f["ratio"] for f in figs.values())
    json.dumps(report)  # --json prints exactly this
    assert not (tmp_path / "bench" / "plain").exists()  # the plaintext copy is gone
    for c in SEARCH_CLASSES:  # same function, same data, same SQLite: encryption costs little
        assert figs[f"search.{c}.page.p95"]["queries"] >= 40, figs[f"search.{c}.page.p95"]
        assert figs[f"search.{c}.page.p95"]["ratio"] < 3, figs[f"search.{c}.page.p95"]
    assert sum(figs[f"search.{c}.page.p95"]["queries"] for c in SEARCH_CLASSES) >= 200
    # issue 18: the audit trail is seeded at scale, the load is recorded, and a missed goal says so
    assert report["seeded"]["audit_rows"] >= N and report["seeded"]["change_rows"] >= N
    assert len(report["load_average"]["before"]) == 3
    human = _human(report)
    for f in figs.values():
        if f["holds"] is False:
            assert f"{f['name']}" in human and "MISSED" in human.split(f["name"], 1)[1].split("\n", 1)[0]
    assert figs["dashboard.counts"]["value"] < figs["dashboard.counts_by_group_by"]["value"]
    assert figs["insert.batch_service"]["value"] > figs["insert.per_record_service"]["value"]
    # the daily check and the incremental verification found the ledger sound and walked no more than they say
    assert figs["check.daily"]["sound"] and figs["audit.verify_since"]["ok"]
    assert figs["audit.verify_since.rows_recomputed"]["holds"] and figs["restore"]["goal"] == 15_000
    # issue 18: the intake's goal is on the platform as it runs (the server, its workers, several offices); the
    # one-process receive is kept beside it, without a goal
    for name in ("sync.intake.server", "sync.intake.server.gm"):
        assert figs[name]["goal"] and figs[name]["offices"] > 1 and figs[name]["workers"] >= 1, figs[name]
        assert figs[name]["changes"] >= figs["sync.intake"]["changes"], figs[name]
    assert figs["sync.intake"]["goal"] is None and figs["sync.intake.gm"]["goal"] is None
