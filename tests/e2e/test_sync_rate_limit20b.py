"""Issue 20 (att20b), the office side of the platform's rate limit: 429 is "later", not a refusal."""

from __future__ import annotations

import json

import pytest

from credit_desk.intake.receiver import Intake
from credit_desk.intake.server import ServerConfig, serve
from tests.conftest import with_business_accounts
from tests.e2e.sync_support import add_subject, export, pair, uscc


@pytest.fixture
def office(office, secret_files):
    return with_business_accounts(office, secret_files)


def test_r14_the_office_waits_out_the_platforms_rate_limit_instead_of_reporting_a_refusal(office, tmp_path):
    """The platform answers an office over its request rate 429 RATE_LIMITED with Retry-After. The office took any
    4xx as final: the send of its second pending bundle stopped with "市平台拒收" (the clerk reads: refused) and
    the downstream check was skipped without a word. It now waits Retry-After (or its backoff) and retries; both
    bundles are acknowledged in one send."""
    intake_dir = pair(office, tmp_path)
    add_subject(office)
    export(office, tmp_path / "usb")  # bundle 1 pending (made, not yet received)
    add_subject(office, "淮安市第二测试有限公司", uscc(6))
    intake = Intake(intake_dir)
    srv = serve(intake, "127.0.0.1", 0, ServerConfig(rate_per_second=1.0, rate_burst=1))
    try:
        code, out, err = office("--json", "bundle", "export", "--send", "--url",
                                f"http://127.0.0.1:{srv.server_address[1]}")
        assert code == 0, out + err
        assert [r["bundle"] for r in json.loads(out)["receipts"]] == [1, 2]
    finally:
        srv.shutdown()
        intake.close()
    status = json.loads(office("--json", "bundle", "status")[1])
    assert status["pending"] == [] and status["last_seq"] == 2
