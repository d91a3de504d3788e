"""A unit of work: the repositories of one transaction, plus its audit and change-log writers.

Every mutation a service makes goes through one ``Tx``, so its audit row (R14) and its change-log row
(the sync outbox) are written in the same transaction as the change itself.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime
from typing import Callable

from credit_desk.domain.audit_chain import SUITE_ACTION, genesis_hash, row_hash, suite_after


# The clock of the transaction being written: Ledger.tx() sets it to the desk's clock (services.base.Desk), so the
# change log sent to the platform and every row's time stamp read the same injected clock as the audit rows — not
# the machine's. Outside a transaction (a new ledger, the CLI before a desk exists) it is the machine's clock.
_CLOCK: ContextVar[Callable[[], datetime]] = ContextVar("credit_desk_write_clock", default=datetime.now)


def now_iso() -> str:
    """The current write time as ISO text to the second (``2026-12-01T09:00:00``), from the transaction's clock."""
    return _CLOCK.get()().isoformat(timespec="seconds")


@contextmanager
def clock_in_use(clock: Callable[[], datetime]):
    """Make ``clock`` the write clock of ``now_iso`` for the block (one transaction, this thread only)."""
    token = _CLOCK.set(clock)
    try:
        yield
    finally:
        _CLOCK.reset(token)


def to_json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True, default=str)


class Tx:
    def __init__(self, conn, ledger_id: str) -> None:
        self.conn = conn
        self.ledger_id = ledger_id
        self.audit_head: tuple[int, str] | None = None
        self.numbers_unknown = False   # restored, and the numbers used since the backup are not learnt yet
        self.changes_written = 0
        self.clock_checked = False  # services.base.Session.audit checks the clock once per transaction
        self.touched: set[str] = set()  # the entities this transaction changed (told to listeners after commit)
        self.memo: dict = {}  # what a service reads once per transaction (e.g. a template's prefix, issue 18)
        self._suite: str | None = None  # the audit segment's suite once read in this transaction

    def execute(self, sql: str, params=()):
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows):
        return self.conn.executemany(sql, rows)

    def audit(self, *, username: str, role: str, action: str, object_type: str, object_id,
              purpose: str = "", detail=None, outcome: str = "ok", ts: str | None = None) -> int:
        """Append one hash-chained audit row; returns its id."""
        # issue 18: inside one IMMEDIATE transaction only this Tx appends to the chain, so after its first row
        # the head is the one it wrote (a batch no longer reads it back for every row)
        last = self.audit_head or self.conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        rid, prev = (last[0] + 1, last[1]) if last else (1, genesis_hash(self.ledger_id))
        row = {"id": rid, "ts": ts or now_iso(), "username": username, "role": role, "action": action,
               "object_type": object_type, "object_id": str(object_id), "purpose": purpose or "",
               "detail": to_json(detail or {}), "outcome": outcome, "prev_hash": prev}
        # issue 22: the segment's suite, kept in meta beside the chain (a wrong value there breaks the next link,
        # which verification reports); a marker row switches it for the rows after it
        suite = self._suite
        if suite is None:
            found = self.conn.execute("SELECT value FROM meta WHERE key = 'audit.suite'").fetchone()
            suite = found[0] if found else "intl/1"
        row["hash"] = row_hash(row, suite)
        if action == SUITE_ACTION:
            after = suite_after(row, suite)
            if after is None:
                raise ValueError("an audit segment may only move to a known, not weaker suite")
            self.conn.execute("INSERT INTO meta (key, value) VALUES ('audit.suite', ?) "
                              "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (after,))
            suite = after
        cols = ", ".join(row)
        self.conn.execute(f"INSERT INTO audit ({cols}) VALUES ({', '.join('?' * len(row))})",
                          tuple(row.values()))
        self.audit_head = (rid, row["hash"])
        self._suite = suite  # the suite of the next row (a marker row switched it)
        return rid

    def change(self, entity: str, entity_id, op: str, state: dict) -> int:
        """Append one row to the change log (the outbox sync reads)."""
        cur = self.conn.execute(
            "INSERT INTO changes (ts, entity, entity_id, op, state) VALUES (?, ?, ?, ?, ?)",
            (now_iso(), entity, str(entity_id), op, to_json(state)))
        self.changes_written += 1
        self.touched.add(entity)
        return cur.lastrowid
