"""Read-only views for the desktop lists and dashboard: keyset pages, sort and filter in SQL.

Pages are keyset-paginated (``WHERE (sort, id) > (last sort value, last id)``), so page 5,000 costs
what page 1 costs. Only indexed columns are offered for sorting: sorting a million rows on an
unindexed column would rebuild the whole order for every page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from credit_desk.store import ledger as ledger_store

SUBJECT_SORTS = {"id": "s.id", "name": "s.name", "id_number": "s.id_number"}
RECORD_SORTS = {"id": "r.id", "decision_date": "r.decision_date", "doc_number": "r.doc_number"}

_SUBJECT_COLS = ("id", "kind", "name", "id_type", "id_number")
_RECORD_COLS = ("id", "subject_id", "kind", "name", "id_number", "catalogue_code", "tier", "status",
                "doc_number", "department", "decision_date")


@dataclass(frozen=True)
class PageSpec:
    """Which page: sort key (one of the *_SORTS), direction, the keyset cursor and the size."""

    sort: str = "id"
    descending: bool = False
    after: tuple | None = None  # (sort value, id) of the last row already shown
    limit: int = 200


def open_reader(db_path: Path, key: bytes):
    """A read-only SQLCipher connection for one worker thread (the GUI thread keeps the writer)."""
    return ledger_store.connect(Path(db_path), key, read_only=True)


def _glob_prefix(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch not in "*?[]") + "*"


def _like_part(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _keyset(col: str, spec: PageSpec, id_col: str) -> tuple[str, list, str]:
    """The cursor condition and the ORDER BY for a keyset page."""
    op, direction = ("<", "DESC") if spec.descending else (">", "ASC")
    order = f"ORDER BY {id_col} {direction}" if col == id_col else \
        f"ORDER BY {col} {direction}, {id_col} {direction}"
    if spec.after is None:
        return "", [], order
    if col == id_col:
        return f"{id_col} {op} ?", [spec.after[1]], order
    return f"({col}, {id_col}) {op} (?, ?)", list(spec.after), order


def _where(parts: list[str]) -> str:
    parts = [p for p in parts if p]
    return ("WHERE " + " AND ".join(parts)) if parts else ""


def subjects_page(conn, spec: PageSpec, text: str = "", kind: str = "") -> list[dict]:
    """One page of subjects (full values: the service masks them); filter by name/ID and kind."""
    col = SUBJECT_SORTS[spec.sort]
    cursor, params, order = _keyset(col, spec, "s.id")
    conds, cparams = [], []
    if text.strip():
        conds.append("(s.id_number GLOB ? OR s.name LIKE ? ESCAPE '\\')")
        cparams += [_glob_prefix(text.strip()), _like_part(text.strip())]
    if kind:
        conds.append("s.kind = ?")
        cparams.append(kind)
    sql = (f"SELECT s.id, s.kind, s.name, s.id_type, s.id_number FROM subjects s "
           f"{_where(conds + [cursor])} {order} LIMIT ?")
    rows = conn.execute(sql, cparams + params + [spec.limit]).fetchall()
    return [dict(zip(_SUBJECT_COLS, r)) for r in rows]


SELECTIVE = 5000  # at most this many matches: collect them through the indexes and sort them


def _record_filter(text: str, tier: str, status: str, subject_id: int | None,
                   walk: bool = False) -> tuple[list, list]:
    """WHERE terms. ``walk`` puts unary + on the text terms to keep them off the indexes, so a page walks
    the sort index in order and stops after one page (broad searches); without it SQLite collects the
    matches through the doc_number and subject indexes (narrow searches)."""
    conds, params = [], []
    if text.strip():
        t = text.strip()
        plus = "+" if walk else ""
        conds.append(f"({plus}r.doc_number GLOB ? OR {plus}r.subject_id IN (SELECT id FROM subjects "
                     "WHERE id_number GLOB ? OR name LIKE ? ESCAPE '\\'))")
        params += [t + "*" if "*" not in t else t, _glob_prefix(t), _like_part(t)]
    for col, value in (("r.tier", tier), ("r.status", status)):
        if value:
            conds.append(f"{col} = ?")
            params.append(value)
    if subject_id is not None:
        conds.append("r.subject_id = ?")
        params.append(subject_id)
    return conds, params


def _broad(conn, text: str) -> bool:
    """Whether a text search matches more rows than are worth collecting and sorting."""
    if not text.strip():
        return False
    conds, params = _record_filter(text, "", "", None)
    n = conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM records r {_where(conds)} LIMIT ?)",
                     params + [SELECTIVE + 1]).fetchone()[0]
    return n > SELECTIVE


def records_page(conn, spec: PageSpec, text: str = "", tier: str = "", status: str = "",
                 subject_id: int | None = None) -> list[dict]:
    """One page of records joined to their subject; filter by 文号/name/ID, tier, status, subject."""
    col = RECORD_SORTS[spec.sort]
    cursor, params, order = _keyset(col, spec, "r.id")
    conds, cparams = _record_filter(text, tier, status, subject_id, walk=_broad(conn, text))
    sql = (f"SELECT r.id, r.subject_id, s.kind, s.name, s.id_number, r.catalogue_code, r.tier, r.status, "
           f"r.doc_number, r.department, r.decision_date FROM records r JOIN subjects s ON s.id = r.subject_id "
           f"{_where(conds + [cursor])} {order} LIMIT ?")
    rows = conn.execute(sql, cparams + params + [spec.limit]).fetchall()
    return [dict(zip(_RECORD_COLS, r)) for r in rows]


def records_count(conn, text: str = "", tier: str = "", status: str = "") -> int:
    conds, params = _record_filter(text, tier, status, None)
    return conn.execute(f"SELECT count(*) FROM records r {_where(conds)}", params).fetchone()[0]


def subjects_count(conn, text: str = "", kind: str = "") -> int:
    conds, params = [], []
    if text.strip():
        conds.append("(s.id_number GLOB ? OR s.name LIKE ? ESCAPE '\\')")
        params += [_glob_prefix(text.strip()), _like_part(text.strip())]
    if kind:
        conds.append("s.kind = ?")
        params.append(kind)
    return conn.execute(f"SELECT count(*) FROM subjects s {_where(conds)}", params).fetchone()[0]


def counts_by(conn, table: str, column: str) -> dict[str, int]:
    """Row counts grouped by one of a few known columns (the dashboard's tallies)."""
    allowed = {("subjects", "kind"), ("records", "tier"), ("records", "status")}
    if (table, column) not in allowed:
        raise ValueError(f"no tally for {table}.{column}")
    rows = conn.execute(f"SELECT {column}, count(*) FROM {table} GROUP BY {column}")
    return {k: n for k, n in rows}


def monthly_records(conn, since: str) -> dict[str, int]:
    """Records per decision month (YYYY-MM) from ``since`` (an ISO date) on; uses the date index."""
    rows = conn.execute("SELECT substr(decision_date, 1, 7) AS m, count(*) FROM records "
                        "WHERE decision_date >= ? GROUP BY m ORDER BY m", (since,))
    return {m: n for m, n in rows}


def audit_page(conn, before_id: int | None, limit: int, text: str = "") -> list[dict]:
    """Audit rows newest first, keyset on id; ``text`` matches user, action or object."""
    conds, params = [], []
    if before_id is not None:
        conds.append("id < ?")
        params.append(before_id)
    if text.strip():
        conds.append("(username LIKE ? ESCAPE '\\' OR action LIKE ? ESCAPE '\\' OR object_id = ?)")
        like = _like_part(text.strip())
        params += [like, like, text.strip()]
    rows = conn.execute(f"SELECT id, ts, username, role, action, object_type, object_id, purpose, outcome "
                        f"FROM audit {_where(conds)} ORDER BY id DESC LIMIT ?", params + [limit]).fetchall()
    cols = ("id", "ts", "username", "role", "action", "object_type", "object_id", "purpose", "outcome")
    return [dict(zip(cols, r)) for r in rows]
