"""The listing case's guards (R4, R5, R7, R8, four eyes), pure, with every refusal read word for word: code, the
field the GUI highlights, and both sentences (issue 23: the mutation run found these guards tested by code only)."""

from __future__ import annotations

import datetime as dt

import pytest

from credit_desk.domain.cases import (
    Case, CaseState, ListType, MeasureScope, check_decider, check_r4_black_scope, check_r4_given_fields,
    check_r5_decision_parts, check_r5_may_decide, check_r7_entry, check_r8_measures, missing_entry_fields,
)
from credit_desk.domain.errors import DomainError
from credit_desk.domain.ids import IdType, SubjectKind
from credit_desk.domain.reference import MeasureItem
from credit_desk.domain.subjects import Subject

D = dt.date
USCC = "9132081294PBRNYTXE"
R4_GROUND = ("R4_GROUND", "ground", "严重失信主体名单须写明且只写明四类情形之一（a、b、c、d）。",
             "A black-list case names exactly one of the four grounds (a, b, c, d).")
R4_KIND = ("R4_STANDARD_KIND", "standard_kind", "认定标准须为法律、行政法规、党中央国务院政策文件、部门规章或（仅地方名单）地方性法规。",
           "The standard must be a law, administrative regulation, central policy, department rule or (local lists) "
           "a local regulation.")
R4_LEVEL = ("R4_DEPARTMENT_LEVEL", "department_level", "认定部门须为县级以上国家机关。",
            "The deciding department must be at county level or above.")


def _case(**kw) -> Case:
    base = dict(id=1, subject_id=1, list_type=ListType.BLACK, state=CaseState.NOTICE_SERVED, created_by="clerk1",
                department="县市场监督管理局", department_level="county", ground="b", standard="某规章第二条",
                standard_kind="department_rule", facts="事实", basis="依据", valid_until=D(2029, 10, 12),
                served_on=D(2026, 9, 28), window_end=D(2026, 10, 10), removal_conditions="条件", remedies="救济")
    base.update(kw)
    return Case(**base)


def _refusal(fn, *args, **kw):
    with pytest.raises(DomainError) as err:
        fn(*args, **kw)
    e = err.value
    return e.code, e.field, e.zh, e.en


@pytest.mark.parametrize("ground", [None, "", "e", "a,b", "A", " , "])
def test_r4_exactly_one_of_the_four_grounds(ground):
    assert _refusal(check_r4_black_scope, _case(ground=ground)) == R4_GROUND
    assert _refusal(check_r4_given_fields, _case(ground=ground)) == R4_GROUND


def test_r4_a_ground_with_spaces_and_a_trailing_comma_is_one_ground():
    check_r4_black_scope(_case(ground=" d ,"))
    check_r4_given_fields(_case(ground=" c ,"))


def test_r4_black_scope_refusals_word_for_word():
    assert _refusal(check_r4_black_scope, _case(standard=" ")) == (
        "R4_STANDARD_REQUIRED", "standard", "严重失信主体名单须引用认定标准。", "A black-list case must cite the listing standard it rests on.")
    assert _refusal(check_r4_black_scope, _case(standard=None))[0] == "R4_STANDARD_REQUIRED"
    for kind in (None, "opinion"):
        assert _refusal(check_r4_black_scope, _case(standard_kind=kind)) == R4_KIND
    for level in (None, "township"):
        assert _refusal(check_r4_black_scope, _case(department_level=level)) == R4_LEVEL
    check_r4_black_scope(_case(standard_kind="local_regulation", department_level="national"))
    check_r4_black_scope(_case(list_type=ListType.WATCH, ground=None, standard=None))  # black lists only


def test_r4_given_fields_checks_only_what_is_given():
    check_r4_given_fields(_case(standard=None, standard_kind=None, department_level=None))
    check_r4_given_fields(_case(list_type=ListType.RED, ground=None, standard_kind="opinion"))
    assert _refusal(check_r4_given_fields, _case(standard_kind="opinion")) == R4_KIND
    assert _refusal(check_r4_given_fields, _case(department_level="township")) == R4_LEVEL
    for kind in ("law", "admin_regulation", "central_policy", "department_rule", "local_regulation"):
        check_r4_given_fields(_case(standard_kind=kind))


