"""Payload encryption to one recipient: X25519 ephemeral key + HKDF-SHA256 + AES-256-GCM; zlib inside.

    payload.bin = ephemeral X25519 public key (32) | nonce (12) | AES-256-GCM ciphertext with its 16-byte tag
    key         = HKDF-SHA256(ikm = X25519(ephemeral, recipient), salt = ephemeral_pub | recipient_pub,
                              info = "credit_desk.bundle/1 payload", length = 32)
    AAD         = "credit_desk.bundle/2\n" + the signed manifest's canonical JSON without its "payload" member
                  (format, type, sender, office, sequence, previous hash, recipient, signing key, times, counts):
                  the ciphertext is bound to the manifest and the sending office, so another office cannot
                  re-wrap a sealed payload in its own signed manifest (issue 20). A bare seal() uses AAD_BASE.
    plaintext   = zlib (RFC 1950) stream of the payload document

Each bundle gets a fresh ephemeral key, so a lost USB stick holds nothing the office itself can read
back: only the recipient's private key opens it.
"""

from __future__ import annotations

import hashlib
import os
import zlib

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from credit_desk.sync.limits import ZLIB_LEVEL, Limits
from credit_desk.sync.refusals import refused

INFO = b"credit_desk.bundle/1 payload"
AAD_BASE = b"credit_desk.bundle/2"
SUITE = "X25519-HKDF-SHA256-AES-256-GCM"
ENCODING = "zlib"
_RAW = serialization.Encoding.Raw


def new_x25519() -> tuple[bytes, bytes]:
    """(private, public) raw 32-byte X25519 keys."""
    key = X25519PrivateKey.generate()
    return (key.private_bytes(_RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption()),
            key.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw))


def x25519_public(private_raw: bytes) -> bytes:
    return X25519PrivateKey.from_private_bytes(private_raw).public_key().public_bytes(
        _RAW, serialization.PublicFormat.Raw)


def key_id(public_raw: bytes) -> str:
    """The full SHA-256 of a raw public key, lowercase hex: how manifests name keys."""
    return hashlib.sha256(public_raw).hexdigest()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _derive(shared: bytes, eph_pub: bytes, recipient_pub: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=eph_pub + recipient_pub, info=INFO).derive(shared)


def seal(compressed: bytes, recipient_pub: bytes, aad: bytes = AAD_BASE) -> bytes:
    eph = X25519PrivateKey.generate()
    eph_pub = eph.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    key = _derive(eph.exchange(X25519PublicKey.from_public_bytes(recipient_pub)), eph_pub, recipient_pub)
    nonce = os.urandom(12)
    return eph_pub + nonce + AESGCM(key).encrypt(nonce, compressed, aad)


def open_sealed(blob: bytes, recipient_private: bytes, aad: bytes = AAD_BASE) -> bytes:
    if len(blob) < 32 + 12 + 16:
        raise refused("BUNDLE_DECRYPT_FAILED")
    eph_pub, nonce, body = blob[:32], blob[32:44], blob[44:]
    try:
        me = X25519PrivateKey.from_private_bytes(recipient_private)
        my_pub = me.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
        key = _derive(me.exchange(X25519PublicKey.from_public_bytes(eph_pub)), eph_pub, my_pub)
        return AESGCM(key).decrypt(nonce, body, aad)
    except (InvalidTag, ValueError):
        raise refused("BUNDLE_DECRYPT_FAILED") from None


def deflate(plain: bytes) -> bytes:
    return zlib.compress(plain, ZLIB_LEVEL)


def inflate(compressed: bytes, declared: int, limits: Limits) -> bytes:
    """Decompress at most ``declared`` bytes: a stream that would grow past it is a bomb, refused early."""
    if declared > limits.max_plain_bytes:
        raise refused("BUNDLE_OVERSIZED", what=f"plain_size {declared} > {limits.max_plain_bytes}")
    d = zlib.decompressobj()
    try:
        out = d.decompress(compressed, declared + 1)
    except zlib.error:
        raise refused("BUNDLE_PAYLOAD_BAD", row=0, why="zlib") from None
    if len(out) > declared or d.unconsumed_tail:
        raise refused("BUNDLE_BOMB")
    if not d.eof or d.unused_data or len(out) != declared:
        raise refused("BUNDLE_PAYLOAD_BAD", row=0, why="plain_size")
    return out
