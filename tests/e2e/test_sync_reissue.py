"""A bundle the platform never acknowledged, past its expiry, is made again under the SAME sequence number at the
next export (services/sync._reissue_expired; docs/bundle-format.md), with its audit row — and the platform takes
it. No test walked this path (att23, issue 23): the export with the reissue removed left every sync test green
(test_sync_refusals, _roundtrip, _downstream, test_service_effects_sync, test_bundle_split,
test_platform_attacks20: 67 passed), so an office back after a long pause (90 days, limits.BUNDLE_VALID_DAYS) could only send bundles the
platform refuses as expired."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from credit_desk.intake.receiver import Intake
from credit_desk.sync.refusals import BundleRefused
from tests.conftest import with_business_accounts
from tests.e2e.case_kit import advance
from tests.e2e.sync_support import add_subject, export, pair, uscc


@pytest.fixture
def office(office, secret_files):
    return with_business_accounts(office, secret_files)


def test_an_expired_unacknowledged_bundle_is_made_again_under_its_own_number(pinned_clock, office, tmp_path):
    intake_dir = pair(office, tmp_path)
    add_subject(office)
    first = export(office, tmp_path / "usb1")
    assert [b["seq"] for b in first] == [1]
    stale = Path(first[0]["file"]).read_bytes()
    advance(office, pinned_clock, "2027-03-15")          # 105 days later: past the bundle's 90 days, never sent
    with pytest.raises(BundleRefused) as refused:
        Intake(intake_dir).receive(stale)
    assert refused.value.code == "BUNDLE_EXPIRED"
    add_subject(office, name="淮安市鑫源建材二分公司", number=uscc(7))
    again = export(office, tmp_path / "usb2")
    assert [b["seq"] for b in again] == [1, 2]          # the same number made again, then the new changes
    fresh = Path(again[0]["file"]).read_bytes()
    assert fresh != stale
    intake = Intake(intake_dir)
    for b in again:
        intake.receive(Path(b["file"]).read_bytes())     # accepted: in its period, the chain unbroken
    code, out, err = office("--json", "audit", "log", "--limit", "50", user="audit1")
    assert code == 0, err
    reissued = [r for r in json.loads(out) if r["action"] == "bundle.reissue"]
    assert [(r["object_id"], json.loads(r["detail"])["reason"]) for r in reissued] == [("1", "expired")]
