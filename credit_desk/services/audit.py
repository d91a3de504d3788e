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


def trusted_platform_keys(conn) -> list[bytes]:
    """R14 (issue 14): the platform keys a stored receipt may be signed by — the key of each suite pinned at
    set-up (the first ``keys.import_platform`` audit row naming a key of that suite: the service refuses a
    second) and each key a platform-signed downstream bundle pinned (its ``bundle.downstream`` row names the
    key's fingerprint). A key a key holder inserted into ``platform_keys`` with SQL is named by no such row, so
    a receipt they re-signed with it does not count; to get one in they must rewrite the chain below it, which
    the older receipted heads catch."""
    pinned = heads.platform_key_rows(conn)
    by_fp = {signing.fingerprint(k): k for k, _ in pinned}
    trusted, rooted, legacy = set(), set(), 0
    for _rid, action, detail in heads.audit_details(conn, ("keys.import_platform", "bundle.downstream")):
        if action == "keys.import_platform":
            named = detail.get("sign") or []
            for fp in [named] if isinstance(named, str) else named:
                key = by_fp.get(fp)
                if key is not None and signing.suite_of(key) not in rooted:
                    rooted.add(signing.suite_of(key))
                    trusted.add(fp)
        elif "platform_keys" in detail:
            named = detail.get("platform_sign")
            if named:
                trusted.update([named] if isinstance(named, str) else named)
            else:
                legacy += 1  # a key change logged before its row named the key: the bundle pins in order
    trusted.update(signing.fingerprint(k) for k in [k for k, src in pinned if src == "bundle"][:legacy])
    return [k for k, _ in pinned if signing.fingerprint(k) in trusted]


def receipted_heads(conn) -> tuple[list[tuple[int, str]], ChainVerdict | None]:
    """([(rows, head) of every stored receipted head, oldest first], None) — or ([], a failed verdict) when a
    stored receipt does not carry the signature of a trusted platform key over exactly that head, or when a
    bundle marked acknowledged lost its receipt row (R14, issue 14)."""
    # bundles lost with a restored tail were learnt from the platform by bundle resync (its audit row names
    # them): their receipts name audit rows this ledger no longer has, so no head is stored for them
    learnt = {x.get("seq") for _r, _a, d in heads.audit_details(conn, ("bundle.resync",))
              for x in (d.get("lost") or []) if isinstance(x, dict)}
    gone = [seq for seq in heads.acknowledged_without_receipt(conn) if seq not in learnt]
    if gone:
        return [], ChainVerdict(False, 0, None, f"第 {gone[0]} 号同步包已由市平台签收，但其回执记录不见了（被删除）。",
                                f"bundle {gone[0]} was acknowledged by the platform but its stored receipt is gone "
                                f"(deleted)")
    keys = trusted_platform_keys(conn)
    out = []
    for got in heads.all_receipted(conn):
        signed = any(signing.verify(k, got["signature"], signing.Use.RECEIPT, got["manifest"]) for k in keys)
        try:
            echo = (json.loads(got["manifest"]).get("answers") or {}).get("audit") or {}
        except (ValueError, AttributeError):
            echo = {}
        if not signed or echo.get("rows") != got["audit_rows"] or echo.get("head") != got["audit_head"]:
            return [], ChainVerdict(False, 0, None, f"第 {got['bundle_seq']} 号同步包的回执中的审计链头不是市平台签发的（被改写）。",
                                    f"the audit head stored for bundle {got['bundle_seq']} is not the one the platform "
                                    f"signed (it was rewritten)")
        out.append((got["audit_rows"], got["audit_head"]))
    return out, None


def verify_chain(desk: Desk) -> ChainVerdict:
    """Recompute the whole chain; compare it with the anchor and with the newest receipted head."""
    return verify_on(desk.ledger.conn, desk.ledger)


def verify_on(conn, led) -> ChainVerdict:
    """``verify_chain`` on a given connection (the GUI walks the chain on its read connection, off its thread)."""
    anchor = read_anchor(led.paths.anchor)
    if anchor is None and is_anchored(led.paths):
        return ChainVerdict(False, 0, None, "审计锚点文件 audit.anchor 不见了，但账本记录它曾经存在（锚点被删除）。",
                            "the audit anchor is gone although the ledger records that it existed (deleted)")
    receipted, forged = receipted_heads(conn)  # R14: every stored receipt, under trusted platform keys only
    if forged is not None:
        return forged
    # the newest signed head covers every row below it (the chain links them)
    return audit_log.verify(conn, led.ledger_id, anchor, receipted[-1] if receipted else None)


def read_log(session: Session, limit: int = 100, offset: int = 0) -> list[dict]:
    """Newest audit rows first (admin and auditor only)."""
    session.require("audit.read")
    rows = audit_log.recent(session.ledger.conn, limit, offset)
    with session.ledger.tx() as tx:
        session.audit(tx, "audit.read", "audit", f"{offset}+{limit}")
    return rows
