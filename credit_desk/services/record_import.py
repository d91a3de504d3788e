"""Batch entry of 失信信息 records: the same checks as ``records.add_record`` (R1, R2, R9, R20), one
transaction for the whole batch, and still one audit row and one change-log row per record (R14).

Per-record entry pays a committed transaction (an fsync) per record; a department's hand-over of thousands
of records through it would take minutes. The batch is all-or-nothing: a bad row is named and nothing is
saved.
"""

from __future__ import annotations

from credit_desk.domain.errors import DomainError
from credit_desk.services import records
from credit_desk.services.base import Session
from credit_desk.store import reference


def add_records(session: Session, rows: list[dict]) -> list[dict]:
    """Enter many records at once (each dict holds ``add_record``'s arguments); all or nothing."""
    session.require("record.add")
    prepared = []
    # issue 18: the active catalogue (R2) and the rule sets (R20) are read once for the batch, not per row
    conn = session.ledger.conn
    refs = (reference.active_catalogue(conn), reference.rule_sets(conn))
    for number, row in enumerate(rows, 1):
        try:
            prepared.append(records.prepare_record(session, references=refs, **row))
        except DomainError as exc:
            raise type(exc)(exc.code, f"第{number}条：{exc.zh}", f"Row {number}: {exc.en}", field=exc.field,
                            row=number) from None
    with session.ledger.tx() as tx:
        return [records.save_new_record(session, tx, r) for r in prepared]
