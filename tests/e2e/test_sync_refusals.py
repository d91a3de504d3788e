"""Tampered, replayed, stale, misaddressed, truncated, unsafe and oversized bundles are refused whole,
with one sentence each, by `bundle verify` and by the intake; OpenSSL verifies a real bundle (issue 6)."""

from __future__ import annotations

import base64
import json
import re
import struct
import subprocess
import urllib.request
import zlib
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from credit_desk.domain import signing
from credit_desk.intake.receiver import Intake
from credit_desk.intake.server import serve
from credit_desk.services import sync
from credit_desk.sync import bundle, container, crypto, manifest as mf, reqauth
from credit_desk.sync.limits import Limits
from credit_desk.sync.refusals import BundleRefused
from tests.e2e.sync_support import (add_subject, both_suites, craft, export, members, office_signing,  # noqa: F401
                                    pair, session)
from tests.conftest import with_business_accounts

@pytest.fixture
def office(office, secret_files):
    """This module's work is business (R14 separation of duties): the clerk acts by default; administrator's
    acts (keys, accounts) and reading the audit log (the auditor) name their account."""
    return with_business_accounts(office, secret_files)


@pytest.fixture
def suite(both_suites):
    return both_suites


CJK_RUN = re.compile(rb"(?:[\xe4-\xe9][\x80-\xbf]{2}){2,}")


@pytest.fixture
def exported(office, tmp_path):
    intake_dir = pair(office, tmp_path)
    add_subject(office, "淮安市鑫源建材有限公司")
    path = Path(export(office, tmp_path / "usb")[0]["file"])
    return intake_dir, path


def _refused_by_intake(intake_dir: Path, data: bytes, **kw) -> str:
    with pytest.raises(BundleRefused) as info:
        Intake(intake_dir, **kw).receive(data)
    assert info.value.zh and info.value.en
    return info.value.code


def test_openssl_verifies_a_real_exported_bundle(exported, tmp_path, suite):
    _, path = exported
    parts = members(path.read_bytes())
    assert list(parts) == ["manifest.json", "manifest.sig", "payload.bin"]
    if suite == "gm/1":  # SM2-SM3 with the standard ID: `pkeyutl -verify -rawin -digest sm3` (docs/crypto.md)
        from tests.unit.test_suite_bundles import openssl_verify_gm_manifest
        pem = (tmp_path / "office.gm.pem").read_bytes()
        done = openssl_verify_gm_manifest(parts, pem, tmp_path)
        assert done.returncode == 0 and "Signature Verified Successfully" in done.stdout, done.stderr
        changed = dict(parts, **{"manifest.json": parts["manifest.json"].replace(b'"sequence":1', b'"sequence":2')})
        assert openssl_verify_gm_manifest(changed, pem, tmp_path).returncode != 0
        return
    # the signed message is the manifest behind its domain tag (docs/bundle-format.md §3)
    (tmp_path / "manifest.json").write_bytes(signing.message(signing.Use.BUNDLE_MANIFEST, parts["manifest.json"]))
    (tmp_path / "manifest.sig").write_bytes(parts["manifest.sig"])
    cmd = ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", str(tmp_path / "office.pub.pem"), "-rawin",
           "-in", str(tmp_path / "manifest.json"), "-sigfile", str(tmp_path / "manifest.sig")]
    done = subprocess.run(cmd, capture_output=True, text=True)
    assert done.returncode == 0 and "Signature Verified Successfully" in done.stdout
    (tmp_path / "manifest.json").write_bytes(signing.message(signing.Use.BUNDLE_MANIFEST, parts["manifest.json"].replace(
        b'"sequence":1', b'"sequence":2')))
    assert subprocess.run(cmd, capture_output=True).returncode != 0  # and openssl sees a change


def test_bundle_file_holds_no_subject_name_or_id_number_in_clear(office, exported, suite):
    _, path = exported
    blob = path.read_bytes()
    from tests.e2e.sync_support import uscc
    assert uscc().encode() not in blob and "淮安市鑫源建材有限公司".encode() not in blob
    assert CJK_RUN.findall(blob) == []
    manifest = json.loads(members(blob)["manifest.json"])
    assert manifest["counts"]["changes"] >= 2 and manifest["payload"]["encryption"].startswith(
        "SM2-SM4" if suite == "gm/1" else "X25519")
    with pytest.raises(zlib.error):  # the payload is not even a plain compressed stream
        zlib.decompress(members(blob)["payload.bin"])


