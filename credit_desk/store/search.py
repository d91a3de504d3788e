"""Substring search over subject names and 文号 through the FTS5 indexes of migration 9.

A fragment of 3 or more characters is a phrase query on the trigram index (``<table>_fts``): the phrase of
its consecutive trigrams matches exactly the texts that contain it. A shorter fragment cannot use trigrams,
so it goes to the 2-character gram index (``<table>_grams``): 2 characters are one gram token, 1 character
is a prefix query (each character of a text starts a gram, the last one stands alone). The gram index uses
FTS5's ``ascii`` tokenizer, which splits at ASCII punctuation and spaces; a 1–2 character fragment that
contains one is answered by a plain LIKE scan instead (rare, and still correct).

Both the indexes and the fragments hold ``domain.textkey.search_key`` of the text (migration 10): width,
middle-dot, bracket and dash variants and spaces do not matter. A 15-digit first-generation ID number is
also looked up under its 18-digit GB 11643 form.

FTS5 returns matches in rowid order, so "the first N matches by id" stops after N rows however common the
fragment is. The 文号 indexes (``records_fts``, ``records_grams``) are keyed by the records list's default order
instead (migration 36, issue 18): rowid = ``date_key(decision_date, id)`` = the decision date as YYYYMMDD shifted
32 bits left, OR the record id, so "the newest N records whose 文号 holds the fragment" is read off the index in
rowid order and stops after N rows ("〔2021〕" walked 850k index entries of the newest years before); the record id
is ``rowid & ID_MASK``.
"""

from __future__ import annotations

from credit_desk.domain.ids import id_search_forms
from credit_desk.domain.textkey import search_key

TRIGRAM_MIN = 3
SELECTIVE = 5000  # at most this many ID-prefix matches are collected and sorted; more are walked in id order

# the searchable text of each table with a search index
SEARCHED = {"subjects": "name", "records": "doc_number"}

ID_BITS = 32
ID_MASK = (1 << ID_BITS) - 1
# the FTS rowid of a records row (migration 36): ISO dates order as their YYYYMMDD integers, so the key orders as
# (decision_date, id) does; a record id stays below 2**32
_DATE_KEY = "((CAST(replace({d}, '-', '') AS INTEGER) << 32) | {i})"


def date_key_sql(date_expr: str, id_expr: str) -> str:
    """SQL for the 文号 index rowid of a record with the given decision date and id (migration 36)."""
    return _DATE_KEY.format(d=date_expr, i=id_expr)


def date_key(decision_date: str, record_id: int) -> int:
    """The same key in Python (a keyset cursor)."""
    return (int(decision_date.replace("-", "")) << ID_BITS) | int(record_id)


def _rowid_id(table: str) -> str:
    return f"rowid & {ID_MASK}" if table == "records" else "rowid"


def phrase(text: str) -> str:
    """An FTS5 string literal: the text as one phrase, double quotes doubled."""
    return '"' + text.replace('"', '""') + '"'


def like_part(text: str) -> str:
    """A LIKE pattern (ESCAPE '\\') for texts holding ``text``; an empty key (a zero-width space or soft hyphen
    typed alone) gives ``""``, which matches no name or 文号 — never every row (R14, R15)."""
    if not text:
        return ""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _gram_safe(text: str) -> bool:
    return all(ord(ch) > 127 or ch.isalnum() for ch in text)


def match(table: str, text: str) -> tuple[str, str] | None:
    """(FTS5 table, MATCH expression) that finds ``text`` inside ``table``'s searched text; None: use LIKE."""
    text = search_key(text)
    if len(text) >= TRIGRAM_MIN:
        return f"{table}_fts", phrase(text)
    if not text or not _gram_safe(text):
        return None
    return f"{table}_grams", phrase(text) + ("*" if len(text) == 1 else "")


def _like_sql(table: str) -> str:
    return f"SELECT id FROM {table} WHERE cd_search_key({SEARCHED[table]}) LIKE ? ESCAPE '\\'"


def ids_sql(table: str, text: str) -> tuple[str, list]:
    """A SELECT of the ids of ``table`` rows whose searched text contains ``text`` (for ``id IN (...)``)."""
    m = match(table, text)
    if m is None:
        return _like_sql(table), [like_part(search_key(text))]
    fts, expr = m
    return f"SELECT {_rowid_id(table)} FROM {fts} WHERE {fts} MATCH ?", [expr]


def first_ids(conn, table: str, text: str, limit: int, offset: int = 0) -> list[int]:
    """Ids of the first matches in id order; stops after ``offset + limit`` rows (subjects; the 文号 index is in
    date order since migration 36, so records' matches are all read and sorted)."""
    m = match(table, text)
    if m is None:
        sql, params = _like_sql(table) + " ORDER BY id", [like_part(search_key(text))]
    else:
        fts, expr = m
        sql, params = f"SELECT {_rowid_id(table)} AS id FROM {fts} WHERE {fts} MATCH ? ORDER BY id", [expr]
    return [r for (r,) in conn.execute(f"{sql} LIMIT ? OFFSET ?", params + [limit, offset])]


def glob_prefix(text: str) -> str:
    """A GLOB pattern for an ID/USCC prefix (IDs are stored normalised, in capitals); GLOB uses the index.

    A 15-digit first-generation ID number becomes its 18-digit form (the only form stored), so the subject
    is found under either.

    A text that is empty once normalised (a zero-width space, a soft hyphen alone) or that holds a GLOB
    wildcard (``*`` alone, a masked number ``3201**********1232`` pasted from a list) gives ``""``, which matches
    no ID (every subject has one): such a text is no prefix, and widening it would show subjects the clerk did
    not ask for (R14, R15).
    """
    forms = id_search_forms(search_key(text))
    if len(forms) > 1:
        return forms[-1]
    key = forms[0]
    if not key or any(ch in key for ch in "*?[]"):  # R14/R15: no wildcard search over ID numbers
        return ""
    return key + "*"


def id_prefix_ids(conn, text: str, limit: int) -> list[int]:
    """Ids of subjects whose ID/USCC starts with ``text``, the first ``limit`` in id order.

    A selective prefix is collected through the id_number index and sorted; a broad one ("9132", every
    code of the county) is walked in id order (unary + keeps it off the index) and stops after ``limit``.
    """
    pattern = glob_prefix(text)
    n = conn.execute("SELECT count(*) FROM (SELECT 1 FROM subjects WHERE id_number GLOB ? LIMIT ?)",
                     (pattern, SELECTIVE + 1)).fetchone()[0]
    plus = "+" if n > SELECTIVE else ""
    rows = conn.execute(f"SELECT id FROM subjects WHERE {plus}id_number GLOB ? ORDER BY id LIMIT ?",
                        (pattern, limit))
    return [r for (r,) in rows]


def records_by_doc_number(conn, text: str, limit: int = 50) -> list[tuple[int, str]]:
    """(id, 文号) of the first records, in id order, whose 文号 contains ``text``."""
    ids = first_ids(conn, "records", text.strip(), limit)
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    return [tuple(r) for r in conn.execute(f"SELECT id, doc_number FROM records WHERE id IN ({marks}) ORDER BY id",
                                           ids)]
