"""Making and opening bundles: container + signed manifest + sealed payload, and the checks a reader runs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from credit_desk.domain import signing
from credit_desk.sync import container, crypto, manifest as mf
from credit_desk.sync.limits import Limits
from credit_desk.sync.refusals import refused


@dataclass(frozen=True)
class Opened:
    """A parsed bundle whose structure is sound; its signature and payload are not yet trusted."""

    data: bytes
    manifest_bytes: bytes
    signature: bytes
    payload: bytes
    manifest: mf.Manifest

    @property
    def sha256(self) -> str:
        return crypto.sha256_hex(self.data)


def use_of(kind: str) -> signing.Use:
    """The signature domain of a manifest: a receipt is its own use, so no bundle can pass for one."""
    return signing.Use.RECEIPT if kind == "receipt" else signing.Use.BUNDLE_MANIFEST


def make(fields: dict, plaintext: bytes, sign_private: bytes, recipient_pub: bytes) -> tuple[bytes, mf.Manifest]:
    """Compress, seal to the recipient, describe in the manifest and sign it; returns the file bytes."""
    doc = {**fields, "format": mf.FORMAT, "recipient": crypto.key_id(recipient_pub),
           "key_fingerprint": crypto.key_id(signing.public_of(sign_private))}
    sealed = crypto.seal(crypto.deflate(plaintext), recipient_pub, payload_aad(doc))
    doc["payload"] = {"sha256": crypto.sha256_hex(sealed), "size": len(sealed), "plain_size": len(plaintext),
                       "encoding": crypto.ENCODING, "encryption": crypto.SUITE}
    raw = mf.dump(doc)
    return container.pack(raw, signing.sign(sign_private, use_of(doc["type"]), raw), sealed), mf.Manifest(doc)


def payload_aad(doc: dict) -> bytes:
    """AES-GCM associated data: the manifest minus its "payload" member, canonical JSON (issue 20: binds the
    sealed payload to this manifest, its sender, office, sequence and signing key)."""
    return crypto.AAD_BASE + b"\n" + mf.dump({k: v for k, v in doc.items() if k != "payload"})


def open_bytes(data: bytes, limits: Limits) -> Opened:
    raw, sig, payload = container.unpack(data, limits)
    return Opened(data, raw, sig, payload, mf.parse(raw))


def verify(opened: Opened, keys: dict[str, bytes]) -> None:
    """Signature by a known key over the exact manifest bytes, then the payload hash (no decryption)."""
    fp = opened.manifest.key_fingerprint
    public = keys.get(fp)
    if public is None:
        raise refused("BUNDLE_UNKNOWN_KEY", fp=fp[:16])
    if not signing.verify(public, opened.signature, use_of(opened.manifest.type), opened.manifest_bytes):
        raise refused("BUNDLE_BAD_SIGNATURE")
    check_payload_hash(opened)


def check_payload_hash(opened: Opened) -> None:
    p = opened.manifest.payload
    if p["size"] != len(opened.payload) or p["sha256"] != crypto.sha256_hex(opened.payload):
        raise refused("BUNDLE_PAYLOAD_HASH")
    if p["encoding"] != crypto.ENCODING or p["encryption"] != crypto.SUITE:
        raise refused("BUNDLE_MANIFEST_BAD", why="payload.encoding / payload.encryption")


def check_recipient(opened: Opened, my_enc_public: bytes) -> None:
    if opened.manifest.recipient != crypto.key_id(my_enc_public):
        raise refused("BUNDLE_WRONG_RECIPIENT")


def check_expiry(opened: Opened, now: datetime) -> None:
    """TUF-style freeze protection: a bundle past its expires-at is refused."""
    now_utc = now.astimezone(timezone.utc)
    if opened.manifest.expires <= now_utc:
        raise refused("BUNDLE_EXPIRED", at=opened.manifest.expires_at)


def check_chain(opened: Opened, last_seq: int, last_hash: str) -> None:
    """Sequence = last + 1 and previous_hash = SHA-256 of the last accepted bundle file."""
    seq = opened.manifest.sequence
    if seq <= last_seq:
        raise refused("BUNDLE_REPLAY", seq=seq)
    if seq != last_seq + 1:
        raise refused("BUNDLE_SEQUENCE_GAP", want=last_seq + 1, got=seq)
    if opened.manifest.previous_hash != (last_hash or mf.GENESIS_HASH):
        raise refused("BUNDLE_CHAIN_BROKEN")


def check_type(opened: Opened, *types: str) -> None:
    if opened.manifest.type not in types:
        raise refused("BUNDLE_WRONG_TYPE", kind=opened.manifest.type)


def decrypt(opened: Opened, enc_private: bytes, limits: Limits) -> bytes:
    compressed = crypto.open_sealed(opened.payload, enc_private, payload_aad(opened.manifest.doc))
    return crypto.inflate(compressed, opened.manifest.payload["plain_size"], limits)
