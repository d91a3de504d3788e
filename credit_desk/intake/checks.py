"""The platform's per-change checks. A rejected change is named with a reason in the receipt; the rest of the bundle
is accepted — except the changes that rest on a rejected one: they are rejected too, with the reason (issue 20).

R6/R7: what the platform files is what the office's receipt confirms. A listing decision whose case or record was
rejected must not be filed (and the office must not show it as "平台已确认接收").
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from credit_desk.domain import disclosure
from credit_desk.domain.errors import ValidationError
from credit_desk.domain.ids import check_kind_and_id, check_uscc_exception
from credit_desk.sync.payload import MAX_FIELD_CHARS

# Ops that (re)state an entity whole: judged on their own merits even when an earlier change of it was rejected
# (that is how a corrected, requeued change gets through). Every other op rests on the entity as filed.
CREATING_OPS = frozenset({"insert", "upsert", "open"})
# R10 with R12 way 1 (att38c): a red listing back on its list after the wrong listing that removed it was withdrawn
# ("restore") undoes that removal ("exit"): a refused removal does not refuse the restore (the office never sends
# the removal again), which is judged by what it points at
UNDOES = {"restore": "exit"}
# R12 way 1 (att39a): a wrongful listing's withdrawal, and a 大数据警示 flag's withdrawn with it, state their entity whole
# (withdrawn, nothing of it kept): judged by what they point at, never refused for resting on an earlier row of their
# own the platform refused (the withdrawal of a listing whose decision it refused was DEPENDS_ON_REJECTED for ever);
# once accepted, the platform keeps nothing of what they withdraw (``purge_of``, pgstore.purge_withdrawn)
WITHDRAWING = {"case": "withdraw", "alert": "withdraw"}
_SUBJECT_OPS = frozenset({"insert", "update", "upsert"})
# state keys that point at another entity of the same office
_REFS = {"subject_id": "subject", "record_id": "record", "case_id": "case", "origin_case_id": "case",
         "repair_id": "repair", "commitment_id": "commitment", "objection_id": "objection",
         # att39e: R18 a planned interview held by an interview; R12 way 1 a case's withdrawal proposal and R12 an
         # exit's announcement (the office's own rows, never sent on their own: checked as ids); a joint-punishment
         # decision's entry of the platform's list (services.matching); a user's deciding department
         "interview_id": "interview", "withdrawal_id": "withdrawal", "announcement_id": "announcement",
         "entry_id": "joint_entry", "department_id": "department"}
_LIST_REFS = {"record_ids": "record", "case_ids": "case"}
# att39e: a pointer named by a (kind, id) pair of keys — R19 an objection's target (domain.objections.Target), a
# printed document's object (services.documents.Item: each kind is the entity the office's change log names), R17 a
# supervision flag's source (its lift carries the flag's row: a breached commitment). An id without a kind the office
# writes, or a kind without its id, names nothing: REF_INVALID, naming the field at fault
_TYPED_REFS = {"target_id": ("target_type", {"record": "record", "case": "case"}),
               "source_id": ("source_type", {"commitment": "commitment"}),
               "object_id": ("object_type", {k: k for k in (
                   "subject", "case", "record", "repair", "interview_plan", "supervision_flag", "credit_check",
                   "admin_decision")})}
_ID_OF = {kind_key: id_key for id_key, (kind_key, _kinds) in _TYPED_REFS.items()}
# R13 (att20b: a repair decision over a record the platform had rejected was accepted, and the office then showed
# the repair as confirmed by the platform): a repair request names what it repairs as [kind, id] pairs in "targets"
# (domain.repairs.RepairTarget.kind), so it rests on each of them as a case rests on its records
_TARGET_KINDS = {"record": "record", "case": "case", "decision": "admin_decision"}
_REF_KEYS = frozenset(_REFS) | frozenset(_LIST_REFS) | {"targets"} | frozenset(_TYPED_REFS) | frozenset(_ID_OF)
_NAMES = {"subject": ("信用主体", "subject"), "record": ("失信信息", "record"), "case": ("认定案件", "case"),
          "repair": ("信用修复申请", "repair request"), "commitment": ("信用承诺", "commitment"),
          "objection": ("异议", "objection"), "admin_decision": ("行政许可或处罚决定", "administrative decision"),
          "interview": ("约谈记录", "interview record"), "interview_plan": ("约谈安排", "planned interview"),
          "withdrawal": ("误列撤销", "withdrawal"), "announcement": ("移出公告", "exit announcement"), "joint_entry": ("联合惩戒名单条目", "joint-punishment list entry"),
          "department": ("认定部门", "deciding department"), "document": ("文书", "document"),
          "supervision_flag": ("重点监管标记", "supervision flag"), "credit_check": ("信用审查", "credit check")}


def refs(change: dict) -> list[tuple[str, str]]:
    """The (entity, entity_id) pairs a change rests on: itself, then every entity its state points at.

    R7 (att39b): a pointer is an id as the office writes one (``services``: an integer, or text no longer than an
    entity id), or null for none (a consent for every record, a case of no origin). Anything else — a float, a bool,
    a list, an object; record_ids / case_ids / targets that are no list, a target that is no [kind, id] pair of a
    known kind; a listing's subject copy without its id — named nothing the platform could judge and was skipped:
    the change was filed resting on nothing. Now the pairs end with ``(MALFORMED, field)`` and ``Judge`` rejects the
    change (REF_INVALID, naming the field). Issue 18: a well-formed integer costs one type test, as before.

    att39e: R19 an objection's target_type / target_id, a document's object_type / object_id and a supervision
    flag's source_type / source_id are one pointer each, of the kinds the office writes (``_TYPED_REFS``);
    interview_id, withdrawal_id, announcement_id, entry_id and department_id are pointers like record_id. R6/R7: a
    listing's subject copy and its subject_id that name two subjects end the pairs with ``(MISMATCH, "subject_id")``
    (SUBJECT_MISMATCH). A change of none of these keys reads nothing more than before."""
    state = change["state"]
    out = [(change["entity"], change["entity_id"])]
    for key in _REF_KEYS.intersection(state):
        v = state[key]
        if v is None:
            continue
        entity = _REFS.get(key)
        if entity is not None:
            if _is_id(v):
                out.append((entity, str(v)))
            else:
                return _malformed(out, key)
        elif (typed := _TYPED_REFS.get(key)) is not None:
            kind_key, kinds = typed
            kind = state.get(kind_key)
            if type(kind) is not str or kind not in kinds:
                return _malformed(out, kind_key)
            if not _is_id(v):
                return _malformed(out, key)
            out.append((kinds[kind], str(v)))
        elif key in _ID_OF:  # a kind: its id is read under the id's key; a kind without an id names nothing
            if state.get(_ID_OF[key]) is None:
                return _malformed(out, _ID_OF[key])
        elif type(v) is not list:
            return _malformed(out, key)
        elif key == "targets":
            for i, t in enumerate(v):
                if type(t) is list and len(t) == 2 and type(t[0]) is str and t[0] in _TARGET_KINDS and _is_id(t[1]):
                    out.append((_TARGET_KINDS[t[0]], str(t[1])))
                else:  # att39b: a kind that was a list or an object raised TypeError here (the receive failed, 500)
                    return _malformed(out, f"targets[{i}]")
        else:
            entity = _LIST_REFS[key]
            for i, x in enumerate(v):
                if _is_id(x):
                    out.append((entity, str(x)))
                else:
                    return _malformed(out, f"{key}[{i}]")
    subj = state.get("subject")
    if subj is not None:  # R7: a listing's copy of its subject is checked by its id against the subjects shared
        if type(subj) is not dict:
            return _malformed(out, "subject")
        sid = subj.get("id")
        if _is_id(sid):
            sid = str(sid)
            out.append(("subject", sid))
        else:  # att39b: a copy without an id was filed under its own national number, never checked
            return _malformed(out, "subject.id")
        named = state.get("subject_id")  # well-formed here, or refs() returned above
        if named is not None and str(named) != sid:
            # R6/R7 (att39e): a listing is about one subject, filed under its national number — a copy of subject 1
            # with subject_id 2 was accepted (both shared, nobody checking they agree) and filed under subject 1
            out.append((MISMATCH, "subject_id"))
    return out


# the entity of refs()' last pair when a pointer is no id: compared by identity (``is``), so no entity an office
# sends (a string the JSON reader made) is ever taken for it
MALFORMED = "<malformed pointer>"
# the entity of refs()' last pair when two pointers to the subject disagree (a listing's subject.id and subject_id)
MISMATCH = "<disagreeing pointers>"


def _malformed(out: list[tuple[str, str]], field: str) -> list[tuple[str, str]]:
    out.append((MALFORMED, field))
    return out


def _is_id(value) -> bool:
    """An id as the office writes one: an integer (not a bool: type, not isinstance) or text no longer than an
    entity id (``MAX_FIELD_CHARS``)."""
    return type(value) is int or type(value) is str and len(value) <= MAX_FIELD_CHARS


def _subject_ref(value) -> str:
    """The office-local subject id an accepted change names, as text (``refs`` wrote it so: an integer or text;
    att38b/att39b: any other value rejects the change as REF_INVALID before it is filed)."""
    return value if type(value) is str else str(value)


def subject_no(state: dict) -> str | None:
    """The national key of a subject: "<id_type>:<id_number>"."""
    id_type, number = state.get("id_type"), state.get("id_number")  # read once each (issue 18: per change)
    if isinstance(id_type, str) and isinstance(number, str):
        return f"{id_type}:{number}"
    return None


@dataclass
class Judge:
    """Judges one office's changes in order. ``rejected`` and ``subjects`` start from what the platform already
    holds for the entities this bundle refers to, and learn from each change."""

    rejected: dict[tuple[str, str], tuple[int, str]]   # (entity, id) -> (change id that was rejected, code)
    subjects: dict[str, str]                           # office-local subject id -> subject_no
    cleared: set[tuple[str, str]] = field(default_factory=set)
    new_subjects: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # id -> (no, kind, name)
    today: dt.date = dt.date.max  # the platform's date (a decision dated after it is refused); max = no clock
    # (entity, id) -> op of the change that left it rejected (None: not known, recorded before att20b)
    ops: dict[tuple[str, str], str | None] = field(default_factory=dict)
    # office-local subject id -> (subject_no the platform held before this bundle, the one it holds now)
    renumbered: dict[str, tuple[str, str]] = field(default_factory=dict)
    # the platform's date for a birth date carried by an ID number (None: the machine's date, read once)
    id_today: dt.date | None = None
    # R12 way 1 (att39a): the listings withdrawn as wrongful, as ("case", id): the platform's and this bundle's
    withdrawn: set[tuple[str, str]] = field(default_factory=set)

    def __post_init__(self) -> None:
        if self.id_today is None:
            self.id_today = dt.date.today()

    def check(self, change: dict, pointers: list[tuple[str, str]] | None = None) -> tuple[str, str, str] | None:
        """(code, reason_zh, reason_en) when the change is rejected, else None; ``pointers`` = refs(change)."""
        self._on_itself = False
        problem = self._problem(change, refs(change) if pointers is None else pointers)
        key = (change["entity"], change["entity_id"])
        if problem:
            if not self._on_itself:  # rejected for resting on its own entity: that stays rejected as it was
                self.rejected[key] = (change["id"], problem[0])
                self.ops[key] = change["op"]
            self.cleared.discard(key)
        else:
            if key in self.rejected:
                del self.rejected[key]
                self.cleared.add(key)
            if change["entity"] == "case" and WITHDRAWING["case"] == change["op"]:
                self.withdrawn.add(key)
        return problem

    def _problem(self, change: dict, pointers: list[tuple[str, str]]) -> tuple[str, str, str] | None:
        last = pointers[-1][0]
        if last is MALFORMED:  # R7 (att39b): a pointer that is no id, whatever the entity
            return _ref_invalid(pointers[-1][1])
        if last is MISMATCH:  # R6/R7 (att39e): a listing's subject copy and its subject_id name two subjects
            return _SUBJECT_MISMATCH
        state, entity, op = change["state"], change["entity"], change["op"]
        if entity == "subject" and op in _SUBJECT_OPS:
            problem = _subject_problem(state, self.id_today)
            if problem is None:
                sid, no = change["entity_id"], subject_no(state)
                before = self.renumbered.get(sid, (self.subjects.get(sid),))[0]
                if before is not None and before != no:
                    self.renumbered[sid] = (before, no)  # R7 (att20b): its listings follow it
                elif self.renumbered:
                    self.renumbered.pop(sid, None)
                self.subjects[sid] = no
                self.new_subjects[sid] = (no, state["kind"], state["name"])
            return problem
        if entity == DECISION:
            # R21: judged by its data elements, each change whole (its own earlier rejection holds it back no
            # more than it does a creating op); R13 (att39b): and by what it points at — a repair_stop whose repair
            # (repair_id) was rejected was accepted, and the office showed the repair's effect as confirmed
            problem = decision_problem(state, self.today)
            for ent, ident in pointers[1:] if problem is None else ():  # usually none
                if (ent, ident) in self.rejected:
                    return _depends((ent, ident), *self.rejected[ent, ident])
                if ent == "subject" and ident not in self.subjects:
                    return _not_shared(ident)
            return problem
        if self.withdrawn and WITHDRAWING.get(entity) != op and (entity, change["entity_id"]) in self.withdrawn:
            # R12 way 1 is final: a withdrawn listing is never stated again (att39a). Only its own rows: a case
            # opened out of it (origin_case_id) or a repair about it and another listing still stand on their own;
            # the refusal leaves the case as it was (withdrawn, not rejected: what names it is not refused with it)
            self._on_itself = True
            return ("R12_CASE_WITHDRAWN",
                    f"认定案件（编号 {change['entity_id']}）已作为误列撤销，平台不再接收它的变更（R12）。",
                    f"Listing case {change['entity_id']} was withdrawn as wrongful; the platform takes no further "
                    "change of it (R12).")
        for i, ref in enumerate(pointers):
            if i == 0 and (op in CREATING_OPS or WITHDRAWING.get(entity) == op or ref in self.rejected and (
                    self.ops.get(ref) == op or (op in UNDOES and self.ops.get(ref) == UNDOES[op]))):
                # a whole restatement of itself, or the rejected change sent again (the office's requeue: same op,
                # a new change id; att20b: a re-sent listing decision was rejected for ever as resting on its own
                # earlier rejection): judged by what it points at
                continue
            if ref in self.rejected:
                self._on_itself = i == 0
                return _depends(ref, *self.rejected[ref])
        for ent, ident in pointers[1:]:
            if ent == "subject" and ident not in self.subjects:
                return _not_shared(ident)
        return None

    def subject_of(self, change: dict) -> str | None:
        """subject_no of the subject an accepted change is about (for the cross-office view), when known."""
        state = change["state"]
        if change["entity"] == "subject":
            return subject_no(state)
        subj = state.get("subject")
        if subj is not None:  # accepted: a dict with a well-formed id (refs), the subject shared (SUBJECT_NOT_SHARED)
            # R7 (att20b): the copy of the subject a listing carries may be stale (a requeue re-sends the state of
            # the day, with the USCC since corrected): the national id the platform holds for that subject wins.
            # att39b: and a copy without the ID fields ({"id": 1}) is filed under it too (it was filed with none)
            return self.subjects.get(_subject_ref(subj["id"])) or subject_no(subj)
        ref = state.get("subject_id")
        return self.subjects.get(_subject_ref(ref)) if ref is not None else None


DECISION = "admin_decision"


class Purge(NamedTuple):
    """What an accepted change takes off the platform: the rows filed before it (change id ``before``)."""
    entity: str
    entity_id: str
    before: int
    ops: tuple[str, ...] | None  # the entity's own rows of these ops (None: all of them)
    doc_type: str | None         # a case's documents (object_type "case") of this type (None: of every type)
    listing: bool                # a listing withdrawn: the objections about it and the repair requests (with their
    #                              documents) about nothing but withdrawn listings go too


def purge_of(change: dict) -> Purge | None:
    """R12 way 1 (1798号 (二十) "相关信息不予保存"; att39a): the platform keeps nothing of a listing withdrawn as wrongful
    filed before its withdrawal — its rows, its documents, the objections and repair requests about it (the apology
    after it stays) — nor of a flag withdrawn with it (R11); R10: a red listing restored keeps no removal on the wrong
    listing's account, nor its exit announcement (the office sends none not yet sent, ``services.sync.RESTORE``)."""
    entity, op, eid = change["entity"], change["op"], change["entity_id"]
    if WITHDRAWING.get(entity) == op:
        return Purge(entity, eid, change["id"], None, None, entity == "case")
    if entity == "case" and op in UNDOES:
        return Purge(entity, eid, change["id"], (UNDOES[op],), "exit_announcement", False)
    return None


