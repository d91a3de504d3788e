"""R12 way 1 at the platform (att39a): a wrongful listing the platform already holds is withdrawn there too — after
the withdrawal reaches it, the platform keeps nothing of the listing (no listing in its subject view, none of its
rows, documents or objection texts) but the withdrawal itself and the apology issued after it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from credit_desk.intake import checks
from credit_desk.intake.receiver import Intake
from credit_desk.services import ledgers
from credit_desk.sync.refusals import BundleRefused
from tests.e2e.case_kit import (BOSS, REVIEWER, black_listing, company, desk, ok, refused,  # noqa: F401
                                staffed_template)
from tests.e2e.sync_support import pair
from tests.e2e.platform_round import decision_change_id, refusing, send, subject_no as _subject_no

GROUNDS = "处罚决定系对同名另一企业作出，本企业从未受到该处罚"


def _withdraw_on_objection(desk, cid: int, objection: int) -> dict:
    ok(desk, "case", "withdraw", str(cid), "--objection", str(objection), "--on", "2026-11-02", user=REVIEWER)
    return ok(desk, "case", "withdraw-approve", str(cid), "--on", "2026-11-02", user=BOSS)


def _listings(intake_dir: Path, id_type: str, id_number: str) -> list[dict]:
    return Intake(intake_dir).subject_listings(id_type, id_number, actor="李工", reason="联合惩戒核查")


@pytest.mark.story
def test_r12_way1_a_listing_the_platform_holds_is_gone_from_it_after_the_withdrawal(desk, data_dir, tmp_path):
    """R12 way 1 (1798号 (二十) "相关信息不予保存", DOMAIN clarification: a withdrawal voids the listing's documents and
    keeps no information about it but the apology). The listing, its decision and 信用修复告知书, and the party's
    objection reached the platform; then the listing was withdrawn as wrongful. The platform filed the withdrawal
    beside them and still showed the subject as black listed under the withdrawn decision's number, its documents as
    issued, and the objection's grounds."""
    intake_dir = pair(desk, tmp_path)
    sid = company(desk, 3901)
    cid = black_listing(desk, sid)
    decision_no = ok(desk, "print", "listing_decision", "--case", str(cid), "--out",
                     str(tmp_path / "d.pdf"))["documents"][0]["number"]
    obj = ok(desk, "case", "object", str(cid), "--received-on", "2026-10-20", "--grounds", GROUNDS)["id"]
    first = send(desk, intake_dir, tmp_path / "u1")
    assert sum(i["rejected"] for i in first) == 0, first
    no = _subject_no(data_dir, sid)
    assert [r["decision_number"] for r in _listings(intake_dir, *no)] == [decision_no]

    _withdraw_on_objection(desk, cid, obj)
    apology_no = ok(desk, "print", "apology_letter", "--case", str(cid), "--out",
                    str(tmp_path / "a.pdf"))["documents"][0]["number"]
    again = send(desk, intake_dir, tmp_path / "u2")
    assert sum(i["rejected"] for i in again) == 0, again

    assert _listings(intake_dir, *no) == []
    office_id = ok(desk, "keys", "show", user=BOSS)["office"]
    stored = Intake(intake_dir).stored_changes(office_id)
    mine = [c["op"] for c in stored if c["entity"] == "case" and c["entity_id"] == str(cid)]
    assert mine == ["withdraw"], mine
    docs = [c["state"].get("number") for c in stored if c["entity"] == "document"]
    assert docs == [apology_no], docs  # the apology is kept, nothing issued before the withdrawal
    text = json.dumps(stored, ensure_ascii=False)
    assert decision_no not in text and GROUNDS not in text
    assert not [c for c in stored if c["entity"] == "objection"]
    # the first bundle handed in again byte for byte (a USB copy) files nothing again
    with pytest.raises(BundleRefused) as got:
        Intake(intake_dir).receive(next((tmp_path / "u1").glob("320812-*.cdb")).read_bytes())
    assert got.value.code == "BUNDLE_REPLAY"
    assert _listings(intake_dir, *no) == []


