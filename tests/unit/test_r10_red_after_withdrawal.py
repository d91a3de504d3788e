"""R10 with R12 way 1: what becomes of a red listing once the listing that took it off is withdrawn as wrongful
(``list_rules.red_course_after_withdrawal``), every branch with its exact outcome."""

from __future__ import annotations

import datetime as dt

from credit_desk.domain.cases import Case, CaseState, ExitWay, ListType
from credit_desk.domain.list_rules import (ExitInput, red_course_after_withdrawal, red_removal_note,
                                          reds_removed_by)

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


# --- issue 23, fifth pass: the boundaries, the order of two listings of one day and the exit's whole value -------

def test_r10_a_listing_decided_on_the_red_listings_own_first_or_last_day_removes_it():
    """Within its validity means from the red decision's own day to its last valid day, both days included."""
    for day in (RED.decided_on, RED.valid_until):
        ex = red_course_after_withdrawal(RED, [_watch(5, day)], D(2027, 6, 1))
        assert ex == ExitInput(ExitWay.BLACK_LISTED, day, note="因列入重点关注名单（案件5）删除"), day
    for day in (RED.decided_on - dt.timedelta(days=1), RED.valid_until + dt.timedelta(days=1)):
        ex = red_course_after_withdrawal(RED, [_watch(5, day)], D(2027, 6, 1))
        assert ex == ExitInput(ExitWay.EXPIRED, D(2027, 4, 1), note="有效期届满自动移出"), day


def test_r10_of_two_listings_decided_the_same_day_the_earlier_case_removes_it():
    day = D(2026, 10, 20)
    black = Case(11, 9, ListType.BLACK, CaseState.LISTED, "clerk1", decided_on=day)
    for order in ([black, _watch(4, day)], [_watch(4, day), black]):
        ex = red_course_after_withdrawal(RED, order, D(2026, 12, 5))
        assert ex == ExitInput(ExitWay.BLACK_LISTED, day, note="因列入重点关注名单（案件4）删除")
    for order in ([_watch(12, day), black], [black, _watch(12, day)]):
        ex = red_course_after_withdrawal(RED, order, D(2026, 12, 5))
        assert ex == ExitInput(ExitWay.BLACK_LISTED, day, note="因列入严重失信主体名单（案件11）删除")


def test_r12_way3_the_expiry_exit_is_the_day_after_with_its_note_and_nothing_else():
    assert red_course_after_withdrawal(RED, [WRONG], D(2027, 4, 1)) == ExitInput(
        ExitWay.EXPIRED, D(2027, 4, 1), note="有效期届满自动移出")
    no_end = Case(1, 9, ListType.RED, CaseState.EXITED, "clerk1", decided_on=D(2026, 9, 10), valid_until=None)
    assert red_course_after_withdrawal(no_end, [WRONG], D(2040, 1, 1)) is None
    assert red_course_after_withdrawal(no_end, [_watch(5, D(2039, 1, 1))], D(2040, 1, 1)) == ExitInput(
        ExitWay.BLACK_LISTED, D(2039, 1, 1), note="因列入重点关注名单（案件5）删除")
