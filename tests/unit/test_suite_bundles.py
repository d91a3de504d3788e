"""Bundles in both suites (issue 22): round trip, every-byte-flip refusal, replay and rollback of the chain,
suites named, configured and never downgraded; stock OpenSSL verifies and unwraps a gm/1 bundle."""

from __future__ import annotations

import json
import subprocess
import zlib
from datetime import datetime, timedelta, timezone

import pytest

from credit_desk.domain import signing, suites
from credit_desk.sync import bundle, container, manifest as mf
from credit_desk.sync.limits import DEFAULT
from credit_desk.sync.refusals import BundleRefused
from tests.e2e.sync_support import members

NOW = datetime.now(timezone.utc).replace(microsecond=0)
PLAIN = b'{"t":"change","id":1,"ts":"x","entity":"subject","entity_id":"1","op":"insert","state":{}}\n'


def _keys(name: str):
    suite = suites.get(name)
    return suite.new_sign_key(), suite.new_enc_key()


def _make(sign_priv: bytes, enc_pub: bytes, seq: int = 1, prev: str = mf.GENESIS_HASH, plain: bytes = PLAIN):
    fields = {"type": "changes", "sender": {"role": "office", "id": "o1"}, "office": "o1", "sequence": seq,
              "previous_hash": prev, "created_at": mf.utc_text(NOW),
              "expires_at": mf.utc_text(NOW + timedelta(days=30)), "counts": {"changes": 1}}
    return bundle.make(fields, plain, sign_priv, enc_pub)


def _read(data: bytes, sign_pub: bytes, enc_priv: bytes, enc_pub: bytes, **kw) -> bytes:
    """What a reader runs, in order: container, suite, signature, payload hash, recipient, expiry, decryption."""
    opened = bundle.open_bytes(data, DEFAULT)
    bundle.verify(opened, {suites.of_public(sign_pub).key_id(sign_pub): sign_pub}, **kw)
    bundle.check_recipient(opened, enc_pub)
    bundle.check_expiry(opened, NOW)
    return bundle.decrypt(opened, enc_priv, DEFAULT)


@pytest.fixture(params=suites.NAMES)
def suite_keys(request):
    return request.param, *_keys(request.param)


def test_round_trip_names_the_suite_and_its_algorithms(suite_keys):
    name, (spriv, spub), (epriv, epub) = suite_keys
    data, m = _make(spriv, epub)
    assert _read(data, spub, epriv, epub) == PLAIN
    doc = json.loads(members(data)["manifest.json"])
    suite = suites.get(name)
    assert doc["suite"] == name and doc["payload"]["encryption"] == suite.encryption
    assert doc["payload"][suite.hash_name] == suite.hash_hex(members(data)["payload.bin"])
    assert doc["key_fingerprint"] == suite.key_id(spub) and doc["recipient"] == suite.key_id(epub)
    assert bundle.open_bytes(data, DEFAULT).digest == suite.hash_hex(data) == bundle.file_digest(data, m)
    if name == suites.GM:
        assert "sha256" not in doc["payload"] and suite.hash_hex(data) != bundle.crypto.sha256_hex(data)


def test_every_byte_flip_is_refused(suite_keys):
    name, (spriv, spub), (epriv, epub) = suite_keys
    data, _ = _make(spriv, epub)
    for i in range(len(data)):
        bad = bytearray(data)
        bad[i] ^= 0x01
        with pytest.raises(BundleRefused):
            _read(bytes(bad), spub, epriv, epub)


def test_replay_rollback_and_chain_in_the_suites_own_hash(suite_keys):
    name, (spriv, spub), (epriv, epub) = suite_keys
    first, _ = _make(spriv, epub)
    o1 = bundle.open_bytes(first, DEFAULT)
    second, _ = _make(spriv, epub, seq=2, prev=o1.digest)
    o2 = bundle.open_bytes(second, DEFAULT)
    bundle.check_chain(o1, 0, "")
    bundle.check_chain(o2, 1, o1.digest)
    for opened, last, code in ((o1, 1, "BUNDLE_REPLAY"), (o1, 2, "BUNDLE_REPLAY"),  # replay / rollback
                               (o2, 0, "BUNDLE_SEQUENCE_GAP")):
        with pytest.raises(BundleRefused) as info:
            bundle.check_chain(opened, last, o1.digest)
        assert info.value.code == code
    with pytest.raises(BundleRefused) as info:  # linked with another hash (e.g. SHA-256 where SM3 is due)
        bundle.check_chain(o2, 1, bundle.crypto.sha256_hex(first) if name == suites.GM else suites.get(
            suites.GM).hash_hex(first))
    assert info.value.code == "BUNDLE_CHAIN_BROKEN"


def test_unconfigured_suite_and_downgrade_are_refused():
    (g_s, g_sp), (g_e, g_ep) = _keys(suites.GM)
    (i_s, i_sp), (i_e, i_ep) = _keys(suites.INTL)
    gm, _ = _make(g_s, g_ep)
    intl, _ = _make(i_s, i_ep)
    assert _read(gm, g_sp, g_e, g_ep, allowed=(suites.GM,), last_suite=suites.INTL) == PLAIN  # upgrade: fine
    for data, keys, kw, code in (
            (intl, (i_sp, i_e, i_ep), {"allowed": (suites.GM,)}, "BUNDLE_SUITE_NOT_ALLOWED"),
            (gm, (g_sp, g_e, g_ep), {"allowed": (suites.INTL,)}, "BUNDLE_SUITE_NOT_ALLOWED"),
            (intl, (i_sp, i_e, i_ep), {"last_suite": suites.GM}, "BUNDLE_SUITE_DOWNGRADE")):
        with pytest.raises(BundleRefused) as info:
            _read(data, *keys, **kw)
        assert info.value.code == code and info.value.zh and info.value.en


