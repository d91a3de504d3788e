"""Checking a department's list (信用审查, R14, R22): import, match, keep, show."""

from __future__ import annotations

from pathlib import Path

from credit_desk.domain import checks as d
from credit_desk.domain.errors import DomainError
from credit_desk.services.base import Session, require_purpose
from credit_desk.sheets import check_xlsx as xlsx
from credit_desk.store import checks as repo
from credit_desk.store import sync_state

ENTITY = "credit_check"


def check_sheet(session: Session, path: Path, department: str, purpose: str, sheet: str | None = None) -> dict:
    """Check every subject of a department's .xlsx list (name + USCC/ID number columns). A bad row refuses the
    list with every bad cell named (``CheckListRefused.problems``: row, column, why); nothing is kept then.
    Returns the check (see ``run_check``)."""
    session.require("check.run")
    dep, why = d.check_request(department, purpose)
    got = xlsx.read(Path(path), sheet)
    rows, problems = d.check_rows(got.rows, session.desk.today(), name_col=got.name_col, id_col=got.id_col)
    flagged = {p.row for p in got.problems}   # a cell already named as a cell is not named twice
    problems = sorted(got.problems + [p for p in problems if p.row not in flagged], key=lambda p: p.row or 0)
    if problems:
        raise xlsx.CheckListRefused(problems, got.sheet)
    return _run(session, rows, dep, why, f"{Path(path).name}（{got.sheet}）")


def check_entries(session: Session, entries: list[dict], department: str, purpose: str) -> dict:
    """Check subjects typed in ({name, number} each, numbered from 1 as the clerk sees them); bad ones refused
    together, each named. Returns the check (see ``run_check``)."""
    session.require("check.run")
    dep, why = d.check_request(department, purpose)
    raw = [(i, e.get("name"), e.get("number")) for i, e in enumerate(entries or [], start=1)]
    rows, problems = d.check_rows(raw, session.desk.today())
    if problems:
        raise xlsx.CheckListRefused(problems, "")
    return _run(session, rows, dep, why, "手工录入")


def _run(session: Session, rows: list[d.ListRow], department: str, purpose: str, source: str) -> dict:
    """Match all rows in six set-based queries, keep the check, and log every subject read (R14)."""
    conn, today = session.ledger.conn, session.desk.today()
    as_of = session.desk.now().isoformat(timespec="seconds")
    results = match(conn, rows, today.isoformat())
    counts = d.tally(results)
    joint = sync_state.versions(conn).get("joint_list") or {}
    check = {"department": department, "purpose": purpose, "source": source, "as_of": as_of,
             "joint_version": joint.get("version"), "row_count": len(rows), "hit_count": counts[d.Outcome.HIT.value],
             "not_found_count": counts[d.Outcome.NOT_FOUND.value], "created_by": session.user.username}
    with session.ledger.tx() as tx:
        cid = repo.insert_check(tx, check, results)
        label = f"信用审查第{cid}号：{purpose}（{department}）"   # R14: who asked, why, under which check
        for r in results:
            _log_read(session, tx, cid, label, r)
        shown = d.public_text(source, results)   # R15: the file is often named after the persons checked
        session.audit(tx, "check.run", ENTITY, cid, purpose=label, detail={"source": shown, **counts})
        tx.change(ENTITY, cid, "insert", {"id": cid, "department": department, "purpose": purpose,
                                          "as_of": as_of, "counts": counts})
    return {**check, "source": shown, "id": cid, "counts": counts, "joint_applied_at": joint.get("applied_at"),
            "results": [_public(r) for r in results]}


def _log_read(session: Session, tx, cid: int, label: str, r: dict) -> None:
    """R14 查询使用登记: one row per subject whose data the check read (a ledger subject, or a joint-list entry)."""
    if r["subject"]:
        session.audit(tx, "check.read", "subject", r["subject"]["id"], purpose=label,
                      detail={"check": cid, "row": r["row"], "outcome": r["outcome"]})
    for u in {x["unit"]["id"] for x in r["hits"].get(d.Category.REP.value, [])}:   # the unit represented
        session.audit(tx, "check.read", "subject", u, purpose=label, detail={"check": cid, "row": r["row"],
                                                                             "as": "legal_rep"})
    for e in r["hits"].get(d.Category.JOINT.value, []):
        session.audit(tx, "check.read", "joint_entry", e["entry_id"], purpose=label,
                      detail={"check": cid, "row": r["row"]})
    for x in r["hits"].get(d.Category.PENALTY.value, []):
        session.audit(tx, "check.read", "admin_decision", x["decision_id"], purpose=label,
                      detail={"check": cid, "row": r["row"]})
    for s in r.get("namesakes") or []:   # R14: the organisation of the same name was read too
        session.audit(tx, "check.read", "subject", s["id"], purpose=label,
                      detail={"check": cid, "row": r["row"], "as": "same_name"})


