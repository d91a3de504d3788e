"""The suite registry (issue 22) as a platform's IT would check it against docs/bundle-format.md: the names and
algorithms each suite announces, the byte layouts of a seal opened by hand with the documented derivation, the
published hash vectors, which key bytes belong to which suite, and the refusals' sentences — issue 23:
a mutation run over domain/suites.py left these unpinned. Expected values are written out here."""

from __future__ import annotations

import os
import struct

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from credit_desk.domain import suites
from credit_desk.domain.errors import DomainError

GM = suites.get("gm/1")
INTL = suites.get("intl/1")
D_A = 0x3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8   # GB/T 32918 Annex A private key


def test_each_suite_announces_its_names_and_algorithms():
    assert (suites.NAMES, suites.DEFAULT, suites.SM2_DEFAULT_ID) == (("intl/1", "gm/1"), "intl/1", b"1234567812345678")
    assert (INTL.name, INTL.rank, INTL.signature, INTL.encryption, INTL.hash_name) == (
        "intl/1", 1, "Ed25519", "X25519-HKDF-SHA256-AES-256-GCM", "sha256")
    assert (GM.name, GM.rank, GM.signature, GM.encryption, GM.hash_name) == ("gm/1", 2, "SM2-SM3", "SM2-SM4-128-GCM", "sm3")
    assert INTL.title_zh == "国际算法（Ed25519 / X25519 / AES-256-GCM / SHA-256）"
    assert INTL.title_en == "international (Ed25519 / X25519 / AES-256-GCM / SHA-256)"
    assert (GM.title_zh, GM.title_en) == ("商用密码（SM2 / SM3 / SM4）", "Chinese commercial cryptography (SM2 / SM3 / SM4)")


def test_hashes_are_the_published_vectors():
    sha_abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"           # FIPS 180-2
    sm3_abc = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"           # GB/T 32905 A.1
    assert INTL.hash_hex(b"abc") == sha_abc and INTL.hash(b"abc") == bytes.fromhex(sha_abc)
    assert GM.hash_hex(b"abc") == sm3_abc and GM.key_id(b"abc") == sm3_abc and INTL.key_id(b"abc") == sha_abc


# --- which suite a key belongs to ---------------------------------------------------------------------------

def test_a_public_key_tells_its_suite_by_length_and_form():
    assert suites.of_public(b"\x00" * 32) is INTL
    assert suites.of_public(b"\x04" + b"\x00" * 64) is GM
    for bad, size in ((b"\x02" + b"\x00" * 64, 65), (b"\x04" + b"\x00" * 63, 64), (b"\x00" * 33, 33), (b"", 0)):
        with pytest.raises(DomainError) as err:
            suites.of_public(bad)
        e = err.value
        assert (e.code, e.zh, e.en) == ("SUITE_UNKNOWN", f"不认识的密码套件「{size}-byte public key」。",
                                        f"Unknown cryptographic suite '{size}-byte public key'.")


def test_a_private_key_tells_its_suite_by_length_and_form():
    assert suites.of_private(b"\x01" * 32) is INTL
    assert suites.of_private(b"\x30" + b"\x00" * 32) is GM
    assert suites.of_private(GM.new_sign_key()[0]) is GM
    for bad, size in ((b"\x31" + b"\x00" * 32, 33), (b"\x30" * 31, 31), (b"", 0)):
        with pytest.raises(DomainError) as err:
            suites.of_private(bad)
        assert (err.value.code, err.value.zh) == ("SUITE_UNKNOWN", f"不认识的密码套件「{size}-byte private key」。")


# --- refusals ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, shown", [("rot13/1", "rot13/1"), (None, "None"), (3, "3"), ("x" * 50, "x" * 40),
                                         ("INTL/1", "INTL/1")])
def test_an_unknown_suite_is_named_in_at_most_40_characters(name, shown):
    with pytest.raises(DomainError) as err:
        suites.get(name)
    e = err.value
    assert (e.code, e.zh, e.en) == ("SUITE_UNKNOWN", f"不认识的密码套件「{shown}」。", f"Unknown cryptographic suite {shown!r}.")


