"""演示工作: the demo ledger's work in every state (issue 17 item 12), so a newcomer trains on a realistic office.

Listing cases in every stage — draft, prior notice served (window open, window ended), objection under review,
not listed, listed (black and watch list) and exited by each of the four ways of R12 — an objection, a credit
repair, a commitment (broken, so key supervision shows) and an interview. Everything goes through the business
services, as two staff members would do it: ``session`` drafts and serves (经办), ``senior`` decides (审核/负责人,
four eyes R9/R12, and the deciding department's own staff, R4 谁认定、谁负责). Dates are relative to the desk's
clock. Only demo subjects and records are used, so none of it is ever sent to the platform
(``store.demo_scope``).
"""

from __future__ import annotations

import datetime as dt

from credit_desk.domain.errors import ValidationError
from credit_desk.services import (browse, case_exits, cases, commitments, departments, objections, repairs,
                                  withdrawals)
from credit_desk.services.base import Session
from credit_desk.store import demo_scope

DAY = dt.timedelta(days=1)
STANDARD = "《严重违法失信名单管理办法》（国家市场监督管理总局令第44号）第二条"
REPAIR_MATERIALS = ("proof", "commitment", "training", "report")
# the stages shown, and the ages (days before today) of each case's steps: opened, served, decided
RECENT = {"draft": (5, None, None), "served": (8, 0, None), "objected": (20, 15, None),
          "window_over": (40, 35, None), "not_listed": (60, 55, 30), "listed": (60, 55, 30),
          "watch": (60, 55, 30), "expired": (120, 115, 90), "standard_changed": (120, 115, 90),
          "wrongful": (120, 115, 90)}
OLD = (430, 428, 400)  # the listing repaired (R13: a black list may be repaired one year after its decision)


def seed_work(session: Session, senior: Session) -> dict:
    """Cases in every state, an objection, a repair, a commitment (under the office's first commitment item, when
    it has a list) and an interview; returns their ids by name (``commitment`` None without an item list).

    ``session``: a business user who drafts (clerk); ``senior``: a reviewer or approver working for a registered
    department, not ``session``'s user (four eyes). Raises ValidationError DEMO_NO_SUBJECTS when the ledger has
    too few demo subjects with serious records (seed demo data first), DEMO_NO_DEPARTMENT when ``senior`` works
    for no department, DEMO_SAME_USER when both sessions are one user."""
    session.require("case.open")
    dept = _check_staff(session, senior)
    today = session.desk.today()
    recent = demo_scope.demo_subjects_with_records(session.ledger.conn, decided_by=(today - 80 * DAY).isoformat(),
                                                   limit=len(RECENT))
    old = demo_scope.demo_subjects_with_records(session.ledger.conn, decided_by=(today - 450 * DAY).isoformat(),
                                                limit=len(RECENT) + 1)
    old = [p for p in old if p not in recent]
    if len(recent) < len(RECENT) or not old:
        raise ValidationError("DEMO_NO_SUBJECTS", "演示主体不足：请先生成演示数据（主体和失信信息）。",
                              "Too few demo subjects with serious records: seed demo data first.", field="subjects")
    ids = {name: _case(session, senior, dept, name, pair, RECENT[name], today) for name, pair in
           zip(RECENT, recent)}
    _exits(session, senior, ids, today)
    ids["repaired"], ids["repair"] = _repaired(session, senior, dept, old[0], today)
    ids.update(_commitment(session, recent[0][0], today))
    return ids


def _check_staff(session: Session, senior: Session):
    if senior.user.username == session.user.username:
        raise ValidationError("DEMO_SAME_USER", "起草和决定须由两名不同的工作人员进行。",
                              "Drafting and deciding need two different users.", field="senior")
    dept = departments.user_department(senior)
    if dept is None:
        raise ValidationError("DEMO_NO_DEPARTMENT", f"{senior.user.display_name}尚未归属任何认定部门，不能作出决定。",
                              f"{senior.user.username} works for no deciding department.", field="senior")
    return dept


