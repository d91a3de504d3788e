"""认定部门 (issue 13 item 5): departments are entities, users belong to them, a case is decided by its department
and its documents carry that department's name, 落款 and 文号 prefix; county level or above for every list (R4,
1798号 (六)); department management is an administrator act."""

from __future__ import annotations

import pytest
import random

from credit_desk.domain import demo
from tests.documents.conftest import pdftotext
from tests.e2e.case_kit import (BOSS, CLERK, company, decide, desk, ok, open_case, record, refused,  # noqa: F401
                                serve, show, staffed_template)

MARKET = "清江浦区市场监督管理局"


def _uscc(seed: int) -> str:
    return demo.uscc(random.Random(seed), "320812")


def _add_dept(office, name: str, level: str, prefix: str, seed: int, domain="市场监管") -> dict:
    return ok(office, "department", "add", "--name", name, "--uscc", _uscc(seed), "--level", level,
              "--domain", domain, "--prefix", prefix, user="admin")


@pytest.mark.story
def test_r4_documents_issued_in_the_deciding_departments_name_and_prefix(desk, tmp_path):
    dept = _add_dept(desk, MARKET, "county", "清市监", 901)
    assert refused(desk, "department", "add", "--name", "x局", "--uscc", _uscc(902), "--level", "county",
                   "--domain", "税务", "--prefix", "清税")["code"] == "ROLE_FORBIDDEN"  # an administrator act
    ok(desk, "user", "assign", CLERK, "--department", MARKET, user="admin")
    ok(desk, "user", "assign", BOSS, "--department", MARKET, user="admin")  # R4: its own staff decide
    sid = company(desk, 141)
    rid = record(desk, sid)["id"]
    # the clerk's own department decides when none is named; the typed level/domain give way to the entity's
    cid = ok(desk, "case", "open", "--subject", str(sid), "--list", "black", "--record", str(rid),
             "--ground", "b", "--standard", "《严重违法失信名单管理办法》第二条", "--standard-kind", "department_rule",
             "--opened-on", "2026-09-20")["id"]
    entry = show(desk, cid)
    assert entry["department"] == MARKET and entry["department_level"] == "county" and entry["domain"] == "市场监管"
    notice_no = serve(desk, cid)["notice_number"]
    assert notice_no.startswith("清市监信告〔")
    out = decide(desk, cid, "--measure", "M-01", "--post-exit-watch-months", "12")
    assert out["decision_number"].startswith("清市监信决〔") and out["issuer"] == MARKET
    ok(desk, "print", "listing_decision", "--case", str(cid), "--out", str(tmp_path / "d.pdf"))
    text = pdftotext(tmp_path / "d.pdf")
    tail = text.strip().splitlines()[-8:]  # the 落款 block at the foot of the decision
    assert any(MARKET in line for line in tail), tail
    assert "清江浦区信用办" not in text and out["decision_number"] in text.replace("\n", "")
    # the credit office's own documents stay its own
    ok(desk, "print", "credit_query", "--subject", str(sid), "--purpose", "核查", "--out", str(tmp_path / "q.pdf"))
    assert "清江浦区信用办" in pdftotext(tmp_path / "q.pdf")
    assert dept["level"] == "county"


def test_r4_a_township_decides_no_list_not_even_a_red_one(desk):
    _add_dept(desk, "清江浦区城南街道办事处", "township", "城南", 903, domain="基层治理")
    sid = company(desk, 142)
    err = refused(desk, "case", "open", "--subject", str(sid), "--list", "red", "--department", "清江浦区城南街道办事处")
    assert err["code"] == "R4_DEPARTMENT_LEVEL"
    # a registered ledger takes no typed department in place of a registered one
    err = refused(desk, "case", "open", "--subject", str(sid), "--list", "red", "--department", "随便写的部门")
    assert err["code"] == "DEPT_NOT_FOUND"


def test_r4_county_level_for_every_list_type_also_on_typed_levels(desk):
    sid = company(desk, 143)
    rid = record(desk, sid, tier="general")["id"]  # R1: a watch listing rests on a record
    _add_dept(desk, "城南街道", "township", "城南", 906, domain="基层治理")
    for lt in ("red", "watch"):
        recs = ("--record", str(rid)) if lt == "watch" else ()
        err = refused(desk, "case", "open", "--subject", str(sid), "--list", lt, "--department", "城南街道",
                      "--department-level", "township", *recs)
        assert err["code"] == "R4_DEPARTMENT_LEVEL", lt
        err = refused(desk, "case", "open", "--subject", str(sid), "--list", lt, "--department", "城北街道",
                      "--department-level", "county", *recs)  # a typed name with a typed "county" is no department
        assert err["code"] == "DEPT_NOT_FOUND" and "department add" in err["cli"] and "由管理员先登记" in err["message"], lt


def test_department_add_validates_its_fields(desk):
    bad = refused(desk, "department", "add", "--name", "清江浦区税务局", "--uscc", "12345", "--level", "county",
                  "--domain", "税务", "--prefix", "清区税", user="admin")
    assert bad["field"] == "uscc"
    before = [d["name"] for d in ok(desk, "department", "list")]
    _add_dept(desk, "清江浦区税务局", "county", "清区税", 904, domain="税务")
    dup = refused(desk, "department", "add", "--name", "清江浦区税务局", "--uscc", _uscc(905), "--level", "county",
                  "--domain", "税务", "--prefix", "清区税2", user="admin")
    assert dup["code"] == "DEPT_EXISTS" and dup["field"] == "name"
    listed = ok(desk, "department", "list")
    assert [d["name"] for d in listed] == before + ["清江浦区税务局"]


