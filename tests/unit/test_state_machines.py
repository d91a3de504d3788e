"""Every step of every state machine in credit_desk/domain/, every hashed field of the audit chain, every exit way
(issue 23). The cases are generated from the domain's own enums; what each must give is written out here, from
DOMAIN.md, never read from the product's tables — so a step added, dropped or redirected in the product fails."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import random

import pytest

from credit_desk.domain import demo
from credit_desk.domain.audit_chain import HASHED_FIELDS, genesis_hash, row_hash, verify_rows
from credit_desk.domain.cases import (Case, CaseState, Event, ExitWay, ListType, check_r7_entry,
                                      next_state as case_next)
from credit_desk.domain import disclosure as dd
from credit_desk.domain.commitments import Fulfilment, is_breach
from credit_desk.domain.disclosure import DecisionState
from credit_desk.domain.errors import DomainError
from credit_desk.domain.ids import IdType, SubjectKind
from credit_desk.domain.list_rules import (ExitInput, check_r11_watch_entry, check_r12_exit, needs_post_exit_watch,
                                           post_exit_watch_until)
from credit_desk.domain.objections import Objection, Outcome, Stage, Target, check_resolution
from credit_desk.domain.record_rules import BasisDocument, Record, check_approval, check_can_revise
from credit_desk.domain.records import DocType, RecordStatus
from credit_desk.domain.rulesets import Tier
from credit_desk.domain.repairs import RepairEvent, RepairState, next_state as repair_next
from credit_desk.domain.subjects import Subject

D = dt.date

# --- the listing case (R5, R7, R10, R12) -------------------------------------------------------------------------
CASE_STATES = {"draft", "notice_served", "objection_under_review", "listed", "not_listed", "exited",
               "withdrawn_wrongful"}
CASE_EVENTS = {"serve_notice", "object", "answer", "decide_list", "decide_not_list", "exit", "withdraw_wrongful",
               "red_restored"}
CASE_STEPS = {  # (state, event) -> next state; every other pair is refused with CASE_BAD_STEP
    ("draft", "serve_notice"): "notice_served",               # R5 prior notice (red: publication, R10)
    ("draft", "decide_not_list"): "not_listed",
    ("notice_served", "object"): "objection_under_review",    # R5/R19 objection in the window
    ("notice_served", "decide_list"): "listed",
    ("notice_served", "decide_not_list"): "not_listed",
    ("objection_under_review", "object"): "objection_under_review",
    ("objection_under_review", "answer"): "notice_served",
    ("objection_under_review", "decide_not_list"): "not_listed",
    ("listed", "exit"): "exited",                              # R12 ways 2, 3, 4
    ("listed", "withdraw_wrongful"): "withdrawn_wrongful",     # R12 way 1
    ("exited", "withdraw_wrongful"): "withdrawn_wrongful",     # R12 way 1 found after the listing ended
    ("exited", "red_restored"): "listed",                     # R10: removed by a listing withdrawn as wrongful
}


def test_the_case_machine_has_the_states_and_events_written_here():
    assert {s.value for s in CaseState} == CASE_STATES and {e.value for e in Event} == CASE_EVENTS


@pytest.mark.parametrize("state,event", list(itertools.product(CaseState, Event)), ids=str)
def test_r5_r12_every_case_step(state, event):
    expected = CASE_STEPS.get((state.value, event.value))
    if expected is None:
        with pytest.raises(DomainError) as err:
            case_next(state, event)
        assert err.value.code == "CASE_BAD_STEP" and err.value.field == "state"
        assert state.zh in err.value.zh and event.value in err.value.en
    else:
        assert case_next(state, event) is CaseState(expected)


# --- the repair request (R13) --------------------------------------------------------------------------------------
REPAIR_STATES = {"received", "accepted", "not_accepted", "repaired", "refused", "shared", "closed"}
REPAIR_EVENTS = {"accept", "not_accept", "repair", "refuse", "share", "close"}
REPAIR_STEPS = {
    ("received", "accept"): "accepted",
    ("received", "not_accept"): "not_accepted",
    ("accepted", "repair"): "repaired",
    ("accepted", "refuse"): "refused",
    ("repaired", "share"): "shared",
    ("refused", "share"): "shared",
    ("received", "close"): "closed",     # R12 way 1: its listing withdrawn as wrongful
    ("accepted", "close"): "closed",
}


def test_the_repair_machine_has_the_states_and_events_written_here():
    assert {s.value for s in RepairState} == REPAIR_STATES and {e.value for e in RepairEvent} == REPAIR_EVENTS


@pytest.mark.parametrize("state,event", list(itertools.product(RepairState, RepairEvent)), ids=str)
def test_r13_every_repair_step(state, event):
    expected = REPAIR_STEPS.get((state.value, event.value))
    if expected is None:  # 34 of the 42 pairs
        with pytest.raises(DomainError) as err:
            repair_next(state, event)
        assert err.value.code == "REPAIR_BAD_STEP" and err.value.field == "state"
        assert state.zh in err.value.zh and event.value in err.value.en
    else:
        assert repair_next(state, event) is RepairState(expected)


def test_r13_the_repair_states_read_in_chinese():
    assert {s.value: s.zh for s in RepairState} == {
        "received": "已接收", "accepted": "已受理", "not_accepted": "不予受理", "repaired": "准予修复",
        "refused": "不予修复", "shared": "已报送平台", "closed": "终止办理"}


# --- objections (R19): open -> answered once, with one of three outcomes -------------------------------------------
OUTCOMES = {"upheld": "维持", "corrected": "更正", "revoked": "撤销"}


def _objection(outcome=None) -> Objection:
    return Objection(5, Target.RECORD, 1, 1, Stage.RECORD, D(2026, 9, 28), "理由", "", D(2026, 10, 16), "CN-2026-04",
                     "clerk1", outcome=outcome, reply="已答复" if outcome else None,
                     resolved_on=D(2026, 10, 9) if outcome else None)


@pytest.mark.parametrize("given", [None, *Outcome], ids=str)
@pytest.mark.parametrize("answer", [*OUTCOMES, "dismissed", ""])
def test_r19_every_objection_step(given, answer):
    obj = _objection(given)
    if given is not None:  # answered already: any second answer is refused
        with pytest.raises(DomainError) as err:
            check_resolution(obj, answer, "再答复", D(2026, 10, 12))
        assert err.value.code == "R19_ALREADY_RESOLVED" and str(obj.resolved_on) in err.value.zh
    elif answer in OUTCOMES:
        assert check_resolution(obj, answer, "核查后答复", D(2026, 9, 28)) is Outcome(answer)
        assert Outcome(answer).zh == OUTCOMES[answer]
        for reply, on, code in ((" ", D(2026, 10, 1), "R19_REPLY_REQUIRED"),
                                ("答复", D(2026, 9, 27), "R19_DATE_ORDER")):
            with pytest.raises(DomainError) as err:
                check_resolution(obj, answer, reply, on)
            assert err.value.code == code
    else:
        with pytest.raises(DomainError) as err:
            check_resolution(obj, answer, "答复", D(2026, 10, 1))
        assert err.value.code == "R19_OUTCOME"


def test_r5_an_objection_is_overdue_only_after_its_day_and_while_open():
    assert not _objection().overdue(D(2026, 10, 16)) and _objection().overdue(D(2026, 10, 17))
    assert not _objection(Outcome.UPHELD).overdue(D(2027, 1, 1))
    assert _objection().open and not _objection(Outcome.REVOKED).open


# --- dishonesty records (R3 revision, R9 approval) -----------------------------------------------------------------
RECORD_STATUSES = {"active", "pending", "changed", "revoked", "repaired"}
MAY_APPROVE = {"pending"}                       # R9: only a record waiting for the second user
MAY_REVISE = {"active", "pending", "changed"}   # R3: a record that still stands


def _record(status: RecordStatus) -> Record:
    doc = BasisDocument(DocType.ADMIN_PENALTY, "清市监罚〔2026〕9号", "县市场监督管理局", D(2026, 9, 1), D(2026, 9, 16))
    return Record(id=3, subject_id=1, catalogue_edition="示例-2026", catalogue_code="S-03-02", tier=Tier.GENERAL,
                  facts="事实", document=doc, department="县市场监督管理局", act_date=D(2026, 8, 1),
                  decision_date=D(2026, 9, 1), rule_set_code="CN-2026-04", status=status, created_by="clerk1")


@pytest.mark.parametrize("status", list(RecordStatus), ids=str)
def test_r3_r9_every_record_status(status):
    assert {s.value for s in RecordStatus} == RECORD_STATUSES
    rec = _record(status)
    if status.value in MAY_APPROVE:
        check_approval(rec, "boss1")
        with pytest.raises(DomainError) as err:
            check_approval(rec, "clerk1")       # four eyes: never the one who entered it
        assert err.value.code == "FOUR_EYES"
    else:
        with pytest.raises(DomainError) as err:
            check_approval(rec, "boss1")
        assert err.value.code == "R9_NOT_PENDING"
    if status.value in MAY_REVISE:
        assert check_can_revise(rec, "  复议撤销  ") == "复议撤销"
        with pytest.raises(DomainError) as err:
            check_can_revise(rec, " ")
        assert err.value.code == "R3_REASON_REQUIRED"
    else:
        with pytest.raises(DomainError) as err:
            check_can_revise(rec, "复议撤销")
        assert err.value.code == "R3_RECORD_CLOSED"


# --- commitments (R17): a breach is anything short of full fulfilment, once checked ---------------------------------
BREACH = {"pending": False, "full": False, "partial": True, "none": True}


@pytest.mark.parametrize("fulfilment", list(Fulfilment), ids=str)
def test_r17_every_fulfilment(fulfilment):
    assert {f.value for f in Fulfilment} == set(BREACH)
    assert is_breach(fulfilment) is BREACH[fulfilment.value]


# --- exits (R12): every way for every list ------------------------------------------------------------------------
EXIT_WAYS = {"1", "2", "3", "4", "red_removed"}
# (list, way) -> what a complete exit on the validity's last-but-one day gives (None: allowed) ...
EXIT_EARLY = {
    ("black", "1"): None, ("black", "2"): None, ("black", "3"): "R12_NOT_EXPIRED", ("black", "4"): None,
    ("black", "red_removed"): "R12_WAY_NOT_FOR_LIST",
    ("watch", "1"): None, ("watch", "2"): None, ("watch", "3"): "R12_NOT_EXPIRED", ("watch", "4"): None,
    ("watch", "red_removed"): "R12_WAY_NOT_FOR_LIST",
    ("red", "1"): None, ("red", "2"): None, ("red", "3"): "R12_NOT_EXPIRED", ("red", "4"): None,
    ("red", "red_removed"): None,
}
# ... and whether the subject then goes on the watch list (R12: after a black list, except way 1)
WATCH_AFTER = {("black", "2"), ("black", "3"), ("black", "4"), ("black", "red_removed")}
# what each way needs, and the refusal without it
WAY_NEEDS = {"1": ({"apology_number": "清信澄〔2026〕1号", "apology_on": D(2026, 11, 2)}, "R12_APOLOGY_REQUIRED"),
             "2": ({"consent": "县市场监管局同意提前移出"}, "R12_CONSENT_REQUIRED"),
             "4": ({"standard_change": "某规章第二条已废止"}, "R12_STANDARD_CHANGE_REQUIRED")}
DECIDED, VALID_UNTIL = D(2026, 10, 12), D(2027, 10, 12)


def _listed(list_type: ListType, **kw) -> Case:
    base = dict(id=1, subject_id=1, list_type=list_type, state=CaseState.LISTED, created_by="clerk1",
                decided_on=DECIDED, valid_until=VALID_UNTIL, post_exit_watch_months=None)
    base.update(kw)
    return Case(**base)


def _exit(way: ExitWay, on: dt.date, **kw) -> ExitInput:
    return ExitInput(way, on, **{**WAY_NEEDS.get(way.value, ({}, ""))[0], **kw})


@pytest.mark.parametrize("list_type,way", list(itertools.product(ListType, ExitWay)), ids=str)
def test_r12_every_exit_way_for_every_list(list_type, way):
    assert {w.value for w in ExitWay} == EXIT_WAYS
    key = (list_type.value, way.value)
    assert needs_post_exit_watch(_listed(list_type), way) is (key in WATCH_AFTER)
    case = _listed(list_type)
    early = _exit(way, VALID_UNTIL - dt.timedelta(days=1), watch_months=12)
    if EXIT_EARLY[key] is None:
        check_r12_exit(case, early)
    else:
        with pytest.raises(DomainError) as err:
            check_r12_exit(case, early)
        assert err.value.code == EXIT_EARLY[key]
    if way.value in WAY_NEEDS:  # the way's own condition, left out
        bare = ExitInput(way, VALID_UNTIL - dt.timedelta(days=1), watch_months=12)
        with pytest.raises(DomainError) as err:
            check_r12_exit(case, bare)
        assert err.value.code == WAY_NEEDS[way.value][1]
    if key in WATCH_AFTER and EXIT_EARLY[key] is None:
        # the watch period is the department's: from the exit, or else from the decision; never none at all
        with pytest.raises(DomainError) as err:
            check_r12_exit(case, _exit(way, VALID_UNTIL - dt.timedelta(days=1)))
        assert err.value.code == "R12_WATCH_PERIOD_REQUIRED"
        check_r12_exit(_listed(list_type, post_exit_watch_months=6), _exit(way, VALID_UNTIL - dt.timedelta(days=1)))
        assert post_exit_watch_until(case, _exit(way, D(2027, 1, 31), watch_months=1)) == D(2027, 2, 28)
        assert post_exit_watch_until(_listed(list_type, post_exit_watch_months=6),
                                     _exit(way, D(2027, 1, 31))) == D(2027, 7, 31)
    # never before the decision, never from a case that is not listed
    with pytest.raises(DomainError) as err:
        check_r12_exit(case, _exit(way, DECIDED - dt.timedelta(days=1), watch_months=12))
    assert err.value.code == "R12_DATE_ORDER"
    for state in CaseState:
        if state is CaseState.LISTED:
            continue
        if way is ExitWay.WRONGFUL and state is CaseState.EXITED and list_type is not ListType.RED:
            check_r12_exit(_listed(list_type, state=state), early)  # R12 way 1 after the listing ended
            continue
        with pytest.raises(DomainError) as err:
            check_r12_exit(_listed(list_type, state=state), early)
        if way is ExitWay.WRONGFUL and state is CaseState.EXITED:  # 1798号 (十九)(二十三): an ended red listing
            assert err.value.code == "R12_RED_ENDED"
        else:
            assert err.value.code == "R12_NOT_LISTED" and state.zh in err.value.zh


def test_r12_way_3_from_the_day_after_the_last_day_of_validity():
    case = _listed(ListType.WATCH)
    check_r12_exit(case, ExitInput(ExitWay.EXPIRED, VALID_UNTIL + dt.timedelta(days=1)))
    with pytest.raises(DomainError) as last_day:  # the last valid day is still on the list (issue 13 item 9)
        check_r12_exit(case, ExitInput(ExitWay.EXPIRED, VALID_UNTIL))
    assert last_day.value.code == "R12_NOT_EXPIRED"
    with pytest.raises(DomainError) as err:
        check_r12_exit(_listed(ListType.WATCH, valid_until=None), ExitInput(ExitWay.EXPIRED, VALID_UNTIL))
    assert err.value.code == "R12_NOT_EXPIRED" and "—" in err.value.zh


# --- R11 watch entry, R7 list entry by subject kind ----------------------------------------------------------------
@pytest.mark.parametrize("letter,domain,code", [("清警〔2026〕1号", "税务", None),
                                                ("  ", "税务", "R11_WARNING_LETTER"),
                                                (None, "税务", "R11_WARNING_LETTER"),
                                                ("清警〔2026〕1号", " ", "R11_DOMAIN_REQUIRED"),
                                                ("清警〔2026〕1号", None, "R11_DOMAIN_REQUIRED")])
def test_r11_watch_entry_needs_a_letter_and_a_domain(letter, domain, code):
    case = _listed(ListType.WATCH, state=CaseState.DRAFT, warning_letter=letter, domain=domain)
    if code is None:
        check_r11_watch_entry(case)
    else:
        with pytest.raises(DomainError) as err:
            check_r11_watch_entry(case)
        assert err.value.code == code and err.value.field == {"R11_WARNING_LETTER": "warning_letter",
                                                              "R11_DOMAIN_REQUIRED": "domain"}[code]
    for other in (ListType.BLACK, ListType.RED):  # the rule is the watch list's alone
        check_r11_watch_entry(_listed(other, warning_letter=letter, domain=domain))


SUBJECT_KINDS = {"legal_person", "individual_business", "natural_person"}
# R7 (1798号 (九)): the legal representative (for a 个体工商户: its operator) is part of the entry, except for a
# natural person, who is the subject.
NEEDS_REPRESENTATIVE = {"legal_person": True, "individual_business": True, "natural_person": False}


def _subject(kind: SubjectKind, with_rep: bool) -> Subject:
    rng = random.Random(7)
    number = demo.uscc(rng, "320812") if kind is not SubjectKind.NATURAL_PERSON else demo.ric(
        rng, "320826", D(1970, 1, 1), D(1980, 1, 1))
    id_type = IdType.RIC if kind is SubjectKind.NATURAL_PERSON else IdType.USCC
    rep = ("王建国", IdType.RIC, demo.ric(rng, "320826", D(1970, 1, 1), D(1980, 1, 1))) if with_rep else (None,) * 3
    return Subject(1, kind, "淮安某某", id_type, number, *rep)


@pytest.mark.parametrize("kind", list(SubjectKind), ids=str)
def test_r7_list_entry_for_every_subject_kind(kind):
    assert {k.value for k in SubjectKind} == SUBJECT_KINDS
    entry = _listed(ListType.BLACK, state=CaseState.NOTICE_SERVED, department="县市场监督管理局", facts="事实",
                    basis="依据")
    check_r7_entry(entry, _subject(kind, with_rep=True), DECIDED)
    if NEEDS_REPRESENTATIVE[kind.value]:
        with pytest.raises(DomainError) as err:
            check_r7_entry(entry, _subject(kind, with_rep=False), DECIDED)
        assert err.value.code == "R7_ENTRY_INCOMPLETE"
        assert err.value.field == "legal_rep_name,legal_rep_id_number"
    else:
        check_r7_entry(entry, _subject(kind, with_rep=False), DECIDED)
    for field, zh in (("department", "认定部门"), ("facts", "失信（守信）事实"), ("basis", "认定依据"),
                      ("valid_until", "有效期")):
        with pytest.raises(DomainError) as err:
            check_r7_entry(dataclasses.replace(entry, **{field: None}), _subject(kind, True), DECIDED)
        assert err.value.field == field and f"缺少{zh}" in err.value.zh
    # the validity ends after the decision: the day after passes, the day itself does not
    check_r7_entry(dataclasses.replace(entry, valid_until=DECIDED + dt.timedelta(days=1)),
                   _subject(kind, True), DECIDED)
    with pytest.raises(DomainError) as err:
        check_r7_entry(dataclasses.replace(entry, valid_until=DECIDED), _subject(kind, True),
                       DECIDED)
    assert err.value.code == "R7_VALIDITY"


# --- the audit chain (R14): every hashed field ---------------------------------------------------------------------
AUDIT_HASHED = ("id", "ts", "username", "role", "action", "object_type", "object_id", "purpose", "detail", "outcome",
                "prev_hash")
LEDGER = "ledger-1"


def _chain(n: int) -> list[dict]:
    rows, prev = [], genesis_hash(LEDGER)
    for i in range(1, n + 1):
        row = {"id": i, "ts": f"2026-01-01T00:00:{i:02d}", "username": "clerk1", "role": "clerk",
               "action": "subject.view", "object_type": "subject", "object_id": str(i), "purpose": "窗口查询",
               "detail": "{}", "outcome": "ok", "prev_hash": prev}
        row["hash"] = row_hash(row)
        rows.append(row)
        prev = row["hash"]
    return rows


def test_r14_the_hashed_fields_are_the_eleven_written_here():
    assert HASHED_FIELDS == AUDIT_HASHED


@pytest.mark.parametrize("field", AUDIT_HASHED)
def test_r14_changing_any_hashed_field_breaks_the_chain_at_that_row(field):
    rows = _chain(6)
    good = row_hash(rows[3])
    rows[3][field] = rows[3][field] + 1 if isinstance(rows[3][field], int) else rows[3][field] + "x"
    assert row_hash(rows[3]) != good
    verdict = verify_rows(rows, LEDGER)
    assert not verdict.ok and verdict.first_bad_id == 4 and verdict.rows == 3


def test_r14_the_chain_is_bound_to_its_ledger():
    assert genesis_hash("a") != genesis_hash("b")
    assert not verify_rows(_chain(3), "another-ledger").ok
    assert verify_rows(_chain(3), LEDGER).ok


# --- every refusal is a code with a Chinese and an English sentence -----------------------------------------------
def test_a_refusal_without_its_sentences_is_a_programming_error():
    err = DomainError("R5_WINDOW_OPEN", "异议期未届满。", "The objection window is open.", field="decided_on", row=2)
    assert (err.code, err.field, err.row, err.rule()) == ("R5_WINDOW_OPEN", "decided_on", 2, "R5")
    assert err.message() == "异议期未届满。" and err.message("en") == "The objection window is open."
    assert str(err) == "[R5_WINDOW_OPEN] 异议期未届满。"
    assert DomainError("FOUR_EYES", "起草人不能审批。", "No.").rule() is None
    assert DomainError("REPAIR_BAD_STEP", "不能。", "No.").rule() is None   # R + letters is not a rule number
    assert DomainError("R_X", "不能。", "No.").rule() is None
    for code, zh, en in (("X", "", "en"), ("X", "中文", " "), ("X", None, "en"), ("", "中文", "en")):
        with pytest.raises(TypeError):
            DomainError(code, zh, en)


def test_r14_the_row_hash_is_sha256_of_the_canonical_json_written_here():
    import hashlib
    row = _chain(1)[0]
    canonical = ('[1,"2026-01-01T00:00:01","clerk1","clerk","subject.view","subject","1","窗口查询","{}","ok","'
                 + genesis_hash(LEDGER) + '"]')
    assert row["hash"] == hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    assert genesis_hash(LEDGER) == hashlib.sha256(b"credit_desk audit genesis ledger-1").hexdigest()


def test_r14_an_intact_chain_gives_its_count_and_head():
    rows = _chain(5)
    verdict = verify_rows(rows, LEDGER, anchor=(5, rows[-1]["hash"]), receipted=(3, rows[2]["hash"]))
    assert (verdict.ok, verdict.rows, verdict.first_bad_id, verdict.head, verdict.backwards) == (
        True, 5, None, rows[-1]["hash"], ())
    assert verify_rows([], LEDGER).head == "" and verify_rows([], LEDGER).rows == 0


@pytest.mark.parametrize("mark", ["anchor", "receipted"])
def test_r14_a_head_kept_outside_catches_a_cut_or_a_rewritten_chain(mark):
    rows = _chain(6)
    head = (6, rows[-1]["hash"])
    cut = verify_rows(rows[:4], LEDGER, **{mark: head})
    assert (cut.ok, cut.rows, cut.first_bad_id) == (False, 4, 5) and "6" in cut.reason_zh and "4" in cut.reason_en
    # the whole chain recomputed after an edit (what a key holder could do): only the outside head sees it
    rows[1]["purpose"] = "改写"
    prev = genesis_hash(LEDGER)
    for r in rows:
        r["prev_hash"], r["hash"] = prev, None
        r["hash"] = row_hash(r)
        prev = r["hash"]
    assert verify_rows(rows, LEDGER).ok
    rewritten = verify_rows(rows, LEDGER, **{mark: head})
    assert (rewritten.ok, rewritten.first_bad_id) == (False, 6) and rewritten.reason_en.startswith("row 6 does not")
    words = {"anchor": "链外锚点", "receipted": "市平台回执"}[mark]
    assert words in rewritten.reason_zh
    assert verify_rows(rows, LEDGER, **{mark: (6, rows[-1]["hash"])}).ok


def test_r14_a_clock_set_back_is_listed_not_refused():
    rows = _chain(4)
    rows[2]["ts"] = "2025-12-31T23:59:59"
    prev = rows[1]["hash"]
    for r in rows[2:]:
        r["prev_hash"] = prev
        r["hash"] = row_hash(r)
        prev = r["hash"]
    verdict = verify_rows(rows, LEDGER)
    assert verdict.ok and verdict.backwards == ((3, "2025-12-31T23:59:59", "2026-01-01T00:00:02"),)
    same = _chain(3)
    same[2]["ts"] = same[1]["ts"]  # the same second is not backwards
    same[2]["hash"] = row_hash(same[2])
    assert verify_rows(same, LEDGER).backwards == ()


def test_r14_each_break_names_its_row_in_both_languages():
    rows = _chain(4)
    del rows[1]
    gap = verify_rows(rows, LEDGER)
    assert (gap.ok, gap.rows, gap.first_bad_id) == (False, 1, 2)
    assert gap.reason_zh == "第 2 行缺失或顺序错乱（删除）。" and gap.reason_en == "row 2 is missing or out of order"
    rows = _chain(4)
    rows[2]["prev_hash"] = "0" * 64
    link = verify_rows(rows, LEDGER)
    assert link.first_bad_id == 3 and link.reason_en == "row 3 does not link to the row before it"
    rows = _chain(4)
    rows[3]["outcome"] = "refused"
    changed = verify_rows(rows, LEDGER)
    assert changed.first_bad_id == 4 and changed.reason_en == "row 4 was changed: its hash does not match"
    assert changed.reason_zh == "第 4 行的内容被改动，哈希不符。"


# --- R1 basis document: every boundary ----------------------------------------------------------------------------
DOC_TYPES = {"court_judgment", "court_ruling", "arbitration_award", "admin_penalty", "admin_ruling", "other_legal"}


@pytest.mark.parametrize("doc_type", sorted(DOC_TYPES))
def test_r1_every_allowed_document_type_and_its_dates(doc_type):
    from credit_desk.domain.record_rules import check_basis
    assert {t.value for t in DocType} == DOC_TYPES
    cite = "《某法》第十条" if doc_type == "other_legal" else None
    today = D(2026, 11, 30)
    doc = check_basis(doc_type, " 清市监罚〔2026〕9号 ", " 县市场监督管理局 ", D(2026, 9, 1), D(2026, 9, 1), cite, today)
    assert doc == BasisDocument(DocType(doc_type), "清市监罚〔2026〕9号", "县市场监督管理局", D(2026, 9, 1), D(2026, 9, 1),
                                cite)
    assert check_basis(doc_type, "x", "y", D(2026, 9, 1), today, cite, today).effective == today  # in force today
    for issued, effective, code, field in ((None, D(2026, 9, 1), "R1_BASIS_INCOMPLETE", "doc_issued"),
                                           (D(2026, 9, 1), None, "R1_BASIS_INCOMPLETE", "doc_effective"),
                                           (None, None, "R1_BASIS_INCOMPLETE", "doc_issued"),
                                           (D(2026, 9, 2), D(2026, 9, 1), "R1_BASIS_DATES", "doc_effective"),
                                           (D(2026, 9, 1), today + dt.timedelta(days=1), "R1_NOT_EFFECTIVE",
                                            "doc_effective")):
        with pytest.raises(DomainError) as err:
            check_basis(doc_type, "x", "y", issued, effective, cite, today)
        assert (err.value.code, err.value.field) == (code, field)
    if doc_type == "other_legal":
        with pytest.raises(DomainError) as err:
            check_basis(doc_type, "x", "y", D(2026, 9, 1), D(2026, 9, 1), "  ", today)
        assert (err.value.code, err.value.field) == ("R1_CITATION_REQUIRED", "doc_citation")
    else:  # a citation typed anyway is kept, trimmed; blank is none
        assert check_basis(doc_type, "x", "y", D(2026, 9, 1), D(2026, 9, 1), " 依据 ", today).citation == "依据"
        assert check_basis(doc_type, "x", "y", D(2026, 9, 1), D(2026, 9, 1), " ", today).citation is None


def test_r1_a_type_outside_the_list_names_the_ones_allowed():
    from credit_desk.domain.record_rules import check_basis
    with pytest.raises(DomainError) as err:
        check_basis("meeting_minutes", "x", "y", D(2026, 9, 1), D(2026, 9, 1), None, D(2026, 11, 30))
    assert (err.value.code, err.value.field) == ("R1_DOC_TYPE", "doc_type")
    assert "admin_penalty（行政处罚决定）" in err.value.zh and "meeting_minutes" in err.value.zh
    for number, authority, field in ((" ", "y", "doc_number"), ("x", None, "doc_authority")):
        with pytest.raises(DomainError) as err:
            check_basis("admin_penalty", number, authority, D(2026, 9, 1), D(2026, 9, 1), None, D(2026, 11, 30))
        assert (err.value.code, err.value.field) == ("R1_BASIS_INCOMPLETE", field)


# --- the 双公示 decision on the register (R21, R13, R3) ------------------------------------------------------------
DECISION_STATES = {"registered": "待公示", "published": "已公示", "not_published": "不予公示（轻微）",
                   "ended": "公示期满已停止", "revoked": "决定已撤销，停止公示", "repaired": "信用修复，已停止公示"}
# (state, step) -> allowed? R21: published (or, slight, recorded as not published) once, from the register's
# waiting state only; R3: a revoked decision leaves publication at once, whatever it was, and is revoked once
DECISION_STEPS = {
    ("registered", "publish"): True, ("published", "publish"): False, ("not_published", "publish"): False,
    ("ended", "publish"): False, ("revoked", "publish"): False,
    ("registered", "revoke"): True, ("published", "revoke"): True, ("not_published", "revoke"): True,
    ("ended", "revoke"): True, ("revoked", "revoke"): False,
    ("repaired", "publish"): False, ("repaired", "revoke"): True,   # R13 repaired (main's fb032fc); R3 still applies
}


def _decision(state: DecisionState):
    from tests.unit.test_disclosure_table import ok as decided, penalty   # a valid penalty decision of the sheet
    return dataclasses.replace(decided(penalty()), id=7, state=state)


@pytest.mark.parametrize("step", ["publish", "revoke"])
@pytest.mark.parametrize("state", list(DecisionState), ids=str)
def test_r21_r3_every_step_of_a_register_decision(state, step):
    decision = _decision(state)
    assert {s.value: s.zh for s in DecisionState} == DECISION_STATES
    today = decision.decision_date + dt.timedelta(days=3)
    allowed = DECISION_STEPS[(state.value, step)]
    run = (lambda: dd.check_may_publish(decision)) if step == "publish" else (
        lambda: dd.check_revocation(decision, "复议决定撤销该处罚", today, today))
    if allowed:
        run()
        return
    with pytest.raises(DomainError) as err:
        run()
    assert (err.value.code, err.value.field) == ("DECISION_STATE", "decision_id")
    assert err.value.zh == ("决定7（清市监罚〔2026〕101号）已撤销。" if step == "revoke" else
                            f"决定7（清市监罚〔2026〕101号）已是「{DECISION_STATES[state.value]}」，不能再公示。")
    assert err.value.en == (f"Decision 7 is already {'revoked' if step == 'revoke' else state.value}.")


# --- a person's consent to publish (R15): given, then withdrawn once, on a day between its giving and today ------
GIVEN, NOW = D(2026, 11, 10), D(2026, 11, 30)
# (already withdrawn?, the withdrawal day) -> the refusal, or None: allowed
CONSENT_STEPS = {
    (False, GIVEN - dt.timedelta(days=1)): "DATE_ORDER", (False, GIVEN): None, (False, NOW): None,
    (False, NOW + dt.timedelta(days=1)): "DATE_ORDER",
    (True, GIVEN - dt.timedelta(days=1)): "R15_CONSENT_WITHDRAWN", (True, GIVEN): "R15_CONSENT_WITHDRAWN",
    (True, NOW): "R15_CONSENT_WITHDRAWN", (True, NOW + dt.timedelta(days=1)): "R15_CONSENT_WITHDRAWN",
}


@pytest.mark.parametrize("withdrawn,on", list(CONSENT_STEPS), ids=str)
def test_r15_every_step_of_a_consent(withdrawn, on):
    from credit_desk.domain.publication import Consent, check_consent_withdrawal
    consent = Consent(4, 1, None, "在信用门户网站公开其行政处罚信息", GIVEN, D(2027, 11, 9), "本人签署的同意书",
                      D(2026, 11, 20) if withdrawn else None)
    code = CONSENT_STEPS[(withdrawn, on)]
    if code is None:
        check_consent_withdrawal(consent, on, NOW)
        return
    with pytest.raises(DomainError) as err:
        check_consent_withdrawal(consent, on, NOW)
    assert (err.value.code, err.value.field) == (code, "consent_id" if withdrawn else "on")
    assert err.value.zh == ("该同意已于2026-11-20撤回，撤回不能重复登记，撤回日期也不能改动。" if withdrawn else
                            f"撤回日期{on.isoformat()}须在同意日期2026-11-10与今天之间。")
    assert err.value.en == ("The consent was already withdrawn on 2026-11-20; a withdrawal is recorded once and its "
                            "date is not changed." if withdrawn else
                            "The withdrawal date must lie between the consent date and today.")


# --- which case document may be printed in which case state (R5, R10, R12) ------------------------------------------
# A prior notice until the decision (a new one after an objection changes the grounds); a red candidate's public
# notice while its window is open (R10); the decision once listed, and still after the exit; the not-listed decision
# of a case decided so; the exit announcement of an exited listing. R12 way 1: a listing withdrawn as wrongful
# voids its documents — none of them is printed again.
CASE_DOCUMENTS = {
    "prior_notice": {"draft", "notice_served", "objection_under_review"},
    "red_publication": {"notice_served", "objection_under_review"},
    "decision": {"listed", "exited"},
    "not_listed_decision": {"not_listed"},
    "exit_announcement": {"exited"},
}


def _print_context(doc: str, state: CaseState) -> dict:
    from credit_desk.documents import context as C
    detail = {"state": state.value, "state_zh": state.zh, "list_type_zh": "严重失信主体名单", "reasons": "事实",
              "basis": "依据", "served_on": "2026-09-28", "objection_window_end": "2026-10-09",
              "decided_on": "2026-10-12", "decision_number": "清信决〔2026〕1号", "exited_on": "2026-11-20",
              "subject": {"name": "淮安某某有限公司", "kind": "legal_person", "id_type": "uscc",
                          "id_number": "9132081294PBRNYTXE"}}
    return {"prior_notice": lambda: C.prior_notice(detail, deadline=D(2026, 10, 9), contact="0517-83600000"),
            "red_publication": lambda: C.red_publication(detail, contact="0517-83600000"),
            "decision": lambda: C.decision(detail, watch=False),
            "not_listed_decision": lambda: C.not_listed_decision(detail, "经核实不予列入"),
            "exit_announcement": lambda: C.exit_announcement(detail, "有效期届满", True)}[doc]()


@pytest.mark.parametrize("doc", sorted(CASE_DOCUMENTS))
@pytest.mark.parametrize("state", list(CaseState), ids=str)
def test_r5_r12_every_case_document_in_every_case_state(doc, state):
    if state.value in CASE_DOCUMENTS[doc]:
        assert _print_context(doc, state)
        return
    with pytest.raises(DomainError) as err:
        _print_context(doc, state)
    assert (err.value.code, err.value.field) == ("DOC_CASE_STATE", "case")
    assert err.value.zh == f"案件当前状态为「{state.zh}」，不能打印此文书。"
    assert err.value.en == f"The case is {state.value}; this notice does not apply."


# att19d: a department's correction (register.correct) from every state of the decision — while it is waiting,
# published or recorded as not published; never once it ended or was repaired (R13) or was revoked (R3)
CORRECTABLE = {"registered": True, "published": True, "not_published": True, "ended": False, "revoked": False,
               "repaired": False}   # R13: a repair stopped its publication


@pytest.mark.parametrize("state", list(DecisionState), ids=str)
def test_r21_r3_a_correction_from_every_state_of_a_register_decision(state):
    decision = _decision(state)
    assert set(CORRECTABLE) == {s.value for s in DecisionState}
    fixed = dataclasses.replace(decision, fine_wan=dd.Decimal("0.3"))
    if CORRECTABLE[state.value]:
        assert dd.check_correction(decision, fixed, "市监局更正函") == ("市监局更正函", ["fine_wan"])
        return
    with pytest.raises(DomainError) as err:
        dd.check_correction(decision, fixed, "市监局更正函")
    assert (err.value.code, err.value.field) == ("DECISION_STATE", "decision_id")
    assert err.value.zh == f"决定7（清市监罚〔2026〕101号）已是「{DECISION_STATES[state.value]}」，不能更正。"