def test_a_suite_not_configured_for_the_office_is_refused():
    assert suites.check_allowed("gm/1", ["intl/1", "gm/1"]) is GM
    assert suites.check_allowed("intl/1", iter(["intl/1"])) is INTL
    with pytest.raises(DomainError) as err:
        suites.check_allowed("intl/1", ("gm/1",))
    e = err.value
    assert (e.code, e.zh, e.en) == ("SUITE_NOT_ALLOWED", "本单位未配置密码套件「intl/1」，拒绝接收（允许：gm/1）。",
                                    "Suite 'intl/1' is not configured for this office (allowed: gm/1).")
    with pytest.raises(DomainError) as err:
        suites.check_allowed("gm/1", ("intl/1", "x/9"))
    assert err.value.zh == "本单位未配置密码套件「gm/1」，拒绝接收（允许：intl/1、x/9）。"
    assert err.value.en == "Suite 'gm/1' is not configured for this office (allowed: intl/1, x/9)."
    with pytest.raises(DomainError) as err:
        suites.check_allowed("nope/1", ("nope/1",))          # configured, but unknown to the software
    assert err.value.code == "SUITE_UNKNOWN"


def test_no_step_down_from_the_last_accepted_suite():
    assert suites.check_no_downgrade("intl/1", "intl/1") is INTL
    assert suites.check_no_downgrade("gm/1", "gm/1") is GM
    assert suites.check_no_downgrade("intl/1", "") is INTL
    with pytest.raises(DomainError) as err:
        suites.check_no_downgrade("intl/1", "gm/1")
    e = err.value
    assert (e.code, e.zh, e.en) == ("SUITE_DOWNGRADE", "密码套件降级：已接收过「gm/1」，不再接受「intl/1」。",
                                    "Suite downgrade: 'gm/1' was already accepted; 'intl/1' is refused.")
    with pytest.raises(DomainError) as err:
        suites.check_no_downgrade("intl/1", "rot13/1")
    assert err.value.code == "SUITE_UNKNOWN"


# --- intl/1 seal: E (32) | nonce (12) | AES-256-GCM, key = HKDF-SHA256(shared, E || recipient, info) ----------

def _open_intl_by_hand(blob: bytes, private: bytes, aad: bytes) -> bytes:
    me = X25519PrivateKey.from_private_bytes(private)
    mine = me.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    eph, nonce, body = blob[:32], blob[32:44], blob[44:]
    key = HKDF(hashes.SHA256(), 32, salt=eph + mine, info=b"credit_desk.bundle/1 payload").derive(
        me.exchange(X25519PublicKey.from_public_bytes(eph)))
    return AESGCM(key).decrypt(nonce, body, aad)


def test_intl_seal_opens_by_the_documented_derivation():
    priv, pub = INTL.new_enc_key()
    assert (len(priv), len(pub)) == (32, 32) and INTL.enc_public(priv) == pub
    blob = INTL.seal(b"payload", pub, b"aad")
    assert len(blob) == 32 + 12 + len(b"payload") + 16
    assert _open_intl_by_hand(blob, priv, b"aad") == b"payload"
    assert INTL.seal(b"payload", pub, b"aad")[:44] != blob[:44]            # a fresh ephemeral key and nonce


def test_intl_open_takes_a_seal_made_by_the_documented_derivation():
    priv, pub = INTL.new_enc_key()
    eph = X25519PrivateKey.generate()
    eph_pub = eph.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    key = HKDF(hashes.SHA256(), 32, salt=eph_pub + pub, info=b"credit_desk.bundle/1 payload").derive(
        eph.exchange(X25519PublicKey.from_public_bytes(pub)))
    nonce = os.urandom(12)
    assert INTL.open(eph_pub + nonce + AESGCM(key).encrypt(nonce, b"hello", b"a"), priv, b"a") == b"hello"