def decision_problem(state: dict, today: dt.date) -> tuple[str, str, str] | None:
    """R21: a 双公示 decision carries its national data elements, valid (the same pure checks the office ran,
    ``domain.disclosure.check_decision``), and its publication deadline."""
    _decision, errors = disclosure.check_decision(state, today)
    if errors:
        e = disclosure.first_error(errors)
        return ("DECISION_INVALID", f"许可或处罚决定的数据项不合格：{e.zh}", f"The decision's data elements are invalid: {e.en}")
    if not isinstance(state.get("publish_due"), str) or state.get("state") not in {s.value for s in
                                                                                   disclosure.DecisionState}:
        return ("DECISION_INCOMPLETE", "许可或处罚决定缺少公示期限或状态。", "The decision lacks its deadline or state.")
    # att20b: the two dates the platform files in date columns were only checked to be text: "abc" made the whole
    # bundle fail inside (500, retried by the office for ever) instead of this change being rejected with a reason
    if not _iso_date(state["publish_due"]) or state.get("publication_end") is not None and not _iso_date(
            state.get("publication_end")):
        return ("DECISION_INCOMPLETE", "许可或处罚决定的公示期限或公示截止日期不是有效日期（YYYY-MM-DD）。",
                "The decision's deadline or publication end is not a valid date (YYYY-MM-DD).")
    return None