def test_r5_may_decide_refusals_word_for_word():
    decided = D(2026, 10, 12)
    assert _refusal(check_r5_may_decide, _case(served_on=None), decided, 0, True) == (
        "R5_NOTICE_NOT_SERVED", "served_on", "自然人必须事先告知；尚未送达预先告知书，不能作出认定决定。",
        "No prior notice has been served; no decision may be taken.")
    assert _refusal(check_r5_may_decide, _case(state=CaseState.DRAFT), decided, 0, False)[2] == (
        "尚未送达预先告知书，不能作出认定决定。")
    assert _refusal(check_r5_may_decide, _case(list_type=ListType.RED, served_on=None), decided, 0, True) == (
        "R10_RED_NOT_PUBLISHED", "served_on", "守信激励对象名单须先公示征求异议，公示期满后方可认定。",
        "A red list must first be published for objection.")
    assert _refusal(check_r5_may_decide, _case(), decided, 2, False) == (
        "R5_OBJECTION_OPEN", "objections", "尚有2件异议未答复，不能作出认定决定。",
        "2 objection(s) are unanswered; no decision may be taken.")
    assert _refusal(check_r5_may_decide, _case(), D(2026, 10, 10), 0, False) == (
        "R5_WINDOW_OPEN", "decided_on", "异议期至2026-10-10届满，届满后方可作出认定决定。",
        "The objection window runs to 2026-10-10; decide after it.")
    check_r5_may_decide(_case(), D(2026, 10, 11), 0, False)  # the day after the window
    assert _refusal(check_r5_may_decide, _case(window_end=None), D(2026, 9, 27), 0, False) == (
        "R5_DATE_ORDER", "decided_on", "决定日期不能早于告知送达日期。",
        "The decision date cannot precede the service date.")
    check_r5_may_decide(_case(window_end=None), D(2026, 9, 28), 0, False)  # on the service day (no window)


def _company(rep="王建国", rep_type=IdType.RIC, rep_id="320826198001011234", kind=SubjectKind.LEGAL_PERSON):
    return Subject(1, kind, "淮安某有限公司", IdType.USCC, USCC, rep, rep_type, rep_id)


def test_r7_missing_entry_fields_in_order():
    assert missing_entry_fields(_case(), _company()) == []
    person = Subject(1, SubjectKind.NATURAL_PERSON, "张三", IdType.RIC, "320826198001011234")
    assert missing_entry_fields(_case(), person) == []  # no representative for a person
    got = missing_entry_fields(_case(department=" ", facts=None, basis="", valid_until=None),
                               Subject(1, SubjectKind.LEGAL_PERSON, " ", IdType.USCC, "", None, None, None))
    assert got == [("name", "主体名称", "subject name"),
                   ("id_number", "统一社会信用代码或身份证件号码", "code or ID number"),
                   ("department", "认定部门", "deciding department"),
                   ("facts", "失信（守信）事实", "facts"),
                   ("basis", "认定依据", "basis"),
                   ("valid_until", "有效期", "validity period"),
                   ("legal_rep_name", "法定代表人（负责人）姓名", "legal representative's name"),
                   ("legal_rep_id_number", "法定代表人证件类型和号码", "legal representative's ID type and number")]
    # an ID number without its type is missing too
    assert missing_entry_fields(_case(), _company(rep_type=None)) == [
        ("legal_rep_id_number", "法定代表人证件类型和号码", "legal representative's ID type and number")]
    assert [f for f, _, _ in missing_entry_fields(_case(), _company(rep_id=None))] == ["legal_rep_id_number"]


def test_r7_entry_refusals_word_for_word():
    assert _refusal(check_r7_entry, _case(facts=None, basis=" "), _company(rep=None), D(2026, 10, 12)) == (
        "R7_ENTRY_INCOMPLETE", "facts,basis,legal_rep_name",
        "名单信息不完整，不能作出决定：缺少失信（守信）事实；缺少认定依据；缺少法定代表人（负责人）姓名。",
        "The list entry is incomplete: facts is missing; basis is missing; legal representative's name is missing.")
    assert _refusal(check_r7_entry, _case(), _company(), D(2029, 10, 12)) == (
        "R7_VALIDITY", "valid_until", "有效期截止日须晚于决定日期。", "The validity must end after the decision date.")
    check_r7_entry(_case(), _company(), D(2029, 10, 11))


def test_r5_decision_parts_word_for_word():
    check_r5_decision_parts(_case(), ["m1"])
    check_r5_decision_parts(_case(list_type=ListType.WATCH), [])  # measures only on a black list
    assert _refusal(check_r5_decision_parts, _case(facts="", remedies=None), []) == (
        "R5_DECISION_PARTS", "facts", "认定决定须载明：认定理由、救济途径、惩戒措施。",
        "The decision must state: facts, remedies, measures.")
    assert _refusal(check_r5_decision_parts, _case(basis=None, removal_conditions=""), ["m1"]) == (
        "R5_DECISION_PARTS", "basis", "认定决定须载明：认定依据、移出条件和程序。",
        "The decision must state: basis, removal_conditions.")


