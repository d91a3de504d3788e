"""双公示 sheets (R21): a department's hand-over sheet imported all-or-nothing; the platform's upload sheet."""

from __future__ import annotations

from pathlib import Path

from credit_desk import outpaths
from credit_desk.domain import disclosure as d
from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.ids import clean_id
from credit_desk.domain.textkey import clean_doc_number
from credit_desk.services import workdays
from credit_desk.services.base import Session
from credit_desk.services.disclosure import register
from credit_desk.services.progress import Count
from credit_desk.sheets import disclosure_xlsx as xlsx
from credit_desk.store import disclosures as repo
from credit_desk.store import meta, reference


PROGRESS_EVERY = 100   # rows between two progress calls (each one a signal queued to the window)


def import_sheet(session: Session, path: Path, sheet: str | None = None, progress=None) -> dict:
    """Import every decision of the sheet or none: every bad cell is named (sheet, row, column, element, why —
    ``DisclosureImportRefused.problems``). Each decision gets its audit and change-log row; one summary audit row.
    ``progress(done, total)``: rows checked and then written, counted once the sheet is read (issue 18).
    Returns {imported, sheet, notes, ids, first_due, last_due}."""
    session.require("disclosure.manage")
    got = xlsx.read(Path(path), sheet)
    if not got.rows and not got.problems:
        raise ValidationError("R21_IMPORT_EMPTY", f"工作表「{got.sheet}」表头下没有数据行，未导入。",
                              f"Sheet {got.sheet!r} has no data rows under the header; nothing imported.",
                              field="file")
    count = Count(progress, 2 * len(got.rows), PROGRESS_EVERY)   # rows checked, then written (issue 18)
    ready, problems = _check_rows(session, got, count)
    problems = sorted(got.problems + problems, key=lambda p: p.row or 0)   # every bad cell, in the sheet's order
    if problems:
        raise xlsx.DisclosureImportRefused(problems)
    saved = _save(session, Path(path).name, got.sheet, ready, count)
    count.end()
    dues = sorted(x.publish_due for x in saved)
    return {"imported": len(saved), "sheet": got.sheet, "notes": got.notes, "ids": [x.id for x in saved],
            "first_due": dues[0].isoformat(), "last_due": dues[-1].isoformat()}


def _save(session: Session, file_name: str, sheet_name: str, ready: list, count: Count) -> list:
    """Every decision in one transaction, each with its audit and change-log row; one summary audit row."""
    saved = []
    with session.ledger.tx() as tx:
        for x in ready:
            saved.append(register.save_in_tx(session, tx, x, how="import"))
            count.step()
        session.audit(tx, "disclosure.import", "file", file_name,
                      detail={"sheet": sheet_name, "imported": len(saved), "ids": [saved[0].id, saved[-1].id]})
    return saved


def _check_rows(session: Session, got: xlsx.Read, count: Count) -> tuple[list[d.AdminDecision],
                                                                          list[ValidationError]]:
    today, conn = session.desk.today(), session.ledger.conn
    ready, problems, seen = [], [], {}
    cal, rule_sets = workdays.calendar(session.desk), reference.rule_sets(conn)   # read once for the whole sheet
    for r, raw in got.rows:
        count.step()
        decision, errors = d.check_decision(raw, today)
        problems += [xlsx.cell_error(got.sheet, r, e.field, e.zh, e.en, e.code, got.columns) for e in errors]
        # R21 (att19d): a 文号 given twice is named in the same round, even when one of its rows has other bad cells
        # (the duplicate only surfaced after those were fixed and the sheet sent again)
        number = clean_doc_number(str(raw.get("doc_number") or "")) if decision is None else decision.doc_number
        key = (decision.authority_uscc if decision else clean_id(str(raw.get("authority_uscc") or "")), number)
        if number and (key in seen or (decision is not None and repo.exists(conn, *key))):
            where = f"与第{seen[key]}行重复" if key in seen else "已在登记簿中"
            problems.append(xlsx.cell_error(got.sheet, r, "doc_number", f"「决定书文号」{number}{where}。",
                                            f"decision number {number} is a duplicate.",
                                            "DECISION_DUPLICATE", got.columns))
            continue
        if number:
            seen.setdefault(key, r)
        if decision is None:
            continue
        try:
            ready.append(register.with_deadline(session, decision, cal, rule_sets))
        except DomainError as exc:  # R20: a rule set that does not state the tier's periods, or none in force
            cell = "tier" if exc.code == "R20_VALUE_UNKNOWN" else "decision_date"
            problems.append(xlsx.cell_error(got.sheet, r, cell, exc.zh, exc.en, exc.code, got.columns))
    return ready, problems


def write_template(session: Session, path: Path, force: bool = False) -> Path:
    """The blank hand-over sheet to give a department (the national element names as its header)."""
    session.require("disclosure.view")
    path = outpaths.guard_file(path, data_dir=session.ledger.paths.folder, force=force, field="file")
    xlsx.write_template(path)
    return path


def export_upload(session: Session, path: Path, force: bool = False) -> dict:
    """The platform's upload sheet of what is publicly shown today (R13: within its period; slight penalties and
    ended ones left out; R15: natural persons masked — the file lies outside the encrypted ledger). Audited."""
    session.require("disclosure.publish")
    path = outpaths.guard_file(path, data_dir=session.ledger.paths.folder, force=force, field="file")
    today, conn = session.desk.today(), session.ledger.conn
    shown, after = {k: [] for k in d.DecisionKind}, 0
    while page := repo.page(conn, after_id=after, limit=1000):
        for x in page:
            if d.publicly_shown(x, today):
                shown[x.kind].append(register.public(x))
        after = page[-1].id
    office = meta.get_meta(conn, "office") or ""
    xlsx.write_upload(path, shown, office, today)
    counts = {k.value: len(v) for k, v in shown.items()}
    with session.ledger.tx() as tx:
        session.audit(tx, "disclosure.export", "file", path.name, detail=counts)
    return {"file": str(path), **counts}
