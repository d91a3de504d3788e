"""Signing for printed notices and bundles: one office key, pinned platform keys, in the key's own suite
(issue 22, ``domain/suites.py``): Ed25519 for intl/1 keys, SM2 with SM3 and the standard ID for gm/1 keys.

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

from credit_desk.domain import suites
from credit_desk.domain.errors import DomainError


def new_private(suite: str = suites.DEFAULT) -> bytes:
    """A fresh signing key of ``suite``: raw 32 Ed25519 bytes (intl/1) or PKCS#8 DER (gm/1)."""
    return suites.get(suite).new_sign_key()[0]


def public_of(private_raw: bytes) -> bytes:
    return suites.of_private(private_raw).sign_public(private_raw)


def suite_of(public_raw: bytes) -> str:
    """The name of the suite a public key belongs to (what an artefact signed by it must name)."""
    return suites.of_public(public_raw).name


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
    """A 64-byte signature over ``message(use, data)`` in the key's suite (Ed25519, or SM2 r|s); ValueError for
    a verify-only use."""
    if not isinstance(use, Use) or use is Use.LEGACY_DOCUMENT:
        raise ValueError("signing needs a current domain tag")
    return suites.of_private(private_raw).sign(private_raw, message(use, data))


def verify(public_raw: bytes, signature: bytes, use: Use, data: bytes) -> bool:
    """True when ``signature`` was made by ``public_raw`` for exactly this use over ``data``."""
    if not isinstance(use, Use) or len(signature) != 64:
        return False
    try:
        suite = suites.of_public(public_raw)
    except DomainError:
        return False
    return suite.verify(public_raw, signature, message(use, data))


def fingerprint(public_raw: bytes) -> str:
    """The suite's hash (SHA-256 / SM3) of the raw public key, in groups of four hex digits, to read out over the
    phone."""
    digest = suites.of_public(public_raw).hash_hex(public_raw).upper()[:32]
    return " ".join(digest[i:i + 4] for i in range(0, len(digest), 4))


def public_pem(public_raw: bytes) -> bytes:
    """SubjectPublicKeyInfo PEM, what `openssl pkeyutl -verify -pubin` reads."""
    return suites.of_public(public_raw).public_pem(public_raw)
