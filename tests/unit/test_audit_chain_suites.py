"""R14 with suites (issue 22): a chain moves from SHA-256 to SM3 at a marker row that is itself in the chain;
chains written before suites still verify; a changed, dropped or downgrading marker breaks the chain."""

from __future__ import annotations

import json

from credit_desk.domain import suites
from credit_desk.domain.audit_chain import SUITE_ACTION, genesis_hash, row_hash, suite_after, verify_rows

LEDGER = "ledger-1"


def _rows(actions: list[tuple[str, dict]]) -> list[dict]:
    """Rows written as the store writes them: each hashed in the suite in force, markers switching it."""
    rows, prev, suite = [], genesis_hash(LEDGER), suites.INTL
    for i, (action, detail) in enumerate(actions, 1):
        row = {"id": i, "ts": f"2026-01-01T00:00:{i:02d}", "username": "admin", "role": "admin", "action": action,
               "object_type": "x", "object_id": str(i), "purpose": "", "detail": json.dumps(detail),
               "outcome": "ok", "prev_hash": prev}
        row["hash"] = row_hash(row, suite)
        suite = suite_after(row, suite) or suite
        rows.append(row)
        prev = row["hash"]
    return rows


MOVE = [("subject.view", {}), ("keys.rotate", {"suite": "gm/1"}), (SUITE_ACTION, {"suite": "gm/1"}),
        ("subject.view", {}), ("subject.view", {})]


def test_r14_a_chain_from_before_suites_is_sha256_and_verifies():
    rows = _rows([("subject.view", {})] * 3)
    assert verify_rows(rows, LEDGER).ok
    assert rows[0]["hash"] == row_hash(rows[0]) == suites.get(suites.INTL).hash_hex(
        json.dumps([rows[0][f] for f in ("id", "ts", "username", "role", "action", "object_type", "object_id",
                                         "purpose", "detail", "outcome", "prev_hash")],
                   ensure_ascii=False, separators=(",", ":")).encode())


def test_r14_rows_after_the_marker_are_sm3_and_the_whole_chain_verifies():
    rows = _rows(MOVE)
    v = verify_rows(rows, LEDGER, (5, rows[-1]["hash"]))
    assert v.ok and v.rows == 5
    assert rows[2]["hash"] == row_hash(rows[2], suites.INTL)   # the marker: still the old segment's hash
    assert rows[3]["hash"] == row_hash(rows[3], suites.GM) != row_hash(rows[3], suites.INTL)


def test_r14_a_changed_or_dropped_marker_or_rows_rehashed_in_sha256_break_the_chain():
    rows = _rows(MOVE)
    rows[2]["detail"] = json.dumps({"suite": "intl/1"})
    assert verify_rows(rows, LEDGER).first_bad_id == 3
    rows = _rows(MOVE)
    for r in rows[3:]:  # someone re-hashes the later rows in SHA-256 (as if no move had happened)
        r["hash"] = row_hash(r, suites.INTL)
    assert verify_rows(rows, LEDGER).first_bad_id == 4
    rows = _rows(MOVE)
    del rows[2]
    assert not verify_rows(rows, LEDGER).ok


def test_r14_a_marker_that_steps_down_or_names_nothing_known_is_a_broken_chain():
    for bad in ({"suite": "intl/1"}, {"suite": "rot13/1"}, {}):
        rows = _rows(MOVE + [(SUITE_ACTION, bad), ("subject.view", {})])
        v = verify_rows(rows, LEDGER)
        assert not v.ok and v.first_bad_id == 6 and "降级" in v.reason_zh
