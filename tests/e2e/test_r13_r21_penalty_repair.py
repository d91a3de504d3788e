"""Credit repair of a published 双公示 administrative penalty (R13, R21), walked through the CLI on a story ledger.

The office publishes a penalty for its tier's period and serves with it a 信用修复告知书 (两书同达) saying "可自X起申请
信用修复". These tests take the party at its word: on day X it applies with proof and a signed 信用承诺书, the
department that decided the penalty (谁认定、谁修复) accepts and decides within the time limits under numbered papers,
and the penalty leaves publication at once (停止公示) — the register, the public upload sheet, credit checks and the
subject's credit report stop showing it, with its audit row and a change-log row for the platform's next bundle
(一次申请、同步修复). And the unlawful paths are refused, each by its rule.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil

import pytest

from credit_desk.services import ledgers
from tests.documents.conftest import pdftotext
from tests.e2e.case_kit import BOSS, CLERK, REVIEWER, TAX_BOSS, company, desk, ok, refused  # noqa: F401
from tests.e2e.case_kit import staffed_template  # noqa: F401
from tests.e2e.penalty_repair_kit import DEPT, TAX, TAX_USCC, apply_decisions, company_uscc, decision

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils")


def _text(path) -> str:
    return re.sub(r"\s", "", pdftotext(path))


def _rows(data_dir, sql: str, params=()) -> list:
    d = ledgers.unlock(data_dir)
    try:
        return d.ledger.conn.execute(sql, params).fetchall()
    finally:
        d.close()


@pytest.mark.story
def test_r13_r21_a_published_penalty_is_repaired_on_the_day_its_notice_promised_and_stops_publication(
        desk, data_dir, tmp_path):
    sid = company(desk, 91)
    uscc = company_uscc(91)
    did = decision(desk, 91, "清市监罚〔2026〕91号", "2026-04-15", tier="一般", publish_on="2026-04-17")
    notice = ok(desk, "print", "repair_notice", "--decision", str(did), "--out", str(tmp_path / "notice.pdf"))
    assert "信修告" in notice["documents"][0]["number"]
    promised = "2026年7月16日"                      # 一般: shortest period 3 months (R13), from the decision date
    assert f"{promised}起申请信用修复" in _text(tmp_path / "notice.pdf")

    out = apply_decisions(desk, sid, [did], on="2026-07-16")   # the party comes on the day promised
    assert out["eligible"] is True and out["first_eligible_on"] == "2026-07-16", out
    assert out["targets"] == [{"type": "decision", "id": did}] and out["department"] == DEPT
    assert out["tier"] == "general" and out["finish_due"] == "2026-07-30"      # 10 working days (R13)
    acc = ok(desk, "repair", "accept", str(out["id"]), "--accepted-on", "2026-07-16")
    assert acc["state"] == "accepted" and acc["decide_due"] == "2026-07-21" and acc["accept_number"]
    ok(desk, "print", "repair_accepted", "--repair", str(out["id"]), "--out", str(tmp_path / "a.pdf"))
    accepted = _text(tmp_path / "a.pdf")   # the numbered 受理通知书 names the penalty, in the department's name
    assert f"{DEPT}《行政处罚决定书》（清市监罚〔2026〕91号）的公示信息" in accepted and acc["accept_number"] in accepted
    done = ok(desk, "repair", "decide", str(out["id"]), "--outcome", "repaired", "--for-department", DEPT,
              "--decided-on", "2026-07-20", user=BOSS)     # the penalty's own department decides (谁认定、谁修复)
    assert done["state"] == "repaired" and done["decisions_stopped"] == [did] and done["decision_number"]
    labels = ok(desk, "repair", "show", str(out["id"]), "--purpose", "办理信用修复")["target_labels"]
    assert labels == [f"行政处罚决定{did}：{DEPT}清市监罚〔2026〕91号（一般，信用修复，已停止公示）"]

    shown = ok(desk, "decision", "show", str(did), "--purpose", "核查信用修复结果")
    assert shown["state"] == "repaired" and shown["ended_on"] == "2026-07-20" and "停止公示" in shown["state_zh"]
    assert ok(desk, "decision", "list", "--state", "published") == []
    assert refused(desk, "decision", "publish", str(did), user=REVIEWER)["code"] == "DECISION_STATE"
    assert not [i for i in ok(desk, "due") if i["object_id"] == did and i["kind"] == "publish_decision"]

    # the public outputs stop showing it: the platform's upload sheet, a credit check, the subject's report
    sheet = ok(desk, "decision", "export-sheet", str(tmp_path / "upload.xlsx"))
    assert sheet["penalty"] == 0
    check = ok(desk, "credit-check", "entry", "--department", "清江浦区财政局", "--purpose", "评优评先资格审查",
               "--subject", f"淮安测试91有限公司,{uscc}")
    assert "penalty" not in check["results"][0]["categories"]
    ok(desk, "report", "subject", str(sid), "--purpose", "企业申请出具信用报告", "--out", str(tmp_path / "r.pdf"))
    assert "清市监罚〔2026〕91号" not in _text(tmp_path / "r.pdf")

    # its audit row and the change-log row the platform gets in the next bundle (一次申请、同步修复)
    audit = _rows(data_dir, "SELECT username, detail FROM audit WHERE action = 'disclosure.repair_stop' "
                            "AND object_id = ?", (str(did),))
    assert len(audit) == 1 and audit[0][0] == BOSS and json.loads(audit[0][1])["repair"] == out["id"]
    [(state,)] = _rows(data_dir, "SELECT state FROM changes WHERE entity = 'admin_decision' AND entity_id = ? "
                                 "AND op = 'repair_stop'", (str(did),))
    state = json.loads(state)
    assert state["state"] == "repaired" and state["ended_on"] == "2026-07-20"
    assert state["repair_decision_number"] == done["decision_number"]

    # the numbered decision says what happened, in the department's name
    ok(desk, "print", "repair_decision", "--repair", str(out["id"]), "--out", str(tmp_path / "d.pdf"))
    text = _text(tmp_path / "d.pdf")
    assert "清市监罚〔2026〕91号" in text and "停止公示" in text and DEPT in text
    assert done["decision_number"].replace(" ", "") in text


@pytest.mark.story
def test_r13_r21_unlawful_repairs_of_penalty_decisions_are_refused(desk):
    sid = company(desk, 92)
    other = company(desk, 93)
    general = decision(desk, 92, "清市监罚〔2026〕201号", "2026-04-15", publish_on="2026-04-17")
    serious = decision(desk, 92, "清市监罚〔2026〕202号", "2026-05-10", tier="严重", publish_on="2026-05-12")
    slight = decision(desk, 92, "清市监罚〔2026〕203号", "2026-05-10", tier="轻微", publish_on="2026-05-12")
    licence = decision(desk, 92, "清市监许〔2026〕204号", "2026-05-10", kind="行政许可", publish_on="2026-05-12")
    revoked = decision(desk, 92, "清市监罚〔2026〕205号", "2026-04-15", publish_on="2026-04-17")
    ok(desk, "decision", "revoke", str(revoked), "--reason", "复议决定撤销原处罚决定（清政复决〔2026〕9号）", "--on",
       "2026-06-01")
    theirs = decision(desk, 93, "清市监罚〔2026〕206号", "2026-04-15", publish_on="2026-04-17")
    unregistered = decision(desk, 92, "某局罚〔2026〕207号", "2026-04-15", authority="县未登记局",
                            authority_uscc=company_uscc(94), publish_on="2026-04-17")

    def apply_refused(did, code):
        err = refused(desk, "repair", "apply", "--subject", str(sid), "--applicant", "王建国", "--channel", "window",
                      "--received-on", "2026-10-20", "--decision", str(did), "--material", "proof", "--material",
                      "commitment")
        assert err["code"] == code, err
        return err

    assert apply_refused(licence, "R13_DECISION_LICENCE")["rule"] == "R13"     # a licence is no dishonesty info
    assert "轻微" in apply_refused(slight, "R13_DECISION_SLIGHT")["message"]   # never published: nothing to stop
    assert "撤销" in apply_refused(revoked, "R13_TARGET_STATE")["message"]      # R3: gone already
    apply_refused(theirs, "R13_TARGET")                                         # another subject's penalty
    assert "县未登记局" in apply_refused(unregistered, "R13_DEPARTMENT_NOT_REGISTERED")["message"]
    assert ok(desk, "repair", "list", "--subject", str(sid)) == []              # nothing registered by refusals
    assert ok(desk, "repair", "list", "--subject", str(other)) == []

    # too early: a 严重 penalty's shortest period is 1 year; the application is registered, not accepted
    early = apply_decisions(desk, sid, [serious], on="2026-10-20")
    assert early["eligible"] is False and early["first_eligible_on"] == "2027-05-11"
    err = refused(desk, "repair", "accept", str(early["id"]), "--accepted-on", "2026-10-20")
    assert err["code"] == "R13_TOO_EARLY" and "2027-05-11" in err["message"]

    out = apply_decisions(desk, sid, [general], on="2026-10-20")
    assert refused(desk, "repair", "apply", "--subject", str(sid), "--applicant", "王建国", "--channel", "window",
                   "--decision", str(general))["code"] == "R13_ALREADY_OPEN"
    ok(desk, "repair", "accept", str(out["id"]), "--accepted-on", "2026-10-20", user=BOSS)
    rid = str(out["id"])
    assert refused(desk, "repair", "decide", rid, "--outcome", "repaired", "--for-department", DEPT,
                   "--decided-on", "2026-10-21", user=BOSS)["code"] == "FOUR_EYES"     # the acceptor may not
    assert refused(desk, "repair", "decide", rid, "--outcome", "repaired", "--for-department", TAX,
                   "--decided-on", "2026-10-21", user=TAX_BOSS)["code"] == "R13_WHO_DECIDES"
    assert refused(desk, "repair", "decide", rid, "--outcome", "repaired", "--for-department", DEPT,
                   "--decided-on", "2026-10-21", user=TAX_BOSS)["code"] == "R13_WHO_DECIDES"
    assert refused(desk, "repair", "decide", rid, "--outcome", "repaired", "--for-department", DEPT,
                   "--decided-on", "2026-10-21", "--record-action", "deleted",
                   user=REVIEWER)["code"] == "R13_DECISION_ACTION"           # a penalty's repair is 停止公示
    assert ok(desk, "decision", "show", str(general), "--purpose", "核查")["state"] == "published"
    assert TAX_USCC  # the tax bureau is registered, but did not decide this penalty


@pytest.mark.story
def test_r13_r21_a_refused_repair_leaves_the_penalty_published(desk):
    sid = company(desk, 95)
    did = decision(desk, 95, "清市监罚〔2026〕301号", "2026-04-15", publish_on="2026-04-17")
    out = apply_decisions(desk, sid, [did], on="2026-10-20")
    ok(desk, "repair", "accept", str(out["id"]), "--accepted-on", "2026-10-20")
    done = ok(desk, "repair", "decide", str(out["id"]), "--outcome", "refused", "--for-department", DEPT,
              "--reason", "罚款尚未缴纳，未履行行政处罚决定", "--decided-on", "2026-10-21", user=BOSS)
    assert done["state"] == "refused" and not done.get("decisions_stopped")
    assert ok(desk, "decision", "show", str(did), "--purpose", "核查")["state"] == "published"
    assert CLERK


@pytest.mark.story
def test_r13_r21_the_deciding_department_is_found_by_the_authoritys_code(desk):
    """谁认定、谁修复: a department writes its full name as 决定机关; its 统一社会信用代码 names the registered department."""
    from tests.e2e.penalty_repair_kit import DEPT_USCC
    sid = company(desk, 96)
    did = decision(desk, 96, "清市监罚〔2026〕401号", "2026-04-15", authority="淮安市清江浦区市场监督管理局",
                   authority_uscc=DEPT_USCC, publish_on="2026-04-17")
    out = apply_decisions(desk, sid, [did], on="2026-10-20")
    assert out["department"] == DEPT and out["eligible"]


@pytest.mark.story
def test_r13_r17_r21_a_broken_repair_commitment_publishes_the_penalty_again(desk):
    """R17: the repair rested on a signed repair commitment; when it is broken the penalty is shown again until its
    longest period ends, and the platform hears of it."""
    sid = company(desk, 97)
    did = decision(desk, 97, "清市监罚〔2026〕501号", "2026-04-15", publish_on="2026-04-17")
    ok(desk, "commitment", "item-add", "XF-01", "--name", "信用修复承诺", "--type", "repair", "--basis", "令2025年第36号")
    com = ok(desk, "commitment", "add", "--subject", str(sid), "--item", "XF-01", "--content", "不再发生同类失信行为",
             "--made-on", "2026-10-20")["id"]
    out = apply_decisions(desk, sid, [did], on="2026-10-20", materials=("proof",), extra=("--commitment", str(com)))
    assert out["eligible"] and "commitment" in out["materials"]
    ok(desk, "repair", "accept", str(out["id"]), "--accepted-on", "2026-10-20")
    ok(desk, "repair", "decide", str(out["id"]), "--outcome", "repaired", "--for-department", DEPT,
       "--decided-on", "2026-10-21", user=BOSS)
    assert ok(desk, "decision", "show", str(did), "--purpose", "核查")["state"] == "repaired"
    broke = ok(desk, "commitment", "check", str(com), "--fulfilment", "none", "--checked-on", "2026-11-20")
    assert broke["key_supervision_flag"]
    back = ok(desk, "decision", "show", str(did), "--purpose", "核查")
    assert back["state"] == "published" and back["publication_end"] == "2027-04-15"   # 一般: longest 1 year
    assert ok(desk, "repair", "show", str(out["id"]), "--purpose", "核查")["reverted_on"] == "2026-11-20"


@pytest.mark.story
def test_r13_r21_the_platform_hears_the_stop_in_the_next_bundle(desk, tmp_path):
    """一次申请、同步修复: the reference intake files the decision as repaired from the office's next bundle."""
    from pathlib import Path

    from credit_desk.intake.receiver import Intake
    from tests.e2e.case_kit import walk_to_now
    from tests.e2e.sync_support import export, pair
    sid = company(desk, 98)
    did = decision(desk, 98, "清市监罚〔2026〕601号", "2026-04-15", publish_on="2026-04-17")
    out = apply_decisions(desk, sid, [did], on="2026-10-20")
    ok(desk, "repair", "accept", str(out["id"]), "--accepted-on", "2026-10-20")
    ok(desk, "repair", "decide", str(out["id"]), "--outcome", "repaired", "--for-department", DEPT,
       "--decided-on", "2026-10-21", user=BOSS)
    walk_to_now(desk)
    intake_dir = pair(desk, tmp_path)
    intake = Intake(intake_dir)
    _, info = intake.receive(Path(export(desk, tmp_path / "usb")[0]["file"]).read_bytes())
    assert info["rejected"] == 0, info
    ledger_id = json.loads((Path(desk.data_dir) / "ledger.json").read_text())["ledger_id"]
    asked = {"actor": "平台管理员", "reason": "核对信用修复同步"}   # R14: the platform logs who looks and why
    [filed] = [f for f in intake.decisions(ledger_id, **asked) if f["decision_id"] == str(did)]
    assert filed["state"] == "repaired"


