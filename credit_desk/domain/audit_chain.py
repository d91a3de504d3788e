"""The audit hash chain (R14): pure functions, so the store and any verifier agree byte for byte.

Suites (issue 22): the chain is hashed in segments. It starts in intl/1 (SHA-256, as every chain written before
suites existed). A row whose action is ``audit.suite`` with detail ``{"suite": "<name>"}`` is itself hashed in the
segment's suite and opens a new segment: every later row is hashed in the named suite (gm/1: SM3). The marker is
inside the chain, so it cannot be dropped, moved or changed without breaking a link, and a marker naming a lower
suite than the segment's (a downgrade) or an unknown one is reported as a broken chain.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from credit_desk.domain import suites
from credit_desk.domain.errors import DomainError

# Fields hashed, in order. The row id is inside the hash so reordering rows breaks the chain.
HASHED_FIELDS = ("id", "ts", "username", "role", "action", "object_type", "object_id",
                 "purpose", "detail", "outcome", "prev_hash")


def genesis_hash(ledger_id: str) -> str:
    """The prev_hash of row 1: bound to the ledger so a chain cannot be moved between ledgers."""
    return hashlib.sha256(f"credit_desk audit genesis {ledger_id}".encode()).hexdigest()


SUITE_ACTION = "audit.suite"  # the row that opens a segment hashed in another suite


def row_hash(row: dict, suite: str = suites.INTL) -> str:
    """The suite's hash (SHA-256 / SM3), hex, over the canonical JSON of the hashed fields of one audit row."""
    payload = json.dumps([row.get(f) for f in HASHED_FIELDS], ensure_ascii=False,
                         separators=(",", ":"), sort_keys=False)
    return suites.get(suite).hash_hex(payload.encode("utf-8"))


def suite_after(row: dict, current: str) -> str | None:
    """The suite of the rows after ``row``: ``current``, or the one a marker row names; None for a marker that
    names an unknown suite or steps down (a broken chain)."""
    if row.get("action") != SUITE_ACTION:
        return current
    try:
        named = json.loads(row.get("detail") or "{}").get("suite")
        return suites.check_no_downgrade(named, current).name
    except (ValueError, AttributeError, DomainError):
        return None


@dataclass(frozen=True)
class ChainVerdict:
    ok: bool
    rows: int
    first_bad_id: int | None = None
    reason_zh: str = ""
    reason_en: str = ""
    backwards: tuple = ()     # (row id, its ts, the ts of the row before): the clock ran backwards there
    head: str = ""            # hash of the last row walked
    since: int | None = None  # the daily check (issue 18): rows after this one were recomputed …
    walked: int = 0           # … this many of them …
    spot: tuple | None = None  # … and this window (first, last) of older rows
    note: str = ""            # "head_mismatch": the stored verified head did not hold, the whole chain was walked


@dataclass(frozen=True)
class Start:
    """Where a partial walk begins (issue 18): after row ``rows``, whose hash is ``head``, the rows after it
    hashed in ``suite``; ``heads`` holds the hashes the caller looked up at rows at or below ``rows`` that an
    anchor or a receipted head names (those rows are not walked)."""
    rows: int
    head: str
    suite: str
    ts: str = ""
    heads: dict | None = None


def verify_rows(rows, ledger_id: str, anchor: tuple[int, str] | None = None,
                receipted: tuple[int, str] | None = None, start: Start | None = None) -> ChainVerdict:
    """Walk rows in id order; name the first row whose id, link or content does not hold.

    ``anchor`` is (row count, head hash) kept outside the database; it catches rows cut off the end.
    ``receipted`` is the (row count, head hash) the platform's newest signed receipt returned (issue 14):
    a head held outside the PC, so a chain rewritten together with its anchor is still caught. Rows whose
    ``ts`` is earlier than the row before are listed in ``backwards`` (a clock set back, or rows forged).
    ``start`` (issue 18): ``rows`` holds only the rows after ``start.rows``, which link to ``start.head``; the
    verdict still counts every row of the chain. Whether the rows up to the start are sound is the caller's word
    (``services/audit.verify_since`` says what it checks and what it does not).
    """
    prev, prev_ts, suite = genesis_hash(ledger_id), "", suites.INTL
    expected_id, count, heads, backwards = 1, 0, {}, []
    if start is not None:
        prev, prev_ts, suite = start.head, start.ts, start.suite
        expected_id, count, heads = start.rows + 1, start.rows, dict(start.heads or {})
    marks = {pair[0] for pair in (anchor, receipted) if pair}
    for row in rows:
        rid = row["id"]
        if rid != expected_id:
            kind = "删除" if rid > expected_id else "插入或重排"
            return _bad(count, expected_id, f"第 {expected_id} 行缺失或顺序错乱（{kind}）。",
                        f"row {expected_id} is missing or out of order")
        if row["prev_hash"] != prev:
            return _bad(count, rid, f"第 {rid} 行与前一行的链接不符（前一行被改动、删除或插入）。",
                        f"row {rid} does not link to the row before it")
        if row_hash(row, suite) != row["hash"]:
            return _bad(count, rid, f"第 {rid} 行的内容被改动，哈希不符。",
                        f"row {rid} was changed: its hash does not match")
        suite = suite_after(row, suite)
        if suite is None:
            return _bad(count, rid, f"第 {rid} 行把审计链改为未知或更弱的密码套件（降级）。",
                        f"row {rid} switches the chain to an unknown or weaker suite (a downgrade)")
        ts = str(row.get("ts") or "")
        if prev_ts and ts < prev_ts:
            backwards.append((rid, ts, prev_ts))
        prev, prev_ts, count, expected_id = row["hash"], max(ts, prev_ts), count + 1, rid + 1
        if rid in marks:
            heads[rid] = row["hash"]
    bad = _check_anchor(count, heads, anchor) or _check_receipted(count, heads, receipted)
    if bad:
        return bad
    return ChainVerdict(True, count, backwards=tuple(backwards), head=prev if count else "")


def _check_anchor(count: int, heads: dict, anchor) -> ChainVerdict | None:
    if anchor:
        n, head = anchor
        if count < n:
            return _bad(count, count + 1, f"审计日志被截短：应至少有 {n} 行，实有 {count} 行。",
                        f"the audit log was cut short: at least {n} rows expected, {count} found")
        if heads.get(n) != head:
            return _bad(count, n, f"第 {n} 行与链外锚点记录的哈希不符（整链被重算）。",
                        f"row {n} does not match the anchor kept outside the database")
    return None


def _check_receipted(count: int, heads: dict, receipted) -> ChainVerdict | None:
    if receipted:
        n, head = receipted
        if count < n:
            return _bad(count, count + 1, f"市平台签收的回执记录审计日志已有 {n} 行，本账本只有 {count} 行（末尾被删除）。",
                        f"the platform's signed receipt holds an audit head at row {n}; this ledger has {count}")
        if heads.get(n) != head:
            return _bad(count, n, f"第 {n} 行与市平台回执中签收的审计链头不符（日志被改写后重算）。",
                        f"row {n} does not match the audit head the platform signed in its receipt")
    return None


def _bad(count: int, rid: int, zh: str, en: str) -> ChainVerdict:
    return ChainVerdict(False, count, rid, zh, en)
