"""R12 at the platform (att39f): a credit checker asking the platform about a subject before granting a licence sees
each listing as its office last reported it. The platform's cross-office view listed every listing decision it had
filed, so a listing that had since ended — by an early exit (way 4), at the end of its validity (way 3), or a red
listing a black listing took off its list (R10) — still read "listed" under its decision, and a department would
apply joint punishment (or a red-list incentive) over a listing that had ended (R12: "joint punishments stop").

What the checker sees (DOMAIN R12, R22, R15): the listings in force — the case's latest accepted change says it is
listed and its validity has not ended on the platform's date (R12 way 3: it exits the day after). An ended listing
is left out of the check, as the office's own credit check uses only listings in force (R22); the watch listing that
follows a black listing's exit (1798号 (十八)) is a listing in force of its own and is shown. The view keeps the ended
listing's current state with its exit way and date for the platform's record (R7)."""

from __future__ import annotations

from datetime import datetime

import pytest

from credit_desk.intake.receiver import Intake
from tests.e2e.case_kit import (BOSS, black_listing, company, desk, ok, staffed_template,  # noqa: F401
                                watch_listing)
from tests.e2e.sync_support import pair
from tests.e2e.platform_round import check_at_platform as _check, subject_no as _subject_no, synced as _synced
from tests.e2e.test_issue13_law30 import _red


@pytest.mark.story
def test_r12_way4_an_exited_black_listing_leaves_the_check_and_its_watch_listing_shows(desk, data_dir, tmp_path):
    """R12 way 4 (the standard changed) and 1798号 (十八): the black listing reached the platform, then ended at the
    office, which put the subject on the watch list for 12 months. The platform still answered "black listed" under
    the ended decision's number (case_state "listed"), beside the new watch listing."""
    intake_dir = pair(desk, tmp_path)
    sid = company(desk, 3961)
    cid = black_listing(desk, sid)
    _synced(desk, intake_dir, tmp_path / "u1")
    no = _subject_no(data_dir, sid)
    before = _check(intake_dir, *no)
    assert [(r["case_id"], r["list_type"], r["case_state"]) for r in before] == [(str(cid), "black", "listed")]

    out = ok(desk, "case", "exit", str(cid), "--way", "4", "--exit-on", "2026-10-20", "--standard-change",
             "认定标准已修订，该主体不再符合（清市监规〔2026〕3号）", user=BOSS)
    _synced(desk, intake_dir, tmp_path / "u2")

    after = _check(intake_dir, *no)
    assert str(cid) not in [r["case_id"] for r in after], after  # R12: ended, joint punishments stop
    assert [(r["case_id"], r["list_type"], r["case_state"], r["valid_from"]) for r in after] == [
        (str(out["watch_case_id"]), "watch", "listed", "2026-10-20")]  # 1798号 (十八): the watch list follows
    # R7: the platform's record of the ended listing keeps its decision with its exit, as the office sent them
    with Intake(intake_dir).pool.connection() as conn:
        held = conn.execute("SELECT case_state, decision_number, exit_way, exited_on FROM subject_listings "
                            "WHERE subject_no = %s AND case_id = %s", (":".join(no), str(cid))).fetchall()
    assert held == [("exited", before[0]["decision_number"], "4", "2026-10-20")], held


@pytest.mark.story
def test_r10_a_red_listing_a_black_listing_took_off_its_list_leaves_the_check(desk, data_dir, tmp_path):
    """R10 (1798号 (十九)): the tax bureau's red listing reached the platform; a black listing then took the subject
    off the red list. The platform answered that the subject was on the red list (an incentive a department would
    grant) as well as on the black list."""
    intake_dir = pair(desk, tmp_path)
    sid = company(desk, 3962)
    red = _red(desk, sid)
    _synced(desk, intake_dir, tmp_path / "u1")
    no = _subject_no(data_dir, sid)
    assert [(r["list_type"], r["case_state"]) for r in _check(intake_dir, *no)] == [("red", "listed")]

    cid = black_listing(desk, sid)
    _synced(desk, intake_dir, tmp_path / "u2")

    after = _check(intake_dir, *no)
    assert [(r["case_id"], r["list_type"], r["case_state"]) for r in after] == [(str(cid), "black", "listed")], after
    assert str(red) not in [r["case_id"] for r in after]


@pytest.mark.story
def test_r12_way3_a_listing_whose_validity_ended_leaves_the_check_on_the_next_day(desk, data_dir, tmp_path):
    """R12 way 3 (DOMAIN: a listing exits on the day after its validity ends): the office reports the expiry in its
    next bundle, which may come weeks later from an offline PC; the platform answered "listed" meanwhile."""
    intake_dir = pair(desk, tmp_path)
    sid = company(desk, 3963)
    cid = watch_listing(desk, sid, "税务", valid_until="2027-09-01")
    _synced(desk, intake_dir, tmp_path / "u1")
    no = _subject_no(data_dir, sid)
    last_day = _check(intake_dir, *no, on=datetime(2027, 9, 1, 17, 0))
    assert [(r["case_id"], r["case_state"], r["valid_until"]) for r in last_day] == [
        (str(cid), "listed", "2027-09-01")]
    assert _check(intake_dir, *no, on=datetime(2027, 9, 2, 8, 0)) == []
