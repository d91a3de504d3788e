"""Attacks on the two suites (issue 22, second pass): a 密评 reviewer and the platform's IT try suite confusion,
downgrades around a rotation, replays across suites, SM2 signatures with another signer ID, and the rotation while
bundles are still on a USB stick."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from credit_desk.intake.receiver import Intake
from tests.conftest import with_business_accounts
from credit_desk.sync.limits import DEFAULT
from tests.e2e.sync_support import add_subject, export, members, move_to_gm, pair, uscc


@pytest.fixture
def office(office, secret_files):
    return with_business_accounts(office, secret_files)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_r14_receipt_for_an_intl_bundle_still_on_the_stick_is_accepted_after_the_office_moved(office, tmp_path):
    intake_dir = pair(office, tmp_path)
    add_subject(office)
    usb = export(office, tmp_path / "usb")[0]["file"]          # intl/1 bundle 1, on the stick
    code, out, err = office("--json", "keys", "rotate", "--suite", "gm/1", user="admin")
    assert code == 0, out + err
    receipt, _ = Intake(intake_dir).receive(Path(usb).read_bytes())  # before the platform pinned the gm/1 keys
    code, out, err = office("--json", "bundle", "import", str(_write(tmp_path / "r1.cdb", receipt)))
    assert code == 0, out + err
    # replay across suites: the platform, now holding the office's gm/1 keys, makes the receipt again (the stored
    # one expired) in gm/1 — a new file, another suite, the same answer: refused as a replay
    from datetime import datetime, timedelta
    code, out, err = office("--json", "keys", "export-public", "--to", str(tmp_path / "gm.keys.json"), user="admin")
    assert code == 0, out + err
    Intake(intake_dir).rotate_office_keys((tmp_path / "gm.keys.json").read_bytes(), actor="平台运维 王工",
                                          reason="单位改用商用密码 gm/1")
    later = Intake(intake_dir, clock=lambda: datetime.now() + timedelta(days=31))
    again = later.receipt(json.loads(office("--json", "keys", "show")[1])["office"], 1)
    assert json.loads(members(again)["manifest.json"])["suite"] == "gm/1"
    code, out, err = office("--json", "bundle", "import", str(_write(tmp_path / "r1-gm.cdb", again)))
    assert code != 0 and "RECEIPT_REPLAY" in out + err


@pytest.mark.parametrize("suite", ["intl/1", "gm/1"])
def test_r14_the_bench_measures_both_suites_against_their_own_floors(tmp_path, suite):
    """The benchmark itself (perf tests are deselected by default) runs in both suites: the move to gm/1 is the
    administrator's (R14); a clerk's session rotating the keys broke the gm/1 figures."""
    from credit_desk.bench.sync_figures import sync_rates
    r = sync_rates(tmp_path, 30, suite)
    assert r["suite"] == suite and r["changes"] >= 30
    assert r["floor_s"] > 0 and r["export_s"] > 0 and r["intake_s"] > 0


def test_r14_after_the_platform_answered_in_gm_an_intl_file_from_it_is_a_downgrade(office, tmp_path):
    """The floor for platform files is what the platform already used, per kind: a receipt never below the suite
    of the bundle it answers, a downstream bundle never below the last one applied."""
    intake_dir = pair(office, tmp_path)
    ledger = json.loads(office("--json", "keys", "show")[1])["office"]
    intake = Intake(intake_dir)
    cal = {"kind": "calendar", "version": 2,
           "data": {"year": 2031, "source": "国务院办公厅 2030年通知", "days": {"2031-01-01": False}}}
    _, on_stick = intake.publish(ledger, [cal])                     # intl/1, to the old X25519 key
    _, intl_down = intake.publish(ledger, [{**cal, "version": 3}])  # intl/1 too
    move_to_gm(office, tmp_path, intake_dir)
    code, out, err = office("--json", "bundle", "import", str(_write(tmp_path / "d0.cdb", on_stick)))
    assert code == 0, out + err  # made before the move, opened with the office's old key: accepted
    add_subject(office)
    gm_bundle = Path(export(office, tmp_path / "usb")[0]["file"]).read_bytes()
    _, gm_down = intake.publish(ledger, [{**cal, "version": 4}])     # gm/1 now that the platform pinned
    code, out, err = office("--json", "bundle", "import", str(_write(tmp_path / "d2.cdb", gm_down)))
    assert code == 0, out + err
    code, out, err = office("--json", "bundle", "import", str(_write(tmp_path / "d1.cdb", intl_down)))
    assert code != 0 and "BUNDLE_SUITE_DOWNGRADE" in out + err
    # a receipt for the gm/1 bundle made in intl/1 (by the platform's intl/1 key, to the office's old key)
    import base64
    from datetime import datetime, timedelta
    from credit_desk.sync import bundle, manifest as mf, payload
    plat = json.loads((intake_dir / "platform.key.json").read_text())
    opened = bundle.open_bytes(gm_bundle, DEFAULT)
    old_enc = base64.b64decode(json.loads((tmp_path / "office.keys.json").read_text())["enc_public"])
    now = datetime.now()
    fields = {"type": "receipt", "sender": {"role": "platform", "id": plat_id(intake_dir)}, "office": ledger,
              "sequence": 1, "previous_hash": opened.digest, "answers": {"sequence": 1, "sha256": opened.digest},
              "created_at": mf.utc_text(now), "expires_at": mf.utc_text(now + timedelta(days=30)),
              "counts": {"accepted": 1, "rejected": 0}}
    forged, _ = bundle.make(fields, payload.receipt_doc([opened.manifest.change_range[0]], []),
                            bytes.fromhex(plat["sign_private"]), old_enc)
    code, out, err = office("--json", "bundle", "import", str(_write(tmp_path / "r-intl.cdb", forged)))
    assert code != 0 and "BUNDLE_SUITE_DOWNGRADE" in out + err


def plat_id(intake_dir: Path) -> str:
    return json.loads((intake_dir / "platform.json").read_text())["platform"]


def test_r14_intake_suites_sets_what_the_platform_accepts_audited_and_never_below_what_an_office_sends(
        office, tmp_path):
    intake_dir = pair(office, tmp_path)
    ledger = json.loads(office("--json", "keys", "show")[1])["office"]
    running = Intake(intake_dir)  # as `intake serve` would hold it: follows the change without a restart
    base = ("--json", "intake", "suites", "--data", str(intake_dir), "--office", ledger)
    code, out, err = office(*base, user=None)
    assert code == 0 and json.loads(out)["suites"] == ["intl/1", "gm/1"], out + err
    code, out, err = office(*base, "--set", "gm/1", user=None)  # no actor, no reason: nothing changes
    assert code != 0 and "ROTATION_REASON_MISSING" in out + err
    assert "suites" not in json.loads((intake_dir / "platform.json").read_text())
    code, out, err = office(*base, "--set", "gm/1", "--actor", "平台运维 王工", "--reason", "密评整改：只收商用密码",
                            user=None)
    assert code == 0 and json.loads(out)["suites"] == ["gm/1"], out + err
    audit = [a for a in running.key_audit(ledger) if a["action"] == "suites"]
    assert [(a["actor"], a["old_keys"], a["new_keys"]) for a in audit] == [
        ("平台运维 王工", ["intl/1", "gm/1"], ["gm/1"])]
    add_subject(office)
    intl_file = Path(export(office, tmp_path / "usb")[0]["file"]).read_bytes()
    from credit_desk.sync.refusals import BundleRefused
    with pytest.raises(BundleRefused) as info:
        running.receive(intl_file)
    assert info.value.code == "BUNDLE_SUITE_NOT_ALLOWED"
    code, out, err = office(*base, "--unset", "--actor", "平台运维 王工", "--reason", "过渡期仍收国际算法", user=None)
    assert code == 0, out + err
    running.receive(intl_file)
    move_to_gm(office, tmp_path, intake_dir)
    add_subject(office, number=uscc(7))
    running.receive(Path(export(office, tmp_path / "usb2")[-1]["file"]).read_bytes())  # gm/1 accepted
    code, out, err = office(*base, "--set", "intl/1", "--actor", "平台运维 王工", "--reason", "回退到国际算法", user=None)
    assert code != 0 and "SUITE_DOWNGRADE" in out + err  # it could send nothing any more
    code, out, err = office("--json", "intake", "suites", "--data", str(intake_dir), "--set", "intl/1",
                            "--actor", "平台运维 王工", "--reason", "回退全部单位", user=None)
    assert code != 0 and "SUITE_DOWNGRADE" in out + err
    assert running.allowed_suites(ledger) == ("intl/1", "gm/1")


def test_r14_keys_suites_lets_the_office_refuse_intl_files_from_the_platform_after_its_move(office, tmp_path):
    """The office's counterpart of `intake suites`: after the move, its administrator may accept the platform's
    files in gm/1 only (audited, a change-log row); a clerk may not; the office's own suite cannot be left out."""
    intake_dir = pair(office, tmp_path)
    add_subject(office)
    usb = export(office, tmp_path / "usb")[0]["file"]          # intl/1 bundle 1, on the stick
    code, out, err = office("--json", "keys", "suites", "--accept", "gm/1", user="admin")
    assert code != 0 and "SUITE_NOT_ALLOWED" in out + err      # still intl/1: its own suite must be in
    assert office("--json", "keys", "rotate", "--suite", "gm/1", user="admin")[0] == 0
    code, out, err = office("--json", "keys", "suites", "--accept", "gm/1")  # the clerk (R14)
    assert code != 0 and "ROLE_FORBIDDEN" in out + err
    code, out, err = office("--json", "keys", "suites", "--accept", "gm/1", user="admin")
    assert code == 0 and json.loads(out)["suites"] == ["gm/1"], out + err
    receipt, _ = Intake(intake_dir).receive(Path(usb).read_bytes())  # intl/1: the platform has not pinned yet
    code, out, err = office("--json", "bundle", "import", str(_write(tmp_path / "r1.cdb", receipt)))
    assert code != 0 and "BUNDLE_SUITE_NOT_ALLOWED" in out + err
    code, out, err = office("--json", "keys", "suites", "--reset", user="admin")
    assert code == 0 and json.loads(out)["suites"] == ["intl/1", "gm/1"], out + err
    code, out, err = office("--json", "bundle", "import", str(tmp_path / "r1.cdb"))
    assert code == 0, out + err
    from credit_desk.services import ledgers
    desk = ledgers.unlock(Path(office.data_dir), read_only=True)
    try:
        rows = desk.ledger.conn.execute("SELECT action, username, detail FROM audit WHERE action = 'keys.suites' "
                                        "ORDER BY id").fetchall()
        logged = desk.ledger.conn.execute("SELECT count(*) FROM changes WHERE entity = 'setting' AND "
                                          "entity_id = 'suites.accept'").fetchone()[0]
    finally:
        desk.close()
    assert [(r[0], r[1], json.loads(r[2])["suites"]) for r in rows] == [
        ("keys.suites", "admin", ["gm/1"]), ("keys.suites", "admin", "pinned")]
    assert logged == 2


