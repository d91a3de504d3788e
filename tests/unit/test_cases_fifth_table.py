"""Four eyes (R5 with R1/R4; issue 23, fifth pass: ``cases.py`` re-measured, 569 mutants, 13 survived — five of
them the English sentence of the refusal below, asserted by nobody). Expected sentences written out here."""

from __future__ import annotations

import pytest

from credit_desk.domain.cases import Case, CaseState, ListType, check_decider
from credit_desk.domain.errors import DomainError

CASE = Case(1, 9, ListType.BLACK, CaseState.NOTICE_SERVED, "clerk1")


def test_r5_one_who_changed_what_the_case_rests_on_cannot_decide_it_in_either_language():
    with pytest.raises(DomainError) as err:
        check_decider(CASE, "boss1", proposers=["clerk2", "boss1"])
    e = err.value
    assert (e.code, e.field, e.zh, e.en) == (
        "FOUR_EYES", "decided_by", "您修改过本案所依据的失信信息、认定情形或认定标准，不能再对本案作出决定，请由另一位人员决定。",
        "You changed the records, ground or standard this case rests on; another person must decide it.")
    with pytest.raises(DomainError) as err:
        check_decider(CASE, "clerk1")
    assert (err.value.code, err.value.en) == ("FOUR_EYES", "The drafter cannot decide their own case; another "
                                                           "person must decide it.")
    check_decider(CASE, "boss1", proposers=["clerk2"])
