"""Benchmark (report-only, issue 20): "every listing of subject X across all offices" on N stored changes.

The changes are seeded inside PostgreSQL (generate_series) into the real schema: 100 offices, a quarter of the
rows listing decisions spread over N/20 subjects, the rest subjects, records and case steps. Then the view query
(``pgstore.subject_listings``) runs for 200 random subjects; median and 95th percentile are reported.
Full size: CREDIT_DESK_LISTING_CHANGES=10000000 pytest -m perf tests/perf/test_platform_listings.py -s
"""

from __future__ import annotations

import os
import random
import statistics
import time

import psycopg
import pytest

from credit_desk.intake import pgstore

N = int(os.environ.get("CREDIT_DESK_LISTING_CHANGES", "10000000"))

_SEED = """
INSERT INTO offices (office_id, region) SELECT 'off' || lpad(o::text, 8, '0'), '3208' || lpad(o::text, 2, '0')
  FROM generate_series(0, 99) o;
INSERT INTO changes (office_id, seq, change_id, ts, entity, entity_id, op, subject_no, state)
SELECT 'off' || lpad((i % 100)::text, 8, '0'), i / 5000 + 1, i, '2026-10-01T00:00:00',
       (ARRAY['subject', 'record', 'case', 'case'])[i % 4 + 1], (i / 4)::text,
       (ARRAY['insert', 'insert', 'open', 'decide'])[i % 4 + 1],
       'uscc:' || lpad(((i::bigint * 7919) % %(subjects)s)::text, 18, '0'),
       CASE WHEN i % 4 = 3 THEN jsonb_build_object('state', 'listed', 'list_type', 'black',
            'decision_number', '淮信认〔2026〕' || i || '号', 'decided_on', '2026-10-01', 'valid_until', '2029-10-01',
            'subject', jsonb_build_object('name', '企业' || i)) ELSE '{}'::jsonb END
  FROM generate_series(1, %(n)s) i;
ANALYZE changes; ANALYZE offices;
"""


@pytest.mark.perf
def test_every_listing_of_a_subject_across_offices_on_n_changes(platform_dsn):
    schema = f"listing_bench_{N}"
    pgstore.migrate(platform_dsn, schema)
    subjects = max(1, N // 20)
    with psycopg.connect(platform_dsn, autocommit=True, options=f"-c search_path={schema}") as conn:
        t0 = time.perf_counter()
        conn.execute(_SEED.replace("%(subjects)s", str(subjects)).replace("%(n)s", str(N)))
        seed_s = time.perf_counter() - t0
        rng, times, found = random.Random(7), [], 0
        for _ in range(200):
            no = "uscc:" + str(rng.randrange(subjects)).zfill(18)
            t0 = time.perf_counter()
            found += len(pgstore.subject_listings(conn, no, "2026-12-01"))
            times.append((time.perf_counter() - t0) * 1000)
        plan = "\n".join(r[0] for r in conn.execute(
            "EXPLAIN ANALYZE SELECT * FROM subject_listings WHERE subject_no = %s", (no,)))
    times.sort()
    print(f"\nsubject listings: {N:,} changes seeded in {seed_s:.0f} s; 200 queries, {found} listings found")
    print(f"  median {statistics.median(times):.2f} ms, p95 {times[int(len(times) * 0.95)]:.2f} ms, "
          f"max {times[-1]:.2f} ms (goal 50 ms)")
    print(plan)
    assert found > 0
