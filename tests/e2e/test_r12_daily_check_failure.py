"""R12 with R14: the day's expiry check runs before every CLI command; one that cannot finish is undone whole and
said, and the command goes on — it must not shut every user out of the ledger. A late expiry run once raised
R5_NUMBER_ORDER inside the check at each login, so even `case show` was refused for everyone (found by rep32)."""

from __future__ import annotations

import json

from credit_desk.domain.errors import ValidationError
from credit_desk.services import case_exits
from tests.conftest import CLERK_NAME, USER_PW


def test_r12_a_daily_check_that_fails_is_said_and_the_command_goes_on(business, monkeypatch):
    calls = []

    def broken(session, on=None):
        calls.append(on)
        raise ValidationError("R5_NUMBER_ORDER", "文书登记簿的上一个文号已于2026-11-01出具。",
                              "The register's last number was issued on 2026-11-01.", field="on")

    monkeypatch.setattr(case_exits, "expire_listings", broken)
    for _ in range(2):
        code, out, err = business("--json", "due", user=CLERK_NAME, password=USER_PW)
        assert code == 0, err
        assert isinstance(json.loads(out), list)  # the command itself answered
        assert "今日的到期检查未能完成，已全部撤回" in err and "文书登记簿的上一个文号" in err
        assert "Today's expiry check could not finish" in err
    assert len(calls) == 2  # not marked as done: the next command tries again
