"""Issue 13, a fresh lawyer's pass (law13): the unlawful paths still open, each tried through the CLI and refused
with one Chinese-first sentence, nothing changed. Dates are typed relative to the pinned clock (TEST_NOW)."""

from __future__ import annotations

import json

from tests.conftest import TEST_NOW
from tests.documents.conftest import pdftotext
from tests.e2e.case_kit import (BLACK_FIELDS, BOSS, company, desk, ok, open_case, record, refused,  # noqa: F401
                                serve, show, staffed_template)

TODAY = TEST_NOW.date().isoformat()


# --- item 1 / item 4 (R4 with R9, R11): a black listing does not rest on slight dishonesty alone ------------

def test_r4_black_listing_refused_on_slight_records_only(desk):
    sid = company(desk, 1301)
    slight = []
    for n in (1301, 1302):  # R9: a slight record needs a justification and a second person
        rec = record(desk, sid, "--justification", "情节轻微，及时改正", tier="slight", number=f"清市监罚〔2026〕{n}号")
        ok(desk, "record", "approve", str(rec["id"]), user=BOSS)
        slight.append(rec["id"])
    serious = record(desk, sid, number="清市监罚〔2026〕1303号")["id"]
    for rids in (slight[:1], slight):  # one slight act, or slight acts repeated
        args = [a for r in rids for a in ("--record", str(r))]
        err = refused(desk, "case", "open", "--subject", str(sid), "--list", "black", *args, *BLACK_FIELDS,
                      "--opened-on", TODAY)
        assert err["code"] == "R4_BLACK_BASIS" and err["field"] == "record_ids", rids
        assert err["message"].startswith("列入严重失信主体名单须依据严重失信行为") and "重点关注名单" in err["message"]
    assert ok(desk, "case", "list", "--subject", str(sid)) == []  # nothing was written
    # the lawful paths: a black listing on a serious record; repeated slight acts go on the watch list at most
    cid = open_case(desk, sid, "black", records=[serious, slight[0]], opened_on=TODAY)
    err = refused(desk, "case", "update", str(cid), "--record", str(slight[0]))  # dropping the serious record
    assert err["code"] == "R4_BLACK_BASIS"
    assert sorted(r["id"] for r in show(desk, cid)["records"]) == sorted([serious, slight[0]])  # unchanged
    assert open_case(desk, sid, "watch", "--warning-letter", "清警〔2026〕1301号", records=slight, opened_on=TODAY)


# --- item 2 (R5): the superseded prior notice is not handed out again -----------------------------------------

def test_r5_superseded_prior_notice_is_never_reprinted(desk, tmp_path):
    sid = company(desk, 1302)
    cid = open_case(desk, sid, "black", opened_on=TODAY)
    first = serve(desk, cid, on=TODAY)["notice_number"]
    ok(desk, "print", "prior_notice", "--case", str(cid), "--out", str(tmp_path / "first.pdf"))
    # the grounds change after service: a new prior notice (new number, new window), the first superseded
    second = ok(desk, "case", "update", str(cid), "--facts", "另查明：拒不改正", "--renotice-on", TODAY)
    assert second["superseded"] == first and second["notice_number"] != first
    out = tmp_path / "copy.pdf"
    err = refused(desk, "print", "reprint", first, "--purpose", "当事人索要副本", "--out", str(out))
    assert err["code"] == "R5_DOC_SUPERSEDED" and err["field"] == "number"
    assert err["message"].startswith(f"文书 {first} 已被重新送达的预先告知书 {second['notice_number']} 取代")
    assert not out.exists()
    verdict = refused(desk, "notice", "verify", "--pdf", str(tmp_path / "first.pdf"))
    assert "作废" in verdict["message"]  # the paper itself no longer verifies either
    # the notice in force is printed and reprinted as usual
    ok(desk, "print", "prior_notice", "--case", str(cid), "--out", str(tmp_path / "second.pdf"))
    assert "拒不改正" in pdftotext(tmp_path / "second.pdf").replace("\n", "")
    copy = ok(desk, "print", "reprint", second["notice_number"], "--purpose", "当事人索要副本", "--out", str(out))
    assert copy["copy_no"] == 1 and out.exists()


# --- items 3 and 11 (R5, R20): the prior notice promises what the state machine enforces and tells the ground ---

def test_r5_prior_notice_promises_the_rule_sets_reply_limit_and_names_the_ground(desk, data_dir, tmp_path):
    """The notice printed 「十个工作日内核实并予以答复」 as a literal while the objection's due date is counted with
    the rule set's ``objection_reply_workdays``; a province that sets 7 had its notices promise 10. And a black-list
    notice never named the ground (认定情形) the decision then prints as the reason for listing."""
    from dataclasses import replace as with_values
    from datetime import date
    from credit_desk.domain.rulesets import NATIONAL_2026
    from credit_desk.services import ledgers
    from credit_desk.store import reference
    office = ledgers.unlock(data_dir)
    try:
        with office.ledger.tx() as tx:
            reference.add_rule_set(tx, with_values(NATIONAL_2026, code="JS-TEST-R7", effective_from=date(2026, 11, 1),
                                                   objection_reply_workdays=7, source="测试：省级规则集"))
    finally:
        office.close()
    sid = company(desk, 1303)
    cid = open_case(desk, sid, "black", opened_on=TODAY)
    serve(desk, cid, on=TODAY)
    ok(desk, "print", "prior_notice", "--case", str(cid), "--out", str(tmp_path / "notice.pdf"))
    text = pdftotext(tmp_path / "notice.pdf").replace("\n", "")
    assert "收到异议之日起七个工作日内核实并予以答复" in text and "十个工作日" not in text
    assert "拟认定情形：（b）严重破坏市场公平竞争秩序和社会正常秩序" in text
    obj = ok(desk, "case", "object", str(cid), "--received-on", TODAY, "--grounds", "处罚决定正在复议")
    assert obj["due_on"] == "2026-12-09"  # seven working days after 2026-11-30: the very period printed
    watch = open_case(desk, company(desk, 1304), "watch", "--warning-letter", "清警〔2026〕1304号", opened_on=TODAY)
    serve(desk, watch, on=TODAY)
    ok(desk, "print", "prior_notice", "--case", str(watch), "--out", str(tmp_path / "watch.pdf"))
    assert "拟认定情形" not in pdftotext(tmp_path / "watch.pdf")  # the four grounds are the black list's (R4)


