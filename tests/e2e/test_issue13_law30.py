"""Issue 13, the lawyer's and the insider clerk's attack through the CLI (session law30): unlawful or broken paths
still open, each tried and refused (or now undone) at its one guard."""

from __future__ import annotations

from tests.e2e.case_kit import (BOSS, company, decide, desk, ok, open_case, record, refused,  # noqa: F401
                                serve, show, staffed_template)

MEASURES = ("--measure", "M-01", "--measure", "M-08", "--post-exit-watch-months", "12")


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

