"""Guards added to domain/ after the sixth mutation pass (issue 23, seventh pass), tested at the domain without a
ledger: until now only e2e tests reached them, so the mutation run (tests/unit only) found them untested. Every
expected code, field and both sentences are written out here from the rule and the function's docstring, never
read from the product's tables."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from credit_desk.domain import disclosure as d
from credit_desk.domain.accounts import check_r14_one_account_per_person
from credit_desk.domain.cases import ListType, remedies_for
from credit_desk.domain.cleanup import repeats_header
from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.list_rules import check_r4_black_basis
from credit_desk.domain.objections import Outcome, Stage, result_sentence
from credit_desk.domain.procedure import check_r5_reprintable
from credit_desk.domain.repairs import RecordAction, check_decision_action
from credit_desk.domain.rulesets import NATIONAL_2026
from credit_desk.domain.subjects import check_r5_party_identity
from tests.conftest import TEST_NOW
from tests.e2e.disclosure_kit import penalty_row

TODAY = TEST_NOW.date()
DOC = "清市监罚〔2026〕101号"          # penalty_row(1, …)'s 文号


def _penalty(tier="一般", **over) -> d.AdminDecision:
    x, errors = d.check_decision({**penalty_row(1, dt.date(2026, 5, 4), tier=tier), **over}, TODAY)
    assert not errors, [(e.field, e.zh) for e in errors]
    return replace(d.with_periods(x, NATIONAL_2026, dt.date(2026, 5, 13)), id=7, state=d.DecisionState.PUBLISHED)


def _refusal(call, kind=DomainError):
    with pytest.raises(kind) as err:
        call()
    e = err.value
    return e.code, e.field, e.zh, e.en


# --- R21/R3 (att19d): a department's correction of a registered decision ------------------------------------------

@pytest.mark.parametrize("state, zh", [(d.DecisionState.ENDED, "公示期满已停止"),
                                       (d.DecisionState.REVOKED, "决定已撤销，停止公示"),
                                       (d.DecisionState.REPAIRED, "信用修复，已停止公示")])
def test_r21_r3_an_ended_revoked_or_repaired_decision_is_not_corrected(state, zh):
    old = replace(_penalty(), state=state)
    got = _refusal(lambda: d.check_correction(old, replace(old, fine_wan=Decimal("0.3")), "市监局更正函"))
    assert got == ("DECISION_STATE", "decision_id", f"决定7（{DOC}）已是「{zh}」，不能更正。",
                   f"Decision 7 is {state.value}; it cannot be corrected.")


@pytest.mark.parametrize("state", [d.DecisionState.REGISTERED, d.DecisionState.PUBLISHED,
                                   d.DecisionState.NOT_PUBLISHED])
def test_r21_a_waiting_published_or_unpublished_decision_is_corrected(state):
    old = replace(_penalty(), state=state)
    assert d.check_correction(old, replace(old, fine_wan=Decimal("0.3")), "  市监局更正函 ") == ("市监局更正函", ["fine_wan"])


REASON = ("FIELD_REQUIRED", "reason", "请写明更正的原因和依据（如部门更正函、重新报送的表格），至少4个字。",
          "State why the decision is corrected and on what (4+ characters).")


@pytest.mark.parametrize("reason", [None, "", "    ", "更正函", " 更正函 \n", "abc"])
def test_r21_a_correction_needs_a_reason_of_four_characters(reason):
    old = _penalty()
    assert _refusal(lambda: d.check_correction(old, replace(old, fine_wan=Decimal("0.3")), reason),
                    ValidationError) == REASON


@pytest.mark.parametrize("reason, kept", [("更正函件", "更正函件"), (" abcd ", "abcd"), ("市监局 更正", "市监局 更正")])
def test_r21_a_reason_of_four_characters_is_kept_trimmed(reason, kept):
    old = _penalty()
    assert d.check_correction(old, replace(old, content="罚款人民币叁仟元"), reason) == (kept, ["content"])


def test_r21_the_state_is_judged_before_the_reason():
    old = replace(_penalty(), state=d.DecisionState.ENDED)
    assert _refusal(lambda: d.check_correction(old, replace(old, fine_wan=Decimal("0.3")), ""))[0] == "DECISION_STATE"


def test_r21_the_kind_is_never_corrected():
    old = _penalty()
    new = replace(old, kind=d.DecisionKind.LICENCE)
    assert _refusal(lambda: d.check_correction(old, new, "市监局更正函"), ValidationError) == (
        "DECISION_KIND", "kind", "决定类别不能更正（行政处罚与行政许可是不同的决定），请另行登记。",
        "The decision kind cannot be corrected; register the other decision.")
    # the reason is judged first
    assert _refusal(lambda: d.check_correction(old, new, "函"), ValidationError) == REASON


TIER = ("R13_TIER_CHANGE", "tier", "更正后的失信行为分级改变了是否公示（轻微不予公示，也没有信用修复告知书），不能以更正办理；"
        "请由决定机关核实分级。", "The corrected tier changes whether the penalty is published (a slight one is not); "
        "this is no correction.")


def test_r13_a_correction_may_not_change_whether_the_penalty_is_published():
    general, slight = _penalty("一般"), _penalty("轻微")
    assert slight.publication_end is None and general.publication_end is not None
    assert _refusal(lambda: d.check_correction(general, slight, "市监局更正函"), ValidationError) == TIER
    assert _refusal(lambda: d.check_correction(slight, general, "市监局更正函"), ValidationError) == TIER
    serious = _penalty("严重")          # 一般 → 严重: published either way, a correction
    assert d.check_correction(general, serious, "市监局更正函") == ("市监局更正函", ["tier"])


def test_r21_a_corrected_decision_date_is_never_after_its_publication():
    old = replace(_penalty(), published_on=dt.date(2026, 5, 13))
    later = replace(old, decision_date=dt.date(2026, 5, 14))
    assert _refusal(lambda: d.check_correction(old, later, "市监局更正函"), ValidationError) == (
        "DATE_ORDER", "decision_date", "更正后的决定日期2026-05-14晚于该决定的公示日期2026-05-13，请核对。",
        "The corrected decision date is after the date the decision was published.")
    same = replace(old, decision_date=dt.date(2026, 5, 13))
    assert d.check_correction(old, same, "市监局更正函") == ("市监局更正函", ["decision_date"])
    never = replace(old, published_on=None)        # not yet published: any date up to today
    assert d.check_correction(never, replace(never, decision_date=dt.date(2026, 5, 14)), "市监局更正函") == (
        "市监局更正函", ["decision_date"])


def test_r21_the_changed_elements_in_sheet_order():
    old = _penalty()
    new = replace(old, note="更正", fine_wan=Decimal("0.3"), party_name="淮安市清江浦区测试食品有限公司", content="罚款")
    assert d.check_correction(old, new, "市监局更正函") == ("市监局更正函", ["party_name", "content", "fine_wan", "note"])


def test_r21_a_correction_that_changes_nothing_is_refused():
    old = _penalty()
    assert _refusal(lambda: d.check_correction(old, replace(old), "市监局更正函"), ValidationError) == (
        "NOTHING_CHANGED", "decision_id", "更正内容与登记内容相同，未作更改。", "Nothing differs from the register.")


def test_r21_as_raw_is_what_check_decision_reads_back():
    x = _penalty()
    raw = d.as_raw(x)
    for key in ("id", "publish_due", "publication_end", "earliest_repair", "rule_set_code", "state", "published_on",
                "ended_on", "reported_at"):
        assert key not in raw, key
    assert None not in raw.values()
    assert raw["doc_number"] == DOC and raw["party_name"] == "淮安市清江浦区测试1食品有限公司"
    again, errors = d.check_decision(raw, TODAY)
    assert errors == [] and replace(again, id=7) == replace(x, publish_due=None, publication_end=None,
                                                             earliest_repair=None, rule_set_code=again.rule_set_code,
                                                             state=again.state)


# --- R13 两书同达 and a repair being handled: what the 信用修复告知书 states is not corrected under it ---------------

def test_r13_a_served_repair_notice_keeps_what_it_states():
    changed = ["fine_wan", "tier", "party_name", "note"]
    assert _refusal(lambda: d.check_notice_still_true(changed, "XF2026-003")) == (
        "R13_NOTICE_SERVED", "tier",
        "该处罚的信用修复告知书（XF2026-003）已打印送达，其所载的「失信行为分级(轻微/一般/严重)」、「行政相对人名称」不能以更正办理"
        "（已送达的告知书将与登记内容不一致）；其他数据项可以更正。",
        "The repair notice XF2026-003 was printed and served; what it states (tier, party_name) is not corrected "
        "under it.")
    for key, zh in [("doc_number", "决定书文号"), ("authority", "决定机关"), ("decision_date", "决定日期")]:
        assert _refusal(lambda: d.check_notice_still_true([key], "N1"))[:3] == (
            "R13_NOTICE_SERVED", key, f"该处罚的信用修复告知书（N1）已打印送达，其所载的「{zh}」不能以更正办理（已送达的告知书将与"
            "登记内容不一致）；其他数据项可以更正。")
    d.check_notice_still_true(["fine_wan", "note", "content", "facts"], "XF2026-003")   # other elements
    d.check_notice_still_true(["tier", "party_name"], None)                             # no notice printed
    d.check_notice_still_true(["tier"], "")


def test_r13_a_repair_being_handled_keeps_what_its_eligibility_rests_on():
    changed = ["note", "decision_date", "doc_number"]
    assert _refusal(lambda: d.check_r13_not_under_repair(changed, [4, 11])) == (
        "R13_REPAIR_PENDING", "decision_date",
        "该处罚有正在办理的信用修复申请（编号4、11），其修复条件据以判断的「决定日期」、「决定书文号」不能在办理中更正；"
        "请先办结该申请，或只更正其他数据项。",
        "Credit repair request(s) 4、11 about this penalty are being handled; what their eligibility rests on "
        "(decision_date, doc_number) is not corrected meanwhile.")
    for key in ("party_name", "authority", "tier"):
        assert _refusal(lambda: d.check_r13_not_under_repair([key], [9]))[:2] == ("R13_REPAIR_PENDING", key)
    d.check_r13_not_under_repair(["fine_wan", "note"], [4])       # other elements may be corrected
    d.check_r13_not_under_repair(["tier", "party_name"], [])      # no request open


# --- R13/R21: the penalty a repair application names ----------------------------------------------------------------

def test_r13_r21_the_decision_a_repair_names_full_refusals():
    x = _penalty()
    d.check_r13_decision_repairable(x, x.uscc)
    other = ("R13_TARGET", "decision_ids", f"行政处罚决定7不存在或不属于该主体（行政相对人代码、证件号码不符）。",
             "Decision 7 does not exist or names another party.")
    assert _refusal(lambda: d.check_r13_decision_repairable(x, "91320812MA1XXXXX0X"), ValidationError) == other
    assert _refusal(lambda: d.check_r13_decision_repairable(x, ""), ValidationError) == other
    assert _refusal(lambda: d.check_r13_decision_repairable(replace(x, kind=d.DecisionKind.LICENCE), x.uscc)) == (
        "R13_DECISION_LICENCE", "decision_ids", f"决定7（{DOC}）是行政许可决定，不是失信信息，不适用信用修复。",
        "Decision 7 is a licence, not dishonesty information; it cannot be repaired.")
    slight = replace(_penalty("轻微"), state=d.DecisionState.NOT_PUBLISHED)
    assert _refusal(lambda: d.check_r13_decision_repairable(slight, slight.uscc)) == (
        "R13_DECISION_SLIGHT", "decision_ids", f"行政处罚决定7（{DOC}）属轻微失信，依规不予公示，没有需要停止的公示，"
        "不适用信用修复。", "Decision 7 is a slight penalty: it is not published, so there is nothing to repair.")
    ended = replace(x, state=d.DecisionState.ENDED)
    assert _refusal(lambda: d.check_r13_decision_repairable(ended, x.uscc)) == (
        "R13_TARGET_STATE", "decision_ids", f"行政处罚决定7（{DOC}）当前为「公示期满已停止」，不能申请修复。",
        "Decision 7 is ended; it cannot be repaired.")
    d.check_r13_decision_repairable(replace(x, state=d.DecisionState.REGISTERED), x.uscc)


def test_r13_r22_a_persons_penalty_is_named_by_the_id_number():
    x, errors = d.check_decision(penalty_row(9, dt.date(2026, 5, 4), person=True), TODAY)
    assert not errors
    x = replace(d.with_periods(x, NATIONAL_2026, dt.date(2026, 5, 13)), id=8, state=d.DecisionState.PUBLISHED)
    d.check_r13_decision_repairable(x, x.id_number)
    assert _refusal(lambda: d.check_r13_decision_repairable(x, x.id_number[:-1] + "0"), ValidationError)[0] in (
        "R13_TARGET",)


def test_r21_the_yuan_figure_refusal_in_full():
    got = d.check_decision({**penalty_row(1, dt.date(2026, 5, 4)), "content": "罚款人民币5,000元", "fine_wan": "5000"},
                           TODAY)[1]
    assert [(e.code, e.field, e.zh, e.en) for e in got] == [(
        "FIELD_UNIT", "fine_wan", "「罚款金额(万元)」「5,000」与「许可/处罚内容」所写的「5,000元」数字相同，单位却不同：本列单位为万元，5,000元应写作0.5。",
        "fine (10,000 yuan): 5,000 is the figure the content gives in yuan (5,000元); this column is in 10,000 yuan (0.5).")]
    got = d.check_decision({**penalty_row(1, dt.date(2026, 5, 4)), "note": "没收违法所得1200元", "fine_wan": "0.5",
                            "confiscated_wan": "1200"}, TODAY)[1]
    assert [(e.code, e.field, e.zh, e.en) for e in got] == [(
        "FIELD_UNIT", "confiscated_wan", "「没收违法所得、没收非法财物的金额(万元)」「1200」与「备注」所写的「1200元」数字相同，单位却不同：本列单位为万元，1200元应写作0.12。",
        "confiscated amount (10,000 yuan): 1200 is the figure the note gives in yuan (1200元); this column is in 10,000 yuan (0.12).")]


# --- R5 / R12 way 1: only a document in force is reprinted --------------------------------------------------------

def test_r5_r12_reprint_of_a_voided_withdrawn_or_superseded_document():
    assert _refusal(lambda: check_r5_reprintable("voided", "QJP-2026-0007")) == (
        "DOC_VOIDED", "number", "文书 QJP-2026-0007 已作废，不能重印。", "QJP-2026-0007 was voided; it cannot be reprinted.")
    assert _refusal(lambda: check_r5_reprintable("withdrawn", "QJP-2026-0007")) == (
        "R12_DOC_WITHDRAWN", "number", "文书 QJP-2026-0007 所涉认定已按误列撤销，文书已撤回，不能重印。",
        "QJP-2026-0007 belongs to a listing withdrawn as wrongful; it cannot be reprinted.")
    en = ("QJP-2026-0007 was superseded by a new prior notice; it is no longer in force and cannot be reprinted. "
          "Print the notice in force.")
    assert _refusal(lambda: check_r5_reprintable("superseded", "QJP-2026-0007")) == (
        "R5_DOC_SUPERSEDED", "number", "文书 QJP-2026-0007 已被重新送达的预先告知书取代，已不再有效，不能重印；请打印现行的预先告知书。", en)
    assert _refusal(lambda: check_r5_reprintable("superseded", "QJP-2026-0007", " 已被QJP-2026-0011取代 ")) == (
        "R5_DOC_SUPERSEDED", "number", "文书 QJP-2026-0007 已被QJP-2026-0011取代，已不再有效，不能重印；请打印现行的预先告知书。", en)
    for status in ("issued", "served", "printed", "", "Voided"):
        check_r5_reprintable(status, "QJP-2026-0007")


# --- R5 / R7: the party of a served notice keeps its identity -------------------------------------------------------

PARTY_ZH = ("该主体是认定案件{}的当事人，已送达的告知书、决定书以其主体类别和证件号码载明当事人，不能再改为另一主体；证件号码确有"
            "错误的，请对该案件作出不予列入决定或按误列撤销，再对正确的主体登记立案。名称、法定代表人和住所仍可补正。")
PARTY_EN = ("This subject is the party of case(s) {}: the notices served name it by its kind and ID number, which can "
            "no longer move to another party. For a wrong ID, decide not to list or withdraw the listing as wrongful, "
            "then open a case on the right subject. Name, legal representative and address may still be completed.")


@pytest.mark.parametrize("changed, field", [(["id_number"], "id_number"), (["name", "id_type"], "id_type"),
                                            (["kind"], "kind"), (["id_number", "id_type", "kind"], "kind"),
                                            (["address", "id_number", "id_type"], "id_type")])
def test_r5_r7_the_identity_of_a_named_party_is_not_changed(changed, field):
    assert _refusal(lambda: check_r5_party_identity(changed, [3, 12])) == (
        "R5_PARTY_IDENTITY", field, PARTY_ZH.format("3、12"), PARTY_EN.format("3、12"))
    assert _refusal(lambda: check_r5_party_identity(changed, [5]))[2:] == (PARTY_ZH.format("5"), PARTY_EN.format("5"))


def test_r7_name_representative_and_address_may_still_be_completed():
    check_r5_party_identity(["name", "legal_rep", "address", "phone"], [3])
    check_r5_party_identity(["id_number", "kind"], [])         # no notice served yet
    check_r5_party_identity([], [3])


# --- R4 / R9: a black listing rests on serious dishonesty -----------------------------------------------------------

BLACK = ("R4_BLACK_BASIS", "record_ids", "列入严重失信主体名单须依据严重失信行为：所依据的失信信息均为「轻微」，未达到严重失信"
         "主体名单认定标准（轻微失信行为依法宽容审慎处理，多次发生的至多列入重点关注名单）。",
         "A black listing rests on serious dishonesty: every record it rests on is slight, below the black-list bar "
         "(slight acts are treated with leniency; repeated, they go on the watch list at most).")


@pytest.mark.parametrize("tiers", [["slight"], ["slight", "slight", "slight"], ["slight", None], ["", "slight"]])
def test_r4_a_black_listing_on_slight_records_only_is_refused(tiers):
    assert _refusal(lambda: check_r4_black_basis(ListType.BLACK, tiers)) == BLACK


@pytest.mark.parametrize("list_type, tiers", [(ListType.BLACK, ["slight", "general"]), (ListType.BLACK, ["serious"]),
                                              (ListType.BLACK, []), (ListType.BLACK, [None, ""]),
                                              (ListType.WATCH, ["slight", "slight"]), (ListType.RED, ["slight"])])
def test_r4_r9_what_a_black_listing_may_rest_on(list_type, tiers):
    check_r4_black_basis(list_type, tiers)


# --- R14: one person, one account -----------------------------------------------------------------------------------

def _same_person(shown):
    return ("ACCOUNT_SAME_PERSON", "display_name",
            f"已有显示名为「{shown}」的在用账户。同一人只设一个账户，职责变化请申请角色变更（由审计员确认）；否则起草与决定、"
            f"提出与批准可由同一人以两个账户完成。如确为同名的另一位工作人员，请在显示名中加以区分，如「{shown}（执法科）」。",
            f"An active account already bears the name '{shown}'. One person has one account (a change of duties is "
            "a role change); two accounts would let one person draft and decide. For another member of staff of that "
            f"name, tell them apart in the display name, e.g. '{shown} (enforcement section)'.")


@pytest.mark.parametrize("name, active", [("张三", ["李四", "张三"]), (" 张三 ", ["张三"]), ("张 三", ["张三"]),
                                          ("张三", ["张\u3000三\n"]), ("Ｌｉ Ｌｅｉ", ["LiLei"]), ("LiLei", ["Ｌｉ Ｌｅｉ"])])
def test_r14_a_second_account_of_the_same_name_is_refused(name, active):
    assert _refusal(lambda: check_r14_one_account_per_person(name, active), ValidationError) == \
        _same_person(name.strip())


@pytest.mark.parametrize("name, active", [("王伟（执法科）", ["王伟"]), ("张三", []), ("张三", ["张三丰", "李四"]),
                                          ("", [""]), ("  ", ["", " "]), ("lilei", ["LiLei"]), ("张三", [None, "李四"])])
def test_r14_another_person_or_no_name(name, active):
    check_r14_one_account_per_person(name, active)


# --- R19 / R5: the 处理结果 of an objection --------------------------------------------------------------------------

RESULTS = {
    ("upheld", "notice"): "经核实，异议理由不成立，维持拟认定事项。",
    ("upheld", "listing"): "经核实，异议理由不成立，维持列入名单的认定。",
    ("upheld", "record"): "经核实，异议理由不成立，维持该失信信息。",
    ("corrected", "notice"): "经核实，异议理由部分成立，本单位已依法更正拟认定的事实；更正内容改变告知事项的，已重新送达预先告知书。",
    ("corrected", "listing"): "经核实，异议理由部分成立，本单位已依法更正名单信息中的相关事实。",
    ("corrected", "record"): "经核实，异议理由成立，本单位已依法更正该失信信息。",
    ("revoked", "notice"): "经核实，异议理由成立，本单位决定不予列入，另行出具不予列入决定书。",
    ("revoked", "listing"): "经核实，异议理由成立，列入名单的认定有误，本单位依法撤销该认定，从名单中删除，并书面道歉、澄清。",
    ("revoked", "record"): "经核实，异议理由成立，本单位已依法撤销该失信信息。",
}


@pytest.mark.parametrize("outcome, stage", sorted(RESULTS))
def test_r19_the_result_sentence_of_each_outcome_and_stage(outcome, stage):
    assert result_sentence(outcome, stage) == RESULTS[(outcome, stage)]
    assert result_sentence(Outcome(outcome), Stage(stage)) == RESULTS[(outcome, stage)]


@pytest.mark.parametrize("outcome, stage", [("rejected", "notice"), ("", "record"), ("upheld", "case"),
                                            ("Upheld", "notice")])
def test_r19_an_unknown_outcome_is_refused(outcome, stage):
    assert _refusal(lambda: result_sentence(outcome, stage), ValidationError) == (
        "R19_OUTCOME", "outcome", "处理结果应为 upheld（维持）、corrected（更正）或 revoked（撤销）。",
        "The outcome must be upheld, corrected or revoked.")


# --- R16/R21/R22/R7 (att19d): the second row of a two-row header ----------------------------------------------------

HEAD = ["序号", "单位名称", "统一社会信用代码", "法定代表人", None]


@pytest.mark.parametrize("values, repeats", [
    (["序号", "单位名称", "", "", None], True),
    (["", "", "", "法定代表人", ""], True),
    ([" 序号\n", "单位名称", None, "“法定代表人”", None], True),
    (["序号", "单位名称", "统一社会信用代码", "法定代表人", None], True),
    (["序号", "单位名称", "姓名", "", None], False),            # a sub-heading of a group: not the header's repeat
    (["1", "淮安市测试有限公司", "", "", None], False),
    (["序号", "淮安市测试有限公司", "", "", None], False),
    (["", "", "", "", None], False), ([None] * 5, False), ([], False),
    (["序号", "", "", "", "", "多余"], True),                    # cells past the header are not compared
])
def test_r21_a_row_that_only_repeats_the_header(values, repeats):
    assert repeats_header(values, HEAD) is repeats


# --- R13/R21: a repaired penalty decision stops being published ----------------------------------------------------

@pytest.mark.parametrize("action, zh", [(RecordAction.MARK, "标注已修复"), (RecordAction.SHIELD, "屏蔽"),
                                        (RecordAction.DELETE, "删除")])
def test_r13_a_repaired_penalty_decision_only_stops_being_published(action, zh):
    with pytest.raises(DomainError) as err:
        check_decision_action(iter(["record", "decision"]), action)
    e = err.value
    assert (e.code, e.field, e.zh, e.en, e.cli) == (
        "R13_DECISION_ACTION", "record_action", f"行政处罚决定准予信用修复的，处理方式为停止公示，不能「{zh}」。",
        f"A repaired penalty decision stops being published; it cannot be {action.value}.", "--record-action stopped")


@pytest.mark.parametrize("kinds, action", [(["decision"], RecordAction.STOP), (["decision"], None),
                                           (["record"], RecordAction.DELETE), ([], RecordAction.MARK),
                                           (["decisions"], RecordAction.MARK)])
def test_r13_other_repairs_keep_their_action(kinds, action):
    check_decision_action(kinds, action)


# --- the remedies sentence names the paper the party holds ----------------------------------------------------------

@pytest.mark.parametrize("text, document, printed", [
    ("如不服本决定书，可自收到本决定书之日起六十日内申请行政复议。", "警示函", "如不服本警示函，可自收到本警示函之日起六十日内申请行政复议。"),
    ("可自收到本决定书之日起六个月内提起行政诉讼。", "不予列入决定书", "可自收到本不予列入决定书之日起六个月内提起行政诉讼。"),
    ("本单位自定的救济途径。", "警示函", "本单位自定的救济途径。"),
    ("决定书", "警示函", "决定书"),
])
def test_r5_remedies_name_the_document_the_party_holds(text, document, printed):
    assert remedies_for(text, document) == printed


@pytest.mark.parametrize("text, cell, wan", [("罚款人民币100000元", "100000", "10"), ("罚款人民币20,000元", "20000", "2"),
                                             ("罚款１２３４．５元", "1234.5", "0.12345")])
def test_r21_the_yuan_figure_is_named_with_its_amount_in_wan_written_out(text, cell, wan):
    """att19d: the 万元 figure the refusal suggests is written in plain digits (10, never 1E+1)."""
    got = d.check_decision({**penalty_row(1, dt.date(2026, 5, 4)), "content": text, "fine_wan": cell}, TODAY)[1]
    assert [(e.code, e.field) for e in got] == [("FIELD_UNIT", "fine_wan")]
    assert got[0].zh.endswith(f"应写作{wan}。") and got[0].en.endswith(f"this column is in 10,000 yuan ({wan}).")


@pytest.mark.parametrize("text, key", [("“黑名单”", "黑名单"), ("「统一社会信用代码」\n", "统一社会信用代码"),
                                       ("行政相对人代码_1(统一社会信用代码)", "行政相对人代码_1(统一社会信用代码)"),
                                       ("证件号码（XXXXXX）", "证件号码(XXXXXX)"), ("'ID No.' ", "IDNo.")])
def test_r21_a_header_is_compared_without_spaces_and_quote_marks_only(text, key):
    """att19d: only whitespace and quote marks are dropped from a heading (NFKC first) — every other character,
    a Latin X too, is kept."""
    from credit_desk.domain.cleanup import header_key
    assert header_key(text) == key


@pytest.mark.parametrize("text", ["5000元", "5,000元"])
def test_r21_an_amount_in_yuan_is_refused_in_both_languages(text):
    with pytest.raises(ValidationError) as err:
        d.parse_amount(text, "fine_wan")
    assert (err.value.code, err.value.field) == ("FIELD_UNIT", "fine_wan")
    assert err.value.zh.endswith(f"「{text}」的单位是元，本列单位为万元（5000元应写作0.5）。"), err.value.zh
    assert err.value.en.endswith(f"'{text}' is in yuan; this column is in 10,000 yuan (5000 yuan is 0.5)."), err.value.en


def test_r13_who_decides_refusal_names_the_cli_option_of_the_deciding_department():
    from credit_desk.domain.repairs import check_who_decides
    for typed in (None, "县市场监督管理局"):
        with pytest.raises(DomainError) as err:
            check_who_decides("县税务局", typed)
        assert (err.value.code, err.value.field, err.value.cli) == ("R13_WHO_DECIDES", "for_department",
                                                                    "--for-department 县税务局")
