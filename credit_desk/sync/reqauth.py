"""Signed HTTP requests from an office to the platform (issue 20): every request, GET included, carries the office
id, the time, the signing key's id and a signature by that key (Ed25519, or SM2 in gm/1) over

    "credit_desk.request/2\\n" SUITE "\\n" METHOD "\\n" PATH?QUERY "\\n" OFFICE "\\n" TIME "\\n" CONTENT-LENGTH

(issue 22: the suite is a signed line, so X-CD-Suite cannot be changed without breaking the signature; a request
without X-CD-Suite comes from before suites, is signed over "credit_desk.request/1\\n" and the same lines without
SUITE, and is accepted for an intl/1 key only), so the platform knows who asks before it reads a single byte of a
body, and a captured header cannot be used for another path, another office or another body length, nor after the
allowed clock skew (±5 minutes). Headers:

    X-CD-Office       the office (ledger) id
    X-CD-Time         UTC, YYYY-MM-DDTHH:MM:SSZ
    X-CD-Key          SHA-256 of the raw Ed25519 public key (hex), as in manifests
    X-CD-Signature    base64 of the 64-byte signature
    X-CD-Suite        the signing key's suite (issue 22: intl/1 Ed25519, gm/1 SM2-SM3), signed; absent: intl/1, v1
    X-CD-Endorsements optional: base64 of the JSON key-endorsement chain (after the office rotated its key, until
                      the platform has learned the new key from a bundle)
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import datetime, timezone

from credit_desk.domain import signing
from credit_desk.domain.errors import DomainError
from credit_desk.sync import crypto, manifest as mf

PREFIX = b"credit_desk.request/1\n"   # before issue 22: no suite line (intl/1 keys only)
PREFIX_SUITED = b"credit_desk.request/2\n"  # issue 22: the suite is the first signed line
SKEW_SECONDS = 300
OFFICE, TIME, KEY, SIGNATURE, ENDORSEMENTS = ("x-cd-office", "x-cd-time", "x-cd-key", "x-cd-signature",
                                              "x-cd-endorsements")
SUITE = "x-cd-suite"


def message(method: str, target: str, office: str, at: str, length: int, suite: str | None = None) -> bytes:
    """The signed bytes; with ``suite`` (every request since issue 22) the suite is bound as the first line."""
    lines = [method.upper(), target, office, at, str(length)]
    if suite is None:
        return PREFIX + "\n".join(lines).encode("utf-8")
    return PREFIX_SUITED + "\n".join([suite, *lines]).encode("utf-8")


def sign_headers(sign_private: bytes, office: str, method: str, target: str, length: int,
                 now: datetime | None = None, endorsements: list[dict] | None = None) -> dict[str, str]:
    """The headers for one request; ``target`` is the path with its query string exactly as sent."""
    at = mf.utc_text(now or datetime.now(timezone.utc))
    suite = signing.suite_of(signing.public_of(sign_private))
    out = {"X-CD-Office": office, "X-CD-Time": at,
           "X-CD-Key": crypto.key_id(signing.public_of(sign_private)), "X-CD-Suite": suite,
           "X-CD-Signature": base64.b64encode(signing.sign(sign_private, signing.Use.REQUEST,
                                                           message(method, target, office, at, length, suite))).decode()}
    if endorsements:
        out["X-CD-Endorsements"] = base64.b64encode(json.dumps(endorsements).encode()).decode("ascii")
    return out


@dataclass(frozen=True)
class Claim:
    office: str
    at: str
    key_id: str
    signature: bytes
    endorsements: list
    suite: str = "intl/1"
    suite_signed: bool = True  # False: a request from before issue 22 (no X-CD-Suite header, message v1)


def _bad(code: str, zh: str, en: str) -> DomainError:
    return DomainError(code, zh, en)


def parse(headers: dict[str, str], now: datetime) -> Claim:
    """The claimed identity from lower-cased headers; DomainError AUTH_MISSING / AUTH_BAD / AUTH_STALE."""
    if not all(headers.get(h) for h in (OFFICE, TIME, KEY, SIGNATURE)):
        raise _bad("AUTH_MISSING", "请求未签名：缺少单位签名请求头（X-CD-Office、X-CD-Time、X-CD-Key、X-CD-Signature）。",
                   "The request is not signed: the office signature headers are missing.")
    try:
        at = mf.parse_utc(headers[TIME])
        sig = base64.b64decode(headers[SIGNATURE], validate=True)
        chain = json.loads(base64.b64decode(headers[ENDORSEMENTS], validate=True)) if headers.get(ENDORSEMENTS) else []
    except (ValueError, TypeError, RecursionError):
        raise _bad("AUTH_BAD", "请求签名头格式不对。", "The request signature headers are malformed.") from None
    if len(sig) != 64 or not isinstance(chain, list) or len(headers[KEY]) != 64:
        raise _bad("AUTH_BAD", "请求签名头格式不对。", "The request signature headers are malformed.")
    if abs((now.astimezone(timezone.utc) - at).total_seconds()) > SKEW_SECONDS:
        raise _bad("AUTH_STALE", "请求时间与平台时钟相差超过5分钟，请核对本机时间后重试。",
                   "The request time is more than 5 minutes off the platform's clock; check the PC's clock.")
    return Claim(headers[OFFICE], headers[TIME], headers[KEY], sig, chain, headers.get(SUITE) or "intl/1",
                 bool(headers.get(SUITE)))


def check(claim: Claim, public: bytes | None, method: str, target: str, length: int) -> None:
    """DomainError AUTH_FAILED unless ``public`` (the key the office holds under claim.key_id) signed this request."""
    # issue 22: the claimed suite is inside the signed message (v2); an unsuited v1 request only for an intl/1 key
    signed = message(method, target, claim.office, claim.at, length, claim.suite if claim.suite_signed else None)
    if public is None or signing.suite_of(public) != claim.suite or not signing.verify(
            public, claim.signature, signing.Use.REQUEST, signed):
        raise _bad("AUTH_FAILED", "请求签名校验失败（未登记的单位或密钥）。",
                   "The request signature does not verify (unknown office or key).")
