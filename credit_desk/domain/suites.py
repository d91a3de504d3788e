"""The cryptographic suites (issue 22): one registry, the only place that knows which primitive a suite uses.

    intl/1   Ed25519 signatures; X25519 + HKDF-SHA256 + AES-256-GCM payloads; SHA-256 hashes
    gm/1     SM2 signatures with SM3 and the standard distinguishing ID "1234567812345678" (GB/T 32918.2,
             GB/T 35276-2017 §5); payloads in SM4-GCM (GB/T 32907, GB/T 36624) under a fresh 128-bit key per
             payload, that key wrapped by SM2 public-key encryption (GB/T 32918.4, GM/T 0009 ASN.1 ciphertext)
             to the recipient; SM3 hashes (GB/T 32905)

No keyed hash (HMAC-SM3 / HMAC-SHA256): no artefact needs one — integrity and origin come from the signatures,
payload integrity from the GCM tag (docs/crypto.md says where HMAC-SM3 would come in: an SM4 ledger's pages).

Every signed or encrypted artefact names its suite (``Suite.name``); a verifier looks the name up with ``get``,
checks it against the suites configured for that office (``check_allowed``) and refuses a step down
(``check_no_downgrade``: a suite whose ``rank`` is below the last accepted one).

Keys are bytes, as before, and tell their own suite (``of_public`` / ``of_private``):

    intl/1   private: raw 32-byte Ed25519 / X25519 seed     public: raw 32 bytes
    gm/1     private: PKCS#8 DER of the SM2 key            public: 65-byte uncompressed point 04|x|y

A signature is 64 bytes in both suites (for SM2 the fixed-width r|s, 32 bytes each, as GM/T 0016 devices give
it; ``sm2_der`` turns it into the GM/T 0009 DER that ``openssl pkeyutl -verify -rawin -digest sm3`` reads), so no
container, QR code or request header changes its length with the suite.

Libraries, not home-made cryptography: ``cryptography`` gives SHA-256, SM3, AES-GCM, SM4-GCM, Ed25519 and
X25519; ``tongsuopy`` (the Tongsuo project's binding, abi3 wheels for Linux, Windows and macOS) gives SM2 key
generation, signing, verification and — through its own cffi binding of Tongsuo's EVP_PKEY_encrypt/decrypt — SM2
public-key encryption. No elliptic-curve arithmetic is written here (docs/crypto.md says why this library).
"""

from __future__ import annotations

import hashlib
import os
import struct
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from credit_desk.domain.errors import DomainError

INTL, GM = "intl/1", "gm/1"
SM2_DEFAULT_ID = b"1234567812345678"  # GB/T 35276-2017 §5 (GM/T 0009-2012 §10): the default user ID
_RAW = serialization.Encoding.Raw


class CryptoFailed(ValueError):
    """A seal that does not open (wrong key, tampered bytes): callers turn it into their own refusal."""


@dataclass(frozen=True)
class Suite:
    """One suite: names (as artefacts carry them) and the primitives, each a plain function over bytes."""

    name: str
    rank: int                       # a higher rank never steps down to a lower one (no downgrade)
    title_zh: str
    title_en: str
    signature: str                  # what manifests and docs name
    encryption: str
    hash_name: str
    _hash: Callable[[bytes], bytes]
    _hasher: Callable[[], object]   # a fresh incremental hash: update(bytes), hexdigest()
    new_sign_key: Callable[[], tuple[bytes, bytes]]
    sign_public: Callable[[bytes], bytes]
    sign: Callable[[bytes, bytes], bytes]            # (private, message) -> 64-byte signature
    verify: Callable[[bytes, bytes, bytes], bool]    # (public, signature, message)
    new_enc_key: Callable[[], tuple[bytes, bytes]]
    enc_public: Callable[[bytes], bytes]
    seal: Callable[[bytes, bytes, bytes], bytes]     # (plain, recipient public, aad) -> blob
    open: Callable[[bytes, bytes, bytes], bytes]     # (blob, recipient private, aad) -> plain; CryptoFailed
    public_pem: Callable[[bytes], bytes]

    def hash(self, data: bytes) -> bytes:
        return self._hash(data)

    def hash_hex(self, data: bytes) -> str:
        return self._hash(data).hex()

    def hasher(self):
        """An incremental hash of the suite (``update(bytes)``, ``hexdigest()``) for files read in blocks."""
        return self._hasher()

    def key_id(self, public: bytes) -> str:
        """The suite's hash of a raw public key, lowercase hex (64 digits): how manifests name keys."""
        return self._hash(public).hex()


