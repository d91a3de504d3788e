"""Real-world input (issue 15): an office ledger with an injected clock, and helpers to make ID numbers."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from stdnum.cn import ric

from credit_desk.services import accounts, auth, ledgers
from tests.conftest import ADMIN_PW, PASSPHRASE, USER_PW

NOW = datetime(2026, 11, 30, 10, 0)  # the injected clock of these tests; dates below are relative to it


def with_check(body17: str) -> str:
    """A GB 11643 number with its ISO 7064 MOD 11-2 check character."""
    return body17 + ric.calc_check_digit(body17 + "0")


def born(address6: str, days_from_now: int, seq: str = "123") -> str:
    """An 18-digit ID for someone born ``days_from_now`` days from the injected clock (negative: past)."""
    d = (NOW + timedelta(days=days_from_now)).date()
    return with_check(f"{address6}{d:%Y%m%d}{seq}")


@pytest.fixture
def desk(data_dir):
    desk, _ = ledgers.init_office(data_dir, office="清江浦区信用办", region="320812", admin="admin",
                                  admin_password=ADMIN_PW, recovery_passphrase=PASSPHRASE)
    desk.clock = lambda: NOW
    yield desk
    desk.close()


@pytest.fixture
def admin(desk):
    return auth.login(desk, "admin", ADMIN_PW)


@pytest.fixture
def clerk(desk, admin):
    accounts.add_user(admin, "clerk1", "clerk", USER_PW, "办事员甲")
    return auth.login(desk, "clerk1", USER_PW)


def clerk_cli(office, secret_files):
    """The office CLI as a clerk (经办): business commands are not the administrator's (issue 14)."""
    code, _, err = office("user", "add", "clerk1", "--role", "clerk", "--password-file", str(secret_files["user"]))
    assert code == 0, err

    def run(*argv, user="clerk1", password=USER_PW):
        return office(*argv, user=user, password=password)
    return run
