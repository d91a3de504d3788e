"""R3 reaching listings (issue 13 item 7): when every record a listing rests on is revoked (its basis document
was revoked), the listing's measures stop at once, the deciding department must end it (way 1 or 4) by a
deadline on the due list, and the change goes in the change log (the next bundle)."""

from __future__ import annotations

import pytest
from credit_desk.services import ledgers
from tests.conftest import TEST_NOW
from tests.e2e.case_kit import (BOSS, company, decide, desk, ok, open_case, record, serve, show,  # noqa: F401
                                staffed_template, walk_to)


def _listed_on_two_records(desk, *seeds: int) -> list[tuple[int, int, int]]:
    """Black listings resting on two records each — every notice served on its day (2026-09-28), then every case
    decided after the window (2026-10-12): the story walks the calendar once for all of them (R5)."""
    made = []
    for seed in seeds:
        sid = company(desk, seed)
        r1 = record(desk, sid, number=f"清市监罚〔2026〕{seed}号")["id"]
        r2 = record(desk, sid, number=f"清市监罚〔2026〕{seed + 1000}号")["id"]
        made.append((open_case(desk, sid, "black", records=[r1, r2]), r1, r2))
    for cid, _, _ in made:
        serve(desk, cid)
    for cid, _, _ in made:
        decide(desk, cid, "--measure", "M-01", "--measure", "M-08", "--post-exit-watch-months", "12")
    return made


@pytest.mark.story
def test_r3_revoking_every_basis_record_stops_measures_and_puts_the_end_on_the_due_list(desk, data_dir):
    [(cid, r1, r2)] = _listed_on_two_records(desk, 161)
    first = ok(desk, "record", "revoke", str(r1), "--reason", "复议撤销", "--on", "2026-10-20")
    assert first["listed_case_ids"] == [cid] and first["ending"] == []  # r2 still carries the listing
    assert all(m["stopped_on"] is None for m in show(desk, cid)["measures"])
    out = ok(desk, "record", "revoke", str(r2), "--reason", "诉讼撤销", "--on", "2026-10-21")
    assert out["ending"] == [{"case_id": cid, "end_due": "2026-11-04", "measures_stopped_on": "2026-10-21"}]
    entry = show(desk, cid)
    assert entry["state"] == "listed" and all(m["stopped_on"] == "2026-10-21" for m in entry["measures"])
    due = [i for i in ok(desk, "due") if i["kind"] == "basis_revoked"]
    assert [(i["object_id"], i["due_date"]) for i in due] == [(cid, "2026-11-04")]
    d = ledgers.unlock(data_dir, read_only=True)
    try:
        ops = [r[0] for r in d.ledger.conn.execute(
            "SELECT op FROM changes WHERE entity = 'case' AND entity_id = ? ORDER BY id", (str(cid),))]
    finally:
        d.close()
    assert ops[-1] == "basis_revoked"
    # the department decides: way 4 here; the deadline leaves the due list
    ok(desk, "case", "exit", str(cid), "--way", "4", "--exit-on", "2026-10-28",
       "--standard-change", "认定所依据的处罚决定均已撤销", user=BOSS)
    assert not [i for i in ok(desk, "due") if i["kind"] == "basis_revoked"]


@pytest.mark.story
def test_r3_daily_check_ends_a_listing_whose_basis_was_revoked_once_its_deadline_passed(desk, data_dir,
                                                                                          pinned_clock):
    """Gap 3: a department that lets the end deadline pass does not keep a listing without basis: the next daily
    check ends it (way 4, dated the day after the deadline, no watch list — it would rest on nothing, R1), with
    its announcement, audit row and change-log row (the next bundle)."""
    from datetime import date, timedelta
    (late, lr1, lr2), (fresh, fr1, fr2) = _listed_on_two_records(desk, 171, 181)
    walk_to(desk, TEST_NOW.date())  # today; the revocation of 2026-10-21 is recorded after today's check ran
    for rid in (lr1, lr2):
        ok(desk, "record", "revoke", str(rid), "--reason", "复议撤销", "--on", "2026-10-21")
    today = pinned_clock["now"].date()
    for rid in (fr1, fr2):  # revoked today: its deadline is still ahead
        ok(desk, "record", "revoke", str(rid), "--reason", "诉讼撤销", "--on", today.isoformat())
    assert show(desk, late)["state"] == "listed"  # the day's check already ran before the revocation
    pinned_clock["now"] += timedelta(days=1)  # the next day's first command runs the daily check
    assert [i["object_id"] for i in ok(desk, "due") if i["kind"] == "basis_revoked"] == [fresh]
    entry = show(desk, late)
    assert entry["state"] == "exited" and entry["exit_way"] == "4"
    assert entry["exited_on"] == (date(2026, 11, 4) + timedelta(days=1)).isoformat()  # the day after end_due
    assert show(desk, fresh)["state"] == "listed"
    assert not [c for c in ok(desk, "case", "list", "--subject", str(entry["subject"]["id"]))
                if c["list_type"] == "watch"]  # no watch listing resting on revoked records
    d = ledgers.unlock(data_dir, read_only=True)
    try:
        conn = d.ledger.conn
        ops = [r[0] for r in conn.execute("SELECT op FROM changes WHERE entity = 'case' AND entity_id = ? "
                                          "ORDER BY id", (str(late),))]
        audit = conn.execute("SELECT username FROM audit WHERE action = 'case.exit' AND object_id = ?",
                             (str(late),)).fetchall()
        ann = conn.execute("SELECT count(*) FROM announcements WHERE case_id = ?", (late,)).fetchone()[0]
    finally:
        d.close()
    assert ops[-1] == "exit" and len(audit) == 1 and ann == 1