def _iso_date(value) -> bool:
    if not isinstance(value, str) or len(value) != 10:
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def decision_row(office: str, seq: int, change: dict) -> tuple:
    """The platform's current row of an accepted decision change (pgstore.upsert_decisions)."""
    s = change["state"]
    code = s.get("uscc") or s.get("id_number") or ""
    return (office, change["entity_id"], s["kind"], s["doc_number"], s["authority_uscc"], s["party_kind"],
            s["party_name"], code, s["decision_date"], s.get("publish_due"), s.get("tier"), s.get("publication_end"),
            s["state"], seq, change["id"], json.dumps(s, ensure_ascii=False))


def _depends(ref: tuple[str, str], change_id: int, code: str) -> tuple[str, str, str]:
    zh, en = _NAMES.get(ref[0], (ref[0], ref[0]))
    return ("DEPENDS_ON_REJECTED",
            f"本变更所依据的{zh}（编号 {ref[1]}，变更 {change_id}，原因 {code}）已被平台退回，本变更一并退回；"
            f"请先更正并重新报送该{zh}。",
            f"This change rests on {en} {ref[1]} (change {change_id}, {code}), which the platform rejected; "
            f"it is rejected too. Correct and resend that {en} first.")


def _not_shared(ident: str) -> tuple[str, str, str]:
    return ("SUBJECT_NOT_SHARED", f"所涉信用主体（编号 {ident}）尚未报送平台，请先报送该主体。",
            f"The subject (id {ident}) has not been sent to the platform; send it first.")


