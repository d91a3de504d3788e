"""R14: the audit chain catches any changed, deleted, inserted, reordered or cut-off row."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings, strategies as st

from credit_desk.domain.audit_chain import genesis_hash, row_hash, verify_rows

LEDGER = "ledger-1"


def _chain(n: int) -> list[dict]:
    rows, prev = [], genesis_hash(LEDGER)
    for i in range(1, n + 1):
        row = {"id": i, "ts": f"2026-01-01T00:00:{i:02d}", "username": "clerk1", "role": "clerk",
               "action": "subject.view", "object_type": "subject", "object_id": str(i),
               "purpose": "窗口查询", "detail": "{}", "outcome": "ok", "prev_hash": prev}
        row["hash"] = row_hash(row)
        rows.append(row)
        prev = row["hash"]
    return rows


def _rechain(rows):
    """What someone holding the key could do: recompute every hash after an edit."""
    prev = genesis_hash(LEDGER)
    for r in rows:
        r["prev_hash"] = prev
        r["hash"] = row_hash(r)
        prev = r["hash"]
    return rows


def test_r14_intact_chain_verifies():
    v = verify_rows(_chain(10), LEDGER, (10, _chain(10)[-1]["hash"]))
    assert v.ok and v.rows == 10


@given(st.integers(min_value=1, max_value=12), st.sampled_from(["purpose", "username", "ts", "detail", "action"]))
@settings(max_examples=40, deadline=None)
def test_r14_any_changed_field_names_its_row(which, field):
    rows = _chain(12)
    rows[which - 1][field] = rows[which - 1][field] + "x"
    v = verify_rows(rows, LEDGER)
    assert not v.ok and v.first_bad_id == which


def test_r14_deleted_row_is_found():
    rows = _chain(8)
    del rows[3]
    v = verify_rows(rows, LEDGER)
    assert not v.ok and v.first_bad_id == 4


def test_r14_inserted_row_is_found():
    rows = _chain(8)
    extra = dict(rows[2], id=3)
    rows.insert(3, extra)
    v = verify_rows(rows, LEDGER)
    assert not v.ok and v.first_bad_id in (3, 4)


def test_r14_reordered_rows_are_found():
    rows = _chain(8)
    rows[4], rows[5] = rows[5], rows[4]
    v = verify_rows(rows, LEDGER)
    assert not v.ok and v.first_bad_id == 5


def test_r14_chain_from_another_ledger_is_refused():
    v = verify_rows(_chain(3), "another-ledger")
    assert not v.ok and v.first_bad_id == 1


def test_r14_cut_off_tail_is_caught_by_the_anchor():
    rows = _chain(10)
    anchor = (10, rows[-1]["hash"])
    v = verify_rows(rows[:7], LEDGER, anchor)
    assert not v.ok and "截短" in v.reason_zh


def test_r14_full_recompute_is_caught_by_the_anchor():
    rows = _chain(10)
    anchor = (10, rows[-1]["hash"])
    rows[2]["purpose"] = "篡改"
    v = verify_rows(_rechain(rows), LEDGER, anchor)
    assert not v.ok and v.first_bad_id == 10


def test_anchor_lagging_after_a_crash_is_not_an_error():
    rows = _chain(10)
    assert verify_rows(rows, LEDGER, (7, rows[6]["hash"])).ok
