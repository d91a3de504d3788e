"""Each of R1–R12 and R19 tried and refused through the CLI, against a real encrypted ledger (issue 3)."""

from __future__ import annotations

import pytest
import json
from datetime import date, timedelta

from credit_desk.services import ledgers
from tests.conftest import TEST_NOW
from tests.e2e.case_kit import (AUDITOR, BLACK_FIELDS, BOSS, CLERK, TAX_BOSS, add_department, advance, black_listing,  # noqa: F401
                                company, decide, desk,
                                ok, open_case, person, record, refused, serve, show, staffed_template, watch_listing)


def _record_args(subject, **over):
    base = {"--catalogue-code": "S-03-02", "--tier": "general", "--facts": "未按规定公示年度报告",
            "--doc-type": "admin_penalty", "--doc-number": "清市监罚〔2026〕9号", "--doc-authority": "县市场监督管理局",
            "--doc-issued": "2026-09-01", "--doc-effective": "2026-09-16", "--department": "县市场监督管理局",
            "--act-date": "2026-08-01"}
    base.update(over)
    args = ["record", "add", "--subject", str(subject)]
    for k, v in base.items():
        args += [k, v]
    return args


def test_r1_record_refused_without_an_allowed_basis_document(desk):
    sid = company(desk, 11)
    assert refused(desk, *_record_args(sid, **{"--doc-type": "meeting_minutes"}))["code"] == "R1_DOC_TYPE"
    err = refused(desk, *_record_args(sid, **{"--doc-type": "other_legal"}))
    assert err["code"] == "R1_CITATION_REQUIRED" and err["field"] == "doc_citation"
    next_year = (TEST_NOW.date() + timedelta(days=366)).isoformat()  # the desk's clock reads TEST_NOW
    err = refused(desk, *_record_args(sid, **{"--doc-effective": next_year}))
    assert err["code"] == "R1_NOT_EFFECTIVE"
    err = refused(desk, *_record_args(sid, **{"--doc-number": " "}))
    assert err["code"] == "R1_BASIS_INCOMPLETE" and err["field"] == "doc_number"
    cited = ok(desk, *_record_args(sid, **{"--doc-type": "other_legal"}), "--doc-citation", "《某法》第十条")
    assert cited["doc_citation"] == "《某法》第十条" and cited["doc_type"] == "other_legal"


def test_r2_record_outside_the_active_catalogue_is_refused(desk):
    sid = company(desk, 12)
    assert refused(desk, *_record_args(sid, **{"--catalogue-code": "S-99-99"}))["code"] == "R2_NOT_IN_CATALOGUE"
    assert refused(desk, *_record_args(sid, **{"--catalogue-code": "S-01-01"}))["code"] == "R2_NOT_DISHONESTY"


def test_r2_r20_publication_period_from_tier_and_rule_set_on_decision_date(desk):
    sid = company(desk, 13)
    old = ok(desk, *_record_args(sid, **{"--tier": "serious", "--doc-issued": "2026-03-10",
                                         "--doc-effective": "2026-03-25", "--act-date": "2026-02-01"}))
    assert old["rule_set_code"] == "CN-2023" and old["publication_end"] == "2029-03-10"
    new = ok(desk, *_record_args(sid))
    assert new["rule_set_code"] == "CN-2026-04"
    assert new["earliest_repair"] == "2026-12-02" and new["publication_end"] == "2027-09-01"