def _case(session, senior, dept, name: str, pair, ages, today: dt.date) -> int:
    """One case taken to its stage: opened, served, objected to, decided as ``name`` says."""
    (sid, rid), (opened, served, decided) = pair, ages
    lt = "watch" if name == "watch" else "black"
    r4 = {} if lt == "watch" else {"ground": "b", "standard": STANDARD, "standard_kind": "department_rule"}
    c = cases.open_case(session, subject_id=sid, list_type=lt, record_ids=[rid], opened_on=today - opened * DAY,
                        department=dept.name, **r4)
    if served is not None:
        on = today - served * DAY
        # R5: a notice is served on or after the day it is numbered. The demo records today an office's past, so
        # a notice served before today is the paper the office numbered by hand (the lawful way to record a past
        # service); one served today takes the register's number.
        cases.serve_notice(session, c.id, served_on=on,
                           external_number=f"演示手工告字〔{on.year}〕{c.id}号" if on < today else None)
    if name == "objected":
        objections.add_objection(session, target="case", target_id=c.id, received_on=today - 12 * DAY,
                                 grounds="处罚决定正在行政复议中，请暂缓列入。", evidence="行政复议申请书复印件")
    if decided is not None:
        on = today - decided * DAY
        # R5: a decision is dated on or after the day its number is issued; the register numbers it today, so a
        # decision of the office's past is its paper numbered by hand, served with its hand-numbered 信用修复告知书
        # (两书同达); one decided today takes the register's numbers
        hand = f"演示手工决字〔{on.year}〕{c.id}号" if on < today else None
        repair_hand = f"演示手工修告字〔{on.year}〕{c.id}号" if on < today else None
        if name == "not_listed":
            cases.decide_case(senior, c.id, cases.Decision(decided_on=on, list_it=False, external_number=hand,
                                                           reason_code="objection_founded",
                                                           reason="当事人提交的履行凭证经核实属实（演示）。"))
        else:
            until = on + (80 * DAY if name == "expired" else 3 * 365 * DAY - DAY)
            cap = cases.decision_limits(senior, c.id)["valid_until_max"]  # R13 / 1798号 (十一): never past it
            until = min(until, cap) if cap is not None else until
            extra = {} if lt == "black" else {"warning_letter": f"清信警〔{on.year}〕1号"}  # R11
            cases.decide_case(senior, c.id, cases.Decision(
                decided_on=on, measures=("M-01",) if lt == "black" else ("M-08",), valid_until=until,
                post_exit_watch_months=12 if lt == "black" else None, external_number=hand,
                repair_notice_number=repair_hand, **extra))
    return c.id


def _exits(session, senior, ids: dict, today: dt.date) -> None:
    """R12: way 3 (validity over), way 4 (standard changed), way 1 (wrongful, proposed and approved by two)."""
    expired = cases.get_case(senior, ids["expired"], "演示数据：有效期届满移出")
    case_exits.exit_case(senior, ids["expired"], way="3", exit_on=expired.valid_until + DAY)
    case_exits.exit_case(senior, ids["standard_changed"], way="4", exit_on=today - 6 * DAY,
                         standard_change="认定标准第二条已废止（演示）")
    # R12 way 1 / 1798号 (二十三): the deciding department's own staff propose, a second senior person approves.
    # A drafter of another office (e.g. the credit office's clerk) cannot propose: the senior proposes, and the
    # withdrawal waits for a second senior person of the department (a state worth training on too).
    finding = "复核发现所依据的处罚决定已被撤销，属错误列入。"
    if departments.user_department(session) == departments.user_department(senior):
        withdrawals.propose_withdrawal(session, ids["wrongful"], finding=finding, on=today - 5 * DAY)
        # R5: approved days ago, its written apology is the department's paper of that day, numbered by hand
        day = today - 4 * DAY
        withdrawals.approve_withdrawal(senior, ids["wrongful"], on=day,
                                       apology_number=f"演示手工澄字〔{day.year}〕{ids['wrongful']}号")
    else:
        withdrawals.propose_withdrawal(senior, ids["wrongful"], finding=finding, on=today - 5 * DAY)


def _repaired(session, senior, dept, pair, today: dt.date) -> tuple[int, int]:
    """R13 way 2: an old black listing repaired — applied, accepted, decided by the deciding department."""
    cid = _case(session, senior, dept, "listed", pair, OLD, today)
    out = repairs.apply_repair(session, subject_id=pair[0], applicant="法定代表人（演示）", channel="window",
                               received_on=today - 7 * DAY, case_ids=[cid], materials=REPAIR_MATERIALS)
    # R5: the register numbers a repair paper the day it is recorded; papers of the office's past are the
    # department's, numbered by hand
    accepted, decided = today - 6 * DAY, today - 5 * DAY
    repairs.accept_repair(session, out["id"], accepted_on=accepted,
                          external_number=f"演示手工修受字〔{accepted.year}〕{out['id']}号")
    repairs.decide_repair(senior, out["id"], outcome="repaired", for_department=dept.name, decided_on=decided,
                          external_number=f"演示手工修决字〔{decided.year}〕{out['id']}号")
    return cid, out["id"]


def _commitment(session, subject_id: int, today: dt.date) -> dict:
    """R17/R18: a commitment not kept (key supervision follows) and the warning interview after it. The commitment
    is made under the office's own first item; with no item list yet there is none (the demo never invents an
    item: the list is the office's configuration and would be sent to the platform)."""
    items = browse.commitment_items(session)
    c = None
    if items:
        c = commitments.record_commitment(session, subject_id=subject_id, item_code=items[0]["code"],
                                          made_on=today - 40 * DAY, content="承诺按期缴清罚款并完成整改（演示）。")
        commitments.check_fulfilment(session, c.id, "none", today - 5 * DAY)
    interview = commitments.record_interview(
        session, subject_id=subject_id, kind="warning", held_on=today - 3 * DAY, people="信用办 经办人；企业负责人",
        content="告知逾期未履行承诺的后果，督促限期整改。", outcome="企业承诺十日内整改完毕。",
        reason="信用承诺逾期未履行" if c else "逾期未整改", rectify_by=today + 10 * DAY)
    return {"commitment": c.id if c else None, "interview": interview.id}
