"""R20 (issues 13 and 19): a working-day deadline computed while a year's holiday schedule was missing (weekends
only, with a warning) follows the schedule once it is known — an internal due moves, with an audit row saying
which and why; a deadline printed on a served notice is never shortened against the party, and a difference is
flagged for the clerk; until the recomputation the warning stays wherever the deadline shows.

The calendar library is fixed to the years up to 2026 (``workcal.LIBRARY_YEARS``), so 2027 has no data whatever
``chinesecalendar`` release is installed; 2027 becomes known through the override table (the administrator's
entry), and every date is typed on the pinned clock."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from credit_desk.bench import seeding
from credit_desk.domain import workcal
from credit_desk.services import case_exits, due, workdays
from credit_desk.services.disclosure import register
from credit_desk.store import disclosures
from tests.e2e.case_kit import advance, company, desk, ok, open_case, serve, show, staffed_template  # noqa: F401
from tests.conftest import USER_PW
from tests.e2e.disclosure_kit import penalty_row

DECIDED = dt.date(2026, 12, 28)  # a Monday; + 7 working days crosses into 2027
SOURCE = "国办发明电〔2026〕9号"
MISSING = "2027年的法定节假日安排尚未载入"


@pytest.fixture
def library_to_2026(monkeypatch):
    monkeypatch.setattr(workcal, "LIBRARY_YEARS", range(2004, 2027))


@pytest.fixture
def books(tmp_path, pinned_clock, library_to_2026):
    desk_, admin = seeding.make_office(tmp_path / "data")
    clerk = seeding.business_session(admin)
    pinned_clock["now"] = dt.datetime(2026, 12, 29, 9)
    yield {"desk": desk_, "admin": admin, "clerk": clerk, "clock": pinned_clock}
    desk_.close()


def _items(session, kind):
    return [i for i in due.due_items(session) if i.kind == kind]


def _audits(session, action):
    rows = session.ledger.conn.execute("SELECT detail FROM audit WHERE action = ? ORDER BY id", (action,)).fetchall()
    return [json.loads(r[0]) for r in rows]


def test_r20_an_internal_due_moves_when_its_year_is_entered(books):
    clerk, admin = books["clerk"], books["admin"]
    row = register.add_decision(clerk, penalty_row(1, DECIDED))
    assert row["publish_due"] == "2027-01-06"  # weekends only: 2027 has no data
    [item] = _items(clerk, "publish_decision")
    assert item.due_date == dt.date(2027, 1, 6) and any(MISSING in w for w in item.warnings)
    out = workdays.enter_holiday_year(admin, 2027, "2027-01-01..2027-01-03", "", SOURCE)
    assert disclosures.get(clerk.ledger.conn, row["id"]).publish_due == dt.date(2027, 1, 7)
    [item] = _items(clerk, "publish_decision")
    assert item.due_date == dt.date(2027, 1, 7) and item.warnings == ()  # right now, so no warning
    moved = {"object_type": "admin_decision", "object_id": row["id"], "field": "publish_due", "from": "2027-01-06",
             "to": "2027-01-07", "correct": "2027-01-07"}
    assert out["deadlines"]["moved"] == [moved]
    [audit] = _audits(admin, "deadline.recompute")
    assert audit["why"] == "admin" and audit["years"] == [2027] and audit["moved"] == [moved]
    change = clerk.ledger.conn.execute("SELECT op, state FROM changes WHERE entity = 'admin_decision' "
                                       "ORDER BY id DESC LIMIT 1").fetchone()
    assert change[0] == "update" and json.loads(change[1])["publish_due"] == "2027-01-07"  # the platform hears it


def test_r20_the_warning_stays_until_the_stored_date_is_recomputed(books, monkeypatch):
    clerk = books["clerk"]
    row = register.add_decision(clerk, penalty_row(2, DECIDED))
    monkeypatch.setattr(workcal, "LIBRARY_YEARS", range(2004, 2028))  # a library upgrade now carries 2027
    [item] = _items(clerk, "publish_decision")
    assert item.due_date == dt.date(2027, 1, 6)  # the stored date, computed on weekends only
    assert any("尚未按现已载入的安排重新核算" in w for w in item.warnings), item.warnings  # not silently
    assert "尚未按现已载入的安排重新核算" in item.label_zh
    case_exits.daily_check(clerk)  # the start-up check recomputes it, whatever the clerk's role
    expected = workdays.calendar(clerk.desk).add_workdays(DECIDED, 7).date
    assert disclosures.get(clerk.ledger.conn, row["id"]).publish_due == expected
    [item] = _items(clerk, "publish_decision")
    assert item.warnings == () and item.due_date == expected
    [audit] = _audits(clerk, "deadline.recompute")
    assert audit["why"] == "calendar" and audit["years"] == [2027]


def test_r20_a_year_still_missing_keeps_the_date_and_its_warning(books):
    clerk, admin = books["clerk"], books["admin"]
    register.add_decision(clerk, penalty_row(3, DECIDED))
    workdays.enter_holiday_year(admin, 2028, "2028-01-01", "", "国办发明电〔2027〕9号")  # another year
    [item] = _items(clerk, "publish_decision")
    assert item.due_date == dt.date(2027, 1, 6) and any(MISSING in w for w in item.warnings)
    assert _audits(admin, "deadline.recompute") == []


# --- a deadline printed on a served notice (R5): the party's objection window ------------------------------------

@pytest.mark.parametrize("rest,work,window,flagged,reply", [
    # 元旦 2027-01-01..03 off: the correct window is a day longer than the printed one — the party gets it, flagged
    ("2027-01-01..2027-01-03", "", "2027-01-05", True, "2027-01-12"),
    # a (made-up) schedule with make-up working days on 01-02/03: the correct window is shorter — the printed holds
    ("2027-02-11", "2027-01-02,2027-01-03", "2027-01-04", False, "2027-01-07"),
])
def test_r20_a_printed_objection_window_is_never_shortened_and_a_longer_one_is_flagged(
        desk, pinned_clock, library_to_2026, rest, work, window, flagged, reply):  # noqa: F811
    sid = company(desk, 201)
    cid = open_case(desk, sid, "black", opened_on="2026-11-25")
    advance(desk, pinned_clock, "2026-12-28")
    served = serve(desk, cid, on="2026-12-28")
    assert served["window_end"] == "2027-01-04" and any(MISSING in w for w in served["warnings"])  # printed
    assert any(MISSING in w for w in show(desk, cid)["deadline_warnings"]["window_end"])  # on the case too
    obj = ok(desk, "case", "object", str(cid), "--received-on", "2026-12-28", "--grounds", "事实有误")
    assert obj["due_on"] == "2027-01-11"
    advance(desk, pinned_clock, "2026-12-29")
    ok(desk, "workdays", "holidays", "--year", "2027", "--rest", rest, "--work", work, "--source", SOURCE,
       user="admin")
    shown = show(desk, cid)
    assert shown["objection_window_end"] == window  # never before the printed 2027-01-04
    assert shown["deadline_warnings"] == {}
    items = ok(desk, "due")
    [reply_item] = [i for i in items if i["kind"] == "objection_reply"]
    assert reply_item["due_date"] == reply and reply_item["warnings"] == []  # internal: it simply moved
    flags = [i for i in items if i["kind"] == "printed_deadline"]
    if flagged:
        [flag] = flags
        assert flag["object_id"] == cid and flag["due_date"] == window
        assert "告知书载明的异议期限为2027-01-04" in flag["label_zh"] and "请告知当事人" in flag["label_zh"]
    else:
        assert flags == []
    code, out, _ = desk("due", user="clerk1", password=USER_PW)
    assert MISSING not in out


def test_r20_printed_deadline_rule_table():
    """R20 with R5: which date holds when the correct deadline differs from the printed one."""
    p, early, late = dt.date(2027, 1, 4), dt.date(2027, 1, 2), dt.date(2027, 1, 5)
    assert workcal.printed_deadline_kept(p, late, party_deadline=True) == late     # the party gets the longer
    assert workcal.printed_deadline_kept(p, early, party_deadline=True) == p       # the printed one holds
    assert workcal.printed_deadline_kept(p, late, party_deadline=False) == p       # the office's promise holds
    assert workcal.printed_deadline_kept(p, early, party_deadline=False) == early  # the legal limit holds


# --- the office's deadline printed to the party (R5/R19): the reply promised on the 异议受理通知书 -------------------

@pytest.mark.parametrize("rest,work,reply,flagged", [
    # the correct limit is later: the office keeps the date it printed (the earlier one), nothing to flag
    ("2027-01-01..2027-01-03", "", "2027-01-11", False),
    # the correct limit is earlier than the printed promise: the legal limit holds, and the clerk is told
    ("2027-02-11", "2027-01-02,2027-01-03", "2027-01-07", True),
])
def test_r20_a_printed_reply_date_holds_unless_the_legal_limit_is_earlier(
        desk, pinned_clock, library_to_2026, tmp_path, rest, work, reply, flagged):  # noqa: F811
    sid = company(desk, 202)
    cid = open_case(desk, sid, "black", opened_on="2026-11-25")
    advance(desk, pinned_clock, "2026-12-28")
    serve(desk, cid, on="2026-12-28")
    obj = ok(desk, "case", "object", str(cid), "--received-on", "2026-12-28", "--grounds", "事实有误")
    assert obj["due_on"] == "2027-01-11"
    ok(desk, "print", "objection_accepted", "--case", str(cid), "--objection", str(obj["id"]), "--out",
       str(tmp_path / "accepted.pdf"))  # 将在2027年1月11日前完成核实并书面答复
    advance(desk, pinned_clock, "2026-12-29")
    ok(desk, "workdays", "holidays", "--year", "2027", "--rest", rest, "--work", work, "--source", SOURCE,
       user="admin")
    items = ok(desk, "due")
    [reply_item] = [i for i in items if i["kind"] == "objection_reply"]
    assert reply_item["due_date"] == reply
    flags = [i for i in items if i["kind"] == "printed_deadline" and i["object_type"] == "objection"]
    if flagged:
        [flag] = flags
        assert "文书载明的异议答复期限为2027-01-11" in flag["label_zh"] and "2027-01-07" in flag["label_zh"]
    else:
        assert flags == []


def test_r20_a_year_brought_by_the_platforms_bundle_moves_the_internal_dues(pinned_clock, library_to_2026, office,
                                                                           secret_files, tmp_path, data_dir):
    """R20: holiday calendars arrive in signed platform bundles; the stored dues follow in the same transaction."""
    from credit_desk.intake.receiver import Intake
    from tests.conftest import with_business_accounts
    from tests.e2e.sync_support import pair, session
    clerk_cli = with_business_accounts(office, secret_files)
    intake_dir = pair(clerk_cli, tmp_path)
    pinned_clock["now"] = dt.datetime(2026, 12, 29, 9)
    with session(data_dir) as s:
        did = register.add_decision(s, penalty_row(4, DECIDED))["id"]
        ledger_id = s.ledger.ledger_id
    cal = {"year": 2027, "source": SOURCE, "days": {"2027-01-01": False, "2027-01-02": False, "2027-01-03": False}}
    name, data = Intake(intake_dir).publish(ledger_id, [{"kind": "calendar", "version": 1, "data": cal}])
    (tmp_path / name).write_bytes(data)
    code, out, err = clerk_cli("--json", "bundle", "import", str(tmp_path / name))
    assert code == 0, (out, err)
    with session(data_dir) as s:
        assert disclosures.get(s.ledger.conn, did).publish_due == dt.date(2027, 1, 7)
        [audit] = _audits(s, "deadline.recompute")
    assert audit["why"] == "platform" and audit["moved"][0]["to"] == "2027-01-07"
