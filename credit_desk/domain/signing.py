"""Ed25519 signing for printed notices and bundles: one office key, pinned platform keys.

Every signature is made over a *domain-separated* message, here and nowhere else::

    message = b"credit_desk-sig\x00" + <use tag, ASCII> + b"\x00" + <data>

so a signature made for one use (a printed notice) can never stand in for another (a bundle manifest,
a receipt, a key endorsement, a backup manifest): the same key signs different bytes for each. The tag
names the use and its version. ``openssl pkeyutl -verify -rawin`` checks a signature over ``message(use,
data)`` (docs/bundle-format.md §3). The only untagged signatures ever accepted are printed notices of the
first format (``CDN1``, before domain separation): ``Use.LEGACY_DOCUMENT`` verifies them and can sign nothing.
"""

from __future__ import annotations

import enum
import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey


def new_private() -> bytes:
    """A fresh Ed25519 private key as 32 raw bytes."""
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())


def public_of(private_raw: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(private_raw).public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw)


class Use(enum.Enum):
    """What a signature is for (its domain tag). One tag per use; a new format gets a new tag."""
    DOCUMENT = "credit_desk.document/2"                # a printed notice (CDN2 canonical bytes)
    BUNDLE_MANIFEST = "credit_desk.bundle-manifest/1"  # manifest.json of a changes / downstream bundle
    RECEIPT = "credit_desk.receipt/1"                  # manifest.json of the platform's receipt
    KEY_ENDORSEMENT = "credit_desk.key-endorsement/1"  # an old office key vouching for its successor
    BACKUP_MANIFEST = "credit_desk.backup-manifest/1"  # manifest.json of a ledger backup (*.cdbk)
    REQUEST = "credit_desk.request/1"                  # an office's HTTP request to the platform (sync.reqauth)
    LEGACY_DOCUMENT = ""                               # CDN1 notices printed before tags: verify only


_PREFIX = b"credit_desk-sig\x00"


def message(use: Use, data: bytes) -> bytes:
    """The exact bytes signed for ``use``: prefix, tag, NUL, data (what an independent tool verifies)."""
    if use is Use.LEGACY_DOCUMENT:
        return data
    return _PREFIX + use.value.encode("ascii") + b"\x00" + data


def sign(private_raw: bytes, use: Use, data: bytes) -> bytes:
    """Ed25519 signature (64 bytes) over ``message(use, data)``; ValueError for a verify-only use."""
    if not isinstance(use, Use) or use is Use.LEGACY_DOCUMENT:
        raise ValueError("signing needs a current domain tag")
    return Ed25519PrivateKey.from_private_bytes(private_raw).sign(message(use, data))


def verify(public_raw: bytes, signature: bytes, use: Use, data: bytes) -> bool:
    """True when ``signature`` was made by ``public_raw`` for exactly this use over ``data``."""
    if not isinstance(use, Use):
        return False
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, message(use, data))
        return True
    except (InvalidSignature, ValueError):
        return False


def fingerprint(public_raw: bytes) -> str:
    """SHA-256 of the raw public key, in groups of four hex digits, to read out over the phone."""
    digest = hashlib.sha256(public_raw).hexdigest().upper()[:32]
    return " ".join(digest[i:i + 4] for i in range(0, len(digest), 4))


def public_pem(public_raw: bytes) -> bytes:
    """SubjectPublicKeyInfo PEM, what `openssl pkeyutl -verify -pubin` reads."""
    return Ed25519PublicKey.from_public_bytes(public_raw).public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
