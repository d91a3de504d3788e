"""The document register (文书登记): number series, printed documents and their prints.

``next_seq`` must be called inside the IMMEDIATE transaction that also inserts the document: the write
lock SQLite takes at BEGIN IMMEDIATE serialises two processes, and the UNIQUE (prefix, year, seq)
constraint is the last word should anything else slip.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from credit_desk.domain.errors import DomainError
from credit_desk.store.tx import to_json

_COLS = ("id, doc_type, year, seq, prefix, number, issued_on, office, object_type, object_id, subject_id, "
         "context, template, key_fields, key_id, signature, qr_text, status, void_reason, voided_by, voided_at, "
         "pdf_sha256, file_name, pages, printed_by, printed_at, reprint_count")


@dataclass(frozen=True)
class DocumentRow:
    id: int
    doc_type: str
    year: int
    seq: int
    prefix: str
    number: str
    issued_on: str
    office: str
    object_type: str
    object_id: str
    subject_id: int | None
    context: dict
    template: str           # the template's TOML as printed: a reprint uses the same wording
    key_fields: list        # [[name, value], ...] in signing order
    key_id: str
    signature: bytes
    qr_text: str
    status: str
    void_reason: str | None
    voided_by: str | None
    voided_at: str | None
    pdf_sha256: str
    file_name: str
    pages: str
    printed_by: str
    printed_at: str
    reprint_count: int


def _row(r) -> DocumentRow:
    r = list(r)
    r[11], r[13] = json.loads(r[11]), json.loads(r[13])
    return DocumentRow(*r)


def get_prefix(conn, doc_type: str) -> str | None:
    row = conn.execute("SELECT prefix FROM doc_prefixes WHERE doc_type = ?", (doc_type,)).fetchone()
    return row[0] if row else None


def set_prefix(tx, doc_type: str, prefix: str, username: str, ts: str) -> None:
    tx.execute("INSERT INTO doc_prefixes (doc_type, prefix, updated_by, updated_at) VALUES (?, ?, ?, ?) "
               "ON CONFLICT(doc_type) DO UPDATE SET prefix = excluded.prefix, updated_by = excluded.updated_by, "
               "updated_at = excluded.updated_at", (doc_type, prefix, username, ts))


def last_dated(conn, prefix: str, year: int) -> str | None:
    """R5: the latest date a number of the series was issued on (printed or held), or None."""
    row = conn.execute("SELECT MAX(d) FROM (SELECT MAX(issued_on) AS d FROM documents WHERE prefix = ? AND year = ? "
                       "UNION ALL SELECT MAX(reserved_on) FROM doc_numbers WHERE prefix = ? AND year = ? "
                       "AND external = 0)", (prefix, year, prefix, year)).fetchone()
    return row[0] if row else None


def next_seq(tx, prefix: str, year: int) -> int:
    """The next number of a series: one more than the last one registered, voided and reserved ones included,
    and above the floor learnt after a restore (``number_floors``: receipts, the clerk's paper).

    Raises DomainError RESTORED_NUMBERS_UNKNOWN on a restored ledger that has not learnt yet which numbers
    were used after its backup (issue 14: a restore reissued a 文号 already on another party's notice)."""
    if getattr(tx, "numbers_unknown", False):
        raise DomainError("RESTORED_NUMBERS_UNKNOWN",
                          "账本是从备份恢复的，尚不知道备份之后已用过哪些文号：请先在“同步”页从市平台回执获知，"
                          "或由经办人核对纸质文书后确认各编号系列的最后一个号，然后再出具文书。",
                          "The ledger was restored from a backup and does not know which numbers were used after it: "
                          "on the Sync page, learn them from the platform's receipts, or confirm the last paper "
                          "number of each series, then issue.", cli="bundle resync / print confirm-last")
    row = tx.execute("SELECT MAX(s) FROM (SELECT MAX(seq) AS s FROM documents WHERE prefix = ? AND year = ? "
                     "UNION ALL SELECT MAX(seq) FROM doc_numbers WHERE prefix = ? AND year = ? "
                     "UNION ALL SELECT seq FROM number_floors WHERE prefix = ? AND year = ?)",
                     (prefix, year, prefix, year, prefix, year)).fetchone()
    return (row[0] or 0) + 1


# --- numbers handed out before the paper is printed (served notices, decisions, repairs, apologies) ----------

_RES_COLS = ("id", "doc_type", "object_type", "object_id", "prefix", "year", "seq", "number", "reserved_on",
             "external", "document_id")


def reserve(tx, *, doc_type: str, object_type: str, object_id, prefix: str | None, year: int | None,
            seq: int | None, number: str, on: str, external: bool, username: str, ts: str,
            document_id: int | None = None) -> int:
    """Hold ``number`` for the document of ``doc_type`` about one object (``external``: issued by hand)."""
    return tx.execute("INSERT INTO doc_numbers (doc_type, object_type, object_id, prefix, year, seq, number, "
                      "reserved_on, external, document_id, reserved_by, reserved_at) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      (doc_type, object_type, str(object_id), prefix, year, seq, number, on, int(external),
                       document_id, username, ts)).lastrowid


def reservation(conn, doc_type: str, object_type: str, object_id) -> dict | None:
    """The latest number held for this document of this object, or None."""
    row = conn.execute(f"SELECT {', '.join(_RES_COLS)} FROM doc_numbers WHERE doc_type = ? AND object_type = ? "
                       "AND object_id = ? AND superseded_by IS NULL ORDER BY id DESC LIMIT 1",
                       (doc_type, object_type, str(object_id))).fetchone()
    return dict(zip(_RES_COLS, row)) if row else None


def supersede(tx, number: str, new_number: str, on: str, username: str, ts: str) -> None:
    """R5: ``number`` is replaced by ``new_number`` (a new prior notice); a printed copy is marked superseded."""
    tx.execute("UPDATE doc_numbers SET superseded_by = ?, superseded_on = ? WHERE number = ?",
               (new_number, on, number))
    tx.execute("UPDATE documents SET status = 'superseded', void_reason = ?, voided_by = ?, voided_at = ? "
               "WHERE number = ? AND status = 'issued'", (f"已被重新送达的预先告知书 {new_number} 取代", username, ts,
                                                          number))


def superseded_by(conn, number: str) -> str | None:
    row = conn.execute("SELECT superseded_by FROM doc_numbers WHERE number = ? AND superseded_by IS NOT NULL",
                       (number,)).fetchone()
    return row[0] if row else None


def link_reservation(tx, reservation_id: int, document_id: int) -> None:
    """The reserved number has been printed as this document."""
    tx.execute("UPDATE doc_numbers SET document_id = ? WHERE id = ? AND document_id IS NULL",
               (document_id, reservation_id))


def latest_issued(conn, doc_type: str, object_type: str, object_id) -> dict | None:
    """The newest printed, not voided document of this type about this object (a draft's notice printed early)."""
    row = conn.execute("SELECT id, prefix, year, seq, number, issued_on FROM documents WHERE doc_type = ? "
                       "AND object_type = ? AND object_id = ? AND status = 'issued' ORDER BY id DESC LIMIT 1",
                       (doc_type, object_type, str(object_id))).fetchone()
    return dict(zip(("id", "prefix", "year", "seq", "number", "issued_on"), row)) if row else None


def issued_with_text(conn, doc_type: str, object_type: str, object_id, text: str) -> bool:
    """Whether a printed, not voided document of this type about this object carries ``text`` (a date it printed)."""
    return conn.execute("SELECT 1 FROM documents WHERE doc_type = ? AND object_type = ? AND object_id = ? "
                        "AND status = 'issued' AND instr(context, ?) > 0 LIMIT 1",
                        (doc_type, object_type, str(object_id), text)).fetchone() is not None


def external_numbers(conn) -> list[str]:
    """Every number recorded as issued by hand (R5: the same paper written otherwise is the same number)."""
    return [r[0] for r in conn.execute("SELECT number FROM doc_numbers WHERE external = 1")]


def number_taken(conn, number: str) -> bool:
    return bool(conn.execute("SELECT 1 FROM documents WHERE number = ? UNION ALL SELECT 1 FROM doc_numbers "
                             "WHERE number = ? LIMIT 1", (number, number)).fetchone())


def reserved_for(conn, object_type: str, object_id) -> list[dict]:
    """Every number held for one object, printed or not (e.g. a case's notice, decision and repair notice)."""
    rows = conn.execute(f"SELECT {', '.join(_RES_COLS)} FROM doc_numbers WHERE object_type = ? AND object_id = ? "
                        "ORDER BY id", (object_type, str(object_id))).fetchall()
    return [dict(zip(_RES_COLS, r)) for r in rows]


def insert(tx, d: dict) -> int:
    """``d`` holds every column but id/status/void/reprint fields; context and key_fields as Python data."""
    cols = [c.strip() for c in _COLS.split(",")
            if c.strip() not in ("id", "status", "void_reason", "voided_by", "voided_at", "reprint_count")]
    values = [to_json(d[c]) if c in ("context", "key_fields") else d[c] for c in cols]
    return tx.execute(f"INSERT INTO documents ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                      values).lastrowid


def add_print(tx, document_id: int, copy_no: int, sha256: str, file_name: str, username: str, ts: str) -> None:
    tx.execute("INSERT INTO document_prints (document_id, copy_no, pdf_sha256, file_name, printed_by, printed_at) "
               "VALUES (?, ?, ?, ?, ?, ?)", (document_id, copy_no, sha256, file_name, username, ts))
    if copy_no:
        tx.execute("UPDATE documents SET reprint_count = ? WHERE id = ?", (copy_no, document_id))


def put_file(tx, sha256: str, pdf: bytes, ts: str) -> None:
    """Keep a printed PDF inside the ledger under its SHA-256 (once; the same bytes are stored once)."""
    tx.execute("INSERT OR IGNORE INTO document_files (sha256, pdf, stored_at) VALUES (?, ?, ?)", (sha256, pdf, ts))


def get_file(conn, sha256: str) -> bytes | None:
    row = conn.execute("SELECT pdf FROM document_files WHERE sha256 = ?", (sha256,)).fetchone()
    return bytes(row[0]) if row else None


def latest_print(conn, document_id: int) -> tuple[int, str, str]:
    """(copy number, sha256, file name) of the latest print of a document (the original is copy 0)."""
    row = conn.execute("SELECT copy_no, pdf_sha256, file_name FROM document_prints WHERE document_id = ? "
                       "ORDER BY copy_no DESC LIMIT 1", (document_id,)).fetchone()
    return (row[0], row[1], row[2]) if row else (0, "", "")


def void(tx, document_id: int, reason: str, username: str, ts: str) -> None:
    tx.execute("UPDATE documents SET status = 'voided', void_reason = ?, voided_by = ?, voided_at = ? "
               "WHERE id = ?", (reason, username, ts, document_id))


def get_by_number(conn, number: str) -> DocumentRow | None:
    row = conn.execute(f"SELECT {_COLS} FROM documents WHERE number = ?", (number,)).fetchone()
    return _row(row) if row else None


def find_print(conn, sha256: str) -> tuple[int, int] | None:
    """(document id, copy number) of the print whose file had this SHA-256."""
    row = conn.execute("SELECT document_id, copy_no FROM document_prints WHERE pdf_sha256 = ? LIMIT 1",
                       (sha256,)).fetchone()
    return (row[0], row[1]) if row else None


def list_documents(conn, *, doc_type: str | None = None, object_id: str | None = None,
                   limit: int = 100) -> list[dict]:
    sql = ("SELECT number, doc_type, issued_on, object_type, object_id, status, reprint_count, printed_by, "
           "printed_at, pdf_sha256 FROM documents WHERE 1 = 1")
    params: list = []
    if doc_type:
        sql += " AND doc_type = ?"
        params.append(doc_type)
    if object_id:
        sql += " AND object_id = ?"
        params.append(object_id)
    rows = conn.execute(sql + " ORDER BY id DESC LIMIT ?", (*params, limit)).fetchall()
    keys = ("number", "doc_type", "issued_on", "object_type", "object_id", "status", "reprint_count",
            "printed_by", "printed_at", "pdf_sha256")
    return [dict(zip(keys, r)) for r in rows]


def series(conn, prefix: str, year: int) -> list[tuple[int, str]]:
    """(seq, status) of a series in order: what a gap check reads; a number held but not yet printed is
    ``reserved``."""
    return conn.execute("SELECT seq, status FROM documents WHERE prefix = ? AND year = ? UNION ALL "
                        "SELECT seq, 'reserved' FROM doc_numbers WHERE prefix = ? AND year = ? AND document_id IS NULL "
                        "ORDER BY 1", (prefix, year, prefix, year)).fetchall()


def subject_records(conn, subject_id: int, statuses=("active", "changed"), *, today) -> list[dict]:
    """A subject's records still in publication on ``today``, with their catalogue item names, for the record
    extract (信用信息查询结果). R13: a record leaves it the day after its longest period, whether or not the stop
    has been recorded yet."""
    marks = ", ".join("?" * len(statuses))
    rows = conn.execute(
        "SELECT r.id, r.doc_type, r.doc_number, r.doc_authority, r.doc_effective, r.tier, "
        "COALESCE(c.name, r.catalogue_code) FROM records r LEFT JOIN catalogue_items c "
        "ON c.edition = r.catalogue_edition AND c.code = r.catalogue_code "
        f"WHERE r.subject_id = ? AND r.status IN ({marks}) AND r.publication_stopped_on IS NULL "
        "AND (r.publication_end IS NULL OR r.publication_end >= ?) ORDER BY r.doc_effective, r.id",
        (subject_id, *statuses, today.isoformat())).fetchall()
    keys = ("id", "doc_type", "doc_number", "doc_authority", "doc_effective", "tier", "item_name")
    return [dict(zip(keys, r)) for r in rows]
