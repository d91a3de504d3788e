"""R13 validity cap (``publication.validity_cap`` / ``check_r13_validity_cap``) and R5 party heard
(``objections.party_was_heard``): functions added after their modules' tables, reached by e2e tests only — here as
tables with literal outcomes (issue 23, fourth mutation pass)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace as NS

import pytest

from credit_desk.domain.errors import DomainError
from credit_desk.domain.objections import Stage, party_was_heard
from credit_desk.domain.publication import check_r13_validity_cap, validity_cap

D = dt.date


@pytest.mark.parametrize("ends,cap", [([D(2027, 1, 1), D(2029, 3, 1), None], D(2029, 3, 1)), ([None], None), ([], None),
                                      ([D(2027, 1, 1)], D(2027, 1, 1))])
def test_r13_the_last_day_a_listing_may_be_valid(ends, cap):
    assert validity_cap(ends) == cap


@pytest.mark.parametrize("until,ends", [(D(2029, 3, 1), [D(2029, 3, 1)]), (D(2028, 1, 1), [D(2027, 1, 1), D(2029, 3, 1)]),
                                        (None, [D(2027, 1, 1)]), (D(2040, 1, 1), []), (D(2040, 1, 1), [None])])
def test_r13_a_validity_up_to_the_records_longest_publication_is_accepted(until, ends):
    assert check_r13_validity_cap(until, ends) is None


def test_r13_a_validity_outlasting_the_records_publication_is_refused():
    with pytest.raises(DomainError) as e:
        check_r13_validity_cap(D(2029, 3, 2), [D(2027, 1, 1), D(2029, 3, 1), None])
    assert (e.value.code, e.value.field, e.value.zh, e.value.en) == (
        "R13_VALIDITY_CAP", "valid_until",
        "名单有效期（至2029-03-02）不能晚于其所依据的失信信息的最长公示期届满日（2029-03-01）：名单信息的发布时限与名单有效期一致"
        "（发改财金规〔2017〕1798号（十一）），失信信息最长公示期届满即停止公示（国家发展改革委令2025年第36号）。请将有效期定在"
        "2029-03-01或之前。",
        "The listing's validity (until 2029-03-02) cannot outlast the longest publication period of the records it "
        "rests on (ends 2029-03-01): a listing is published for its validity (NDRC 2017 No. 1798, item 11) and the records stop "
        "being published at their longest period (NDRC Order 2025 No. 36). Set 2029-03-01 or earlier.")


SERVED, DECIDED = D(2026, 10, 1), D(2026, 10, 20)


@pytest.mark.parametrize("case_obj,record_obj,served,decided,heard", [
    ([NS(stage=Stage.NOTICE, received_on=D(2026, 10, 5))], [], SERVED, DECIDED, True),
    ([NS(stage=Stage.NOTICE, received_on=D(2026, 10, 5))], [], None, DECIDED, False),   # never served
    ([NS(stage=Stage.LISTING, received_on=D(2026, 10, 5))], [], SERVED, DECIDED, False),
    ([], [NS(stage=Stage.RECORD, received_on=D(2026, 10, 1))], SERVED, DECIDED, True),        # on the day served
    ([], [NS(stage=Stage.RECORD, received_on=D(2026, 10, 20))], SERVED, DECIDED, True),       # on the decision day
    ([], [NS(stage=Stage.RECORD, received_on=D(2026, 9, 30))], SERVED, DECIDED, False),       # before the notice
    ([], [NS(stage=Stage.RECORD, received_on=D(2026, 10, 21))], SERVED, DECIDED, False),      # after the decision
    ([], [NS(stage=Stage.RECORD, received_on=D(2026, 12, 1))], SERVED, None, True),           # not yet decided
    ([], [], SERVED, DECIDED, False)])
def test_r5_r19_whether_the_party_was_heard(case_obj, record_obj, served, decided, heard):
    assert party_was_heard(case_obj, record_obj, served, decided) is heard
