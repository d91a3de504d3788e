"""Password hashes for local accounts: scrypt, salted, parameters stored with the hash."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from credit_desk.domain.errors import ValidationError

N, R, P = 2**14, 8, 1
MIN_LENGTH = 8


def check_strength(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise ValidationError("PASSWORD_TOO_SHORT", f"密码至少需要 {MIN_LENGTH} 个字符。",
                              f"The password needs at least {MIN_LENGTH} characters.", field="password")


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=N, r=R, p=P, dklen=32)
    b64 = lambda b: base64.b64encode(b).decode()  # noqa: E731
    return f"scrypt${N}${R}${P}${b64(salt)}${b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    try:
        _, n, r, p, salt, digest = stored.split("$")
        got = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt),
                             n=int(n), r=int(r), p=int(p), dklen=32)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, base64.b64decode(digest))
