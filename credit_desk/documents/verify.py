"""What a notice's signature covers, and how a printout is checked (valid / altered / unknown).

Canonical bytes (version ``CDN2``), UTF-8, every line ending in ``\\n``::

    CDN2
    number=<发文字号, e.g. 清信决〔2026〕12号>
    type=<template code, e.g. listing_decision>
    date=<成文日期 as YYYY-MM-DD>
    office=<issuing office name>
    <field>=<value>        one line per key field, in the template's ``key_fields`` order
    text=<SHA-256 hex of the whole printed text, squashed (see ``text_digest``)>

The whole printed text is every character the notice shows — 发文机关, 发文字号, title, body, signature
and date — in reading order, with all whitespace removed (``squash``), so a printout whose any word was
changed no longer matches, not only one whose key fields were. The signature is Ed25519 with the office
key under the domain tag ``credit_desk.document/2`` (``domain/signing.py``). Notices printed before that
(``CDN1``: the same lines without ``text=``, signed without a tag) still verify on their key fields.

Each value is NFC-normalised, every run of whitespace (newlines included) becomes one space, and the
value is stripped; a list value is its items joined by ``；``. Nothing else is escaped: a value can
no longer hold a newline, so the lines cannot be confused. QR text (also the first item of the PDF's metadata payload)::

    CDN2|<number>|<YYYY-MM-DD>|<office>|<type>|<key id>|<signature, base64url without padding>

``key id`` is the first 8 hex digits of SHA-256 over the raw 32-byte public key.

Suites (issue 22): the version names the suite. ``CDN2`` is intl/1 (Ed25519, SHA-256 text digest and key id);
``CDS2`` is gm/1: the same lines under the version ``CDS2``, the text digest and the key id in SM3 over the
65-byte SM2 public key, the signature SM2 with SM3 and the standard ID (64 bytes r|s). The version is the first
signed line, so a QR cannot be relabelled into another suite. The QR holds no key
field values (they are personal); the verifier takes them from the register (``--qr``) or from the
PDF's metadata and cross-checks them against the PDF's own text (``--pdf``).
"""

from __future__ import annotations

import base64
import json
import re
import unicodedata
import zlib
from dataclasses import dataclass

from credit_desk.domain import signing, suites
from credit_desk.domain.errors import ValidationError

VERSION = "CDN2"
VERSION_GM = "CDS2"  # the CDN2 layout in gm/1 (SM2 / SM3)
LEGACY = "CDN1"
_SUITE_OF = {VERSION: suites.INTL, VERSION_GM: suites.GM, LEGACY: suites.INTL}
META_TAG = "CDN1META:"
_WS = re.compile(r"\s+")


def canonical_value(value) -> str:
    if isinstance(value, (list, tuple)):
        value = "；".join(canonical_value(v) for v in value)
    return _WS.sub(" ", unicodedata.normalize("NFC", str(value))).strip()


def key_id(public_raw: bytes) -> str:
    """The first 8 hex digits of the key's hash in its own suite (SHA-256 / SM3)."""
    return suites.of_public(public_raw).hash_hex(bytes(public_raw))[:8]


@dataclass(frozen=True)
class Header:
    number: str
    type: str
    date: str
    office: str


