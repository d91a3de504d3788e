"""Issue 13 (item 6, found after the listing ended): a wrong listing that has already left its list — at expiry, or
early on a changed standard — is still undone by R12 way 1. Before, ``case object`` on an exited case was refused
(R19_NOTHING_TO_OBJECT) and the withdrawal could start only from ``listed``: the decision kept verifying as 真实有效,
the record of having been listed stayed in shared data, and the automatic watch listing that follows a black exit
(1798号 (十八)) ran on, resting on the wrong black listing.

Now (1798号 (二十)(二十三), R19): a party's objection to the ended listing or to its basis record, or the office's
own finding, proposes the withdrawal; a second senior person of the deciding department carries it out; every
register entry of the listing is voided (verify answers withdrawn, reprint refused), its content and the
objection texts about it are purged, the apology says what is true, and the post-exit watch listing that came out
of the wrong black listing is withdrawn in the same step with its own documents voided, its own apology and
correction announcement. An ended red listing is not withdrawn this way (1798号 (十九)(二十三): benefits are
recovered, no apology is owed)."""

from __future__ import annotations

import pytest
import json
from pathlib import Path

from credit_desk.intake.receiver import Intake
from credit_desk.services import ledgers
from tests.conftest import USER_PW
from tests.documents.conftest import pdftotext
from tests.e2e.case_kit import (AUDITOR, BOSS, CLERK, REVIEWER, TAX_BOSS, advance, black_listing, company,  # noqa: F401
                                decide, desk, ok, open_case, record, refused, serve, show, staffed_template,
                                watch_listing)
from tests.e2e.sync_support import export, pair

GROUNDS = "认定所依据的处罚决定已被复议机关撤销（清复决〔2026〕21号），名单认定有误"
STANDARD_CHANGE = ("--standard-change", "认定标准已修订（清市监规〔2026〕2号）")


def _print(office, doc_type: str, case: int, out: Path, user=CLERK) -> str:
    return ok(office, "print", doc_type, "--case", str(case), "--out", str(out), user=user)["documents"][0]["number"]


def _verify(office, pdf: Path) -> dict:
    code, out, _ = office("--json", "notice", "verify", "--pdf", str(pdf), user=CLERK, password=USER_PW)
    return json.loads(out)


def _ledger_rows(data_dir, sql: str, args=()) -> list[tuple]:
    d = ledgers.unlock(data_dir, read_only=True)
    try:
        return list(d.ledger.conn.execute(sql, args))
    finally:
        d.close()


def _ended_black_with_watch(desk, seed: int, tmp_path: Path, served="2026-09-28",
                            decided="2026-10-12") -> tuple[int, int, dict]:
    """A black listing decided 2026-10-12, printed, ended early on a changed standard (way 4, 2026-11-03), and the
    watch listing that followed it by rule, its warning letter printed. Returns (black, watch, printed numbers)."""
    cid = black_listing(desk, company(desk, seed), served=served, on=decided)
    numbers = {"decision": _print(desk, "listing_decision", cid, tmp_path / "decision.pdf")}
    out = ok(desk, "case", "exit", str(cid), "--way", "4", *STANDARD_CHANGE, "--exit-on", "2026-11-03",
             "--watch-months", "12", user=BOSS)
    watch = out["watch_case_id"]
    numbers["exit"] = _print(desk, "exit_announcement", cid, tmp_path / "exit.pdf")
    numbers["warning"] = _print(desk, "watch_warning", watch, tmp_path / "warning.pdf")
    assert show(desk, cid)["state"] == "exited" and show(desk, watch)["state"] == "listed"
    return cid, watch, numbers


