"""Credit repair requests (R13, R20) walked through the CLI on a real encrypted ledger (issue 4 "Done when")."""

from __future__ import annotations

from credit_desk.cli import build_parser
from credit_desk.services import ledgers
from credit_desk.store import meta
from tests.documents.test_repair_notices import _text
from tests.e2e.case_kit import (BOSS, REVIEWER, black_listing, company, desk, ok, refused, show,  # noqa: F401
                                staffed_template)
from tests.e2e.case_kit import story_clock  # noqa: F401  (a listing walked on the calendar, R5)
from tests.e2e.repair_kit import DEPT, apply, old_black_listing, old_record
import pytest

from tests.conftest import with_business_accounts

@pytest.fixture
def office(office, secret_files):
    """This module's work is business (R14 separation of duties): the clerk acts by default; administrator's
    acts (keys, accounts) and reading the audit log (the auditor) name their account."""
    return with_business_accounts(office, secret_files)


@pytest.mark.story
def test_r13_applied_too_early_is_refused_with_the_first_eligible_date(desk):
    sid = company(desk, 41)
    cid = black_listing(desk, sid)  # decided 2026-10-12: a black list is 严重, shortest period 1 year
    out = apply(desk, sid, cases=[cid], on="2026-11-20")
    assert out["state"] == "received" and out["eligible"] is False
    assert out["first_eligible_on"] == "2027-10-13" and out["rule_set_code"] == "CN-2026-04"
    assert [p["code"] for p in out["problems"]] == ["R13_TOO_EARLY"]
    err = refused(desk, "repair", "accept", str(out["id"]), "--accepted-on", "2026-11-20")
    assert err["code"] == "R13_TOO_EARLY" and err["rule"] == "R13" and "2027-10-13" in err["message"]
    no = ok(desk, "repair", "reject", str(out["id"]), "--on", "2026-11-20")
    assert no["state"] == "not_accepted" and "自2027-10-13起方可申请信用修复" in no["not_accepted_reason"]
    assert no["reject_number"] == "清信修不〔2026〕1号"
    assert show(desk, cid)["state"] == "listed"


@pytest.mark.story
def test_r13_complete_application_accepted_repaired_listing_exits_onto_the_watch_list(desk):
    sid = company(desk, 42)
    cid = old_black_listing(desk, sid)          # decided 2025-10-13 under CN-2023
    out = apply(desk, sid, cases=[cid], on="2026-10-20")
    assert out["eligible"] and out["first_eligible_on"] == "2026-10-14"
    assert out["rule_set_code"] == "CN-2026-04"  # R20: the application date's rule set, not the listing's
    assert out["finish_due"] == "2026-11-03"     # 10 working days
    acc = ok(desk, "repair", "accept", str(out["id"]), "--accepted-on", "2026-10-20")
    assert acc["state"] == "accepted" and acc["decide_due"] == "2026-10-23" and acc["accept_number"]
    done = ok(desk, "repair", "decide", str(out["id"]), "--outcome", "repaired", "--for-department", DEPT,
              "--decided-on", "2026-10-22", user=BOSS)
    assert done["state"] == "repaired" and done["decision_number"] == "清信修决〔2026〕1号"
    [ex] = done["exits"]
    assert ex["case_id"] == cid and ex["exit_way"] == "2" and ex["watch_case_id"]
    gone = show(desk, cid)
    assert gone["state"] == "exited" and gone["exit_way"] == "2" and "清信修决〔2026〕1号" in gone["exit_note"]
    assert all(m["stopped_on"] == "2026-10-22" for m in gone["measures"])
    watch = show(desk, ex["watch_case_id"])
    assert watch["list_type"] == "watch" and watch["state"] == "listed" and watch["valid_until"] == "2027-10-22"
    listed = ok(desk, "repair", "list", "--subject", str(sid))
    assert [r["state"] for r in listed] == ["repaired"]


