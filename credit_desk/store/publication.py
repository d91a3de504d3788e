"""Publication stops (R13) and publication consents (R15) repository."""

from __future__ import annotations

from datetime import date

from credit_desk.domain.publication import Consent
from credit_desk.store.tx import now_iso

_EFFECTIVE = ("active", "changed")


def ended_unstopped(conn, today: date) -> list[tuple[int, date]]:
    """Effective records whose longest period ended before ``today`` and whose stop is not recorded yet."""
    rows = conn.execute("SELECT id, publication_end FROM records WHERE publication_stopped_on IS NULL "
                        "AND publication_end IS NOT NULL AND publication_end < ? AND status IN (?, ?) ORDER BY id",
                        (today.isoformat(), *_EFFECTIVE)).fetchall()
    return [(rid, date.fromisoformat(end)) for rid, end in rows]


def ending_by(conn, last: date) -> list[tuple[int, int, date]]:
    """(record id, subject id, end) of effective, unstopped records whose publication ends on or before ``last``."""
    rows = conn.execute("SELECT id, subject_id, publication_end FROM records WHERE publication_stopped_on IS NULL "
                        "AND publication_end IS NOT NULL AND publication_end <= ? AND status IN (?, ?) "
                        "ORDER BY publication_end, id", (last.isoformat(), *_EFFECTIVE)).fetchall()
    return [(rid, sid, date.fromisoformat(end)) for rid, sid, end in rows]


def mark_stopped(tx, record_id: int, day: date) -> None:
    tx.execute("UPDATE records SET publication_stopped_on = ?, updated_at = ? WHERE id = ?",
               (day.isoformat(), now_iso(), record_id))


def stopped_on(conn, record_id: int) -> date | None:
    row = conn.execute("SELECT publication_stopped_on FROM records WHERE id = ?", (record_id,)).fetchone()
    return date.fromisoformat(row[0]) if row and row[0] else None


def add_consent(tx, c: Consent, username: str) -> int:
    return tx.execute(
        "INSERT INTO publication_consents (subject_id, record_id, scope, given_on, valid_until, document, "
        "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (c.subject_id, c.record_id, c.scope, c.given_on.isoformat(), c.valid_until.isoformat(), c.document,
         username, now_iso())).lastrowid


def withdraw_consent(tx, consent_id: int, on: date) -> None:
    tx.execute("UPDATE publication_consents SET withdrawn_on = ? WHERE id = ?", (on.isoformat(), consent_id))


def consents(conn, subject_id: int) -> list[Consent]:
    rows = conn.execute("SELECT id, subject_id, record_id, scope, given_on, valid_until, document, withdrawn_on "
                        "FROM publication_consents WHERE subject_id = ? ORDER BY id", (subject_id,)).fetchall()
    return [Consent(r[0], r[1], r[2], r[3], date.fromisoformat(r[4]), date.fromisoformat(r[5]), r[6],
                    date.fromisoformat(r[7]) if r[7] else None) for r in rows]


def consent(conn, consent_id: int) -> Consent | None:
    row = conn.execute("SELECT subject_id FROM publication_consents WHERE id = ?", (consent_id,)).fetchone()
    return next((c for c in consents(conn, row[0]) if c.id == consent_id), None) if row else None