@pytest.mark.story
def test_r3_r13_revoking_the_penalty_ends_the_repair_request_about_it(desk):
    """R3: a revoked decision leaves publication at once; the open repair request about nothing but it has nothing
    left to repair and ends (终止办理) with its audit and change rows, instead of standing on the due list."""
    sid = company(desk, 99)
    did = decision(desk, 99, "清市监罚〔2026〕701号", "2026-04-15", publish_on="2026-04-17")
    out = apply_decisions(desk, sid, [did], on="2026-10-20")
    ok(desk, "repair", "accept", str(out["id"]), "--accepted-on", "2026-10-20")
    gone = ok(desk, "decision", "revoke", str(did), "--reason", "复议决定撤销原处罚决定（清政复决〔2026〕11号）",
              "--on", "2026-10-21")
    assert gone["state"] == "revoked" and gone["repairs_closed"] == [out["id"]]
    assert ok(desk, "repair", "show", str(out["id"]), "--purpose", "核查")["state"] == "closed"
    assert not [i for i in ok(desk, "due") if i["object_type"] == "repair" and i["object_id"] == out["id"]]


@pytest.mark.story
def test_r13_a_penalty_under_repair_keeps_what_its_eligibility_rests_on(desk):
    """R13 (att19d's leftover): a correction of the decision date or tier while a repair request about the penalty
    is being handled would move the shortest period under the request's judgment: refused, nothing changed; other
    elements may be corrected; once the request is decided, the correction goes through."""
    sid = company(desk, 98)
    did = decision(desk, 98, "清市监罚〔2026〕702号", "2026-04-15", publish_on="2026-04-17")
    out = apply_decisions(desk, sid, [did], on="2026-10-20")
    ok(desk, "repair", "accept", str(out["id"]), "--accepted-on", "2026-10-20")
    why = "执法科来函更正（清市监函〔2026〕5号）"
    err = refused(desk, "decision", "correct", str(did), "--reason", why, "--decision-date", "2026-04-14")
    assert err["code"] == "R13_REPAIR_PENDING" and err["message"].startswith("该处罚有正在办理的信用修复申请"), err
    assert ok(desk, "decision", "show", str(did), "--purpose", "核查")["decision_date"] == "2026-04-15"
    assert ok(desk, "decision", "correct", str(did), "--reason", why, "--fine-wan", "0.3")["changed"] == ["fine_wan"]
    ok(desk, "repair", "decide", str(out["id"]), "--outcome", "refused", "--for-department", DEPT,
       "--reason", "罚款尚未缴纳，未履行行政处罚决定", "--decided-on", "2026-10-21", user=BOSS)
    assert ok(desk, "decision", "correct", str(did), "--reason", why, "--decision-date",
              "2026-04-14")["changed"] == ["decision_date"]