@pytest.mark.story
def test_r3_revoking_the_basis_document_revokes_the_record_and_blocks_its_case(desk, data_dir):
    sid = company(desk, 14)
    rid = record(desk, sid)["id"]
    cid = open_case(desk, sid, "black", records=[rid])
    serve(desk, cid)
    out = ok(desk, "record", "revoke", str(rid), "--reason", "行政复议决定撤销该处罚决定", "--on", "2026-10-09")
    assert out["status"] == "revoked"
    err = refused(desk, "case", "decide", str(cid), "--decided-on", "2026-10-12", "--measure", "M-01", "--post-exit-watch-months", "12", user=BOSS)
    assert err["code"] == "R3_RECORD_NOT_EFFECTIVE" and err["rule"] == "R3"
    assert refused(desk, "record", "revoke", str(rid), "--reason", "again")["code"] == "R3_RECORD_CLOSED"
    d = ledgers.unlock(data_dir, read_only=True)
    try:
        ops = [r[0] for r in d.ledger.conn.execute(
            "SELECT op FROM changes WHERE entity = 'record' AND entity_id = ? ORDER BY id", (str(rid),))]
    finally:
        d.close()
    assert ops == ["insert", "revoke"]


def test_r3_changing_the_basis_document_changes_the_record(desk):
    sid = company(desk, 15)
    rid = record(desk, sid, tier="general")["id"]
    out = ok(desk, "record", "change", str(rid), "--reason", "复议变更处罚决定", "--doc-number", "清市监罚〔2026〕18-1号",
             "--tier", "slight")
    assert out["status"] == "changed" and out["doc_number"] == "清市监罚〔2026〕18-1号"
    assert out["publication_end"] == "2026-12-01"  # slight: at most 3 months
    shown = ok(desk, "record", "show", str(rid), "--purpose", "核对变更")
    assert shown["history"][0]["op"] == "change"


def test_r4_black_list_needs_one_ground_a_standard_and_a_county_department(desk):
    sid = company(desk, 16)
    rid = record(desk, sid)["id"]
    err = refused(desk, "case", "open", "--subject", str(sid), "--list", "black", "--record", str(rid),
                  "--ground", "b", "--department", "某镇政府", "--department-level", "county")
    assert err["code"] == "DEPT_NOT_FOUND"  # a typed name is no department (49号 四(八))
    add_department(desk, "某镇政府", "township", "某镇", 7101)
    err = refused(desk, "case", "open", "--subject", str(sid), "--list", "black", "--record", str(rid),
                  "--ground", "b", "--department", "某镇政府", "--department-level", "county")
    assert err["code"] == "R4_DEPARTMENT_LEVEL"  # the registered level counts, not the typed one
    cid = open_case(desk, sid, "black", records=[rid])
    for fields, code in (({"--ground": "a,b"}, "R4_GROUND"), ({"--ground": "e"}, "R4_GROUND"),
                         ({"--ground": "b", "--standard-kind": "normative_document"}, "R4_STANDARD_KIND")):
        err = refused(desk, "case", "update", str(cid), *[x for kv in fields.items() for x in kv])
        assert err["code"] == code and err["rule"] == "R4", fields


def test_r4_invalid_ground_refused_at_opening_and_incomplete_scope_at_notice(desk):
    """Issue 13 item 4: `case open --ground e` and a notice on a case that can never be decided are refused."""
    sid = company(desk, 36)
    rid = record(desk, sid)["id"]
    base = ("case", "open", "--subject", str(sid), "--list", "black", "--record", str(rid), "--opened-on",
            "2026-09-20", "--department", "县市场监督管理局", "--department-level", "county")
    assert refused(desk, *base, "--ground", "e")["code"] == "R4_GROUND"
    assert refused(desk, *base)["code"] == "R4_GROUND"  # no ground at all
    cid = ok(desk, *base, "--ground", "b")["id"]  # no 认定标准 yet: may be drafted, not served
    err = refused(desk, "case", "notice", str(cid), "--served-on", "2026-09-28")
    assert err["code"] == "R4_STANDARD_REQUIRED" and err["rule"] == "R4"
    assert show(desk, cid)["state"] == "draft" and not show(desk, cid).get("notice_number")


