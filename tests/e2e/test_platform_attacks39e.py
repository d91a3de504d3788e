"""What a change rests on, attacked by an office insider (att39e): the pointers att39b left unread. R19: an objection
names what it objects to (target_type / target_id); R18: a planned interview is held by an interview (interview_id);
R12 way 1: a withdrawal proposal names its withdrawal; a printed document (文书) names what it is about
(object_type / object_id); a joint-punishment decision names the platform's list entry (entry_id); a user's
department (department_id). R6/R7: what the platform files is what it judged — a change resting on a rejected entity
is rejected, a pointer that is no id (or names no kind the office writes) is REF_INVALID; and a listing is about one
subject: its copy's id and its subject_id must agree."""

from __future__ import annotations

import pytest

from tests.platform_kit import registered_intake

NOT_IDS = [99.0, True, [99], {"id": 99}, "9" * 257]


@pytest.fixture
def intake_and_office(tmp_path, platform_dsn):
    _keys, office, intake = registered_intake(tmp_path / "intake", seed=395)
    yield intake, office
    intake.close()


def _receive(intake, office, lines):
    receipt, _summary = intake.receive(office.bundle(lines))
    _, accepted, rejected = office.read_receipt(receipt)
    return accepted, {r["id"]: r for r in rejected}


def test_r19_r18_changes_resting_on_a_rejected_target_are_rejected(intake_and_office):
    """att39e: an objection against a record the platform rejected (its subject never sent) was accepted — the
    objection's target_type / target_id were never read; so was an interview plan held by a rejected interview, and
    a document printed about a rejected case. Each is DEPENDS_ON_REJECTED now, naming what it rests on."""
    intake, office = intake_and_office
    lines = office.listing_lines(3)  # 1 subject, 2 record 1, 3 case 1 (open)
    lines += [office.line("record", 50, "insert", {"id": 50, "subject_id": 999, "kind": "penalty"}),  # 4: rejected
              office.line("case", 51, "open", {"id": 51, "subject_id": 999, "record_ids": []}),  # 5: rejected
              office.line("interview", 52, "insert", {"id": 52, "subject_id": 999, "kind": "warning"}),  # 6
              office.line("objection", 60, "insert", {"id": 60, "target_type": "record", "target_id": 50,
                                                      "subject_id": 1, "stage": "record"}),  # 7
              office.line("objection", 61, "insert", {"id": 61, "target_type": "case", "target_id": "51",
                                                      "subject_id": 1, "stage": "listing"}),  # 8
              office.line("interview_plan", 62, "held", {"id": 62, "interview_id": 52}),  # 9
              office.line("document", "淮信告〔2026〕1号", "insert", {
                  "number": "淮信告〔2026〕1号", "type": "prior_notice", "object_type": "case", "object_id": "51",
                  "subject_id": 1, "status": "issued"}),  # 10
              office.line("objection", 60, "resolve", {"id": 60, "outcome": "revoked"})]  # 11: on its own rejection
    accepted, rejected = _receive(intake, office, lines)
    assert accepted == [1, 2, 3], rejected
    assert {cid: r["code"] for cid, r in rejected.items()} == {
        4: "SUBJECT_NOT_SHARED", 5: "SUBJECT_NOT_SHARED", 6: "SUBJECT_NOT_SHARED", 7: "DEPENDS_ON_REJECTED",
        8: "DEPENDS_ON_REJECTED", 9: "DEPENDS_ON_REJECTED", 10: "DEPENDS_ON_REJECTED", 11: "DEPENDS_ON_REJECTED"}
    assert "失信信息（编号 50" in rejected[7]["reason_zh"] and "record 50" in rejected[7]["reason_en"]
    assert "认定案件（编号 51" in rejected[8]["reason_zh"] and "case 51" in rejected[10]["reason_en"]
    assert "约谈记录（编号 52" in rejected[9]["reason_zh"] and "interview record 52" in rejected[9]["reason_en"]
    assert [c["change_id"] for c in intake.stored_changes(office.office)] == [1, 2, 3]


@pytest.mark.parametrize("state,name", [
    *[({"target_type": "record", "target_id": bad}, "target_id") for bad in NOT_IDS],
    ({"target_type": "subject", "target_id": 1}, "target_type"), ({"target_type": None, "target_id": 1}, "target_type"),
    ({"target_id": 1}, "target_type"), ({"target_type": ["record"], "target_id": 1}, "target_type"),
    ({"target_type": "record"}, "target_id"), ({"target_type": "record", "target_id": None}, "target_id"),
    *[({"withdrawal_id": bad}, "withdrawal_id") for bad in NOT_IDS],
    *[({"interview_id": bad}, "interview_id") for bad in NOT_IDS],
    *[({"entry_id": bad}, "entry_id") for bad in NOT_IDS],
    *[({"department_id": bad}, "department_id") for bad in NOT_IDS],
    *[({"announcement_id": bad}, "announcement_id") for bad in NOT_IDS],
    ({"source_type": "commitment", "source_id": 1.0}, "source_id"), ({"source_type": "x", "source_id": 1}, "source_type"),
    ({"object_type": "case", "object_id": 1.0}, "object_id"), ({"object_type": "ledger", "object_id": 1}, "object_type"),
    ({"object_id": "1"}, "object_type"), ({"object_type": "case"}, "object_id"),
])
def test_r7_a_target_or_link_that_is_no_id_is_rejected_naming_its_field(intake_and_office, state, name):
    """A target of a kind the office never writes, a target id that is no id, or one half of the pair missing named
    nothing the platform could judge; so did a withdrawal_id, interview_id, entry_id or department_id that is no id.
    Each is rejected now, REF_INVALID, the field named in Chinese and English; nothing of it is filed."""
    intake, office = intake_and_office
    lines = office.listing_lines(3)
    lines.append(office.line("objection", 60, "insert", {"id": 60, "subject_id": 1, **state}))
    accepted, rejected = _receive(intake, office, lines)
    assert accepted == [1, 2, 3]
    assert [(cid, r["code"]) for cid, r in rejected.items()] == [(4, "REF_INVALID")]
    assert f"「{name}」" in rejected[4]["reason_zh"] and name in rejected[4]["reason_en"]
    assert [c["change_id"] for c in intake.stored_changes(office.office)] == [1, 2, 3]


