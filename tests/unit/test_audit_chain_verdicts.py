"""R14: the audit chain's verdict, whole — which row, how many rows held before it, and both sentences the
auditor reads (issue 23: the counts and sentences of a broken chain were asserted by nobody). Expected verdicts
are written out here."""

from __future__ import annotations

import json

import pytest

from credit_desk.domain.audit_chain import ChainVerdict, genesis_hash, row_hash, verify_rows

LEDGER = "ledger-7"


def _chain(n: int, suite_at: dict | None = None) -> list[dict]:
    rows, prev, suite = [], genesis_hash(LEDGER), "intl/1"
    for i in range(1, n + 1):
        action, detail = "subject.view", "{}"
        if suite_at and i in suite_at:
            action, detail = "audit.suite", json.dumps({"suite": suite_at[i]})
        row = {"id": i, "ts": f"2026-01-01T00:00:{i:02d}", "username": "clerk1", "role": "clerk", "action": action,
               "object_type": "subject", "object_id": str(i), "purpose": "窗口查询", "detail": detail,
               "outcome": "ok", "prev_hash": prev}
        row["hash"] = row_hash(row, suite)
        if action == "audit.suite":
            suite = suite_at[i]
        rows.append(row)
        prev = row["hash"]
    return rows


def _rechain(rows, suite="intl/1"):
    prev = genesis_hash(LEDGER)
    for r in rows:
        r["prev_hash"] = prev
        r["hash"] = row_hash(r, suite)
        prev = r["hash"]
    return rows


def test_r14_intact_chain_verdict_names_its_head_and_count():
    rows = _chain(6)
    assert verify_rows(rows, LEDGER) == ChainVerdict(True, 6, None, "", "", (), rows[-1]["hash"])
    assert verify_rows([], LEDGER) == ChainVerdict(True, 0, None, "", "", (), "")
    assert verify_rows(rows, LEDGER, (6, rows[5]["hash"]), (3, rows[2]["hash"])).ok


def test_r14_a_missing_row_is_named_with_the_rows_that_held():
    rows = _chain(6)
    del rows[3]
    assert verify_rows(rows, LEDGER) == ChainVerdict(False, 3, 4, "第 4 行缺失或顺序错乱（删除）。",
                                                     "row 4 is missing or out of order")


def test_r14_a_row_moved_back_is_named_as_insertion_or_reordering():
    rows = _chain(6)
    rows[2], rows[3] = rows[3], rows[2]
    assert verify_rows(rows, LEDGER) == ChainVerdict(False, 2, 3, "第 3 行缺失或顺序错乱（删除）。",
                                                     "row 3 is missing or out of order")
    rows = _chain(6)
    rows.insert(3, dict(rows[1]))
    assert verify_rows(rows, LEDGER) == ChainVerdict(False, 3, 4, "第 4 行缺失或顺序错乱（插入或重排）。",
                                                     "row 4 is missing or out of order")


def test_r14_a_broken_link_and_a_changed_row():
    rows = _chain(6)
    rows[4]["prev_hash"] = "0" * 64
    assert verify_rows(rows, LEDGER) == ChainVerdict(False, 4, 5, "第 5 行与前一行的链接不符（前一行被改动、删除或插入）。",
                                                     "row 5 does not link to the row before it")
    rows = _chain(6)
    rows[1]["outcome"] = "refused"
    assert verify_rows(rows, LEDGER) == ChainVerdict(False, 1, 2, "第 2 行的内容被改动，哈希不符。",
                                                     "row 2 was changed: its hash does not match")


def test_r14_a_suite_downgrade_breaks_the_chain():
    rows = _chain(5, {2: "gm/1"})
    assert verify_rows(rows, LEDGER).ok                                      # a step up: fine
    rows = _chain(5, {2: "gm/1", 4: "intl/1"})
    assert verify_rows(rows, LEDGER) == ChainVerdict(False, 3, 4, "第 4 行把审计链改为未知或更弱的密码套件（降级）。",
                                                     "row 4 switches the chain to an unknown or weaker suite (a downgrade)")


def test_r14_clock_running_backwards_is_listed_not_refused():
    rows = _chain(5)
    rows[2]["ts"] = "2026-01-01T00:00:00"
    rows[3]["ts"] = "2026-01-01T00:00:01"
    _rechain(rows)
    v = verify_rows(rows, LEDGER)
    assert v.ok and v.rows == 5
    # each row is compared with the latest time seen before it, not only with its neighbour
    assert v.backwards == ((3, "2026-01-01T00:00:00", "2026-01-01T00:00:02"),
                           (4, "2026-01-01T00:00:01", "2026-01-01T00:00:02"))
    rows[0]["ts"] = None
    _rechain(rows)
    assert verify_rows(rows, LEDGER).backwards[0] == (3, "2026-01-01T00:00:00", "2026-01-01T00:00:02")