# --- items 1 and 12 (R5 with R7): `subject update` completes the entry, it does not move a listing -------------

def test_r5_party_identity_is_fixed_once_the_notice_was_served(desk):
    """``subject update --id-number`` on the party of a served notice (or a listing) moved the notice, the decision
    and what the platform receives onto another company that was never told."""
    import random
    from credit_desk.domain import demo
    sid = company(desk, 1305)
    cid = open_case(desk, sid, "black", opened_on=TODAY)
    other = demo.uscc(random.Random(13051), "320812")
    ok(desk, "subject", "update", str(sid), "--address", "清江浦区某路1号")  # a draft named no one yet: fine
    serve(desk, cid, on=TODAY)
    before = show(desk, cid)["subject"]
    for args in (("--id-number", other), ("--kind", "individual_business")):
        err = refused(desk, "subject", "update", str(sid), *args)
        assert err["code"] == "R5_PARTY_IDENTITY" and err["field"] == args[0][2:].replace("-", "_"), args
        assert err["message"].startswith(f"该主体是认定案件{cid}的当事人") and "误列撤销" in err["message"]
    after = show(desk, cid)["subject"]
    assert (after["id_number"], after["kind"]) == (before["id_number"], before["kind"])  # nothing changed
    # R7: the entry is still completed or corrected — a new name, the representative, the address
    ok(desk, "subject", "update", str(sid), "--name", "淮安测试1305科技有限公司")
    assert show(desk, cid)["subject"]["name"] == "淮安测试1305科技有限公司"
    # before any notice the identity may still be corrected (a typo found while drafting)
    sid2 = company(desk, 1306)
    draft = open_case(desk, sid2, "black", opened_on=TODAY)
    ok(desk, "subject", "update", str(sid2), "--id-number", other)
    assert show(desk, draft)["subject"]["id_number"] == other


# --- items 6 and 11 (R19, R5): the objection's result notice says the outcome, not its opposite ----------------

def test_r19_objection_result_notice_states_the_outcome_not_its_opposite(desk, tmp_path):
    """The 异议处理结果告知书 printed 「异议成立，本单位已依法予以更正」 for an objection answered 维持 (upheld: its
    grounds did not hold), and the bare codes 'corrected' / 'revoked' for the other two outcomes."""
    said = {}
    for n, outcome in enumerate(("upheld", "corrected", "revoked")):
        cid = open_case(desk, company(desk, 1310 + n), "black", opened_on=TODAY)
        serve(desk, cid, on=TODAY)
        oid = ok(desk, "case", "object", str(cid), "--grounds", "处罚决定认定的货值有误")["id"]
        extra = ("--facts", "货值金额经复核为三万元", "--renotice-on", TODAY) if outcome == "corrected" else ()
        ok(desk, "case", "reply", str(oid), "--outcome", outcome, "--reply", "经核实", *extra, user=BOSS)
        out = tmp_path / f"{outcome}.pdf"
        ok(desk, "print", "objection_result", "--case", str(cid), "--objection", str(oid), "--out", str(out))
        said[outcome] = pdftotext(out).replace("\n", "")
        assert outcome not in said[outcome]  # never the bare code
    assert "异议理由不成立，维持拟认定事项" in said["upheld"] and "异议成立" not in said["upheld"]
    assert "更正拟认定的事实" in said["corrected"]
    assert "决定不予列入" in said["revoked"]


# --- items 2 and 6 (four eyes, R14): one person, one account ----------------------------------------------------

def test_r14_one_person_one_account_so_the_four_eyes_are_two_people(desk, secret_files):
    """The administrator added 张三 twice — zhang_a as 经办 and zhang_b as 负责人 of the deciding department — and
    张三 opened, served and then decided the same black listing: every four-eyes guard compares accounts."""
    def add(name, role, display):
        return desk("--json", "user", "add", name, "--role", role, "--display-name", display,
                    "--password-file", str(secret_files["user"]), user="admin", password=None)
    assert add("zhang_a", "clerk", "张三")[0] == 0
    code, out, _ = add("zhang_b", "approver", " 张三 ")
    err = json.loads(out)
    assert code != 0 and err["code"] == "ACCOUNT_SAME_PERSON" and err["field"] == "display_name"
    assert err["message"].startswith("已有显示名为「张三」的在用账户。同一人只设一个账户")
    listed = ok(desk, "user", "list", user="admin")
    assert [u for u in listed if u["username"] == "zhang_b"] == []  # nothing was written
    # another member of staff of that name is told apart; a deactivated duplicate is not brought back
    assert add("zhang_b", "approver", "张三（执法科）")[0] == 0
    ok(desk, "user", "deactivate", "zhang_a", "--reason", "调离", user="admin")
    assert add("zhang_c", "clerk", "张三")[0] == 0  # the name is free again
    code, out, _ = desk("--json", "user", "activate", "zhang_a", user="admin", password=None)
    assert code != 0 and json.loads(out)["code"] == "ACCOUNT_SAME_PERSON"