@pytest.mark.story
def test_r12_way1_the_withdrawal_of_a_listing_the_platform_refused_is_taken(desk, data_dir, tmp_path, monkeypatch):
    """R12 way 1: the platform refused the wrong listing's decision (any reason); the office withdrew the listing. Its
    withdrawal rested on the refused decision and was refused too (DEPENDS_ON_REJECTED) — for ever, since requeuing
    it sends a withdrawal again — so the platform kept the listing's opening and notice rows it had taken."""
    intake_dir = pair(desk, tmp_path)
    cid = black_listing(desk, company(desk, 3902))
    decide_id = decision_change_id(data_dir, cid)
    with refusing(monkeypatch, decide_id):
        send(desk, intake_dir, tmp_path / "u1")
    ok(desk, "case", "withdraw", str(cid), "--finding", "复查发现认定所依据的处罚决定系对同名另一企业作出",
       "--on", "2026-11-02", user=REVIEWER)
    ok(desk, "case", "withdraw-approve", str(cid), "--on", "2026-11-02", user=BOSS)
    infos = send(desk, intake_dir, tmp_path / "u2")
    assert sum(i["rejected"] for i in infos) == 0, infos
    office_id = ok(desk, "keys", "show", user=BOSS)["office"]
    mine = [c["op"] for c in Intake(intake_dir).stored_changes(office_id)
            if c["entity"] == "case" and c["entity_id"] == str(cid)]
    assert mine == ["withdraw"], mine
    assert ok(desk, "bundle", "status")["quarantine"] == []


@pytest.mark.story
def test_r11_a_flag_the_platform_holds_is_gone_from_it_after_the_wrong_watch_listing_is_withdrawn(desk, tmp_path):
    """R11 with R12 way 1: a wrong watch listing in a third domain raised the 大数据警示 flag, and the platform took
    the raise (the domains, the wrong listing's day); once the listing is withdrawn, the flag is withdrawn with it —
    and the platform still kept its raise beside the withdrawal."""
    from tests.e2e.case_kit import decide_watch, serve, watch_draft
    intake_dir = pair(desk, tmp_path)
    sid = company(desk, 3903)
    drafts = {d: watch_draft(desk, sid, d) for d in ("税务", "生态环境", "市场监管")}
    for cid in drafts.values():
        serve(desk, cid, on="2026-09-28")
    decide_watch(desk, drafts["税务"], "税务", on="2026-10-12")
    decide_watch(desk, drafts["生态环境"], "生态环境", on="2026-10-12")
    decide_watch(desk, drafts["市场监管"], "市场监管", on="2026-10-20")
    send(desk, intake_dir, tmp_path / "u1")
    office_id = ok(desk, "keys", "show", user=BOSS)["office"]
    assert [c["op"] for c in Intake(intake_dir).stored_changes(office_id) if c["entity"] == "alert"] == ["raise"]
    ok(desk, "case", "withdraw", str(drafts["市场监管"]), "--finding", "复查发现认定所依据的处罚决定系对同名另一企业作出",
       "--on", "2026-11-02", user=REVIEWER)
    ok(desk, "case", "withdraw-approve", str(drafts["市场监管"]), "--on", "2026-11-02", user=BOSS)
    assert sum(i["rejected"] for i in send(desk, intake_dir, tmp_path / "u2")) == 0
    alerts = [c["op"] for c in Intake(intake_dir).stored_changes(office_id) if c["entity"] == "alert"]
    assert alerts == ["withdraw"], alerts


def _mine(intake_dir: Path, desk, entity: str, eid) -> list[dict]:
    office_id = ok(desk, "keys", "show", user=BOSS)["office"]
    return [c for c in Intake(intake_dir).stored_changes(office_id) if c["entity"] == entity
            and c["entity_id"] == str(eid)]


