"""Issue 13, the lawyer's attack on a real ledger through the CLI (session law29): unlawful paths that were still
open, each tried and refused (or now undone) at its one guard in ``domain/``."""

from __future__ import annotations

import pytest
import json
from pathlib import Path

from tests.conftest import USER_PW
from tests.e2e.case_kit import (BOSS, CLERK, REVIEWER, company, decide, desk, ok, open_case,  # noqa: F401
                                record, refused, serve, show, staffed_template)
from tests.e2e.repair_kit import apply, old_black_listing

MARKET = "县市场监督管理局"


def _verify(office, pdf: Path) -> dict:
    code, out, _ = office("--json", "notice", "verify", "--pdf", str(pdf), user=CLERK, password=USER_PW)
    return json.loads(out)


@pytest.mark.story
def test_r12_way1_withdraws_the_repair_notices_of_a_wrong_listing_that_left_by_repair(desk, tmp_path):
    """R12 way 1 / 1798号 (二十)(二十三): a black listing that left early after credit repair (way 2) and is then
    found wrong is withdrawn with its repair notices — before, the 受理通知书 still verified as 真实有效 with the
    listing's decision number in its key fields, and its stored content stayed in the register."""
    sid = company(desk, 2901)
    cid = old_black_listing(desk, sid)
    req = apply(desk, sid, cases=[cid], on="2026-10-20")["id"]
    ok(desk, "repair", "accept", str(req), "--accepted-on", "2026-10-20")
    ok(desk, "repair", "decide", str(req), "--outcome", "repaired", "--for-department", MARKET,
       "--decided-on", "2026-10-22", user=BOSS)
    numbers = {}
    for doc in ("repair_accepted", "repair_decision"):
        out = ok(desk, "print", doc, "--repair", str(req), "--out", str(tmp_path / f"{doc}.pdf"))
        numbers[doc] = out["documents"][0]["number"]
    assert show(desk, cid)["state"] == "exited" and show(desk, cid)["exit_way"] == "2"
    assert _verify(desk, tmp_path / "repair_accepted.pdf")["result"] == "valid"

    ok(desk, "case", "withdraw", str(cid), "--finding", "复查发现认定所依据的处罚决定系对同名另一企业作出，主体错误",
       "--on", "2026-11-02", user=REVIEWER)
    ok(desk, "case", "withdraw-approve", str(cid), "--on", "2026-11-02", user=BOSS)
    for doc, number in numbers.items():
        verdict = _verify(desk, tmp_path / f"{doc}.pdf")
        assert verdict["result"] == "withdrawn", (doc, verdict)
        assert "清信决" not in json.dumps(verdict, ensure_ascii=False)  # nothing of the listing is answered
        assert refused(desk, "print", "reprint", number, "--out", str(tmp_path / "again.pdf"),
                       "--purpose", "当事人索要副本")["code"] == "R12_DOC_WITHDRAWN"


@pytest.mark.story
def test_r5_record_changed_after_service_needs_a_new_notice_before_the_decision(desk, tmp_path):
    """R5 / R1 with R3 (49号 二(二), 四(八); 苏信用办〔2022〕7号 一(二)): the basis document of the record a served
    case rests on is changed (a reconsideration changed the penalty: new number, new facts); before, the decision
    was taken and printed on the old facts and the old document number — grounds the record no longer holds and
    the party was never told. Now the decision is refused until a new prior notice states the changed grounds; a
    draft is brought up to date before its notice is served."""
    sid = company(desk, 2902)
    rid = record(desk, sid)["id"]
    cid = open_case(desk, sid, "black", records=[rid])
    serve(desk, cid)
    ok(desk, "record", "change", str(rid), "--reason", "复议机关变更处罚决定", "--facts", "未按规定标注产品信息，货值金额较大",
       "--doc-number", "清市监罚〔2026〕18-1号", "--on", "2026-10-01")
    args = ("--measure", "M-01", "--measure", "M-08", "--post-exit-watch-months", "12")
    err = refused(desk, "case", "decide", str(cid), "--decided-on", "2026-10-12", *args, user=BOSS)
    assert err["code"] == "R5_RENOTICE_REQUIRED" and "重新送达预先告知书" in err["message"], err
    assert show(desk, cid)["state"] == "notice_served"
    # the lawful path: a new prior notice on the changed grounds, a new window, then the decision
    ok(desk, "case", "update", str(cid), "--record", str(rid), "--renotice-on", "2026-10-12")  # numbered that day
    assert "未按规定标注产品信息" in show(desk, cid)["facts"]
    decide(desk, cid, *args, on="2026-10-20")
    entry = show(desk, cid)
    assert entry["state"] == "listed" and "18-1号" in entry["basis"] and "销售不合格产品" not in entry["facts"]

    # a draft: its notice is not served on text the record no longer holds
    rid2 = record(desk, sid, number="清市监罚〔2026〕19号")["id"]
    draft = ok(desk, "case", "open", "--subject", str(sid), "--list", "watch", "--record", str(rid2),
               "--department", MARKET, "--warning-letter", "清警〔2026〕29号", "--valid-until", "2027-09-01",
               "--opened-on", "2026-09-20")["id"]
    ok(desk, "record", "change", str(rid2), "--reason", "复议机关变更处罚决定", "--facts", "未按规定公示年度报告",
       "--on", "2026-09-25")
    err = refused(desk, "case", "notice", str(draft), "--served-on", "2026-10-20")
    assert err["code"] == "R1_GROUNDS_STALE", err
    ok(desk, "case", "update", str(draft), "--record", str(rid2))
    serve(desk, draft, on="2026-10-20")


