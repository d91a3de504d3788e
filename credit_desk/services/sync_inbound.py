"""Files from the platform: signed receipts (accepted → shared, rejected → quarantine) and downstream
bundles (catalogue / measures editions, rule sets, holiday calendars, joint-punishment lists, platform keys),
each verified against the pinned platform key and applied all-or-nothing in one transaction."""

from __future__ import annotations

from credit_desk.domain import signing, suites
from credit_desk.services import downstream, keys
from credit_desk.services.base import Session
from credit_desk.services.downstream import DOWNSTREAM_SUITE
from credit_desk.store import heads as head_store, meta, office_keys, sync_state
from credit_desk.sync import bundle, crypto, payload
from credit_desk.sync.refusals import refused


def check_inbound(session: Session, opened: bundle.Opened) -> bytes:
    """Signature by the pinned platform key, addressed to this office, not expired; returns the plaintext."""
    conn = session.ledger.conn
    bundle.check_type(opened, "receipt", "downstream")
    # issue 22: the platform key of the suite the bundle names, among the suites pinned; never below the office's own
    pinned = {n: keys.platform(conn, n) for n in suites.NAMES if sync_state.active_platform(conn, n)}
    if not pinned:
        raise refused("NO_PLATFORM_KEY")
    accepted = keys.accepted_suites(conn)  # issue 22: the pinned suites the administrator accepts (keys suites)
    bundle.verify(opened, {crypto.key_id(p["sign_public"]): p["sign_public"] for p in pinned.values()},
                  accepted, suite_floor(conn, opened))
    keys.enc_key(session)  # made on first use
    # issue 22: any key the office ever had (a move to gm/1 makes a new one; the platform answers to the old one
    # until it has pinned the new key file)
    mine = {crypto.key_id(pub): priv for pub, priv in sync_state.enc_keys(conn)}
    enc_priv = mine.get(opened.manifest.recipient)
    if enc_priv is None or opened.manifest.office != session.ledger.ledger_id:
        raise refused("BUNDLE_WRONG_RECIPIENT")
    bundle.check_expiry(opened, session.desk.now())
    return bundle.decrypt(opened, enc_priv, keys.limits(conn))


def suite_floor(conn, opened: bundle.Opened) -> str:
    """The lowest suite the office accepts for this platform file (issue 22, no downgrade): a receipt is never
    below the suite of the bundle it answers; a downstream bundle never below the last one applied. Not the
    office's own suite: after the office moved to gm/1 the platform still answers in intl/1 (to the old key)
    until it has pinned the new key file — that receipt, for a bundle made before the move and still on its
    way, is the platform's to give and the office's to take."""
    if opened.manifest.type == "receipt":
        answers = opened.manifest.doc.get("answers")
        seq = answers.get("sequence") if isinstance(answers, dict) else None
        sent = sync_state.bundle(conn, seq) if isinstance(seq, int) and not isinstance(seq, bool) else None
        signed_by = {k.id: k for k in office_keys.all_keys(conn)}.get(sent["key_id"]) if sent else None
        return signing.suite_of(bytes(signed_by.public_key)) if signed_by else keys.suite(conn)
    return meta.get_meta(conn, DOWNSTREAM_SUITE) or suites.INTL


def import_bytes(session: Session, data: bytes) -> dict:
    """Import a receipt or a downstream bundle; a refusal says why in one sentence and applies nothing."""
    session.require("bundle.import")
    opened = bundle.open_bytes(data, keys.limits(session.ledger.conn))
    if sync_state.inbound_seen(session.ledger.conn, opened.digest):
        raise (refused("RECEIPT_REPLAY", seq=opened.manifest.doc.get("answers", {}).get("sequence"))
               if opened.manifest.type == "receipt" else refused("BUNDLE_REPLAY", seq=opened.manifest.sequence))
    plain = check_inbound(session, opened)
    if opened.manifest.type == "receipt":
        return _receipt(session, opened, plain)
    return downstream.apply(session, opened, plain)


def _answered(session: Session, opened: bundle.Opened) -> dict:
    answers = opened.manifest.doc.get("answers")
    if not isinstance(answers, dict) or not isinstance(answers.get("sequence"), int):
        raise refused("BUNDLE_MANIFEST_BAD", why="answers")
    sent = sync_state.bundle(session.ledger.conn, answers["sequence"])
    if sent is None or sent["sha256"] != answers.get("sha256"):
        raise refused("RECEIPT_UNKNOWN_BUNDLE", seq=answers["sequence"])
    if sent["state"] == "acknowledged" or sync_state.receipt_imported(session.ledger.conn, sent["seq"]):
        raise refused("RECEIPT_REPLAY", seq=sent["seq"])
    return sent


