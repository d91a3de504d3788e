"""Four eyes (R5 with R1/R4): who changed what a case rests on cannot decide it, word for word."""

from __future__ import annotations

import pytest

from credit_desk.domain.cases import Case, CaseState, ListType, check_decider
from credit_desk.domain.errors import DomainError

CASE = Case(7, 1, ListType.BLACK, CaseState.NOTICE_SERVED, "clerk1")


def test_r5_four_eyes_refuses_who_changed_the_records_ground_or_standard():
    with pytest.raises(DomainError) as err:
        check_decider(CASE, "boss1", {"boss1"})
    assert (err.value.code, err.value.field) == ("FOUR_EYES", "decided_by")
    assert err.value.zh == ("您修改过本案所依据的失信信息、认定情形或认定标准，不能再对本案作出决定，"
                                    "请由另一位人员决定。")


def test_r5_four_eyes_lets_another_person_decide():
    check_decider(CASE, "boss1", {"clerk2"})
    check_decider(CASE, "boss1")
    with pytest.raises(DomainError) as err:
        check_decider(CASE, "clerk1", ())
    assert err.value.zh == "起草人不能审批或决定自己起草的案件，请由另一位人员决定。"
