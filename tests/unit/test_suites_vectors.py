"""The suite registry against the official test vectors (issue 22): GB/T 32905 SM3, GB/T 32907 SM4,
GB/T 32918 SM2 (the examples on the recommended curve, GB/T 32918.5 / GM/T 0003.5 Annex A), and the
primitives of both suites round-tripping and refusing a tampered byte."""

from __future__ import annotations

import subprocess

import pytest
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from credit_desk.domain import suites
from credit_desk.domain.errors import DomainError

GM = suites.get(suites.GM)
INTL = suites.get(suites.INTL)

# GB/T 32918.2-2016 / GM/T 0003.5-2012 Annex A, recommended 256-bit curve, ID "1234567812345678"
D_A = 0x3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8
P_A = bytes.fromhex("04" "09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020"
                    "CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13")
Z_A = bytes.fromhex("B2E14C5C79C6DF5B85F4FE7ED8DB7A262B9DA7E07CCB0EA9F4747B8CCDA8A4F3")
E = bytes.fromhex("F0B43E94BA45ACCAACE692ED534382EB17E6AB5A19CE7B31F4486FDFC0D28640")
R = bytes.fromhex("F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3")
S = bytes.fromhex("B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA")
# GB/T 32918.4-2016 Annex A: "encryption standard" with k = 59276E27..., C1|C3|C2 as GM/T 0009 DER
SM2_CIPHERTEXT = bytes.fromhex(
    "307C022004EBFC718E8D1798620432268E77FEB6415E2EDE0E073C0F4F640ECD2E149A73022100E858F9D81E5430A57B36DAAB"
    "8F950A3C64E6EE6A63094D99283AFF767E124DF0042059983C18F809E262923C53AEC295D30383B54E39D609D160AFCB1908D0"
    "BD8766041321886CA989CA9C7D58087307CA93092D651EFA")
# the recommended curve's a, b, G (GB/T 32918.5-2017 §3)
CURVE_A = bytes.fromhex("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC")
CURVE_B = bytes.fromhex("28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93")
CURVE_G = bytes.fromhex("32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7"
                        "BC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0")


def test_gbt32905_sm3_examples():
    assert GM.hash(b"abc").hex() == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
    assert GM.hash(b"abcd" * 16).hex() == "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"


def test_gbt32907_sm4_example_1_and_a_million_rounds():
    key = bytes.fromhex("0123456789abcdeffedcba9876543210")
    enc = Cipher(algorithms.SM4(key), modes.ECB()).encryptor()
    assert enc.update(key).hex() == "681edf34d206965e86b3e94f536e4246"
    block = key
    for _ in range(1_000_000):  # GB/T 32907-2016 Annex A example 2
        block = enc.update(block)
    assert block.hex() == "595298c7c6fd271f0402f804c33d3f66"


def test_gbt32918_sm2_key_z_digest_and_signature_verify():
    private = suites.sm2_private_from_scalar(D_A)
    assert suites.of_private(private) is GM and GM.sign_public(private) == P_A  # d·G = P (by Tongsuo)
    # Z_A = SM3(ENTL | ID | a | b | xG | yG | xA | yA), e = SM3(Z_A | M): the standard's intermediate values
    z = GM.hash(len(suites.SM2_DEFAULT_ID * 8).to_bytes(2, "big") + suites.SM2_DEFAULT_ID
                + CURVE_A + CURVE_B + CURVE_G + P_A[1:])
    assert z == Z_A and GM.hash(z + b"message digest") == E
    assert GM.verify(P_A, R + S, b"message digest")   # the standard's (r, s), through the library
    assert not GM.verify(P_A, R + S, b"message digest!")
    assert not GM.verify(P_A, R + bytes(32), b"message digest")
    # our own signature with the standard's key verifies under our verifier (k is random in the library)
    assert GM.verify(P_A, GM.sign(private, b"message digest"), b"message digest")


