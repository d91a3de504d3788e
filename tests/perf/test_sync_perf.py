"""Benchmark: export and intake of N changes in each suite against that suite's own floor — raw AES-256-GCM plus
one Ed25519 signature (intl/1), raw SM4-GCM plus one SM2-SM3 signature (gm/1) over the same bytes — measured in the
same run (a ratio, never a wall-clock assertion).

The measuring code is ``credit_desk.bench.sync_figures.sync_rates``, shared with ``credit-desk bench``.
The intake's goal is measured on ``intake serve`` with its workers receiving several offices at once
(``credit_desk.bench.platform_figures.server_rate``, the bench's sync.intake.server); the one-process receive is
printed beside it. Default N = 20,000; the full figure (issue 18):
CREDIT_DESK_PERF_CHANGES=200000 pytest -m perf tests/perf/test_sync_perf.py -s
"""

from __future__ import annotations

import os

import pytest

from credit_desk.bench.sync_figures import EXPORT_GOAL, INTAKE_GOAL, sync_rates
from credit_desk.bench.platform_figures import server_rate_median

N = int(os.environ.get("CREDIT_DESK_PERF_CHANGES", "20000"))


@pytest.mark.perf
@pytest.mark.parametrize("suite", ["intl/1", "gm/1"])
def test_sync_export_and_intake_throughput_against_the_crypto_floor(tmp_path, suite):
    r = sync_rates(tmp_path, N, suite)
    changes, floor_s, export_s, intake_s = r["changes"], r["floor_s"], r["export_s"], r["intake_s"]
    assert changes >= N
    print(f"\nsync benchmark [{suite}]: {changes} changes, payload {r['plain_bytes'] / 1e6:.1f} MB plain, "
          f"bundle {r['bundle_bytes'] / 1e6:.1f} MB")
    floor_name = "SM4-GCM + one SM2-SM3 signature" if suite == "gm/1" else "AES-256-GCM + one Ed25519 signature"
    print(f"  floor ({floor_name} over the same bytes): {floor_s:.3f} s "
          f"= {changes / floor_s:,.0f} changes/s")
    print(f"  export (read log, compress, encrypt, sign, store, write+fsync, read back, verify): {export_s:.3f} s "
          f"= {changes / export_s:,.0f} changes/s, {export_s / floor_s:.1f}x the floor")
    print(f"  intake (verify, decrypt, decompress, parse, check, store, receipt): {intake_s:.3f} s "
          f"= {changes / intake_s:,.0f} changes/s, {intake_s / floor_s:.1f}x the floor")
    assert export_s > 0 and intake_s > 0 and floor_s > 0
    # issue 18: the platform's intake as it runs — `intake serve` with a worker per CPU, several offices at once
    srv = server_rate_median(tmp_path / "server", N, suite)
    print(f"  intake server ({srv['workers']} workers, {srv['offices']} offices x {srv['bundles']} bundles at once, "
          f"loopback, median of {srv['rates']}): {srv['seconds']:.3f} s = {srv['changes'] / srv['seconds']:,.0f} changes/s "
          f"(goal {INTAKE_GOAL:,.0f}{'' if srv['changes'] / srv['seconds'] >= INTAKE_GOAL else ', MISSED'}); "
          f"export goal {EXPORT_GOAL:,.0f}{'' if changes / export_s >= EXPORT_GOAL else ', MISSED'}; "
          f"load average {os.getloadavg()[0]:.1f}")
    assert srv["changes"] >= N