@pytest.mark.story  # R5: each repair paper is numbered, and dated, the day it is recorded
def test_r13_missing_materials_get_a_one_time_notice_not_a_refusal(desk, tmp_path):
    """R13 (22号/36号令): proof + a signed 信用承诺书 are the national materials; training and a report are not
    conditions; what is missing is told once, in a printed numbered notice, and the request is not refused."""
    sid = company(desk, 43)
    rid = old_record(desk, sid, tier="general", issued="2026-05-06", effective="2026-05-20", act="2026-05-01")
    out = apply(desk, sid, records=[rid], materials=["proof"], on="2026-11-20")
    assert out["eligible"] is False and out["missing"] == ["签署的信用承诺书"]   # never training or a report
    assert out["required"] == {"all": ["proof", "commitment"], "any": []}
    assert "36号" in out["problems"][0]["basis"] and "信用承诺书" in out["problems"][0]["basis"]
    err = refused(desk, "repair", "accept", str(out["id"]))
    assert err["code"] == "R13_MATERIALS_MISSING" and "签署的信用承诺书" in err["message"]
    err = refused(desk, "repair", "reject", str(out["id"]), "--on", "2026-11-20")   # not a ground to refuse
    assert err["code"] == "R13_SUPPLEMENT_NOT_REFUSE" and "repair_supplement" in err["cli"] and "一次性告知" in err["message"]
    printed = ok(desk, "print", "repair_supplement", "--repair", str(out["id"]), "--out", str(tmp_path / "s.pdf"))
    text = _text(tmp_path / "s.pdf")
    assert "一次性告知书" in text and printed["documents"][0]["number"] in text
    assert "1.签署的信用承诺书" in text and "2.信用" not in text and "培训证明" not in text.split("二、")[0]
    assert "国家发展改革委令2025年第36号" in text and "不是申请信用修复的条件" in text
    more = ok(desk, "repair", "supplement", str(out["id"]), "--material", "commitment", "--on", "2026-11-20")
    assert more["eligible"] and more["materials"] == ["proof", "commitment"]
    assert ok(desk, "repair", "accept", str(out["id"]), "--accepted-on", "2026-11-23")["state"] == "accepted"
    # a general record with proof + commitment alone is complete: no report, no training
    other = old_record(desk, sid, tier="general", issued="2026-05-06", effective="2026-05-20", act="2026-05-01",
                       number="清市监罚〔2026〕44号")
    again = apply(desk, sid, records=[other], materials=["proof", "commitment"], on="2026-11-20")
    assert again["eligible"] and again["problems"] == []


def test_r13_local_extra_material_needs_a_dated_cited_local_rule(desk, data_dir):
    """R13: an office may ask for training only through a local rule with its clause and effective date."""
    sid = company(desk, 48)
    rid = old_record(desk, sid, tier="general", issued="2026-05-06", effective="2026-05-20", act="2026-05-01")
    d = ledgers.unlock(data_dir)
    try:
        with d.ledger.tx() as tx:
            meta.set_setting(tx, "repair_materials", {"CN-2026-04": {
                "general": {"all": ["proof", "commitment", "training"]}, "slight": {}, "serious": {}}})
    finally:
        d.close()
    err = refused(desk, *_apply_args(sid, rid))
    assert err["code"] == "R13_MATERIALS_RULE"                          # no clause, no date: not applied
    d = ledgers.unlock(data_dir)
    try:
        with d.ledger.tx() as tx:
            meta.set_setting(tx, "repair_materials", {"CN-2026-04": {
                "source": "《清江浦区信用修复实施细则》（清信用办〔2026〕3号）第五条", "effective_from": "2026-11-01",
                "general": {"all": ["proof", "commitment", "training"]}, "slight": {}, "serious": {}}})
    finally:
        d.close()
    early = apply(desk, sid, records=[rid], materials=["proof", "commitment"], on="2026-10-30")
    assert early["eligible"]                                           # before the local rule took effect
    # withdrawn and not accepted today: the register numbers the notice today (R5), so it is dated today
    ok(desk, "repair", "reject", str(early["id"]), "--reason", "申请人撤回申请")
    late = apply(desk, sid, records=[rid], materials=["proof", "commitment"], on="2026-11-20")
    assert late["missing"] == ["信用修复培训证明"]
    assert late["problems"][0]["basis"].startswith("《清江浦区信用修复实施细则》") and "36号" not in late["problems"][0]["basis"]


def _apply_args(sid, rid):
    return ("repair", "apply", "--subject", str(sid), "--applicant", "王建国", "--channel", "window",
            "--received-on", "2026-11-20", "--record", str(rid), "--material", "proof", "--material", "commitment")


