"""Password hashes for local accounts: scrypt, salted, parameters stored with the hash."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from credit_desk.domain.errors import ValidationError

N, R, P = 2**14, 8, 1
# 等保 2.0 identity management (issue 14 item 6): a minimum length, and no common or guessable password —
# judged by zxcvbn (its lists of leaked passwords, names, words and keyboard patterns), not a home-made list.
MIN_LENGTH = 10
MIN_SCORE = 3  # zxcvbn 0–4; 3 = "safely unguessable: moderate protection from offline slow-hash scenario"
# zxcvbn judges at most this many characters (it raises ValueError beyond its own max_length of 72); a longer
# password is judged by its first 72, which is no weaker than the whole.
JUDGED_LENGTH = 72


def check_strength(password: str, user_inputs: tuple[str, ...] = ()) -> None:
    """Refuse a password shorter than MIN_LENGTH or that zxcvbn scores below MIN_SCORE (``user_inputs``: the
    user name, display name and office, which must not make the password guessable). Raises ValidationError."""
    if len(password or "") < MIN_LENGTH:
        raise ValidationError("PASSWORD_TOO_SHORT", f"密码至少需要 {MIN_LENGTH} 个字符。",
                              f"The password needs at least {MIN_LENGTH} characters.", field="password")
    from zxcvbn import zxcvbn
    verdict = zxcvbn(password[:JUDGED_LENGTH], user_inputs=[u for u in user_inputs if u])
    if verdict["score"] < MIN_SCORE:
        raise ValidationError("PASSWORD_COMMON", "密码过于常见或容易猜到（如常用密码、键盘序列、用户名），请换一个更长、不常见的密码。",
                              "The password is common or easy to guess (a leaked password, a keyboard pattern, "
                              "the user name…); choose a longer, uncommon one.", field="password")


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