def test_intl_open_refuses_short_or_foreign_blobs():
    priv, pub = INTL.new_enc_key()
    empty = INTL.seal(b"", pub, b"")
    assert len(empty) == 60 and INTL.open(empty, priv, b"") == b""          # the shortest seal opens
    for blob in (empty[:59], b""):
        with pytest.raises(suites.CryptoFailed, match="short"):
            INTL.open(blob, priv, b"")
    with pytest.raises(suites.CryptoFailed, match="open"):
        INTL.open(empty, b"\x00" * 31, b"")                                 # a malformed key: no traceback


# --- gm/1 seal: u16 BE n | SM2-wrapped 16-byte SM4 key (n bytes) | nonce (12) | SM4-GCM ---------------------------

def test_gm_seal_layout_opens_by_hand():
    priv, pub = GM.new_enc_key()
    assert len(pub) == 65 and pub[0] == 4 and GM.enc_public(priv) == pub
    blob = GM.seal(b"payload", pub, b"aad")
    (n,) = struct.unpack(">H", blob[:2])
    assert 100 <= n <= 200 and len(blob) == 2 + n + 12 + len(b"payload") + 16
    wrapped, nonce, body = suites.gm_split(blob)
    assert (wrapped, nonce, body) == (blob[2:2 + n], blob[2 + n:14 + n], blob[14 + n:])
    key = suites.sm2_decrypt(priv, wrapped)
    assert len(key) == 16 and suites.sm4_gcm_decrypt(key, nonce, body, b"aad") == b"payload"


def test_gm_open_takes_a_seal_made_by_hand_and_refuses_a_wrong_key_length():
    priv, pub = GM.new_enc_key()
    key, nonce = os.urandom(16), os.urandom(12)
    wrapped = suites.sm2_encrypt(pub, key)
    body = suites.sm4_gcm_encrypt(key, nonce, b"hello", b"a")
    assert GM.open(struct.pack(">H", len(wrapped)) + wrapped + nonce + body, priv, b"a") == b"hello"
    short = suites.sm2_encrypt(pub, key[:15])
    with pytest.raises(suites.CryptoFailed, match="key length"):
        GM.open(struct.pack(">H", len(short)) + short + nonce + body, priv, b"a")


def test_gm_split_refuses_what_does_not_fit():
    for blob in (b"", b"\x00"):
        with pytest.raises(suites.CryptoFailed, match="short"):
            suites.gm_split(blob)
    with pytest.raises(suites.CryptoFailed, match="layout"):
        suites.gm_split(struct.pack(">H", 201) + b"\x00" * 300)             # no wrapped key is that long
    assert suites.gm_split(struct.pack(">H", 200) + b"\x01" * 200 + b"\x02" * 12 + b"\x03" * 16) == (
        b"\x01" * 200, b"\x02" * 12, b"\x03" * 16)                           # the longest, the shortest body
    with pytest.raises(suites.CryptoFailed, match="layout"):
        suites.gm_split(struct.pack(">H", 10) + b"\x00" * (10 + 12 + 15))
    assert suites.gm_split(struct.pack(">H", 0) + b"\x02" * 12 + b"\x03" * 16) == (b"", b"\x02" * 12, b"\x03" * 16)


def test_sm4_gcm_refuses_a_body_shorter_than_its_tag():
    key, nonce = b"k" * 16, b"n" * 12
    sealed = suites.sm4_gcm_encrypt(key, nonce, b"", b"")
    assert len(sealed) == 16 and suites.sm4_gcm_decrypt(key, nonce, sealed, b"") == b""
    with pytest.raises(suites.CryptoFailed, match="short"):
        suites.sm4_gcm_decrypt(key, nonce, sealed[:15], b"")
    with pytest.raises(suites.CryptoFailed, match="tag"):
        suites.sm4_gcm_decrypt(key, nonce, sealed, b"x")


