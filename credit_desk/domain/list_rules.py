"""List-level rules: the red/black cross-check (R10), the watch list and big-data alert (R11), and exits (R12).

"Domain" (领域) for R11 is the deciding department's field of administration entered on the case (e.g. 税务,
生态环境, 市场监管) — not the catalogue group, which sorts kinds of information rather than fields of
administration, and a watch listing need not rest on a catalogue record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from credit_desk.domain.cases import Case, CaseState, ExitWay, ListType
from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.rulesets import add_months

# R11 national default (1798号 (十七)): watch lists in this many domains flag the 大数据警示名单.
# An office changes it with the setting ``big_data_alert_domains``.
BIG_DATA_ALERT_DOMAINS = 3
ALERT_KIND = "big_data_warning"


def check_r10_red_candidate(black_case_ids: list[int]) -> None:
    """R10: a red-list candidate that is on any black list is refused."""
    if black_case_ids:
        ids = "、".join(str(i) for i in black_case_ids)
        raise DomainError("R10_RED_BLOCKED_BY_BLACK",
                          f"该主体已列入严重失信主体名单（案件{ids}），不得列入守信激励对象名单。",
                          f"The subject is on a black list (case {ids}); it cannot be put on a red list.",
                          field="subject_id")


# R10 / 1798号 (八): a red list's initial list is published (公示) for objection before it is decided. The seeds
# give no period: this is our local default, changed with the setting ``red_publication_workdays``.
RED_PUBLICATION_WORKDAYS = 5


def notice_document(list_type: ListType) -> str:
    """R5/R10: the document that opens the objection window — a red list's public notice (公示), or the prior
    notice (预先告知书) served on the party of a dishonesty listing."""
    return "red_publication" if list_type is ListType.RED else "prior_notice"


# The printed decision of each list (a red listing is published, 公示, and has no decision template yet).
DECISION_DOCUMENT = {ListType.BLACK: "listing_decision", ListType.WATCH: "watch_warning"}
OBJECTION_DOCUMENTS = ("objection_accepted", "objection_result")
# R5 (49号 四(八)): not listing is a lawful outcome of the procedure, handed to the party as a numbered decision.
NOT_LISTED_DOCUMENT = "not_listed_decision"
_DECIDED = (CaseState.LISTED, CaseState.EXITED)


def stage_documents(list_type: ListType, state: CaseState, has_objections: bool = False) -> tuple[str, ...]:
    """R5/R12/R13: the notices a case can have at its stage, the stage's own document first (issue 17 item 7).

    Before the decision only the notice that opens the objection window (and, once an objection was registered,
    its acceptance and result notices — the served notice stays printable while the objection is examined); after
    a listing its decision and, for the black and watch lists, the 信用修复告知书 served with it (R13 两书同达);
    after an exit the exit announcement (R12); after a decision not to list (directly, or because an objection was
    founded) its numbered 不予列入决定书 (R5). A listing withdrawn as wrongful prints only its apology and
    correction (R12 way 1). The prior notice (the red list's 公示) is printed only before the decision
    (``documents.context.prior_notice`` / ``red_publication`` refuse it later, DOC_CASE_STATE): a notice first
    numbered and printed after the decision would be a paper dated after the listing it should have preceded. A
    copy of the notice printed in time is reprinted from the register (副本); it is not offered here."""
    if state is CaseState.WITHDRAWN_WRONGFUL:
        return ("apology_letter", "correction_announcement")
    notice = notice_document(list_type)
    objection = OBJECTION_DOCUMENTS if has_objections else ()
    decided = ()
    if state in _DECIDED and list_type in DECISION_DOCUMENT:
        decided = (DECISION_DOCUMENT[list_type], "repair_notice")
    if state is CaseState.EXITED:
        return ("exit_announcement", *decided, *objection)
    if state is CaseState.LISTED:
        return (*decided, *objection)
    if state is CaseState.NOT_LISTED:  # R5: the numbered decision not to list, however it was reached
        return (NOT_LISTED_DOCUMENT, *objection)
    if state is CaseState.OBJECTION_UNDER_REVIEW:
        return (*objection, notice)
    return (notice, *objection)


def removes_red_entries(list_type: ListType) -> bool:
    """R10: a black listing (1798号 (七)) and a watch listing (1798号 (十九) 二) take the subject off every red
    list."""
    return list_type in (ListType.BLACK, ListType.WATCH)


def red_removal_note(list_type: ListType, case_id: int) -> str:
    """R10: the exit note of a red listing taken off by a black or watch listing — written at that decision, and
    read by a way-1 withdrawal of that listing to find the red listings it took off (``reds_removed_by``)."""
    return f"因列入{list_type.zh}（案件{case_id}）删除"


def reds_removed_by(case: Case, cases: Iterable[Case]) -> list[Case]:
    """R10 with R12 way 1: the red listings among ``cases`` that ``case`` took off its list."""
    note = red_removal_note(case.list_type, case.id)
    return [r for r in cases if r.list_type is ListType.RED and r.state is CaseState.EXITED
            and r.exit_way == ExitWay.BLACK_LISTED.value and r.exit_note == note]


def red_course_after_withdrawal(red: Case, remaining: Iterable[Case], on: dt.date) -> ExitInput | None:
    """R10 with R12 way 1 (1798号 (十九) 二, (二十) "相关信息不予保存", (二十三) 更正诚信记录、恢复名誉): a red listing
    taken off only because of a listing later withdrawn as wrongful was taken off on no ground. Returns None when it
    is back on its list (its validity runs on); else how it left after all: removed by the first other black or
    watch listing of the subject (``remaining``, none withdrawn) decided within its validity, on that day; or, its
    validity having ended by ``on``, at the end of it (way 3, the day after)."""
    later = sorted((c for c in remaining
                    if removes_red_entries(c.list_type) and c.state in _DECIDED and c.decided_on is not None
                    and red.decided_on is not None and c.decided_on >= red.decided_on
                    and (red.valid_until is None or c.decided_on <= red.valid_until)),
                   key=lambda c: (c.decided_on, c.id or 0))
    if later:
        first = later[0]
        return ExitInput(ExitWay.BLACK_LISTED, first.decided_on, note=red_removal_note(first.list_type, first.id))
    if red.valid_until is not None and expiry_exit_date(red) <= on:
        return ExitInput(ExitWay.EXPIRED, expiry_exit_date(red), note="有效期届满自动移出")
    return None


def check_r11_watch_entry(case: Case) -> None:
    """R11: a watch listing comes with a warning letter (警示函) and a validity period."""
    if case.list_type is not ListType.WATCH:
        return
    if not (case.warning_letter or "").strip():
        raise ValidationError("R11_WARNING_LETTER", "列入重点关注名单须向主体发出警示函（请填写警示函文号）。",
                              "A watch listing needs a warning letter (give its number).", field="warning_letter")
    if not (case.domain or "").strip():
        raise ValidationError("R11_DOMAIN_REQUIRED", "请写明认定部门所属领域（如税务、生态环境），用于大数据警示。",
                              "Name the deciding department's domain (e.g. tax), used for the big-data alert.",
                              field="domain")


def check_r11_watch_basis(list_type: ListType, tiers: list[str]) -> None:
    """R11 / 1798号 (十六): a watch listing takes 较重 (general or serious) dishonesty, or slight dishonesty that
    happened more than once — never a single slight act. ``tiers``: the tiers of the records it rests on (unknown
    tiers left out). Raises ``R11_WATCH_BASIS``."""
    known = [t for t in tiers if t]
    if list_type is ListType.WATCH and known and all(t == "slight" for t in known) and len(known) < 2:
        raise DomainError("R11_WATCH_BASIS", "列入重点关注名单须为较重失信行为，或多次发生的轻微失信行为；"
                          "仅一次轻微失信行为不能列入（1798号（十六））。",
                          "A watch listing takes general or serious dishonesty, or slight dishonesty repeated; a "
                          "single slight act is not enough.", field="record_ids")


def check_r4_black_basis(list_type: ListType, tiers: list[str]) -> None:
    """R4 / 49号 四(六) with R9 and R11 / 1798号 (十六): a black listing takes serious dishonesty — each of the four
    grounds is a 严重 act. Slight (轻微) dishonesty is handled with leniency (R9), and even repeated it goes no
    further than the watch list (1798号 (十六)). So a black listing resting only on slight records is below the
    black-list bar whatever the clerk types as its ground. (How heavy the measures on a 一般 record may be is R8's,
    ``check_r8_measures``.) ``tiers``: the tiers of the records it rests on (unknown tiers left out; none known:
    not judged here). Raises ``R4_BLACK_BASIS``."""
    known = [t for t in tiers if t]
    if list_type is ListType.BLACK and known and all(t == "slight" for t in known):
        raise DomainError("R4_BLACK_BASIS", "列入严重失信主体名单须依据严重失信行为：所依据的失信信息均为「轻微」，"
                          "未达到严重失信主体名单认定标准（轻微失信行为依法宽容审慎处理，多次发生的至多列入重点关注名单）。",
                          "A black listing rests on serious dishonesty: every record it rests on is slight, below "
                          "the black-list bar (slight acts are treated with leniency; repeated, they go on the watch "
                          "list at most).", field="record_ids")


def alert_due(domains: set[str], threshold: int = BIG_DATA_ALERT_DOMAINS) -> bool:
    """R11: watch lists in ``threshold`` or more different domains flag the 大数据警示名单."""
    return len({d.strip() for d in domains if d and d.strip()}) >= threshold


def alert_rests_on(domains: Iterable[str], raised_on: dt.date, wrong: Case, cases: Iterable[Case],
                   threshold: int = BIG_DATA_ALERT_DOMAINS) -> bool:
    """R11 with R12 way 1 (1798号 (二十) "相关信息不予保存"; att38c): whether a 大数据警示 flag raised on ``raised_on``
    for ``domains`` stood on the watch listing ``wrong`` (as it was before its withdrawal): it was in force that day,
    no other watch listing of its domain among ``cases`` (none withdrawn) was, and without its domain the flag's
    domains fall below ``threshold``."""
    if wrong.list_type is not ListType.WATCH or wrong.domain not in domains or wrong.decided_on is None:
        return False
    if not (wrong.decided_on <= raised_on and (wrong.exited_on is None or raised_on < wrong.exited_on)):
        return False
    if any(c.id != wrong.id and c.list_type is ListType.WATCH and c.domain == wrong.domain and c.state in _DECIDED
           and c.decided_on is not None and c.decided_on <= raised_on
           and (c.exited_on is None or raised_on < c.exited_on) for c in cases):
        return False
    return not alert_due(set(domains) - {wrong.domain}, threshold)


def opens_black_case(tier_serious: bool, on_watch_list: bool) -> bool:
    """R11: serious behaviour while on the watch list opens a black-list case."""
    return tier_serious and on_watch_list


@dataclass(frozen=True)
class ExitInput:
    """What an exit needs, by way (R12)."""

    way: ExitWay
    exit_on: dt.date
    consent: str | None = None          # way 2: the deciding department's consent
    standard_change: str | None = None  # way 4: the changed standard
    apology_number: str | None = None   # way 1: the written apology and clarification
    apology_on: dt.date | None = None
    watch_months: int | None = None     # black exits except way 1: the watch period the department set
    note: str | None = None
    warning_letter_number: str | None = None  # R5/R11: the hand-issued warning letter served on the exit day


def check_r12_exit(case: Case, ex: ExitInput) -> None:
    """R12: each way's condition; a case must be listed to leave its list (way 1 also once it has ended)."""
    if ex.way is ExitWay.WRONGFUL:
        check_r12_wrongful_reachable(case)  # R12 way 1: listed, or an ended black or watch listing
    elif case.state is not CaseState.LISTED:
        raise DomainError("R12_NOT_LISTED", f"案件当前状态为「{case.state.zh}」，不在名单上，不能移出。",
                          f"The case is {case.state.value}, not listed; it cannot exit.", field="state")
    if case.decided_on and ex.exit_on < case.decided_on:
        raise ValidationError("R12_DATE_ORDER", "移出日期不能早于认定日期。",
                              "The exit date cannot precede the decision date.", field="exit_on")
    if ex.way is ExitWay.WRONGFUL and not ((ex.apology_number or "").strip() and ex.apology_on):
        raise ValidationError("R12_APOLOGY_REQUIRED", "误列撤销须出具书面道歉及澄清函（请填写文号和日期）。",
                              "A wrongful listing needs a written apology (give its number and date).",
                              field="apology_number")
    if ex.way is ExitWay.REPAIRED and not (ex.consent or "").strip():
        raise ValidationError("R12_CONSENT_REQUIRED", "信用修复后提前移出须经认定部门同意（请填写同意文件或意见）。",
                              "An early exit after repair needs the deciding department's consent.",
                              field="consent")
    if ex.way is ExitWay.EXPIRED and (case.valid_until is None or ex.exit_on <= case.valid_until):
        # R12 way 3: the last valid day is still on the list; the exit is the day after
        until = case.valid_until.isoformat() if case.valid_until else "—"
        raise DomainError("R12_NOT_EXPIRED", f"有效期至{until}（含当日），届满次日方可按期满移出。",
                          f"The validity runs to {until} inclusive; the exit is the day after.", field="exit_on")
    if ex.way is ExitWay.EXPIRED and ex.exit_on != expiry_exit_date(case):
        # R12 way 3: the listing left on the day after its validity ended, whenever the exit is recorded
        day = expiry_exit_date(case).isoformat()
        raise ValidationError("R12_EXPIRY_DATE", f"按期满移出的日期为有效期届满次日（{day}），不能记为"
                              f"{ex.exit_on.isoformat()}。",
                              f"An exit at expiry is dated the day after the validity ended ({day}), not "
                              f"{ex.exit_on.isoformat()}.", field="exit_on")
    if ex.way is ExitWay.STANDARD_CHANGED and not (ex.standard_change or "").strip():
        raise ValidationError("R12_STANDARD_CHANGE_REQUIRED", "请写明已改变的认定标准及其文号。",
                              "Name the changed standard.", field="standard_change")
    if ex.way is ExitWay.BLACK_LISTED and case.list_type is not ListType.RED:
        raise DomainError("R12_WAY_NOT_FOR_LIST", "该移出方式只适用于守信激励对象名单。",
                          "That exit way applies only to red lists.", field="way")
    if needs_post_exit_watch(case, ex.way) and not (ex.watch_months or case.post_exit_watch_months):
        raise ValidationError("R12_WATCH_PERIOD_REQUIRED", "移出严重失信主体名单后须列入重点关注名单，请写明认定部门确定的期限（月）。",
                              "After leaving a black list the subject goes on the watch list; give the period.",
                              field="watch_months")


def needs_post_exit_watch(case: Case, way: ExitWay) -> bool:
    """R12: after leaving a black list, except as wrongful, the subject goes onto the watch list — but not when
    every record the listing rested on was revoked (R3, ``end_due`` set): a watch listing needs an effective
    record of its own (R1)."""
    return case.list_type is ListType.BLACK and way is not ExitWay.WRONGFUL and case.end_due is None


def post_exit_watch_records(black: Case, effective_record_ids: set[int]) -> tuple[int, ...]:
    """R1 / R3 with R12 / 1798号 (十八): the watch listing that follows a black listing's exit carries on the same
    dishonesty information, so it rests on the black listing's records that are still effective — a revocation of
    their basis document then reaches it like any listing. Never refuses: the exit runs inside the daily expiry
    check, and a black listing made before R1 was enforced (an older ledger) may rest on no record; refusing there
    would stop every expiry of the office."""
    return tuple(r for r in black.record_ids if r in effective_record_ids)  # R1 / R3


def post_exit_watch_until(case: Case, ex: ExitInput) -> dt.date:
    """The end of the watch period the department set (at the exit, or at the decision)."""
    months = ex.watch_months or case.post_exit_watch_months or 0
    return add_months(ex.exit_on, months)


def expiry_exit_date(case: Case) -> dt.date:
    """R12 way 3: a listing leaves its list the day AFTER its validity ends (the last valid day is still listed)."""
    return case.valid_until + dt.timedelta(days=1)


def expired(case: Case, today: dt.date) -> bool:
    """R12 way 3: a listing whose validity ended before ``today`` leaves its list automatically."""
    return case.state is CaseState.LISTED and case.valid_until is not None and today > case.valid_until


def wrongful_reachable(case: Case) -> bool:
    """R12 way 1: whether the listing can still be withdrawn as wrongful (see ``check_r12_wrongful_reachable``)."""
    return case.state is CaseState.LISTED or (case.state is CaseState.EXITED and case.list_type is not ListType.RED)


def check_r12_wrongful_reachable(case: Case) -> None:
    """R12 way 1 / R19: a listing in force, and a black or watch listing that has already ended (at expiry, after
    repair, on a changed standard), can be withdrawn as wrongful. 1798号 (二十三): whoever was wrongly put on a
    dishonesty list has the right to have the credit record corrected (更正当事人的诚信记录), a written apology and
    clarification, and the name restored — an ended listing still stands in the register as a valid decision,
    stays in shared data ((二十): kept after an exit, but "对于因主体认定有误而列入名单的，相关信息不予保存"), and after
    a black list the automatic watch listing of (十八) rests on it ("误列入黑名单的除外"). Not a red list that has
    ended: (十九) 一 only deletes a subject from a red list it is on, and (二十三) answers a wrong red listing by
    recovering the benefits it brought (收回权益), not by an apology to the party — no party is wronged by a red
    listing that no longer runs. Raises ``R12_NOT_LISTED`` (never listed, or already withdrawn) or
    ``R12_RED_ENDED``."""
    if wrongful_reachable(case):
        return
    if case.state is CaseState.EXITED:  # R12 way 1 / 1798号 (十九)(二十三): an ended red listing
        raise DomainError("R12_RED_ENDED", "守信激励对象名单已移出，不适用误列撤销：误列入守信激励对象名单的，应尽可能收回"
                          "其因联合激励获得的权益（发改财金规〔2017〕1798号（十九）（二十三））。",
                          "The red listing has ended; wrongful withdrawal does not apply to it: benefits gained "
                          "through a wrong red listing are recovered instead (NDRC 2017 No. 1798, items 19 and 23).", field="state")
    raise DomainError("R12_NOT_LISTED", f"案件当前状态为「{case.state.zh}」，未曾列入名单或已撤销，不能按误列撤销。",
                      f"The case is {case.state.value}: it was never listed or is already withdrawn; it cannot be "
                      "withdrawn as wrongful.", field="state")


def withdrawn_with(case: Case, followers: list[Case]) -> list[Case]:
    """R12 way 1 with 1798号 (十八): after a black list "应立即将其列入重点关注名单(误列入黑名单的除外)" — a wrong black
    listing is followed by no watch listing. The automatic watch listing that came out of this black listing's
    exit (origin ``post_exit``) rests on nothing else, so it is withdrawn as wrongful in the same step, listed or
    already ended, with its own documents withdrawn; a watch listing decided on its own is not touched."""
    if case.list_type is not ListType.BLACK:
        return []
    return [w for w in followers if w.list_type is ListType.WATCH and w.origin == "post_exit"
            and w.origin_case_id == case.id and wrongful_reachable(w)]


def repairs_withdrawn_with(case_id: int, repairs) -> list[int]:
    """R12 way 1 / 1798号 (二十) "对于因主体认定有误而列入名单的，相关信息不予保存" and (二十三) 更正诚信记录: the
    credit repair requests about a wrong listing (its acceptance, non-acceptance, supplement and repair decision
    notices name the listing and its decision number, and an early exit after repair is part of the listing's
    history) go with it: their documents are withdrawn and verify as withdrawn. Only a request about nothing but
    this listing: one that also names a record keeps its documents for that record's repair. ``repairs``: the
    requests naming the case (objects with ``id`` and ``targets`` = ((kind, id), …)). Returns their ids."""
    return [r.id for r in repairs
            if r.targets and all(kind == "case" and int(tid) == case_id for kind, tid in r.targets)]


class WithdrawOrigin(StrEnum):
    """R12 way 1 starts from a party's objection, or from the office's own finding (主动发现, 1798号 (二十三))."""

    OBJECTION = "objection"
    OWN_FINDING = "own_finding"


def check_r12_withdrawal_proposal(case: Case, origin: WithdrawOrigin, *, objection_about_case: bool | None,
                                  finding: str | None) -> None:
    """R12 way 1: only a listing (in force, or an ended black or watch listing) can be withdrawn as wrongful, and
    only on a stated ground: an objection about this listing (or a record it rests on), or the office's own finding
    written out (主动发现, 1798号 (二十三))."""
    check_r12_wrongful_reachable(case)  # R12 way 1 / R19
    if origin is WithdrawOrigin.OBJECTION and not objection_about_case:
        raise ValidationError("R12_OBJECTION_MISMATCH", "误列撤销所依据的异议须针对本案件或其所依据的失信信息。",
                              "The objection must be about this listing or a record it rests on.",
                              field="objection")
    if origin is WithdrawOrigin.OWN_FINDING and not (finding or "").strip():
        raise ValidationError("R12_FINDING_REQUIRED", "本单位主动发现认定有误的，请写明发现的情况。",
                              "Describe what the office found wrong.", field="finding")


def check_r12_way1_two_people(way: ExitWay) -> None:
    """R12 way 1 is never a one-person exit: it is proposed, then approved by a second person."""
    if way is ExitWay.WRONGFUL:
        raise DomainError("R12_WITHDRAW_TWO_PEOPLE", "误列撤销须先提出撤销（附异议或本单位发现的情况），"
                          "再由另一位负责人批准后执行。",
                          "A wrongful listing is withdrawn in two steps: one person proposes it, a second "
                          "senior person approves it.", field="way")


def check_r12_way2_through_repair(way: ExitWay) -> None:
    """R12 way 2 / R13 (1798号 (十八) 二; 国家发展改革委令2025年第36号): an early exit after repair is the outcome of a
    credit repair — an application, its conditions (shortest period passed, obligations met, a signed commitment)
    and the deciding department's decision — never a typed consent on the exit form. Raises
    ``R12_WAY2_THROUGH_REPAIR``."""
    if way is ExitWay.REPAIRED:
        raise DomainError("R12_WAY2_THROUGH_REPAIR", "信用修复后提前移出须通过信用修复办理：当事人提出信用修复申请，"
                          "经受理并由认定部门作出准予修复的决定后自动移出；不能在移出时直接填写同意意见。",
                          "An early exit after repair comes only from a credit repair: the party applies, the "
                          "application is accepted and the deciding department decides to repair; the listing then "
                          "leaves by itself. A typed consent on the exit is no path around it.", field="way",
                          cli="repair apply --subject ID --case ID …；repair accept；repair decide")


def check_r12_withdrawal_approver(proposed_by: str | None, approver: str) -> None:
    """R12 way 1, four eyes: a withdrawal proposed by one person is carried out only by a second person."""
    if proposed_by is None:
        raise DomainError("R12_WITHDRAWAL_NOT_PROPOSED", "尚未提出误列撤销，请先提出撤销（附异议或本单位发现的情况）。",
                          "No withdrawal has been proposed for this listing; propose it first.", field="case_id")
    if proposed_by == approver:
        raise DomainError("FOUR_EYES", "提出误列撤销的人员不能自行批准，请由另一位负责人批准。",
                          "The person who proposed the withdrawal cannot approve it; a second person must.",
                          field="approved_by")


# R3 (苏信用办〔2022〕7号 一(二)): when every record a listing rests on is revoked, the listing loses its basis; the
# deciding department ends it (way 1 or 4) within this many working days. The seeds give no period: this is our
# local default, changed with the setting ``basis_revoked_end_workdays``.
BASIS_REVOKED_END_WORKDAYS = 10


def basis_revoked_end_overdue(case: Case, today: dt.date) -> bool:
    """R3: a listing whose basis records are all revoked and whose department let its end deadline pass leaves
    the list by the daily check (way 4: it no longer meets the standard), the day after the deadline."""
    return case.state is CaseState.LISTED and case.end_due is not None and today > case.end_due


def basis_revoked_exit(case: Case) -> ExitInput:
    """R3 / R12 way 4: the automatic end of a listing whose basis was revoked, dated the day after its deadline."""
    return ExitInput(ExitWay.STANDARD_CHANGED, case.end_due + dt.timedelta(days=1),
                     standard_change="认定所依据的失信信息已全部撤销（其认定依据文书被撤销或确认无效），不再符合认定标准；"
                                     f"认定部门未在{case.end_due.isoformat()}前作出移出决定，依规自动移出",
                     note="依据撤销逾期自动移出")


# R3 at the platform (att39g): the state a listing is shared as when every record it rests on was revoked. At the
# office the case stays "listed" until the deciding department ends it (way 1 or 4, ``end_due``), but its measures
# stopped the day of the revocation: it is no listing in force, and the platform must not answer it as one.
SHARED_BASIS_REVOKED = "basis_revoked"


def shared_state(case: Case) -> str:
    """R3 / R12: the state the platform reads for a listing (the ``state`` of the changes that state one): its own,
    except a listing whose basis records were all revoked (``end_due`` set, measures stopped) is ``basis_revoked``
    — not in force — until its department ends it."""
    if case.state is CaseState.LISTED and case.end_due is not None:
        return SHARED_BASIS_REVOKED
    return case.state.value


def basis_all_revoked(case: Case, effective_record_ids: set[int]) -> bool:
    """R3: a listing resting on records, none of which is still effective."""
    return bool(case.record_ids) and not (set(case.record_ids) & effective_record_ids)


def post_exit_watch_max_months(longest_periods) -> int:
    """R12 / 1798号 (十八): the longest watch period a department may set after a black listing ends. The seeds
    leave the period to the department ("有效期由之前将其列入黑名单的部门确定") and give no number; the dated rule
    set bounds it (R20): the watch listing carries on the same dishonesty information, which is published at most
    for the longest period of its heaviest tier (国家发展改革委令2025年第36号: 严重 3 years = 36 months).
    ``longest_periods``: the rule set's ``max_months`` of each tier (unknown ones left out)."""
    known = [m for m in longest_periods if m]
    return max(known) if known else 0


def check_r12_watch_months(months: int | None, most: int, field: str = "post_exit_watch_months") -> None:
    """R12 / 1798号 (十八) + R13: a post-exit watch period, when given, is 1 to ``most`` months
    (``post_exit_watch_max_months`` of the rule set in force). Raises ValidationError ``R12_WATCH_PERIOD_RANGE``."""
    if months is None or 1 <= months <= most:  # R12: within the rule set's longest publication period
        return
    raise ValidationError("R12_WATCH_PERIOD_RANGE",
                          f"移出严重失信主体名单后列入重点关注名单的期限为1至{most}个月（{months}个月不符合）：该期限由认定部门"
                          f"确定（发改财金规〔2017〕1798号（十八）），但不能超过现行规则集所载失信信息最长公示期（{most}个月，"
                          "国家发展改革委令2025年第36号）。",
                          f"The watch period after a black listing is 1 to {most} months ({months} is not): the "
                          "department sets it (NDRC 2017 No. 1798, item 18) within the rule set's longest publication period "
                          f"({most} months, NDRC Order 2025 No. 36).", field=field)
