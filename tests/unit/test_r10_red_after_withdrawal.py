"""R10 with R12 way 1: what becomes of a red listing once the listing that took it off is withdrawn as wrongful
(``list_rules.red_course_after_withdrawal``), every branch with its exact outcome."""

from __future__ import annotations

import datetime as dt

from credit_desk.domain.cases import Case, CaseState, ExitWay, ListType
from credit_desk.domain.list_rules import red_course_after_withdrawal, red_removal_note, reds_removed_by

D = dt.date
RED = Case(1, 9, ListType.RED, CaseState.EXITED, "clerk1", decided_on=D(2026, 9, 10), valid_until=D(2027, 3, 31),
           exit_way=ExitWay.BLACK_LISTED.value, exited_on=D(2026, 10, 12), exit_note=red_removal_note(ListType.BLACK, 2))
WRONG = Case(2, 9, ListType.BLACK, CaseState.WITHDRAWN_WRONGFUL, "clerk1")


def _watch(cid: int, decided: dt.date, state=CaseState.LISTED) -> Case:
    return Case(cid, 9, ListType.WATCH, state, "clerk1", decided_on=decided)


def test_r10_the_red_listings_a_listing_took_off_are_found_by_its_note():
    other = Case(3, 9, ListType.RED, CaseState.EXITED, "clerk1", exit_way=ExitWay.BLACK_LISTED.value,
                 exit_note=red_removal_note(ListType.WATCH, 5))
    assert reds_removed_by(Case(2, 9, ListType.BLACK, CaseState.LISTED, "c"), [RED, other, WRONG]) == [RED]
    assert red_removal_note(ListType.BLACK, 2) == "因列入严重失信主体名单（案件2）删除"


def test_r10_back_on_its_list_while_its_validity_runs():
    assert red_course_after_withdrawal(RED, [WRONG], D(2026, 11, 2)) is None


def test_r12_way3_when_its_validity_ended_meanwhile():
    ex = red_course_after_withdrawal(RED, [WRONG], D(2027, 4, 1))
    assert (ex.way, ex.exit_on) == (ExitWay.EXPIRED, D(2027, 4, 1))
    assert red_course_after_withdrawal(RED, [WRONG], D(2027, 3, 31)) is None  # the last valid day


def test_r10_removed_by_the_first_lawful_listing_within_its_validity():
    ex = red_course_after_withdrawal(RED, [WRONG, _watch(6, D(2026, 12, 1)), _watch(5, D(2026, 10, 20))],
                                     D(2026, 12, 5))
    assert (ex.way, ex.exit_on, ex.note) == (ExitWay.BLACK_LISTED, D(2026, 10, 20), "因列入重点关注名单（案件5）删除")
    for not_counted in (_watch(7, D(2027, 4, 1)), _watch(8, D(2026, 9, 1)),
                        _watch(9, D(2026, 10, 20), CaseState.WITHDRAWN_WRONGFUL),
                        _watch(10, D(2026, 10, 20), CaseState.NOT_LISTED)):
        assert red_course_after_withdrawal(RED, [not_counted], D(2026, 12, 5)) is None, not_counted