@pytest.mark.story
def test_r19_r12_way1_objection_to_an_ended_black_listing_withdraws_it_and_its_watch_listing(desk, data_dir,
                                                                                           tmp_path):
    intake_dir = pair(desk, tmp_path)
    cid, watch, numbers = _ended_black_with_watch(desk, 1331, tmp_path)
    first = export(desk, tmp_path / "usb1")  # the listing, its exit and the watch listing reach the platform
    for b in first:
        Intake(intake_dir).receive(Path(b["file"]).read_bytes())
    for pdf in ("decision.pdf", "exit.pdf", "warning.pdf"):
        assert _verify(desk, tmp_path / pdf)["result"] == "valid"

    # R19: the party objects to the ended listing (refused before: R19_NOTHING_TO_OBJECT)
    obj = ok(desk, "case", "object", str(cid), "--received-on", "2026-11-20", "--grounds", GROUNDS)
    # the deciding department's head finds it founded: the objection files the way-1 proposal, nothing is deleted
    out = ok(desk, "case", "reply", str(obj["id"]), "--outcome", "revoked", "--reply", "经核实，认定有误",
             "--replied-on", "2026-11-23", user=BOSS)
    assert out["cases"] == [{"case_id": cid, "state": "exited", "withdrawal_id": out["cases"][0]["withdrawal_id"],
                             "withdrawal": "pending"}]
    assert show(desk, cid)["state"] == "exited" and _verify(desk, tmp_path / "decision.pdf")["result"] == "valid"

    # four eyes, the deciding department, and never a one-person exit
    assert refused(desk, "case", "withdraw-approve", str(cid), user=BOSS)["code"] == "FOUR_EYES"
    assert refused(desk, "case", "withdraw-approve", str(cid), user=CLERK)["code"] == "ROLE_FORBIDDEN"
    assert refused(desk, "case", "withdraw-approve", str(cid), user=TAX_BOSS)["rule"] == "R4"
    assert refused(desk, "case", "exit", str(cid), "--way", "1", user=REVIEWER)["code"] == "R12_WITHDRAW_TWO_PEOPLE"
    assert show(desk, cid)["state"] == "exited" and show(desk, watch)["state"] == "listed"

    done = ok(desk, "case", "withdraw-approve", str(cid), "--on", "2026-11-24", user=REVIEWER)
    assert done["state"] == "withdrawn_wrongful" and (done["proposed_by"], done["approved_by"]) == (BOSS, REVIEWER)
    assert [(w["case_id"], w["state"]) for w in done["withdrawn_with"]] == [(watch, "withdrawn_wrongful")]
    assert show(desk, watch)["state"] == "withdrawn_wrongful"

    # every register entry of both listings is voided: verify answers withdrawn, reprint is refused
    for pdf in ("decision.pdf", "exit.pdf", "warning.pdf"):
        verdict = _verify(desk, tmp_path / pdf)
        assert verdict["result"] == "withdrawn" and "撤回" in verdict["message"], (pdf, verdict)
    for number in numbers.values():
        assert refused(desk, "print", "reprint", number, "--out", str(tmp_path / "again.pdf"),
                       "--purpose", "当事人索要副本")["code"] == "R12_DOC_WITHDRAWN"
    for case, doc in ((cid, "listing_decision"), (cid, "exit_announcement"), (watch, "watch_warning")):
        assert refused(desk, "print", doc, "--case", str(case), "--out",
                       str(tmp_path / "x.pdf"))["code"] == "R12_CASE_WITHDRAWN"

    # the party's documents say the truth: the black listing had already ended, the watch listing falls with it
    _print(desk, "apology_letter", cid, tmp_path / "apology.pdf")
    letter = pdftotext(tmp_path / "apology.pdf").replace("\n", "")
    assert "经异议核实，该认定有误" in letter and "已于2026年11月3日移出严重失信主体名单" in letter
    assert "一并撤销2026年11月3日" in letter and numbers["warning"] in letter and "重点关注名单" in letter
    assert "从严重失信主体名单中删除" not in letter  # it was no longer on it
    _print(desk, "apology_letter", watch, tmp_path / "apology_watch.pdf")
    theirs = pdftotext(tmp_path / "apology_watch.pdf").replace("\n", "")
    assert "移出严重失信主体名单后依规列入" in theirs and f"原认定决定为{numbers['decision']}" in theirs
    assert "亦无依据" in theirs
    assert "从重点关注名单中删除" in theirs, theirs  # it was still running
    for case in (cid, watch):
        _print(desk, "correction_announcement", case, tmp_path / f"correction{case}.pdf")
        text = pdftotext(tmp_path / f"correction{case}.pdf")
        assert "更正公告" in text and "县市场监督管理局" in text and "销售不合格产品" not in text

    # audit and change log: one row per step, both cases withdrawn in the approval's own step
    audit = _ledger_rows(data_dir, "SELECT username, action, object_id, detail, outcome FROM audit WHERE object_type "
                                   "IN ('case', 'objection') AND outcome = 'ok' AND action IN ('objection.add', "
                                   "'objection.resolve', 'case.withdraw_propose', 'case.exit') ORDER BY id")
    steps = [(u, a, oid, json.loads(d).get("way"), json.loads(d).get("from"), json.loads(d).get("because_of_case"))
             for u, a, oid, d, _ in audit]
    assert steps[-5:] == [(CLERK, "objection.add", str(obj["id"]), None, None, None),
                          (BOSS, "case.withdraw_propose", str(cid), None, None, None),
                          (BOSS, "objection.resolve", str(obj["id"]), None, None, None),
                          (REVIEWER, "case.exit", str(cid), "1", "exited", None),
                          (REVIEWER, "case.exit", str(watch), "1", "listed", cid)], steps
    ops = _ledger_rows(data_dir, "SELECT entity_id, op FROM changes WHERE entity = 'case' AND entity_id IN (?, ?) "
                                 "ORDER BY id", (str(cid), str(watch)))
    assert ops[-3:] == [(str(cid), "withdraw_proposal"), (str(cid), "withdraw"), (str(watch), "withdraw")]

    # purge: the documents' stored content and the objection's texts are gone
    for number in numbers.values():
        assert _ledger_rows(data_dir, "SELECT status, context, key_fields, template FROM documents WHERE number = ?",
                            (number,)) == [("withdrawn", "{}", "[]", "")]
    grounds, reply = _ledger_rows(data_dir, "SELECT grounds, reply FROM objections WHERE id = ?", (obj["id"],))[0]
    assert "复议" not in grounds and "认定有误" not in (reply or "")

    # the next bundle carries only the withdrawals and the apologies (nothing of the listings or the objection)
    seen = max(b["seq"] for b in first)
    second = [b for b in export(desk, tmp_path / "usb2") if b["seq"] > seen]  # the first is not acknowledged yet
    assert second
    for b in second:
        _, info = Intake(intake_dir).receive(Path(b["file"]).read_bytes())
        assert info["rejected"] == 0
    office_id = ok(desk, "keys", "show", user=BOSS)["office"]
    new = [c for c in Intake(intake_dir).stored_changes(office_id) if c["seq"] > seen]
    assert [(c["entity_id"], c["op"]) for c in new if c["entity"] == "case"] == [(str(cid), "withdraw"),
                                                                               (str(watch), "withdraw")]
    assert not [c for c in new if c["entity"] == "objection"]
    text = json.dumps(new, ensure_ascii=False)
    assert GROUNDS not in text and not [n for n in numbers.values() if n in text]