def match(conn, rows: list[d.ListRow], today: str) -> list[dict]:
    """Every row's result (``domain.checks.RowResult.to_dict``), in the list's order; a row that matches nothing
    is kept as not found."""
    subjects = repo.match_subjects(conn, rows)
    # R22 (att19d): an organisation whose code is not in the ledger may be there under another code (mistyped)
    namesakes = repo.same_name_organisations(conn, [(r.row, r.number, name) for r in rows
                                                    if r.organisation and r.row not in subjects
                                                    for name in d.name_variants(r.name)])
    ids = sorted({s["id"] for s in subjects.values()} | {s["id"] for v in namesakes.values() for s in v})
    records = repo.effective_records(conn, ids, today)
    listings = repo.listings_in_force(conn, ids, today)
    joint = repo.joint_hits(conn, rows)
    represented = repo.represented_in_force(conn, rows, today)
    penalties = repo.penalty_hits(conn, rows, today)   # R13/R21: the office's own 双公示 register
    out = []
    for row in rows:
        r = d.RowResult(row.row, row.name, row.number, row.id_type.value, subjects.get(row.row))
        if r.subject:
            sid = r.subject["id"]
            for case in listings.get(sid, []):
                r.hits.setdefault(case["list_type"], []).append(case)
            if records.get(sid):
                r.hits[d.Category.RECORD.value] = records[sid]
        if joint.get(row.row):
            r.hits[d.Category.JOINT.value] = [joint_entry(e) for e in joint[row.row]]
        if represented.get(row.row):
            r.hits[d.Category.REP.value] = represented[row.row]
        if penalties.get(row.row):
            r.hits[d.Category.PENALTY.value] = penalties[row.row]
        for s in namesakes.get(row.row, []):
            cats = {c["list_type"] for c in listings.get(s["id"], [])} | ({"record"} if records.get(s["id"]) else set())
            r.namesakes.append({**s, "categories": [c.value for c in d.Category if c.value in cats]})
        out.append(r.to_dict())
    return out


def joint_entry(e: dict) -> dict:
    """A joint-list entry as checks keep and print it (the list, its department, basis, measures, how matched)."""
    return {"entry_id": e["entry_id"], "list_title": e.get("list_title"), "list_type": e.get("list_type"),
            "department": e.get("department"), "basis": e.get("basis"), "measures": e.get("measures", []),
            "match_on": "number" if e.get("id_number") else "name"}


def _public(r: dict) -> dict:
    """R15: a row as the window and the CLI show it (a person's name and number masked by the one masker)."""
    return {"row": r["row"], "name": d.public_name(r), "number": d.public_id(r), "outcome": r["outcome"],
            "outcome_zh": d.Outcome(r["outcome"]).zh, "subject_id": (r["subject"] or {}).get("id"),
            "categories": [c.value for c in d.Category if r["hits"].get(c.value)],
            "categories_zh": [c.zh for c in d.Category if r["hits"].get(c.value)],
            "name_differs": d.name_differs(r),
            "namesakes": [{"subject_id": s["id"], "name": s["name"], "number": s["id_number"],
                           "categories": s.get("categories", [])} for s in r.get("namesakes") or []],
            "namesake_zh": d.namesake_note(r)}


def get_check(session: Session, check_id: int, purpose: str) -> dict:
    """R14: one check with every row's result (masked, R15); the look is logged with its purpose."""
    session.require("check.view")
    why = require_purpose(purpose)
    check = load(session, check_id)
    with session.ledger.tx() as tx:
        session.audit(tx, "check.view", ENTITY, check_id, purpose=why)
    return {**{k: v for k, v in check.items() if k != "results"},
            "source": d.public_text(check["source"], check["results"]),   # R15: a file named after a person
            "counts": d.tally(check["results"]),
            "results": [_public(r) for r in check["results"]],
            "reports": repo.report_numbers(session.ledger.conn, check_id)}


def load(session: Session, check_id: int) -> dict:
    """The stored check (unmasked, for the report provider), or CHECK_NOT_FOUND."""
    check = repo.get_check(session.ledger.conn, int(check_id))
    if check is None:
        raise DomainError("CHECK_NOT_FOUND", f"没有编号为 {check_id} 的信用审查。", f"No credit check {check_id}.",
                          field="check")
    return check


def list_checks(session: Session, limit: int = 200) -> list[dict]:
    """The register of checks, newest first: department, purpose, date and counts (no row of any list)."""
    session.require("check.view")
    conn = session.read_conn
    return [{**c, "reports": repo.report_numbers(conn, c["id"])} for c in repo.list_checks(conn, limit)]
