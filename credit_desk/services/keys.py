"""Keys for sync: the office's Ed25519 signing key and X25519 encryption key, and the pinned platform keys.

Fingerprints are shown to be compared by phone with the platform. A rotated office key is signed by the
old one (the endorsement travels in the next bundle's manifest); a platform key change only arrives in a
bundle signed by the currently pinned platform key, never by re-importing a file.
"""

from __future__ import annotations

from credit_desk.domain import signing
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


def enc_key(session: Session) -> tuple[int, bytes, bytes]:
    """The office's X25519 key (made on first use, so older ledgers get one too)."""
    found = sync_state.active_enc_key(session.ledger.conn)
    if found:
        return found
    private, public = crypto.new_x25519()
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


def platform(conn) -> dict:
    """The pinned platform keys, or the refusal NO_PLATFORM_KEY."""
    found = sync_state.active_platform(conn)
    if found is None:
        raise refused("NO_PLATFORM_KEY")
    return found


def show(session: Session) -> dict:
    """Fingerprints of the office's keys and of the pinned platform keys, to read out by phone."""
    session.require("keys.view")
    conn = session.ledger.conn
    _, enc_pub, _ = enc_key(session)
    sign = signing_key(conn)
    plat = sync_state.active_platform(conn)
    return {"office": session.ledger.ledger_id, "region": meta.get_meta(conn, "region"),
            "code": office_code(conn, session.ledger.ledger_id),
            "sign_fingerprint": signing.fingerprint(bytes(sign.public_key)),
            "enc_fingerprint": signing.fingerprint(enc_pub),
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
    """The rotation chain: each later key with the previous key's signature over it."""
    keys = {k.id: k for k in office_keys.all_keys(conn)}
    out = []
    for k in keys.values():
        if k.endorsed_by and k.endorsement:
            out.append({"public_key": keyfiles.b64(bytes(k.public_key)),
                        "endorsed_by": crypto.key_id(bytes(keys[k.endorsed_by].public_key)),
                        "signature": keyfiles.b64(bytes(k.endorsement))})
    return out


def import_platform(session: Session, data: bytes) -> dict:
    """Pin the platform's public keys at set-up; a different key later must come in a signed bundle."""
    session.require("keys.manage")
    doc = keyfiles.parse(data, keyfiles.PLATFORM_FORMAT)
    current = sync_state.active_platform(session.ledger.conn)
    if current and (current["sign_public"], current["enc_public"]) == (doc["sign_public"], doc["enc_public"]):
        return show(session)
    if current:
        raise DomainError("PLATFORM_KEY_PINNED", "已固定平台公钥；平台更换密钥须通过平台签名的下发包，不能直接导入。",
                          "Platform keys are already pinned; a key change must arrive in a platform-signed bundle.")
    with session.ledger.tx() as tx:
        sync_state.pin_platform(tx, doc["platform"], str(doc.get("name") or doc["platform"]), doc["sign_public"],
                                doc["enc_public"], "import")
        session.audit(tx, "keys.import_platform", "platform", doc["platform"],
                      detail={"sign": signing.fingerprint(doc["sign_public"])})
    return show(session)


def rotate(session: Session) -> dict:
    """A new signing key, endorsed by the old one; old bundles still verify against the old key."""
    session.require("keys.manage")
    old = signing_key(session.ledger.conn)
    private = signing.new_private()
    public = signing.public_of(private)
    endorsement = signing.sign(bytes(old.private_key), signing.Use.KEY_ENDORSEMENT,
                               keyfiles.endorsement_message(public))
    with session.ledger.tx() as tx:
        office_keys.insert(tx, public, private, endorsed_by=old.id, endorsement=endorsement)
        session.audit(tx, "keys.rotate", "key", crypto.key_id(public)[:16],
                      detail={"old": signing.fingerprint(bytes(old.public_key)), "new": signing.fingerprint(public)})
    return show(session)
