"""Issue 13, the lawyer's and the insider clerk's attack through the CLI (session law30): unlawful or broken paths
still open, each tried and refused (or now undone) at its one guard."""

from __future__ import annotations

import json

import pytest
from credit_desk.services import ledgers
from credit_desk.services import sync as sync_svc
from credit_desk.store import sync_state
from tests.e2e.case_kit import (BOSS, REVIEWER, TAX_BOSS, black_listing, company, decide, desk, ok, open_case, record, refused,  # noqa: F401
                                serve, show, staffed_template, watch_listing)
from tests.e2e.repair_kit import apply, old_black_listing

MEASURES = ("--measure", "M-01", "--measure", "M-08", "--post-exit-watch-months", "12")


@pytest.mark.story
def test_r1_records_changed_with_a_new_notice_are_the_records_the_case_rests_on(desk):
    """R1 / R5 / R3 (49号 二(二), 四(八); 苏信用办〔2022〕7号 一(二)): after service the clerk puts the case on another
    record with a new prior notice (the lawful path of issue 13 item 2). Before, the notice and the case's basis
    named the new record (清市监罚〔2026〕77号) but the case still rested on the old one: the decision was refused
    for ever as "stale grounds", and revoking the new record's document did not reach the case. Now the case rests
    on the records the new notice named: it is decided on them, and their revocation reaches it."""
    sid = company(desk, 3011)
    old = record(desk, sid)["id"]
    new = record(desk, sid, number="清市监罚〔2026〕77号")["id"]
    cid = open_case(desk, sid, "black", records=[old])
    serve(desk, cid)
    ok(desk, "case", "update", str(cid), "--record", str(new), "--renotice-on", "2026-09-29")
    entry = show(desk, cid)
    assert [r["id"] for r in entry["records"]] == [new] and "77号" in entry["basis"], entry["records"]
    decide(desk, cid, *MEASURES, on="2026-10-20")
    assert show(desk, cid)["state"] == "listed"
    assert ok(desk, "record", "revoke", str(old), "--reason", "处罚决定被复议撤销", "--on", "2026-11-20",
              user=BOSS)["listed_case_ids"] == []
    revoked = ok(desk, "record", "revoke", str(new), "--reason", "处罚决定被法院判决撤销", "--on", "2026-11-20",
                 user=BOSS)
    assert revoked["listed_case_ids"] == [cid]


def _travelling(data_dir) -> list[str]:
    """The change lines the next bundle would carry (``services.sync._changes``, what ``bundle export`` sends)."""
    d = ledgers.unlock(data_dir, read_only=True)
    try:
        conn = d.ledger.conn
        # the lines as they travel: UTF-8 bytes since sync18 (session 34) encodes each line once
        return [line.decode("utf-8") if isinstance(line, bytes) else line
                for _cid, _entity, line, _size in sync_svc._changes(conn, 0, sync_state.max_change_id(conn))]
    finally:
        d.close()


@pytest.mark.story
def test_r12_way1_keeps_no_free_text_of_a_repair_request_about_the_wrong_listing(desk, data_dir):
    """R12 way 1 / 1798号 (二十) "对于因主体认定有误而列入名单的，相关信息不予保存", (二十三): a repair request about
    nothing but a listing later withdrawn as wrongful had its notices withdrawn, but kept the applicant's name, the
    decider's findings and the refusal reason (personal free text about the listing), and its change rows still
    went to the platform in the next bundle. Now its texts are purged with the listing and its rows stay home."""
    sid = company(desk, 3012)
    cid = old_black_listing(desk, sid)
    req = apply(desk, sid, cases=[cid], on="2026-10-20")["id"]
    ok(desk, "repair", "accept", str(req), "--accepted-on", "2026-10-20")
    ok(desk, "repair", "decide", str(req), "--outcome", "refused", "--for-department", "县市场监督管理局",
       "--findings", "法定代表人自述已停产整改", "--reason", "未提交整改报告，承诺书未签字", "--decided-on", "2026-10-22",
       user=BOSS)
    mine = f'"entity":"repair","entity_id":"{req}"'
    assert any(mine in line for line in _travelling(data_dir))
    ok(desk, "case", "withdraw", str(cid), "--finding", "复查发现认定所依据的处罚决定系对同名另一企业作出",
       "--on", "2026-11-02", user=REVIEWER)
    ok(desk, "case", "withdraw-approve", str(cid), "--on", "2026-11-02", user=BOSS)
    shown = ok(desk, "repair", "show", str(req), "--purpose", "复查误列撤销")
    text = str(shown)
    for gone in ("王建国", "自述已停产整改", "未提交整改报告"):
        assert gone not in text, (gone, shown)
    travelling = "\n".join(_travelling(data_dir))
    assert "未提交整改报告" not in travelling and "自述已停产整改" not in travelling
    assert not [line for line in _travelling(data_dir) if mine in line]