def _positions(data: bytes) -> list[int]:
    """A spread over every region: header, member names and lengths, manifest, signature, payload, tag."""
    m_len = struct.unpack_from(">Q", data, 8 + 2 + 13)[0]
    m_start = 8 + 2 + 13 + 8
    s_start = m_start + m_len + 2 + 12 + 8
    p_start = s_start + 64 + 2 + 11 + 8
    return sorted({0, 3, 7, 8, 9, 12, 21, 23, 29, m_start, m_start + 1, m_start + m_len // 2, m_start + m_len - 1,
                   m_start + m_len, m_start + m_len + 5, s_start - 1, s_start, s_start + 31, s_start + 63,
                   s_start + 64, s_start + 70, p_start - 1, p_start, p_start + 31, p_start + 32, p_start + 43,
                   (p_start + len(data)) // 2, len(data) - 17, len(data) - 1})


def test_flipping_any_single_byte_is_refused_by_verify_and_intake(office, exported, data_dir):
    intake_dir, path = exported
    data = path.read_bytes()
    codes = set()
    with session(data_dir) as s:
        assert sync.verify_file(s, data)["ok"]
        for pos in _positions(data):
            bad = bytearray(data)
            bad[pos] ^= 0x01
            with pytest.raises(BundleRefused) as info:
                sync.verify_file(s, bytes(bad))
            codes.add(info.value.code)
            assert _refused_by_intake(intake_dir, bytes(bad)).startswith("BUNDLE_"), pos
    assert {"BUNDLE_NOT_A_BUNDLE", "BUNDLE_BAD_SIGNATURE", "BUNDLE_PAYLOAD_HASH", "BUNDLE_TRUNCATED"} <= codes
    assert Intake(intake_dir).store.state(json.loads(members(data)["manifest.json"])["office"])["last_seq"] == 0
    bad = bytearray(data)
    bad[len(data) - 17] ^= 0x80
    (path.parent / "bad.cdb").write_bytes(bad)
    code, out, err = office("bundle", "verify", str(path.parent / "bad.cdb"))
    assert code == 1 and "篡改" in err and "BUNDLE_PAYLOAD_HASH" in err
    assert office("bundle", "verify", str(path))[0] == 0


def test_truncated_or_extended_files_are_refused(exported):
    intake_dir, path = exported
    data = path.read_bytes()
    for cut in (1, 8, 30, len(data) // 2, len(data) - 1):
        assert _refused_by_intake(intake_dir, data[:cut]) in {"BUNDLE_TRUNCATED", "BUNDLE_NOT_A_BUNDLE"}
    assert _refused_by_intake(intake_dir, data + b"\0") == "BUNDLE_TRAILING_DATA"


def test_zip_slip_and_absolute_member_names_are_refused(exported):
    intake_dir, path = exported
    parts = members(path.read_bytes())
    for name in ("../manifest.json", "/etc/passwd", "a/../../b", "C:\\x", "payload.bin/.."):
        raw = name.encode()
        evil = (container.MAGIC + struct.pack(">H", len(raw)) + raw + struct.pack(">Q", len(parts["manifest.json"]))
                + parts["manifest.json"])
        assert _refused_by_intake(intake_dir, evil) == "BUNDLE_UNSAFE_NAME", name


def test_attachment_escaping_its_folder_is_refused_and_nothing_written(office, tmp_path, data_dir):
    intake_dir = pair(office, tmp_path)
    line = json.dumps({"t": "attachment", "name": "../../evil.txt", "sha256": crypto.sha256_hex(b"x"),
                       "data": base64.b64encode(b"x").decode()})
    assert _refused_by_intake(intake_dir, craft(data_dir, intake_dir, line.encode() + b"\n")) == "BUNDLE_UNSAFE_NAME"
    assert not list(tmp_path.rglob("evil.txt")) and not list((intake_dir / "offices").rglob("*.cdb"))


def test_unknown_key_wrong_recipient_expired_gap_and_chain_are_refused(office, tmp_path, data_dir):
    intake_dir = pair(office, tmp_path)
    add_subject(office)
    good = Path(export(office, tmp_path / "usb")[0]["file"]).read_bytes()
    line = b'{"t":"change","id":1,"ts":"t","entity":"x","entity_id":"1","op":"insert","state":{}}\n'
    stranger = craft(data_dir, intake_dir, line, sign_private=signing.new_private())
    assert _refused_by_intake(intake_dir, stranger) == "BUNDLE_UNKNOWN_KEY"
    later = datetime.now() + timedelta(days=400)
    assert _refused_by_intake(intake_dir, good, clock=lambda: later) == "BUNDLE_EXPIRED"
    assert _refused_by_intake(intake_dir, craft(data_dir, intake_dir, line, seq=3)) == "BUNDLE_SEQUENCE_GAP"
    assert _refused_by_intake(intake_dir, craft(data_dir, intake_dir, line, prev="1" * 64)) == "BUNDLE_CHAIN_BROKEN"
    other = tmp_path / "other"
    Intake.init(other)  # another platform: the bundle was not encrypted to it
    Intake(other).register_office((tmp_path / "office.keys.json").read_bytes())
    assert _refused_by_intake(other, good) == "BUNDLE_WRONG_RECIPIENT"
    Intake(intake_dir).receive(good)  # and the untouched bundle is still fine


def test_oversized_and_decompression_bomb_payloads_are_refused(office, tmp_path, data_dir):
    intake_dir = pair(office, tmp_path)
    add_subject(office)
    good = Path(export(office, tmp_path / "usb")[0]["file"]).read_bytes()
    assert _refused_by_intake(intake_dir, good, limits=Limits(max_file_bytes=200)) == "BUNDLE_OVERSIZED"
    assert _refused_by_intake(intake_dir, good, limits=Limits(max_plain_bytes=100)) == "BUNDLE_OVERSIZED"
    key, ledger_id = office_signing(data_dir)
    plat = json.loads((intake_dir / "platform.keys.json").read_text())
    from credit_desk.domain import suites
    suite = suites.of_private(key)  # the office's suite; the platform key of that suite
    enc = base64.b64decode(plat["enc_public"] if suite.name == suites.INTL else plat["suites"][suite.name]["enc_public"])
    now = datetime.now()
    doc = {"format": mf.FORMAT, "suite": suite.name, "type": "changes", "office": ledger_id,
           "sender": {"role": "office", "id": ledger_id}, "key_fingerprint": crypto.key_id(signing.public_of(key)),
           "recipient": crypto.key_id(enc), "sequence": 1,
           "previous_hash": mf.GENESIS_HASH, "created_at": mf.utc_text(now),
           "expires_at": mf.utc_text(now + timedelta(days=1)), "change_range": [1, 1], "counts": {"changes": 1}}
    # sealed with the AAD bound to this manifest (format 2), so the bomb reaches the inflater
    sealed = crypto.seal(zlib.compress(b"\0" * (20 << 20), 9), enc, bundle.payload_aad(doc))
    doc["payload"] = {suite.hash_name: suite.hash_hex(sealed), "size": len(sealed), "plain_size": 1000,
                      "encoding": "zlib", "encryption": suite.encryption}
    raw = mf.dump(doc)
    bomb = container.pack(raw, signing.sign(key, signing.Use.BUNDLE_MANIFEST, raw), sealed)
    assert len(bomb) < 100_000
    assert _refused_by_intake(intake_dir, bomb) == "BUNDLE_BOMB"


def test_http_refusals_are_one_sentence_and_oversize_is_refused_before_reading(office, tmp_path, data_dir):
    intake_dir = pair(office, tmp_path)
    srv = serve(Intake(intake_dir, limits=Limits(max_file_bytes=4096)), "127.0.0.1", 0)
    url = f"http://127.0.0.1:{srv.server_address[1]}/bundles"
    key, ledger_id = office_signing(data_dir)
    try:
        for body, status, code, signed in ((b"not a bundle", 401, "AUTH_MISSING", False),
                                           (b"not a bundle", 422, "BUNDLE_NOT_A_BUNDLE", True),
                                           (b"x" * 5000, 413, "BUNDLE_OVERSIZED", True)):
            headers = reqauth.sign_headers(key, ledger_id, "POST", "/bundles", len(body)) if signed else {}
            req = urllib.request.Request(url, data=body, method="POST", headers=headers)
            with pytest.raises(urllib.error.HTTPError) as info:
                urllib.request.urlopen(req, timeout=10)
            assert info.value.code == status
            doc = json.loads(info.value.read())
            assert doc["code"] == code and doc["message_zh"].endswith("。")
    finally:
        srv.shutdown()
        srv.server_close()


@pytest.mark.parametrize("use", ["DOCUMENT", "RECEIPT", "KEY_ENDORSEMENT", "BACKUP_MANIFEST"])
def test_a_signature_made_for_another_use_cannot_stand_in_for_a_manifest(exported, data_dir, use):
    """Issue 14: the office key's signature over the very manifest bytes, made under another domain tag
    (a notice, a receipt, a key endorsement, a backup manifest), is refused as a bundle signature."""
    intake_dir, path = exported
    parts = members(path.read_bytes())
    key, _ = office_signing(data_dir)
    raw = parts["manifest.json"]
    other = signing.sign(key, signing.Use[use], raw)
    assert _refused_by_intake(intake_dir, container.pack(raw, other, parts["payload.bin"])) == "BUNDLE_BAD_SIGNATURE"
    genuine = signing.sign(key, signing.Use.BUNDLE_MANIFEST, raw)   # the same bytes under the right tag pass
    Intake(intake_dir).receive(container.pack(raw, genuine, parts["payload.bin"]))