@pytest.mark.story
def test_r12_way1_own_finding_after_the_black_listing_expired(desk, pinned_clock, tmp_path):
    """R12 way 1 from the office's own finding (主动发现, 1798号 (二十三)) on a black listing that left its list at
    expiry (way 3, the day after its validity): the proposal is dated no earlier than the exit, by the deciding
    department's staff; the watch listing the expiry opened is withdrawn with it."""
    sid = company(desk, 1332)
    rid = record(desk, sid)["id"]
    cid = open_case(desk, sid, "black", records=[rid])
    serve(desk, cid)
    decide(desk, cid, "--measure", "M-01", "--post-exit-watch-months", "6", "--valid-until", "2027-04-12")
    _print(desk, "listing_decision", cid, tmp_path / "decision.pdf")
    advance(desk, pinned_clock, "2027-04-20")
    ended = show(desk, cid)  # the CLI's daily check ran: exited the day after the validity
    assert ended["state"] == "exited" and ended["exit_way"] == "3" and ended["exited_on"] == "2027-04-13"
    watch = next(c["id"] for c in ok(desk, "case", "list", "--subject", str(sid), "--list", "watch"))
    finding = ("--finding", "复查发现认定所依据的处罚决定系对同名另一企业作出，主体错误")
    err = refused(desk, "case", "withdraw", str(cid), *finding, "--on", "2027-04-10", user=REVIEWER)
    assert err["code"] == "R5_DATE_ORDER" and "移出名单" in err["message"]  # not before the listing ended
    err = refused(desk, "case", "withdraw", str(cid), *finding, user=TAX_BOSS)
    assert err["code"] == "R12_PROPOSER_DEPARTMENT"  # another department's head
    assert refused(desk, "case", "withdraw", str(cid), "--finding", " ", user=REVIEWER)["code"] == "R12_FINDING_REQUIRED"
    ok(desk, "case", "withdraw", str(cid), *finding, "--on", "2027-04-20", user=REVIEWER)
    assert refused(desk, "case", "withdraw-approve", str(cid), user=REVIEWER)["code"] == "FOUR_EYES"
    done = ok(desk, "case", "withdraw-approve", str(cid), "--on", "2027-04-20", user=BOSS)
    assert [w["case_id"] for w in done["withdrawn_with"]] == [watch]
    assert _verify(desk, tmp_path / "decision.pdf")["result"] == "withdrawn"
    _print(desk, "apology_letter", cid, tmp_path / "a.pdf")
    text = pdftotext(tmp_path / "a.pdf").replace("\n", "")
    assert "经本单位复查发现，该认定有误" in text and "已于2027年4月13日移出严重失信主体名单" in text
    assert show(desk, watch)["state"] == "withdrawn_wrongful"
    assert refused(desk, "case", "withdraw", str(cid), *finding, user=REVIEWER)["code"] == "R12_NOT_LISTED"


