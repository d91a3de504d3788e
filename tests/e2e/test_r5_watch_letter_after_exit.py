"""Issue 13 item 3 for the automatic watch listing after a black listing's exit (R5 with R11/R12; 1798号 (十七)
(十八)): its numbered warning letter (警示函) is dated on or after the day its register number is issued — the one
rule of ``domain.procedure.check_r5_dated_after_issue``. The watch listing itself runs from the exit day (the black
decision set its period); the letter that tells the subject is numbered, and dated, the day the exit is recorded.

Found on a story ledger: the letter took the register's number dated the exit day. An expiry exit is dated by the
validity's end, not by the clerk — when the desk was not opened for some days (a holiday), the first login's expiry
check recorded the exits of the days before, numbering each letter today but dating it back; two of them, the later
exit numbered first, broke the register's date order (R5_NUMBER_ORDER) inside the check: the whole check rolled back,
and every command of every user was refused from then on (the check runs at each login) — a lawful expiry refused.

Told on the calendar (``story``): each CLI step walks the pinned clock to its own day.
"""

from __future__ import annotations

from tests.e2e.case_kit import BOSS, company, ok, open_case, record, refused, serve, story, walk_to  # noqa: F401


def _served(story, seed: int) -> int:
    sid = company(story, seed)
    rid = record(story, sid)["id"]
    cid = open_case(story, sid, "black", records=[rid])
    serve(story, cid)  # 2026-09-28
    return cid


def _decide(story, cid: int, valid_until: str) -> None:
    ok(story, "case", "decide", str(cid), "--decided-on", "2026-10-12", "--measure", "M-01",
       "--post-exit-watch-months", "12", "--valid-until", valid_until, user=BOSS)


def _show(story, cid: int) -> dict:
    return ok(story, "case", "show", str(cid), "--purpose", "办理认定案件", user=BOSS)


def test_r5_r12_a_late_expiry_check_is_not_refused_and_dates_each_warning_letter_the_day_it_is_numbered(story,
                                                                                                         tmp_path):
    a, c = _served(story, 6201), _served(story, 6202)
    _decide(story, a, "2026-10-31")         # leaves on 2026-11-01
    _decide(story, c, "2026-10-29")         # leaves on 2026-10-30
    walk_to(story, "2026-11-03")            # nobody opened the desk since 2026-10-12
    first, second = _show(story, a), _show(story, c)  # the first login runs the expiry check (R12 way 3)
    assert first["state"] == "exited" and first["exited_on"] == "2026-11-01", first
    assert second["state"] == "exited" and second["exited_on"] == "2026-10-30", second
    for black, exit_on in ((a, "2026-11-01"), (c, "2026-10-30")):
        watch = [x for x in ok(story, "case", "list", "--subject", str(_show(story, black)["subject"]["id"]),
                               user=BOSS) if x["list_type"] == "watch"]
        assert len(watch) == 1, watch
        w = _show(story, watch[0]["id"])
        assert w["valid_from"] == exit_on and w["state"] == "listed"   # the listing runs from the exit day
        assert w["warning_letter"].startswith("清信警〔2026〕"), w
        printed = ok(story, "print", "watch_warning", "--case", str(w["id"]), "--out",
                     str(tmp_path / f"w{w['id']}.pdf"), user=BOSS)["documents"][0]
        assert printed["number"] == w["warning_letter"]
    # each letter numbered, and dated, the day the exits were recorded (R5), in the register's order
    rows = ok(story, "print", "list", "--type", "watch_warning", user=BOSS)
    assert sorted((r["number"], r["issued_on"]) for r in rows) == [("清信警〔2026〕1号", "2026-11-03"),
                                                                   ("清信警〔2026〕2号", "2026-11-03")], rows


def test_r5_r12_a_letter_served_on_paper_on_the_exit_day_is_recorded_with_its_hand_issued_number(story, tmp_path):
    """Way 4 recorded late (the standard changed on 2026-11-05, recorded 2026-11-20): the watch listing runs from
    2026-11-05; its letter is the register's of 2026-11-20, or — served on paper that day — its hand-issued number."""
    a, c = _served(story, 6203), _served(story, 6204)
    _decide(story, a, "2029-09-01")
    _decide(story, c, "2029-09-01")
    walk_to(story, "2026-11-20")
    args = ("--way", "4", "--exit-on", "2026-11-05", "--standard-change", "认定标准第二条已废止")
    out = ok(story, "case", "exit", str(a), *args, "--warning-letter-number", "清市监警字〔2026〕5号", user=BOSS)
    w = _show(story, out["watch_case_id"])
    assert w["valid_from"] == "2026-11-05" and w["warning_letter"] == "清市监警字〔2026〕5号"
    err = refused(story, "case", "exit", str(c), *args, "--warning-letter-number", "5", user=BOSS, walk=False)
    assert err["code"] == "R5_HAND_NUMBER" and _show(story, c)["state"] == "listed"   # nothing written
    out = ok(story, "case", "exit", str(c), *args, user=BOSS)
    w = _show(story, out["watch_case_id"])
    assert w["valid_from"] == "2026-11-05" and w["warning_letter"] == "清信警〔2026〕1号"
    ok(story, "print", "watch_warning", "--case", str(w["id"]), "--out", str(tmp_path / "w.pdf"), user=BOSS)
    [row] = ok(story, "print", "list", "--type", "watch_warning", user=BOSS)
    assert row["number"] == "清信警〔2026〕1号" and row["issued_on"] == "2026-11-20", row
