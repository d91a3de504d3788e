"""Read-only views for the desktop lists and dashboard: keyset pages, sort and filter in SQL.

Pages are keyset-paginated (``WHERE (sort, id) > (last sort value, last id)``), so page 5,000 costs
what page 1 costs. Only indexed columns are offered for sorting: sorting a million rows on an
unindexed column would rebuild the whole order for every page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from credit_desk.domain.textkey import search_key
from credit_desk.store import ledger as ledger_store
from credit_desk.store import search as text_search, tallies

SUBJECT_SORTS = {"id": "s.id", "name": "s.name", "id_number": "s.id_number"}
RECORD_SORTS = {"id": "r.id", "decision_date": "r.decision_date", "doc_number": "r.doc_number"}

_SUBJECT_COLS = ("id", "kind", "name", "id_type", "id_number")
_RECORD_COLS = ("id", "subject_id", "kind", "name", "id_number", "catalogue_code", "tier", "status",
                "doc_number", "department", "decision_date")
_MARKED = ("id_exception",)  # issue 15: a code registered as an exception is marked wherever it shows


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
    return text_search.glob_prefix(text)  # the one normaliser, and 15-digit IDs under their 18-digit form


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
        name_sql, name_params = text_search.ids_sql("subjects", text.strip())  # FTS5 (migration 9)
        conds.append(f"(s.id_number GLOB ? OR s.id IN ({name_sql}))")
        cparams += [_glob_prefix(text.strip())] + name_params
    if kind:
        conds.append("s.kind = ?")
        cparams.append(kind)
    sql = (f"SELECT s.id, s.kind, s.name, s.id_type, s.id_number, s.id_exception FROM subjects s "
           f"{_where(conds + [cursor])} {order} LIMIT ?")
    rows = conn.execute(sql, cparams + params + [spec.limit]).fetchall()
    return [dict(zip(_SUBJECT_COLS + _MARKED, r)) for r in rows]


SELECTIVE = 5000  # at most this many 文号 matches: collect them through the indexes and sort them
BROAD_SUBJECTS = 20_000  # more subjects than this: a walk checks each record's subject row, not a list of them


def _subjects_sql(text: str) -> tuple[str, list]:
    """The ids of the subjects whose ID starts with ``text`` or whose name holds it."""
    name_sql, name_params = text_search.ids_sql("subjects", text)
    return f"SELECT id FROM subjects WHERE id_number GLOB ? OR id IN ({name_sql})", [_glob_prefix(text)] + name_params


def _record_filter(text: str, tier: str, status: str, subject_id: int | None,
                   walk: bool = False, sides: tuple[bool, bool] = (True, True),
                   many_subjects: bool = False) -> tuple[list, list]:
    """WHERE terms. ``walk`` puts unary + on the text terms to keep them off the indexes, so a page walks
    the sort index in order and stops after one page (broad searches; the subject term then reads the joined
    subject ``s``, so only a page's SQL may ask for it); without it SQLite collects the
    matches through the doc_number and subject indexes (narrow searches). ``sides`` (``_sides``): whether the
    text matches any 文号, any subject; a side that matches nothing is left out (issue 18: "〔2024〕" matches
    no subject, yet its subject term made the walk read every record row it passed — 4.4 s at 1M — where the
    文号 term alone is checked on the sort index itself)."""
    conds, params = [], []
    if text.strip():
        t = text.strip()
        plus = "+" if walk else ""
        terms = []
        if sides[0]:
            doc_sql, doc_params = text_search.ids_sql("records", t)  # 文号 fragment, FTS5 (migrations 9, 36)
            terms.append(f"{plus}r.id IN ({doc_sql})")
            params += doc_params
        if sides[1] and walk and many_subjects:
            # the walk joins each record's subject anyway: its ID and id are checked on that row (issue 18: the
            # list of all 150k subjects of "9132" was built for a page that stops after 270 records); fewer
            # subjects are listed and checked on the decision-date index entry (migration 36), before the row
            name_sql, name_params = text_search.ids_sql("subjects", t)
            terms.append(f"(+s.id_number GLOB ? OR +s.id IN ({name_sql}))")
            params += [_glob_prefix(t)] + name_params
        elif sides[1]:
            subj_sql, subj_params = _subjects_sql(t)
            terms.append(f"{plus}r.subject_id IN ({subj_sql})")
            params += subj_params
        conds.append("(" + " OR ".join(terms) + ")" if terms else "0")
    for col, value in (("r.tier", tier), ("r.status", status)):
        if value:
            conds.append(f"{col} = ?")
            params.append(value)
    if subject_id is not None:
        conds.append("r.subject_id = ?")
        params.append(subject_id)
    return conds, params


def _sides(conn, text: str) -> tuple[bool, bool]:
    """(whether ``text`` is in any 文号, whether it matches any subject's name or ID): each an EXISTS that stops
    at the first match."""
    t = text.strip()
    if not t:
        return True, True
    doc_sql, doc_params = text_search.ids_sql("records", t)
    subj_sql, subj_params = _subjects_sql(t)
    docs, subjects = conn.execute(f"SELECT EXISTS ({doc_sql}), EXISTS ({subj_sql})",
                                  doc_params + subj_params).fetchone()
    return bool(docs), bool(subjects)


def _capped(conn, sql: str, params: list, cap: int) -> int:
    return conn.execute(f"SELECT count(*) FROM ({sql} LIMIT ?)", params + [cap]).fetchone()[0]


def _broad(conn, text: str, sides: tuple[bool, bool] = (True, True)) -> tuple[bool, bool]:
    """(whether a text search matches more records than are worth collecting and sorting, whether it matches more
    subjects than are worth listing for the walk).

    Each side is counted on its own index, capped (issue 18: the count of the whole filter built the list of every
    match first — 147k FTS rows for "〔2021〕", 196 ms at 1M — to find out there were more than 5,000): the 文号
    matches on the FTS index; the records of the subjects by ID prefix as a range sum of ``subject_record_counts``
    and by name through records_subject (migration 36). The decision only chooses the plan; the rows and their
    order do not depend on it."""
    t = text.strip()
    if not t:
        return False, False
    n = 0
    if sides[0]:
        doc_sql, doc_params = text_search.ids_sql("records", t)
        n = _capped(conn, doc_sql, doc_params, SELECTIVE + 1)
        if n > SELECTIVE:
            return True, False
    if not sides[1]:
        return False, False
    subj_sql, subj_params = _subjects_sql(t)
    if _capped(conn, subj_sql, subj_params, BROAD_SUBJECTS + 1) > BROAD_SUBJECTS:
        return True, True
    glob = _glob_prefix(t)
    n += conn.execute("SELECT coalesce(sum(n), 0) FROM subject_record_counts WHERE id_number GLOB ?",
                      (glob,)).fetchone()[0]
    if n <= SELECTIVE:
        name_sql, name_params = text_search.ids_sql("subjects", t)
        n += _capped(conn, f"SELECT 1 FROM records r WHERE r.subject_id IN ({name_sql})", name_params,
                     SELECTIVE + 1 - n)
    return n > SELECTIVE, False


_RECORD_SELECT = ("SELECT r.id, r.subject_id, s.kind, s.name, s.id_number, r.catalogue_code, r.tier, r.status, "
                  "r.doc_number, r.department, r.decision_date, s.id_exception FROM records r "
                  "JOIN subjects s ON s.id = r.subject_id")


def _doc_page(conn, spec: PageSpec, text: str, tier: str, status: str) -> list | None:
    """A page by decision date of the records whose 文号 holds ``text`` (and no subject matches it), read off the
    文号 index in its own order (migration 36: rowid = date_key(decision_date, id)) — it stops after one page
    however common the fragment ("〔2021〕": 147k matches, all older than the 850k records walked before them).
    None when the fragment is not answered by an FTS index (a LIKE scan, as before)."""
    m = text_search.match("records", text)
    if m is None:
        return None
    fts, expr = m
    op, direction = ("<", "DESC") if spec.descending else (">", "ASC")
    conds, params = [f"{fts} MATCH ?"], [expr]
    if spec.after is not None:
        conds.append(f"{fts}.rowid {op} ?")
        params.append(text_search.date_key(spec.after[0], spec.after[1]))
    for col, value in (("r.tier", tier), ("r.status", status)):
        if value:
            conds.append(f"{col} = ?")
            params.append(value)
    sql = (f"SELECT r.id, r.subject_id, s.kind, s.name, s.id_number, r.catalogue_code, r.tier, r.status, "
           f"r.doc_number, r.department, r.decision_date, s.id_exception FROM {fts} "
           f"JOIN records r ON r.id = {fts}.rowid & {text_search.ID_MASK} JOIN subjects s ON s.id = r.subject_id "
           f"{_where(conds)} ORDER BY {fts}.rowid {direction} LIMIT ?")
    return conn.execute(sql, params + [spec.limit]).fetchall()


def records_page(conn, spec: PageSpec, text: str = "", tier: str = "", status: str = "",
                 subject_id: int | None = None) -> list[dict]:
    """One page of records joined to their subject; filter by 文号/name/ID, tier, status, subject."""
    col = RECORD_SORTS[spec.sort]
    cursor, params, order = _keyset(col, spec, "r.id")
    sides = _sides(conn, text)
    rows = None
    if text.strip() and sides == (True, False) and spec.sort == "decision_date" and subject_id is None:
        rows = _doc_page(conn, spec, text.strip(), tier, status)
    if rows is None:
        walk, many = _broad(conn, text, sides)
        conds, cparams = _record_filter(text, tier, status, subject_id, walk=walk, sides=sides, many_subjects=many)
        if walk or not text.strip():
            sql = f"{_RECORD_SELECT} {_where(conds + [cursor])} {order} LIMIT ?"
        else:
            # narrow: the page's ids sorted on the indexes alone (records_subject covers the decision date,
            # migration 36), then only those rows read from the table
            sql = (f"{_RECORD_SELECT} WHERE r.id IN (SELECT r.id FROM records r {_where(conds + [cursor])} "
                   f"{order} LIMIT ?) {order}")
        rows = conn.execute(sql, cparams + params + [spec.limit]).fetchall()
    return [dict(zip(_RECORD_COLS + _MARKED, r)) for r in rows]


def records_count(conn, text: str = "", tier: str = "", status: str = "") -> int:
    """How many records the list's filter matches — exact.

    Without a tier or status filter (issue 18): the 文号 side is counted on its FTS index alone (the filter
    looked up each of the 600k matches of "罚〔" in the records table: 618 ms p95 at 1M); the records of the
    subjects by ID prefix are a range sum over ``subject_record_counts`` (migration 36: "9132", 754k records of
    150k companies, was 150k seeks of records_subject); then the records of the subjects found by name alone, and
    the 文号 matches whose subject matches neither way, are added — every record once."""
    t = text.strip()
    sides = _sides(conn, text)
    if t and not tier and not status:
        if sides == (False, False):
            return 0
        doc_sql, doc_params = text_search.ids_sql("records", t)
        if sides == (True, False):
            return conn.execute(f"SELECT count(*) FROM ({doc_sql})", doc_params).fetchone()[0]
        glob = _glob_prefix(t)
        name_sql, name_params = text_search.ids_sql("subjects", t)
        n = conn.execute("SELECT coalesce(sum(n), 0) FROM subject_record_counts WHERE id_number GLOB ?",
                         (glob,)).fetchone()[0]
        n += conn.execute(f"SELECT count(*) FROM records r WHERE r.subject_id IN (SELECT id FROM subjects "
                          f"WHERE id IN ({name_sql}) AND NOT id_number GLOB ?)", name_params + [glob]).fetchone()[0]
        if sides[0]:
            n += conn.execute(f"SELECT count(*) FROM records r JOIN subjects s ON s.id = r.subject_id "
                              f"WHERE r.id IN ({doc_sql}) AND NOT (s.id_number GLOB ? OR s.id IN ({name_sql}))",
                              doc_params + [glob] + name_params).fetchone()[0]
        return n
    conds, params = _record_filter(text, tier, status, None, sides=sides)
    return conn.execute(f"SELECT count(*) FROM records r {_where(conds)}", params).fetchone()[0]


def subjects_count(conn, text: str = "", kind: str = "") -> int:
    conds, params = [], []
    if text.strip():
        name_sql, name_params = text_search.ids_sql("subjects", text.strip())  # FTS5 (migration 9)
        conds.append(f"(s.id_number GLOB ? OR s.id IN ({name_sql}))")
        params += [_glob_prefix(text.strip())] + name_params
    if kind:
        conds.append("s.kind = ?")
        params.append(kind)
    return conn.execute(f"SELECT count(*) FROM subjects s {_where(conds)}", params).fetchone()[0]


def counts_by(conn, table: str, column: str) -> dict[str, int]:
    """Row counts grouped by one of a few known columns (the dashboard's tallies)."""
    allowed = {("subjects", "kind"), ("records", "tier"), ("records", "status")}
    if (table, column) not in allowed:
        raise ValueError(f"no tally for {table}.{column}")
    return tallies.counts(conn, table, column)  # kept by triggers (migration 9): no count over 1M rows


def monthly_records(conn, since: str) -> dict[str, int]:
    """Records per decision month (YYYY-MM) from the month of ``since`` (an ISO date) on."""
    return tallies.months_since(conn, since)  # kept by triggers (migration 9)


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


# --- work lists: cases, objections, documents, clean-up ledger, commitments, interviews ----------------

CASE_SORTS = {"id": "c.id"}
OBJECTION_SORTS = {"id": "o.id", "due_on": "o.due_on"}
DOCUMENT_SORTS = {"id": "d.id"}
_CASE_COLS = ("id", "subject_id", "kind", "name", "id_type", "id_number", "list_type", "state", "window_end",
              "decided_on", "valid_until", "share_due", "shared_at", "created_by", "origin")
_OBJECTION_COLS = ("id", "subject_id", "kind", "name", "id_type", "id_number", "target_type", "target_id", "stage",
                   "received_on", "due_on", "grounds", "outcome", "resolved_on")
_DOCUMENT_COLS = ("id", "number", "doc_type", "issued_on", "object_type", "object_id", "status", "reprint_count",
                  "printed_by", "file_name")


def _page(conn, sql_head: str, cols, conds: list, params: list, sort_col: str, id_col: str, spec: PageSpec):
    cursor, cparams, order = _keyset(sort_col, spec, id_col)
    rows = conn.execute(f"{sql_head} {_where(conds + [cursor])} {order} LIMIT ?",
                        params + cparams + [spec.limit]).fetchall()
    return [dict(zip(cols, r)) for r in rows]


def cases_page(conn, spec: PageSpec, list_type: str = "", state: str = "") -> list[dict]:
    """One page of listing cases with their subject (the service masks it); filter by list and state."""
    conds, params = [], []
    for col, value in (("c.list_type", list_type), ("c.state", state)):
        if value:
            conds.append(f"{col} = ?")
            params.append(value)
    head = ("SELECT c.id, c.subject_id, s.kind, s.name, s.id_type, s.id_number, c.list_type, c.state, c.window_end, "
            "c.decided_on, c.valid_until, c.share_due, c.shared_at, c.created_by, c.origin, s.id_exception "
            "FROM cases c JOIN subjects s ON s.id = c.subject_id")
    return _page(conn, head, _CASE_COLS + _MARKED, conds, params, CASE_SORTS[spec.sort], "c.id", spec)


def objections_page(conn, spec: PageSpec, open_only: bool = False, target_type: str = "") -> list[dict]:
    """One page of objections with their subject; open ones only when asked."""
    conds, params = [], []
    if open_only:
        conds.append("o.outcome IS NULL")
    if target_type:
        conds.append("o.target_type = ?")
        params.append(target_type)
    head = ("SELECT o.id, o.subject_id, s.kind, s.name, s.id_type, s.id_number, o.target_type, o.target_id, o.stage, "
            "o.received_on, o.due_on, o.grounds, o.outcome, o.resolved_on, s.id_exception "
            "FROM objections o JOIN subjects s ON s.id = o.subject_id")
    return _page(conn, head, _OBJECTION_COLS + _MARKED, conds, params, OBJECTION_SORTS[spec.sort], "o.id", spec)


def documents_page(conn, spec: PageSpec, doc_type: str = "", status: str = "", number: str = "") -> list[dict]:
    """One page of the document register (no personal data); filter by type, status, number prefix."""
    conds, params = [], []
    for col, value in (("d.doc_type", doc_type), ("d.status", status)):
        if value:
            conds.append(f"{col} = ?")
            params.append(value)
    if number.strip():
        conds.append("cd_search_key(d.number) LIKE ? ESCAPE '\\'")  # one normaliser both sides (issue 15)
        params.append(_like_part(search_key(number)))
    head = f"SELECT {', '.join('d.' + c for c in _DOCUMENT_COLS)} FROM ({_REGISTER}) d"
    return _page(conn, head, _DOCUMENT_COLS, conds, params, DOCUMENT_SORTS[spec.sort], "d.id", spec)


# The register as the clerk reads it (issue 17 item 7): printed documents, and the numbers taken when a step
# happened (served notice, decision, repair notice…) but not printed yet — reserved, hand-issued or superseded.
# Those come first (ids above RESERVED_BASE): they are the notices still to print.
RESERVED_BASE = 1_000_000_000
_REGISTER = (
    "SELECT id, number, doc_type, issued_on, object_type, object_id, status, reprint_count, printed_by, file_name "
    "FROM documents UNION ALL "
    f"SELECT {RESERVED_BASE} + id, number, doc_type, reserved_on, object_type, object_id, "
    "CASE WHEN superseded_by IS NOT NULL THEN 'superseded' WHEN external = 1 THEN 'external' ELSE 'reserved' END, "
    "0, reserved_by, '' FROM doc_numbers WHERE document_id IS NULL")


def cleanup_rows(conn) -> list[dict]:
    """The clean-up ledger in entry order (a register of the office's own rules: hundreds of rows at most)."""
    cols = ("id", "name", "shares_info", "blacklist", "measures", "summary", "national_basis", "local_basis",
            "basis_text", "disposition", "completion", "unit", "person", "phone", "status")
    rows = conn.execute(f"SELECT {', '.join(cols)} FROM cleanup_rows ORDER BY id").fetchall()
    return [dict(zip(cols, r)) for r in rows]


def commitment_items(conn) -> list[dict]:
    """The office's commitment items list."""
    cols = ("code", "name", "type", "basis", "active")
    return [dict(zip(cols, r)) for r in conn.execute(f"SELECT {', '.join(cols)} FROM commitment_items ORDER BY code")]


def commitments_page(conn, spec: PageSpec, fulfilment: str = "") -> list[dict]:
    """One page of commitments with their subject and whether it is under key supervision (R17)."""
    conds, params = ([], []) if not fulfilment else (["m.fulfilment = ?"], [fulfilment])
    cols = ("id", "subject_id", "kind", "name", "id_type", "id_number", "item_code", "type", "made_on", "content",
            "fulfilment", "checked_on", "flagged") + _MARKED
    head = ("SELECT m.id, m.subject_id, s.kind, s.name, s.id_type, s.id_number, m.item_code, m.type, m.made_on, "
            "m.content, m.fulfilment, m.checked_on, EXISTS (SELECT 1 FROM supervision_flags f WHERE "
            "f.subject_id = m.subject_id AND f.cleared_on IS NULL), s.id_exception FROM commitments m "
            "JOIN subjects s ON s.id = m.subject_id")
    return _page(conn, head, cols, conds, params, "m.id", "m.id", spec)


def interviews_page(conn, spec: PageSpec) -> list[dict]:
    """One page of interview records with their subject (R18)."""
    cols = ("id", "subject_id", "kind", "name", "id_type", "id_number", "interview_kind", "held_on", "people",
            "reason", "outcome", "rectify_by") + _MARKED
    head = ("SELECT i.id, i.subject_id, s.kind, s.name, s.id_type, s.id_number, i.kind, i.held_on, i.people, i.reason, "
            "i.outcome, i.rectify_by, s.id_exception FROM interviews i JOIN subjects s ON s.id = i.subject_id")
    return _page(conn, head, cols, [], [], "i.id", "i.id", spec)


def subject_brief(conn, subject_id: int) -> dict | None:
    """One subject's identifying columns (the service masks them) for pickers and headings."""
    row = conn.execute("SELECT id, kind, name, id_type, id_number, id_exception FROM subjects WHERE id = ?",
                       (subject_id,)).fetchone()
    return dict(zip(_SUBJECT_COLS + _MARKED, row)) if row else None


def repair_subjects(conn, repair_ids) -> dict[int, dict]:
    """The identifying columns of the subject of each given repair request (the service masks them)."""
    ids = [int(i) for i in repair_ids]
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    rows = conn.execute(f"SELECT r.id, s.id, s.kind, s.name, s.id_type, s.id_number, s.id_exception FROM repairs r "
                        f"JOIN subjects s ON s.id = r.subject_id WHERE r.id IN ({marks})", ids).fetchall()
    return {r[0]: dict(zip(_SUBJECT_COLS + _MARKED, r[1:])) for r in rows}


def pending_records(conn, limit: int = 200) -> list[dict]:
    """Records waiting for a second user's approval (R9), oldest first."""
    cols = _RECORD_COLS + ("leniency_flags", "leniency_justification", "created_by") + _MARKED
    rows = conn.execute("SELECT r.id, r.subject_id, s.kind, s.name, s.id_number, r.catalogue_code, r.tier, r.status, "
                        "r.doc_number, r.department, r.decision_date, r.leniency_flags, r.leniency_justification, "
                        "r.created_by, s.id_exception FROM records r JOIN subjects s ON s.id = r.subject_id "
                        "WHERE r.status = 'pending' ORDER BY r.id LIMIT ?", (limit,)).fetchall()
    return [dict(zip(cols, r)) for r in rows]


def case_objections(conn, case_id: int) -> list[dict]:
    """Objections to one case (also those to the records it rests on are counted by the service)."""
    cols = ("id", "stage", "received_on", "due_on", "grounds", "outcome", "resolved_on")
    rows = conn.execute(f"SELECT {', '.join(cols)} FROM objections WHERE target_type = 'case' AND target_id = ? "
                        "ORDER BY id", (case_id,)).fetchall()
    return [dict(zip(cols, r)) for r in rows]
