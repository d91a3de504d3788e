"""The effect helpers every writing service goes through (R14 audit, the sync change log, the clock bound) —
issue 23: a mutation run over these helpers (tests/MUTATION.md, scripts/mutation_effects.sh) is judged by this
file. A real SQLCipher ledger in tmp_path, a desk clock the test moves; expected rows written out here."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from credit_desk.domain.audit_chain import genesis_hash, verify_rows
from credit_desk.domain.errors import DomainError, PermissionDenied, ValidationError
from credit_desk.services import auth, ledgers, preferences
from credit_desk.services.base import Session, clock_mark, note_row_time, require_purpose
from credit_desk.store import meta
from credit_desk.store.tx import to_json
from tests.conftest import ADMIN_PW, PASSPHRASE, TEST_NOW


@pytest.fixture
def clock():
    return {"now": TEST_NOW}


@pytest.fixture
def admin(data_dir, clock):
    desk, _ = ledgers.init_office(data_dir, office="清江浦区信用办", region="320812", admin="admin",
                                  admin_password=ADMIN_PW, recovery_passphrase=PASSPHRASE)
    desk.clock = lambda: clock["now"]
    yield auth.login(desk, "admin", ADMIN_PW)
    desk.close()


def _last(session, table: str) -> dict:
    return session.ledger.query(f"SELECT * FROM {table} ORDER BY id DESC LIMIT 1")[0]


def _count(session, table: str) -> int:
    return session.ledger.query(f"SELECT count(*) AS n FROM {table}")[0]["n"]


def _mark(session):
    return clock_mark(session.ledger.conn)


# --- the change log row (the outbox the platform hears from) -----------------------------------------------------

def test_change_row_carries_entity_id_op_and_the_state_as_compact_sorted_json(admin):
    before = _count(admin, "changes")
    with admin.ledger.tx() as tx:
        assert tx.changes_written == 0
        first = tx.change("decision", 7, "insert", {"b": 1, "a": "张小明", "on": dt.date(2026, 11, 30)})
        second = tx.change("decision", "8", "update", {})
        assert tx.changes_written == 2
    assert second == first + 1 and _count(admin, "changes") == before + 2
    rows = admin.ledger.query("SELECT * FROM changes WHERE id IN (?, ?) ORDER BY id", (first, second))
    assert [(r["entity"], r["entity_id"], r["op"], r["state"]) for r in rows] == [
        ("decision", "7", "insert", '{"a":"张小明","b":1,"on":"2026-11-30"}'), ("decision", "8", "update", "{}")]
    assert dt.datetime.fromisoformat(rows[0]["ts"]).microsecond == 0           # seconds, ISO 8601


def test_to_json_is_canonical():
    assert to_json({"z": [1, 2], "a": {"y": None, "x": "失信"}}) == '{"a":{"x":"失信","y":null},"z":[1,2]}'
    assert to_json(dt.datetime(2026, 11, 30, 9, 0)) == '"2026-11-30 09:00:00"'


# --- the audit row (R14) ---------------------------------------------------------------------------------------

def test_r14_audit_row_is_chained_and_stamped_by_the_desk_clock(admin, clock):
    clock["now"] = TEST_NOW + dt.timedelta(minutes=3, microseconds=500)
    prev = _last(admin, "audit")
    with admin.ledger.tx() as tx:
        assert tx.clock_checked is False
        rid = admin.audit(tx, "subject.view_full", "subject", 12, purpose="核查异议", detail={"fields": ["id_number"]})
        assert tx.clock_checked is True
        assert tx.audit_head[0] == rid
    row = _last(admin, "audit")
    assert rid == prev["id"] + 1 == row["id"]
    assert {k: row[k] for k in ("ts", "username", "role", "action", "object_type", "object_id", "purpose", "detail",
                                "outcome", "prev_hash")} == {
        "ts": "2026-11-30T09:03:00", "username": "admin", "role": "admin", "action": "subject.view_full",
        "object_type": "subject", "object_id": "12", "purpose": "核查异议", "detail": '{"fields":["id_number"]}',
        "outcome": "ok", "prev_hash": prev["hash"]}
    assert len(row["hash"]) == 64 and row["hash"] != prev["hash"]
    assert tx.audit_head == (rid, row["hash"])


def test_r14_audit_row_defaults_and_the_whole_chain_verifies(admin):
    with admin.ledger.tx() as tx:
        admin.audit(tx, "settings.set", "setting", "x")
        tx.audit(username="system", role="system", action="probe", object_type="none", object_id=None)
    rows = admin.ledger.query("SELECT * FROM audit ORDER BY id DESC LIMIT 2")
    assert [(r["purpose"], r["detail"], r["outcome"]) for r in rows] == [("", "{}", "ok"), ("", "{}", "ok")]
    assert rows[0]["object_id"] == "None" and rows[1]["object_id"] == "x"
    assert dt.datetime.fromisoformat(rows[0]["ts"]).microsecond == 0          # no desk clock given: seconds
    first = admin.ledger.query("SELECT * FROM audit ORDER BY id LIMIT 1")[0]
    assert (first["id"], first["prev_hash"]) == (1, genesis_hash(admin.ledger.ledger_id))
    verdict = verify_rows(admin.ledger.query("SELECT * FROM audit ORDER BY rowid"), admin.ledger.ledger_id, None)
    assert verdict.ok, verdict


def test_r14_a_refused_outcome_is_written_as_given(admin):
    with admin.ledger.tx() as tx:
        admin.audit(tx, "subject.view_full", "subject", 3, outcome="refused", detail={"code": "R14_PURPOSE_REQUIRED"})
    row = _last(admin, "audit")
    assert (row["outcome"], row["detail"]) == ("refused", '{"code":"R14_PURPOSE_REQUIRED"}')


def test_r14_suite_marker_row_moves_the_segment_and_refuses_a_step_down(admin):
    with admin.ledger.tx() as tx:
        tx.audit(username="admin", role="admin", action="audit.suite", object_type="suite", object_id="gm/1",
                 detail={"suite": "gm/1"})
    assert meta.get_meta(admin.ledger.conn, "audit.suite") == "gm/1"
    row = _last(admin, "audit")
    assert row["action"] == "audit.suite"
    with admin.ledger.tx() as tx:
        admin.audit(tx, "settings.set", "setting", "y")
    sm3_row = _last(admin, "audit")
    assert len(sm3_row["hash"]) == 64 and sm3_row["prev_hash"] == row["hash"]
    verdict = verify_rows(admin.ledger.query("SELECT * FROM audit ORDER BY rowid"), admin.ledger.ledger_id, None)
    assert verdict.ok, verdict
    n = _count(admin, "audit")
    for detail in ({"suite": "intl/1"}, {"suite": "nope/9"}):
        with pytest.raises(ValueError, match="known, not weaker suite"):
            with admin.ledger.tx() as tx:
                tx.audit(username="admin", role="admin", action="audit.suite", object_type="suite", object_id="x",
                         detail=detail)
    assert _count(admin, "audit") == n and meta.get_meta(admin.ledger.conn, "audit.suite") == "gm/1"


# --- R14 role guard --------------------------------------------------------------------------------------------

def test_r14_a_refused_role_is_logged_and_raised(admin):
    n = _count(admin, "audit")
    with pytest.raises(PermissionDenied) as err:
        admin.require("audit.read")                       # the auditor reads the log, not the administrator
    assert err.value.code == "ROLE_FORBIDDEN"
    assert _count(admin, "audit") == n + 1
    row = _last(admin, "audit")
    assert (row["action"], row["object_type"], row["object_id"], row["outcome"], row["detail"]) == (
        "audit.read", "action", "audit.read", "refused", '{"code":"ROLE_FORBIDDEN"}')
    admin.require("user.manage")                           # allowed: nothing written
    assert _count(admin, "audit") == n + 1


# --- R14/R12: the clock bound ----------------------------------------------------------------------------------

def test_r14_each_write_moves_the_clock_mark_forward_never_back(admin, clock):
    start = _mark(admin)
    assert start == TEST_NOW
    clock["now"] = TEST_NOW + dt.timedelta(hours=2, microseconds=7)
    with admin.ledger.tx() as tx:
        admin.audit(tx, "settings.set", "setting", "a")
    assert _mark(admin) == TEST_NOW + dt.timedelta(hours=2)            # naive, whole seconds
    clock["now"] = TEST_NOW + dt.timedelta(hours=2) - dt.timedelta(minutes=4)   # synchronised back a little
    with admin.ledger.tx() as tx:
        admin.audit(tx, "settings.set", "setting", "b")
    assert _mark(admin) == TEST_NOW + dt.timedelta(hours=2)
    clock["now"] = TEST_NOW + dt.timedelta(hours=2) - dt.timedelta(minutes=6)   # turned back
    n = _count(admin, "audit")
    with pytest.raises(DomainError) as err:
        with admin.ledger.tx() as tx:
            admin.audit(tx, "settings.set", "setting", "c")
    assert err.value.code == "CLOCK_TURNED_BACK" and _count(admin, "audit") == n


def test_r14_an_aware_clock_is_compared_as_local_naive_time(admin, clock):
    clock["now"] = (TEST_NOW + dt.timedelta(hours=1)).replace(tzinfo=dt.timezone(dt.timedelta(hours=8)))
    with admin.ledger.tx() as tx:
        admin.audit(tx, "settings.set", "setting", "tz")
    assert _mark(admin) == TEST_NOW + dt.timedelta(hours=1)


def test_r12_far_ahead_clock_refused_unless_the_administrator_confirms(admin, clock):
    clock["now"] = TEST_NOW + dt.timedelta(days=30)                           # the default setting: 30 days
    with admin.ledger.tx() as tx:
        admin.audit(tx, "settings.set", "setting", "a")
    mark = _mark(admin)
    clock["now"] = mark + dt.timedelta(days=30, seconds=1)
    with pytest.raises(DomainError) as err:
        with admin.ledger.tx() as tx:
            admin.audit(tx, "settings.set", "setting", "b")
    assert err.value.code == "CLOCK_FAR_AHEAD"
    with admin.ledger.tx() as tx:
        admin.audit(tx, "clock.confirm", "clock", "", clock_confirmed=True)
    assert _mark(admin) == mark + dt.timedelta(days=30, seconds=1)
    clock["now"] = _mark(admin) + dt.timedelta(days=400)               # a desk left unused for over a year
    with admin.ledger.tx() as tx:
        admin.audit(tx, "clock.confirm", "clock", "", clock_confirmed=True)
    assert _mark(admin) == mark + dt.timedelta(days=430, seconds=1)


def test_r12_the_office_setting_bounds_the_clock(admin, clock):
    with admin.ledger.tx() as tx:
        meta.set_setting(tx, "clock_ahead_max_days", 3)
    clock["now"] = TEST_NOW + dt.timedelta(days=3)
    with admin.ledger.tx() as tx:
        admin.audit(tx, "settings.set", "setting", "a")
    clock["now"] = TEST_NOW + dt.timedelta(days=6, seconds=1)
    with pytest.raises(DomainError) as err:
        with admin.ledger.tx() as tx:
            admin.audit(tx, "settings.set", "setting", "b")
    assert err.value.code == "CLOCK_FAR_AHEAD" and "超过3天的设定" in err.value.zh


def test_r14_the_clock_is_checked_once_per_transaction(admin, clock, monkeypatch):
    calls = []
    real = Session.check_clock
    monkeypatch.setattr(Session, "check_clock", lambda self, tx, ahead_ok=False: calls.append(ahead_ok) or
                        real(self, tx, ahead_ok))
    with admin.ledger.tx() as tx:
        admin.audit(tx, "settings.set", "setting", "a", clock_confirmed=True)
        admin.audit(tx, "settings.set", "setting", "b")
    assert calls == [True]


def test_r14_rows_outside_a_session_bound_the_clock(admin, clock):
    clock["now"] = TEST_NOW + dt.timedelta(hours=5, microseconds=9)
    with admin.ledger.tx() as tx:
        assert note_row_time(tx, admin.desk, bounds=False) == "2026-11-30T14:00:00"   # a refused log-in
    assert _mark(admin) == TEST_NOW
    with admin.ledger.tx() as tx:
        assert note_row_time(tx, admin.desk) == "2026-11-30T14:00:00"
    assert _mark(admin) == TEST_NOW + dt.timedelta(hours=5)
    clock["now"] = TEST_NOW + dt.timedelta(hours=1)                           # earlier: the bound stays
    with admin.ledger.tx() as tx:
        assert note_row_time(tx, admin.desk) == "2026-11-30T10:00:00"
    assert _mark(admin) == TEST_NOW + dt.timedelta(hours=5)
    clock["now"] = TEST_NOW + dt.timedelta(days=400)                          # a wrong clock's login row
    with admin.ledger.tx() as tx:
        note_row_time(tx, admin.desk)
    assert _mark(admin) == TEST_NOW + dt.timedelta(hours=5)


def test_r14_a_login_row_is_stamped_by_the_desk_clock(admin, clock):
    clock["now"] = TEST_NOW + dt.timedelta(hours=1)
    auth.login(admin.desk, "admin", ADMIN_PW)
    row = _last(admin, "audit")
    assert (row["action"], row["ts"]) == ("login", "2026-11-30T10:00:00")
    assert _mark(admin) == TEST_NOW + dt.timedelta(hours=1)


# --- R14 查询使用登记 ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("purpose", [None, "", "  ", " 查 "])
def test_r14_a_look_at_personal_data_states_its_purpose(purpose):
    with pytest.raises(ValidationError) as err:
        require_purpose(purpose)
    e = err.value
    assert (e.code, e.field, e.zh, e.en) == ("R14_PURPOSE_REQUIRED", "purpose", "查看或查询个人信息须填写查询事由（至少2个字）。",
                                             "Viewing or searching personal data needs a stated purpose (2+ characters).")


def test_r14_purpose_is_kept_trimmed():
    assert require_purpose("  核查  ") == "核查"


@pytest.mark.parametrize("call, key, value", [
    (lambda s: preferences.set_idle_lock_minutes(s, 15), "idle_lock_minutes", 15),
    (lambda s: preferences.set_notice_contact(s, " 电话 0517-1234  地址 某路1号 "), "documents.contact",
     "电话 0517-1234 地址 某路1号"),
    # issue 23 fifth pass: the other two office settings, through the same helper (no CLI walks them)
    (lambda s: preferences.set_intake_url(s, " https://xy.huaian.gov.cn/intake/ "), "sync.intake_url",
     "https://xy.huaian.gov.cn/intake"),
    (lambda s: preferences.set_print_font(s, "song", ""), "documents.fonts", {}),
])
def test_r14_an_office_setting_writes_its_audit_row_and_its_change_row(admin, call, key, value):
    audits, changes = _count(admin, "audit"), _count(admin, "changes")
    assert call(admin) == value
    assert meta.get_setting(admin.ledger.conn, key) == value
    assert _count(admin, "audit") == audits + 1 and _count(admin, "changes") == changes + 1
    audit, change = _last(admin, "audit"), _last(admin, "changes")
    assert (audit["action"], audit["object_id"]) == ("settings.manage", key)
    assert (change["entity"], change["entity_id"], change["op"]) == ("setting", key, "upsert")


def test_r14_many_audit_rows_and_a_suite_marker_in_one_transaction_chain_as_one_by_one(admin, data_dir):
    """Issue 18: inside one transaction Tx.audit takes the head it wrote last instead of reading it back (a batch
    of records); the rows link, and a marker row switches the suite for the rows after it in the same
    transaction."""
    from credit_desk.domain import suites
    from credit_desk.domain.audit_chain import row_hash
    from credit_desk.store import audit_log
    before = _count(admin, "audit")
    with admin.ledger.tx() as tx:
        for i in range(5):
            admin.audit(tx, "bench.row", "row", i)
        admin.audit(tx, "audit.suite", "audit", "gm", detail={"suite": suites.GM})
        for i in range(3):
            admin.audit(tx, "bench.row", "row", 10 + i)
    rows = list(audit_log.iter_rows(admin.ledger.conn))
    assert len(rows) == before + 9 and [r["id"] for r in rows] == list(range(1, before + 10))
    assert all(b["prev_hash"] == a["hash"] for a, b in zip(rows, rows[1:]))
    assert row_hash(rows[-1], suites.GM) == rows[-1]["hash"] != row_hash(rows[-1], suites.INTL)
    assert verify_rows(iter(rows), admin.ledger.ledger_id).ok


# --- issue 23, fifth pass: what the effect-helper mutation run (scripts/mutation_effects.sh) found unjudged ------

def test_r14_a_transaction_reads_the_chain_head_and_the_suite_once_even_across_a_marker_row(admin):
    """Issue 18: a batch of audit rows in one transaction reads the chain's head and the segment's suite once; a
    marker row switches the suite for the rows after it without reading it back."""
    from credit_desk.domain import suites
    seen = []
    with admin.ledger.tx() as tx:
        admin.ledger.conn.set_trace_callback(seen.append)
        try:
            for i in range(3):
                tx.audit(username="admin", role="admin", action="bench.row", object_type="row", object_id=i)
            tx.audit(username="admin", role="admin", action="audit.suite", object_type="audit", object_id="gm",
                     detail={"suite": suites.GM})
            for i in range(3):
                tx.audit(username="admin", role="admin", action="bench.row", object_type="row", object_id=10 + i)
        finally:
            admin.ledger.conn.set_trace_callback(None)
    reads = [s.lower() for s in seen if s.lstrip().lower().startswith("select")]   # SQL's case is no matter
    assert sum(" from audit " in s for s in reads) == 1, reads
    assert sum("'audit.suite'" in s for s in reads) == 1, reads
    assert meta.get_meta(admin.ledger.conn, "audit.suite") == suites.GM
    assert verify_rows(iter(admin.ledger.query("SELECT * FROM audit ORDER BY id")), admin.ledger.ledger_id).ok


def test_listeners_learn_each_entity_a_transaction_changed_and_nothing_of_one_that_changed_none(admin):
    """Issue 17 item 7: after a commit every listener gets the entities of its change rows (the GUI refreshes the
    views watching them); a transaction with audit rows only tells nobody."""
    told = []
    admin.ledger.listeners.append(told.append)
    with admin.ledger.tx() as tx:
        tx.change("decision", 7, "insert", {})
        tx.change("subject", 8, "update", {})
        tx.change("decision", 9, "insert", {})
        assert tx.touched == {"decision", "subject"}
    with admin.ledger.tx() as tx:
        admin.audit(tx, "bench.row", "row", 1)
    assert told == [frozenset({"decision", "subject"})]


def test_each_transaction_starts_with_its_own_empty_memo(admin):
    """Issue 18: what a service reads once per transaction (a department, a template's prefix) is kept in the
    transaction's memo and never carried into the next one, which may see it changed."""
    with admin.ledger.tx() as tx:
        assert tx.memo == {} and tx.numbers_unknown is False
        tx.memo[("department", "县税务局")] = "stale"
    with admin.ledger.tx() as tx:
        assert tx.memo == {}
