"""Making and opening bundles: container + signed manifest + sealed payload, and the checks a reader runs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from credit_desk.domain import signing, suites
from credit_desk.domain.errors import DomainError
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
    def suite(self) -> suites.Suite:
        return suites.get(self.manifest.suite)

    @property
    def digest(self) -> str:
        """The file's hash in its own suite (SHA-256 for intl/1, SM3 for gm/1), hex: what the next bundle's
        previous_hash and a receipt's answers name (the chain link is always in the linked artefact's suite)."""
        return self.suite.hash_hex(self.data)


def file_digest(data: bytes, manifest: mf.Manifest) -> str:
    """The hash of a bundle file just made, in its suite (Opened.digest without re-opening it)."""
    return suites.get(manifest.suite).hash_hex(data)


def use_of(kind: str) -> signing.Use:
    """The signature domain of a manifest: a receipt is its own use, so no bundle can pass for one."""
    return signing.Use.RECEIPT if kind == "receipt" else signing.Use.BUNDLE_MANIFEST


def make(fields: dict, plaintext: bytes | list[bytes], sign_private: bytes,
         recipient_pub: bytes) -> tuple[bytes, mf.Manifest]:
    """Compress, seal to the recipient, describe in the manifest and sign it; returns the file bytes.
    ``plaintext``: the payload's bytes, or its lines in UTF-8 without their LF (``payload.join_encoded`` of them,
    never joined whole: ``crypto.deflate_lines``).

    The suite is the signing key's (issue 22); the recipient's key must be of the same suite (ValueError), so one
    bundle never mixes SM2 signatures with an X25519 seal."""
    suite = suites.of_private(sign_private)
    if suites.of_public(recipient_pub) is not suite:
        raise ValueError(f"recipient key is not a {suite.name} key")
    doc = {**fields, "format": mf.FORMAT, "suite": suite.name, "recipient": suite.key_id(recipient_pub),
           "key_fingerprint": suite.key_id(signing.public_of(sign_private))}
    if isinstance(plaintext, list):
        compressed, plain_size = crypto.deflate_lines(plaintext)
    else:
        compressed, plain_size = crypto.deflate(plaintext), len(plaintext)
    sealed = crypto.seal(compressed, recipient_pub, payload_aad(doc))
    doc["payload"] = {suite.hash_name: suite.hash_hex(sealed), "size": len(sealed), "plain_size": plain_size,
                       "encoding": crypto.ENCODING, "encryption": suite.encryption}
    raw = mf.dump(doc)
    return container.pack(raw, signing.sign(sign_private, use_of(doc["type"]), raw), sealed), mf.Manifest(doc)


def payload_aad(doc: dict) -> bytes:
    """AES-GCM associated data: the manifest minus its "payload" member, canonical JSON (issue 20: binds the
    sealed payload to this manifest, its sender, office, sequence and signing key)."""
    return crypto.AAD_BASE + b"\n" + mf.dump({k: v for k, v in doc.items() if k != "payload"})


def open_bytes(data: bytes, limits: Limits) -> Opened:
    raw, sig, payload = container.unpack(data, limits)
    return Opened(data, raw, sig, payload, mf.parse(raw))


def verify(opened: Opened, keys: dict[str, bytes], allowed=suites.NAMES, last_suite: str | None = None) -> None:
    """The suite first (issue 22: one the reader configured in ``allowed``, not below ``last_suite``, the last one
    it accepted from this sender), then the signature by a known key of that very suite over the exact manifest
    bytes, then the payload hash (no decryption)."""
    check_suite(opened, allowed, last_suite)
    fp = opened.manifest.key_fingerprint
    public = keys.get(fp)
    if public is None:
        raise refused("BUNDLE_UNKNOWN_KEY", fp=fp[:16])
    if signing.suite_of(public) != opened.manifest.suite:  # a key only signs in its own suite
        raise refused("BUNDLE_SUITE_MISMATCH", suite=opened.manifest.suite)
    if not signing.verify(public, opened.signature, use_of(opened.manifest.type), opened.manifest_bytes):
        raise refused("BUNDLE_BAD_SIGNATURE")
    check_payload_hash(opened)


def check_suite(opened: Opened, allowed=suites.NAMES, last_suite: str | None = None) -> None:
    """BUNDLE_SUITE_NOT_ALLOWED / BUNDLE_SUITE_DOWNGRADE (issue 22: no downgrade below the last accepted suite)."""
    name = opened.manifest.suite
    try:
        suites.check_allowed(name, tuple(allowed))
    except DomainError:
        raise refused("BUNDLE_SUITE_NOT_ALLOWED", suite=name, allowed=", ".join(allowed)) from None
    try:
        suites.check_no_downgrade(name, last_suite)
    except DomainError:
        raise refused("BUNDLE_SUITE_DOWNGRADE", suite=name, last=last_suite) from None


def check_payload_hash(opened: Opened) -> None:
    p, suite = opened.manifest.payload, opened.suite
    if p["size"] != len(opened.payload) or p[suite.hash_name] != suite.hash_hex(opened.payload):
        raise refused("BUNDLE_PAYLOAD_HASH")
    if p["encoding"] != crypto.ENCODING or p["encryption"] != suite.encryption:
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
    """Sequence = last + 1 and previous_hash = the hash of the last accepted bundle file in that file's suite."""
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
    if suites.of_private(enc_private).name != opened.manifest.suite:
        raise refused("BUNDLE_WRONG_RECIPIENT")
    compressed = crypto.open_sealed(opened.payload, enc_private, payload_aad(opened.manifest.doc))
    return crypto.inflate(compressed, opened.manifest.payload["plain_size"], limits)
