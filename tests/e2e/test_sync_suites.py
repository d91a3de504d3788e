"""The office ↔ platform sync in both suites (issue 22): an office that moved to gm/1 (SM2/SM3/SM4) — a rotation
recorded on both sides — sends, is answered and is updated exactly as an intl/1 one; every byte of a real bundle
matters; replays, rollbacks and downgrades are refused; stock OpenSSL verifies and unwraps a real exported bundle."""

from __future__ import annotations

import base64
import json
import zlib
from pathlib import Path

import pytest

from credit_desk.domain import signing, suites
from credit_desk.domain.errors import DomainError
from credit_desk.intake.receiver import Intake
from credit_desk.intake.server import serve
from credit_desk.store import office_keys
from credit_desk.sync import bundle, manifest as mf
from credit_desk.sync.limits import DEFAULT
from credit_desk.sync.refusals import BundleRefused
from tests.e2e.sync_support import add_subject, craft, export, members, move_to_gm, office_signing, pair, session
from tests.conftest import with_business_accounts
from tests.unit.test_suite_bundles import openssl_unwrap, openssl_verify_gm_manifest


@pytest.fixture
def office(office, secret_files):
    """Bundles, subjects and receipts are the clerk's (R14 separation of duties); keys name user="admin"."""
    return with_business_accounts(office, secret_files)


@pytest.fixture(params=suites.NAMES)
def paired(request, office, tmp_path):
    intake_dir = pair(office, tmp_path)
    if request.param == suites.GM:
        move_to_gm(office, tmp_path, intake_dir)
    return request.param, intake_dir


def _platform_private(intake_dir: Path, name: str) -> dict:
    keys = json.loads((intake_dir / "platform.key.json").read_text())
    return keys if name == suites.INTL else keys["suites"][name]


def _ledger(office) -> str:
    return json.loads(office("--json", "keys", "show")[1])["office"]


def test_round_trip_over_http_in_both_suites(office, tmp_path, paired):
    name, intake_dir = paired
    srv = serve(Intake(intake_dir), "127.0.0.1", 0)
    try:
        add_subject(office)
        code, out, err = office("--json", "bundle", "export", "--send", "--url",
                                f"http://127.0.0.1:{srv.server_address[1]}")  # signed requests in the suite too
    finally:
        srv.shutdown()
        srv.server_close()
    assert code == 0, out + err
    result = json.loads(out)
    assert result["sent"] == [1] and result["receipts"][0]["rejected"] == 0
    stored = Intake(intake_dir).stored_changes(_ledger(office))
    assert stored and all(c["seq"] == 1 for c in stored)


