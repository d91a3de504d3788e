"""Issue 17 item 12: the demo ledger holds work in every state (through the services, dates relative to the desk's
clock), so a newcomer sees every screen populated — and none of it ever reaches the platform (demo data)."""

from __future__ import annotations

import datetime as dt

import pytest

from credit_desk.domain.cases import CaseState, ExitWay, ListType
from credit_desk.domain.errors import ValidationError
from credit_desk.services import cases, commitments, demo_work, departments
from credit_desk.store import demo_scope
from tests.gui.test_areas import settle


def _states(session, ids: dict) -> dict:
    return {name: cases.get_case(session, cid, "核对演示数据") for name, cid in ids.items()
            if name not in ("repair", "commitment", "interview")}


def test_r12_demo_work_has_cases_in_every_state_and_every_exit_way(staff):
    clerk, rev = staff["clerk"], staff["reviewer"]
    # R12 way 1 / 1798号 (二十三): the withdrawal is proposed by the deciding department's own staff — here its
    # clerk, who drafts its cases; the reviewer approves (four eyes)
    departments.assign_user(staff["admin"], clerk.user.username, departments.user_department(rev).name)
    commitments.add_item(clerk, "CN-05", "信用修复承诺", "repair", "国家发展改革委令2025年第36号")  # the office's list
    before = clerk.ledger.query("SELECT max(id) AS id FROM changes")[0]["id"]
    ids = demo_work.seed_work(clerk, rev)
    got = _states(clerk, ids)
    assert {c.state for c in got.values()} == set(CaseState)                      # every state of the machine
    ways = {c.exit_way for c in got.values() if c.state is CaseState.EXITED}
    assert ways >= {ExitWay.REPAIRED.value, ExitWay.EXPIRED.value, "4"}          # R12 ways 2, 3, 4 …
    assert got["wrongful"].state is CaseState.WITHDRAWN_WRONGFUL                  # … and way 1 (two people)
    assert {c.list_type for c in got.values()} >= {ListType.BLACK, ListType.WATCH}
    today = clerk.desk.today()
    served = got["served"]
    assert served.state is CaseState.NOTICE_SERVED and served.window_end >= today            # window open
    assert got["window_over"].state is CaseState.NOTICE_SERVED and got["window_over"].window_end < today
    assert got["objected"].state is CaseState.OBJECTION_UNDER_REVIEW
    assert all(c.created_by == clerk.user.username for c in got.values())        # drafted by the clerk …
    assert {c.decided_by for c in got.values() if c.decided_on} == {rev.user.username}  # … decided by another
    q = clerk.ledger.query
    assert q("SELECT state FROM repairs WHERE id = ?", (ids["repair"],))[0]["state"] == "repaired"
    assert q("SELECT count(*) AS n FROM objections")[0]["n"] >= 1
    assert q("SELECT count(*) AS n FROM interviews WHERE id = ?", (ids["interview"],))[0]["n"] == 1
    assert q("SELECT count(*) AS n FROM supervision_flags")[0]["n"] >= 1                 # R17: the broken promise
    # relative to the desk's clock: every decision lies within the last 15 months, none after today
    assert all(c.decided_on is None or today - dt.timedelta(days=460) < c.decided_on <= today
               for c in got.values()), [c.decided_on for c in got.values()]
    assert q("SELECT fulfilment FROM commitments WHERE id = ?", (ids["commitment"],))[0]["fulfilment"] == "none"
    # demo data never reaches the platform: every change row the demo work wrote is a demo change
    rows = q("SELECT entity, entity_id, state FROM changes WHERE id > ?", (before,))
    sent = [(r["entity"], r["entity_id"]) for r in rows
            if not demo_scope.is_demo_change(clerk.ledger.conn, r["entity"], r["entity_id"], r["state"])]
    assert len(rows) > 20 and not sent, sent


def test_demo_work_invents_no_commitment_item(staff):
    """The commitment items list is the office's own configuration (sent to the platform): without one the demo
    records no commitment, only the interview, and adds no item."""
    clerk, rev = staff["clerk"], staff["reviewer"]
    departments.assign_user(staff["admin"], clerk.user.username, departments.user_department(rev).name)
    ids = demo_work.seed_work(clerk, rev)
    assert ids["commitment"] is None and ids["interview"]
    assert clerk.ledger.query("SELECT count(*) AS n FROM changes WHERE entity = 'commitment_item'")[0]["n"] == 0