def test_a_manifest_naming_another_suite_than_its_key_is_refused():
    (i_s, i_sp), (i_e, i_ep) = _keys(suites.INTL)
    data, _ = _make(i_s, i_ep)
    parts = members(data)
    doc = json.loads(parts["manifest.json"])
    gm = suites.get(suites.GM)
    doc["suite"], doc["payload"] = suites.GM, {**{k: v for k, v in doc["payload"].items() if k != "sha256"},
                                               "sm3": gm.hash_hex(parts["payload.bin"]), "encryption": gm.encryption}
    raw = mf.dump(doc)
    forged = container.pack(raw, signing.sign(i_s, signing.Use.BUNDLE_MANIFEST, raw), parts["payload.bin"])
    with pytest.raises(BundleRefused) as info:
        _read(forged, i_sp, i_e, i_ep)
    assert info.value.code == "BUNDLE_SUITE_MISMATCH"
    with pytest.raises(ValueError):  # and make() never mixes an SM2 signature with an X25519 seal
        _make(_keys(suites.GM)[0][0], i_ep)


def test_a_manifest_from_before_suites_is_intl():
    (i_s, i_sp), (i_e, i_ep) = _keys(suites.INTL)
    data, _ = _make(i_s, i_ep)
    parts = members(data)
    doc = json.loads(parts["manifest.json"])
    del doc["suite"]
    raw = mf.dump(doc)
    legacy = container.pack(raw, signing.sign(i_s, signing.Use.BUNDLE_MANIFEST, raw), parts["payload.bin"])
    opened = bundle.open_bytes(legacy, DEFAULT)
    assert opened.manifest.suite == suites.INTL
    bundle.verify(opened, {suites.get(suites.INTL).key_id(i_sp): i_sp})  # signature and hash; AAD differs now
    with pytest.raises(BundleRefused) as info:
        bundle.verify(opened, {suites.get(suites.INTL).key_id(i_sp): i_sp}, last_suite=suites.GM)
    assert info.value.code == "BUNDLE_SUITE_DOWNGRADE"


def openssl_verify_gm_manifest(parts: dict, pem: bytes, folder) -> subprocess.CompletedProcess:
    """Stock openssl only: DER {r, s} built by `openssl asn1parse -genconf`, then `pkeyutl -verify -rawin -digest
    sm3` with the standard distinguishing ID over the domain-tagged manifest (docs/crypto.md)."""
    sig = parts["manifest.sig"]
    (folder / "sig.cnf").write_text(f"asn1=SEQUENCE:sig\n[sig]\nr=INTEGER:0x{sig[:32].hex()}\n"
                                    f"s=INTEGER:0x{sig[32:].hex()}\n")
    subprocess.run(["openssl", "asn1parse", "-genconf", str(folder / "sig.cnf"), "-out", str(folder / "sig.der"),
                    "-noout"], check=True, capture_output=True)
    (folder / "pub.pem").write_bytes(pem)
    (folder / "tbs").write_bytes(signing.message(signing.Use.BUNDLE_MANIFEST, parts["manifest.json"]))
    return subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", str(folder / "pub.pem"), "-rawin",
                           "-digest", "sm3", "-pkeyopt", "distid:1234567812345678", "-in", str(folder / "tbs"),
                           "-sigfile", str(folder / "sig.der")], capture_output=True, text=True)


def openssl_unwrap(payload: bytes, enc_private_der: bytes, folder) -> tuple[bytes, bytes, bytes]:
    """(SM4 key unwrapped by `openssl pkeyutl -decrypt`, nonce, ciphertext and tag) of a gm/1 payload."""
    wrapped, nonce, body = suites.gm_split(payload)
    (folder / "enc.der").write_bytes(enc_private_der)
    (folder / "wrapped").write_bytes(wrapped)
    done = subprocess.run(["openssl", "pkeyutl", "-decrypt", "-keyform", "DER", "-inkey", str(folder / "enc.der"),
                           "-in", str(folder / "wrapped")], capture_output=True, check=True)
    return done.stdout, nonce, body


def test_stock_openssl_verifies_and_unwraps_a_gm_bundle(tmp_path):
    (spriv, spub), (epriv, epub) = _keys(suites.GM)
    data, _ = _make(spriv, epub)
    parts = members(data)
    done = openssl_verify_gm_manifest(parts, signing.public_pem(spub), tmp_path)
    assert done.returncode == 0 and "Signature Verified Successfully" in done.stdout, done.stderr
    key, nonce, body = openssl_unwrap(parts["payload.bin"], epriv, tmp_path)
    aad = bundle.payload_aad(json.loads(parts["manifest.json"]))
    assert zlib.decompress(suites.sm4_gcm_decrypt(key, nonce, body, aad)) == PLAIN
    changed = dict(parts, **{"manifest.json": parts["manifest.json"].replace(b'"sequence":1', b'"sequence":2')})
    assert openssl_verify_gm_manifest(changed, signing.public_pem(spub), tmp_path).returncode != 0
