"""The audit log: verification (anyone with the key) and reading (admin, auditor).

``verify_chain`` checks the chain against two heads kept outside the rows: the anchor file next to the
ledger (``audit.anchor``; missing after one existed is a failure) and the newest head the platform signed
in a receipt (issue 14), whose signature is checked again here, so neither can be typed in with SQL.
"""

from __future__ import annotations

import json
from dataclasses import replace

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


def _outside_heads(conn, led):
    """(anchor, newest receipted head, None) — or (None, None, a failed verdict) when the anchor was deleted or a
    stored receipt is not the platform's."""
    anchor = read_anchor(led.paths.anchor)
    if anchor is None and is_anchored(led.paths):
        return None, None, ChainVerdict(False, 0, None, "审计锚点文件 audit.anchor 不见了，但账本记录它曾经存在（锚点被删除）。",
                                        "the audit anchor is gone although the ledger records that it existed (deleted)")
    receipted, forged = receipted_heads(conn)  # R14: every stored receipt, under trusted platform keys only
    if forged is not None:
        return None, None, forged
    # the newest signed head covers every row below it (the chain links them)
    return anchor, (receipted[-1] if receipted else None), None


def verify_on(conn, led) -> ChainVerdict:
    """``verify_chain`` on a given connection (the GUI walks the chain on its read connection, off its thread).
    A chain that verifies whole leaves its head as the last verified head (``verify_since``)."""
    anchor, receipted, failed = _outside_heads(conn, led)
    if failed is not None:
        return failed
    verdict = audit_log.verify(conn, led.ledger_id, anchor, receipted)
    if verdict.ok:
        _keep_verified(led, verdict)
    return verdict


# --- the daily check's incremental verification (issue 18) -----------------------------------------------

SPOT_ROWS = 50_000  # older rows re-verified by each daily check, at a place drawn from os.urandom


def verify_since(conn, led, spot_rows: int | None = None, rng=None) -> ChainVerdict:
    """R14 (issue 18): the daily check's audit verification — only the rows after the last verified head, plus
    a random window of older ones. ``verify_on`` (``audit verify``, ``check --full``) still walks every row.

    The last verified head (row N, its hash H) is where the previous verification — whole or daily — ended.
    It is kept twice: ``audit.verified`` in the data folder and an entry in the PC user's keyring (beside the
    seen mark); the lower of the two is used (the file alone where there is no keyring; with a keyring that
    has no entry, the whole chain is walked).

    Threat model — an insider who holds the database key, can run SQL on the ledger and write the data folder:

    - **The head is a hint, never evidence.** It is used only when row N still carries H (one look-up). A head
      that names a row that is gone, carries another hash, or cannot be read, is dropped and the whole chain is
      walked: altering the stored head to a wrong value costs time, it never hides a row.
    - **Rewritten and re-chained below the head:** every hash covers the row before it, so a re-chained rewrite of
      any row ≤ N changes the hash of row N: the head no longer matches, the whole chain is walked and compared
      with the anchor and the newest head the platform signed (as ``verify_on``). Anchor and receipted heads
      at or below N are compared by one look-up of their row's stored hash, so a receipted head is never
      skipped for lying below N.
    - **Rows after the head** (a rewritten or cut tail, rows inserted, a suite downgrade) are recomputed one by
      one from H, exactly as the whole walk does, and the tail compared with the anchor and receipted heads: the
      daily check finds them. The suite in force at N is read from the chain's own marker rows, not stored.
    - **What the daily check does not see:** a row at or below N whose content was changed *without* touching
      its hash column — every link still holds; only recomputing that row shows it. ``audit verify`` and
      ``check`` in full mode do. To bound how long such a change can hide, each daily check also recomputes a
      window of ``spot_rows`` older rows at a place drawn from ``os.urandom`` (not stored, not predictable:
      at 1M rows, 5 % of the chain a day).
    - **Moving the head forward** over rows changed after the last verification (so they are never walked)
      needs both the folder's file and the PC user's keyring entry to be rewritten; an insider who can do both
      escapes the daily check for those rows, not the whole verification nor the random window. This is why the
      whole verification stays on demand and must be run periodically (each backup walks its copy's whole chain
      before it is signed: issue 18, session 34).
    """
    anchor, receipted, failed = _outside_heads(conn, led)
    if failed is not None:
        return failed
    found: list = []

    def markers() -> list[dict]:  # read once, and only when a head is used: the start and the window need it
        if not found:
            found.append(audit_log.suite_markers(conn))
        return found[0]
    start, note = _start(conn, led, anchor, receipted, markers)
    if start is None:
        verdict = audit_log.verify(conn, led.ledger_id, anchor, receipted)
    else:
        verdict = audit_log.verify(conn, led.ledger_id, anchor, receipted, start)
        if verdict.ok:
            spot = _spot(conn, led.ledger_id, start.rows, SPOT_ROWS if spot_rows is None else spot_rows, rng, markers)
            if spot is not None and not spot[0].ok:
                return spot[0]
            walked = verdict.rows - start.rows
            verdict = replace(verdict, since=start.rows, walked=walked, spot=spot[1] if spot else None)
    if verdict.ok:
        _keep_verified(led, verdict)
        if note:
            verdict = replace(verdict, note=note)
    return verdict


