"""Ed25519 signing for printed notices and bundles: one office key, pinned platform keys."""

from __future__ import annotations

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


def sign(private_raw: bytes, data: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(private_raw).sign(data)


def verify(public_raw: bytes, signature: bytes, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, data)
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
