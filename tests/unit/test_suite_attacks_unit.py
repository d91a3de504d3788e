"""Attacks on the suites without a platform (issue 22, second pass): the signed request binds its suite; SM2
signatures made with another signer ID, or without the Z value, are refused; stock OpenSSL's own SM2 signatures
verify under the registry (the other direction of the OpenSSL check)."""

from __future__ import annotations

import base64
import subprocess
from datetime import datetime, timezone

import pytest

from credit_desk.domain import signing, suites
from credit_desk.domain.errors import DomainError
from credit_desk.sync import crypto, reqauth

GM = suites.get(suites.GM)
NOW = datetime.now(timezone.utc)


def _claim(headers: dict) -> reqauth.Claim:
    return reqauth.parse({k.lower(): v for k, v in headers.items()}, NOW)


@pytest.mark.parametrize("name", suites.NAMES)
def test_r14_request_suite_is_inside_the_signed_message(name):
    key = signing.new_private(name)
    public = signing.public_of(key)
    headers = reqauth.sign_headers(key, "office-1", "GET", "/downstream/office-1", 0, now=NOW)
    assert headers["X-CD-Suite"] == name
    reqauth.check(_claim(headers), public, "GET", "/downstream/office-1", 0)
    # the same lines signed without the suite line (request/1), sent with the suite header: refused
    v1 = signing.sign(key, signing.Use.REQUEST, reqauth.message("GET", "/downstream/office-1", "office-1",
                                                                headers["X-CD-Time"], 0))
    forged = {**headers, "X-CD-Signature": base64.b64encode(v1).decode()}
    with pytest.raises(DomainError) as info:
        reqauth.check(_claim(forged), public, "GET", "/downstream/office-1", 0)
    assert info.value.code == "AUTH_FAILED"
    # a v1 request (no X-CD-Suite: an office from before suites) verifies for an intl/1 key only
    legacy = {k: v for k, v in forged.items() if k != "X-CD-Suite"}
    if name == suites.INTL:
        reqauth.check(_claim(legacy), public, "GET", "/downstream/office-1", 0)
    else:
        with pytest.raises(DomainError):
            reqauth.check(_claim(legacy), public, "GET", "/downstream/office-1", 0)


def test_r14_request_suite_header_changed_is_refused():
    key = signing.new_private(suites.GM)
    headers = reqauth.sign_headers(key, "office-1", "POST", "/bundles", 10, now=NOW)
    for other in ("intl/1", "gm/2", "GM/1"):
        with pytest.raises(DomainError) as info:
            reqauth.check(_claim({**headers, "X-CD-Suite": other}), signing.public_of(key), "POST", "/bundles", 10)
        assert info.value.code == "AUTH_FAILED"


# the recommended curve's a, b, G (GB/T 32918.5-2017 §3), for Z = SM3(ENTL | ID | a | b | xG | yG | xA | yA)
_CURVE = bytes.fromhex("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC"
                       "28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93"
                       "32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7"
                       "BC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0")


def _openssl_sign(tmp_path, private: bytes, data: bytes, *opts: str) -> bytes:
    """An SM2 signature made by stock OpenSSL 3 (not by our library), as 64-byte r|s."""
    from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
    (tmp_path / "k.der").write_bytes(private)
    (tmp_path / "in").write_bytes(data)
    done = subprocess.run(["openssl", "pkeyutl", "-sign", "-keyform", "DER", "-inkey", str(tmp_path / "k.der"),
                           "-in", str(tmp_path / "in"), "-out", str(tmp_path / "sig"), *opts], capture_output=True)
    assert done.returncode == 0, done.stderr
    r, s = decode_dss_signature((tmp_path / "sig").read_bytes())
    return r.to_bytes(32, "big") + s.to_bytes(32, "big")


def test_r14_sm2_signatures_by_openssl_verify_only_with_the_standard_signer_id(tmp_path):
    """GB/T 35276 §5: the signer ID is 1234567812345678. A signer that used another ID, or none (stock OpenSSL 3.0
    without -pkeyopt distid hashes an empty ID into Z), made a signature over another Z: refused."""
    private, public = GM.new_sign_key()
    msg = signing.message(signing.Use.BUNDLE_MANIFEST, b'{"sequence":1}')
    raw = ("-rawin", "-digest", "sm3")
    assert GM.verify(public, _openssl_sign(tmp_path, private, msg, *raw, "-pkeyopt", "distid:1234567812345678"), msg)
    assert not GM.verify(public, _openssl_sign(tmp_path, private, msg, *raw, "-pkeyopt", "distid:ALICE123@YAHOO.COM"),
                         msg)
    assert not GM.verify(public, _openssl_sign(tmp_path, private, msg, *raw), msg)  # OpenSSL 3.0's empty ID


