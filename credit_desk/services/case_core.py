"""Shared steps of the listing-case services: loading, transitions, opening, exits (R12) and the R11 alert.

Used inside one transaction by ``cases``, ``case_exits``, ``objections`` and ``records``; not called from the
CLI or GUI directly.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

from credit_desk.domain.cases import Case, CaseState, Event, ExitWay, ListType, next_state
from credit_desk.domain.errors import DomainError
from credit_desk.domain.list_rules import (ALERT_KIND, BIG_DATA_ALERT_DOMAINS, ExitInput, alert_due, alert_rests_on,
                                           check_r12_exit, check_r12_watch_months, needs_post_exit_watch,
                                           post_exit_watch_max_months, post_exit_watch_records,
                                           post_exit_watch_until, red_course_after_withdrawal, reds_removed_by, shared_state,
                                           repairs_withdrawn_with, withdrawn_with, wrongful_reachable)
from credit_desk.domain.masking import mask_subject_id
from credit_desk.domain.procedure import check_r5_decided_after_issue
from credit_desk.domain.repairs import OPEN_STATES as REPAIR_OPEN_STATES
from credit_desk.domain.repairs import RepairEvent
from credit_desk.domain.repairs import next_state as repair_next
from credit_desk.domain.rulesets import RuleSet, rule_set_in_force
from credit_desk.domain.subjects import Subject
from credit_desk.services import doc_numbers, workdays
from credit_desk.services.base import Session
from credit_desk.store import cases as repo
from credit_desk.store import dishonesty_records
from credit_desk.store import meta, reference, subjects
from credit_desk.store import repairs as repairs_repo
from credit_desk.store import withdrawals as withdrawals_repo
from credit_desk.store import sync_state

# Where exit announcements go unless the case named its own channel (R12: "through the original channel").
DEFAULT_CHANNEL = "认定部门门户网站及地方政府信用网站"


def get_case(conn, case_id: int) -> Case:
    """The case, or a refusal naming the missing id."""
    case = repo.get(conn, case_id)
    if case is None:
        raise DomainError("CASE_NOT_FOUND", f"没有编号为 {case_id} 的认定案件。", f"No case with id {case_id}.",
                          field="case_id")
    return case


def get_subject(conn, subject_id: int) -> Subject:
    """The subject, or a refusal naming the missing id."""
    s = subjects.get(conn, subject_id)
    if s is None:
        raise DomainError("SUBJECT_NOT_FOUND", f"没有编号为 {subject_id} 的信用主体。",
                          f"No subject with id {subject_id}.", field="subject_id")
    return s


def rule_set_on(conn, on: dt.date) -> RuleSet:
    """R20: the rule set in force on ``on``."""
    return rule_set_in_force(reference.rule_sets(conn), on)


def watch_months_most(conn, on: dt.date) -> int:
    """R12 / 1798号 (十八): the longest post-exit watch period (months) under the rule set in force on ``on``."""
    return post_exit_watch_max_months(p.max_months for p in rule_set_on(conn, on).tiers.values())


def step(session: Session, tx, case: Case, event: Event, on: dt.date, note: str = "", **changes) -> Case:
    """Apply one transition of the state machine, save the case and record the event."""
    new = replace(case, state=next_state(case.state, event), **changes)
    repo.save(tx, new)
    repo.add_event(tx, case.id, on, session.user.username, event.value, case.state, new.state, note)
    return new


def open_in_tx(session: Session, tx, case: Case, on: dt.date, event: str = "open") -> Case:
    """Insert a case (a draft, or a listing made by rule) with its first event and change-log row."""
    cid = repo.insert(tx, case)
    saved = replace(case, id=cid)
    repo.add_event(tx, cid, on, session.user.username, event, None, saved.state)
    session.audit(tx, "case.open", "case", cid, detail={"list_type": case.list_type.value, "origin": case.origin})
    tx.change("case", cid, "open", {"id": cid, "subject_id": case.subject_id, "list_type": case.list_type.value,
                                    "state": saved.state.value, "origin": case.origin})
    return saved


def entry_state(conn, case: Case) -> dict:
    """R7: the list entry as the platform receives it (the change-log state of a listing decision)."""
    s = get_subject(conn, case.subject_id)
    iso = (lambda d: d.isoformat() if d else None)
    return {"id": case.id, "state": shared_state(case), "list_type": case.list_type.value,  # R3 (att39g)
            "subject": {"id": s.id, "kind": s.kind.value, "name": s.name, "id_type": s.id_type.value,
                        "id_number": s.id_number, "legal_rep_name": s.legal_rep_name,
                        "legal_rep_id_type": s.legal_rep_id_type.value if s.legal_rep_id_type else None,
                        "legal_rep_id_number": s.legal_rep_id_number},
            "facts": case.facts, "department": case.department, "department_level": case.department_level,
            "domain": case.domain, "basis": case.basis, "ground": case.ground, "standard": case.standard,
            "decision_number": case.decision_number, "decided_on": iso(case.decided_on),
            "valid_from": iso(case.valid_from), "valid_until": iso(case.valid_until),
            "rule_set_code": case.rule_set_code, "record_ids": list(case.record_ids),
            "measures": [m["code"] for m in repo.measures(conn, case.id)] if case.id else [],
            "origin": case.origin, "origin_case_id": case.origin_case_id}


def share_due(session: Session, rs: RuleSet, decided_on: dt.date) -> dt.date:
    """R6: a listing reaches the platform within ``share_listing_workdays`` (default 10) of the decision."""
    return workdays.calendar(session.desk).add_workdays(decided_on, rs.share_listing_workdays).date


def check_exit(session: Session, case: Case, ex: ExitInput) -> None:
    """R12: every check ``exit_in_tx`` makes before it writes — each way's condition, and after a black listing the
    watch period the department set (1798号 (十八), within the rule set's longest period). Callers that end many
    listings in one transaction run it on each first (issue 19: one refusal must not stop the others)."""
    check_r12_exit(case, ex)
    if needs_post_exit_watch(case, ex.way):  # R12 / 1798号 (十八): within the rule set's longest period
        check_r12_watch_months(ex.watch_months, watch_months_most(session.ledger.conn, ex.exit_on),
                               field="watch_months")


def exit_in_tx(session: Session, tx, case: Case, ex: ExitInput, origin: str = "objection") -> dict:
    """R12: end a listing by one of its ways; announce it, stop its measures, then the watch list for black.

    Way 1 is reached only through ``services.withdrawals`` (four eyes); ``origin`` says where it started."""
    if ex.way is ExitWay.WRONGFUL and wrongful_reachable(case):
        ex = _apology_numbered(session, tx, case, ex)
    check_exit(session, case, ex)
    conn = session.ledger.conn
    channel = case.channel or meta.get_setting(conn, "publication_channel", DEFAULT_CHANNEL)
    if ex.way is ExitWay.WRONGFUL:
        return _withdraw_wrongful(session, tx, case, ex, channel, origin)
    done = step(session, tx, case, Event.EXIT, ex.exit_on, ex.note or "", exit_way=ex.way.value,
                exited_on=ex.exit_on, exit_note=_exit_note(ex))
    repo.stop_measures(tx, case.id, ex.exit_on)
    ann = repo.add_announcement(tx, case.id, channel, ex.way.value, ex.exit_on)
    session.audit(tx, "case.exit", "case", case.id, detail={"way": ex.way.value, "announcement": ann})
    tx.change("case", case.id, "exit", {"id": case.id, "subject_id": case.subject_id, "state": done.state.value,
                                        "list_type": case.list_type.value, "exit_way": ex.way.value,
                                        "exited_on": ex.exit_on.isoformat(), "announcement_id": ann})
    result = {"case_id": case.id, "state": done.state.value, "exit_way": ex.way.value, "announcement_id": ann}
    if needs_post_exit_watch(case, ex.way):
        result["watch_case_id"] = _post_exit_watch(session, tx, done, ex).id
    if case.list_type is ListType.WATCH:
        refresh_alert(session, tx, case.subject_id, ex.exit_on)
    return result


def _exit_note(ex: ExitInput) -> str | None:
    return ex.consent or ex.standard_change or ex.note


def _apology_numbered(session: Session, tx, case: Case, ex: ExitInput) -> ExitInput:
    """R12 way 1: the apology's number comes from the register, unless the office issued it by hand. R5: the
    register numbers it the day the withdrawal is recorded, so it is dated that day or later
    (``check_r5_decided_after_issue``); an apology dated earlier is the department's paper with its hand-issued
    number. Otherwise an approval recorded weeks late took a number issued that day printed as the apology of the
    withdrawal's day."""
    on = ex.apology_on or ex.exit_on
    issued, by_hand = doc_numbers.issue_in_tx(tx, "apology_letter", "case", case.id, on, ex.apology_number)
    check_r5_decided_after_issue(on, issued_on=issued, today=session.desk.today(), by_hand=by_hand,
                                 document="apology_letter")  # R5
    number = doc_numbers.take_in_tx(session, tx, "apology_letter", "case", case.id, on, ex.apology_number,
                                    on_label="道歉函日期")
    return replace(ex, apology_number=number, apology_on=on)


def apology_letter_context(conn, case: Case, ex: ExitInput, origin: str = "objection",
                           followers: tuple[Case, ...] = (), because: Case | None = None) -> dict:
    """R12 way 1 / 1798号 (二十三): the written apology handed to the party, captured BEFORE the listing's
    information is deleted. It keeps only what the letter says to the party: who, which list, when and under
    which decision, and that it was wrong; facts, basis, records and measures are not kept. A natural person's
    ID number is masked (R15): the letter needs to identify, not to repeat the full number.

    The letter says what is true at the withdrawal: a listing still in force is deleted from its list; one that
    has already ended (R12 way 1 from ``exited``) had left it, and its record is deleted; the watch listings that
    followed a wrong black listing (``followers``, 1798号 (十八)) are named as withdrawn with it; and a follower's
    own letter (``because``: the black listing) says it fell with the black listing it rested on."""
    s = get_subject(conn, case.subject_id)
    party_id = mask_subject_id(s.kind, s.id_type, s.id_number)  # R15: any personal ID (R7: an individual business)
    how = "经异议核实" if origin == "objection" else "经本单位复查发现"
    if because is None:
        found = f"{how}，该认定有误。"
    else:
        found = (f"该{case.list_type.zh}系你（单位）移出{because.list_type.zh}后依规列入，原认定决定为"
                 f"{because.decision_number or ''}（{_zh(because.decided_on)}）；{how}，该{because.list_type.zh}认定有误，"
                 f"已予撤销，依此列入的{case.list_type.zh}亦无依据。")
    correction = f"撤销该认定，{_deleted(case)}"
    for w in followers:
        correction += f"一并撤销{_listed_on(w)}依此列入的{w.list_type.zh}，{_deleted(w)}"
    return {"party_name": s.name, "party_id": party_id, "list_name": case.list_type.zh,
            "listed_on": _listed_on(case), "error_found": found, "correction": correction}


def _zh(d: dt.date | None) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if d else ""


def _listed_on(case: Case) -> str:
    """The date a listing was decided, with its document number (the letter names what it withdraws)."""
    listed = _zh(case.decided_on)
    return f"{listed}（{case.decision_number}）" if case.decision_number else listed


def _deleted(case: Case) -> str:
    """R12 way 1: what the withdrawal does to the list entry — a listing in force is deleted from its list; one
    that has already ended is no longer on it, and the record of having been listed is deleted."""
    if case.state is CaseState.EXITED and case.exited_on:
        return f"你（单位）已于{_zh(case.exited_on)}移出{case.list_type.zh}，现删除曾列入该名单的记录；"
    return f"将你（单位）从{case.list_type.zh}中删除；"


def _withdraw_wrongful(session: Session, tx, case: Case, ex: ExitInput, channel: str, origin: str) -> dict:
    """R12 way 1: delete the listing's information, withdraw its documents, purge objection texts about it, keep
    only the apology, and announce the correction — for a listing in force or one that has already ended. A
    wrong black listing takes its post-exit watch listing with it in the same step (1798号 (十八) "误列入黑名单的
    除外"), each with its own apology, announcement, audit row and change-log row."""
    conn = session.ledger.conn
    follow = withdrawn_with(case, repo.followers(conn, case.id))  # R12 way 1 / 1798号 (十八)
    letter = apology_letter_context(conn, case, ex, origin, followers=tuple(follow))
    # every letter is captured before anything is deleted (a follower's letter names the black decision)
    theirs = [(w, apology_letter_context(conn, w, ex, origin, because=case)) for w in follow]
    out = _withdraw_one(session, tx, case, ex, channel, letter)
    done = []
    for w, their_letter in theirs:
        # R5: a follower's own apology is the register's, numbered — and so dated — the day this is recorded
        wex = _apology_numbered(session, tx, w, replace(ex, apology_number=None, apology_on=session.desk.today(),
                                                        note=f"所依据的{case.list_type.zh}（案件{case.id}）误列撤销"))
        check_r12_exit(w, wex)  # R12 way 1: the follower too must be reachable
        wchannel = w.channel or meta.get_setting(conn, "publication_channel", DEFAULT_CHANNEL)
        done.append(_withdraw_one(session, tx, w, wex, wchannel, their_letter, because=case.id))
    if done:
        out["withdrawn_with"] = done
    out["red_restored"] = _undo_red_removals(session, tx, [case, *follow], ex.exit_on)  # R10 with R12 way 1
    # R12 way 1 (att39a): the platform's refusals of what it took with it no longer wait in the outbox
    sync_state.resolve_withdrawn(tx, session.desk.now().isoformat(timespec="seconds"))
    return out


def _close_repair(session: Session, tx, r) -> None:
    """R12 way 1: an open repair request about nothing but the withdrawn listing ends (终止办理): it could never be
    decided (its listing is no longer listed) and stood overdue on the due list for ever."""
    if r.state not in REPAIR_OPEN_STATES:
        return
    closed = replace(r, state=repair_next(r.state, RepairEvent.CLOSE))
    repairs_repo.save(tx, closed)
    session.audit(tx, "repair.close", "repair", r.id, detail={"from": r.state.value})
    # the platform holds the request as received or accepted (repair.insert / repair.accept): it hears it ended
    tx.change("repair", r.id, "close", repairs_repo.state(closed))


def _undo_red_removals(session: Session, tx, wrong: list[Case], on: dt.date) -> list[int]:
    """R10 with R12 way 1 (1798号 (十九)(二十)(二十三)): the red listings the wrong listings took off their lists are
    taken off on no ground: the removal (its events, announcement and printed announcement, which name the wrong
    listing) is undone, and the red listing is back on its list — or, by ``list_rules.red_course_after_withdrawal``,
    left at the end of its validity or because of another listing. Returns the ids of those back on their list."""
    conn = session.ledger.conn
    mine = repo.search(conn, subject_id=wrong[0].subject_id, limit=1_000_000)
    back = []
    for red in [r for w in wrong for r in reds_removed_by(w, mine)]:
        course = red_course_after_withdrawal(red, mine, on)
        repo.undo_exit(tx, red.id)
        withdrawals_repo.withdraw_documents(tx, red.id, "误列撤销，删除所依据的认定已撤销", session.user.username,
                                            session.desk.now().isoformat(timespec="seconds"),
                                            doc_type="exit_announcement")
        listed = replace(red, state=CaseState.LISTED, exit_way=None, exited_on=None, exit_note=None)
        if course is not None:  # removed after all, by another listing or at the end of its validity
            # the platform hears it back on its list, then that exit: the exit on the wrong listing's account, if
            # not sent yet, stays behind (services.sync.RESTORE)
            tx.change("case", red.id, "restore", entry_state(conn, listed))
            exit_in_tx(session, tx, listed, course)
            continue
        restored = step(session, tx, red, Event.RED_RESTORED, on, "删除所依据的认定已撤销，恢复列入",
                        exit_way=None, exited_on=None, exit_note=None)
        session.audit(tx, "case.restore", "case", red.id, detail={"list_type": red.list_type.value})
        tx.change("case", red.id, "restore", entry_state(conn, restored))
        back.append(red.id)
    return back


def _withdraw_one(session: Session, tx, case: Case, ex: ExitInput, channel: str, letter: dict,
                  because: int | None = None) -> dict:
    """R12 way 1 for one case: documents withdrawn, objection texts purged, information deleted, apology kept."""
    stamp = session.desk.now().isoformat(timespec="seconds")
    numbers = withdrawals_repo.withdraw_documents(tx, case.id, "误列撤销", session.user.username, stamp)
    # R12 way 1 / 1798号 (二十)(二十三): the repair notices about the wrong listing are withdrawn with it
    about = repairs_repo.with_case_target(session.ledger.conn, case.id)
    for rid in repairs_withdrawn_with(case.id, about):
        _close_repair(session, tx, next(r for r in about if r.id == rid))  # R12 way 1: nothing left to repair
        numbers += withdrawals_repo.withdraw_documents(tx, rid, "误列撤销", session.user.username, stamp,
                                                       object_type="repair")
        withdrawals_repo.purge_repair_texts(tx, rid)  # R12 way 1: nor the request's free text
    withdrawals_repo.purge_objection_texts(tx, case.id)
    pending = withdrawals_repo.pending(session.ledger.conn, case.id)
    if pending is not None:  # a follower's own proposal is carried out by this approval
        withdrawals_repo.approve(tx, pending["id"], session.user.username, ex.exit_on)
    to_state = next_state(case.state, Event.WITHDRAW_WRONGFUL)  # R12 way 1: from listed, or from exited
    blank = repo.scrub_wrongful(tx, case)
    repo.add_event(tx, case.id, ex.exit_on, session.user.username, Event.WITHDRAW_WRONGFUL.value,
                   case.state, to_state)
    apology = repo.add_apology(tx, case.id, case.subject_id, ex.apology_number.strip(), ex.apology_on,
                               session.user.username, letter)
    ann = repo.add_announcement(tx, case.id, channel, ex.way.value, ex.exit_on)
    detail = {"way": ex.way.value, "apology": apology, "documents_withdrawn": len(numbers), "from": case.state.value}
    if because is not None:
        detail["because_of_case"] = because
    session.audit(tx, "case.exit", "case", case.id, detail=detail)
    tx.change("case", case.id, "withdraw", {"id": case.id, "subject_id": case.subject_id,
                                            "state": blank.state.value, "apology_number": ex.apology_number,
                                            "apology_on": ex.apology_on.isoformat()})
    if case.list_type is ListType.WATCH:
        _withdraw_alerts(session, tx, case)
        refresh_alert(session, tx, case.subject_id, ex.exit_on)
    return {"case_id": case.id, "state": blank.state.value, "exit_way": ex.way.value, "announcement_id": ann,
            "apology_id": apology, "apology_number": ex.apology_number}


def _withdraw_alerts(session: Session, tx, case: Case) -> None:
    """R11 with R12 way 1 (att38c): a 大数据警示 flag that stood on the wrong watch listing ``case`` (as it was) is
    not kept: deleted, its rows never travel (services.sync.ALERT_WITHDRAW), the platform told it is withdrawn."""
    conn = session.ledger.conn
    mine = repo.search(conn, subject_id=case.subject_id, limit=1_000_000)
    for a in repo.subject_alerts(conn, case.subject_id, ALERT_KIND):
        if alert_rests_on(json.loads(a["domains"]), dt.date.fromisoformat(a["raised_on"]), case, mine,
                          alert_threshold(conn)):
            repo.delete_alert(tx, a["id"])
            session.audit(tx, "alert.withdraw", "subject", case.subject_id, detail={"alert": a["id"]})
            tx.change("alert", a["id"], "withdraw", {"id": a["id"], "subject_id": case.subject_id})


def _post_exit_watch(session: Session, tx, black: Case, ex: ExitInput) -> Case:
    """R12: after a black list (not way 1) the subject goes onto the watch list for the period set."""
    rs = rule_set_on(session.ledger.conn, ex.exit_on)
    carried = post_exit_watch_records(black, _effective_ids(session.ledger.conn, black))  # R1 / R3
    watch = Case(None, black.subject_id, ListType.WATCH, CaseState.LISTED, session.user.username,
                 department=black.department, department_level=black.department_level, domain=black.domain,
                 facts=f"移出严重失信主体名单（案件{black.id}）后依规列入重点关注名单。", basis=black.basis,
                 valid_from=ex.exit_on, valid_until=post_exit_watch_until(black, ex), channel=black.channel,
                 removal_conditions=black.removal_conditions, remedies=black.remedies,
                 decided_on=ex.exit_on, decided_by=session.user.username, rule_set_code=rs.code,
                 share_due=share_due(session, rs, ex.exit_on), origin="post_exit", origin_case_id=black.id,
                 department_id=black.department_id, record_ids=carried)
    saved = open_in_tx(session, tx, watch, ex.exit_on, event="post_exit_watch")
    from credit_desk.services import deadline_calendar
    deadline_calendar.note(session, tx, "case", saved.id, "share_due", ex.exit_on, rs.share_listing_workdays,
                           watch.share_due)  # R20
    # R11 / 1798号 (十七): the subject gets its own numbered warning letter (警示函) stating the validity period
    letter = _warning_letter(session, tx, saved.id, ex)
    saved = replace(saved, warning_letter=letter, decision_number=letter)
    repo.save(tx, saved)
    ed = reference.active_measures(session.ledger.conn)
    repo.add_measures(tx, saved.id, ed[0]["edition"] if ed else "",
                      _watch_measures(repo.measures(session.ledger.conn, black.id), ed[1] if ed else []), ex.exit_on)
    tx.change("case", saved.id, "decide", entry_state(session.ledger.conn, saved))  # shared like any listing
    refresh_alert(session, tx, saved.subject_id, ex.exit_on)
    return saved


def _warning_letter(session: Session, tx, watch_id: int, ex: ExitInput) -> str:
    """R5 with R11/R12: the number of the post-exit watch listing's warning letter. The register numbers it the day
    the exit is recorded, so it is dated that day (``check_r5_decided_after_issue``, the one rule of every numbered
    document), while the listing runs from the exit day — an expiry exit is dated by the validity's end, and the
    first login after a holiday records the exits of the days before: each letter numbered and dated back broke the
    register's date order (R5_NUMBER_ORDER), and that refused the lawful expiry check, and every login with it. A
    letter served on paper on the exit day is recorded with its hand-issued number (``ex.warning_letter_number``)."""
    today = session.desk.today()
    hand = (ex.warning_letter_number or "").strip() or None
    on = ex.exit_on if hand else today
    issued, by_hand = doc_numbers.issue_in_tx(tx, "watch_warning", "case", watch_id, on, hand)
    check_r5_decided_after_issue(on, issued_on=issued, today=today, by_hand=by_hand, document="watch_letter")  # R5
    return doc_numbers.take_in_tx(session, tx, "watch_warning", "case", watch_id, on, hand, on_label="移出日期")


def _effective_ids(conn, case: Case) -> set[int]:
    """The ids of ``case``'s records that are still effective (R3)."""
    return {rid for rid in case.record_ids if (r := dishonesty_records.get(conn, rid)) is not None and r.effective}


def _watch_measures(black_measures: list[dict], items) -> list:
    """R8/R11: the supervisory measures the black listing applied that a watch list allows carry over; if none,
    the lightest supervisory measure the list allows for a watch list (never a restrictive one)."""
    fit = [m for m in items if "watch" in m.list_types and m.kind == "supervisory"]
    carried = [m for m in fit if m.code in {b["code"] for b in black_measures}]
    return carried or sorted(fit, key=lambda m: (m.severity, m.code))[:1]


def alert_threshold(conn) -> int:
    """R11: domains that flag the 大数据警示名单 (setting ``big_data_alert_domains``, national default 3)."""
    return int(meta.get_setting(conn, "big_data_alert_domains", BIG_DATA_ALERT_DOMAINS))


def refresh_alert(session: Session, tx, subject_id: int, on: dt.date) -> None:
    """R11: raise the 大数据警示名单 flag at 3+ watch-list domains; clear it when fewer remain."""
    conn = session.ledger.conn
    domains = repo.watch_domains(conn, subject_id)
    current = repo.open_alert(conn, subject_id, ALERT_KIND)
    if alert_due(domains, alert_threshold(conn)) and current is None:
        aid = repo.raise_alert(tx, subject_id, ALERT_KIND, on, json.dumps(sorted(domains), ensure_ascii=False))
        session.audit(tx, "alert.raise", "subject", subject_id, detail={"alert": aid, "domains": len(domains)})
        tx.change("alert", aid, "raise", {"id": aid, "subject_id": subject_id, "kind": ALERT_KIND,
                                          "domains": sorted(domains), "raised_on": on.isoformat()})
    elif current is not None and not alert_due(domains, alert_threshold(conn)):
        repo.clear_alert(tx, current["id"], on)
        tx.change("alert", current["id"], "clear", {"id": current["id"], "cleared_on": on.isoformat()})
