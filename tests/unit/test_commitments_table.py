"""R17/R18 (苏府办〔2020〕232号 (一)、(九)): the commitment rules as a table of inputs and expected outcomes."""

from __future__ import annotations

import pytest

from credit_desk.domain.commitments import (LETTERS, CommitmentType, Fulfilment, InterviewKind, is_breach,
                                            letter_items, needs_flag)

BREACH = [(Fulfilment.PENDING, False), (Fulfilment.FULL, False), (Fulfilment.PARTIAL, True), (Fulfilment.NONE, True)]


@pytest.mark.parametrize("fulfilment,breach", BREACH)
def test_r17_only_a_checked_shortfall_is_a_breach(fulfilment, breach):
    assert is_breach(fulfilment) is breach


@pytest.mark.parametrize("fulfilment,breach", BREACH)
def test_r17_a_breach_flags_key_supervision_once_per_commitment(fulfilment, breach):
    assert needs_flag(fulfilment, []) is breach
    assert needs_flag(fulfilment, [7]) is False  # an open flag of this commitment: no second supervision


def test_r17_every_standard_letter_numbers_its_promises_in_order():
    items = letter_items(CommitmentType.REPAIR)
    assert items == ["一、本主体已履行相关法定义务，纠正失信行为并消除不良影响；",
                     "二、所提交的信用修复申请材料真实、准确、完整；",
                     "三、今后依法诚信经营，不再发生同类失信行为；",
                     "四、违背本承诺的，愿依规恢复公示相关失信信息，并接受列入重点监管范围等措施。"]
    for kind in CommitmentType:
        got = letter_items(kind)
        assert [t[:2] for t in got] == ["一、", "二、", "三、", "四、"][:len(LETTERS[kind])]
        assert [t[2:] for t in got] == list(LETTERS[kind])


def test_r17_only_the_repair_letter_promises_a_corrected_dishonesty():
    promising = [k for k in CommitmentType if any("纠正失信行为" in t for t in LETTERS[k])]
    assert promising == [CommitmentType.REPAIR]


@pytest.mark.parametrize("value,zh", [
    (CommitmentType.APPROVAL, "审批替代型承诺（告知承诺）"), (CommitmentType.TOLERANCE, "容缺受理型承诺"),
    (CommitmentType.CERTIFICATION, "证明事项告知承诺"), (CommitmentType.INVESTMENT, "企业投资项目信用承诺"),
    (CommitmentType.VOLUNTARY, "主动型承诺"), (CommitmentType.SELF_DISCIPLINE, "行业自律型承诺"),
    (CommitmentType.REPAIR, "信用修复型承诺"), (Fulfilment.PENDING, "待核查"), (Fulfilment.FULL, "全部履行"),
    (Fulfilment.PARTIAL, "部分履行"), (Fulfilment.NONE, "未履行"), (InterviewKind.REMINDER, "提示约谈"),
    (InterviewKind.WARNING, "警示约谈")])
def test_r17_r18_words_of_each_kind(value, zh):
    assert value.zh == zh


def test_r17_a_breach_reason_reads_back_as_its_type_and_fulfilment():
    """The stored Chinese reason of a key-supervision flag names its commitment type and fulfilment, so an English
    screen can say it in English (issue 17, clerk17b); any other text is not read as one."""
    from credit_desk.domain.commitments import CommitmentType, Fulfilment, breach_of, breach_reason
    for kind in CommitmentType:
        for f in Fulfilment:
            assert breach_of(breach_reason(kind, f)) == (kind, f)
    assert breach_of("逾期未整改") is None
    assert breach_reason(CommitmentType.REPAIR, Fulfilment.NONE) == "违背信用承诺（信用修复型承诺，未履行）"
