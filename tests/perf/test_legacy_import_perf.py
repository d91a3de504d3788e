"""Benchmark (issue 19 item 3): a legacy ledger sheet of N rows imported through the service — every row checked
by the guards of entry by hand, one audit row and one change-log row per entity, one transaction — against the
honest insert floor: the same INSERTs (subjects, records, listings, audit and change rows) executed with
``executemany`` into the same encrypted ledger in the same run, then rolled back (so the floor pays no commit,
which makes the ratio stricter).

Default N = 100 000 (the lead's figure); develop with CREDIT_DESK_PERF_LEGACY_ROWS=20000:
  CREDIT_DESK_PERF_LEGACY_ROWS=20000 pytest -m perf -s tests/perf/test_legacy_import_perf.py
"""

from __future__ import annotations

import json
import os
import random
import time

import pytest

from credit_desk.bench import seeding
from credit_desk.domain import demo
from credit_desk.services import auth, departments
from credit_desk.services.legacy import ledger_import, mappings
from credit_desk.sheets import legacy_xlsx
from credit_desk.store import records as records_repo
from tests.e2e import legacy_kit as kit

N = int(os.environ.get("CREDIT_DESK_PERF_LEGACY_ROWS", "100000"))
GOAL_RATIO = 20.0  # the import (with the sheet read) may take at most this many times the bare INSERTs


class _Rollback(Exception):
    pass


def _floor(session, data: list[list]) -> float:
    """Seconds for the bare INSERTs the import makes, into this ledger, rolled back afterwards."""
    ts, code = "2026-01-01T00:00:00", kit.catalogue_code(session)
    subjects = {(r[1]): ("legal_person", r[0], "uscc", r[1], r[2], "ric", r[3], None, 0, ts, ts) for r in data}
    conn = session.ledger.conn
    start = time.perf_counter()
    try:
        with session.ledger.tx() as tx:
            tx.executemany("INSERT INTO subjects (kind, name, id_type, id_number, legal_rep_name, legal_rep_id_type, "
                           "legal_rep_id_number, address, demo, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                           subjects.values())
            ids = dict(conn.execute("SELECT id_number, id FROM subjects"))
            rows = [{"subject_id": ids[r[1]], "catalogue_edition": "x", "catalogue_code": code, "tier": "serious",
                     "facts": r[4], "doc_type": "admin_penalty", "doc_number": r[5], "doc_authority": r[6],
                     "doc_issued": r[7].isoformat(), "doc_effective": r[8].isoformat(), "doc_citation": None,
                     "department": r[9], "act_date": r[10], "decision_date": r[7].isoformat(),
                     "rule_set_code": "x", "status": "active", "demo": 0, "created_by": "boss1", "created_at": ts,
                     "updated_at": ts} for r in data]
            records_repo.insert_many(tx, rows)
            listed = [r for r in data if r[14]]
            tx.executemany("INSERT INTO cases (subject_id, list_type, state, created_by, decision_number, "
                           "created_at, updated_at) VALUES (?, 'black', 'listed', 'boss1', ?, ?, ?)",
                           ((ids[r[1]], r[15], ts, ts) for r in listed))
            tx.executemany("INSERT INTO doc_numbers (doc_type, object_type, object_id, number, reserved_on, "
                           "external, reserved_by, reserved_at) VALUES ('listing_decision', 'case', '0', ?, ?, 1, "
                           "'boss1', ?)", ((r[15], ts[:10], ts) for r in listed))
            entities = len(subjects) + len(rows) + len(listed)
            last = conn.execute("SELECT max(id) FROM audit").fetchone()[0]
            tx.executemany("INSERT INTO audit (id, ts, username, role, action, object_type, object_id, purpose, "
                           "detail, outcome, prev_hash, hash) VALUES (?, ?, 'boss1', 'approver', 'record.add', "
                           "'record', ?, '', '{}', 'ok', ?, ?)",
                           ((last + i, ts, str(i), "0" * 64, "1" * 64) for i in range(1, entities + 2 * len(listed) + 2)))
            state = json.dumps(rows[0], ensure_ascii=False)
            tx.executemany("INSERT INTO changes (ts, entity, entity_id, op, state) VALUES (?, 'record', ?, 'insert', ?)",
                           ((ts, str(i), state) for i in range(entities)))
            elapsed = time.perf_counter() - start
            raise _Rollback
    except _Rollback:
        return elapsed


@pytest.mark.perf
def test_legacy_import_against_the_honest_insert_floor(tmp_path):
    desk, admin = seeding.make_office(tmp_path / "data")
    try:
        seeding.business_session(admin)
        departments.add_department(admin, name=kit.DEPARTMENT, uscc=demo.uscc(random.Random(1), "320812"),
                                   level="county", domain="市场监管", prefix="清市监")
        boss = auth.login(desk, "boss1", seeding.PASSWORD)
        data = kit.rows(boss, N, listed_every=50)
        sheet = kit.write(tmp_path / "ledger.xlsx", data, fast=True)
        mappings.save_mapping(boss, "县局老台账", kit.MAPPING, kit.HEADERS)
        head = legacy_xlsx.read_head(sheet)
        t0 = time.perf_counter()
        assert sum(1 for _ in legacy_xlsx.data_rows(sheet, head)) == N
        read_s = time.perf_counter() - t0
        floor_s = min(_floor(boss, data) for _ in range(2))
        phases = []
        t0 = time.perf_counter()
        out = ledger_import.import_ledger(boss, sheet, progress=lambda p, d, t: phases.append(p))
        import_s = time.perf_counter() - t0
    finally:
        desk.close()
    assert out["records"] == N and out["subjects"] == N // 2
    ratio, ratio_ex = import_s / floor_s, (import_s - read_s) / floor_s
    print(f"\n{N} legacy rows ({out['subjects']} subjects, {out['records']} records, {out['listings']} listings): "
          f"import {import_s:.1f} s = {N / import_s:,.0f} rows/s (sheet read {read_s:.1f} s of it); "
          f"insert floor {floor_s:.2f} s = {N / floor_s:,.0f} rows/s; ratio {ratio:.1f}× "
          f"({ratio_ex:.1f}× without reading the sheet; goal ≤ {GOAL_RATIO:.0f}×)")
    assert ratio <= GOAL_RATIO
