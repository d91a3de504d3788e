"""Benchmark (report-only, issue 20): offices sending bundles to the platform server at once over loopback.

Measured in the same run: the server's throughput (changes filed per second, from the first POST to the last
receipt), a bare COPY of the very same rows into the same tables (a fresh schema), their ratio, the server's
peak memory (VmHWM of its processes), the load average, and the CPU seconds each side used (the server's
processes plus the PostgreSQL cluster's, against the cluster's for the bare COPY): on a shared machine the
wall-clock ratio moves with the other jobs, the CPU per change much less. Bundles are made before the clock starts (the offices are other machines).
Full size: CREDIT_DESK_PLATFORM_OFFICES=100 CREDIT_DESK_PLATFORM_BUNDLES=10 CREDIT_DESK_PLATFORM_CHANGES=5000
(the defaults) with ``pytest -m perf tests/perf/test_platform_load.py -s``.
"""

from __future__ import annotations

import io
import os
import time

import psycopg
import pytest

from credit_desk.intake import pgstore
from credit_desk.intake.receiver import Intake
from tests.platform_kit import (check_all, cpu_seconds, make_offices, peak_rss_tree_mb, postmaster_pid, send_all,
                                serve_subprocess)

OFFICES = int(os.environ.get("CREDIT_DESK_PLATFORM_OFFICES", "100"))
BUNDLES = int(os.environ.get("CREDIT_DESK_PLATFORM_BUNDLES", "10"))
CHANGES = int(os.environ.get("CREDIT_DESK_PLATFORM_CHANGES", "5000"))
WORKERS = os.environ.get("CREDIT_DESK_PLATFORM_WORKERS", str(os.cpu_count() or 1))  # intake serve --workers
GOAL_PER_S = 50_000  # issue 20: "throughput >= 50k changes/s on this 2-core box"


@pytest.mark.perf
def test_platform_load_throughput_against_a_bare_copy(tmp_path, platform_dsn):
    folder = tmp_path / "intake"
    Intake.init(folder)
    intake = Intake(folder)
    t0 = time.perf_counter()
    offices, bundles = make_offices(folder, OFFICES, BUNDLES, CHANGES, intake)
    made_s = time.perf_counter() - t0
    proc, url = serve_subprocess(folder, "--rate", "1000", "--max-in-flight", "8", "--workers", WORKERS)
    pg = postmaster_pid(platform_dsn)
    try:
        load0 = os.getloadavg()
        t0, server_cpu0, pg_cpu0 = time.perf_counter(), cpu_seconds(proc.pid), cpu_seconds(pg)
        acks = send_all(url, offices, bundles)
        load_s = time.perf_counter() - t0
        server_cpu, pg_cpu = cpu_seconds(proc.pid) - server_cpu0, cpu_seconds(pg) - pg_cpu0
        load1 = os.getloadavg()
        peaks = peak_rss_tree_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(60)
    total = check_all(offices, acks, intake)
    copy_s, pg_copy = _bare_copy(platform_dsn, intake.schema, pg)
    intake.close()
    print(f"\nplatform load: {OFFICES} offices x {BUNDLES} bundles x {CHANGES} changes = {total:,} changes "
          f"(bundles made in {made_s:.1f} s, not counted)")
    print(f"  server (verify, decrypt, judge, COPY, receipt; HTTP on loopback): {load_s:.2f} s = "
          f"{total / load_s:,.0f} changes/s; goal >= {GOAL_PER_S:,}/s: "
          f"{'holds' if total / load_s >= GOAL_PER_S else 'MISSED'}")
    print(f"  bare COPY of the same rows into the same tables: {copy_s:.2f} s = {total / copy_s:,.0f} changes/s")
    print(f"  ratio server / bare COPY: {copy_s / load_s:.2f}  (1.0 = as fast as COPY alone)")
    print(f"  CPU of the load: server processes {server_cpu:.1f} s + PostgreSQL {pg_cpu:.1f} s = "
          f"{(server_cpu + pg_cpu) / total * 1e6:.1f} us per change; bare COPY: PostgreSQL {pg_copy:.1f} s = "
          f"{pg_copy / total * 1e6:.1f} us per change (CPU ratio {pg_copy / (server_cpu + pg_cpu):.2f})")
    print(f"  load average (1/5/15 min) before the load {load0[0]:.1f}/{load0[1]:.1f}/{load0[2]:.1f}, after "
          f"{load1[0]:.1f}/{load1[1]:.1f}/{load1[2]:.1f} on {os.cpu_count()} CPUs")
    print(f"  server peak memory (VmHWM, {WORKERS} worker processes): {sum(peaks.values()):.0f} MiB summed over "
          f"{len(peaks)} processes (" + ", ".join(f"{v:.0f}" for v in peaks.values()) + " MiB)")
    assert total == OFFICES * BUNDLES * CHANGES


def _bare_copy(dsn: str, schema: str, postmaster: int) -> tuple[float, float]:
    """COPY the changes the server filed into a fresh schema with the same tables; (seconds, PostgreSQL CPU
    seconds) of the COPY and its commit alone."""
    target = "copy_baseline_" + schema[-8:]
    pgstore.migrate(dsn, target)
    buf = io.BytesIO()
    with psycopg.connect(dsn) as conn:
        with conn.cursor().copy(f"COPY {schema}.changes TO STDOUT") as copy:
            for chunk in copy:
                buf.write(chunk)
    data = buf.getvalue()
    with psycopg.connect(dsn) as conn:
        t0, cpu0 = time.perf_counter(), cpu_seconds(postmaster)
        with conn.cursor().copy(f"COPY {target}.changes FROM STDIN") as copy:
            for i in range(0, len(data), 1 << 20):
                copy.write(data[i:i + (1 << 20)])
        conn.commit()
        return time.perf_counter() - t0, cpu_seconds(postmaster) - cpu0