@pytest.mark.story
def test_r5_decision_refused_before_notice_in_window_and_with_open_objection(desk):
    sid = person(desk, 17)
    rid = record(desk, sid)["id"]
    cid = open_case(desk, sid, "black", records=[rid])
    args = ("case", "decide", str(cid), "--measure", "M-01",
            "--post-exit-watch-months", "12")
    err = refused(desk, *args, "--decided-on", "2026-09-20", user=BOSS)  # on the day it was opened
    assert err["code"] == "R5_NOTICE_NOT_SERVED" and "自然人" in err["message"]
    serve(desk, cid, on="2026-09-28")
    err = refused(desk, *args, "--decided-on", "2026-10-10", user=BOSS)
    assert err["code"] == "R5_WINDOW_OPEN" and "2026-10-10" in err["message"]
    obj = ok(desk, "case", "object", str(cid), "--received-on", "2026-09-28", "--grounds", "事实认定有误")
    assert obj["due_on"] == "2026-10-16" and obj["stage"] == "notice"
    assert show(desk, cid)["state"] == "objection_under_review"
    assert refused(desk, *args, "--decided-on", "2026-10-19", user=BOSS)["code"] == "R5_OBJECTION_OPEN"
    ok(desk, "case", "reply", str(obj["id"]), "--outcome", "upheld", "--reply", "经核实，事实清楚",
       "--replied-on", "2026-10-15", user=BOSS)
    assert ok(desk, *args, "--decided-on", "2026-10-19", user=BOSS)["state"] == "listed"


def test_r5_objection_received_2026_09_28_is_due_2026_10_16_and_overdue_after(desk):
    sid = company(desk, 18)
    rid = record(desk, sid)["id"]
    obj = ok(desk, "objection", "add", "--record", str(rid), "--received-on", "2026-09-28", "--grounds", "非本企业行为")
    assert obj["due_on"] == "2026-10-16"
    on_time = ok(desk, "due", "--today", "2026-10-16")
    assert [i["overdue"] for i in on_time if i["object_id"] == obj["id"] and i["kind"] == "objection_reply"] == [False]
    late = ok(desk, "due", "--overdue", "--today", "2026-10-17")
    assert [(i["kind"], i["object_id"]) for i in late] == [("objection_reply", obj["id"])]


@pytest.mark.story
def test_r6_share_due_until_the_platform_acknowledges(desk, data_dir):
    sid = company(desk, 19)
    cid = black_listing(desk, sid)
    items = ok(desk, "due", "--today", "2026-10-27")
    share = [i for i in items if i["kind"] == "share"]
    assert share == [{"kind": "share", "object_type": "case", "object_id": cid, "due_date": "2026-10-26",
                      "overdue": True, "label_zh": f"案件{cid}须于2026-10-26前报送平台",
                      "label_en": f"Case {cid}: share with the platform by 2026-10-26", "warnings": []}]
    from credit_desk.store import cases as cases_store
    d = ledgers.unlock(data_dir)
    try:
        row = d.ledger.conn.execute("SELECT op, state FROM changes WHERE entity = 'case' AND entity_id = ? "
                                    "AND op = 'decide'", (str(cid),)).fetchone()
        entry = json.loads(row[1])
        assert entry["state"] == "listed" and entry["subject"]["id_number"] and entry["measures"] == ["M-01", "M-08"]
        with d.ledger.tx() as tx:
            cases_store.set_shared(tx, cid, "2026-10-20T10:00:00")
    finally:
        d.close()
    assert not [i for i in ok(desk, "due", "--today", "2026-10-27") if i["kind"] == "share"]
    assert show(desk, cid)["share_status_zh"] == "平台已于2026-10-20确认接收"