@pytest.mark.story
def test_r10_a_red_removal_the_platform_holds_is_gone_from_it_after_the_restore(desk, tmp_path):
    """R10 with R12 way 1: the black listing took the subject off the red list, and the platform took that removal
    (red_removed on the wrong listing's day) and its printed exit announcement; once the black listing is withdrawn
    the red listing is restored — and the platform still kept the removal and the announcement as issued beside the
    restore (the office keeps from it only a removal not yet sent)."""
    from tests.e2e.test_issue13_law30 import _red, _withdraw
    intake_dir = pair(desk, tmp_path)
    sid = company(desk, 3904)
    red = _red(desk, sid)
    cid = black_listing(desk, sid)
    number = ok(desk, "print", "exit_announcement", "--case", str(red), "--out",
                str(tmp_path / "x.pdf"))["documents"][0]["number"]
    send(desk, intake_dir, tmp_path / "u1")
    assert [c["op"] for c in _mine(intake_dir, desk, "case", red)][-1] == "exit"
    assert _mine(intake_dir, desk, "document", number)
    _withdraw(desk, cid)
    assert sum(i["rejected"] for i in send(desk, intake_dir, tmp_path / "u2")) == 0
    assert [c["op"] for c in _mine(intake_dir, desk, "case", red)] == ["open", "notice", "decide", "restore"]
    assert _mine(intake_dir, desk, "document", number) == []


@pytest.mark.story
def test_r12_way1_a_repair_request_about_the_wrong_listing_is_gone_from_the_platform(desk, tmp_path):
    """R12 way 1 / 1798号 (二十): a repair request about nothing but the wrong listing reached the platform, accepted;
    the withdrawal ends it at the office (its later rows stay home) — and the platform kept it, accepted and naming
    the withdrawn listing, for good."""
    from tests.e2e.repair_kit import apply, old_black_listing
    from tests.e2e.test_issue13_law30 import _withdraw
    intake_dir = pair(desk, tmp_path)
    sid = company(desk, 3905)
    cid = old_black_listing(desk, sid)
    req = apply(desk, sid, cases=[cid], on="2026-10-20")["id"]
    ok(desk, "repair", "accept", str(req), "--accepted-on", "2026-10-20")
    send(desk, intake_dir, tmp_path / "u1")
    assert [c["op"] for c in _mine(intake_dir, desk, "repair", req)] == ["insert", "accept"]
    _withdraw(desk, cid)
    assert sum(i["rejected"] for i in send(desk, intake_dir, tmp_path / "u2")) == 0
    assert _mine(intake_dir, desk, "repair", req) == []


@pytest.mark.story
def test_r12_way1_a_withdrawn_listing_stated_again_after_its_withdrawal_is_refused(desk, data_dir, tmp_path):
    """R12 way 1 is final: an insider with the ledger's key writes the wrong listing's decision into the change log
    again after its withdrawal (a row above the withdrawal travels: only the rows before it stay home), and the
    signed bundle made the platform list the subject again under the withdrawn decision. The platform refuses every
    later row of a listing it holds as withdrawn (R12_CASE_WITHDRAWN); the apology about it is a document and passes."""
    intake_dir = pair(desk, tmp_path)
    sid = company(desk, 3908)
    cid = black_listing(desk, sid)
    d = ledgers.unlock(data_dir, read_only=True)
    try:
        old = d.ledger.conn.execute("SELECT state FROM changes WHERE entity = 'case' AND entity_id = ? "
                                    "AND op = 'decide'", (str(cid),)).fetchone()[0]
    finally:
        d.close()
    send(desk, intake_dir, tmp_path / "u1")
    ok(desk, "case", "withdraw", str(cid), "--finding", "复查发现认定所依据的处罚决定系对同名另一企业作出",
       "--on", "2026-11-02", user=REVIEWER)
    ok(desk, "case", "withdraw-approve", str(cid), "--on", "2026-11-02", user=BOSS)
    send(desk, intake_dir, tmp_path / "u2")
    from tests.e2e.sync_support import session
    with session(data_dir) as s, s.ledger.tx() as tx:
        for op in ("open", "decide"):
            tx.change("case", cid, op, json.loads(old))
    ok(desk, "print", "apology_letter", "--case", str(cid), "--out", str(tmp_path / "a.pdf"))
    infos = send(desk, intake_dir, tmp_path / "u3")
    assert sum(i["rejected"] for i in infos) == 2, infos
    assert _listings(intake_dir, *_subject_no(data_dir, sid)) == []
    assert [c["op"] for c in _mine(intake_dir, desk, "case", cid)] == ["withdraw"]
    codes = {q["code"] for q in ok(desk, "bundle", "status")["quarantine"]}
    assert codes == {"R12_CASE_WITHDRAWN"}, codes