def _stored_head(led) -> tuple[int, str] | None:
    from credit_desk.store import keys
    from credit_desk.store.ledger import read_verified
    in_file = read_verified(led.paths.verified)
    reachable, in_keyring = keys.load_verified(led.ledger_id)
    if not reachable:
        return in_file
    if in_file is None or in_keyring is None:
        return None
    return min(in_file, in_keyring, key=lambda h: h[0])


def _start(conn, led, anchor, receipted, markers):
    """(Start after the stored head, "") — or (None, why it was dropped) for a whole walk."""
    from credit_desk.domain.audit_chain import Start
    stored = _stored_head(led)
    if stored is None:
        return None, ""
    rows, head = stored
    found = audit_log.row_at(conn, rows) if rows > 0 else None
    if found is None or found[0] != head:
        return None, "head_mismatch"
    heads_below = {}
    for pair in (anchor, receipted):
        if pair and pair[0] <= rows:
            at = audit_log.row_at(conn, pair[0])
            if at is not None:
                heads_below[pair[0]] = at[0]
    return Start(rows, head, _suite_at(markers, rows), found[1], heads_below), ""


def _suite_at(markers, rows: int) -> str:
    """The suite of the rows after row ``rows``, from the chain's marker rows (issue 22)."""
    from credit_desk.domain import suites
    from credit_desk.domain.audit_chain import suite_after
    suite = suites.INTL
    for marker in markers():
        if marker["id"] > rows:
            break
        suite = suite_after(marker, suite) or suite
    return suite


def _spot(conn, ledger_id: str, upto: int, n: int, rng, markers):
    """Recompute ``n`` consecutive rows at a random place in 1..``upto``: (verdict, (first, last)) or None."""
    import random
    from credit_desk.domain.audit_chain import Start, genesis_hash, verify_rows
    if upto <= 0 or n <= 0:
        return None
    rng = rng or random.SystemRandom()
    first = rng.randint(1, max(1, upto - n + 1))
    last = min(upto, first + n - 1)
    before = audit_log.row_at(conn, first - 1) if first > 1 else (genesis_hash(ledger_id), "")
    if before is None:
        return None
    start = Start(first - 1, before[0], _suite_at(markers, first - 1), before[1])
    verdict = verify_rows(audit_log.iter_rows(conn, first - 1, last), ledger_id, start=start)
    return verdict, (first, last)


def _keep_verified(led, verdict: ChainVerdict) -> None:
    """After a verification that holds: the head it reached is the next daily check's start (never while the
    ledger needs attention: nothing is written over evidence)."""
    from credit_desk.store import keys
    from credit_desk.store.ledger import write_verified
    if getattr(led, "attention", None) is not None or not verdict.rows:
        return
    write_verified(led.paths.verified, verdict.rows, verdict.head)
    keys.store_verified(led.ledger_id, verdict.rows, verdict.head)


def read_log(session: Session, limit: int = 100, offset: int = 0) -> list[dict]:
    """Newest audit rows first (admin and auditor only)."""
    session.require("audit.read")
    rows = audit_log.recent(session.ledger.conn, limit, offset)
    with session.ledger.tx() as tx:
        session.audit(tx, "audit.read", "audit", f"{offset}+{limit}")
    return rows