@pytest.mark.story
def test_r7_missing_entry_fields_block_the_decision_one_message_each(desk):
    sid = company(desk, 20, with_rep=False)
    cid = open_case(desk, sid, "red", "--department", "县税务局", "--department-level", "county",
                    "--facts", "连续三年纳税信用A级")
    serve(desk, cid)
    err = refused(desk, "case", "decide", str(cid), "--decided-on", "2026-10-12", user=TAX_BOSS)
    assert err["code"] == "R7_ENTRY_INCOMPLETE"
    assert err["field"].split(",") == ["basis", "valid_until", "legal_rep_name", "legal_rep_id_number"]
    for words in ("缺少认定依据", "缺少有效期", "缺少法定代表人（负责人）姓名", "缺少法定代表人证件类型和号码"):
        assert words in err["message"]


@pytest.mark.story
def test_r8_measures_only_from_the_list_and_for_the_list_type(desk):
    sid = company(desk, 21)
    cid = open_case(desk, sid, "watch", "--department", "县税务局", "--department-level", "county", "--domain", "税务",
                    "--facts", "多次轻微违法", "--basis", "清税罚〔2026〕1号", "--warning-letter", "清警〔2026〕1号",
                    "--valid-until", "2027-09-01")
    serve(desk, cid)
    base = ("case", "decide", str(cid), "--decided-on", "2026-10-12")
    err = refused(desk, *base, "--measure", "M-99", user=TAX_BOSS)
    assert err["code"] == "R8_NOT_IN_LIST" and err["row"] == 0
    err = refused(desk, *base, "--measure", "M-08", "--measure", "M-01", user=TAX_BOSS)
    assert err["code"] == "R8_NOT_FOR_LIST" and err["row"] == 1 and "重点关注名单" in err["message"]


@pytest.mark.story
def test_r9_minor_needs_justification_and_a_second_users_approval(desk):
    sid = person(desk, 22, born_from=date(2009, 1, 1), born_to=date(2009, 12, 31))
    err = refused(desk, *_record_args(sid))
    assert err["code"] == "R9_JUSTIFICATION_REQUIRED" and "未满十八周岁" in err["message"]
    rec = ok(desk, *_record_args(sid), "--justification", "行为人已满十六周岁，以自己的劳动收入为主要生活来源，情节较重")
    assert rec["status"] == "pending" and rec["leniency"] == ["minor"]
    err = refused(desk, "case", "open", "--subject", str(sid), "--list", "black", "--record", str(rec["id"]),
                  *BLACK_FIELDS)
    assert err["code"] == "R9_RECORD_PENDING_APPROVAL"
    assert refused(desk, "record", "approve", str(rec["id"]), user=CLERK)["code"] == "ROLE_FORBIDDEN"
    assert ok(desk, "record", "approve", str(rec["id"]), user=BOSS)["status"] == "active"
    cid = open_case(desk, sid, "black", records=[rec["id"]])
    serve(desk, cid)
    # M-05 (severity 2): the record is 一般, so R8 allows nothing heavier (issue 13 item 10)
    args = ("case", "decide", str(cid), "--decided-on", "2026-10-12", "--measure", "M-05",
            "--post-exit-watch-months", "12")
    assert refused(desk, *args, user=BOSS)["code"] == "R9_JUSTIFICATION_REQUIRED"
    assert ok(desk, *args, "--leniency-justification", "屡教不改，不适用宽容", user=BOSS)["state"] == "listed"


def test_r9_four_eyes_the_drafter_never_approves_own_record(desk):
    sid = company(desk, 23)
    rec = ok(desk, *_record_args(sid, **{"--tier": "slight"}), "--justification", "情节轻微但屡次发生", user=BOSS)
    assert rec["status"] == "pending" and rec["leniency"] == ["slight"]
    err = refused(desk, "record", "approve", str(rec["id"]), user=BOSS)
    assert err["code"] == "FOUR_EYES"