@pytest.mark.story
def test_r5_four_eyes_a_decider_who_put_the_case_on_other_records_cannot_decide_it(desk):
    """Four eyes (R5 with R1 / R4): the head of the deciding department put a served case on another record with a
    new prior notice, then decided it himself — the drafter (clerk1) had proposed the listing on a record the head
    then replaced, so nobody but the head examined the listing he decided. The decision is refused to him; another
    senior person of the department decides, and a wording-only edit by the head does not bar him."""
    sid = company(desk, 3013)
    old = record(desk, sid)["id"]
    new = record(desk, sid, number="清市监罚〔2026〕78号")["id"]
    cid = open_case(desk, sid, "black", records=[old])
    other = open_case(desk, company(desk, 3014), "black")
    ok(desk, "case", "update", str(other), "--facts", "经营场所位于县城关镇", "--channel", "县政府网站", user=BOSS)
    serve(desk, cid)
    serve(desk, other)  # R5: each notice served on the day it is numbered
    ok(desk, "case", "update", str(cid), "--record", str(new), "--renotice-on", "2026-09-29", user=BOSS)
    err = refused(desk, "case", "decide", str(cid), "--decided-on", "2026-10-20", *MEASURES, user=BOSS)
    assert err["code"] == "FOUR_EYES" and "修改过本案所依据的失信信息" in err["message"], err
    assert show(desk, cid)["state"] == "notice_served"
    decide(desk, cid, *MEASURES, on="2026-10-20", user=REVIEWER)
    assert show(desk, cid)["state"] == "listed"

    decide(desk, other, *MEASURES, on="2026-10-20", user=BOSS)  # wording is not the proposal


def _red(desk, sid: int) -> int:
    red = open_case(desk, sid, "red", "--department", "县税务局", "--department-level", "county", "--domain", "税务",
                    "--facts", "连续三年纳税信用A级", "--basis", "《纳税信用管理办法》", "--valid-until", "2028-10-12",
                    opened_on="2026-09-01")
    serve(desk, red, on="2026-09-02")
    decide(desk, red, on="2026-09-10", user=TAX_BOSS)
    return red


def _withdraw(desk, cid: int) -> dict:
    ok(desk, "case", "withdraw", str(cid), "--finding", "复查发现认定所依据的处罚决定系对同名另一企业作出",
       "--on", "2026-11-02", user=REVIEWER)
    return ok(desk, "case", "withdraw-approve", str(cid), "--on", "2026-11-02", user=BOSS)


