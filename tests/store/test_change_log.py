"""Every mutation writes its audit row and change-log row in the same transaction, or nothing at all."""

import pytest

from credit_desk.services import accounts, auth, ledgers, subjects
from tests.conftest import ADMIN_PW, PASSPHRASE, USER_PW, business_login


@pytest.fixture
def session(data_dir):
    desk, _ = ledgers.init_office(data_dir, office="清江浦区信用办", region="320812", admin="admin",
                                  admin_password=ADMIN_PW, recovery_passphrase=PASSPHRASE)
    yield auth.login(desk, "admin", ADMIN_PW)
    desk.close()


def _counts(session):
    q = session.ledger.conn.execute
    return q("SELECT count(*) FROM audit").fetchone()[0], q("SELECT count(*) FROM changes").fetchone()[0]


def test_mutation_writes_audit_and_change_together(session):
    session = business_login(session)  # subjects are a clerk's business, not the administrator's (R14)
    a0, c0 = _counts(session)
    s = subjects.add_subject(session, kind="natural_person", name="王小明", id_type="ric",
                             id_number="11010519491231002X")
    a1, c1 = _counts(session)
    assert (a1 - a0, c1 - c0) == (1, 1)
    change = session.ledger.query("SELECT * FROM changes ORDER BY id DESC LIMIT 1")[0]
    assert change["entity"] == "subject" and change["entity_id"] == str(s.id) and change["op"] == "insert"


def test_failure_inside_the_transaction_leaves_nothing(session, monkeypatch):
    session = business_login(session)
    a0, c0 = _counts(session)
    from credit_desk.store import subjects as repo

    def boom(*a, **k):
        raise RuntimeError("power cut")
    monkeypatch.setattr(repo, "state", boom)
    with pytest.raises(RuntimeError):
        subjects.add_subject(session, kind="natural_person", name="王小明", id_type="ric",
                             id_number="11010519491231002X")
    assert _counts(session) == (a0, c0)
    assert session.ledger.query("SELECT count(*) AS n FROM subjects")[0]["n"] == 0


def test_change_log_ids_are_monotonic_and_append_only(session):
    accounts.add_user(session, "clerk1", "clerk", USER_PW)
    ids = [r["id"] for r in session.ledger.query("SELECT id FROM changes ORDER BY id")]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    import sqlcipher3
    with pytest.raises(sqlcipher3.DatabaseError):
        session.ledger.conn.execute("DELETE FROM changes")
    with pytest.raises(sqlcipher3.DatabaseError):
        session.ledger.conn.execute("UPDATE audit SET purpose = 'x'")


def test_refused_action_is_audited(session):
    accounts.add_user(session, "clerk1", "clerk", USER_PW)
    clerk = auth.login(session.desk, "clerk1", USER_PW)
    from credit_desk.domain.errors import PermissionDenied
    with pytest.raises(PermissionDenied):
        accounts.add_user(clerk, "clerk2", "clerk", USER_PW)
    last = session.ledger.query("SELECT * FROM audit ORDER BY id DESC LIMIT 1")[0]
    assert last["username"] == "clerk1" and last["outcome"] == "refused" and last["action"] == "user.manage"


def test_lockout_expires_after_the_configured_minutes(session):
    from datetime import datetime, timedelta
    from credit_desk.domain.errors import AuthError
    accounts.add_user(session, "clerk1", "clerk", USER_PW)
    desk = session.desk
    t0 = datetime(2026, 11, 2, 9, 0)
    desk.clock = lambda: t0
    for _ in range(5):
        with pytest.raises(AuthError):
            auth.login(desk, "clerk1", "wrong-password")
    with pytest.raises(AuthError) as err:
        auth.login(desk, "clerk1", USER_PW)
    assert err.value.code == "ACCOUNT_LOCKED"
    desk.clock = lambda: t0 + timedelta(minutes=15, seconds=1)
    assert auth.login(desk, "clerk1", USER_PW).user.username == "clerk1"


def test_r14_change_log_and_row_times_read_the_desk_clock_not_the_machines(session):
    """The change log the platform receives and every row's time stamp carry the desk's (injected) clock, like the
    audit rows: a ledger whose clock is a day and a half off the machine's writes that clock's time everywhere."""
    from datetime import datetime, timedelta
    session = business_login(session)
    desk_now = (datetime.now() + timedelta(days=1, hours=12)).replace(microsecond=0)
    session.desk.clock = lambda: desk_now
    s = subjects.add_subject(session, kind="natural_person", name="王小明", id_type="ric",
                             id_number="11010519491231002X")
    change = session.ledger.query("SELECT ts FROM changes ORDER BY id DESC LIMIT 1")[0]
    audit = session.ledger.query("SELECT ts FROM audit ORDER BY id DESC LIMIT 1")[0]
    row = session.ledger.query("SELECT created_at FROM subjects WHERE id = ?", [s.id])[0]
    assert change["ts"] == audit["ts"] == row["created_at"] == desk_now.isoformat(timespec="seconds")


def test_r14_every_refused_login_is_logged_with_who_and_why(session):
    """R14 (att23, issue 23): a wrong password, an unknown or deactivated user and an attempt on a locked account
    each leave an audit row, refused, and no change row (the platform hears nothing of logins). Skipping the
    wrong-password row (auth._check) left the whole suite's login tests green: they checked the refusal only."""
    from datetime import datetime
    from credit_desk.domain.errors import AuthError
    accounts.add_user(session, "clerk1", "clerk", USER_PW)
    desk = session.desk
    desk.clock = lambda: datetime(2026, 11, 2, 9, 0)
    last = session.ledger.query("SELECT max(id) AS n FROM audit")[0]["n"]
    changes = session.ledger.query("SELECT count(*) AS n FROM changes")[0]["n"]
    for name, password in [("clerk1", "wrong-password")] * 5 + [("nobody", "x"), ("clerk1", USER_PW)]:
        with pytest.raises(AuthError):
            auth.login(desk, name, password)
    rows = session.ledger.query("SELECT username, action, outcome, detail FROM audit WHERE id > ? ORDER BY id",
                                [last])
    assert [(r["username"], r["action"], r["outcome"]) for r in rows] == \
        [("clerk1", "login.failed", "refused")] * 5 + [("nobody", "login.failed", "refused"),
                                                       ("clerk1", "login.locked", "refused")]
    assert (rows[3]["detail"], rows[4]["detail"]) == ('{"locked":false}', '{"locked":true}')   # the fifth locks
    assert session.ledger.query("SELECT count(*) AS n FROM changes")[0]["n"] == changes