def test_r14_sm2_signature_over_the_message_digest_without_z_is_refused(tmp_path):
    """e must be SM3(Z_A | M): a signature over SM3(M) alone (no Z, as an ECDSA habit would make it) is refused;
    the same signer over SM3(Z_A | M), Z_A computed by the standard's formula, is accepted."""
    private, public = GM.new_sign_key()
    msg = b"credit_desk"
    assert not GM.verify(public, _openssl_sign(tmp_path, private, GM.hash(msg)), msg)
    ident = suites.SM2_DEFAULT_ID
    z = GM.hash((len(ident) * 8).to_bytes(2, "big") + ident + _CURVE + public[1:])
    assert GM.verify(public, _openssl_sign(tmp_path, private, GM.hash(z + msg)), msg)
    wrong_z = GM.hash((len(ident) * 8).to_bytes(2, "big") + ident + _CURVE + signing.public_of(
        signing.new_private(suites.GM))[1:])  # Z of another public key
    assert not GM.verify(public, _openssl_sign(tmp_path, private, GM.hash(wrong_z + msg)), msg)


def test_r14_a_gm_key_cannot_act_under_intl_nor_an_intl_key_under_gm():
    """Keys tell their suite by their form; a verifier never runs one suite's algorithm on the other's key."""
    gm_priv, intl_priv = signing.new_private(suites.GM), signing.new_private(suites.INTL)
    gm_pub, intl_pub = signing.public_of(gm_priv), signing.public_of(intl_priv)
    sig = signing.sign(gm_priv, signing.Use.DOCUMENT, b"x")
    assert signing.verify(gm_pub, sig, signing.Use.DOCUMENT, b"x")
    assert not suites.get(suites.INTL).verify(gm_pub, sig, signing.message(signing.Use.DOCUMENT, b"x"))
    assert not GM.verify(intl_pub, signing.sign(intl_priv, signing.Use.DOCUMENT, b"x"),
                         signing.message(signing.Use.DOCUMENT, b"x"))
    with pytest.raises(ValueError):
        GM.sign(intl_priv, b"x")
    with pytest.raises(suites.CryptoFailed):
        suites.get(suites.INTL).open(GM.seal(b"p", crypto.new_enc(suites.GM)[1], b""),
                                     crypto.new_enc(suites.INTL)[0], b"")


def test_r14_an_intl_manifest_signed_correctly_around_a_gm_seal_does_not_open():
    """Suite confusion from an insider with a valid intl/1 key: the manifest is intl/1 and signed, the payload is an
    SM2/SM4 seal to the platform's gm/1 key (recipient named by its SM3 id). The reader opens only with a key of the
    manifest's suite: refused, whichever of its keys it tries."""
    from datetime import timedelta
    from credit_desk.sync import bundle, container, manifest as mf
    from credit_desk.sync.limits import DEFAULT
    from credit_desk.sync.refusals import BundleRefused
    i_sign = signing.new_private(suites.INTL)
    (i_enc, i_enc_pub), (g_enc, g_enc_pub) = crypto.new_enc(suites.INTL), crypto.new_enc(suites.GM)
    now = NOW.replace(microsecond=0)
    fields = {"type": "changes", "sender": {"role": "office", "id": "o1"}, "office": "o1", "sequence": 1,
              "previous_hash": mf.GENESIS_HASH, "created_at": mf.utc_text(now),
              "expires_at": mf.utc_text(now + timedelta(days=3)), "counts": {"changes": 1}}
    data, made = bundle.make(fields, b"x", i_sign, i_enc_pub)
    doc = dict(made.doc, recipient=GM.key_id(g_enc_pub))
    sealed = crypto.seal(crypto.deflate(b"x"), g_enc_pub, bundle.payload_aad(doc))
    doc["payload"] = {**doc["payload"], "sha256": suites.get(suites.INTL).hash_hex(sealed), "size": len(sealed)}
    raw = mf.dump(doc)
    forged = container.pack(raw, signing.sign(i_sign, signing.Use.BUNDLE_MANIFEST, raw), sealed)
    opened = bundle.open_bytes(forged, DEFAULT)
    i_pub = signing.public_of(i_sign)
    bundle.verify(opened, {crypto.key_id(i_pub): i_pub})  # signature and payload hash are sound
    for key in (g_enc, i_enc):
        with pytest.raises(BundleRefused) as info:
            bundle.decrypt(opened, key, DEFAULT)
        assert info.value.code in ("BUNDLE_WRONG_RECIPIENT", "BUNDLE_DECRYPT_FAILED")