@pytest.mark.story
def test_r19_objection_to_the_basis_record_of_an_ended_listing_withdraws_both_in_one_step(desk, data_dir, tmp_path):
    """R19 (an objection to any record) with R12 way 1: the record an ended black listing rested on — and its
    post-exit watch listing still carries (R1/R3) — is found wrong on the party's objection: both listings get a
    way-1 proposal; approving the black listing's withdraws the watch listing in the same step and closes its own
    proposal (one approval, one transaction)."""
    cid, watch, _ = _ended_black_with_watch(desk, 1333, tmp_path)
    rid = show(desk, cid)["records"][0]["id"]
    obj = ok(desk, "objection", "add", "--record", str(rid), "--received-on", "2026-11-20", "--grounds", GROUNDS)
    out = ok(desk, "objection", "resolve", str(obj["id"]), "--outcome", "revoked", "--reply", "经核实撤销",
             "--replied-on", "2026-11-23", user=BOSS)
    assert out["record_status"] == "revoked"
    assert [(c["case_id"], c["state"], c.get("withdrawal")) for c in out["cases"]] == [
        (cid, "exited", "pending"), (watch, "listed", "pending")]
    done = ok(desk, "case", "withdraw-approve", str(cid), "--on", "2026-11-24", user=REVIEWER)
    assert [w["case_id"] for w in done["withdrawn_with"]] == [watch]
    assert show(desk, watch)["state"] == "withdrawn_wrongful"
    assert refused(desk, "case", "withdraw-approve", str(watch), user=REVIEWER)["code"] == "R12_WITHDRAWAL_NOT_PROPOSED"
    assert _ledger_rows(data_dir, "SELECT case_id, status, approved_by FROM withdrawals ORDER BY id") == [
        (cid, "done", REVIEWER), (watch, "done", REVIEWER)]
    assert _verify(desk, tmp_path / "warning.pdf")["result"] == "withdrawn"


@pytest.mark.story
def test_r12_an_ended_red_listing_or_an_independent_watch_listing_is_not_withdrawn_this_way(desk, tmp_path):
    """1798号 (十九)(二十三): way 1 for a red list deletes a subject from a red list it is on, and a wrong red listing
    is answered by recovering the benefits, not by an apology — an ended red listing is refused (R12_RED_ENDED) at
    the objection and at the proposal, and nothing changes. A watch listing the department decided on its own
    (not the one that follows the black exit) is not touched by the black listing's withdrawal."""
    sid = company(desk, 1334)
    red = open_case(desk, sid, "red", "--department", "县税务局", "--department-level", "county", "--domain", "税务",
                    "--facts", "纳税信用A级", "--basis", "税总发〔2026〕1号", "--valid-until", "2028-10-12")
    serve(desk, red)
    decide(desk, red, on="2026-10-12", user=TAX_BOSS)
    own = watch_listing(desk, sid, "市场监管", served="2026-10-12", on="2026-10-20")  # removes the red listing (R10)
    assert show(desk, red)["state"] == "exited"
    err = refused(desk, "case", "object", str(red), "--grounds", "不应列入")
    assert err["code"] == "R12_RED_ENDED" and err["rule"] == "R12" and "收回" in err["message"]
    err = refused(desk, "case", "withdraw", str(red), "--finding", "复查发现有误", user=TAX_BOSS)
    assert err["code"] == "R12_RED_ENDED"
    assert show(desk, red)["state"] == "exited"
    # a black listing of the same subject, ended and withdrawn: the department's own watch listing stays
    cid, watch, _ = _ended_black_with_watch(desk, 1335, tmp_path, served="2026-10-20", decided="2026-10-28")
    ok(desk, "case", "withdraw", str(cid), "--finding", "复查发现主体错误", "--on", "2026-11-20", user=REVIEWER)
    done = ok(desk, "case", "withdraw-approve", str(cid), "--on", "2026-11-20", user=BOSS)
    assert [w["case_id"] for w in done["withdrawn_with"]] == [watch]
    assert show(desk, own)["state"] == "listed"
