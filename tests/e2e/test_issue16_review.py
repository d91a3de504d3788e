"""Issue 16 review: the unlawful paths a lawyer and a party seeking repair would try, walked through the CLI on a
real encrypted ledger (printed documents read back with pdftotext). Each test names the rule it guards."""

from __future__ import annotations

import datetime as dt

from credit_desk.domain.rulesets import NATIONAL_2023, NATIONAL_2026, Tier, add_months, publication_window
from tests.conftest import TEST_NOW
from tests.e2e.case_kit import BOSS, company, desk, ok, refused, staffed_template  # noqa: F401
from tests.e2e.repair_kit import DEPT
from tests.e2e.test_issue16_rules import _penalty, _text

TODAY = TEST_NOW.date()   # the desk's pinned clock (tests/conftest.py)


# R13: the shortest period has to have PASSED -----------------------------------------------------------------

def test_r13_repair_on_the_last_day_of_the_shortest_period_is_too_early(desk, tmp_path):
    """R13 (36号令 "最短公示期届满后"; 民法典 第二百零一、二百零二条): decided D, a 一般 record's shortest period ends
    on D + 3 months — its last day, as ``publication_end`` is the last day of the longest one. An application on
    that day is too early; the next day it is not; the 信用修复告知书 prints the very date that is enforced."""
    sid = company(desk, 1601)
    decided = add_months(TODAY, -3)
    assert add_months(decided, 3) == TODAY
    rec = _penalty(desk, sid, decided, number="清市监罚〔X〕1601号")
    tomorrow = TODAY + dt.timedelta(days=1)
    assert rec["earliest_repair"] == tomorrow.isoformat()
    out = ok(desk, "repair", "apply", "--subject", str(sid), "--applicant", "王建国", "--channel", "window",
             "--received-on", TODAY.isoformat(), "--record", str(rec["id"]), "--material", "proof",
             "--material", "commitment")
    assert out["eligible"] is False and [p["code"] for p in out["problems"]] == ["R13_TOO_EARLY"]
    assert out["first_eligible_on"] == tomorrow.isoformat()
    ok(desk, "print", "repair_notice", "--record", str(rec["id"]), "--out", str(tmp_path / "n.pdf"))
    assert f"{tomorrow.year}年{tomorrow.month}月{tomorrow.day}日起申请信用修复" in _text(tmp_path / "n.pdf")


def test_r13_periods_across_a_leap_day_end_on_the_month_end_and_repair_opens_the_day_after():
    """R13 (民法典 第二百零二条): no corresponding day → the month's last day is the period's last day."""
    w = publication_window(NATIONAL_2023, Tier.SERIOUS, dt.date(2024, 2, 29))
    assert w.publication_end == dt.date(2027, 2, 28) and w.earliest_repair == dt.date(2025, 3, 1)
    w = publication_window(NATIONAL_2026, Tier.GENERAL, dt.date(2027, 11, 30))
    assert w.earliest_repair == dt.date(2028, 3, 1) and w.publication_end == dt.date(2028, 11, 30)
    # calendar months: the 2026 National Day holiday neither lengthens nor shortens a publication period
    w = publication_window(NATIONAL_2026, Tier.GENERAL, dt.date(2026, 7, 1))
    assert w.earliest_repair == dt.date(2026, 10, 2)
