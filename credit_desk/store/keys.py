"""The ledger key: random 256 bits, kept in the OS keyring, with a recovery copy wrapped by a passphrase (R14).

The key itself is never written in plain text: the keyring holds it (the OS protects that store), and the
recovery file holds it sealed with scrypt + AES-256-GCM under the administrator's recovery passphrase.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from pathlib import Path

import keyring
import keyring.errors
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from credit_desk.domain.errors import AuthError, ValidationError
from credit_desk.atomic import write_atomic

KEYRING_SERVICE = "credit_desk.ledger"
KEY_BYTES = 32
# scrypt cost for the recovery passphrase: ~64 MiB and a fraction of a second, paid only on recovery.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**16, 8, 1
# A recovery file (or one inside a backup) is outside data: its scrypt cost is bounded so a forged file
# cannot make unlocking take gigabytes of memory (128·n·r bytes). 16× today's cost leaves room to raise it.
SCRYPT_MAX_MEMORY = 16 * 128 * SCRYPT_N * SCRYPT_R
MIN_PASSPHRASE = 12


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(
            "PASSPHRASE_TOO_SHORT",
            f"恢复口令至少需要 {MIN_PASSPHRASE} 个字符。",
            f"The recovery passphrase needs at least {MIN_PASSPHRASE} characters.",
            field="recovery_passphrase")


def _kdf(salt: bytes, n: int, r: int, p: int) -> Scrypt:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p)


def wrap_key(key: bytes, passphrase: str, ledger_id: str) -> dict:
    """Seal the key under the passphrase; the ledger id is bound in as associated data."""
    salt, nonce = os.urandom(16), os.urandom(12)
    kek = _kdf(salt, SCRYPT_N, SCRYPT_R, SCRYPT_P).derive(passphrase.encode("utf-8"))
    sealed = AESGCM(kek).encrypt(nonce, key, ledger_id.encode())
    b64 = lambda b: base64.b64encode(b).decode()  # noqa: E731
    return {"format": "credit_desk.recovery/1", "ledger_id": ledger_id,
            "kdf": {"name": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": b64(salt)},
            "aead": {"name": "AES-256-GCM", "nonce": b64(nonce)}, "sealed_key": b64(sealed)}


def unwrap_key(doc: dict, passphrase: str) -> bytes:
    """Open a recovery document; a wrong passphrase is one clear sentence, never a traceback."""
    try:
        kdf, aead = doc["kdf"], doc["aead"]
        salt = base64.b64decode(kdf["salt"])
        n, r, p = int(kdf["n"]), int(kdf["r"]), int(kdf["p"])
        if not (n > 1 and r > 0 and 0 < p <= 16 and 128 * n * r <= SCRYPT_MAX_MEMORY):
            raise ValueError("scrypt cost out of range")
        kek = _kdf(salt, n, r, p).derive(passphrase.encode("utf-8"))
        return AESGCM(kek).decrypt(base64.b64decode(aead["nonce"]),
                                   base64.b64decode(doc["sealed_key"]), doc["ledger_id"].encode())
    except InvalidTag:
        raise AuthError("RECOVERY_WRONG", "恢复口令不正确，账本未打开，未做任何改动。",
                        "The recovery passphrase is wrong; the ledger was not opened and nothing changed.") from None
    except (KeyError, ValueError, TypeError, AttributeError):  # AttributeError: a non-text ledger_id (fuzzing)
        raise AuthError("RECOVERY_FILE_BAD", "恢复文件已损坏或格式不对，无法用它打开账本。",
                        "The recovery file is damaged or not in the expected format.") from None


def write_recovery(path: Path, key: bytes, passphrase: str, ledger_id: str) -> None:
    check_passphrase(passphrase)
    write_atomic(path, json.dumps(wrap_key(key, passphrase, ledger_id), indent=1).encode())


def read_recovery(path: Path, passphrase: str) -> bytes:
    try:
        doc = json.loads(path.read_bytes())
    except FileNotFoundError:
        raise AuthError("RECOVERY_FILE_MISSING", f"找不到恢复文件 {path.name}。",
                        f"The recovery file {path.name} is missing.") from None
    except (ValueError, RecursionError):
        raise AuthError("RECOVERY_FILE_BAD", "恢复文件已损坏或格式不对，无法用它打开账本。",
                        "The recovery file is damaged or not in the expected format.") from None
    return unwrap_key(doc, passphrase)


def load_seen(ledger_id: str) -> int | None:
    """R5/R14 (issue 14 item 3): the most audit rows this PC user's keyring has seen this ledger hold — kept
    outside the data folder, so a folder put back from an older copy (Explorer, a USB stick) shows as older
    than what this PC already wrote. None when there is no keyring or no mark yet."""
    try:
        value = keyring.get_password(KEYRING_SERVICE, f"{ledger_id}#seen")
        return int(value) if value else None
    except (keyring.errors.KeyringError, ValueError):
        return None


def store_seen(ledger_id: str, rows: int) -> bool:
    """Record ``rows`` as the high-water mark (the caller never lowers it); False without a keyring."""
    try:
        keyring.set_password(KEYRING_SERVICE, f"{ledger_id}#seen", str(int(rows)))
        return True
    except keyring.errors.KeyringError:
        return False


def load_verified(ledger_id: str) -> tuple[bool, tuple[int, str] | None]:
    """(keyring reachable, the last verified audit head (rows, hash) this PC user's keyring holds) — issue 18:
    the copy of ``audit.verified`` kept outside the data folder (see ``services/audit.verify_since``)."""
    try:
        value = keyring.get_password(KEYRING_SERVICE, f"{ledger_id}#verified")
    except keyring.errors.KeyringError:
        return False, None
    try:
        rows, head = (value or "").split(":", 1)
        return True, (int(rows), head)
    except ValueError:
        return True, None


def store_verified(ledger_id: str, rows: int, head: str) -> bool:
    """Keep the last verified audit head in the keyring; False without a keyring."""
    try:
        keyring.set_password(KEYRING_SERVICE, f"{ledger_id}#verified", f"{int(rows)}:{head}")
        return True
    except keyring.errors.KeyringError:
        return False


class KeyringSlot:
    """The key's place in the OS keyring. Any keyring failure reads as 'not there', with the reason kept."""

    def __init__(self, ledger_id: str) -> None:
        self.ledger_id = ledger_id
        self.problem: str | None = None

    def load(self) -> bytes | None:
        try:
            value = keyring.get_password(KEYRING_SERVICE, self.ledger_id)
        except keyring.errors.KeyringError as exc:
            self.problem = f"{type(exc).__name__}: {exc}"
            return None
        if not value:
            self.problem = "no entry"
            return None
        try:
            key = bytes.fromhex(value)
        except ValueError:
            self.problem = "entry is not a key"
            return None
        return key if len(key) == KEY_BYTES else None

    def store(self, key: bytes) -> bool:
        try:
            keyring.set_password(KEYRING_SERVICE, self.ledger_id, key.hex())
            return True
        except keyring.errors.KeyringError as exc:
            self.problem = f"{type(exc).__name__}: {exc}"
            return False

    def store_checked(self, key: bytes) -> bool:
        """Store, then read back: some keyrings accept a write and keep nothing (a locked or session-only
        collection). False with ``problem`` set when the key is not there afterwards."""
        if not self.store(key):
            return False
        if self.load() != key:
            self.problem = self.problem or "the keyring accepted the key but does not give it back"
            return False
        return True

    def forget(self) -> None:
        try:
            keyring.delete_password(KEYRING_SERVICE, self.ledger_id)
        except keyring.errors.KeyringError:
            pass  # no stored key to delete (or no keyring): the goal, no key left there, already holds


def keyring_backend() -> tuple[str, bool]:
    """(backend name, usable): whether this desktop has a keyring service at all (R14). No Secret Service
    daemon on a Linux desktop leaves keyring with its 'fail' backend, which refuses every read and write."""
    from keyring.backends import chainer, fail
    kr = keyring.get_keyring()
    name = f"{type(kr).__module__.removeprefix('keyring.backends.')}.{type(kr).__name__}"
    if isinstance(kr, fail.Keyring):
        return name, False
    if isinstance(kr, chainer.ChainerBackend) and not kr.backends:
        return name, False
    return name, True