@pytest.mark.story
def test_r13_decision_past_3_working_days_is_overdue_on_the_due_list(desk):
    sid = company(desk, 44)
    cid = old_black_listing(desk, sid)
    rid = apply(desk, sid, cases=[cid], on="2026-10-20")["id"]
    ok(desk, "repair", "accept", str(rid), "--accepted-on", "2026-10-20")   # Tue: decide by Fri 2026-10-23

    def repair_items(*flags, today):
        rows = ok(desk, "due", *flags, "--today", today)
        return [r for r in rows if r["object_type"] == "repair" and r["object_id"] == rid]
    on_time = repair_items(today="2026-10-23")
    assert {(r["due_date"], r["overdue"]) for r in on_time} == {("2026-10-23", False), ("2026-11-03", False)}
    assert repair_items("--overdue", today="2026-10-23") == []
    late = repair_items("--overdue", today="2026-10-26")
    assert [r["due_date"] for r in late] == ["2026-10-23"] and "作出修复决定" in late[0]["label_zh"]
    ok(desk, "repair", "decide", str(rid), "--outcome", "refused", "--for-department", DEPT,
       "--reason", "申请人尚未消除不良影响", "--decided-on", "2026-10-27", user=BOSS)
    assert repair_items(today="2026-10-27") == []   # decided: off the due list


