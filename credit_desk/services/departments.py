"""认定部门 deciding departments: register them, assign users, and resolve the department a case is decided by.

Registering a department and assigning a user to one are administrator acts (``department.manage``). Every
mutation writes its audit row and its change-log row (entity ``department``; ``user`` op ``department``).
"""

from __future__ import annotations

from credit_desk.domain.departments import (Department, check_r4_case_fields, check_r4_decider_of_department,
                                            check_r4_may_decide, check_r5_objection_verifier,
                                            check_r12_withdrawal_proposer, check_r13_repair_issuer,
                                            check_registered, new_department, register_cli,
                                            register_hint)
from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.services.base import Session
from credit_desk.store import departments as repo

_CLASH_ZH = {"name": "部门名称", "uscc": "统一社会信用代码", "prefix": "文号前缀"}


def _state(d: Department) -> dict:
    return {"id": d.id, "name": d.name, "uscc": d.uscc, "level": d.level, "domain": d.domain, "prefix": d.prefix}


def add_department(session: Session, *, name: str, uscc: str, level: str, domain: str, prefix: str) -> Department:
    """Register a deciding department (validated by ``domain.departments.new_department``); names, codes and
    prefixes are unique. Raises ValidationError naming the field."""
    session.require("department.manage")
    d = new_department(name, uscc, level, domain, prefix)
    taken = repo.clash(session.ledger.conn, d)
    if taken:
        raise ValidationError("DEPT_EXISTS", f"已有部门使用相同的{_CLASH_ZH[taken]}。",
                              f"Another department already has this {taken}.", field=taken)
    with session.ledger.tx() as tx:
        did = repo.insert(tx, d, session.user.username)
        saved = Department(did, d.name, d.uscc, d.level, d.domain, d.prefix)
        session.audit(tx, "department.add", "department", did)
        tx.change("department", did, "insert", _state(saved))
    return saved


def list_departments(session: Session) -> list[Department]:
    """Every registered department (no personal data)."""
    session.require("department.view")
    return repo.all_departments(session.read_conn)


def get_department(conn, ref) -> Department:
    """A department by id or exact name, or a refusal naming it."""
    text = str(ref or "").strip()
    d = repo.get(conn, int(text)) if text.isdigit() else repo.by_name(conn, text)
    if d is None:
        hint_zh, hint_en = register_hint(text)
        raise DomainError("DEPT_NOT_FOUND", f"没有已登记的认定部门「{text}」，请从已登记的部门中选择；"
                          f"尚未登记的，{hint_zh}", f"No registered department '{text}'; choose one from the list. "
                          f"{hint_en}", field="department", cli=f"department list；{register_cli(text)}")
    return d


def assign_user(session: Session, username: str, department) -> Department | None:
    """Put a user in a department (None/"" takes them out); an administrator act, audited."""
    session.require("department.manage")
    conn = session.ledger.conn
    if username not in repo.users_of(conn):
        raise DomainError("USER_NOT_FOUND", f"没有用户「{username}」。", f"No user '{username}'.", field="username")
    d = get_department(conn, department) if str(department or "").strip() else None
    with session.ledger.tx() as tx:
        repo.assign_user(tx, username, d.id if d else None)
        session.audit(tx, "department.assign", "user", username, detail={"department": d.id if d else None})
        tx.change("user", username, "department", {"username": username, "department_id": d.id if d else None})
    return d


def user_department(session: Session, username: str | None = None) -> Department | None:
    """The department a user (default: the session's own) works for."""
    return repo.of_user(session.read_conn, username or session.user.username)


def case_fields(session: Session, department, typed: dict | None = None) -> dict:
    """The case fields a deciding department fills (id, name, level, domain), checked against R4 for every list.

    ``department``: an id or a registered name; None → the user's own department, if any. ``typed``: the level
    and field the clerk gave, refused when they differ from the department's (R4_DEPARTMENT_FIELDS). A case names a
    registered department, never a typed name alone — also on a ledger with none registered yet (the refusal
    says how to register one: ``DEPT_NOT_REGISTERED``). Returns {} when there is nothing to fill."""
    conn = session.read_conn  # writes nothing: the GUI asks it to offer a step (issue 18)
    if department is None or not str(department).strip():
        d = repo.of_user(conn, session.user.username)
    elif repo.count(conn) == 0:
        check_registered(str(department), None)  # 49号 四(八): no typed department decides or issues
    else:
        d = get_department(conn, department)
    if d is None:
        return {}
    check_r4_may_decide(d)  # R4 / 1798号 (六): county level or above, whatever the list
    check_r4_case_fields(d, typed or {})  # R4: level and field are the registered department's, never typed apart
    return {"department_id": d.id, "department": d.name, "department_level": d.level, "domain": d.domain}


def case_department(conn, case) -> Department:
    """49号 四(八): the registered department that decides ``case`` and issues its notice and decision; a typed
    name alone (older drafts, a ledger with no department registered) is refused with how to register one."""
    found = repo.of_case(conn, case.id) if case.id is not None else None
    return check_registered(case.department, found)


