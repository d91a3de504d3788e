"""Payload encryption to one recipient, in the recipient key's suite (domain/suites.py, issue 22); zlib inside.
gm/1: u16 length | SM2-encrypted SM4 key | nonce (12) | SM4-GCM ciphertext and tag, same AAD. intl/1:

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
import zlib

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from credit_desk.domain import suites
from credit_desk.sync.limits import ZLIB_LEVEL, Limits
from credit_desk.sync.refusals import refused

AAD_BASE = b"credit_desk.bundle/2"
SUITE = suites.get(suites.INTL).encryption  # intl/1's payload.encryption
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
    """The hash of a raw public key in its own suite (SHA-256 / SM3), lowercase hex: how manifests name keys."""
    return suites.of_public(public_raw).key_id(public_raw)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def new_enc(suite: str) -> tuple[bytes, bytes]:
    """(private, public) encryption key of ``suite``."""
    return suites.get(suite).new_enc_key()


def enc_public(private: bytes) -> bytes:
    return suites.of_private(private).enc_public(private)


def seal(compressed: bytes, recipient_pub: bytes, aad: bytes = AAD_BASE) -> bytes:
    """Sealed to ``recipient_pub`` in that key's suite (intl/1: X25519-HKDF-AES-256-GCM; gm/1: SM2-wrapped SM4-GCM)."""
    return suites.of_public(recipient_pub).seal(compressed, recipient_pub, aad)


def open_sealed(blob: bytes, recipient_private: bytes, aad: bytes = AAD_BASE) -> bytes:
    try:
        return suites.of_private(recipient_private).open(blob, recipient_private, aad)
    except suites.CryptoFailed:
        raise refused("BUNDLE_DECRYPT_FAILED") from None


def deflate(plain: bytes) -> bytes:
    return zlib.compress(plain, ZLIB_LEVEL)


LINES_PER_PIECE = 4096


def deflate_lines(lines: list[bytes]) -> tuple[bytes, int]:
    """(``deflate`` of the lines each ended by LF, the size of those joined lines in bytes): the lines go to zlib a
    few thousand at a time, so the whole payload is never one more copy in memory (issue 18: 90 MB at 200k changes,
    faulted in from the system at every export). The same zlib stream as ``deflate(b"".join(...))``."""
    z, out, size = zlib.compressobj(ZLIB_LEVEL), [], 0
    for i in range(0, len(lines), LINES_PER_PIECE):
        piece = b"\n".join([*lines[i:i + LINES_PER_PIECE], b""])
        size += len(piece)
        out.append(z.compress(piece))
    out.append(z.flush())
    return b"".join(out), size


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