@pytest.mark.story
def test_r13_r21_a_penalty_flagged_non_repairable_is_refused_with_its_basis(desk):
    """R13: what a law or central policy makes non-repairable is refused, citing it — for a 双公示 penalty as for a
    record; only a senior person flags it, and the platform hears of the flag."""
    sid = company(desk, 90)
    did = decision(desk, 90, "清市监罚〔2026〕801号", "2026-04-15", publish_on="2026-04-17")
    assert refused(desk, "repair", "non-repairable", "--decision", str(did), "--basis", "x")["code"] == \
        "ROLE_FORBIDDEN"                                                           # a clerk may not flag
    ok(desk, "repair", "non-repairable", "--decision", str(did), "--basis", "《某法》第十条规定不得修复", user=BOSS)
    out = apply_decisions(desk, sid, [did], on="2026-10-20")
    assert out["eligible"] is False and [p["code"] for p in out["problems"]] == ["R13_NON_REPAIRABLE"]
    assert "《某法》第十条" in out["problems"][0]["basis"]
    err = refused(desk, "repair", "accept", str(out["id"]), "--accepted-on", "2026-10-20")
    assert err["code"] == "R13_NON_REPAIRABLE" and "《某法》第十条" in err["message"]
    assert refused(desk, "repair", "non-repairable", "--basis", "x", user=BOSS)["code"] == "FIELD_REQUIRED"


@pytest.mark.story
def test_r13_r21_a_penalty_still_due_to_publish_is_repaired_and_leaves_the_due_list(desk):
    """A penalty registered but left unpublished past its 7 working days still counts against the party (R21);
    repaired, it never goes up: off the due list, and publishing it is refused."""
    sid = company(desk, 89)
    did = decision(desk, 89, "清市监罚〔2026〕901号", "2026-04-15")          # registered, never published
    assert [i for i in ok(desk, "due") if i["object_id"] == did and i["kind"] == "publish_decision"]
    out = apply_decisions(desk, sid, [did], on="2026-10-20")
    assert out["eligible"]
    ok(desk, "repair", "accept", str(out["id"]), "--accepted-on", "2026-10-20")
    ok(desk, "repair", "decide", str(out["id"]), "--outcome", "repaired", "--for-department", DEPT,
       "--decided-on", "2026-10-21", user=BOSS)
    assert ok(desk, "decision", "show", str(did), "--purpose", "核查")["state"] == "repaired"
    assert not [i for i in ok(desk, "due") if i["object_id"] == did and i["kind"] == "publish_decision"]
    assert refused(desk, "decision", "publish", str(did), user=REVIEWER)["code"] == "DECISION_STATE"