def test_real_bundle_names_its_suite_and_every_byte_counts(office, tmp_path, data_dir, paired):
    name, intake_dir = paired
    add_subject(office)
    data = Path(export(office, tmp_path / "usb")[0]["file"]).read_bytes()
    doc = json.loads(members(data)["manifest.json"])
    suite = suites.get(name)
    assert doc["suite"] == name and doc["payload"]["encryption"] == suite.encryption and suite.hash_name in doc["payload"]
    plat = _platform_private(intake_dir, name)
    enc_priv = bytes.fromhex(plat["enc_private"])
    sign_priv, _ = office_signing(data_dir)
    sign_pub = signing.public_of(sign_priv)
    keys = {suite.key_id(sign_pub): sign_pub}
    for i in range(len(data)):
        bad = bytearray(data)
        bad[i] ^= 0x01
        with pytest.raises(BundleRefused):
            opened = bundle.open_bytes(bytes(bad), DEFAULT)
            bundle.verify(opened, keys, (name,))
            bundle.decrypt(opened, enc_priv, DEFAULT)
    receipt, summary = Intake(intake_dir).receive(data)
    assert summary["accepted"] >= 1 and json.loads(members(receipt)["manifest.json"])["suite"] == name
    with pytest.raises(BundleRefused) as info:  # replay
        Intake(intake_dir).receive(data)
    assert info.value.code == "BUNDLE_REPLAY"
    code, out, err = office("--json", "bundle", "import", str(_write(tmp_path / "r.cdb", receipt)))
    assert code == 0, out + err
    code, out, err = office("--json", "bundle", "import", str(tmp_path / "r.cdb"))  # receipt replay
    assert code != 0 and "RECEIPT_REPLAY" in out + err


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_downstream_in_both_suites_and_rollback_refused(office, tmp_path, paired):
    name, intake_dir = paired
    intake = Intake(intake_dir)
    cal = {"kind": "calendar", "version": 2,
           "data": {"year": 2031, "source": "国务院办公厅 2030年通知", "days": {"2031-01-01": False}}}
    _, data = intake.publish(_ledger(office), [cal])
    assert json.loads(members(data)["manifest.json"])["suite"] == name
    code, out, err = office("--json", "bundle", "import", str(_write(tmp_path / "d1.cdb", data)))
    assert code == 0, out + err
    _, older = intake.publish(_ledger(office), [{**cal, "version": 1}], check_versions=False)
    code, out, err = office("--json", "bundle", "import", str(_write(tmp_path / "d0.cdb", older)))
    assert code != 0 and "DOWNSTREAM_ROLLBACK" in out + err


def test_gm_office_downgrades_are_refused_on_both_sides(office, tmp_path, data_dir):
    intake_dir = pair(office, tmp_path)
    old_intl = bytes(office_keys_all(office, data_dir)[0].private_key)
    move_to_gm(office, tmp_path, intake_dir)
    add_subject(office)
    gm_file = Path(export(office, tmp_path / "usb")[0]["file"])
    receipt, _ = Intake(intake_dir).receive(gm_file.read_bytes())
    # the platform: an intl/1 bundle after a gm/1 one, signed by the office's old (still valid) key
    prev = bundle.open_bytes(gm_file.read_bytes(), DEFAULT).digest
    line = b'{"t":"change","id":99,"ts":"2026-01-01T00:00:00","entity":"subject","entity_id":"9","op":"insert","state":{}}\n'
    forged = craft(data_dir, intake_dir, line, seq=2, prev=prev, sign_private=old_intl)
    assert json.loads(members(forged)["manifest.json"])["suite"] == suites.INTL
    with pytest.raises(BundleRefused) as info:
        Intake(intake_dir).receive(forged)
    assert info.value.code == "BUNDLE_SUITE_DOWNGRADE" and info.value.zh.startswith("密码套件降级")
    # the office: no rotation back to intl/1
    code, out, err = office("--json", "keys", "rotate", "--suite", "intl/1", user="admin")
    assert code != 0 and "SUITE_DOWNGRADE" in out + err
    # both sides recorded the move
    audit = Intake(intake_dir).key_audit(_ledger(office))
    assert any(a["action"] == "rotate" and "gm/1" in a["reason"] for a in audit)
    code, out, err = office("--json", "audit", "verify")  # the office's chain: SHA-256, then SM3 after its marker
    assert code == 0 and json.loads(out)["ok"], out + err
    from credit_desk.services import ledgers
    desk = ledgers.unlock(data_dir, read_only=True)
    try:
        rows = desk.ledger.conn.execute("SELECT action, detail FROM audit ORDER BY id").fetchall()
    finally:
        desk.close()
    moves = [json.loads(d) for a, d in rows if a == "keys.rotate"]
    assert any(m.get("old_suite") == "intl/1" and m.get("suite") == "gm/1" for m in moves)
    assert [json.loads(d)["suite"] for a, d in rows if a == "audit.suite"] == ["gm/1"]


def office_keys_all(office, data_dir: Path):
    from credit_desk.services import ledgers
    desk = ledgers.unlock(data_dir, read_only=True)
    try:
        return office_keys.all_keys(desk.ledger.conn)
    finally:
        desk.close()