@pytest.mark.story
def test_r12_way1_a_listing_on_a_stick_not_yet_handed_in_is_gone_once_both_bundles_arrive(desk, data_dir, tmp_path):
    """R12 way 1: the listing's bundle was written to the USB stick, not yet handed in, when the listing was
    withdrawn. The office cannot make that bundle again without it (the platform may hold it already: a sequence
    is never made twice), so it delivers it byte for byte before the withdrawal's; the platform keeps nothing."""
    from tests.e2e.sync_support import export
    intake_dir = pair(desk, tmp_path)
    sid = company(desk, 3909)
    cid = black_listing(desk, sid)
    first = export(desk, tmp_path / "stick")
    ok(desk, "case", "withdraw", str(cid), "--finding", "复查发现认定所依据的处罚决定系对同名另一企业作出",
       "--on", "2026-11-02", user=REVIEWER)
    ok(desk, "case", "withdraw-approve", str(cid), "--on", "2026-11-02", user=BOSS)
    infos = send(desk, intake_dir, tmp_path / "u2")
    assert [i["sequence"] for i in infos] == [first[0]["seq"], first[0]["seq"] + 1]
    assert _listings(intake_dir, *_subject_no(data_dir, sid)) == []
    assert [c["op"] for c in _mine(intake_dir, desk, "case", cid)] == ["withdraw"]
    assert ok(desk, "bundle", "status")["pending"] == []


@pytest.mark.story
def test_r12_way1_a_refused_document_of_the_wrong_listing_is_not_requeued(desk, data_dir, tmp_path, monkeypatch):
    """R12 way 1: the platform refused the wrong listing's decision document (any reason); after the withdrawal the
    clerk requeued it from the quarantine: the requeue said it was sent again and closed the refusal, while the
    export kept the new row home for good (``withdrawn_related``) — the requeue and the export read two rules."""
    intake_dir = pair(desk, tmp_path)
    cid = black_listing(desk, company(desk, 3910))
    number = ok(desk, "print", "listing_decision", "--case", str(cid), "--out",
                str(tmp_path / "d.pdf"))["documents"][0]["number"]
    real = checks.Judge._problem

    def refuse_the_document(self, change, pointers):
        if change["entity"] == "document" and change["entity_id"] == number:
            return ("TEST_REFUSED", "测试退回", "refused by the test")
        return real(self, change, pointers)

    monkeypatch.setattr(checks.Judge, "_problem", refuse_the_document)
    send(desk, intake_dir, tmp_path / "u1")
    monkeypatch.setattr(checks.Judge, "_problem", real)
    [q] = ok(desk, "bundle", "status")["quarantine"]
    ok(desk, "case", "withdraw", str(cid), "--finding", "复查发现认定所依据的处罚决定系对同名另一企业作出",
       "--on", "2026-11-02", user=REVIEWER)
    ok(desk, "case", "withdraw-approve", str(cid), "--on", "2026-11-02", user=BOSS)
    # nothing of it travels any more: the refusal is settled by the withdrawal, not left open in the outbox for good
    assert ok(desk, "bundle", "status")["quarantine"] == []
    assert refused(desk, "bundle", "requeue", str(q["change_id"]))["code"] == "NOT_IN_QUARANTINE"