@pytest.mark.story
def test_four_eyes_the_drafter_never_decides_own_case_senior_included(desk):
    sid = company(desk, 24)
    rid = record(desk, sid)["id"]
    cid = open_case(desk, sid, "black", records=[rid], user=BOSS)
    serve(desk, cid)
    err = refused(desk, "case", "decide", str(cid), "--decided-on", "2026-10-12", user=BOSS)
    assert err["code"] == "FOUR_EYES"
    assert refused(desk, "case", "decide", str(cid), "--decided-on", "2026-10-12", user=CLERK)["code"] == "ROLE_FORBIDDEN"


@pytest.mark.story
def test_r14_the_administrator_can_neither_draft_nor_decide_nor_look(desk):
    """Separation of duties (issue 14 item 6): the administrator, who can make accounts, holds no business
    permission — it cannot draft a record, open or decide a case, or look at a subject; each refusal is logged."""
    sid = company(desk, 27)
    rid = record(desk, sid)["id"]
    assert refused(desk, *_record_args(sid), user="admin")["code"] == "ROLE_FORBIDDEN"
    assert refused(desk, "case", "open", "--subject", str(sid), "--list", "black", "--record", str(rid),
                   user="admin")["code"] == "ROLE_FORBIDDEN"
    cid = open_case(desk, sid, "black", records=[rid])
    serve(desk, cid)
    err = refused(desk, "case", "decide", str(cid), "--decided-on", "2026-10-12", user="admin")
    assert err["code"] == "ROLE_FORBIDDEN" and "管理员" in err["message"]
    assert refused(desk, "subject", "show", str(sid), "--purpose", "核查信用状况", user="admin")["code"] == \
        "ROLE_FORBIDDEN"
    assert refused(desk, "audit", "log", "--limit", "5", user="admin")["code"] == "ROLE_FORBIDDEN"
    log = ok(desk, "audit", "log", "--limit", "5", user=AUDITOR)
    refusals = [(r["username"], r["action"], r["outcome"]) for r in log if r["username"] == "admin"]
    assert ("admin", "audit.read", "refused") in refusals and ("admin", "subject.view", "refused") in refusals


@pytest.mark.story
def test_r11_watch_list_needs_a_warning_letter(desk):
    sid = company(desk, 25)
    cid = open_case(desk, sid, "watch", "--department", "县税务局", "--department-level", "county", "--domain", "税务",
                    "--facts", "多次轻微违法", "--basis", "清税罚〔2026〕1号", "--valid-until", "2027-09-01")
    serve(desk, cid)
    err = refused(desk, "case", "decide", str(cid), "--decided-on", "2026-10-12", user=TAX_BOSS)
    assert err["code"] == "R11_WARNING_LETTER"


@pytest.mark.story
def test_r11_serious_act_while_watched_opens_a_black_list_case(desk):
    sid = company(desk, 26)
    watch = watch_listing(desk, sid, "市场监管")
    out = record(desk, sid, number="清市监罚〔2026〕77号")
    assert out["black_case_id"]
    case = show(desk, out["black_case_id"])
    assert case["list_type"] == "black" and case["state"] == "draft"
    assert case["origin"] == "serious_while_watched" and case["origin_case_id"] == watch
    general = record(desk, sid, tier="general", number="清市监罚〔2026〕78号")
    assert general["black_case_id"] is None


@pytest.mark.story
def test_r12_each_exit_way_refused_without_its_condition(desk):
    sid = company(desk, 27)
    cid = black_listing(desk, sid)
    exit_ = ("case", "exit", str(cid), "--exit-on", "2026-11-27")
    assert refused(desk, *exit_, "--way", "2", user=BOSS)["code"] == "R12_WAY2_THROUGH_REPAIR"  # R13 repair only
    assert refused(desk, *exit_, "--way", "3", user=BOSS)["code"] == "R12_NOT_EXPIRED"
    assert refused(desk, *exit_, "--way", "4", user=BOSS)["code"] == "R12_STANDARD_CHANGE_REQUIRED"
    assert refused(desk, *exit_, "--way", "1", user=BOSS)["code"] == "R12_WITHDRAW_TWO_PEOPLE"
    draft = open_case(desk, sid, "watch")
    assert refused(desk, "case", "exit", str(draft), "--way", "4", "--standard-change", "标准已修订",
                   user=BOSS)["code"] == "R12_NOT_LISTED"


