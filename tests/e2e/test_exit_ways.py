"""R12 through the CLI, every exit way of a black listing (issue 23): who may approve it (four eyes for the early
ways 2 and 4), and whether the subject then goes onto the watch list. The expected outcomes are written here,
from DOMAIN.md R12; the ways come from the domain's enum."""

from __future__ import annotations

import pytest

from credit_desk.domain.cases import ExitWay
from tests.e2e.case_kit import (BOSS, REVIEWER, company, decide, desk, ok, open_case, record,  # noqa: F401
                                on_paper, refused, serve, show, staffed_template, walk_to)

# way -> (what the drafter gets when approving it, whether a watch listing follows). Way 1 (wrongful) is not a
# `case exit`: it is the two-person withdrawal (case withdraw / withdraw-approve, tests/e2e/test_wrongful_withdrawal.py)
EXPECTED = {
    # early exit after repair: only a repair decision (R13, tests/e2e/test_repairs.py) — never `case exit`
    "2": ("R12_WAY2_THROUGH_REPAIR", True),
    "3": ("allowed", True),      # expiry
    "4": ("FOUR_EYES", True),    # the standard changed: also an early exit
}
EXIT_ON = "2026-11-20"
WAY_ARGS = {"2": ("--consent", "县市场监督管理局同意提前移出（清市监函〔2026〕5号）"), "3": (),
            "4": ("--standard-change", "认定标准第二条已于2026年11月1日废止")}


def _black_listing_drafted_by_reviewer(desk, seed: int, way: str) -> int:
    sid = company(desk, seed)
    rid = record(desk, sid)["id"]
    cid = open_case(desk, sid, "black", records=[rid], user=REVIEWER)  # the reviewer drafts the case
    serve(desk, cid, user=REVIEWER)
    # way 3: the validity ends the day before EXIT_ON; the listing leaves on the day after (R12 way 3). The
    # decision of 2026-10-12 is recorded on EXIT_ON, after that day's expiry check ran, so the exit is the clerk's;
    # recorded after its day, it is the department's hand-issued paper (R5: the register numbers on the day)
    valid = ("--valid-until", "2026-11-19") if way == "3" else ("--valid-until", "2029-09-01")
    if way == "3":
        walk_to(desk, EXIT_ON)
        valid += on_paper(cid)
    decide(desk, cid, "--measure", "M-01", "--post-exit-watch-months", "12", *valid, user=BOSS)
    return cid


def _exit_args(desk, cid: int, way: str) -> list[str]:
    return ["case", "exit", str(cid), "--way", way, "--exit-on", EXIT_ON, *WAY_ARGS[way]]


@pytest.mark.parametrize("way", [w.value for w in ExitWay if w not in (ExitWay.BLACK_LISTED, ExitWay.WRONGFUL)])
@pytest.mark.story
def test_r12_every_exit_way_of_a_black_listing(desk, way):
    assert {w.value for w in ExitWay} - {"red_removed", "1"} == set(EXPECTED)
    drafter_gets, watch_after = EXPECTED[way]
    cid = _black_listing_drafted_by_reviewer(desk, 70 + int(way), way)
    args = _exit_args(desk, cid, way)
    if drafter_gets == "R12_WAY2_THROUGH_REPAIR":  # whoever asks, the department's head included
        for who in (REVIEWER, BOSS):
            assert refused(desk, *args, user=who)["code"] == drafter_gets
        assert show(desk, cid)["state"] == "listed"  # nothing changed
        return
    if drafter_gets == "FOUR_EYES":
        err = refused(desk, *args, user=REVIEWER)
        assert err["code"] == "FOUR_EYES" and "起草人" in err["message"]
        assert show(desk, cid)["state"] == "listed"  # nothing changed
        out = ok(desk, *args, user=BOSS)
    else:
        out = ok(desk, *args, user=REVIEWER)
    entry = show(desk, cid, user=BOSS)
    assert entry["state"] == "exited"
    if watch_after:
        assert out["watch_case_id"], out
        watch = show(desk, out["watch_case_id"], user=BOSS)
        assert watch["list_type"] == "watch" and watch["state"] == "listed"
        assert watch["valid_until"] == "2027-11-20"  # the 12 months the department set, from the exit
    else:
        assert not out.get("watch_case_id"), out