@pytest.mark.story
def test_r13_repair_documents_are_issued_by_the_deciding_department_not_the_office(desk, tmp_path):
    """Gap 1 (谁认定、谁修复, R13): the repair's acceptance, decision and one-time notice carry the deciding
    department's name in the 落款 and its 文号 prefix; a department that is not registered cannot have them issued
    in the office's name instead."""
    from tests.e2e.repair_kit import apply, old_record
    _add_dept(desk, MARKET, "county", "清市监", 907)
    sid = company(desk, 144)
    rid = old_record(desk, sid)
    cid = ok(desk, "case", "open", "--subject", str(sid), "--list", "black", "--record", str(rid),
             "--department", MARKET, "--ground", "b", "--standard", "《严重违法失信名单管理办法》第二条",
             "--standard-kind", "department_rule", "--opened-on", "2025-09-18")["id"]
    ok(desk, "case", "notice", str(cid), "--served-on", "2025-09-19")
    ok(desk, "user", "assign", BOSS, "--department", MARKET, user="admin")  # R4 / R13: its own staff decide
    ok(desk, "case", "decide", str(cid), "--decided-on", "2025-10-13", "--measure", "M-01",
       "--post-exit-watch-months", "12", user=BOSS)
    missing = apply(desk, sid, cases=[cid], materials=["proof"], on="2026-10-19")["id"]
    ok(desk, "print", "repair_supplement", "--repair", str(missing), "--out", str(tmp_path / "sup.pdf"))
    ok(desk, "repair", "reject", str(missing), "--reason", "申请人撤回申请", "--on", "2026-10-19")
    req = apply(desk, sid, cases=[cid], on="2026-10-20")["id"]
    accepted = ok(desk, "repair", "accept", str(req), "--accepted-on", "2026-10-20")
    assert accepted["accept_number"].startswith("清市监信修受〔2026〕")
    ok(desk, "repair", "decide", str(req), "--outcome", "repaired", "--for-department", MARKET,
       "--decided-on", "2026-10-22", user=BOSS)
    for doc, name in (("repair_accepted", "acc"), ("repair_decision", "dec")):
        ok(desk, "print", doc, "--repair", str(req), "--out", str(tmp_path / f"{name}.pdf"))
    for name in ("sup", "acc", "dec"):
        text = pdftotext(tmp_path / f"{name}.pdf")
        tail = "".join(text.strip().splitlines()[-8:])  # the 落款 block
        assert MARKET in tail and "清江浦区信用办" not in text, name
    assert "清市监信修决〔2026〕" in pdftotext(tmp_path / "dec.pdf").replace("\n", "")
    # a record decided by a department the ledger does not know: refused, nothing issued in the office's name
    other = company(desk, 145)
    stray = ok(desk, "record", "add", "--subject", str(other), "--catalogue-code", "S-03-02", "--tier", "general",
               "--facts", "未按规定办理", "--doc-type", "admin_penalty", "--doc-number", "清住建罚〔2026〕3号",
               "--doc-authority", "县住房和城乡建设局", "--doc-issued", "2026-05-06", "--doc-effective", "2026-05-20",
               "--department", "县住房和城乡建设局", "--act-date", "2026-05-01")["id"]
    err = refused(desk, "repair", "apply", "--subject", str(other), "--applicant", "王建国", "--channel", "window",
                  "--received-on", "2026-10-20", "--record", str(stray), "--material", "proof",
                  "--material", "commitment")
    assert err["code"] == "R13_DEPARTMENT_NOT_REGISTERED" and "department add" in err["cli"] and "由管理员先登记" in err["message"]
    assert ok(desk, "repair", "list") == [] or all(r["subject_id"] != other for r in ok(desk, "repair", "list"))


@pytest.mark.story
def test_r4_a_ledger_with_no_department_refuses_a_typed_one_and_says_how_to_register(office, secret_files,
                                                                                     pinned_clock):
    """Gap 2 (49号 四(八)): before any department is registered, a typed name is no deciding department — not at
    opening, and a draft without one gets no notice or decision; the refusal names the command to register."""
    for name, role in ((CLERK, "clerk"), (BOSS, "approver")):
        code, _, err = office("user", "add", name, "--role", role, "--password-file", str(secret_files["user"]))
        assert code == 0, err
    assert ok(office, "department", "list") == []
    sid = company(office, 146)
    rid = record(office, sid)["id"]
    fields = ("--ground", "b", "--standard", "《严重违法失信名单管理办法》第二条", "--standard-kind", "department_rule",
              "--opened-on", "2026-09-20")
    err = refused(office, "case", "open", "--subject", str(sid), "--list", "black", "--record", str(rid),
                  "--department", "县市场监督管理局", "--department-level", "county", *fields)
    assert err["code"] == "DEPT_NOT_REGISTERED" and "department add --name 县市场监督管理局" in err["cli"]
    draft = ok(office, "case", "open", "--subject", str(sid), "--list", "black", "--record", str(rid), *fields)["id"]
    err = refused(office, "case", "notice", str(draft), "--served-on", "2026-09-28")
    assert err["code"] == "DEPT_NOT_REGISTERED" and "department add" in err["cli"] and "由管理员先登记" in err["message"]
    assert refused(office, "case", "decide", str(draft), "--not-list", "--reason-code", "facts_not_established", "--decided-on",
                   "2026-09-28", user=BOSS)["code"] == "DEPT_NOT_REGISTERED"
    _add_dept(office, MARKET, "county", "清市监", 908)
    ok(office, "case", "update", str(draft), "--department", MARKET)
    # R5: never numbered before, the notice is numbered and served on the day it is recorded
    assert serve(office, draft, on=pinned_clock["now"].date().isoformat())["notice_number"].startswith("清市监信告〔2026〕")