@pytest.mark.story
def test_r12_way1_a_refusal_of_the_wrong_listing_s_document_received_after_the_withdrawal(desk, data_dir, tmp_path,
                                                                                        monkeypatch):
    """R12 way 1: the bundle with the decision document was on a stick when the listing was withdrawn; the platform
    refused the document and the receipt came back after the withdrawal. Requeuing it said it was sent and closed
    the refusal while the export kept the new row home; and the refusal stayed open in the outbox for good."""
    from tests.e2e.sync_support import export
    intake_dir = pair(desk, tmp_path)
    cid = black_listing(desk, company(desk, 3912))
    number = ok(desk, "print", "listing_decision", "--case", str(cid), "--out",
                str(tmp_path / "d.pdf"))["documents"][0]["number"]
    [b] = export(desk, tmp_path / "stick")
    ok(desk, "case", "withdraw", str(cid), "--finding", "复查发现认定所依据的处罚决定系对同名另一企业作出",
       "--on", "2026-11-02", user=REVIEWER)
    ok(desk, "case", "withdraw-approve", str(cid), "--on", "2026-11-02", user=BOSS)
    real = checks.Judge._problem

    def refuse_the_document(self, change, pointers):
        if change["entity"] == "document" and change["entity_id"] == number:
            return ("TEST_REFUSED", "测试退回", "refused by the test")
        return real(self, change, pointers)

    monkeypatch.setattr(checks.Judge, "_problem", refuse_the_document)
    receipt, _info = Intake(intake_dir).receive(Path(b["file"]).read_bytes())
    (tmp_path / "r1.cdb").write_bytes(receipt)
    ok(desk, "bundle", "import", str(tmp_path / "r1.cdb"))
    d = ledgers.unlock(data_dir, read_only=True)
    try:
        doc_change = d.ledger.conn.execute("SELECT id FROM changes WHERE entity = 'document' AND entity_id = ?",
                                           (number,)).fetchone()[0]
    finally:
        d.close()
    assert ok(desk, "bundle", "status")["quarantine"] == []
    assert refused(desk, "bundle", "requeue", str(doc_change))["code"] == "NOT_IN_QUARANTINE"


@pytest.mark.story
def test_r12_way1_an_ended_listing_and_its_watch_listing_the_platform_holds_are_gone_from_it(desk, data_dir,
                                                                                           tmp_path):
    """R12 way 1 from an ended black listing (1798号 (十八) "误列入黑名单的除外"): its exit, its exit announcement
    and the watch listing that followed it reached the platform; the withdrawal takes both listings with it, and the
    platform keeps nothing of either."""
    intake_dir = pair(desk, tmp_path)
    sid = company(desk, 3911)
    cid = black_listing(desk, sid)
    out = ok(desk, "case", "exit", str(cid), "--way", "4", "--exit-on", "2026-10-20", "--standard-change",
             "认定标准已修订，该主体不再符合（清市监规〔2026〕3号）", user=BOSS)
    number = ok(desk, "print", "exit_announcement", "--case", str(cid), "--out",
                str(tmp_path / "x.pdf"))["documents"][0]["number"]
    send(desk, intake_dir, tmp_path / "u1")
    no = _subject_no(data_dir, sid)
    watch = [r["case_id"] for r in _listings(intake_dir, *no) if r["list_type"] == "watch"]
    assert len(watch) == 1 and out["state"] == "exited"
    ok(desk, "case", "withdraw", str(cid), "--finding", "复查发现认定所依据的处罚决定系对同名另一企业作出",
       "--on", "2026-11-02", user=REVIEWER)
    ok(desk, "case", "withdraw-approve", str(cid), "--on", "2026-11-02", user=BOSS)
    assert sum(i["rejected"] for i in send(desk, intake_dir, tmp_path / "u2")) == 0
    assert _listings(intake_dir, *no) == []
    assert [c["op"] for c in _mine(intake_dir, desk, "case", watch[0])] == ["withdraw"]
    assert _mine(intake_dir, desk, "document", number) == []
