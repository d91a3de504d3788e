"""manifest.json: the signed, clear-text description of a bundle. It never holds personal data.

The bytes are UTF-8 JSON, ASCII only, keys sorted, no spaces, no trailing newline. Readers verify
the signature over the bytes exactly as they are in the file and never re-serialise them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime, timezone

from credit_desk.domain import suites
from credit_desk.sync.refusals import refused

FORMAT = "credit_desk.bundle/2"  # /2: payload AES-GCM AAD bound to the manifest (issue 20)
TYPES = ("changes", "receipt", "downstream")
GENESIS_HASH = "0" * 64
_HEX64 = re.compile(r"[0-9a-f]{64}")
_TS = "%Y-%m-%dT%H:%M:%SZ"
_REQUIRED = {"format": str, "type": str, "sender": dict, "office": str, "key_fingerprint": str,
             "recipient": str, "sequence": int, "previous_hash": str, "created_at": str, "expires_at": str,
             "counts": dict, "payload": dict}
_PAYLOAD = {"size": int, "plain_size": int, "encoding": str, "encryption": str}  # + the suite's hash name


def payload_spec(suite: suites.Suite) -> dict:
    """The payload member's fields: its hash under the suite's name ("sha256" / "sm3"), sizes, encoding, cipher."""
    return {suite.hash_name: str, **_PAYLOAD}


def utc_text(moment: datetime) -> str:
    """A naive local time (the desk clock) or an aware one, as UTC text for the manifest."""
    return moment.astimezone(timezone.utc).strftime(_TS)


def parse_utc(text: str) -> datetime:
    return datetime.strptime(text, _TS).replace(tzinfo=timezone.utc)


def dump(doc: dict) -> bytes:
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


@dataclass(frozen=True)
class Manifest:
    doc: dict

    def __getattr__(self, name):
        try:
            return self.doc[name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def suite(self) -> str:
        """The suite the manifest names (issue 22); a manifest from before suites were named is intl/1."""
        return self.doc.get("suite", suites.INTL)

    @property
    def expires(self) -> datetime:
        return parse_utc(self.doc["expires_at"])

    @property
    def created(self) -> datetime:
        return parse_utc(self.doc["created_at"])


def _no_dupes(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError("duplicate key")
    return dict(pairs)


def _bad(why: str):
    return refused("BUNDLE_MANIFEST_BAD", why=why)


def parse(raw: bytes) -> Manifest:
    """Check every field's presence and type; a bad manifest is refused with the field named."""
    try:
        doc = json.loads(raw.decode("ascii"), object_pairs_hook=_no_dupes)
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: JSON nested too deeply
        raise _bad("not ASCII JSON / 不是ASCII JSON") from None
    if not isinstance(doc, dict):
        raise _bad("not an object / 不是对象")
    if not _ints_fit(doc):  # numbers become SQLite INTEGERs: 2**63 crashed the receipt import (fuzzing)
        raise _bad("a number is outside the 64-bit range")
    _fields(doc, _REQUIRED, "")
    name = doc.get("suite", suites.INTL)
    if not isinstance(name, str) or name not in suites.NAMES:
        raise _bad(f"suite {str(name)[:20]!r} unknown / 未知的密码套件")
    suite = suites.get(name)
    _fields(doc["payload"], payload_spec(suite), "payload.")
    if doc["format"] != FORMAT:
        raise _bad(f"format {doc['format']!r}")
    if doc["type"] not in TYPES:
        raise _bad(f"type {doc['type']!r}")
    for name in ("key_fingerprint", "recipient", "previous_hash"):
        if not _HEX64.fullmatch(doc[name]):
            raise _bad(f"{name} must be 64 hex digits")
    if not _HEX64.fullmatch(doc["payload"][suite.hash_name]) or doc["sequence"] < 1:
        raise _bad(f"payload.{suite.hash_name} / sequence")
    if doc["payload"]["size"] < 0 or doc["payload"]["plain_size"] < 0:  # a negative size broke zlib (fuzzing)
        raise _bad("payload.size / payload.plain_size must not be negative")
    for name in ("created_at", "expires_at"):
        try:
            parse_utc(doc[name])
        except ValueError:
            raise _bad(f"{name} must be YYYY-MM-DDTHH:MM:SSZ") from None
    return Manifest(doc)


_INT64 = range(-(2 ** 63), 2 ** 63)


def _ints_fit(node) -> bool:
    if isinstance(node, dict):
        return all(_ints_fit(v) for v in node.values())
    if isinstance(node, list):
        return all(_ints_fit(v) for v in node)
    return not isinstance(node, int) or node in _INT64


def _fields(doc: dict, spec: dict, prefix: str) -> None:
    for name, kind in spec.items():
        value = doc.get(name)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise _bad(f"{prefix}{name} missing or not {kind.__name__}")