def _ref_invalid(field: str) -> tuple[str, str, str]:
    return ("REF_INVALID",
            f"变更中的引用「{field}」缺失或不是有效编号（应为整数，或不超过 {MAX_FIELD_CHARS} 个字符的文本）："
            f"平台无法判断本变更所依据的内容，本变更退回；请按系统导出的格式重新报送。",
            f"The reference {field} is missing or not a valid id (an integer, or text of at most {MAX_FIELD_CHARS} "
            f"characters): the platform cannot tell what this change rests on, so it is rejected; resend it as the "
            f"office's export writes it.")


_SUBJECT_MISMATCH = (
    "SUBJECT_MISMATCH",
    "变更所附信用主体信息的编号「subject.id」与所涉信用主体编号「subject_id」不一致：一条名单只涉及一个信用主体，"
    "平台无法判断应归于哪一主体，本变更退回；请按系统导出的格式重新报送。",
    "The id of the subject copy (subject.id) and the subject the change names (subject_id) differ: a listing is "
    "about one subject, and the platform cannot tell which, so it is rejected; resend it as the office's export "
    "writes it.")


def _subject_problem(state: dict, today: dt.date) -> tuple[str, str, str] | None:
    get = state.get  # issue 18: asked once per subject received; the four fields read once each
    kind, name, id_type, number = get("kind"), get("name"), get("id_type"), get("id_number")
    if not (kind and name and id_type and number and isinstance(kind, str) and isinstance(name, str)
            and isinstance(id_type, str) and isinstance(number, str)):
        return ("SUBJECT_INCOMPLETE", "信用主体缺少名称、证件类型或证件号码。",
                "The subject lacks a name, an ID type or an ID number.")
    info = get("id_exception")
    excepted = info is not None and id_type == "uscc" and _approved_exception(info)
    if len(kind) + len(id_type) + len(number) > 128:  # no real ID is that long: judged, not cached (cache stays small)
        return _id_problem.__wrapped__(kind, id_type, number, excepted, today)
    return _id_problem(kind, id_type, number, excepted, today)


