"""The clean-up ledger (失信约束措施台账, R16): Excel import/export in the national layout, and its checks."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from credit_desk import outpaths
from credit_desk.domain import cleanup as c
from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.fields import parse_enum
from credit_desk.domain.masking import mask_phone
from credit_desk.services.base import Session
from credit_desk.sheets import cleanup_xlsx as xlsx
from credit_desk.store import cleanup as repo, meta


def import_ledger(session: Session, path: Path, sheet: str | None = None) -> dict:
    """Import a filled-in template: all rows or none; unchanged rows are left as they are.

    ``sheet``: the worksheet the clerk named (needed when several hold the template). The result says which
    sheet was read, what was passed over (hidden sheets), and how each 完成时间 not typed as a date was read.
    """
    session.require("ledger.manage")
    got = xlsx.read_sheet(Path(path), c.HEADERS, c.parse_row, sheet)
    rows, skipped = got.rows, got.skipped
    dates_read = [n for n in (c.completion_note(r, row.completion) for r, row in zip(got.row_numbers, rows)) if n]
    _no_duplicates([r.name for r in rows])
    existing = dict((row.name, (rid, row)) for rid, row in repo.rows_named(session.ledger.conn,
                                                                          [r.name for r in rows]))
    added = updated = unchanged = 0
    with session.ledger.tx() as tx:
        for row in rows:
            old = existing.get(row.name)
            if old and old[1].cells() == row.cells():
                unchanged += 1
                continue
            keep = old[1].status if old else c.RowStatus.OPEN
            rid = repo.upsert(tx, replace(row, status=keep))
            tx.change("cleanup_row", rid, "update" if old else "insert", _state(row, keep))
            added, updated = added + (not old), updated + bool(old)
        session.audit(tx, "ledger.import", "cleanup_ledger", Path(path).name,
                      detail={"added": added, "updated": updated, "unchanged": unchanged, "sheet": got.sheet,
                              "notes": [n["code"] for n in got.notes]})
    return {"added": added, "updated": updated, "unchanged": unchanged, "skipped_example_rows": skipped,
            "sheet": got.sheet, "notes": got.notes, "dates_read": dates_read}


def _no_duplicates(names: list[str]) -> None:
    seen: set[str] = set()
    for i, name in enumerate(names):
        if name in seen:
            raise ValidationError("R16_DUPLICATE", f"文件名称“{name}”在表中出现了两次。",
                                  f"The document '{name}' appears twice.", field=c.HEADERS[1])
        seen.add(name)


def _state(row: c.CleanupRow, status: c.RowStatus) -> dict:
    return {**dict(zip(c.HEADERS[1:], row.cells())), "status": status.value}


def export_ledger(session: Session, path: Path, *, force: bool = False) -> int:
    """Write the ledger as .xlsx in the national template layout; returns the number of rows."""
    session.require("ledger.view")
    path = outpaths.guard_file(path, data_dir=session.ledger.paths.folder, force=force, field="file")
    rows = [row for _, row in repo.rows(session.ledger.conn)]
    office = meta.get_meta(session.ledger.conn, "office") or ""
    # R16: the check result of each row goes in a column AFTER the 14 national ones, never inside them
    xlsx.write_ledger(Path(path), office, rows, session.desk.today(), checks=[c.check_text(r) for r in rows])
    with session.ledger.tx() as tx:
        session.audit(tx, "ledger.export", "cleanup_ledger", Path(path).name, detail={"rows": len(rows)})
    return len(rows)


def check_ledger(session: Session, today: date | None = None) -> list[dict]:
    """R16 flags per row: measures without basis (``stop``: 先停止执行 candidates, until marked stopped), lists
    without basis, basis without clause, 保留 on a row not fully compliant (``domain.cleanup.check_row``), and
    rows past their completion date (``overdue``). Each flag carries ``code`` and ``basis`` (the clause)."""
    session.require("ledger.view")
    today = today or session.desk.today()
    flags = []
    for rid, row in repo.rows(session.read_conn):
        for f in c.check_row(row):
            if f.code == "R16_MEASURE_NO_BASIS":
                if row.status is not c.RowStatus.STOPPED:
                    flags.append({"id": rid, "name": row.name, "flag": "stop", "code": f.code, "basis": f.basis,
                                  "zh": f.zh + "。", "en": f.en + "."})
                continue
            flags.append({"id": rid, "name": row.name, "flag": "check", "code": f.code, "basis": f.basis,
                          "zh": f.zh + "。", "en": f.en + "."})
        if c.is_overdue(row, today):
            flags.append({"id": rid, "name": row.name, "flag": "overdue",
                          "zh": f"完成时间（{row.completion}）已过，尚未处置完毕。",
                          "en": f"The completion date ({row.completion}) has passed and the row is not yet done."})
    return flags


def set_status(session: Session, row_id: int, status: str) -> None:
    """Mark a ledger row done, stopped (先停止执行) or open again."""
    session.require("ledger.manage")
    st = parse_enum(c.RowStatus, status, "status", "状态")
    found = [row for rid, row in repo.rows(session.ledger.conn) if rid == row_id]
    if not found:
        raise DomainError("NOT_FOUND", f"台账中没有编号为 {row_id} 的条目。", f"No ledger row {row_id}.")
    with session.ledger.tx() as tx:
        repo.set_status(tx, row_id, st)
        session.audit(tx, "ledger.status", "cleanup_row", row_id, detail={"status": st.value})
        tx.change("cleanup_row", row_id, "update", _state(found[0], st))


def import_contacts(session: Session, path: Path, sheet: str | None = None) -> int:
    """Import the contact feedback form (附件2); all rows or none; ``sheet`` as for ``import_ledger``."""
    session.require("ledger.manage")
    contacts, _ = xlsx.read_rows(Path(path), c.CONTACT_HEADERS, c.parse_contact, sheet)
    with session.ledger.tx() as tx:
        for contact in contacts:
            cid = repo.upsert_contact(tx, contact)
            tx.change("cleanup_contact", cid, "upsert", dict(zip(c.CONTACT_HEADERS[1:], contact.cells())))
        session.audit(tx, "contacts.import", "cleanup_contacts", Path(path).name, detail={"rows": len(contacts)})
    return len(contacts)


def list_contacts(session: Session) -> list[dict]:
    """The contact feedback form (附件2) for the screen: one dict per contact with the keys name, unit, title,
    office_phone, mobile, email. The mobile number is personal (R15): shown as ``138****5678``; the office phone
    is the unit's published number and stays whole. The full form is only in ``export_contacts``."""
    session.require("ledger.view")
    return [{"name": ct.name, "unit": ct.unit, "title": ct.title, "office_phone": ct.office_phone,
             "mobile": mask_phone(ct.mobile) if ct.mobile else "", "email": ct.email}
            for ct in repo.contacts(session.ledger.conn)]


def export_contacts(session: Session, path: Path, *, force: bool = False) -> int:
    """Write the contact feedback form (附件2) as .xlsx."""
    session.require("ledger.view")
    path = outpaths.guard_file(path, data_dir=session.ledger.paths.folder, force=force, field="file")
    contacts = repo.contacts(session.ledger.conn)
    xlsx.write_contacts(Path(path), contacts)
    with session.ledger.tx() as tx:
        session.audit(tx, "contacts.export", "cleanup_contacts", Path(path).name, detail={"rows": len(contacts)})
    return len(contacts)