@pytest.mark.parametrize("name", suites.NAMES)
def test_r14_no_key_or_nonce_is_reused_across_bundles(name):
    """Two seals of the same bytes to the same recipient share no wrapped key, ephemeral key or nonce (a fresh SM4
    key and nonce per gm/1 payload; a fresh X25519 ephemeral key per intl/1 payload)."""
    _, pub = crypto.new_enc(name)
    a, b = crypto.seal(b"same" * 100, pub), crypto.seal(b"same" * 100, pub)
    if name == suites.GM:
        (wa, na, ca), (wb, nb, cb) = suites.gm_split(a), suites.gm_split(b)
        assert wa != wb and na != nb and ca != cb
    else:
        assert a[:32] != b[:32] and a[32:44] != b[32:44] and a[44:] != b[44:]


def test_r14_a_truncated_or_shortened_sm4_gcm_tag_is_refused():
    key, nonce = bytes(16), bytes(12)
    body = suites.sm4_gcm_encrypt(key, nonce, b"payload", b"aad")
    assert suites.sm4_gcm_decrypt(key, nonce, body, b"aad") == b"payload"
    for cut in (1, 4, 8, 15, 16, len(body)):
        with pytest.raises(suites.CryptoFailed):
            suites.sm4_gcm_decrypt(key, nonce, body[:-cut], b"aad")


def test_r14_a_key_file_with_an_sm2_point_off_the_curve_is_refused():
    """A damaged gm/1 key file (65 bytes 04|x|y, but not a point of the SM2 curve) was pinned and made the first
    receipt sealed to it fail with an internal error; now the file is refused, naming the field."""
    import os

    from credit_desk.sync import keyfiles
    from credit_desk.sync.refusals import BundleRefused
    sign = signing.public_of(signing.new_private(suites.GM))
    good_enc = crypto.new_enc(suites.GM)[1]
    off_curve = b"\x04" + bytes(64)
    while True:  # 04|x|y with random x, y is off the curve (almost surely); make sure
        off_curve = b"\x04" + os.urandom(64)
        try:
            suites._sm2_public(off_curve)
        except ValueError:
            break
    for enc in (off_curve, good_enc):
        doc = keyfiles.office_doc(office="o-1", region="320812", code="x", sign_public=sign, enc_public=enc,
                                  endorsements=[])
        if enc is good_enc:
            assert keyfiles.parse(doc, keyfiles.OFFICE_FORMAT)["enc_public"] == good_enc
        else:
            with pytest.raises((BundleRefused, DomainError)) as info:
                keyfiles.parse(doc, keyfiles.OFFICE_FORMAT)
            assert "enc_public" in str(info.value.en) + str(info.value.zh)


@pytest.mark.parametrize("name", suites.NAMES)
def test_r14_a_rotation_endorsement_binds_the_old_keys_last_sequence(name):
    """Issue 22: key-endorsement/2 signs the old key's last bundle sequence; a chain entry whose last_sequence was
    raised after signing teaches nothing, a /1 entry (a rotation made before the bound) is still learned, without a
    bound, and a last_sequence that is no count is a malformed manifest."""
    from credit_desk.intake.receiver import _known_keys
    from credit_desk.sync import keyfiles
    from credit_desk.sync.refusals import BundleRefused
    old, new = signing.new_private(name), signing.new_private(name)
    old_pub, new_pub = signing.public_of(old), signing.public_of(new)
    old_id, new_id = crypto.key_id(old_pub), crypto.key_id(new_pub)
    pinned = [{"key_id": old_id, "public": old_pub, "valid_to": None, "last_seq": None}]

    def entry(upto, signed_upto="same"):
        e = {"suite": name, "public_key": keyfiles.b64(new_pub), "endorsed_by": old_id,
             "signature": keyfiles.b64(signing.sign(old, signing.Use.KEY_ENDORSEMENT, keyfiles.endorsement_message(
                 new_pub, upto if signed_upto == "same" else signed_upto)))}
        return {**e, "last_sequence": upto} if upto is not None else e

    known, learned, bounds = _known_keys(pinned, [entry(7)], NOW)
    assert new_id in known and learned == [(new_id, new_pub)] and bounds == {old_id: 7}
    known, learned, bounds = _known_keys(pinned, [entry(None)], NOW)       # /1: still verifies, no bound
    assert new_id in known and bounds == {}
    known, learned, bounds = _known_keys(pinned, [entry(10 ** 6, signed_upto=7)], NOW)  # raised after signing
    assert new_id not in known and learned == [] and bounds == {}
    for bad in (-1, "7", True, 1.5):
        with pytest.raises(BundleRefused) as info:
            _known_keys(pinned, [{**entry(7), "last_sequence": bad}], NOW)
        assert info.value.code == "BUNDLE_MANIFEST_BAD"
    assert keyfiles.endorsement_message(new_pub, 7) != keyfiles.endorsement_message(new_pub)