def test_sm2_decrypt_refuses_a_key_that_is_not_sm2():
    ed_der = INTL.new_sign_key()  # raw keys: not DER at all
    with pytest.raises(suites.CryptoFailed, match="key"):
        suites.sm2_decrypt(b"\x30" + ed_der[0], b"x")
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    pkcs8 = Ed25519PrivateKey.generate().private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                                       serialization.NoEncryption())
    with pytest.raises(suites.CryptoFailed, match="key"):
        suites.sm2_decrypt(pkcs8, b"x")                                      # a PKCS#8 key of another curve


# --- signatures --------------------------------------------------------------------------------------------

def test_sm2_signature_is_r_s_and_der_for_openssl():
    with pytest.raises(ValueError, match="64 bytes"):
        suites.sm2_der(b"\x01" * 63)
    der = suites.sm2_der(b"\x00" * 31 + b"\x01" + b"\x00" * 31 + b"\x02")
    assert der == bytes.fromhex("3006020101020102")
    priv = suites.sm2_private_from_scalar(D_A)
    pub = GM.sign_public(priv)
    assert pub.hex().upper().startswith("0409F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020")
    sig = GM.sign(priv, b"message digest")
    assert len(sig) == 64 and GM.verify(pub, sig, b"message digest")
    assert GM.verify(memoryview(pub), sig, b"message digest")                 # keys read back from SQLite


def test_sm2_verify_says_no_to_malformed_signatures_and_keys():
    priv = suites.sm2_private_from_scalar(D_A)
    pub = GM.sign_public(priv)
    sig = GM.sign(priv, b"m")
    assert not GM.verify(pub, sig[:63], b"m")
    assert not GM.verify(pub, sig + b"\x00", b"m")
    assert not GM.verify(pub, b"\x00" * 32 + sig[32:], b"m")                   # r = 0
    assert not GM.verify(pub, sig[:32] + b"\x00" * 32, b"m")                   # s = 0
    assert not GM.verify(b"\x02" + pub[1:], sig, b"m")                         # not an uncompressed point
    assert not GM.verify(pub[:64], sig, b"m")
    assert GM.verify(pub, sig, b"m")                                          # and the good one still holds


def test_ed25519_verify_says_no_to_a_malformed_key():
    priv, pub = INTL.new_sign_key()
    sig = INTL.sign(priv, b"m")
    assert INTL.sign_public(priv) == pub and INTL.verify(pub, sig, b"m")
    assert not INTL.verify(pub[:31], sig, b"m")
    assert not INTL.verify(pub, sig[:63], b"m")


def test_public_keys_as_pem_for_the_platform():
    priv, pub = INTL.new_sign_key()
    pem = INTL.public_pem(pub)
    assert pem.startswith(b"-----BEGIN PUBLIC KEY-----")
    loaded = serialization.load_pem_public_key(pem)
    assert isinstance(loaded, Ed25519PublicKey)
    assert loaded.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw) == pub
    gm_pem = GM.public_pem(GM.sign_public(suites.sm2_private_from_scalar(D_A)))
    assert gm_pem.startswith(b"-----BEGIN PUBLIC KEY-----") and gm_pem.rstrip().endswith(b"-----END PUBLIC KEY-----")
    assert gm_pem != pem


def test_gm_split_reads_the_length_unsigned_and_names_a_bare_length_a_layout_fault():
    with pytest.raises(suites.CryptoFailed, match="^layout$"):
        suites.gm_split(b"\xff\xff" + b"\x00" * 100)                          # 65535: no wrapped key is that long
    with pytest.raises(suites.CryptoFailed, match="^layout$"):
        suites.gm_split(struct.pack(">H", 0))                                 # a length and nothing after it
    with pytest.raises(suites.CryptoFailed, match="^short$"):
        suites.gm_split(b"\x00")


def test_a_suite_name_that_is_not_text_is_unknown_not_a_crash():
    for name in (["gm/1"], {"gm/1": 1}, b"gm/1"):
        with pytest.raises(DomainError) as err:
            suites.get(name)
        assert err.value.code == "SUITE_UNKNOWN"
