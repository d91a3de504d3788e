"""Keys for sync: the office's signing and encryption keys (Ed25519 / X25519, or SM2 after a move to gm/1, issue
22), and the pinned platform keys (one pair per suite).

Fingerprints are shown to be compared by phone with the platform. A rotated office key is signed by the
old one (the endorsement travels in the next bundle's manifest); a platform key change only arrives in a
bundle signed by the currently pinned platform key, never by re-importing a file.
"""

from __future__ import annotations

from credit_desk.domain import audit_chain, signing, suites
from credit_desk.domain.errors import DomainError
from credit_desk.services.base import Session
from credit_desk.store import meta, office_keys, sync_state
from credit_desk.sync import crypto, keyfiles
from credit_desk.sync.limits import DEFAULT, Limits
from credit_desk.sync.refusals import refused


def limits(conn) -> Limits:
    """Sync limits: national defaults (sync/limits.py), each overridable by the setting sync.<name>."""
    return DEFAULT.with_overrides({f: meta.get_setting(conn, f"sync.{f}") for f in DEFAULT.__dataclass_fields__})


def office_code(conn, ledger_id: str) -> str:
    """The short office code in bundle file names; settable as sync.office_code, else from the ledger id."""
    return meta.get_setting(conn, "sync.office_code") or ledger_id.split("-")[0]


def suite(conn) -> str:
    """The office's current suite: its active signing key's (issue 22; changed only by ``rotate``)."""
    return signing.suite_of(bytes(signing_key(conn).public_key))


ACCEPT_SETTING = "suites.accept"  # the suites the office accepts from the platform (issue 22; keys suites)


def accepted_suites(conn) -> tuple[str, ...]:
    """The suites the office accepts in the platform's files (receipts, downstream): those the administrator set
    with ``set_accepted_suites``, else every suite whose platform keys are pinned; the office's own suite always."""
    pinned = tuple(n for n in suites.NAMES if sync_state.active_platform(conn, n))
    chosen = meta.get_setting(conn, ACCEPT_SETTING)
    own = suite(conn)
    wanted = set(chosen) | {own} if isinstance(chosen, list) else set(pinned)
    return tuple(n for n in pinned if n in wanted)


def show_accepted(session: Session) -> dict:
    """{"suites": accepted in the platform's files, "configured": set by the administrator (else all pinned)}."""
    session.require("keys.view")
    conn = session.ledger.conn
    return {"suites": list(accepted_suites(conn)),
            "configured": isinstance(meta.get_setting(conn, ACCEPT_SETTING), list)}


def set_accepted_suites(session: Session, names: list[str] | None) -> dict:
    """The office's side of the platform's ``intake suites`` (issue 22): accept the platform's files only in
    ``names`` (None: every pinned suite again). Administrator only (R14: keys.manage); audited with the list
    before and after, and a change-log row, in one transaction. Refused (SUITE_NOT_ALLOWED): an unknown suite,
    one whose platform keys are not pinned, or a list without the office's own suite (the platform answers in it)."""
    session.require("keys.manage")
    conn = session.ledger.conn
    own, before = suite(conn), accepted_suites(conn)
    if names is not None:
        names = list(dict.fromkeys(names))
        for name in names:
            suites.get(name)
            if sync_state.active_platform(conn, name) is None:
                raise DomainError("SUITE_NOT_ALLOWED", f"尚未固定平台「{name}」的公钥，不能只接受该密码套件。",
                                  f"No platform key of suite {name!r} is pinned; it cannot be accepted.",
                                  field="suites")
        if own not in names:  # R14 / issue 22: the platform answers this office in its own suite
            raise DomainError("SUITE_NOT_ALLOWED", f"本单位使用「{own}」，接受的密码套件中必须包含它。",
                              f"This office uses {own!r}; the accepted suites must include it.", field="suites")
    with session.ledger.tx() as tx:
        meta.set_setting(tx, ACCEPT_SETTING, names)
        session.audit(tx, "keys.suites", "setting", ACCEPT_SETTING,
                      detail={"before": list(before), "suites": names or "pinned"})
        tx.change("setting", ACCEPT_SETTING, "upsert", {"value": names})
    return {"suites": list(accepted_suites(conn)), "configured": names is not None, "before": list(before)}


def enc_key(session: Session) -> tuple[int, bytes, bytes]:
    """The office's encryption key in its current suite (made on first use, so older ledgers get one too)."""
    conn = session.read_conn  # issue 18: the look first (on the GUI thread, never on a writer a job may hold)
    found = sync_state.active_enc_key(conn)
    if found and signing.suite_of(found[1]) == suite(conn):
        return found
    private, public = crypto.new_enc(suite(session.ledger.conn))
    with session.ledger.tx() as tx:
        kid = sync_state.insert_enc_key(tx, public, private)
        session.audit(tx, "keys.enc_created", "key", crypto.key_id(public)[:16])
    return kid, public, private