def _m(code="M1", lists=("black",), severity=1, groups=(), domains=(), sample=False):
    return MeasureItem(code, "限制参加政府采购", "《政府采购法》第二十二条", lists, "restrict", severity, sample, groups, domains)


def test_r8_measures_come_from_the_list_for_this_list_type():
    items = [_m("M1"), _m("M2", lists=("black", "watch"))]
    assert check_r8_measures(ListType.BLACK, ["M2", "M1"], items) == [items[1], items[0]]
    assert check_r8_measures(ListType.BLACK, [], None) == []
    with pytest.raises(DomainError) as err:
        check_r8_measures(ListType.BLACK, ["M1", "M9"], items)
    e = err.value
    assert (e.code, e.field, e.row, e.zh, e.en) == (
        "R8_NOT_IN_LIST", "measure", 1, "惩戒措施「M9」不在现行失信惩戒措施清单中，不得采用。",
        "Measure 'M9' is not in the active measures list.")
    with pytest.raises(DomainError) as err:
        check_r8_measures(ListType.WATCH, ["M2", "M1"], [items[0], items[1], _m("M1", sample=True)])
    e = err.value
    assert (e.code, e.field, e.row, e.zh, e.en) == (
        "R8_NOT_FOR_LIST", "measure", 1, "惩戒措施「限制参加政府采购（示例）」不适用于重点关注名单。",
        "Measure 'M1' is not allowed for the watch list.")


def _scope_refusal(item, scope, row=0):
    with pytest.raises(DomainError) as err:
        check_r8_measures(ListType.BLACK, ["M0"] * row + [item.code], [_m("M0"), item], scope)
    e = err.value
    return e.code, e.field, e.row, e.zh, e.en


def test_r8_scope_and_proportionality_word_for_word():
    serious = MeasureScope(frozenset({"tax", "safety"}), "税务", "serious")
    ok = [_m("A", severity=3, groups=("tax",), domains=("税务", "海关")), _m("B", severity=2), _m("C")]
    assert check_r8_measures(ListType.BLACK, ["A", "B", "C"], ok, serious) == ok
    assert _scope_refusal(_m("G", groups=("food", "drug")), serious, row=1) == (
        "R8_OUT_OF_SCOPE", "measure", 1, "惩戒措施「限制参加政府采购」只适用于food、drug类信息，与本案所依据的失信信息无关，不得采用。",
        "Measure 'G' applies only to food, drug; the case's records are of another kind.")
    assert _scope_refusal(_m("D", domains=("海关", "生态环境")), serious) == (
        "R8_OUT_OF_SCOPE", "measure", 0, "惩戒措施「限制参加政府采购」只适用于海关、生态环境领域，本案认定部门领域为「税务」。",
        "Measure 'D' applies only in 海关, 生态环境.")
    assert _scope_refusal(_m("D", domains=("海关",)), MeasureScope(frozenset(), None, "serious"))[3] == (
        "惩戒措施「限制参加政府采购」只适用于海关领域，本案认定部门领域为「未填写」。")
    check_r8_measures(ListType.BLACK, ["D"], [_m("D", domains=("税务",))], MeasureScope(frozenset(), " 税务 ", "slight"))
    assert _scope_refusal(_m("H", severity=3), MeasureScope(frozenset(), None, "general")) == (
        "R8_DISPROPORTIONATE", "measure", 0, "惩戒措施「限制参加政府采购」（强度3）重于本案失信信息程度（一般）所允许的强度2，不符合过惩相当。",
        "Measure 'H' (severity 3) is heavier than the records' tier allows (2).")
    assert _scope_refusal(_m("H", severity=2), MeasureScope(frozenset(), None, "slight"))[3] == (
        "惩戒措施「限制参加政府采购」（强度2）重于本案失信信息程度（轻微）所允许的强度1，不符合过惩相当。")
    assert _scope_refusal(_m("H", severity=2), MeasureScope())[3] == (
        "惩戒措施「限制参加政府采购」（强度2）重于本案失信信息程度（（无失信信息））所允许的强度1，不符合过惩相当。")
    assert _scope_refusal(_m("H", severity=2), MeasureScope(tier="unknown"))[4] == (
        "Measure 'H' (severity 2) is heavier than the records' tier allows (1).")


def test_four_eyes_the_drafter_never_decides():
    check_decider(_case(), "approver1")
    assert _refusal(check_decider, _case(), "clerk1") == (
        "FOUR_EYES", "decided_by", "起草人不能审批或决定自己起草的案件，请由另一位人员决定。",
        "The drafter cannot decide their own case; another person must decide it.")