def canonical_bytes(header: Header, key_fields: list[tuple[str, object]], text_sha256: str | None = None,
                    version: str = VERSION) -> bytes:
    """The signed bytes; ``text_sha256`` (CDN2) is ``text_digest`` of the whole printed text."""
    lines = [version, f"number={canonical_value(header.number)}", f"type={header.type}",
             f"date={header.date}", f"office={canonical_value(header.office)}"]
    lines += [f"{name}={canonical_value(value)}" for name, value in key_fields]
    if version != LEGACY:
        lines.append(f"text={text_sha256 or ''}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def text_digest(text: str, suite: str = suites.INTL) -> str:
    """The suite's hash (SHA-256 / SM3), hex, of the printed text with every whitespace removed (line and page
    breaks do not count)."""
    return suites.get(suite).hash_hex(squash(text).encode("utf-8"))


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign_payload(header: Header, key_fields, text_sha256: str, private_raw: bytes, public_raw: bytes) -> str:
    """The QR text for a notice: its header, the key id and the signature over key fields and whole text."""
    version = VERSION_GM if signing.suite_of(bytes(public_raw)) == suites.GM else VERSION
    sig = signing.sign(private_raw, signing.Use.DOCUMENT, canonical_bytes(header, key_fields, text_sha256, version))
    parts = [version, header.number, header.date, header.office, header.type, key_id(public_raw), _b64(sig)]
    if any("|" in p for p in parts):
        raise ValidationError("QR_FIELD_BAR", "文号、单位名称中不能含有“|”。",
                              "The number and office name may not contain '|'.")
    return "|".join(parts)


@dataclass(frozen=True)
class Payload:
    header: Header
    key_id: str
    signature: bytes
    version: str = VERSION

    @property
    def suite(self) -> str:
        """The suite the code names by its version (CDN1 / CDN2: intl/1; CDS2: gm/1)."""
        return _SUITE_OF[self.version]


def parse_payload(text: str) -> Payload | None:
    """The QR text taken apart; None when it is not a notice code at all."""
    parts = (text or "").strip().split("|")
    if len(parts) != 7 or parts[0] not in _SUITE_OF:
        return None
    try:  # bytes that were not UTF-8 reach us as surrogates (argv); SQLite cannot bind them (fuzzing)
        text.encode("utf-8")
    except UnicodeEncodeError:
        return None
    _, number, day, office, dtype, kid, sig = parts
    try:
        signature = _unb64(sig)
    except (ValueError, TypeError):
        signature = b""
    return Payload(Header(number, dtype, day, office), kid, signature, parts[0])


def check_signature(payload: Payload, key_fields, public_raw: bytes, text_sha256: str | None = None) -> bool:
    """CDN2 / CDS2: signed under the document tag over fields and text digest, by a key of the suite the version
    names; CDN1 (legacy): fields only."""
    if signing.suite_of(bytes(public_raw)) != payload.suite:
        return False
    if payload.version == LEGACY:
        return signing.verify(public_raw, payload.signature, signing.Use.LEGACY_DOCUMENT,
                              canonical_bytes(payload.header, key_fields, version=LEGACY))
    return signing.verify(public_raw, payload.signature, signing.Use.DOCUMENT,
                          canonical_bytes(payload.header, key_fields, text_sha256, payload.version))


# --- the metadata block embedded in the PDF (Keywords), one entry per document in the file ---------

def encode_meta(entries: list[dict]) -> str:
    """``CDN1META:`` + base64url(zlib(JSON)): ASCII only, so it survives in the PDF Info dictionary."""
    raw = json.dumps(entries, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return META_TAG + _b64(zlib.compress(raw, 9))


MAX_META_BYTES = 4 * 2**20  # a real register entry is a few KiB; a zlib bomb stops here (issue 14 item 7)


def _inflate_bounded(data: bytes) -> bytes:
    """zlib-decompress at most MAX_META_BYTES; more is a bomb (ValueError), never a gigabyte in memory."""
    d = zlib.decompressobj()
    out = d.decompress(data, MAX_META_BYTES)
    if d.unconsumed_tail:
        raise ValueError("notice data larger than its bound")
    return out


def decode_meta(pdf_bytes: bytes) -> list[dict] | None:
    m = re.search(rb"CDN1META:([A-Za-z0-9_\-]+)", pdf_bytes)
    if not m:
        return None
    try:
        entries = json.loads(_inflate_bounded(_unb64(m[1].decode("ascii"))).decode("utf-8"))
    except (ValueError, zlib.error, RecursionError):
        return []
    # The PDF is outside data: only a list of objects is notice data (a dict or number crashed verify_pdf).
    return entries if isinstance(entries, list) and all(isinstance(e, dict) for e in entries) else []


def squash(text: str) -> str:
    """Text compared without whitespace, so line and page breaks in the printout do not matter."""
    return _WS.sub("", unicodedata.normalize("NFC", text))


def fields_in_text(key_fields: list[tuple[str, object]], text: str) -> list[str]:
    """The key fields whose value does not appear in the document's text (an edited printout)."""
    flat = squash(text)
    missing = []
    for name, value in key_fields:
        items = value if isinstance(value, (list, tuple)) else [value]
        if any(squash(str(v)) and squash(str(v)) not in flat for v in items):
            missing.append(name)
    return missing
