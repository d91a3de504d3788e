"""The listing-case state machine and the pure guards of R1–R12 and R19 (no store, no Qt)."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from credit_desk.domain import demo
from credit_desk.domain.cases import (TRANSITIONS, Case, CaseState, Event, ExitWay, ListType, check_decider,
                                      check_r4_black_scope, check_r5_decision_parts, check_r5_may_decide,
                                      check_r7_entry, check_r8_measures, next_state, phase)
from credit_desk.domain.due import DueItem, is_overdue, sort_items
from credit_desk.domain.errors import DomainError
from credit_desk.domain.ids import IdType, SubjectKind
from credit_desk.domain.list_rules import (ExitInput, alert_due, check_r10_red_candidate, check_r11_watch_entry,
                                           check_r12_exit, expired, needs_post_exit_watch, post_exit_watch_until)
from credit_desk.domain.objections import Objection, Stage, Target, check_resolution, reply_due
from credit_desk.domain.record_rules import (Leniency, check_basis, check_catalogue_item,
                                             check_leniency_justification, leniency_flags)
from credit_desk.domain.reference import load_sample_catalogue, load_sample_measures
from credit_desk.domain.rulesets import NATIONAL_2026, Tier
from credit_desk.domain.subjects import Subject
from credit_desk.domain.workcal import WorkCalendar

D = dt.date
TODAY = D(2026, 11, 1)


def _case(**kw) -> Case:
    base = dict(id=1, subject_id=1, list_type=ListType.BLACK, state=CaseState.NOTICE_SERVED, created_by="clerk1",
                department="县市场监督管理局", department_level="county", ground="b", standard="某规章第二条",
                standard_kind="department_rule", facts="事实", basis="依据", valid_until=D(2029, 10, 12),
                served_on=D(2026, 9, 28), window_end=D(2026, 10, 10), removal_conditions="条件", remedies="救济")
    base.update(kw)
    return Case(**base)


def _company(rep=True) -> Subject:
    return Subject(1, SubjectKind.LEGAL_PERSON, "淮安某有限公司", IdType.USCC,
                   demo.uscc(random.Random(1), "320812"), "王建国" if rep else None,
                   IdType.RIC if rep else None, "320826198001011234" if rep else None)


def test_state_machine_allows_only_listed_transitions():
    assert next_state(CaseState.DRAFT, Event.SERVE_NOTICE) is CaseState.NOTICE_SERVED
    assert next_state(CaseState.LISTED, Event.WITHDRAW_WRONGFUL) is CaseState.WITHDRAWN_WRONGFUL
    for state in CaseState:
        for event in Event:
            if (state, event) not in TRANSITIONS:
                with pytest.raises(DomainError) as err:
                    next_state(state, event)
                assert err.value.code == "CASE_BAD_STEP"
    # no way out of the end states; an ended listing only by R12 way 1 (found wrong after it ended, 1798号 (二十三)),
    # and a red listing removed by a listing so withdrawn back onto its list (R10 with R12 way 1)
    assert next_state(CaseState.EXITED, Event.WITHDRAW_WRONGFUL) is CaseState.WITHDRAWN_WRONGFUL
    assert [k for k in TRANSITIONS if k[0] is CaseState.EXITED] == [(CaseState.EXITED, Event.WITHDRAW_WRONGFUL),
                                                                     (CaseState.EXITED, Event.RED_RESTORED)]
    assert not [k for k in TRANSITIONS if k[0] in (CaseState.NOT_LISTED, CaseState.WITHDRAWN_WRONGFUL)]


def test_phase_shows_the_objection_window_while_it_is_open():
    c = _case()
    assert phase(c, D(2026, 10, 10)) == "objection_window"
    assert phase(c, D(2026, 10, 11)) == "notice_served"


def test_r1_basis_types_and_citation():
    with pytest.raises(DomainError) as err:
        check_basis("letter", "x", "y", D(2026, 1, 1), D(2026, 1, 2), None, TODAY)
    assert err.value.code == "R1_DOC_TYPE"
    with pytest.raises(DomainError) as err:
        check_basis("other_legal", "x", "y", D(2026, 1, 1), D(2026, 1, 2), None, TODAY)
    assert err.value.code == "R1_CITATION_REQUIRED"
    with pytest.raises(DomainError) as err:
        check_basis("admin_penalty", "x", "y", D(2026, 1, 5), D(2026, 1, 2), None, TODAY)
    assert err.value.code == "R1_BASIS_DATES"
    doc = check_basis("court_judgment", " (2026)苏0812民初1号 ", "县人民法院", D(2026, 1, 1), D(2026, 1, 20), None, TODAY)
    assert doc.number == "(2026)苏0812民初1号"


def test_r2_only_active_dishonesty_items():
    items = list(load_sample_catalogue().items)
    assert check_catalogue_item("S-03-02", items).dishonesty
    for code, expected in (("S-01-01", "R2_NOT_DISHONESTY"), ("X-1", "R2_NOT_IN_CATALOGUE")):
        with pytest.raises(DomainError) as err:
            check_catalogue_item(code, items)
        assert err.value.code == expected
    with pytest.raises(DomainError) as err:
        check_catalogue_item("S-03-02", None)
    assert err.value.code == "R2_NO_CATALOGUE"


def test_r9_minor_on_the_act_date_from_the_id_number():
    number = demo.ric(random.Random(3), "320826", D(2008, 6, 15), D(2008, 6, 15))
    flags = leniency_flags(Tier.GENERAL, IdType.RIC, number, D(2026, 6, 14), force_majeure=False, no_intent=False,
                           slight=False)
    assert flags == (Leniency.MINOR,)
    later = leniency_flags(Tier.GENERAL, IdType.RIC, number, D(2026, 6, 16), force_majeure=True, no_intent=True,
                           slight=False)
    assert later == (Leniency.FORCE_MAJEURE, Leniency.NO_INTENT)
    assert leniency_flags(Tier.SLIGHT, IdType.USCC, demo.uscc(random.Random(1), "320812"), D(2026, 1, 1),
                          force_majeure=False, no_intent=False, slight=False) == (Leniency.SLIGHT,)
    with pytest.raises(DomainError) as err:
        check_leniency_justification(later, "  ")
    assert err.value.code == "R9_JUSTIFICATION_REQUIRED"


def test_r4_black_scope():
    check_r4_black_scope(_case())
    for kw, code in (({"ground": None}, "R4_GROUND"), ({"ground": "a,c"}, "R4_GROUND"),
                     ({"standard": " "}, "R4_STANDARD_REQUIRED"), ({"standard_kind": "notice"}, "R4_STANDARD_KIND"),
                     ({"department_level": "township"}, "R4_DEPARTMENT_LEVEL")):
        with pytest.raises(DomainError) as err:
            check_r4_black_scope(_case(**kw))
        assert err.value.code == code, kw
    check_r4_black_scope(_case(list_type=ListType.WATCH, ground=None))  # R4 is about black lists only


def test_r5_may_decide():
    c = _case()
    check_r5_may_decide(c, D(2026, 10, 11), 0, False)
    for case, on, open_obj, code in ((_case(state=CaseState.DRAFT, served_on=None), D(2026, 10, 12), 0,
                                      "R5_NOTICE_NOT_SERVED"),
                                     (c, D(2026, 10, 10), 0, "R5_WINDOW_OPEN"),
                                     (c, D(2026, 10, 12), 1, "R5_OBJECTION_OPEN"),
                                     (_case(list_type=ListType.RED, served_on=None), D(2026, 10, 12), 0,
                                      "R10_RED_NOT_PUBLISHED")):
        with pytest.raises(DomainError) as err:
            check_r5_may_decide(case, on, open_obj, True)
        assert err.value.code == code
    with pytest.raises(DomainError) as err:
        check_r5_decision_parts(_case(remedies=None), [])
    assert err.value.code == "R5_DECISION_PARTS" and "救济途径" in err.value.zh and "惩戒措施" in err.value.zh


def test_r6_r5_working_day_deadlines_across_national_day():
    cal = WorkCalendar()
    assert reply_due(cal, NATIONAL_2026, D(2026, 9, 28)) == D(2026, 10, 16)
    assert cal.add_workdays(D(2026, 10, 12), NATIONAL_2026.share_listing_workdays).date == D(2026, 10, 26)
    assert not is_overdue(D(2026, 10, 16), D(2026, 10, 16)) and is_overdue(D(2026, 10, 16), D(2026, 10, 17))


def test_r7_one_message_per_missing_field():
    with pytest.raises(DomainError) as err:
        check_r7_entry(_case(facts=" ", valid_until=None), _company(rep=False), D(2026, 10, 12))
    assert err.value.code == "R7_ENTRY_INCOMPLETE"
    assert err.value.field == "facts,valid_until,legal_rep_name,legal_rep_id_number"
    assert err.value.zh.count("缺少") == 4
    with pytest.raises(DomainError) as err:
        check_r7_entry(_case(valid_until=D(2026, 10, 12)), _company(), D(2026, 10, 12))
    assert err.value.code == "R7_VALIDITY"


def test_r8_measures_from_the_list_for_the_list_type():
    items = list(load_sample_measures().items)
    assert [m.code for m in check_r8_measures(ListType.WATCH, ["M-08"], items)] == ["M-08"]
    for lt, codes, code in ((ListType.WATCH, ["M-01"], "R8_NOT_FOR_LIST"), (ListType.RED, ["M-08"], "R8_NOT_FOR_LIST"),
                            (ListType.BLACK, ["M-01", "ZZ"], "R8_NOT_IN_LIST")):
        with pytest.raises(DomainError) as err:
            check_r8_measures(lt, codes, items)
        assert err.value.code == code


def test_r10_red_candidate_on_a_black_list_is_refused():
    check_r10_red_candidate([])
    with pytest.raises(DomainError) as err:
        check_r10_red_candidate([7])
    assert err.value.code == "R10_RED_BLOCKED_BY_BLACK" and "7" in err.value.zh


def test_r11_warning_letter_and_three_domains():
    with pytest.raises(DomainError) as err:
        check_r11_watch_entry(_case(list_type=ListType.WATCH, warning_letter=None, domain="税务"))
    assert err.value.code == "R11_WARNING_LETTER"
    assert not alert_due({"税务", "生态环境", " 税务 "})
    assert alert_due({"税务", "生态环境", "市场监管"})


def test_r12_exit_conditions_and_post_exit_watch():
    listed = _case(state=CaseState.LISTED, decided_on=D(2026, 10, 12), valid_until=D(2027, 10, 12),
                   post_exit_watch_months=12)
    for ex, code in ((ExitInput(ExitWay.WRONGFUL, D(2026, 11, 1)), "R12_APOLOGY_REQUIRED"),
                     (ExitInput(ExitWay.REPAIRED, D(2026, 11, 1)), "R12_CONSENT_REQUIRED"),
                     (ExitInput(ExitWay.EXPIRED, D(2027, 10, 12)), "R12_NOT_EXPIRED"),
                     (ExitInput(ExitWay.STANDARD_CHANGED, D(2026, 11, 1)), "R12_STANDARD_CHANGE_REQUIRED"),
                     (ExitInput(ExitWay.REPAIRED, D(2026, 10, 1), consent="同意"), "R12_DATE_ORDER")):
        with pytest.raises(DomainError) as err:
            check_r12_exit(listed, ex)
        assert err.value.code == code
    check_r12_exit(listed, ExitInput(ExitWay.EXPIRED, D(2027, 10, 13)))  # R12 way 3: the day after
    assert needs_post_exit_watch(listed, ExitWay.EXPIRED) and not needs_post_exit_watch(listed, ExitWay.WRONGFUL)
    assert post_exit_watch_until(listed, ExitInput(ExitWay.EXPIRED, D(2027, 10, 12))) == D(2028, 10, 12)
    assert expired(listed, D(2027, 10, 13)) and not expired(listed, D(2027, 10, 12))  # last valid day: listed


def test_four_eyes_the_drafter_cannot_decide():
    with pytest.raises(DomainError) as err:
        check_decider(_case(), "clerk1")
    assert err.value.code == "FOUR_EYES"
    check_decider(_case(), "boss1")


def test_r19_resolution_once_with_a_reply():
    obj = Objection(1, Target.RECORD, 1, 1, Stage.RECORD, D(2026, 9, 28), "理由", "", D(2026, 10, 16), "CN-2026-04",
                    "clerk1")
    assert obj.overdue(D(2026, 10, 17)) and not obj.overdue(D(2026, 10, 16))
    for outcome, reply, code in (("maybe", "x", "R19_OUTCOME"), ("upheld", " ", "R19_REPLY_REQUIRED")):
        with pytest.raises(DomainError) as err:
            check_resolution(obj, outcome, reply, D(2026, 10, 1))
        assert err.value.code == code
    with pytest.raises(DomainError) as err:
        check_resolution(obj, "upheld", "x", D(2026, 9, 27))
    assert err.value.code == "R19_DATE_ORDER"


def test_due_items_sort_by_date_then_kind():
    a = DueItem("share", "case", 2, D(2026, 10, 26), False, "", "")
    b = DueItem("expiry", "case", 1, D(2026, 10, 26), False, "", "")
    c = DueItem("objection_reply", "objection", 9, D(2026, 10, 16), True, "", "")
    assert sort_items([a, b, c]) == [c, b, a]
    assert c.to_dict()["due_date"] == "2026-10-16"