@pytest.mark.story
def test_r10_red_listing_removed_by_a_wrong_listing_is_back_on_its_list(desk, data_dir, tmp_path):
    """R10 with R12 way 1 (1798号 (十九) 二, (二十) "对于因主体认定有误而列入名单的，相关信息不予保存", (二十三) 更正当事人的诚信
    记录、恢复其名誉): a black listing took the subject off the tax bureau's red list; the black listing was then
    withdrawn as wrongful. Before, the red listing stayed off its list for good, its exit note, its event and its
    printed exit announcement still named the wrong listing ("因列入严重失信主体名单（案件2）删除"), and that
    announcement still verified as valid. Now its removal is undone: it is back on its list with nothing of the wrong
    listing, the printed announcement verifies as withdrawn, and the platform is told it is listed again."""
    sid = company(desk, 3015)
    red = _red(desk, sid)
    cid = black_listing(desk, sid)
    gone = show(desk, red)
    assert gone["state"] == "exited" and f"案件{cid}" in gone["exit_note"]
    ok(desk, "print", "exit_announcement", "--case", str(red), "--out", str(tmp_path / "x.pdf"))
    out = _withdraw(desk, cid)
    assert out["red_restored"] == [red]
    back = show(desk, red)
    assert back["state"] == "listed" and back["exit_way"] is None and back["exited_on"] is None, back
    assert f"案件{cid}" not in str(back) and "严重失信" not in str(back["events"]) and back["announcements"] == []
    code, verdict, _ = desk("--json", "notice", "verify", "--pdf", str(tmp_path / "x.pdf"))
    assert '"withdrawn"' in verdict, verdict
    travelling = _travelling(data_dir)
    restore = [line for line in travelling if f'"entity":"case","entity_id":"{red}","op":"restore"' in line]
    assert restore and '"state":"listed"' in restore[0]
    # R10 with R12 way 1 (att18g): the red listing's removal on the wrong listing's account, not sent yet, does not
    # travel either — "red_removed" on that day told the platform the subject had been black listed then
    assert not [line for line in travelling if f'"entity":"case","entity_id":"{red}","op":"exit"' in line]
    # nor in a bundle that ends before the restore (bundles are split by size): the log's tail is read for it
    d = ledgers.unlock(data_dir, read_only=True)
    try:
        conn = d.ledger.conn
        exit_id = conn.execute("SELECT id FROM changes WHERE entity = 'case' AND entity_id = ? AND op = 'exit'",
                               (str(red),)).fetchone()[0]
        assert [c for c, e, _line, _n in sync_svc._changes(conn, 0, exit_id) if c == exit_id] == []
    finally:
        d.close()


@pytest.mark.story
def test_r10_red_listing_removed_by_a_wrong_listing_stays_off_for_a_lawful_one(desk, data_dir):
    """R10 / 1798号 (十九) 二 with R12 way 1: when another (lawful) watch listing was decided within the red
    listing's validity after the wrong black listing, the red listing is off its list because of that one, from
    its day — not because of the withdrawn listing, which it no longer names."""
    sid = company(desk, 3016)
    red = _red(desk, sid)
    cid = black_listing(desk, sid)
    watch = watch_listing(desk, sid, "税务", served="2026-10-12", on="2026-10-20")
    assert _withdraw(desk, cid)["red_restored"] == []
    entry = show(desk, red)
    assert entry["state"] == "exited" and entry["exited_on"] == "2026-10-20", entry
    assert entry["exit_note"] == f"因列入重点关注名单（案件{watch}）删除" and f"案件{cid}" not in str(entry)
    # att18g: what travels of the red listing is its listing, back on its list, and the lawful exit — not the exit
    # on the wrong listing's day, which told the platform of the withdrawn listing
    mine = [json.loads(line) for line in _travelling(data_dir) if f'"entity":"case","entity_id":"{red}"' in line]
    assert [(c["op"], c["state"].get("exited_on")) for c in mine] == [
        ("open", None), ("notice", None), ("decide", None), ("restore", None), ("exit", "2026-10-20")], mine


@pytest.mark.story
def test_r12_way1_an_open_repair_request_about_the_wrong_listing_ends_with_it(desk):
    """R12 way 1 / 1798号 (二十)(二十三) with R13's time limits: a repair request accepted for a black listing that is
    then withdrawn as wrongful could never be decided (R13_TARGET_STATE: the listing is no longer listed) and stood
    on the due list, overdue for ever, as a repair the department failed to finish. It now ends with the listing
    (终止办理), leaves the due list, and takes no further step."""
    sid = company(desk, 3017)
    cid = old_black_listing(desk, sid)
    req = apply(desk, sid, cases=[cid], on="2026-10-20")["id"]
    ok(desk, "repair", "accept", str(req), "--accepted-on", "2026-10-20")
    _withdraw(desk, cid)
    assert ok(desk, "repair", "show", str(req), "--purpose", "复查误列撤销")["state"] == "closed"
    due = ok(desk, "due", user=BOSS)
    assert not [i for i in due if i["object_type"] == "repair" and str(i["object_id"]) == str(req)], due
    err = refused(desk, "repair", "decide", str(req), "--outcome", "refused", "--reason", "名单已撤销",
                  "--for-department", "县市场监督管理局", "--decided-on", "2026-11-03", user=BOSS)
    assert err["code"] == "REPAIR_BAD_STEP", err