def test_r14_a_gm_key_endorsing_an_intl_key_is_a_downgrade_and_teaches_the_platform_nothing(office, tmp_path,
                                                                                             data_dir):
    """The office refuses `keys rotate --suite intl/1` after its move; the platform must refuse the same step when
    it arrives as an endorsement in a bundle (a gm/1 key vouching for an intl/1 successor), or it would learn an
    Ed25519 key for an office in gm/1 — good for its signed HTTP requests."""
    from datetime import datetime, timedelta
    from credit_desk.domain import signing
    from credit_desk.sync import bundle, keyfiles, manifest as mf
    from credit_desk.sync.refusals import BundleRefused
    from tests.e2e.sync_support import office_signing
    intake_dir = pair(office, tmp_path)
    move_to_gm(office, tmp_path, intake_dir)
    gm_key, ledger = office_signing(data_dir)
    intl_key = signing.new_private("intl/1")
    intl_pub = signing.public_of(intl_key)
    chain = [{"suite": "intl/1", "public_key": keyfiles.b64(intl_pub),
              "endorsed_by": signing.suites.get("gm/1").key_id(signing.public_of(gm_key)),
              "signature": keyfiles.b64(signing.sign(gm_key, signing.Use.KEY_ENDORSEMENT,
                                                     keyfiles.endorsement_message(intl_pub)))}]
    plat = json.loads((intake_dir / "platform.keys.json").read_text())
    import base64
    now = datetime.now()
    line = b'{"t":"change","id":1,"ts":"2026-01-01T00:00:00","entity":"subject","entity_id":"9","op":"insert","state":{}}\n'
    fields = {"type": "changes", "sender": {"role": "office", "id": ledger, "region": "320812", "code": "x"},
              "office": ledger, "sequence": 1, "previous_hash": mf.GENESIS_HASH, "created_at": mf.utc_text(now),
              "expires_at": mf.utc_text(now + timedelta(days=3)), "change_range": [1, 1],
              "counts": {"changes": 1, "attachments": 0}, "key_endorsements": chain}
    data, _ = bundle.make(fields, line, gm_key, base64.b64decode(plat["suites"]["gm/1"]["enc_public"]))
    intake = Intake(intake_dir)
    with pytest.raises(BundleRefused) as info:
        intake.receive(data)
    assert info.value.code == "BUNDLE_SUITE_DOWNGRADE"
    assert all(k["public"] != intl_pub for k in intake.office_sign_keys(ledger))


