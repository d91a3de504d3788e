"""The .cdb container v1: a fixed 8-byte header, then exactly three named, length-prefixed members.

    header   43 44 42 31 0D 0A 1A 0A        "CDB1\\r\\n\\x1a\\n" (catches text-mode mangling like PNG's)
    member   u16 BE name length | name (ASCII) | u64 BE data length | data     (three times)
    end      end of file; any byte after the third member is refused

Every byte is checked: the header literally, names against the fixed list, lengths against what is
left, the manifest by the signature, the signature by verification, the payload by its SHA-256 in the
signed manifest (and the AEAD tag). So one flipped byte anywhere makes the file refused.
"""

from __future__ import annotations

import re
import struct

from credit_desk.sync.limits import Limits
from credit_desk.sync.refusals import refused

MAGIC = b"CDB1\r\n\x1a\n"
MEMBERS = ("manifest.json", "manifest.sig", "payload.bin")
SIGNATURE_BYTES = 64
_NAME_MAX = 255
_SAFE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._\-]*(/[A-Za-z0-9][A-Za-z0-9._\-]*)*")


def check_member_name(name: str) -> str:
    """Zip-slip guard for every name that could become a path: relative, no '..', no drive, no backslash."""
    parts = name.split("/")
    if (not name or len(name) > _NAME_MAX or name.startswith(("/", "\\")) or "\\" in name or ":" in name
            or any(p in ("", ".", "..") for p in parts) or not _SAFE.fullmatch(name)):
        raise refused("BUNDLE_UNSAFE_NAME", name=name[:80])
    return name


def pack(manifest: bytes, signature: bytes, payload: bytes) -> bytes:
    out = [MAGIC]
    for name, data in zip(MEMBERS, (manifest, signature, payload)):
        raw = name.encode("ascii")
        out += [struct.pack(">H", len(raw)), raw, struct.pack(">Q", len(data)), data]
    return b"".join(out)


def unpack(data: bytes, limits: Limits) -> tuple[bytes, bytes, bytes]:
    """(manifest bytes, signature, payload) or a BundleRefused naming what is wrong."""
    if len(data) > limits.max_file_bytes:
        raise refused("BUNDLE_OVERSIZED", what=f"{len(data)} > {limits.max_file_bytes} bytes")
    if len(data) < len(MAGIC):
        raise refused("BUNDLE_TRUNCATED" if MAGIC.startswith(data) and data else "BUNDLE_NOT_A_BUNDLE")
    if data[:len(MAGIC)] != MAGIC:
        raise refused("BUNDLE_NOT_A_BUNDLE")
    pos, found = len(MAGIC), []
    for expected in MEMBERS:
        name, pos = _name_at(data, pos)
        check_member_name(name)
        if name != expected:
            raise refused("BUNDLE_MEMBERS")
        if pos + 8 > len(data):
            raise refused("BUNDLE_TRUNCATED")
        (size,) = struct.unpack_from(">Q", data, pos)
        pos += 8
        if size > len(data) - pos:
            raise refused("BUNDLE_TRUNCATED")
        found.append(data[pos:pos + size])
        pos += size
    if pos != len(data):
        raise refused("BUNDLE_TRAILING_DATA")
    manifest, signature, payload = found
    if len(manifest) > limits.max_manifest_bytes:
        raise refused("BUNDLE_OVERSIZED", what="manifest.json")
    if len(signature) != SIGNATURE_BYTES:
        raise refused("BUNDLE_BAD_SIGNATURE")
    return manifest, signature, payload


def _name_at(data: bytes, pos: int) -> tuple[str, int]:
    if pos + 2 > len(data):
        raise refused("BUNDLE_TRUNCATED")
    (n,) = struct.unpack_from(">H", data, pos)
    pos += 2
    if n > len(data) - pos:
        raise refused("BUNDLE_TRUNCATED")
    raw = data[pos:pos + n]
    try:
        name = raw.decode("ascii")
    except UnicodeDecodeError:
        raise refused("BUNDLE_UNSAFE_NAME", name=raw.decode("ascii", "replace")) from None
    return name, pos + n