def _receipt(session: Session, opened: bundle.Opened, plain: bytes) -> dict:
    conn = session.ledger.conn
    sent = _answered(session, opened)
    accepted, rejected = payload.parse_receipt(plain)
    lo, hi = sent["first_change"], sent["last_change"]
    if any(not lo <= i <= hi for i in accepted) or any(not lo <= r["id"] <= hi for r in rejected):
        raise refused("BUNDLE_PAYLOAD_BAD", row=1, why="change id outside the bundle")
    # Every change of the bundle is answered exactly once (bundle-format.md §5); a receipt leaving some out
    # would mark the bundle acknowledged and those changes would never be sent again (found by fuzzing).
    answered = set(accepted) | {r["id"] for r in rejected}
    if len(answered) != len(accepted) + len(rejected) or len(answered) != sent["change_count"]:
        raise refused("BUNDLE_PAYLOAD_BAD", row=1, why="not every change of the bundle is answered exactly once")
    acked_at = opened.manifest.created.astimezone().replace(tzinfo=None).isoformat(timespec="seconds")
    accepted_set = set(accepted)
    heads = [h for h in sync_state.change_heads(conn, lo, hi) if h[0] in accepted_set]
    with session.ledger.tx() as tx:
        sync_state.insert_acks(tx, [(i, sent["seq"], "accepted", None, None, None, acked_at, None) for i in accepted])
        sync_state.insert_acks(tx, [(r["id"], sent["seq"], "rejected", r.get("code"), r["reason_zh"],
                                     r.get("reason_en"), acked_at, "open") for r in rejected])
        if sync_state.has_open_quarantine(conn):
            sync_state.resolve_quarantine(tx, [(e, eid, cid) for cid, e, eid, _ in heads], acked_at)
            if rejected:  # R12 way 1: a refusal of what a wrongful listing took with it waits for nothing (att39a)
                sync_state.resolve_withdrawn(tx, acked_at)
        shared = _close_r6(tx, heads, acked_at)
        # issue 14: the audit head and register marks the platform signed back (audit verify, restore)
        head_store.save_receipted(tx, sent["seq"], sent["sha256"],
                                  payload.receipt_echo(opened.manifest.doc.get("answers") or {}),
                                  opened.manifest_bytes, opened.signature)
        sync_state.mark_acknowledged(tx, sent["seq"], acked_at)
        sync_state.record_inbound(tx, opened.digest, "receipt", opened.manifest.sequence, sent["seq"])
        session.audit(tx, "bundle.receipt", "bundle", sent["seq"],
                      detail={"accepted": len(accepted), "rejected": len(rejected), "cases_shared": shared})
    return {"type": "receipt", "bundle": sent["seq"], "accepted": len(accepted), "rejected": len(rejected),
            "cases_shared": shared, "acked_at": acked_at}


def _close_r6(tx, heads, acked_at: str) -> list[int]:
    """R6: an accepted listing decision closes the case's "due to share" deadline."""
    decided = [int(eid) for _, entity, eid, op in heads if entity == "case" and op == "decide"]
    if decided:
        set_shared = _cases_set_shared()
        for case_id in decided:
            set_shared(tx, case_id, acked_at)
    # R13 一次申请、同步修复: an accepted repair decision moves the request to "shared"
    from credit_desk.store import repairs as repairs_repo
    for repair_id in [int(eid) for _, entity, eid, op in heads if entity == "repair" and op == "decide"]:
        repairs_repo.set_shared(tx, repair_id, acked_at)
    # R6/R21: an accepted 双公示 decision closes its "publish and report" deadline (once published)
    from credit_desk.store import disclosures
    for decision_id in {int(eid) for _, entity, eid, op in heads if entity == "admin_decision"}:
        disclosures.set_reported(tx, decision_id, acked_at)
    return decided


def _cases_set_shared():
    """The cases repository (listing issue) owns the column; imported late so sync works without it."""
    try:
        from credit_desk.store.cases import set_shared
    except ImportError:  # pragma: no cover - only before the listing feature exists
        return lambda tx, case_id, acked_at: None
    return set_shared