def _old_key_bundle(ledger: str, intake_dir: Path, old_key: bytes, seq: int, prev: str, made) -> bytes:
    """A changes bundle signed with the office's rotated-out key, claiming to be made at ``made``: what someone
    holding the old private key (the office ledger keeps it) can produce."""
    import base64
    from datetime import timedelta
    from credit_desk.sync import bundle, manifest as mf
    plat = json.loads((intake_dir / "platform.keys.json").read_text())
    line = (b'{"t":"change","id":999999,"ts":"2026-01-01T00:00:00","entity":"subject","entity_id":"9",'
            b'"op":"insert","state":{}}\n')
    fields = {"type": "changes", "sender": {"role": "office", "id": ledger, "region": "320812", "code": "x"},
              "office": ledger, "sequence": seq, "previous_hash": prev, "created_at": mf.utc_text(made),
              "expires_at": mf.utc_text(made + timedelta(days=30)), "change_range": [999999, 999999],
              "counts": {"changes": 1, "attachments": 0}}
    data, _ = bundle.make(fields, line, old_key, base64.b64decode(plat["enc_public"]))
    return data


@pytest.mark.parametrize("platform_learns", ["rotate-keys", "endorsement"])
def test_r14_a_backdated_bundle_signed_by_the_rotated_out_key_above_its_last_sequence_is_refused(
        office, tmp_path, data_dir, platform_learns):
    """R14 / issue 22: the rotation carries the last bundle sequence the old key signed (key-endorsement/2, signed
    by the old key). Once the platform knows the rotation — from the office's key file (`intake rotate-keys`) or
    from the chain of a bundle signed by the new key — a bundle signed by the old key above that sequence is
    refused whatever date it claims; the bundle still on the USB stick (sequence 1 = the bound) is accepted."""
    from datetime import datetime, timedelta
    from credit_desk.sync import bundle
    from credit_desk.sync.refusals import BundleRefused
    from tests.e2e.sync_support import office_signing
    intake_dir = pair(office, tmp_path)
    add_subject(office)
    usb = Path(export(office, tmp_path / "usb")[0]["file"]).read_bytes()   # bundle 1, old key, on the stick
    old_key, ledger = office_signing(data_dir)
    code, out, err = office("--json", "keys", "rotate", user="admin")
    assert code == 0, out + err
    code, out, err = office("--json", "keys", "export-public", "--to", str(tmp_path / "new.keys.json"), user="admin")
    assert code == 0, out + err
    chain = json.loads((tmp_path / "new.keys.json").read_text())["endorsements"]
    assert [e["last_sequence"] for e in chain] == [1]                      # signed into the endorsement
    intake = Intake(intake_dir)
    if platform_learns == "rotate-keys":                                    # closes the old key now
        import time
        time.sleep(1.1)  # manifest times are whole seconds: the stick's bundle was made before the close
        intake.rotate_office_keys((tmp_path / "new.keys.json").read_bytes(), actor="平台运维 王工",
                                  reason="单位更换签名密钥")
    intake.receive(usb)                                                     # the USB-stick case: still accepted
    head = bundle.open_bytes(usb, DEFAULT).digest
    seq = 2
    if platform_learns == "endorsement":                                    # the old key is never closed here
        add_subject(office, number=uscc(7))
        second = Path(export(office, tmp_path / "usb2")[-1]["file"]).read_bytes()  # new key, chain in manifest
        intake.receive(second)
        head, seq = bundle.open_bytes(second, DEFAULT).digest, 3
    made = datetime.now() - timedelta(hours=1)                             # before the platform closed the key
    forged = _old_key_bundle(ledger, intake_dir, old_key, seq, head, made)
    with pytest.raises(BundleRefused) as info:
        intake.receive(forged)
    assert info.value.code == "BUNDLE_KEY_RETIRED", info.value.en
    assert info.value.zh.startswith("同步包由单位已更换的旧签名密钥签署") and f"（序号 1）" in info.value.zh
    assert intake.store.state(ledger)["last_seq"] == seq - 1               # nothing filed
    assert [k["last_seq"] for k in intake.office_sign_keys(ledger)] == [1, None]