def case_decider_department(session: Session, case) -> Department:
    """R4 / 49号 四(八) 谁认定、谁负责: the registered department that decides ``case`` (``case_department``), checked
    to be the deciding user's own. Raises DEPT_NOT_REGISTERED or R4_DECIDER_DEPARTMENT; writes nothing."""
    conn = session.read_conn  # writes nothing: the GUI asks it to offer a step (issue 18)
    dept = case_department(conn, case)
    check_r4_decider_of_department(dept, repo.of_user(conn, session.user.username))  # R4 谁认定、谁负责
    return dept


def check_objection_verifier(session: Session, case_id: int) -> None:
    """R5 / 1798号 (七)(二十二): an objection to a case of a registered department is answered by that department's
    own staff (``check_r5_objection_verifier``). Raises R5_OBJECTION_DEPARTMENT; writes nothing."""
    conn = session.read_conn  # writes nothing: the GUI asks it to offer a step (issue 18)
    dept = repo.of_case(conn, case_id)
    if dept is not None:
        check_r5_objection_verifier(dept, repo.of_user(conn, session.user.username))  # R5


def check_case_fields(conn, case_id: int | None, typed: dict) -> None:
    """R4 / 49号 四(八): a typed level or field of an existing case is its registered department's (none
    registered on the case: nothing to check here). Raises R4_DEPARTMENT_FIELDS."""
    dept = repo.of_case(conn, case_id) if case_id is not None else None
    if dept is not None:
        check_r4_case_fields(dept, typed)  # R4


def case_proposer_department(session: Session, case) -> Department | None:
    """R12 way 1 / 1798号 (二十三): a withdrawal of a listing of a registered department is proposed by that
    department's own staff. Returns the department (None: the case names no registered department); raises
    R12_PROPOSER_DEPARTMENT; writes nothing."""
    conn = session.read_conn  # writes nothing: the GUI asks it to offer a step (issue 18)
    if issuer_for(conn, "case", case.id) is None:
        return None
    dept = case_department(conn, case)
    check_r12_withdrawal_proposer(dept, repo.of_user(conn, session.user.username))  # R12 way 1, R4
    return dept


def issuer_for(conn, object_type: str, object_id, memo: dict | None = None) -> Department | None:
    """The department in whose name a document about this object is issued; None: the credit office issues it
    (its own coordination and sharing documents).

    49号 四(八); R13 谁认定、谁修复: a case's documents are its deciding department's; a repair request's notices
    (受理, 不予受理, 一次性告知, 修复决定) are the registered department's that decided the information (refused when it is
    not registered: they are never issued in the office's name); the
    信用修复告知书 served with a penalty decision (两书同达, object ``record``) is the penalty department's."""
    if object_id is None or not str(object_id).isdigit():
        return None
    if object_type == "case":
        return repo.of_case(conn, int(object_id))
    if object_type == "repair":
        return repair_department(conn, int(object_id))  # R13: refused when not registered
    if object_type == "record":
        from credit_desk.store import dishonesty_records  # store reads only; no service cycle
        name = dishonesty_records.department_of(conn, int(object_id))
        if not name:
            return None
        if memo is None:
            return repo.by_name(conn, name)
        if ("department", name) not in memo:  # one transaction's batch of records (issue 18)
            memo[("department", name)] = repo.by_name(conn, name)
        return memo[("department", name)]
    if object_type == "admin_decision":  # R21: a 双公示 penalty's notice is its deciding authority's, if registered
        from credit_desk.store import disclosures
        obj = disclosures.get(conn, int(object_id))
        return decision_department(conn, obj) if obj is not None else None
    return None


def decision_department(conn, decision) -> Department | None:
    """R13 谁认定、谁修复 for a 双公示 decision: the registered department that is its 决定机关 — by the authority's
    统一社会信用代码 (the element the national standard requires), else by its name; None when not registered."""
    return repo.by_uscc(conn, decision.authority_uscc) or repo.by_name(conn, decision.authority)


def repair_department(conn, repair_id: int) -> Department | None:
    """R13 谁认定、谁修复: the registered department that decided what a repair request is about (the listing's
    department, else the records' by name). Raises R13_DEPARTMENT_NOT_REGISTERED when there is none."""
    from credit_desk.store import repairs as repairs_repo
    r = repairs_repo.get(conn, repair_id)
    if r is None:
        return None
    return department_named_for(conn, r.department, [tid for kind, tid in r.targets if kind == "case"])


def department_named_for(conn, name: str, case_ids) -> Department:
    """The registered department ``name`` stands for: a listed case's own department, else the one so named."""
    found = next((d for cid in case_ids if (d := repo.of_case(conn, int(cid))) is not None), None)
    return check_r13_repair_issuer(name, found or repo.by_name(conn, name or ""))  # R13 谁认定、谁修复