@pytest.mark.parametrize("which", ["anchor", "receipted"])
def test_r14_a_head_held_outside_catches_a_cut_tail(which):
    rows = _chain(6)
    held = (6, rows[5]["hash"])
    kwargs = {which: held}
    v = verify_rows(rows[:4], LEDGER, **kwargs)
    if which == "anchor":
        assert v == ChainVerdict(False, 4, 5, "审计日志被截短：应至少有 6 行，实有 4 行。",
                                 "the audit log was cut short: at least 6 rows expected, 4 found")
    else:
        assert v == ChainVerdict(False, 4, 5, "市平台签收的回执记录审计日志已有 6 行，本账本只有 4 行（末尾被删除）。",
                                 "the platform's signed receipt holds an audit head at row 6; this ledger has 4")


@pytest.mark.parametrize("which", ["anchor", "receipted"])
def test_r14_a_head_held_outside_catches_a_recomputed_chain(which):
    rows = _chain(6)
    held = (5, rows[4]["hash"])
    rows[1]["purpose"] = "篡改"
    v = verify_rows(_rechain(rows), LEDGER, **{which: held})
    if which == "anchor":
        assert v == ChainVerdict(False, 6, 5, "第 5 行与链外锚点记录的哈希不符（整链被重算）。",
                                 "row 5 does not match the anchor kept outside the database")
    else:
        assert v == ChainVerdict(False, 6, 5, "第 5 行与市平台回执中签收的审计链头不符（日志被改写后重算）。",
                                 "row 5 does not match the audit head the platform signed in its receipt")


def test_r14_anchor_checked_before_the_receipt():
    rows = _chain(6)
    v = verify_rows(rows[:3], LEDGER, (5, rows[4]["hash"]), (6, rows[5]["hash"]))
    assert v.reason_zh == "审计日志被截短：应至少有 5 行，实有 3 行。"


# --- issue 23, fifth pass: the partial walk from a verified point (issue 18, ``Start``) was judged by no unit test

def _start(rows, n: int, suite: str, heads=None):
    from credit_desk.domain.audit_chain import Start
    return Start(n, rows[n - 1]["hash"], suite, rows[n - 1]["ts"], heads)


def test_r14_a_walk_from_a_verified_row_counts_the_whole_chain_and_hashes_in_the_start_suite():
    rows = _chain(8, suite_at={3: "gm/1"})   # rows 4.. hashed in gm/1
    assert verify_rows(rows[5:], LEDGER, start=_start(rows, 5, "gm/1")) == ChainVerdict(
        True, 8, None, "", "", (), rows[-1]["hash"])
    assert verify_rows([], LEDGER, start=_start(rows, 8, "gm/1")) == ChainVerdict(True, 8, None, "", "", (),
                                                                                  rows[-1]["hash"])
    # the start's suite is the one the rows after it are checked in
    assert verify_rows(rows[5:], LEDGER, start=_start(rows, 5, "intl/1")) == ChainVerdict(
        False, 5, 6, "第 6 行的内容被改动，哈希不符。", "row 6 was changed: its hash does not match")


def test_r14_a_walk_from_a_verified_row_names_a_missing_row_and_a_broken_link_by_their_ids():
    rows = _chain(8)
    assert verify_rows(rows[6:], LEDGER, start=_start(rows, 5, "intl/1")) == ChainVerdict(
        False, 5, 6, "第 6 行缺失或顺序错乱（删除）。", "row 6 is missing or out of order")
    assert verify_rows(rows[4:], LEDGER, start=_start(rows, 5, "intl/1")) == ChainVerdict(
        False, 5, 6, "第 6 行缺失或顺序错乱（插入或重排）。", "row 6 is missing or out of order")
    other = _chain(8)
    other[4] = {**other[4], "purpose": "改过"}
    assert verify_rows(rows[5:], LEDGER, start=_start(_rechain(other), 5, "intl/1")) == ChainVerdict(
        False, 5, 6, "第 6 行与前一行的链接不符（前一行被改动、删除或插入）。", "row 6 does not link to the row before it")


def test_r14_a_walk_from_a_verified_row_keeps_its_time_and_the_heads_looked_up_below_it():
    rows = _chain(8)
    rows[5]["ts"] = "2026-01-01T00:00:01"   # before row 5's time: the clock went back at row 6
    rows = _rechain(rows)
    got = verify_rows(rows[5:], LEDGER, start=_start(rows, 5, "intl/1"))
    assert got.ok and got.backwards == ((6, "2026-01-01T00:00:01", "2026-01-01T00:00:05"),)
    anchor = (3, rows[2]["hash"])   # a head at a row the partial walk does not walk: the caller's look-up
    assert verify_rows(rows[5:], LEDGER, anchor=anchor, start=_start(rows, 5, "intl/1", {3: rows[2]["hash"]})).ok
    assert verify_rows(rows[5:], LEDGER, anchor=anchor, start=_start(rows, 5, "intl/1", {3: "0" * 64})) == \
        ChainVerdict(False, 8, 3, "第 3 行与链外锚点记录的哈希不符（整链被重算）。",
                     "row 3 does not match the anchor kept outside the database")
    assert verify_rows(rows[5:], LEDGER, anchor=(8, rows[7]["hash"]), start=_start(rows, 5, "intl/1")).ok