def test_r13_no_fee_anywhere(desk, data_dir):
    parser = build_parser()
    repair = parser._subparsers._group_actions[0].choices["repair"]
    for name, sub in repair._subparsers._group_actions[0].choices.items():
        options = " ".join(o for a in sub._actions for o in a.option_strings)
        assert "fee" not in options and "费" not in (sub.format_help()), name
    d = ledgers.unlock(data_dir, read_only=True)
    try:
        tables = [t for (t,) in d.ledger.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            cols = [c[1].lower() for c in d.ledger.conn.execute(f"PRAGMA table_info({table})")]
            assert not [c for c in cols if "fee" in c or "charge" in c or "price" in c], table
    finally:
        d.close()


def test_r13_non_repairable_information_is_refused(desk):
    sid = company(desk, 45)
    court = old_record(desk, sid, code="S-02-01", number="（2025）苏0812执123号")  # 失信被执行人: the court's list
    out = apply(desk, sid, records=[court], on="2026-11-20")
    assert out["eligible"] is False and out["problems"][0]["code"] == "R13_NON_REPAIRABLE"
    assert refused(desk, "repair", "accept", str(out["id"]))["code"] == "R13_NON_REPAIRABLE"
    plain = old_record(desk, sid, number="清市监罚〔2025〕9号")
    err = refused(desk, "repair", "non-repairable", str(plain), "--basis", "x")     # a clerk may not flag
    assert err["code"] == "ROLE_FORBIDDEN"
    ok(desk, "repair", "non-repairable", str(plain), "--basis", "《某法》第十条规定不得修复", user=BOSS)
    again = apply(desk, sid, records=[plain], on="2026-11-20")
    assert again["problems"][0]["code"] == "R13_NON_REPAIRABLE" and "《某法》第十条" in again["problems"][0]["basis"]


@pytest.mark.story
def test_r13_who_decides_repairs_and_four_eyes(desk):
    sid = company(desk, 46)
    cid = old_black_listing(desk, sid)
    rid = apply(desk, sid, cases=[cid], on="2026-10-20")["id"]
    ok(desk, "repair", "accept", str(rid), "--accepted-on", "2026-10-20", user=BOSS)
    err = refused(desk, "repair", "decide", str(rid), "--outcome", "repaired", "--for-department", "县税务局",
                  "--decided-on", "2026-10-21", user=REVIEWER)
    assert err["code"] == "R13_WHO_DECIDES" and DEPT in err["message"]
    err = refused(desk, "repair", "decide", str(rid), "--outcome", "repaired", "--for-department", DEPT,
                  "--decided-on", "2026-10-21", user=BOSS)
    assert err["code"] == "FOUR_EYES" and "受理人" in err["message"]
    err = refused(desk, "repair", "decide", str(rid), "--outcome", "repaired", "--for-department", DEPT,
                  "--decided-on", "2026-10-21")
    assert err["code"] == "ROLE_FORBIDDEN"           # a clerk never decides
    assert show(desk, cid)["state"] == "listed"      # nothing was changed by the refusals
    ok(desk, "repair", "decide", str(rid), "--outcome", "repaired", "--for-department", DEPT,
       "--decided-on", "2026-10-21", user=REVIEWER)
    assert show(desk, cid)["state"] == "exited"


def test_r13_one_application_per_deciding_department_and_no_second_open_request(desk):
    sid = company(desk, 47)
    a = old_record(desk, sid, number="清市监罚〔2025〕11号")
    b = ok(desk, "record", "add", "--subject", str(sid), "--catalogue-code", "S-03-02", "--tier", "serious",
           "--facts", "偷税", "--doc-type", "admin_penalty", "--doc-number", "清税罚〔2025〕3号", "--doc-authority",
           "县税务局", "--doc-issued", "2025-09-01", "--doc-effective", "2025-09-16", "--department", "县税务局",
           "--act-date", "2025-08-01")["id"]
    err = refused(desk, "repair", "apply", "--subject", str(sid), "--applicant", "王建国", "--channel", "mail",
                  "--record", str(a), "--record", str(b), "--material", "proof")
    assert err["code"] == "R13_ONE_DEPARTMENT"
    apply(desk, sid, records=[a], on="2026-11-20", channel="platform")
    err = refused(desk, "repair", "apply", "--subject", str(sid), "--applicant", "王建国", "--channel", "window",
                  "--record", str(a))
    assert err["code"] == "R13_ALREADY_OPEN"


@pytest.mark.story  # R5: each repair paper is numbered, and dated, the day it is recorded
def test_r13_r17_repair_commitment_breach_reverts_to_the_longest_period(desk):
    sid = company(desk, 48)
    rid = old_record(desk, sid, tier="general", issued="2026-05-06", effective="2026-05-20", act="2026-05-01")
    ok(desk, "commitment", "item-add", "XF-01", "--name", "信用修复承诺", "--type", "repair", "--basis", "令2025年第36号")
    com = ok(desk, "commitment", "add", "--subject", str(sid), "--item", "XF-01", "--content", "不再发生同类失信行为",
             "--made-on", "2026-11-10", "--record", str(rid))["id"]
    out = apply(desk, sid, records=[rid], materials=["proof", "training"], on="2026-11-10",
                extra=("--commitment", str(com)))
    assert out["eligible"] and "commitment" in out["materials"]
    ok(desk, "repair", "accept", str(out["id"]), "--accepted-on", "2026-11-10")
    ok(desk, "repair", "decide", str(out["id"]), "--outcome", "repaired", "--for-department", DEPT,
       "--decided-on", "2026-11-12", "--record-action", "shielded", user=BOSS)
    rec = ok(desk, "record", "show", str(rid), "--purpose", "核查修复")
    assert rec["status"] == "repaired"
    broke = ok(desk, "commitment", "check", str(com), "--fulfilment", "none", "--checked-on", "2026-11-20")
    assert broke["key_supervision_flag"] and broke["repair_reverted"] == [rid]
    rec = ok(desk, "record", "show", str(rid), "--purpose", "核查修复")
    assert rec["status"] == "active" and rec["publication_end"] == "2027-05-06"   # 一般: longest 1 year
    assert [h["op"] for h in rec["history"]][-2:] == ["repair", "repair_revert"]
    assert ok(desk, "repair", "show", str(out["id"]), "--purpose", "核查")["reverted_on"] == "2026-11-20"


@pytest.mark.story
def test_r13_repair_reaches_the_platform_in_the_next_bundle_and_is_shared(story_clock, office, secret_files, tmp_path):
    from credit_desk.intake.receiver import Intake
    from credit_desk.intake.server import serve
    from tests.e2e import case_kit as kit
    from tests.e2e.sync_support import pair
    srv = serve(Intake(pair(office, tmp_path)), "127.0.0.1", 0)
    try:
        kit.staff(office, secret_files)
        sid = company(office, 49)
        cid = old_black_listing(office, sid)
        rid = apply(office, sid, cases=[cid], on="2026-10-20")["id"]
        ok(office, "repair", "accept", str(rid), "--accepted-on", "2026-10-20")
        ok(office, "repair", "decide", str(rid), "--outcome", "repaired", "--for-department", DEPT,
           "--decided-on", "2026-10-22", user=BOSS)
        code, out, err = office("--json", "bundle", "export", "--send", "--url",
                                f"http://127.0.0.1:{srv.server_address[1]}")
        assert code == 0, out + err
        got = ok(office, "repair", "show", str(rid), "--purpose", "核对报送")
        assert got["state"] == "shared" and got["shared_at"]   # "一次申请、同步修复"
    finally:
        srv.shutdown()
        srv.server_close()
