"""The rules of a 双公示 penalty's credit repair in domain/ (R3, R13, R21), without a ledger."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import pytest

from credit_desk.domain import disclosure as d
from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.repairs import RecordAction, RepairState, check_decision_action, only_about
from credit_desk.domain.rulesets import NATIONAL_2026
from tests.conftest import TEST_NOW
from tests.e2e.disclosure_kit import penalty_row

TODAY = TEST_NOW.date()


def _penalty(tier="一般", **over) -> d.AdminDecision:
    x, errors = d.check_decision({**penalty_row(1, dt.date(2026, 5, 4), tier=tier), **over}, TODAY)
    assert not errors
    return replace(d.with_periods(x, NATIONAL_2026, dt.date(2026, 5, 13)), id=7, state=d.DecisionState.PUBLISHED)


def test_r13_r21_a_published_penalty_of_the_subject_may_be_named():
    x = _penalty()
    d.check_r13_decision_repairable(x, x.uscc)                              # the subject's own: no refusal
    d.check_r13_decision_repairable(replace(x, state=d.DecisionState.REGISTERED), x.uscc)   # due to publish


def test_r13_r21_another_subjects_penalty_is_refused():
    x = _penalty()
    with pytest.raises(ValidationError) as e:
        d.check_r13_decision_repairable(x, "91320812MA1XXXXX0X")
    assert e.value.code == "R13_TARGET"
    with pytest.raises(ValidationError):
        d.check_r13_decision_repairable(x, "")


def test_r13_r21_a_licence_or_a_slight_penalty_is_refused():
    licence = replace(_penalty(), kind=d.DecisionKind.LICENCE)
    with pytest.raises(DomainError) as e:
        d.check_r13_decision_repairable(licence, licence.uscc)
    assert e.value.code == "R13_DECISION_LICENCE"
    slight = replace(_penalty("轻微"), state=d.DecisionState.NOT_PUBLISHED)
    assert slight.publication_end is None
    with pytest.raises(DomainError) as e:
        d.check_r13_decision_repairable(slight, slight.uscc)
    assert e.value.code == "R13_DECISION_SLIGHT"


@pytest.mark.parametrize("state", [d.DecisionState.REVOKED, d.DecisionState.ENDED, d.DecisionState.REPAIRED])
def test_r3_r13_a_revoked_ended_or_repaired_penalty_is_refused(state):
    x = replace(_penalty(), state=state)
    with pytest.raises(DomainError) as e:
        d.check_r13_decision_repairable(x, x.uscc)
    assert e.value.code == "R13_TARGET_STATE" and state.zh in e.value.zh


def test_r13_a_penalty_decisions_repair_is_stopping_publication():
    check_decision_action(["decision"], RecordAction.STOP)
    check_decision_action(["record"], RecordAction.DELETE)      # a record may be deleted, shielded, marked
    check_decision_action(["decision"], None)                   # a refusal has no action
    for action in (RecordAction.MARK, RecordAction.SHIELD, RecordAction.DELETE):
        with pytest.raises(DomainError) as e:
            check_decision_action(["record", "decision"], action)
        assert e.value.code == "R13_DECISION_ACTION"


@dataclass
class _Req:
    id: int
    state: RepairState
    targets: tuple


def test_r3_r13_only_open_requests_about_nothing_but_the_revoked_decision_end():
    reqs = [_Req(1, RepairState.RECEIVED, (("decision", 7),)), _Req(2, RepairState.ACCEPTED, (("decision", 7),)),
            _Req(3, RepairState.ACCEPTED, (("decision", 7), ("record", 3))), _Req(4, RepairState.REPAIRED,
                                                                              (("decision", 7),)),
            _Req(5, RepairState.RECEIVED, (("decision", 8),)), _Req(6, RepairState.RECEIVED, ())]
    assert only_about(("decision", 7), reqs) == [1, 2]