# --- intl/1 ------------------------------------------------------------------------------------------------

def _sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def _ed_new() -> tuple[bytes, bytes]:
    key = Ed25519PrivateKey.generate()
    return (key.private_bytes(_RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption()),
            key.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw))


def _ed_public(private: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(private).public_key().public_bytes(
        _RAW, serialization.PublicFormat.Raw)


def _ed_sign(private: bytes, message: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(private).sign(message)


def _ed_verify(public: bytes, signature: bytes, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
        return True
    except (InvalidSignature, ValueError):
        return False


def _ed_pem(public: bytes) -> bytes:
    return Ed25519PublicKey.from_public_bytes(public).public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def _x_new() -> tuple[bytes, bytes]:
    key = X25519PrivateKey.generate()
    return (key.private_bytes(_RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption()),
            key.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw))


def _x_public(private: bytes) -> bytes:
    return X25519PrivateKey.from_private_bytes(private).public_key().public_bytes(
        _RAW, serialization.PublicFormat.Raw)


_X_INFO = b"credit_desk.bundle/1 payload"


def _x_derive(shared: bytes, eph_pub: bytes, recipient_pub: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=eph_pub + recipient_pub, info=_X_INFO).derive(shared)


def _x_seal(plain: bytes, recipient_pub: bytes, aad: bytes) -> bytes:
    """ephemeral X25519 public (32) | nonce (12) | AES-256-GCM ciphertext and tag (docs/bundle-format.md)."""
    eph = X25519PrivateKey.generate()
    eph_pub = eph.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    key = _x_derive(eph.exchange(X25519PublicKey.from_public_bytes(recipient_pub)), eph_pub, recipient_pub)
    nonce = os.urandom(12)
    return eph_pub + nonce + AESGCM(key).encrypt(nonce, plain, aad)


def _x_open(blob: bytes, private: bytes, aad: bytes) -> bytes:
    if len(blob) < 32 + 12 + 16:
        raise CryptoFailed("short")
    eph_pub, nonce, body = blob[:32], blob[32:44], blob[44:]
    try:
        me = X25519PrivateKey.from_private_bytes(private)
        my_pub = me.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
        key = _x_derive(me.exchange(X25519PublicKey.from_public_bytes(eph_pub)), eph_pub, my_pub)
        return AESGCM(key).decrypt(nonce, body, aad)
    except (InvalidTag, ValueError):
        raise CryptoFailed("open") from None


# --- gm/1 --------------------------------------------------------------------------------------------------

def _sm3(data: bytes) -> bytes:
    h = hashes.Hash(hashes.SM3())
    h.update(data)
    return h.finalize()


class _SM3Hasher:
    """hashlib's incremental interface over cryptography's SM3 (hashlib has no SM3 in every OpenSSL build)."""

    def __init__(self) -> None:
        self._h = hashes.Hash(hashes.SM3())

    def update(self, data: bytes) -> None:
        self._h.update(data)

    def hexdigest(self) -> str:
        return self._h.finalize().hex()


def _tongsuo():
    """tongsuopy's SM2 pieces, imported on first use (an intl-only office never loads Tongsuo)."""
    from tongsuopy.backends.tongsuo.backend import backend
    from tongsuopy.crypto import hashes as t_hashes, serialization as t_ser
    from tongsuopy.crypto.asymciphers import ec as t_ec
    from tongsuopy.crypto.exceptions import InvalidSignature as TInvalidSignature
    return t_ec, t_hashes, t_ser, backend, TInvalidSignature


def _sm2_private(der) -> object:
    return _sm2_private_cached(bytes(der))  # keys read from SQLite may be memoryviews


def _sm2_public(point) -> object:
    return _sm2_public_cached(bytes(point))


@lru_cache(maxsize=64)
def _sm2_private_cached(der: bytes):
    t_ec, _, t_ser, _, _ = _tongsuo()
    from tongsuopy.crypto.exceptions import UnsupportedAlgorithm
    try:
        key = t_ser.load_der_private_key(der, None)
    except UnsupportedAlgorithm:  # a PKCS#8 key of another algorithm (e.g. Ed25519): not ours, no traceback
        raise ValueError("not an SM2 private key") from None
    if not isinstance(key, t_ec.EllipticCurvePrivateKey) or key.curve.name != "SM2":
        raise ValueError("not an SM2 private key")
    return key


@lru_cache(maxsize=256)
def _sm2_public_cached(point: bytes):
    t_ec, *_ = _tongsuo()
    if len(point) != 65 or point[0] != 4:
        raise ValueError("not an uncompressed SM2 point")
    return t_ec.EllipticCurvePublicKey.from_encoded_point(t_ec.SM2(), point)


def _sm2_point(key) -> bytes:
    _, _, t_ser, _, _ = _tongsuo()
    return key.public_bytes(t_ser.Encoding.X962, t_ser.PublicFormat.UncompressedPoint)


def _sm2_new() -> tuple[bytes, bytes]:
    t_ec, _, t_ser, _, _ = _tongsuo()
    key = t_ec.generate_private_key(t_ec.SM2())
    der = key.private_bytes(t_ser.Encoding.DER, t_ser.PrivateFormat.PKCS8, t_ser.NoEncryption())
    return der, _sm2_point(key.public_key())


def sm2_private_from_scalar(d: int) -> bytes:
    """The PKCS#8 DER of the SM2 key with private scalar ``d`` (test vectors; ValueError outside [1, n-2])."""
    t_ec, _, t_ser, _, _ = _tongsuo()
    key = t_ec.derive_private_key(d, t_ec.SM2())
    return key.private_bytes(t_ser.Encoding.DER, t_ser.PrivateFormat.PKCS8, t_ser.NoEncryption())


def _sm2_pub_of(private: bytes) -> bytes:
    return _sm2_point(_sm2_private(private).public_key())


def _sm2_sign(private: bytes, message: bytes) -> bytes:
    """SM2 with SM3 over Z(ID = 1234567812345678) | message; r|s as 64 bytes."""
    t_ec, t_hashes, *_ = _tongsuo()
    r, s = decode_dss_signature(_sm2_private(private).sign(message, t_ec.ECDSA(t_hashes.SM3())))
    return r.to_bytes(32, "big") + s.to_bytes(32, "big")


def sm2_der(signature: bytes) -> bytes:
    """The GM/T 0009 DER SEQUENCE {r, s} of a 64-byte r|s signature (what OpenSSL and Tongsuo read)."""
    if len(signature) != 64:
        raise ValueError("an SM2 signature here is 64 bytes (r|s)")
    return encode_dss_signature(int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big"))


def _sm2_verify(public: bytes, signature: bytes, message: bytes) -> bool:
    t_ec, t_hashes, _, backend, t_invalid = _tongsuo()
    try:
        r, s = int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big")
        if len(signature) != 64 or r == 0 or s == 0:
            return False
        _sm2_public(public).verify(sm2_der(signature), message, t_ec.ECDSA(t_hashes.SM3()))
        return True
    except (t_invalid, ValueError):
        backend._consume_errors()
        return False


def _sm2_pem(public: bytes) -> bytes:
    _, _, t_ser, _, _ = _tongsuo()
    return _sm2_public(public).public_bytes(t_ser.Encoding.PEM, t_ser.PublicFormat.SubjectPublicKeyInfo)


def _evp_crypt(key, data: bytes, encrypt: bool) -> bytes:
    """SM2 public-key encryption / decryption through Tongsuo's EVP_PKEY API (tongsuopy's cffi binding): the
    ciphertext is the GM/T 0009 ASN.1 SEQUENCE {x, y, C3 = SM3 hash, C2}, which ``openssl pkeyutl -decrypt``
    reads with an SM2 key."""
    _, _, _, backend, _ = _tongsuo()
    ffi, lib = backend._ffi, backend._lib
    ctx = lib.EVP_PKEY_CTX_new(key._evp_pkey, ffi.NULL)
    if ctx == ffi.NULL:
        backend._consume_errors()
        raise CryptoFailed("ctx")
    ctx = ffi.gc(ctx, lib.EVP_PKEY_CTX_free)
    init, run = ((lib.EVP_PKEY_encrypt_init, lib.EVP_PKEY_encrypt) if encrypt
                 else (lib.EVP_PKEY_decrypt_init, lib.EVP_PKEY_decrypt))
    size = ffi.new("size_t *")
    if init(ctx) != 1 or run(ctx, ffi.NULL, size, data, len(data)) != 1:
        backend._consume_errors()
        raise CryptoFailed("init")
    buf = ffi.new("unsigned char[]", size[0])
    if run(ctx, buf, size, data, len(data)) != 1:
        backend._consume_errors()
        raise CryptoFailed("sm2")
    return bytes(ffi.buffer(buf)[:size[0]])


def sm2_encrypt(public: bytes, data: bytes) -> bytes:
    return _evp_crypt(_sm2_public(public), data, True)


def sm2_decrypt(private: bytes, ciphertext: bytes) -> bytes:
    """CryptoFailed when the ciphertext does not open (its C3 SM3 check fails) or is malformed."""
    try:
        key = _sm2_private(private)
    except ValueError:
        raise CryptoFailed("key") from None
    return _evp_crypt(key, ciphertext, False)


_SM4_KEY, _NONCE, _TAG = 16, 12, 16


def sm4_gcm_encrypt(key: bytes, nonce: bytes, plain: bytes, aad: bytes) -> bytes:
    """SM4-GCM (GB/T 36624 mode over GB/T 32907): ciphertext | 16-byte tag."""
    enc = Cipher(algorithms.SM4(key), modes.GCM(nonce)).encryptor()
    enc.authenticate_additional_data(aad)
    return enc.update(plain) + enc.finalize() + enc.tag


def sm4_gcm_decrypt(key: bytes, nonce: bytes, body: bytes, aad: bytes) -> bytes:
    if len(body) < _TAG:
        raise CryptoFailed("short")
    dec = Cipher(algorithms.SM4(key), modes.GCM(nonce, body[-_TAG:])).decryptor()
    dec.authenticate_additional_data(aad)
    try:
        return dec.update(body[:-_TAG]) + dec.finalize()
    except InvalidTag:
        raise CryptoFailed("tag") from None


def _gm_seal(plain: bytes, recipient_pub: bytes, aad: bytes) -> bytes:
    """u16 BE length | SM2-encrypted 16-byte SM4 key (GM/T 0009 DER) | nonce (12) | SM4-GCM ciphertext and tag."""
    key, nonce = os.urandom(_SM4_KEY), os.urandom(_NONCE)
    wrapped = sm2_encrypt(recipient_pub, key)
    return struct.pack(">H", len(wrapped)) + wrapped + nonce + sm4_gcm_encrypt(key, nonce, plain, aad)


def gm_split(blob: bytes) -> tuple[bytes, bytes, bytes]:
    """(wrapped key, nonce, ciphertext and tag) of a gm/1 seal; CryptoFailed if the layout does not fit."""
    if len(blob) < 2:
        raise CryptoFailed("short")
    (n,) = struct.unpack_from(">H", blob)
    if n > 200 or len(blob) < 2 + n + _NONCE + _TAG:
        raise CryptoFailed("layout")
    return blob[2:2 + n], blob[2 + n:2 + n + _NONCE], blob[2 + n + _NONCE:]


def _gm_open(blob: bytes, private: bytes, aad: bytes) -> bytes:
    wrapped, nonce, body = gm_split(blob)
    key = sm2_decrypt(private, wrapped)
    if len(key) != _SM4_KEY:
        raise CryptoFailed("key length")
    return sm4_gcm_decrypt(key, nonce, body, aad)


_REGISTRY: dict[str, Suite] = {s.name: s for s in (
    Suite(INTL, 1, "国际算法（Ed25519 / X25519 / AES-256-GCM / SHA-256）",
          "international (Ed25519 / X25519 / AES-256-GCM / SHA-256)",
          "Ed25519", "X25519-HKDF-SHA256-AES-256-GCM", "sha256", _sha256, hashlib.sha256,
          _ed_new, _ed_public, _ed_sign, _ed_verify, _x_new, _x_public, _x_seal, _x_open, _ed_pem),
    Suite(GM, 2, "商用密码（SM2 / SM3 / SM4）", "Chinese commercial cryptography (SM2 / SM3 / SM4)",
          "SM2-SM3", "SM2-SM4-128-GCM", "sm3", _sm3, _SM3Hasher,
          _sm2_new, _sm2_pub_of, _sm2_sign, _sm2_verify, _sm2_new, _sm2_pub_of, _gm_seal, _gm_open, _sm2_pem),
)}
NAMES = tuple(_REGISTRY)
DEFAULT = INTL


def _unknown(name) -> DomainError:
    return DomainError("SUITE_UNKNOWN", f"不认识的密码套件「{str(name)[:40]}」。",
                       f"Unknown cryptographic suite {str(name)[:40]!r}.")


def get(name: str) -> Suite:
    """The suite named ``name``; DomainError SUITE_UNKNOWN otherwise."""
    suite = _REGISTRY.get(name) if isinstance(name, str) else None
    if suite is None:
        raise _unknown(name)
    return suite


def of_public(public: bytes) -> Suite:
    """The suite a raw public key belongs to (32 bytes: intl/1; 65 bytes 04|x|y: gm/1); DomainError otherwise."""
    if len(public) == 32:
        return _REGISTRY[INTL]
    if len(public) == 65 and public[0] == 4:
        return _REGISTRY[GM]
    raise _unknown(f"{len(public)}-byte public key")


def check_public(public: bytes) -> Suite:
    """``of_public``, and a gm/1 key must be a point on the SM2 curve (ValueError otherwise): a key file with a
    damaged point would be pinned, and the first seal to it would fail far from the cause (issue 22)."""
    suite = of_public(public)
    if suite.name == GM:
        try:
            _sm2_public(public)
        except ValueError:
            _tongsuo()[3]._consume_errors()
            raise ValueError("not a point on the SM2 curve") from None
    return suite


def of_private(private: bytes) -> Suite:
    """The suite of a stored private key (raw 32 bytes: intl/1; PKCS#8 DER: gm/1)."""
    if len(private) == 32:
        return _REGISTRY[INTL]
    if len(private) > 32 and private[0] == 0x30:
        return _REGISTRY[GM]
    raise _unknown(f"{len(private)}-byte private key")


def check_allowed(name: str, allowed) -> Suite:
    """The suite, if ``allowed`` (the office's configured names) holds it; DomainError SUITE_NOT_ALLOWED."""
    suite = get(name)
    if name not in tuple(allowed):
        raise DomainError("SUITE_NOT_ALLOWED", f"本单位未配置密码套件「{name}」，拒绝接收（允许：{'、'.join(allowed)}）。",
                          f"Suite {name!r} is not configured for this office (allowed: {', '.join(allowed)}).")
    return suite


def check_no_downgrade(name: str, last_accepted: str | None) -> Suite:
    """No step down: an artefact in a suite ranked below the last accepted one is refused (SUITE_DOWNGRADE)."""
    suite = get(name)
    if last_accepted and suite.rank < get(last_accepted).rank:
        raise DomainError("SUITE_DOWNGRADE",
                          f"密码套件降级：已接收过「{last_accepted}」，不再接受「{name}」。",
                          f"Suite downgrade: {last_accepted!r} was already accepted; {name!r} is refused.")
    return suite
