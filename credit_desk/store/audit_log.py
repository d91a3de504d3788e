"""Reading the audit chain (writing is Tx.audit, inside each mutation's transaction)."""

from __future__ import annotations

from credit_desk.domain.audit_chain import HASHED_FIELDS, ChainVerdict, verify_rows

_COLS = ", ".join(HASHED_FIELDS + ("hash",))


def iter_rows(conn, after: int = 0, upto: int | None = None):
    """Every row (after rowid ``after``, up to ``upto``) in physical rowid order, so a row moved or re-numbered
    shows up out of order."""
    sql, args = f"SELECT {_COLS} FROM audit WHERE rowid > ?", [after]
    if upto is not None:
        sql, args = sql + " AND rowid <= ?", args + [upto]
    cur = conn.execute(sql + " ORDER BY rowid", args)
    names = HASHED_FIELDS + ("hash",)
    for row in cur:
        yield dict(zip(names, row))


def verify(conn, ledger_id: str, anchor, receipted=None, start=None) -> ChainVerdict:
    return verify_rows(iter_rows(conn, start.rows if start else 0), ledger_id, anchor, receipted, start)


def row_at(conn, rid: int) -> tuple[str, str] | None:
    """(hash, ts) of audit row ``rid`` as stored (not recomputed), or None."""
    row = conn.execute("SELECT hash, ts FROM audit WHERE rowid = ?", (rid,)).fetchone()
    return (row[0], row[1]) if row else None


def last_id(conn) -> int:
    return conn.execute("SELECT coalesce(max(rowid), 0) FROM audit").fetchone()[0]


def suite_markers(conn) -> list[dict]:
    """The rows that open a segment hashed in another suite (``audit.suite``), in chain order."""
    names = HASHED_FIELDS + ("hash",)
    return [dict(zip(names, r)) for r in
            conn.execute(f"SELECT {_COLS} FROM audit WHERE action = 'audit.suite' ORDER BY rowid")]


def recent(conn, limit: int = 100, offset: int = 0) -> list[dict]:
    cur = conn.execute(f"SELECT {_COLS} FROM audit ORDER BY id DESC LIMIT ? OFFSET ?", (limit, offset))
    names = HASHED_FIELDS + ("hash",)
    return [dict(zip(names, r)) for r in cur]


def recent_purposes(conn, username: str, n: int = 5, scan: int = 2000) -> list[str]:
    """The user's last ``n`` distinct purposes, newest first, from their latest ``scan`` audit rows."""
    out: list[str] = []
    rows = conn.execute("SELECT purpose FROM audit WHERE username = ? AND purpose <> '' ORDER BY id DESC LIMIT ?",
                        (username, scan))
    for (purpose,) in rows:
        if purpose not in out:
            out.append(purpose)
            if len(out) == n:
                break
    return out


ACCOUNT_ACTIONS = ("ledger.init", "user.add", "user.role_confirm", "user.activate", "user.deactivate")


def account_rows(conn) -> list[tuple[str, str, dict]]:
    """(username, action, detail) of the audit rows that add accounts or change their role or state, in chain
    order (outcome ok)."""
    import json
    marks = ", ".join("?" * len(ACCOUNT_ACTIONS))
    out = []
    for username, action, detail in conn.execute(f"SELECT username, action, detail FROM audit WHERE action IN "
                                                 f"({marks}) AND outcome = 'ok' ORDER BY id", ACCOUNT_ACTIONS):
        try:
            doc = json.loads(detail) if detail else {}
        except ValueError:
            doc = {}
        out.append((username, action, doc if isinstance(doc, dict) else {}))
    return out


def account_states(conn) -> dict[str, tuple[str, bool]]:
    """username -> (role, active) as the users table holds them."""
    return {r[0]: (r[1], bool(r[2])) for r in conn.execute("SELECT username, role, active FROM users")}
