"""The audit log: verification (anyone with the key) and reading (admin, auditor)."""

from __future__ import annotations

from credit_desk.domain.audit_chain import ChainVerdict
from credit_desk.services.base import Desk, Session
from credit_desk.store import audit_log
from credit_desk.store.ledger import read_anchor


def verify_chain(desk: Desk) -> ChainVerdict:
    """Recompute the whole chain and compare its head with the anchor kept outside the database."""
    led = desk.ledger
    return audit_log.verify(led.conn, led.ledger_id, read_anchor(led.paths.anchor))


def read_log(session: Session, limit: int = 100, offset: int = 0) -> list[dict]:
    """Newest audit rows first (admin and auditor only)."""
    session.require("audit.read")
    rows = audit_log.recent(session.ledger.conn, limit, offset)
    with session.ledger.tx() as tx:
        session.audit(tx, "audit.read", "audit", f"{offset}+{limit}")
    return rows