def test_gbt32918_sm2_signature_verified_by_stock_openssl(tmp_path):
    (tmp_path / "pub.pem").write_bytes(GM.public_pem(P_A))
    (tmp_path / "m").write_bytes(b"message digest")
    (tmp_path / "sig").write_bytes(encode_dss_signature(int.from_bytes(R, "big"), int.from_bytes(S, "big")))
    cmd = ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", str(tmp_path / "pub.pem"), "-rawin",
           "-digest", "sm3", "-pkeyopt", "distid:1234567812345678", "-in", str(tmp_path / "m"),
           "-sigfile", str(tmp_path / "sig")]
    done = subprocess.run(cmd, capture_output=True, text=True)
    assert done.returncode == 0 and "Verified Successfully" in done.stdout, done.stderr
    bad = cmd[:]
    bad[bad.index("distid:1234567812345678")] = "distid:ALICE123@YAHOO.COM"  # another ID: another Z
    assert subprocess.run(bad, capture_output=True).returncode != 0


def test_gbt32918_4_sm2_decrypts_the_standard_ciphertext():
    private = suites.sm2_private_from_scalar(D_A)
    assert suites.sm2_decrypt(private, SM2_CIPHERTEXT) == b"encryption standard"
    flipped = bytearray(SM2_CIPHERTEXT)
    flipped[-1] ^= 1  # C2 changed: C3 = SM3(x2 | M | y2) no longer matches
    with pytest.raises(suites.CryptoFailed):
        suites.sm2_decrypt(private, bytes(flipped))


@pytest.mark.parametrize("name", suites.NAMES)
def test_each_suite_signs_seals_and_refuses_a_flipped_byte(name):
    suite = suites.get(name)
    priv, pub = suite.new_sign_key()
    assert suites.of_public(pub) is suite and suites.of_private(priv) is suite
    sig = suite.sign(priv, b"data")
    assert len(sig) == 64 and suite.verify(pub, sig, b"data")
    for i in (0, 31, 32, 63):
        bad = bytearray(sig)
        bad[i] ^= 0x01
        assert not suite.verify(pub, bytes(bad), b"data")
    other_priv, other_pub = suite.new_sign_key()
    assert not suite.verify(other_pub, sig, b"data")
    epriv, epub = suite.new_enc_key()
    assert suite.enc_public(epriv) == epub
    blob = suite.seal(b"payload" * 50, epub, b"aad")
    assert suite.open(blob, epriv, b"aad") == b"payload" * 50
    with pytest.raises(suites.CryptoFailed):
        suite.open(blob, epriv, b"aaD")
    for i in range(0, len(blob), max(1, len(blob) // 40)):
        bad = bytearray(blob)
        bad[i] ^= 0x01
        with pytest.raises(suites.CryptoFailed):
            suite.open(bytes(bad), epriv, b"aad")
    with pytest.raises(suites.CryptoFailed):
        suite.open(blob, suite.new_enc_key()[0], b"aad")


def test_gm_seal_unwraps_with_stock_openssl(tmp_path):
    priv, pub = GM.new_enc_key()
    blob = GM.seal(b"x" * 100, pub, b"aad")
    wrapped, nonce, body = suites.gm_split(blob)
    (tmp_path / "k.der").write_bytes(priv)
    (tmp_path / "wrapped").write_bytes(wrapped)
    done = subprocess.run(["openssl", "pkeyutl", "-decrypt", "-keyform", "DER", "-inkey", str(tmp_path / "k.der"),
                           "-in", str(tmp_path / "wrapped")], capture_output=True)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout) == 16 and suites.sm4_gcm_decrypt(done.stdout, nonce, body, b"aad") == b"x" * 100


def test_registry_lookups_allowed_and_no_downgrade():
    assert set(suites.NAMES) == {"intl/1", "gm/1"} and GM.rank > INTL.rank
    with pytest.raises(DomainError) as info:
        suites.get("rot13/1")
    assert info.value.code == "SUITE_UNKNOWN"
    assert suites.check_allowed("gm/1", ("gm/1",)) is GM
    with pytest.raises(DomainError) as info:
        suites.check_allowed("intl/1", ("gm/1",))
    assert info.value.code == "SUITE_NOT_ALLOWED" and info.value.zh.startswith("本单位")
    assert suites.check_no_downgrade("gm/1", "intl/1") is GM and suites.check_no_downgrade("gm/1", None) is GM
    with pytest.raises(DomainError) as info:
        suites.check_no_downgrade("intl/1", "gm/1")
    assert info.value.code == "SUITE_DOWNGRADE"
    assert GM.key_id(b"abc") == GM.hash(b"abc").hex() and INTL.key_id(b"abc") != GM.key_id(b"abc")