def test_r9_demo_work_needs_two_people_and_demo_subjects(staff):
    clerk = staff["clerk"]
    with pytest.raises(ValidationError) as same:
        demo_work.seed_work(clerk, clerk)
    assert same.value.code == "DEMO_SAME_USER"
    assert clerk.ledger.query("SELECT count(*) AS n FROM cases")[0]["n"] == 0


def test_demo_work_fills_every_business_screen(qtbot, staff, make_ctx, shot):
    from credit_desk.gui.main_window import MainWindow
    commitments.add_item(staff["clerk"], "CN-05", "信用修复承诺", "repair", "国家发展改革委令2025年第36号")
    demo_work.seed_work(staff["clerk"], staff["reviewer"])
    win = MainWindow(make_ctx(staff["boss"]))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    for key in ("cases", "objections", "repair", "commitments"):
        view = win.open_area(key)
        settle(qtbot, view)
        model = getattr(view, "model", None)
        if model is not None:
            assert model.rowCount() > 0, key
        shot(win, f"demo_work_{key}")


def test_r12_demo_work_way1_waits_for_a_second_senior_when_the_drafter_is_not_the_departments(staff):
    """R12 way 1 / 1798号 (二十三): a drafter outside the deciding department (the credit office's clerk) cannot
    propose the withdrawal; the department's senior proposes it and it waits for a second senior person."""
    from credit_desk.services import withdrawals
    clerk, rev = staff["clerk"], staff["reviewer"]
    ids = demo_work.seed_work(clerk, rev)
    assert cases.get_case(clerk, ids["wrongful"], "核对演示数据").state is CaseState.LISTED
    assert withdrawals.pending_for(clerk, ids["wrongful"])["proposed_by"] == rev.user.username


def test_issue18_demo_filter_answers_as_is_demo_change_for_every_change_row(staff):
    """Issue 18: the export judges demo changes with ``DemoFilter`` (the demo rows read once) instead of
    ``is_demo_change`` per change; on a ledger with real data, demo data and demo work derived from it (cases,
    documents, objections, repairs, commitments, interviews) both give the same answer for every change row, and
    for rows written with an id SQLite compares differently from its text (``05``) or a text subject id."""
    clerk, rev = staff["clerk"], staff["reviewer"]
    departments.assign_user(staff["admin"], clerk.user.username, departments.user_department(rev).name)
    demo_work.seed_work(clerk, rev)
    import random
    from credit_desk.domain import demo
    from credit_desk.services import subjects
    real_sid = subjects.add_subject(clerk, kind="legal_person", name="淮安测试18有限公司", id_type="uscc",
                                    id_number=demo.uscc(random.Random(18), "320812")).id
    conn = clerk.ledger.conn
    demo_sid = conn.execute("SELECT id FROM subjects WHERE demo = 1 LIMIT 1").fetchone()[0]
    rec = conn.execute("SELECT id FROM records WHERE demo = 1 LIMIT 1").fetchone()[0]
    odd = [("record", f"0{rec}", "{}"), ("subject", f"0{demo_sid}", "{}"), ("setting", "x", "not json"),
           ("document", "none", f'{{"subject_id":"{demo_sid}"}}'), ("document", "none", f'{{"subject_id":{demo_sid}}}'),
           ("case", "1", f'{{"subject_id":{real_sid}}}'), ("interview", "1", '{"subject_id":true}')]
    rows = [(r[0], r[1], r[2]) for r in conn.execute("SELECT entity, entity_id, state FROM changes")] + odd
    is_demo = demo_scope.DemoFilter(conn)
    got = [is_demo(*r) for r in rows]
    assert got == [demo_scope.is_demo_change(conn, *r) for r in rows]
    assert [is_demo(e, i, st.encode("utf-8")) for e, i, st in rows] == got  # the export reads UTF-8 bytes
    stored = [r[0] for r in conn.execute("SELECT CAST(state AS BLOB) FROM changes ORDER BY id")]
    assert stored == [r[0].encode("utf-8") for r in conn.execute("SELECT state FROM changes ORDER BY id")]
    assert sum(got) > 20 and len(got) - sum(got) > 10  # both answers are exercised