def signing_key(conn) -> office_keys.OfficeKey:
    """The office's active Ed25519 key (made at init)."""
    key = office_keys.active(conn)
    if key is None:
        raise DomainError("NO_OFFICE_KEY", "本单位签名密钥缺失，账本可能不完整。", "The office signing key is missing.")
    return key


def own_sign_keys(conn) -> dict[str, bytes]:
    """Every signing key this office ever had, by key id (to verify its own older bundles)."""
    return {crypto.key_id(bytes(k.public_key)): bytes(k.public_key) for k in office_keys.all_keys(conn)}


def platform(conn, suite_name: str | None = None) -> dict:
    """The pinned platform keys of ``suite_name`` (default: the office's current suite), or NO_PLATFORM_KEY."""
    found = sync_state.active_platform(conn, suite_name or suite(conn))
    if found is None:
        raise refused("NO_PLATFORM_KEY")
    return found


def show(session: Session) -> dict:
    """Fingerprints of the office's keys and of the pinned platform keys, to read out by phone."""
    session.require("keys.view")
    conn = session.read_conn
    if session.ledger.writer.may_write():
        _, enc_pub, _ = enc_key(session)
    else:  # issue 18: a background job holds the writer: the key made on first use waits for the next look
        found = sync_state.active_enc_key(conn)
        enc_pub = found[1] if found and signing.suite_of(found[1]) == suite(conn) else None
    sign = signing_key(conn)
    plat = sync_state.active_platform(conn, suite(conn))
    return {"office": session.ledger.ledger_id, "suite": suite(conn), "region": meta.get_meta(conn, "region"),
            "code": office_code(conn, session.ledger.ledger_id),
            "sign_fingerprint": signing.fingerprint(bytes(sign.public_key)),
            "enc_fingerprint": signing.fingerprint(enc_pub) if enc_pub else "—",
            "platform": None if plat is None else {
                "platform": plat["platform"], "name": plat["name"], "source": plat["source"],
                "sign_fingerprint": signing.fingerprint(plat["sign_public"]),
                "enc_fingerprint": signing.fingerprint(plat["enc_public"])}}


def export_public(session: Session) -> tuple[bytes, bytes]:
    """(office key file for the platform, PEM of the signing key for openssl)."""
    session.require("keys.view")
    conn = session.ledger.conn
    _, enc_pub, _ = enc_key(session)
    sign = signing_key(conn)
    doc = keyfiles.office_doc(office=session.ledger.ledger_id, region=meta.get_meta(conn, "region") or "",
                              code=office_code(conn, session.ledger.ledger_id), sign_public=bytes(sign.public_key),
                              enc_public=enc_pub, endorsements=endorsements(conn))
    return doc, signing.public_pem(bytes(sign.public_key))


def endorsements(conn) -> list[dict]:
    """The rotation chain: each later key with the previous key's signature over it, [{suite, public_key,
    endorsed_by (key id), signature, last_sequence (the previous key's last bundle; absent for /1 endorsements)}]."""
    keys = {k.id: k for k in office_keys.all_keys(conn)}
    out = []
    for k in keys.values():
        if k.endorsed_by and k.endorsement:
            e = {"suite": signing.suite_of(bytes(k.public_key)), "public_key": keyfiles.b64(bytes(k.public_key)),
                 "endorsed_by": crypto.key_id(bytes(keys[k.endorsed_by].public_key)),
                 "signature": keyfiles.b64(bytes(k.endorsement))}
            if k.endorsed_upto is not None:  # issue 22: key-endorsement/2, the old key's last bundle sequence
                e["last_sequence"] = k.endorsed_upto
            out.append(e)
    return out


def read_platform_file(session: Session, data: bytes) -> dict:
    """What a platform key file holds, before anything is pinned, so the administrator can compare its
    fingerprints with the platform by phone: {platform, name, keys: [{suite, sign_fingerprint,
    enc_fingerprint}], pinned (already pinned: a different key must come in a signed bundle)}. Raises the key file
    parser's DomainError on a bad file."""
    session.require("keys.manage")
    doc = keyfiles.parse(data, keyfiles.PLATFORM_FORMAT)
    conn = session.ledger.conn
    pairs = [(doc["sign_public"], doc["enc_public"]),
             *[(p["sign_public"], p["enc_public"]) for p in (doc.get("suites") or {}).values()]]
    found = [{"suite": signing.suite_of(sign_pub), "sign_fingerprint": signing.fingerprint(sign_pub),
              "enc_fingerprint": signing.fingerprint(enc_pub)} for sign_pub, enc_pub in pairs]
    pinned = [f["suite"] for f in found if sync_state.active_platform(conn, f["suite"]) is not None]
    return {"platform": doc["platform"], "name": str(doc.get("name") or doc["platform"]), "keys": found,
            "pinned": pinned}