def test_stock_openssl_verifies_and_unwraps_a_real_exported_gm_bundle(office, tmp_path):
    intake_dir = pair(office, tmp_path)
    move_to_gm(office, tmp_path, intake_dir)
    add_subject(office)
    data = Path(export(office, tmp_path / "usb")[0]["file"]).read_bytes()
    parts = members(data)
    pem = (tmp_path / "office.gm.pem").read_bytes()  # what `keys export-public --pem` wrote
    done = openssl_verify_gm_manifest(parts, pem, tmp_path)
    assert done.returncode == 0 and "Signature Verified Successfully" in done.stdout, done.stderr
    tampered = dict(parts, **{"manifest.json": parts["manifest.json"].replace(b'"sequence":1', b'"sequence":9')})
    assert openssl_verify_gm_manifest(tampered, pem, tmp_path).returncode != 0
    enc_priv = bytes.fromhex(_platform_private(intake_dir, suites.GM)["enc_private"])
    key, nonce, body = openssl_unwrap(parts["payload.bin"], enc_priv, tmp_path)  # openssl pkeyutl -decrypt
    plain = zlib.decompress(suites.sm4_gcm_decrypt(key, nonce, body,
                                                   bundle.payload_aad(json.loads(parts["manifest.json"]))))
    assert b'"t":"change"' in plain


def test_a_platform_from_before_suites_adds_gm_keys_and_its_offices_pin_them(office, tmp_path):
    from credit_desk.intake.store import write_atomic, write_json
    from credit_desk.sync import keyfiles
    intake_dir = tmp_path / "intake"
    Intake.init(intake_dir)
    keys = json.loads((intake_dir / "platform.key.json").read_text())
    del keys["suites"]  # as `intake init` wrote it before issue 22
    write_json(intake_dir / "platform.key.json", keys, mode=0o600)
    old = json.loads((intake_dir / "platform.keys.json").read_text())
    write_atomic(intake_dir / "platform.keys.json", keyfiles.platform_doc(
        platform=old["platform"], name=old["name"], sign_public=base64.b64decode(old["sign_public"]),
        enc_public=base64.b64decode(old["enc_public"])))
    assert office("keys", "import-platform", str(intake_dir / "platform.keys.json"), user="admin")[0] == 0
    assert office("--json", "keys", "export-public", "--to", str(tmp_path / "o.json"), user="admin")[0] == 0
    Intake(intake_dir).register_office((tmp_path / "o.json").read_bytes())
    # no gm/1 platform key pinned yet: the move is refused (nothing could be sent after it), nothing changed
    code, out, err = office("--json", "keys", "rotate", "--suite", "gm/1", user="admin")
    assert code != 0 and "NO_PLATFORM_KEY" in out + err
    assert json.loads(office("--json", "keys", "show")[1])["suite"] == suites.INTL
    code, out, err = office("--json", "intake", "add-suite", "--data", str(intake_dir), "gm/1", user=None)
    assert code == 0, out + err
    code, out, err = office("--json", "intake", "add-suite", "--data", str(intake_dir), "gm/1", user=None)
    assert code != 0 and "SUITE_EXISTS" in out + err
    code, out, err = office("--json", "keys", "import-platform", str(intake_dir / "platform.keys.json"), user="admin")
    assert code == 0, out + err  # the intl/1 pair is the pinned one; the new gm/1 pair is pinned now
    move_to_gm(office, tmp_path, intake_dir)
    add_subject(office)
    data = Path(export(office, tmp_path / "usb")[0]["file"]).read_bytes()
    receipt, summary = Intake(intake_dir).receive(data)
    assert summary["accepted"] >= 1 and json.loads(members(receipt)["manifest.json"])["suite"] == suites.GM
    code, out, err = office("--json", "bundle", "import", str(_write(tmp_path / "r.cdb", receipt)))
    assert code == 0, out + err
