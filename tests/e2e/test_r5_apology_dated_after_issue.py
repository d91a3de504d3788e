"""Issue 13 item 3 for a wrongful listing's withdrawal (R5 with R12 way 1; 1798号 (二十三)): the written apology
(书面道歉及澄清函) numbered when the withdrawal is approved, and the correction announcement (更正公告) numbered when
it is printed, are dated on or after the day their register number is issued — the one rule of
``domain.procedure.check_r5_dated_after_issue``.

Found on a story ledger: a withdrawal approved on 2026-10-28 and recorded on 2026-11-20 (``withdraw-approve --on
2026-10-28``) took 清信澄〔2026〕1号 dated 10-28, a number issued on 11-20 printed as the apology of the day; the
correction announcement printed on 11-20 took 清信更〔2026〕1号 dated 10-28 too. An apology really made on paper that
day is recorded with its hand-issued number (``--apology-number``); the announcement is dated the day it is printed.

Told on the calendar (``story``): each CLI step walks the pinned clock to its own day.
"""

from __future__ import annotations

from tests.e2e.case_kit import BOSS, REVIEWER, black_listing, company, ok, refused, show, story, walk_to  # noqa: F401


def _proposed(story, seed: int) -> int:
    cid = black_listing(story, company(story, seed))  # decided 2026-10-12
    obj = ok(story, "case", "object", str(cid), "--received-on", "2026-10-20", "--grounds", "处罚决定已被复议撤销")
    ok(story, "case", "withdraw", str(cid), "--objection", str(obj["id"]), "--on", "2026-10-28", user=REVIEWER)
    return cid


def test_r5_r12_an_apology_dated_before_its_number_was_issued_is_refused(story, tmp_path):
    cid = _proposed(story, 6301)
    walk_to(story, "2026-11-20")
    err = refused(story, "case", "withdraw-approve", str(cid), "--on", "2026-10-28", user=BOSS, walk=False)
    assert err["code"] == "R5_DECIDED_BEFORE_ISSUE" and err["field"] == "apology_on", err
    assert err["message"].startswith("该书面道歉及澄清函尚未在本系统编号，今天（2026-11-20）编号出具，道歉函日期"
                                     "（2026-10-28）不能早于今天"), err["message"]
    assert show(story, cid)["state"] == "listed"          # nothing written: still listed, nothing withdrawn
    # approved that day with the register's apology of the day, or recorded with the paper's hand-issued number
    out = ok(story, "case", "withdraw-approve", str(cid), "--on", "2026-10-28", "--apology-on", "2026-11-20",
             user=BOSS)
    assert out["state"] == "withdrawn_wrongful" and out["apology_number"] == "清信澄〔2026〕1号"
    printed = ok(story, "print", "apology_letter", "--case", str(cid), "--out", str(tmp_path / "a.pdf"))
    assert printed["documents"][0]["number"] == "清信澄〔2026〕1号"
    [row] = ok(story, "print", "list", "--type", "apology_letter", user=BOSS)
    assert row["issued_on"] == "2026-11-20"


def test_r5_r12_an_apology_made_on_paper_that_day_is_recorded_with_its_number(story, tmp_path):
    cid = _proposed(story, 6302)
    walk_to(story, "2026-11-20")
    out = ok(story, "case", "withdraw-approve", str(cid), "--on", "2026-10-28", "--apology-number",
             "清市监澄字〔2026〕2号", user=BOSS)
    assert out["state"] == "withdrawn_wrongful" and out["apology_number"] == "清市监澄字〔2026〕2号"
    assert show(story, cid)["apology"]["doc_number"] == "清市监澄字〔2026〕2号"
    # the correction announcement is numbered when it is printed, so it is dated that day, not the apology's
    walk_to(story, "2026-11-23")
    printed = ok(story, "print", "correction_announcement", "--case", str(cid), "--out", str(tmp_path / "c.pdf"),
                 user=BOSS)["documents"][0]
    [row] = ok(story, "print", "list", "--type", "correction_announcement", user=BOSS)
    assert row["number"] == printed["number"] and row["issued_on"] == "2026-11-23", row


def test_r5_r12_the_follower_watch_listings_apology_is_the_registers_of_the_day_it_is_recorded(story):
    """A wrong black listing takes the watch listing that followed its exit with it (1798号 (十八)), each with its own
    apology. The black listing's apology made on paper on 2026-10-28 is recorded on 2026-11-20 with its hand-issued
    number; the follower's own apology is numbered by the register now, so it is dated now — before, it was dated
    10-28 under a number issued on 11-20, and (with the guard) the late approval could not be recorded at all."""
    cid = black_listing(story, company(story, 6303))
    out = ok(story, "case", "exit", str(cid), "--way", "4", "--exit-on", "2026-10-20", "--standard-change",
             "认定标准第二条已废止", user=BOSS)
    watch = out["watch_case_id"]
    ok(story, "case", "withdraw", str(cid), "--finding", "复查发现所依据的处罚决定系对同名另一企业作出", "--on",
       "2026-10-28", user=REVIEWER)
    walk_to(story, "2026-11-20")
    done = ok(story, "case", "withdraw-approve", str(cid), "--on", "2026-10-28", "--apology-number",
              "清市监澄字〔2026〕3号", user=BOSS)
    assert done["apology_number"] == "清市监澄字〔2026〕3号"
    [theirs] = done["withdrawn_with"]
    assert theirs["case_id"] == watch and theirs["apology_number"] == "清信澄〔2026〕1号"
    assert show(story, watch)["apology"]["issued_on"] == "2026-11-20"
