"""The repair state machine, eligibility by the application date's rule set and the materials table (R13, R20)."""

from __future__ import annotations

from datetime import date

import pytest

from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.repairs import (NATIONAL_MATERIALS, Material, RepairEvent, RepairState, RepairTarget,
                                        check_decider, check_one_department, eligibility, listing_tier, next_state,
                                        parse_requirements, parse_local_table, table_in_force, NATIONAL_TABLE)
from credit_desk.domain.rulesets import NATIONAL_2026, RuleSet, Tier, TierPeriod


def _t(tier, decided, dept="县市场监督管理局", basis=None, kind="record", id_=1):
    return RepairTarget(kind, id_, tier, decided, dept, f"{kind}{id_}", basis)


def test_r13_state_machine_refuses_every_step_out_of_order():
    assert next_state(RepairState.RECEIVED, RepairEvent.ACCEPT) is RepairState.ACCEPTED
    assert next_state(RepairState.ACCEPTED, RepairEvent.REPAIR) is RepairState.REPAIRED
    assert next_state(RepairState.REPAIRED, RepairEvent.SHARE) is RepairState.SHARED
    for state, event in ((RepairState.RECEIVED, RepairEvent.REPAIR), (RepairState.NOT_ACCEPTED, RepairEvent.ACCEPT),
                         (RepairState.REPAIRED, RepairEvent.REFUSE), (RepairState.SHARED, RepairEvent.ACCEPT)):
        with pytest.raises(DomainError) as exc:
            next_state(state, event)
        assert exc.value.code == "REPAIR_BAD_STEP"


def test_r13_shortest_period_per_tier_and_the_first_eligible_date():
    given = (Material.PROOF, Material.COMMITMENT, Material.TRAINING, Material.REPORT)
    slight = eligibility(NATIONAL_2026, NATIONAL_MATERIALS, [_t(Tier.SLIGHT, date(2026, 5, 1))], date(2026, 5, 1), given)
    assert slight.ok and slight.earliest_on == date(2026, 5, 1)   # 轻微: no shortest period
    general = eligibility(NATIONAL_2026, NATIONAL_MATERIALS, [_t(Tier.GENERAL, date(2026, 5, 31))], date(2026, 8, 31),
                          given)
    # R13: 5-31 + 3 months ends on 8-31 (its last day, 民法典 第二百零二条): applying on it is still too early
    assert [p.code for p in general.problems] == ["R13_TOO_EARLY"] and general.earliest_on == date(2026, 9, 1)
    both = eligibility(NATIONAL_2026, NATIONAL_MATERIALS,
                       [_t(Tier.GENERAL, date(2026, 1, 1)), _t(Tier.SERIOUS, date(2026, 1, 1), id_=2)],
                       date(2026, 11, 1), given)
    assert both.tier is Tier.SERIOUS and both.earliest_on == date(2027, 1, 2)


def test_r20_eligibility_follows_the_rule_set_it_is_given():
    shorter = RuleSet("LOCAL-TEST", date(2026, 6, 1), "测试规则集",
                      tiers={"slight": TierPeriod(0, 3, False), "general": TierPeriod(1, 12, True),
                             "serious": TierPeriod(6, 36, True)})
    e = eligibility(shorter, NATIONAL_MATERIALS, [_t(Tier.SERIOUS, date(2026, 1, 10))], date(2026, 7, 11),
                    tuple(Material))
    assert e.ok and e.earliest_on == date(2026, 7, 11)


def test_r13_national_materials_are_proof_and_commitment_and_a_local_rule_is_dated_and_cited():
    for tier in Tier:  # R13 (22号/36号令): training and a report are ways to show correction, not conditions
        e = eligibility(NATIONAL_2026, NATIONAL_MATERIALS, [_t(tier, date(2023, 1, 1))], date(2026, 11, 1),
                        (Material.PROOF, Material.COMMITMENT))
        assert e.ok, tier
    e = eligibility(NATIONAL_2026, NATIONAL_TABLE, [_t(Tier.SERIOUS, date(2025, 1, 1))], date(2026, 11, 1),
                    (Material.PROOF, Material.TRAINING, Material.REPORT))
    assert list(e.missing) == ["签署的信用承诺书"] and e.only_materials_missing and e.grounds() == []
    assert "36号" in e.problems[0].basis
    spec = {"source": "某县信用修复细则第五条", "effective_from": "2026-06-01", "slight": {"all": ["proof"]},
            "general": {"all": ["proof"]}, "serious": {"all": ["proof"], "any": ["training", "public_service"]}}
    local = parse_local_table(spec)
    assert table_in_force(local, date(2026, 5, 31)) is NATIONAL_TABLE and table_in_force(local, date(2026, 6, 1)) is local
    e = eligibility(NATIONAL_2026, local, [_t(Tier.SERIOUS, date(2025, 1, 1))], date(2026, 11, 1), (Material.PROOF,))
    assert list(e.missing) == ["信用修复培训证明或公益慈善活动证明"] and e.problems[0].basis == "某县信用修复细则第五条"
    for drop in ("source", "effective_from"):
        with pytest.raises(ValidationError) as exc:
            parse_local_table({k: v for k, v in spec.items() if k != drop})
        assert exc.value.code == "R13_MATERIALS_RULE"
    with pytest.raises(ValidationError) as exc:
        parse_requirements({"slight": {"all": ["fee"]}, "general": {}, "serious": {}})
    assert exc.value.code == "R13_MATERIAL_UNKNOWN" and exc.value.row == 0


def test_r13_non_repairable_red_lists_departments_and_four_eyes():
    e = eligibility(NATIONAL_2026, NATIONAL_MATERIALS, [_t(Tier.SLIGHT, date(2025, 1, 1), basis="法律规定")],
                    date(2026, 11, 1), tuple(Material))
    assert e.problems[0].code == "R13_NON_REPAIRABLE"
    with pytest.raises(ValidationError):
        listing_tier("red")
    assert listing_tier("black") is Tier.SERIOUS and listing_tier("watch") is Tier.GENERAL
    with pytest.raises(ValidationError) as exc:
        check_one_department([_t(Tier.SLIGHT, date(2025, 1, 1)), _t(Tier.SLIGHT, date(2025, 1, 1), "县税务局", id_=2)])
    assert exc.value.code == "R13_ONE_DEPARTMENT"
    for accepted, drafters in (("boss1", []), ("clerk1", ["boss1"])):
        with pytest.raises(DomainError) as exc:
            check_decider(accepted, drafters, "boss1")
        assert exc.value.code == "FOUR_EYES"
    check_decider("clerk1", ["clerk1"], "boss1")
