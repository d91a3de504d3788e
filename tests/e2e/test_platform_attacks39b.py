"""What a change rests on, attacked by an office insider (att39b): a pointer the platform cannot read must not be
skipped. R6/R7: what the platform files is what it judged; R14: a crafted bundle neither files a change resting on
nothing nor fails the whole receive."""

from __future__ import annotations

import pytest

from tests.platform_kit import registered_intake

# not an id as the office writes one (an integer, or text no longer than an entity id)
NOT_IDS = [99.0, True, [99], {"id": 99}, "9" * 257]


@pytest.fixture
def intake_and_office(tmp_path, platform_dsn):
    _keys, office, intake = registered_intake(tmp_path / "intake", seed=39)
    yield intake, office
    intake.close()


def _shared(office) -> list[str]:
    """Subject 1, record 1, case 1 (opened) — all accepted: what the crafted changes could point at."""
    return office.listing_lines(3)


@pytest.mark.parametrize("bad", NOT_IDS)
def test_r7_a_pointer_that_is_no_id_is_rejected_naming_its_field(intake_and_office, bad):
    """att39b: record_id, case_id, origin_case_id, repair_id, commitment_id and objection_id holding a float, a bool,
    a list or an object — and such an element of record_ids, case_ids or targets — were skipped by ``refs``: the
    change rested on nothing the platform could see and was filed (a repair of "record 1.0" while record 1 was
    rejected; a listing resting on records [[1]]). Each is now rejected, REF_INVALID, the field named in Chinese and
    English; nothing of it is filed; a change resting on it is rejected in turn."""
    intake, office = intake_and_office
    fields = {"record_id": "publication_consent", "case_id": "withdrawal", "origin_case_id": "case",
              "repair_id": "record", "commitment_id": "repair", "objection_id": "case", "subject_id": "record"}
    lines = _shared(office)
    expect = {}
    for key, entity in fields.items():
        expect[office.next_id] = key
        lines.append(office.line(entity, f"x-{key}", "update", {"subject_id": 1, key: bad}))
    for key, value, name in [("record_ids", [1, bad], "record_ids[1]"), ("case_ids", [bad], "case_ids[0]"),
                             ("targets", [["record", 1], ["case", bad]], "targets[1]")]:
        expect[office.next_id] = name
        lines.append(office.line("repair" if key == "targets" else "case", f"x-{key}", "update",
                                 {"subject_id": 1, key: value}))
    rests_on = office.next_id
    lines.append(office.line("case", "x-record_ids", "decide", {"subject_id": 1, "record_ids": [1]}))
    receipt, summary = intake.receive(office.bundle(lines))
    _, accepted, rejected = office.read_receipt(receipt)
    assert accepted == [1, 2, 3], rejected
    codes = {r["id"]: r["code"] for r in rejected}
    assert codes == {**{cid: "REF_INVALID" for cid in expect}, rests_on: "DEPENDS_ON_REJECTED"}, rejected
    for r in rejected:
        if r["id"] in expect:
            name = expect[r["id"]]
            assert f"「{name}」" in r["reason_zh"] and name in r["reason_en"], r
    assert [c["change_id"] for c in intake.stored_changes(office.office)] == [1, 2, 3]


@pytest.mark.parametrize("key,value,name", [
    ("record_ids", 1, "record_ids"), ("record_ids", "1", "record_ids"), ("record_ids", {"1": 1}, "record_ids"),
    ("case_ids", True, "case_ids"), ("targets", "record:1", "targets"), ("targets", [["record"]], "targets[0]"),
    ("targets", [["record", 1, 2]], "targets[0]"), ("targets", [{"type": "record", "id": 1}], "targets[0]"),
    ("targets", [["subject", 1]], "targets[0]"), ("targets", [[None, 1]], "targets[0]"),
    ("targets", [[["record"], 1]], "targets[0]"), ("targets", [[{"k": 1}, 1]], "targets[0]"),
])
def test_r7_a_list_of_pointers_of_another_shape_is_rejected_not_skipped_nor_a_500(intake_and_office, key, value,
                                                                                     name):
    """A repair's targets not as [kind, id] pairs of a known kind, or record_ids / case_ids that are no list, were
    skipped (the repair rested on nothing); a target whose kind was a list or an object ([[["record"], 1]]) made
    ``refs`` raise TypeError — the whole bundle failed inside (500, retried by the office for ever). Each is one
    rejected change now, naming the field."""
    intake, office = intake_and_office
    lines = _shared(office)
    bad_id = office.next_id
    lines.append(office.line("repair", "60", "insert", {"id": 60, "subject_id": 1, key: value}))
    receipt, _summary = intake.receive(office.bundle(lines))
    _, accepted, rejected = office.read_receipt(receipt)
    assert accepted == [1, 2, 3]
    assert [(r["id"], r["code"]) for r in rejected] == [(bad_id, "REF_INVALID")]
    assert f"「{name}」" in rejected[0]["reason_zh"] and name in rejected[0]["reason_en"]


