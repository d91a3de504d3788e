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
from tests.e2e.sync_support import add_subject, export, move_to_gm, pair


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


@pytest.mark.parametrize("suite", ["intl/1", "gm/1"])
def test_r14_the_bench_measures_both_suites_against_their_own_floors(tmp_path, suite):
    """The benchmark itself (perf tests are deselected by default) runs in both suites: the move to gm/1 is the
    administrator's (R14); a clerk's session rotating the keys broke the gm/1 figures."""
    from credit_desk.bench.io_figures import sync_rates
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
    _, intl_down = intake.publish(ledger, [cal])                     # intl/1, to the old X25519 key
    move_to_gm(office, tmp_path, intake_dir)
    add_subject(office)
    gm_bundle = Path(export(office, tmp_path / "usb")[0]["file"]).read_bytes()
    _, gm_down = intake.publish(ledger, [{**cal, "version": 3}])     # gm/1 now that the platform pinned
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
