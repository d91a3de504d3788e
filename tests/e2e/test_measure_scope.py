"""R8 (issue 13 item 10): each measure carries its scope — list types, catalogue groups or fields of
administration, its basis — and a weight; a measure outside the case's scope is refused (限制高消费 on a
food-safety company), and so is one heavier than the records' tier allows (过惩相当)."""

from __future__ import annotations

import pytest
from tests.e2e.case_kit import (BOSS, company, decide, desk, ok, open_case, record, refused, serve,  # noqa: F401
                                show, staffed_template)

BLACK = ("--post-exit-watch-months", "12")


def _black(desk, seed: int, code="S-03-02", tier="serious") -> int:
    sid = company(desk, seed)
    rid = record(desk, sid, code=code, tier=tier, number=f"清市监罚〔2026〕{seed}号")["id"]
    cid = open_case(desk, sid, "black", records=[rid])
    serve(desk, cid)
    return cid


@pytest.mark.story
def test_r8_court_measure_refused_on_a_food_safety_penalty(desk):
    cid = _black(desk, 151)  # a 行政处罚 record (行政管理信息), e.g. selling substandard food
    err = refused(desk, "case", "decide", str(cid), "--decided-on", "2026-10-12", "--measure", "M-02", *BLACK,
                  user=BOSS)
    assert err["code"] == "R8_OUT_OF_SCOPE" and "司法裁判及执行信息" in err["message"]
    assert show(desk, cid)["state"] == "notice_served"  # nothing changed
    decide(desk, cid, "--measure", "M-01", *BLACK)


@pytest.mark.story
def test_r8_court_measure_accepted_for_a_judgment_debtor(desk):
    cid = _black(desk, 152, code="S-02-01")  # 失信被执行人信息 (司法裁判及执行信息)
    out = decide(desk, cid, "--measure", "M-02", *BLACK)
    assert out["state"] == "listed"


@pytest.mark.story
def test_r8_measure_heavier_than_the_records_tier_is_refused(desk):
    cid = _black(desk, 153, tier="general")
    err = refused(desk, "case", "decide", str(cid), "--decided-on", "2026-10-12", "--measure", "M-01", *BLACK,
                  user=BOSS)
    assert err["code"] == "R8_DISPROPORTIONATE" and "一般" in err["message"]
    out = decide(desk, cid, "--measure", "M-05", *BLACK)  # severity 2 fits a 一般 record
    assert out["state"] == "listed"