@pytest.mark.parametrize("copy", [{}, {"id": None}, {"id": 1.0}, "1", [1], 1])
def test_r7_a_listing_whose_subject_copy_names_no_subject_is_rejected(intake_and_office, copy):
    """A listing decision carries a copy of its subject (R7: name, ID type and number); the copy's id is what it is
    checked against — the subjects the office shared. A copy without an id was not checked at all: the listing was
    filed under the national number of a subject the office never sent (its copy's). Rejected now, naming
    subject.id (or subject, when the copy is no object)."""
    intake, office = intake_and_office
    other = office.subject_state()  # never sent
    lines = _shared(office)
    cid = office.next_id
    state = {"id": 1, "state": "listed", "list_type": "black", "record_ids": [1],
             "subject": {**other, **copy} if isinstance(copy, dict) else copy}
    lines.append(office.line("case", 1, "decide", state))
    receipt, _summary = intake.receive(office.bundle(lines))
    _, accepted, rejected = office.read_receipt(receipt)
    assert accepted == [1, 2, 3]
    name = "subject.id" if isinstance(copy, dict) else "subject"
    assert [(r["id"], r["code"]) for r in rejected] == [(cid, "REF_INVALID")]
    assert f"「{name}」" in rejected[0]["reason_zh"] and name in rejected[0]["reason_en"]
    assert [c["change_id"] for c in intake.stored_changes(office.office)] == [1, 2, 3]  # nothing under other's no.


def test_r7_well_formed_pointers_and_absent_ones_still_go_through(intake_and_office):
    """What the office writes goes through as before: integer ids, text ids, an absent pointer written as null (a
    consent for every record, a case of no origin), empty lists, [kind, id] targets, a listing's full subject copy —
    and the listing is filed under the national number the platform holds for the subject its copy names."""
    intake, office = intake_and_office
    lines = _shared(office)
    lines += [office.line("publication_consent", 5, "insert", {"id": 5, "subject_id": 1, "record_id": None}),
              office.line("publication_consent", 6, "insert", {"id": 6, "subject_id": "1", "record_id": "1"}),
              office.line("case", 1, "decide", {"id": 1, "state": "listed", "list_type": "black",
                                                "subject": {"id": 1}, "record_ids": [1], "origin_case_id": None}),
              office.line("repair", 60, "insert", {"id": 60, "subject_id": 1, "targets": [["record", 1], ["case", 1]],
                                                   "commitment_id": None}),
              office.line("case", 2, "open", {"id": 2, "subject_id": 1, "record_ids": [], "case_ids": []})]
    receipt, summary = intake.receive(office.bundle(lines))
    _, accepted, rejected = office.read_receipt(receipt)
    assert rejected == [] and accepted == list(range(1, 9))
    stored = intake.stored_changes(office.office)
    subject_no = next(c for c in stored if c["entity"] == "subject")["subject_no"]
    decide = next(c for c in stored if c["op"] == "decide")
    assert decide["subject_no"] == subject_no  # R7: the copy {"id": 1} names subject 1, filed under its number


def test_r13_r21_a_decision_s_repair_stop_resting_on_a_rejected_repair_is_rejected(intake_and_office):
    """A 双公示 decision's change is judged by its data elements (R21) and was never by what it points at: the
    decision's repair_stop names the repair that stopped its publication (repair_id, R13) and was accepted while
    that repair was rejected — the office then showed the repair's effect as confirmed by the platform, the repair
    itself in quarantine. Rejected now, DEPENDS_ON_REJECTED naming the repair; over a repair the platform holds it
    goes through, and a decision's later change is still judged on its own merits (its own earlier rejection does
    not hold it back)."""
    import datetime as dt

    from credit_desk.domain import disclosure
    from tests.e2e.disclosure_kit import penalty_row
    intake, office = intake_and_office
    decision, errors = disclosure.check_decision(penalty_row(1, dt.date(2026, 10, 20)), dt.date(2026, 11, 1))
    assert not errors
    good = {**decision.to_state(), "publish_due": "2026-10-27", "state": "published"}
    lines = _shared(office)  # 1 subject, 2 record, 3 case
    lines += [office.line("repair", 60, "insert", {"id": 60, "subject_id": 999, "targets": [["record", 1]]}),  # 4
              office.line("repair", 61, "insert", {"id": 61, "subject_id": 1, "targets": [["decision", 7]]}),  # 5
              office.line("admin_decision", 7, "insert", {**good, "id": 7}),  # 6
              office.line("admin_decision", 7, "repair_stop", {**good, "id": 7, "repair_id": 60}),  # 7
              office.line("admin_decision", 7, "repair_stop", {**good, "id": 7, "repair_id": 61}),  # 8
              office.line("admin_decision", 8, "insert", {**good, "id": 8, "publish_due": "abc"}),  # 9
              office.line("admin_decision", 8, "publish", {**good, "id": 8})]  # 10: its own merits
    receipt, _summary = intake.receive(office.bundle(lines))
    _, accepted, rejected = office.read_receipt(receipt)
    assert [(r["id"], r["code"]) for r in rejected] == [(4, "SUBJECT_NOT_SHARED"), (7, "DEPENDS_ON_REJECTED"),
                                                        (9, "DECISION_INCOMPLETE")], rejected
    assert accepted == [1, 2, 3, 5, 6, 8, 10]
    assert "repair request 60" in rejected[1]["reason_en"]
