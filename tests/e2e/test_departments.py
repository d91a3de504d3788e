"""认定部门 (issue 13 item 5): departments are entities, users belong to them, a case is decided by its department
and its documents carry that department's name, 落款 and 文号 prefix; county level or above for every list (R4,
1798号 (六)); department management is an administrator act."""

from __future__ import annotations

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


def test_r4_documents_issued_in_the_deciding_departments_name_and_prefix(desk, tmp_path):
    dept = _add_dept(desk, MARKET, "county", "清市监", 901)
    assert refused(desk, "department", "add", "--name", "x局", "--uscc", _uscc(902), "--level", "county",
                   "--domain", "税务", "--prefix", "清税")["code"] == "ROLE_FORBIDDEN"  # an administrator act
    ok(desk, "user", "assign", CLERK, "--department", MARKET, user="admin")
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
    for lt in ("red", "watch"):
        recs = ("--record", str(rid)) if lt == "watch" else ()
        err = refused(desk, "case", "open", "--subject", str(sid), "--list", lt, "--department", "城南街道",
                      "--department-level", "township", *recs)
        assert err["code"] == "R4_DEPARTMENT_LEVEL", lt


def test_department_add_validates_its_fields(desk):
    bad = refused(desk, "department", "add", "--name", "县税务局", "--uscc", "12345", "--level", "county",
                  "--domain", "税务", "--prefix", "清税", user="admin")
    assert bad["field"] == "uscc"
    _add_dept(desk, "县税务局", "county", "清税", 904, domain="税务")
    dup = refused(desk, "department", "add", "--name", "县税务局", "--uscc", _uscc(905), "--level", "county",
                  "--domain", "税务", "--prefix", "清税2", user="admin")
    assert dup["code"] == "DEPT_EXISTS" and dup["field"] == "name"
    listed = ok(desk, "department", "list")
    assert [d["name"] for d in listed] == ["县税务局"]
