"""Issue 13 item 3, a fresh lawyer's look (law31): a decision recorded on 2026-11-20 as made on 2026-11-10 took
清信决〔2026〕2号 after 1号 of 2026-11-20 and printed it dated 2026-11-10 — a number that did not exist on its date,
the listing running and shared (share_due 2026-11-24) from a day the party held no paper, the 信用修复告知书 served
"with it" numbered the same way. The register numbers each series in date order (R5; 49号 四(八)); a decision
really made on paper earlier carries its hand-issued number.

Told on the calendar (``story``).
"""

from __future__ import annotations

from tests.e2e.case_kit import BOSS, company, ok, open_case, refused, serve, show, story, walk_to  # noqa: F401

MEASURES = ("--measure", "M-01", "--post-exit-watch-months", "12")


def test_r5_a_decision_dated_before_the_registers_last_number_is_refused(story):
    a = open_case(story, company(story, 5701), "black", opened_on="2026-11-02")
    b = open_case(story, company(story, 5702), "black", opened_on="2026-11-02")
    c = open_case(story, company(story, 5703), "black", opened_on="2026-11-02")
    for case in (a, b, c):
        serve(story, case, on="2026-11-02")
    walk_to(story, "2026-11-20")
    first = ok(story, "case", "decide", str(a), "--decided-on", "2026-11-20", *MEASURES, user=BOSS)
    assert first["decision_number"] == "清信决〔2026〕1号"
    before = show(story, b)
    err = refused(story, "case", "decide", str(b), "--decided-on", "2026-11-10", *MEASURES, user=BOSS)
    assert err["code"] == "R5_NUMBER_ORDER" and err["rule"] == "R5"
    assert err["message"].startswith("文书登记簿的上一个文号已于2026-11-20出具，本文书（清信决〔2026〕2号）不能编号为更早的"
                                     "2026-11-10")
    after = show(story, b)
    assert after["state"] == "notice_served" and not after.get("decision_number")
    assert after["events"] == before["events"] and len(ok(story, "print", "list", "--case", str(b))) == 0
    # the lawful paths: the real date takes number 2; a paper made earlier by hand keeps its own number
    walk_to(story, "2026-11-21")
    out = ok(story, "case", "decide", str(b), "--decided-on", "2026-11-21", *MEASURES, user=BOSS)
    assert out["decision_number"] == "清信决〔2026〕2号"
    hand = ok(story, "case", "decide", str(c), "--decided-on", "2026-11-10", *MEASURES, "--external-number",
              "清市监决字〔2026〕5号", "--repair-notice-number", "清市监修告字〔2026〕5号", user=BOSS)  # 两书同达 (R5/R13)
    assert hand["decision_number"] == "清市监决字〔2026〕5号"