@pytest.mark.parametrize("subject_id,copy_id", [(5, 1), ("5", 1), (1, "5"), (999, 1)])
def test_r7_a_listing_whose_subject_copy_and_subject_id_disagree_is_rejected(intake_and_office, subject_id, copy_id):
    """R6/R7: a listing is about one subject and is filed under its national number. A listing whose copy of the
    subject carries id 1 while its subject_id says 5 was accepted — each pointer checked, nobody checking they
    agree — and filed under subject 1's number. Rejected now, SUBJECT_MISMATCH, naming both fields."""
    intake, office = intake_and_office
    lines = office.listing_lines(8)  # subjects 1 and 5, each with a record, a case opened and decided
    lines.append(office.line("case", 1, "decide", {"id": 1, "state": "listed", "list_type": "black",
                                                   "record_ids": [2], "subject_id": subject_id,
                                                   "subject": {"id": copy_id}}))
    accepted, rejected = _receive(intake, office, lines)
    assert accepted == list(range(1, 9))
    assert [(cid, r["code"]) for cid, r in rejected.items()] == [(9, "SUBJECT_MISMATCH")]
    r = rejected[9]
    assert "「subject.id」" in r["reason_zh"] and "「subject_id」" in r["reason_zh"]
    assert "subject.id" in r["reason_en"] and "subject_id" in r["reason_en"]
    assert [c["change_id"] for c in intake.stored_changes(office.office)] == list(range(1, 9))


def test_r7_r18_r19_the_office_s_targets_and_links_still_go_through(intake_and_office):
    """What the office writes goes through: an objection against a record or a case (integer or text id), its
    resolve without a target, a planned interview held by an interview, a document about a case or a credit check,
    a joint-punishment decision naming the platform's list entry, a user's department, a withdrawal proposal, a
    supervision flag lifted (its source: a commitment), an exit naming its announcement, and a listing whose copy and
    subject_id agree (1 and "1"; the office's own listings carry both)."""
    intake, office = intake_and_office
    lines = office.listing_lines(3)
    lines += [office.line("objection", 60, "insert", {"id": 60, "target_type": "record", "target_id": 1,
                                                      "subject_id": 1, "stage": "record"}),
              office.line("objection", 61, "insert", {"id": 61, "target_type": "case", "target_id": "1",
                                                      "subject_id": 1, "stage": "notice"}),
              office.line("objection", 60, "resolve", {"id": 60, "outcome": "revoked", "resolved_on": "2026-11-02"}),
              office.line("interview", 52, "insert", {"id": 52, "subject_id": 1, "kind": "warning"}),
              office.line("interview_plan", 62, "held", {"id": 62, "interview_id": 52}),
              office.line("document", "淮信告〔2026〕1号", "insert", {
                  "number": "淮信告〔2026〕1号", "type": "prior_notice", "object_type": "case", "object_id": "1",
                  "subject_id": 1, "status": "issued"}),
              office.line("document", "淮信审〔2026〕2号", "insert", {
                  "number": "淮信审〔2026〕2号", "type": "check_report", "object_type": "credit_check",
                  "object_id": "3", "subject_id": None, "status": "issued"}),
              office.line("joint_decision", 7, "insert", {"subject_id": 1, "entry_id": "JL-2026-0001",
                                                          "applied": True, "reason": "", "decided_at": "x"}),
              office.line("user", "clerk", "department", {"username": "clerk", "department_id": None}),
              office.line("user", "head", "department", {"username": "head", "department_id": 2}),
              office.line("case", 1, "withdraw_proposal", {"id": 1, "withdrawal_id": 4, "proposed_on": "2026-11-03"}),
              office.line("supervision_flag", 3, "lift", {"id": 3, "subject_id": 1, "source_type": "commitment",
                                                          "source_id": 8, "cleared_on": "2026-11-03"}),
              office.line("case", 9, "exit", {"id": 9, "subject_id": 1, "announcement_id": 2}),
              office.line("case", 1, "decide", {"id": 1, "state": "listed", "list_type": "black", "record_ids": [1],
                                                "subject_id": 1, "subject": {"id": "1"}})]
    accepted, rejected = _receive(intake, office, lines)
    assert rejected == {} and accepted == list(range(1, 18))
