"""The audit log: verification (anyone with the key) and reading (admin, auditor).

``verify_chain`` checks the chain against two heads kept outside the rows: the anchor file next to the
ledger (``audit.anchor``; missing after one existed is a failure) and the newest head the platform signed
in a receipt (issue 14), whose signature is checked again here, so neither can be typed in with SQL.
"""

from __future__ import annotations

import json

from credit_desk.domain import signing
from credit_desk.domain.audit_chain import ChainVerdict
from credit_desk.services.base import Desk, Session
from credit_desk.store import audit_log, heads
from credit_desk.store.ledger import is_anchored, read_anchor


def receipted_head(conn) -> tuple[tuple[int, str] | None, ChainVerdict | None]:
    """((rows, head) of the newest receipted head, None) — or (None, a failed verdict) when the stored receipt
    does not carry the platform's signature over exactly that head."""
    got = heads.newest_receipted(conn)
    if got is None:
        return None, None
    signed = any(signing.verify(k, got["signature"], signing.Use.RECEIPT, got["manifest"])
                 for k in heads.platform_sign_keys(conn))
    try:
        echo = (json.loads(got["manifest"]).get("answers") or {}).get("audit") or {}
    except (ValueError, AttributeError):
        echo = {}
    if not signed or echo.get("rows") != got["audit_rows"] or echo.get("head") != got["audit_head"]:
        return None, ChainVerdict(False, 0, None, f"第 {got['bundle_seq']} 号同步包的回执中的审计链头不是市平台签发的（被改写）。",
                                  f"the audit head stored for bundle {got['bundle_seq']} is not the one the platform "
                                  f"signed (it was rewritten)")
    return (got["audit_rows"], got["audit_head"]), None


def verify_chain(desk: Desk) -> ChainVerdict:
    """Recompute the whole chain; compare it with the anchor and with the newest receipted head."""
    return verify_on(desk.ledger.conn, desk.ledger)


def verify_on(conn, led) -> ChainVerdict:
    """``verify_chain`` on a given connection (the GUI walks the chain on its read connection, off its thread)."""
    anchor = read_anchor(led.paths.anchor)
    if anchor is None and is_anchored(led.paths):
        return ChainVerdict(False, 0, None, "审计锚点文件 audit.anchor 不见了，但账本记录它曾经存在（锚点被删除）。",
                            "the audit anchor is gone although the ledger records that it existed (deleted)")
    receipted, forged = receipted_head(conn)
    if forged is not None:
        return forged
    return audit_log.verify(conn, led.ledger_id, anchor, receipted)


def read_log(session: Session, limit: int = 100, offset: int = 0) -> list[dict]:
    """Newest audit rows first (admin and auditor only)."""
    session.require("audit.read")
    rows = audit_log.recent(session.ledger.conn, limit, offset)
    with session.ledger.tx() as tx:
        session.audit(tx, "audit.read", "audit", f"{offset}+{limit}")
    return rows
