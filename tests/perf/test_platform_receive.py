"""Benchmark (issue 20): the CPU one received change costs the platform, in one process, against a bare COPY.

Times ``Intake.receive`` — the function ``intake serve`` runs for each POSTed bundle, in its worker processes
(``server._worker_receive``) or, with ``--workers 0``, in the server itself: open, verify the signature, decrypt,
parse, judge every change (IDs, references, decisions), COPY, receipt, one transaction — on bundles of 5,000
changes, one per office, each received after a warm-up bundle. Measured per bundle: the CPU of this process (the
Python side; the pool's idle threads cost nothing) and of the PostgreSQL cluster (its backends), then the same rows
COPYed bare into the same table of a fresh schema (PostgreSQL's CPU alone: the floor). The machine is shared:
read the CPU figures and their ratio, not the wall clock. No HTTP here (tests/perf/test_platform_load.py has it).

``CREDIT_DESK_RECEIVE_BUNDLES=6 CREDIT_DESK_RECEIVE_CHANGES=5000 pytest -m perf tests/perf/test_platform_receive.py -s``
"""

from __future__ import annotations

import io
import json
import os
import statistics
import time

import psycopg
import pytest

from credit_desk.intake import pgstore
from credit_desk.intake.receiver import Intake
from tests.platform_kit import cpu_seconds, make_offices, postmaster_pid

BUNDLES = int(os.environ.get("CREDIT_DESK_RECEIVE_BUNDLES", "6"))
CHANGES = int(os.environ.get("CREDIT_DESK_RECEIVE_CHANGES", "5000"))


@pytest.mark.perf
def test_receive_cpu_per_change_against_a_bare_copy(tmp_path, platform_dsn):
    folder = tmp_path / "intake"
    Intake.init(folder)
    intake = Intake(folder)
    offices, bundles = make_offices(folder, BUNDLES + 1, 1, CHANGES, intake)
    datas = [bundles[o.office][0] for o in offices]
    intake.receive(datas[0])  # warm-up: imports, the pool's connections, prepared statements
    pg = postmaster_pid(platform_dsn)
    py_cpu, pg_cpu, wall = [], [], []
    for data in datas[1:]:
        t0, c0, p0 = time.perf_counter(), time.process_time(), cpu_seconds(pg)
        _receipt, summary = intake.receive(data)
        wall.append(time.perf_counter() - t0)
        py_cpu.append(time.process_time() - c0)
        pg_cpu.append(cpu_seconds(pg) - p0)
        assert summary["accepted"] == CHANGES and summary["rejected"] == 0
    copy_wall, copy_cpu = _bare_copies(platform_dsn, intake.schema, pg, [o.office for o in offices[1:]])
    intake.close()
    us = 1e6 / CHANGES
    py, pgs, floor = statistics.median(py_cpu) * us, statistics.median(pg_cpu) * us, statistics.median(copy_cpu) * us
    print(f"\nIntake.receive, {BUNDLES} bundles of {CHANGES:,} changes (median per bundle, per change):")
    print(f"  CPU: Python {py:.1f} us + PostgreSQL {pgs:.1f} us = {py + pgs:.1f} us; bare COPY of the same rows: "
          f"PostgreSQL {floor:.1f} us; CPU ratio bare COPY / receive {floor / (py + pgs):.3f}")
    print(f"  wall: receive {statistics.median(wall) * us:.1f} us, bare COPY {statistics.median(copy_wall) * us:.1f} us"
          f" (ratio {statistics.median(copy_wall) / statistics.median(wall):.3f}); load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"  bound on 2 CPUs from the CPU alone: {2e6 / (py + pgs):,.0f} changes/s "
          f"(Python held to one CPU per process: {1e6 / py:,.0f}/s per worker)")
    print(f"  least disturbed bundle (minimum): Python {min(py_cpu) * us:.1f} us + PostgreSQL {min(pg_cpu) * us:.1f} us;"
          f" bare COPY {min(copy_cpu) * us:.1f} us")
    print("  per bundle, Python us/change: " + json.dumps([round(x * us, 1) for x in py_cpu]))


def _bare_copies(dsn: str, schema: str, postmaster: int, offices: list[str]) -> tuple[list[float], list[float]]:
    """Each timed bundle's stored rows COPYed bare into the changes table of a fresh schema, one COPY and commit
    per bundle: (seconds, PostgreSQL CPU seconds) of each."""
    target = "receive_floor_" + schema[-8:]
    pgstore.migrate(dsn, target)
    walls, cpus = [], []
    with psycopg.connect(dsn) as conn:
        for office in offices:
            buf = io.BytesIO()
            with conn.cursor().copy(f"COPY (SELECT * FROM {schema}.changes WHERE office_id = %s) TO STDOUT",
                                    (office,)) as copy:
                for chunk in copy:
                    buf.write(chunk)
            conn.commit()
            t0, c0 = time.perf_counter(), cpu_seconds(postmaster)
            with conn.cursor().copy(f"COPY {target}.changes FROM STDIN") as copy:
                copy.write(buf.getvalue())
            conn.commit()
            walls.append(time.perf_counter() - t0)
            cpus.append(cpu_seconds(postmaster) - c0)
    return walls, cpus