@lru_cache(maxsize=1 << 16)
def _id_problem(kind: str, id_type: str, id_number: str, excepted: bool,
                today: dt.date) -> tuple[str, str, str] | None:
    """The verdict on one subject's ID, cached per distinct code (issue 20: the same subjects come back in bundle
    after bundle, and the checks were a hot spot of the intake); ``today`` is in the key because a birth date
    carried by the number is checked against it (``ids.normalize_id``)."""
    try:
        if excepted:
            number = check_uscc_exception(id_number)  # issue 15: only the check character may be at fault
        else:
            number = check_kind_and_id(kind, id_type, id_number, today)
    except ValidationError as exc:
        return ("SUBJECT_ID_INVALID", exc.zh, exc.en)
    if number != id_number:
        # R7 (att18b): the checks judge the number cleaned (full width, case, spaces, invisible characters), but the
        # platform files it as sent — under a national key the cross-office view never finds. An office stores the
        # cleaned number (domain.subjects), so only an office that wrote its bundle otherwise sends another form.
        return ("SUBJECT_ID_INVALID",
                "证件号码不是规范写法（含全角字符、小写字母、空格或不可见字符），请按系统规范后的号码重新报送。",
                "The ID number is not in its normalized form (full-width or lower-case characters, spaces or "
                "invisible characters); resend it as normalized.")
    return None


def _approved_exception(info) -> bool:
    """A check-character exception the office approved with four eyes (requester and approver differ)."""
    return (isinstance(info, dict) and info.get("kind") == "uscc_check" and bool(info.get("reason"))
            and bool(info.get("approved_by")) and info.get("approved_by") != info.get("requested_by"))