@pytest.mark.story
def test_r12_black_decision_needs_the_post_exit_watch_period(desk):
    sid = company(desk, 28)
    rid = record(desk, sid)["id"]
    cid = open_case(desk, sid, "black", records=[rid])
    serve(desk, cid)
    err = refused(desk, "case", "decide", str(cid), "--decided-on", "2026-10-12", "--measure", "M-01", user=BOSS)
    assert err["code"] == "R12_WATCH_PERIOD_REQUIRED"


@pytest.mark.story
def test_r12_exit_of_a_black_listing_by_expiry_goes_onto_the_watch_list(desk, pinned_clock):
    sid = company(desk, 29)
    rid = record(desk, sid)["id"]
    cid = open_case(desk, sid, "black", records=[rid])
    serve(desk, cid)
    decide(desk, cid, "--measure", "M-01", "--post-exit-watch-months", "6", "--valid-until", "2027-04-12")
    advance(desk, pinned_clock, "2027-04-13")  # the day after the validity ends (R12 way 3)
    gone = show(desk, cid)  # the CLI's daily check ran before this command
    assert gone["state"] == "exited" and gone["exited_on"] == "2027-04-13"
    watch = [c for c in ok(desk, "case", "list", "--subject", str(sid), "--list", "watch")]
    assert len(watch) == 1
    entry = show(desk, watch[0]["id"])
    assert entry["valid_until"] == "2027-10-13" and entry["state"] == "listed" and entry["origin_case_id"] == cid


@pytest.mark.story
def test_r19_objection_to_a_record_revokes_it_and_ends_its_open_case(desk):
    sid = company(desk, 30)
    rid = record(desk, sid)["id"]
    cid = open_case(desk, sid, "black", records=[rid])
    serve(desk, cid)
    assert refused(desk, "objection", "add", "--record", str(rid), "--grounds", " ")["code"] == "R19_GROUNDS_REQUIRED"
    obj = ok(desk, "objection", "add", "--record", str(rid), "--received-on", "2026-10-08", "--grounds", "主体错误")
    out = ok(desk, "objection", "resolve", str(obj["id"]), "--outcome", "revoked", "--reply", "经核实系主体错误",
             "--replied-on", "2026-10-15", user=BOSS)
    assert out["record_status"] == "revoked" and out["cases"] == [
        {"case_id": cid, "state": "not_listed", "decision_number": "清信不决〔2026〕1号"}]  # R5: a numbered decision
    again = refused(desk, "objection", "resolve", str(obj["id"]), "--outcome", "upheld", "--reply", "x", user=BOSS)
    assert again["code"] == "R19_ALREADY_RESOLVED" and again["rule"] == "R19"


def test_r19_nothing_to_object_to_in_a_draft(desk):
    sid = company(desk, 31)
    cid = open_case(desk, sid, "watch")
    err = refused(desk, "case", "object", str(cid), "--grounds", "不服")
    assert err["code"] == "R19_NOTHING_TO_OBJECT"


def test_r19_corrected_objection_changes_the_record(desk):
    sid = company(desk, 32)
    rid = record(desk, sid)["id"]
    obj = ok(desk, "objection", "add", "--record", str(rid), "--received-on", "2026-10-08", "--grounds", "货值有误")
    ok(desk, "objection", "resolve", str(obj["id"]), "--outcome", "corrected", "--reply", "更正货值",
       "--facts", "销售不合格产品，货值金额五千元", user=BOSS)
    shown = ok(desk, "record", "show", str(rid), "--purpose", "核对更正")
    assert shown["status"] == "changed" and shown["facts"] == "销售不合格产品，货值金额五千元"
