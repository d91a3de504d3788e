"""Public key files exchanged at set-up (read out as fingerprints over the phone), and key endorsements."""

from __future__ import annotations

import base64
import json

from credit_desk.domain import signing, suites
from credit_desk.domain.errors import DomainError, ValidationError

OFFICE_FORMAT = "credit_desk.office-keys/1"
PLATFORM_FORMAT = "credit_desk.platform-keys/1"
ENDORSE_PREFIX = b"credit_desk.key-endorsement/1\n"  # before the bound (still verified: rotations made then)
ENDORSE_PREFIX_2 = b"credit_desk.key-endorsement/2\n"  # issue 22: with the old key's last bundle sequence


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def endorsement_message(new_public: bytes, last_sequence: int | None = None) -> bytes:
    """What the old key signs to vouch for its successor (rotation).

    With ``last_sequence`` (format /2, issue 22): ``prefix/2 || "<last_sequence>\\n" || new public key``, the last
    bundle sequence the old key signed (0: none); the platform refuses any later bundle signed by the old key,
    whatever date it claims (BUNDLE_KEY_RETIRED). Without it: format /1, as written before (no bound)."""
    if last_sequence is None:
        return ENDORSE_PREFIX + new_public
    if isinstance(last_sequence, bool) or not isinstance(last_sequence, int) or last_sequence < 0:
        raise ValueError("last_sequence")
    return ENDORSE_PREFIX_2 + str(last_sequence).encode("ascii") + b"\n" + new_public


def office_doc(*, office: str, region: str, code: str, sign_public: bytes, enc_public: bytes,
               endorsements: list[dict]) -> bytes:
    doc = {"format": OFFICE_FORMAT, "office": office, "region": region, "code": code,
           "suite": signing.suite_of(sign_public), "sign_public": b64(sign_public), "enc_public": b64(enc_public),
           "fingerprints": {"sign": signing.fingerprint(sign_public), "enc": signing.fingerprint(enc_public)},
           "endorsements": endorsements}
    return json.dumps(doc, indent=1, ensure_ascii=False).encode("utf-8")


def platform_doc(*, platform: str, name: str, sign_public: bytes, enc_public: bytes,
                 more: dict[str, tuple[bytes, bytes]] | None = None) -> bytes:
    """The platform's key file: its intl/1 keys at the top (as before issue 22), and under "suites" the
    (sign, enc) public keys of every further suite it serves, each named, with fingerprints."""
    doc = {"format": PLATFORM_FORMAT, "platform": platform, "name": name, "suite": signing.suite_of(sign_public),
           "sign_public": b64(sign_public), "enc_public": b64(enc_public),
           "fingerprints": {"sign": signing.fingerprint(sign_public), "enc": signing.fingerprint(enc_public)}}
    if more:
        doc["suites"] = {name: {"sign_public": b64(s), "enc_public": b64(e),
                                "fingerprints": {"sign": signing.fingerprint(s), "enc": signing.fingerprint(e)}}
                         for name, (s, e) in more.items()}
    return json.dumps(doc, indent=1, ensure_ascii=False).encode("utf-8")


def _bad(what: str) -> ValidationError:
    return ValidationError("KEYFILE_BAD", f"公钥文件格式不对：{what}。", f"The public key file is malformed: {what}.",
                           field=what)


def parse(data: bytes, fmt: str) -> dict:
    """The key file as a dict with raw ``sign_public`` / ``enc_public`` bytes; refused whole if malformed."""
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: nested too deeply
        raise _bad("JSON") from None
    if not isinstance(doc, dict) or doc.get("format") != fmt:
        raise _bad("format")
    _pair(doc, "")
    extra = (doc.get("suites") or {}) if fmt == PLATFORM_FORMAT else {}
    if not isinstance(extra, dict):
        raise _bad("suites")
    for name, pair in extra.items():
        if not isinstance(pair, dict) or _pair(pair, f"suites.{name}.") != name:
            raise _bad(f"suites.{name}")
    ident = "office" if fmt == OFFICE_FORMAT else "platform"
    if not isinstance(doc.get(ident), str) or not doc[ident]:
        raise _bad(ident)
    return doc


def _pair(doc: dict, where: str) -> str:
    """Decode sign_public / enc_public in place (32-byte intl/1 or 65-byte gm/1 keys, both of one suite, and the
    suite named, if named, the keys' own); returns the suite name."""
    found = []
    for name in ("sign_public", "enc_public"):
        try:
            raw = base64.b64decode(doc.get(name, ""), validate=True)
            found.append(suites.check_public(raw).name)  # issue 22: an SM2 point must be on the curve
        except (ValueError, TypeError, DomainError):  # ValueError: binascii.Error, or non-ASCII text (fuzzing)
            raise _bad(where + name) from None
        doc[name] = raw
    if found[0] != found[1] or doc.get("suite", found[0]) != found[0]:
        raise _bad(where + "suite")
    return found[0]


def parse_b64(text: str) -> bytes:
    """Strict base64 (ValueError on anything else)."""
    try:
        return base64.b64decode(text, validate=True)
    except (ValueError, TypeError):  # ValueError: binascii.Error, or non-ASCII text
        raise ValueError("base64") from None
