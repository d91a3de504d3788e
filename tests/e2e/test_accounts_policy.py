"""Issue 14 item 6 (等保 2.0 identity management): passwords of at least 10 characters that zxcvbn does not find
common or guessable; a lock-out that a wrong clock cannot stretch to 2028. On a real ledger."""

from __future__ import annotations

import datetime as dt

import pytest

from credit_desk.domain.errors import AuthError
from credit_desk.services import auth, ledgers
from tests.conftest import USER_PW


@pytest.mark.parametrize("password,code", [
    ("short-1", "PASSWORD_TOO_SHORT"), ("password123", "PASSWORD_COMMON"), ("1234567890", "PASSWORD_COMMON"),
    ("qwertyuiop", "PASSWORD_COMMON"), ("clerk2clerk2", "PASSWORD_COMMON"),
])
def test_weak_passwords_are_refused_and_no_account_made(office, secret_files, tmp_path, password, code):
    pw = tmp_path / "pw.txt"
    pw.write_text(password)
    rc, out, err = office("--json", "user", "add", "clerk2", "--role", "clerk", "--password-file", str(pw))
    assert rc == 1 and f'"{code}"' in out, (out, err)
    rc, out, _ = office("--json", "user", "list")
    assert "clerk2" not in out


def test_a_lockout_under_a_wrong_clock_does_not_last_until_then(office, data_dir, secret_files):
    rc, _o, err = office("user", "add", "clerk1", "--role", "clerk", "--password-file", str(secret_files["user"]))
    assert rc == 0, err
    desk = ledgers.unlock(data_dir)
    try:
        real = dt.datetime.now()
        desk.clock = lambda: real + dt.timedelta(days=730)     # the PC's clock set two years ahead
        for _ in range(5):
            with pytest.raises(AuthError):
                auth.login(desk, "clerk1", "wrong-password-x")
        with pytest.raises(AuthError) as err:
            auth.login(desk, "clerk1", USER_PW)
        assert err.value.code == "ACCOUNT_LOCKED"                # locked for now, under that clock
        desk.clock = lambda: real                                 # the clock put right
        assert auth.login(desk, "clerk1", USER_PW).user.username == "clerk1"
    finally:
        desk.close()
