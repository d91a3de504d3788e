"""Dated rule sets (R20), tiers and publication periods (R13)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.rulesets import (
    DEFAULT_RULE_SETS, NATIONAL_2023, NATIONAL_2026, RuleSet, Tier, TierPeriod, add_months,
    publication_window, rule_set_in_force,
)

D = dt.date


def test_national_2026_defaults():
    rs = NATIONAL_2026
    assert (rs.code, rs.effective_from) == ("CN-2026-04", D(2026, 4, 1))
    assert "36号" in rs.source and "22号" in rs.source
    assert rs.objection_reply_workdays == 10  # R5
    assert rs.share_listing_workdays == 10  # R6
    assert rs.publish_licence_penalty_workdays == 7  # R6
    assert (rs.repair_decide_workdays, rs.repair_finish_workdays) == (3, 10)  # R13
    assert rs.tier(Tier.SLIGHT) == TierPeriod(0, 3, published=False)
    assert rs.tier("general") == TierPeriod(3, 12, published=True)
    assert rs.tier(Tier.SERIOUS) == TierPeriod(12, 36, published=True)
    assert [t.zh for t in Tier] == ["轻微", "一般", "严重"]


def test_r20_rule_set_in_force_by_date():
    assert rule_set_in_force(DEFAULT_RULE_SETS, D(2026, 3, 31)) is NATIONAL_2023
    assert rule_set_in_force(DEFAULT_RULE_SETS, D(2026, 4, 1)) is NATIONAL_2026
    assert rule_set_in_force(reversed(DEFAULT_RULE_SETS), D(2030, 1, 1)) is NATIONAL_2026


def test_r20_no_rule_set_before_the_first():
    with pytest.raises(DomainError) as err:
        rule_set_in_force(DEFAULT_RULE_SETS, D(2020, 1, 1))
    assert err.value.code == "R20_NO_RULE_SET" and err.value.rule() == "R20"


def test_r20_rule_set_round_trips_through_json():
    local = dataclasses.replace(NATIONAL_2026, code="JS-HA-2027", effective_from=D(2027, 1, 1),
                                objection_reply_workdays=7)
    for rs in (*DEFAULT_RULE_SETS, local):
        again = RuleSet.from_dict(json.loads(json.dumps(rs.to_dict(), ensure_ascii=False)))
        assert again == rs and hash(again) == hash(rs)


@pytest.mark.parametrize("mutate, field", [
    (lambda d: d.pop("code"), "code"),
    (lambda d: d.update(effective_from="2026/04/01"), "effective_from"),
    (lambda d: d.update(objection_reply_workdays="10"), "objection_reply_workdays"),
    (lambda d: d.update(share_listing_workdays=0), "share_listing_workdays"),
    (lambda d: d["tiers"].pop("serious"), "tiers"),
    (lambda d: d["tiers"]["general"].update(min_months=13), "tiers.general"),
    (lambda d: d["tiers"]["slight"].update(published="no"), "tiers.slight"),
])
def test_r20_bad_rule_set_refused_naming_field(mutate, field):
    data = NATIONAL_2026.to_dict()
    mutate(data)
    with pytest.raises(ValidationError) as err:
        RuleSet.from_dict(data)
    assert err.value.code == "RULE_SET_INVALID" and err.value.field == field
    assert field in err.value.zh


def test_rule_set_is_immutable():
    with pytest.raises(dataclasses.FrozenInstanceError):
        NATIONAL_2026.code = "X"  # type: ignore[misc]
    with pytest.raises(TypeError):
        NATIONAL_2026.tiers["slight"] = TierPeriod(0, 1, False)  # type: ignore[index]


def test_add_months_is_end_of_month_safe():
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2028, 1, 31), 1) == D(2028, 2, 29)
    assert add_months(D(2026, 11, 30), 3) == D(2027, 2, 28)
    assert add_months(D(2026, 5, 15), 36) == D(2029, 5, 15)
    assert add_months(D(2026, 5, 15), 0) == D(2026, 5, 15)


@settings(max_examples=100, deadline=None)
@given(st.dates(D(1990, 1, 1), D(2090, 12, 31)), st.integers(0, 240))
def test_add_months_properties(d, months):
    out = add_months(d, months)
    assert (out.year * 12 + out.month) - (d.year * 12 + d.month) == months
    assert out.day <= d.day


def test_r13_publication_window_by_tier():
    decided = D(2026, 5, 20)
    assert publication_window(NATIONAL_2026, Tier.GENERAL, decided) == (D(2026, 8, 21), D(2027, 5, 20))
    assert publication_window(NATIONAL_2026, "serious", decided) == (D(2027, 5, 21), D(2029, 5, 20))
    window = publication_window(NATIONAL_2026, Tier.SLIGHT, decided)
    assert window.earliest_repair == decided and window.publication_end == D(2026, 8, 20)


def test_r5_objection_window_is_a_rule_set_value_labelled_a_local_setting():
    """Issue 13 item 11: the seeds give no objection period; our 5 working days say they are a local default."""
    from credit_desk.domain.rulesets import DEFAULT_RULE_SETS, LOCAL_SETTINGS
    assert "objection_window_workdays" in LOCAL_SETTINGS
    assert all(rs.objection_window_workdays == 5 for rs in DEFAULT_RULE_SETS)
    for rs in DEFAULT_RULE_SETS:
        assert "本地设定" in rs.citation("objection_window_workdays")
        assert "本地设定" not in rs.citation("objection_reply_workdays")  # 淮 四(一) fixes that one


def test_r20_each_clause_lives_once_the_seed_figures_in_one_map_the_rule_sets_own_in_their_citations():
    """R20 (issue 16 review): the four seed figures' clauses are written once (``SEED_SOURCES``) and read through
    ``RuleSet.citation``; a rule set's own map holds only its own values, so no two wordings of one clause exist.
    A ledger's stored rule set with the earlier second wording still shows the one wording; a bundle's own clause
    for a seed figure wins (a platform may change the window by a local rule)."""
    from credit_desk.domain.rulesets import DEFAULT_RULE_SETS, SEED_SOURCES
    for rs in DEFAULT_RULE_SETS:
        assert not set(rs.citations) & set(SEED_SOURCES), rs.code
        for name, clause in SEED_SOURCES.items():
            assert rs.citation(name) == clause
    stored = dataclasses.replace(NATIONAL_2026, citations={
        **NATIONAL_2026.citations,
        "objection_window_workdays": "local setting (no seed fixes it; DOMAIN Clarifications R5)"})
    assert stored.citation("objection_window_workdays") == SEED_SOURCES["objection_window_workdays"]
    local = dataclasses.replace(NATIONAL_2026, citations={"objection_window_workdays": "淮安市某规定第五条"})
    assert local.citation("objection_window_workdays") == "淮安市某规定第五条"
    assert NATIONAL_2026.citation("repair_decide_workdays").startswith("国家发展改革委令2025年第36号")


def test_r20_earlier_rule_sets_carry_only_known_figures_and_refuse_the_rest():
    """R20 (issue 16): CN-2023 and CN-2020-12 no longer copy the 2026 figures backwards."""
    from credit_desk.domain.rulesets import NATIONAL_2020
    assert NATIONAL_2023.tier("general") == TierPeriod(3, 12, published=True)   # 令2023年第58号
    assert NATIONAL_2023.tier("serious") == TierPeriod(12, 36, published=True)
    assert "58号" in NATIONAL_2023.citations["tiers.serious"]
    for rs, what in ((NATIONAL_2023, "slight"), (NATIONAL_2020, "general"), (NATIONAL_2020, "serious")):
        with pytest.raises(DomainError) as err:
            rs.tier(what)
        assert err.value.code == "R20_VALUE_UNKNOWN" and rs.code in err.value.zh and err.value.rule() == "R20"
        with pytest.raises(DomainError):
            publication_window(rs, what, D(2025, 1, 1))
    for rs in (NATIONAL_2023, NATIONAL_2020):
        with pytest.raises(DomainError) as err:
            rs.limit("repair_finish_workdays")
        assert err.value.code == "R20_VALUE_UNKNOWN" and "信用修复办结时限" in err.value.zh
        assert rs.objection_reply_workdays == 10        # the seeds' own local figure, cited to 淮 四(一)
        again = RuleSet.from_dict(json.loads(json.dumps(rs.to_dict(), ensure_ascii=False)))
        assert again == rs and again.citations == rs.citations
    assert NATIONAL_2026.limit("repair_decide_workdays") == 3 and NATIONAL_2026.limit("repair_finish_workdays") == 10
