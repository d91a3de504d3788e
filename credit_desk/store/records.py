"""Records repository (the listing issue adds the full record services on top)."""

from __future__ import annotations

RECORD_COLS = ("subject_id", "catalogue_edition", "catalogue_code", "tier", "facts", "doc_type",
               "doc_number", "doc_authority", "doc_issued", "doc_effective", "doc_citation",
               "department", "act_date", "decision_date", "rule_set_code", "status", "demo",
               "created_by", "created_at", "updated_at")

_INSERT = (f"INSERT INTO records ({', '.join(RECORD_COLS)}) "
           f"VALUES ({', '.join('?' * len(RECORD_COLS))})")


def insert_many(tx, rows) -> None:
    """Rows are dicts keyed by RECORD_COLS."""
    tx.executemany(_INSERT, (tuple(r[c] for c in RECORD_COLS) for r in rows))


def count(conn) -> int:
    return conn.execute("SELECT count(*) FROM records").fetchone()[0]


def rows_after(conn, after: int, limit: int) -> list[dict]:
    """Up to ``limit`` records with id > ``after`` in id order, as {"id", *RECORD_COLS} (the bench's audit trail)."""
    rows = conn.execute(f"SELECT id, {', '.join(RECORD_COLS)} FROM records WHERE id > ? ORDER BY id LIMIT ?",
                        (after, limit)).fetchall()
    return [dict(zip(("id",) + RECORD_COLS, r)) for r in rows]