@pytest.mark.story
def test_r5_decision_says_the_party_was_heard_when_it_objected_to_the_basis_record(desk, tmp_path):
    """R5 (49号 四(八)) with R19: the party objected, within the window, to the record the listing rests on; the
    objection was examined and the record upheld. Before, the printed decision said 「你单位在规定期限内未提出陈述、
    申辩」 — untrue. Now it says the statement was heard; a record objection made after the decision does not
    count, and a case with no objection still says none was made."""
    from tests.documents.conftest import pdftotext
    sid = company(desk, 2906)
    rid = record(desk, sid)["id"]
    cid = open_case(desk, sid, "black", records=[rid])
    other = company(desk, 2907)
    quiet = open_case(desk, other, "black", records=[record(desk, other)["id"]])
    serve(desk, cid)
    serve(desk, quiet)  # both notices served on 2026-09-28 (R5: on the day each is numbered)
    obj = ok(desk, "objection", "add", "--record", str(rid), "--received-on", "2026-09-30", "--grounds",
             "处罚决定已申请复议，货值金额认定有误")
    ok(desk, "objection", "resolve", str(obj["id"]), "--outcome", "upheld", "--reply", "经核实，维持",
       "--replied-on", "2026-10-09", user=BOSS)
    decide(desk, cid, "--measure", "M-01", "--measure", "M-08", "--post-exit-watch-months", "12")
    ok(desk, "print", "listing_decision", "--case", str(cid), "--out", str(tmp_path / "d.pdf"))
    text = pdftotext(tmp_path / "d.pdf").replace("\n", "")
    assert "提出了陈述、申辩，本单位依法听取并进行了核实" in text and "未提出陈述、申辩" not in text

    decide(desk, quiet, "--measure", "M-01", "--measure", "M-08", "--post-exit-watch-months", "12")
    late_rid = show(desk, quiet)["records"][0]["id"]
    ok(desk, "objection", "add", "--record", str(late_rid), "--received-on", "2026-10-20", "--grounds", "事后异议")
    ok(desk, "print", "listing_decision", "--case", str(quiet), "--out", str(tmp_path / "q.pdf"))
    assert "在规定期限内未提出陈述、申辩" in pdftotext(tmp_path / "q.pdf").replace("\n", "")


@pytest.mark.story
def test_r1_changed_basis_document_is_not_dated_before_the_act(desk):
    """R1 / R3 with the R5 dates: ``record add`` refuses a basis document issued before the act it decided
    (ACT_DATE), but ``record change`` accepted one (act 2026-08-01, changed document issued 2026-07-01) — the
    listing then rested on a penalty older than the behaviour it punished. One guard for both."""
    from tests.e2e.case_kit import black_listing
    cid = black_listing(desk, company(desk, 2911))
    rid = show(desk, cid)["records"][0]["id"]
    err = refused(desk, "record", "change", str(rid), "--reason", "复议机关变更处罚决定", "--doc-issued", "2026-07-01",
                  "--doc-effective", "2026-07-16", "--on", "2026-10-25")
    assert err["code"] == "ACT_DATE", err
    assert show(desk, cid)["records"][0]["doc_issued"] == "2026-09-01"  # nothing changed
    ok(desk, "record", "change", str(rid), "--reason", "复议机关变更处罚决定", "--doc-number", "清市监罚〔2026〕18-1号",
       "--on", "2026-10-25")  # a lawful change still goes through