def write_public(session: Session, out, *, force: bool = False) -> dict:
    """Write the office's public key file (for the platform to register) where the administrator chose; never in
    the data folder (outpaths). Returns {file, sign_fingerprint}."""
    from credit_desk import outpaths
    from credit_desk.atomic import write_atomic
    session.require("keys.view")
    path = outpaths.guard_file(out, data_dir=session.ledger.paths.folder, force=force, field="file")
    doc, _pem = export_public(session)
    write_atomic(path, doc)
    with session.ledger.tx() as tx:
        session.audit(tx, "keys.export_public", "office", session.ledger.ledger_id, detail={"file": str(path)})
    return {"file": str(path), "sign_fingerprint": show(session)["sign_fingerprint"]}


def import_platform(session: Session, data: bytes) -> dict:
    """Pin the platform's public keys at set-up; a different key later must come in a signed bundle."""
    session.require("keys.manage")
    doc = keyfiles.parse(data, keyfiles.PLATFORM_FORMAT)
    conn = session.ledger.conn
    pairs = [(doc["sign_public"], doc["enc_public"]),
             *[(p["sign_public"], p["enc_public"]) for p in (doc.get("suites") or {}).values()]]
    new = []
    for sign_pub, enc_pub in pairs:  # one pinned pair per suite (issue 22)
        current = sync_state.active_platform(conn, signing.suite_of(sign_pub))
        if current is None:
            new.append((sign_pub, enc_pub))  # a suite not pinned yet: pinned from the file, as at set-up
        elif (current["sign_public"], current["enc_public"]) != (sign_pub, enc_pub) or current["platform"] != doc["platform"]:
            raise DomainError("PLATFORM_KEY_PINNED", "已固定平台公钥；平台更换密钥须通过平台签名的下发包，不能直接导入。",
                              "Platform keys are already pinned; a key change must arrive in a platform-signed bundle.")
    if not new:
        return show(session)
    with session.ledger.tx() as tx:
        for sign_pub, enc_pub in new:
            sync_state.pin_platform(tx, doc["platform"], str(doc.get("name") or doc["platform"]), sign_pub, enc_pub,
                                    "import")
        session.audit(tx, "keys.import_platform", "platform", doc["platform"],
                      detail={"sign": [signing.fingerprint(s) for s, _ in new],
                              "suites": [signing.suite_of(s) for s, _ in new]})
    return show(session)


def rotate(session: Session, suite_name: str | None = None) -> dict:
    """A new signing key, endorsed by the old one; old bundles still verify against the old key.

    With ``suite_name`` (issue 22) the office moves to that suite: a new signing key and a new encryption key of
    the suite, the move audited with both suites named. The platform records its side when it pins the new key
    file (``intake rotate-keys``); a step down (gm/1 to intl/1) is refused (SUITE_DOWNGRADE)."""
    session.require("keys.manage")
    conn = session.ledger.conn
    old = signing_key(conn)
    old_suite = suite(conn)
    target = suites.check_no_downgrade(suite_name or old_suite, old_suite).name
    if target != old_suite and sync_state.active_platform(conn, old_suite) and not sync_state.active_platform(
            conn, target):  # issue 22: after the move every bundle is sealed to the platform's key of the new suite
        raise DomainError("NO_PLATFORM_KEY",
                          f"尚未固定平台「{target}」的公钥，改用该密码套件后将无法报送：请先导入平台的新公钥文件"
                          "（平台执行 intake add-suite 后生成，电话核对指纹）。",
                          f"No platform key of suite {target!r} is pinned; after the move nothing could be sent. Import "
                          "the platform's new key file first (made by intake add-suite; check the fingerprints by "
                          "phone).", field="suite")
    private = signing.new_private(target)
    public = signing.public_of(private)
    # issue 22: the old key's last bundle sequence, signed into the endorsement: the platform refuses any later
    # bundle signed by the old key (a backdated one made with the old private key, which this ledger keeps);
    # bundles still on a USB stick (sequence <= it) stay acceptable. A pending bundle reissued later is signed anew
    # with the active key, so nothing above this number is ever signed by the old key.
    last = sync_state.last_bundle(conn)
    upto = last["seq"] if last else 0
    endorsement = signing.sign(bytes(old.private_key), signing.Use.KEY_ENDORSEMENT,
                               keyfiles.endorsement_message(public, upto))
    with session.ledger.tx() as tx:
        office_keys.insert(tx, public, private, endorsed_by=old.id, endorsement=endorsement, endorsed_upto=upto)
        detail = {"old": signing.fingerprint(bytes(old.public_key)), "new": signing.fingerprint(public),
                  "old_suite": old_suite, "suite": target, "old_last_sequence": upto}
        if target != old_suite:
            enc_private, enc_public = crypto.new_enc(target)
            sync_state.insert_enc_key(tx, enc_public, enc_private)
            detail["enc"] = signing.fingerprint(enc_public)
        session.audit(tx, "keys.rotate", "key", crypto.key_id(public)[:16], detail=detail)
        if target != old_suite:  # the audit chain's later rows are hashed in the new suite (domain/audit_chain.py)
            session.audit(tx, audit_chain.SUITE_ACTION, "audit", "chain", detail={"suite": target, "from": old_suite})
    return show(session)
