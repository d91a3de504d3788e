"""Credit checks (信用审查, R22) and the reads of the 公共信用信息报告: the only SQL of the checks capability.

Matching is set-based: the list goes in as ONE JSON parameter (``json_each``) and each source is one query joined
on the indexed number (``subjects.id_number``, ``subjects.legal_rep_id_number``, ``jp_entries.id_number``) or
subject id (``records.subject_id``, ``cases.subject_id``) — five queries whatever the list's length, never one
round-trip per row.
"""

from __future__ import annotations

import json

from credit_desk.store.tx import now_iso

_EFFECTIVE = ("active", "changed")   # domain.record_rules.EFFECTIVE_STATUSES


def _rows_param(rows) -> str:
    return json.dumps([[r.row, r.number, r.name_key] for r in rows], ensure_ascii=False)


_LIST = ("l(row_no, num, name_key) AS (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), "
         "json_extract(value, '$[2]') FROM json_each(?))")


def match_subjects(conn, rows) -> dict[int, dict]:
    """row -> the ledger subject whose number equals the row's (one query over the list)."""
    found = conn.execute(
        f"WITH {_LIST} SELECT l.row_no, s.id, s.kind, s.name, s.id_type, s.id_number, s.legal_rep_name "
        "FROM l JOIN subjects s ON s.id_number = l.num", (_rows_param(rows),))
    keys = ("id", "kind", "name", "id_type", "id_number", "legal_rep_name")
    return {r[0]: dict(zip(keys, r[1:])) for r in found}


def same_name_organisations(conn, names: list[tuple[int, str, str]]) -> dict[int, list[dict]]:
    """row -> the ledger's organisations whose name is one of the row's spellings (row, code, name) and whose
    code is another (one query over the list, on ``subjects_name``)."""
    if not names:
        return {}
    found = conn.execute(
        "WITH l(row_no, num, nm) AS (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), "
        "json_extract(value, '$[2]') FROM json_each(?)) "
        "SELECT DISTINCT l.row_no, s.id, s.kind, s.name, s.id_type, s.id_number FROM l CROSS JOIN subjects s "
        "ON s.name = l.nm WHERE s.kind = 'legal_person' AND s.id_number <> l.num ORDER BY 1, 2",
        (json.dumps([list(n) for n in names], ensure_ascii=False),))
    out: dict[int, list[dict]] = {}
    for r in found:
        out.setdefault(r[0], []).append(dict(zip(("id", "kind", "name", "id_type", "id_number"), r[1:])))
    return out


def effective_records(conn, subject_ids: list[int], today: str) -> dict[int, list[dict]]:
    """subject id -> its records still effective and in publication on ``today`` (R3, R13: a record leaves the
    day after its longest period, whether or not the stop was recorded yet), with the catalogue item's name."""
    found = conn.execute(
        "SELECT r.subject_id, r.id, r.doc_type, r.doc_number, r.doc_authority, r.doc_effective, r.tier, "
        "COALESCE(c.name, r.catalogue_code), r.department, r.decision_date, r.publication_end "
        "FROM json_each(?) j CROSS JOIN records r ON r.subject_id = j.value "   # the list drives: the subject index
        "LEFT JOIN catalogue_items c ON c.edition = r.catalogue_edition AND c.code = r.catalogue_code "
        f"WHERE r.status IN ({', '.join('?' * len(_EFFECTIVE))}) AND r.publication_stopped_on IS NULL "
        "AND (r.publication_end IS NULL OR r.publication_end >= ?) ORDER BY r.subject_id, r.doc_effective, r.id",
        (json.dumps(subject_ids), *_EFFECTIVE, today))
    keys = ("id", "doc_type", "doc_number", "doc_authority", "doc_effective", "tier", "item_name", "department",
            "decision_date", "publication_end")
    out: dict[int, list[dict]] = {}
    for r in found:
        out.setdefault(r[0], []).append(dict(zip(keys, r[1:])))
    return out


def listings_in_force(conn, subject_ids: list[int], today: str) -> dict[int, list[dict]]:
    """subject id -> its listings in force on ``today`` (state listed, within the validity period, R12; not one
    whose basis records were all revoked, ``end_due`` set: R3, ``domain.list_rules.shared_state`` — the platform
    answers the same, att39g)."""
    found = conn.execute(
        "SELECT c.subject_id, c.id, c.list_type, c.department, c.domain, c.ground, c.basis, c.valid_from, "
        "c.valid_until, c.decision_number, c.decided_on FROM json_each(?) j CROSS JOIN cases c ON c.subject_id = j.value "
        "WHERE c.state = 'listed' AND c.end_due IS NULL AND (c.valid_from IS NULL OR c.valid_from <= ?) "
        "AND (c.valid_until IS NULL OR c.valid_until >= ?) ORDER BY c.subject_id, c.decided_on, c.id",
        (json.dumps(subject_ids), today, today))
    keys = ("case_id", "list_type", "department", "domain", "ground", "basis", "valid_from", "valid_until",
            "decision_number", "decided_on")
    out: dict[int, list[dict]] = {}
    for r in found:
        out.setdefault(r[0], []).append(dict(zip(keys, r[1:])))
    return out


def represented_in_force(conn, rows, today: str) -> dict[int, list[dict]]:
    """row -> the black listings in force of subjects whose legal representative's ID number is the row's (one
    query over the list, on ``subjects_legal_rep_id``)."""
    found = conn.execute(
        f"WITH {_LIST} SELECT l.row_no, s.id, s.kind, s.name, s.id_type, s.id_number, c.id, c.list_type, "
        "c.department, c.domain, c.ground, c.basis, c.valid_from, c.valid_until, c.decision_number, c.decided_on "
        "FROM l CROSS JOIN subjects s ON s.legal_rep_id_number = l.num CROSS JOIN cases c ON c.subject_id = s.id "
        "WHERE +c.state = 'listed' AND c.end_due IS NULL AND c.list_type = 'black' "  # R3 as listings_in_force
        "AND (c.valid_from IS NULL OR c.valid_from <= ?) "
        "AND (c.valid_until IS NULL OR c.valid_until >= ?) ORDER BY l.row_no, c.id", (_rows_param(rows), today, today))
    keys = ("case_id", "list_type", "department", "domain", "ground", "basis", "valid_from", "valid_until",
            "decision_number", "decided_on")
    out: dict[int, list[dict]] = {}
    for r in found:
        unit = dict(zip(("id", "kind", "name", "id_type", "id_number"), r[1:6]))
        out.setdefault(r[0], []).append({**dict(zip(keys, r[6:])), "unit": unit})
    return out


def joint_hits(conn, rows) -> dict[int, list[dict]]:
    """row -> the platform's joint-punishment entries matching it: by number, or by name (through the one
    normaliser ``cd_search_key``) for an entry that carries no number (as ``sync_state.joint_matches``)."""
    found = conn.execute(
        f"WITH {_LIST}, nameless(k, data) AS (SELECT cd_search_key(name), data FROM jp_entries "
        "WHERE id_number IS NULL OR id_number = '') "
        "SELECT l.row_no, e.data FROM l JOIN jp_entries e ON e.id_number = l.num "
        "UNION ALL SELECT l.row_no, n.data FROM l JOIN nameless n ON n.k = l.name_key ORDER BY 1",
        (_rows_param(rows),))
    out: dict[int, list[dict]] = {}
    for row_no, data in found:
        out.setdefault(row_no, []).append(json.loads(data))
    return out


def penalty_hits(conn, rows, today: str) -> dict[int, list[dict]]:
    """row -> the 双公示 penalties about its code or ID number that are publicly shown on ``today`` (R13: published,
    a tier that is published, within the longest period whether or not the stop was recorded yet; R3: a revoked
    one is gone) — two index look-ups per row (``admin_decisions_uscc`` / ``admin_decisions_id_number``)."""
    cols = ("d.id, d.doc_number, d.category, d.content, d.decision_date, d.authority, d.tier, d.fine_wan, "
            "d.publication_end, d.party_kind, d.party_name, d.id_number, d.rep_name, d.rep_id_number")
    shown = "d.kind = 'penalty' AND d.state = 'published' AND d.publication_end IS NOT NULL AND d.publication_end >= ?"
    found = conn.execute(
        f"WITH {_LIST} SELECT l.row_no, {cols} FROM l CROSS JOIN admin_decisions d ON d.uscc = l.num WHERE {shown} "
        f"UNION SELECT l.row_no, {cols} FROM l CROSS JOIN admin_decisions d ON d.id_number = l.num WHERE {shown} "
        "ORDER BY 1, 6, 2", (_rows_param(rows), today, today))
    keys = ("decision_id", "doc_number", "category", "content", "decision_date", "authority", "tier", "fine_wan",
            "publication_end", "party_kind", "party_name", "id_number", "rep_name", "rep_id_number")
    out: dict[int, list[dict]] = {}
    for r in found:
        out.setdefault(r[0], []).append(dict(zip(keys, r[1:])))
    return out


def bare_join_count(conn, rows) -> int:
    """The floor the benchmark compares with: the list joined to the subjects on the number, nothing else."""
    return conn.execute(f"WITH {_LIST} SELECT count(*) FROM l JOIN subjects s ON s.id_number = l.num",
                        (_rows_param(rows),)).fetchone()[0]


# --- the register of checks ---------------------------------------------------------------------------------

_COLS = ("id", "department", "purpose", "source", "as_of", "joint_version", "row_count", "hit_count",
         "not_found_count", "created_by", "created_at")


def insert_check(tx, check: dict, results: list[dict]) -> int:
    """A check as it was answered: its request, the data's date and every row's result (kept in the ledger)."""
    return tx.execute(
        "INSERT INTO credit_checks (department, purpose, source, as_of, joint_version, row_count, hit_count, "
        "not_found_count, results, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (check["department"], check["purpose"], check["source"], check["as_of"], check.get("joint_version"),
         check["row_count"], check["hit_count"], check["not_found_count"],
         json.dumps(results, ensure_ascii=False), check["created_by"], now_iso())).lastrowid


def get_check(conn, check_id: int) -> dict | None:
    row = conn.execute(f"SELECT {', '.join(_COLS)}, results FROM credit_checks WHERE id = ?", (check_id,)).fetchone()
    if row is None:
        return None
    return {**dict(zip(_COLS, row[:-1])), "results": json.loads(row[-1])}


def list_checks(conn, limit: int = 200) -> list[dict]:
    """The register, newest first: request, counts and who ran it (no row of the list)."""
    rows = conn.execute(f"SELECT {', '.join(_COLS)} FROM credit_checks ORDER BY id DESC LIMIT ?", (limit,))
    return [dict(zip(_COLS, r)) for r in rows]


def report_numbers(conn, check_id: int) -> list[str]:
    """The numbers of the 信用审查报告 printed for a check (the document register links them)."""
    return [n for (n,) in conn.execute(
        "SELECT number FROM documents WHERE object_type = 'credit_check' AND object_id = ? ORDER BY id",
        (str(check_id),))]


# --- the reads of one subject's 公共信用信息报告 -------------------------------------------------------------

def subject_listings(conn, subject_id: int, start: str, end: str) -> list[dict]:
    """Listings decided up to ``end`` whose validity reaches into the period (in force, or exited within it)."""
    rows = conn.execute(
        "SELECT id, list_type, state, department, ground, basis, valid_from, valid_until, decision_number, "
        "decided_on, exited_on FROM cases WHERE subject_id = ? AND state IN ('listed', 'exited') "
        "AND decided_on IS NOT NULL AND substr(decided_on, 1, 10) <= ? "
        "AND (valid_until IS NULL OR valid_until >= ?) ORDER BY decided_on, id", (subject_id, end, start))
    keys = ("case_id", "list_type", "state", "department", "ground", "basis", "valid_from", "valid_until",
            "decision_number", "decided_on", "exited_on")
    return [dict(zip(keys, r)) for r in rows]


def subject_decisions(conn, numbers: list[str], start: str, end: str, today: str) -> list[dict]:
    """双公示 decisions about the subject (its USCC or ID number) decided in the period and publicly shown today
    (R13: published, within the period; a slight penalty is never shown; R3: a revoked one is gone)."""
    marks = ", ".join("?" * len(numbers))
    rows = conn.execute(
        "SELECT id, kind, doc_number, category, content, decision_date, authority, fine_wan, valid_until, "
        "publication_end, party_kind, party_name, id_number, rep_name, rep_id_number "
        f"FROM admin_decisions WHERE (uscc IN ({marks}) OR id_number IN ({marks})) "
        "AND state = 'published' AND decision_date BETWEEN ? AND ? "
        "AND (publication_end IS NULL OR publication_end >= ?) ORDER BY decision_date, id",
        (*numbers, *numbers, start, end, today))
    keys = ("id", "kind", "doc_number", "category", "content", "decision_date", "authority", "fine_wan",
            "valid_until", "publication_end", "party_kind", "party_name", "id_number", "rep_name", "rep_id_number")
    return [dict(zip(keys, r)) for r in rows]


def subject_commitments(conn, subject_id: int, start: str, end: str) -> list[dict]:
    """R17: commitments made in the period, with the item's name and how they were kept."""
    rows = conn.execute(
        "SELECT c.id, c.type, c.made_on, COALESCE(i.name, c.item_code), c.fulfilment, c.checked_on "
        "FROM commitments c LEFT JOIN commitment_items i ON i.code = c.item_code "
        "WHERE c.subject_id = ? AND c.made_on BETWEEN ? AND ? ORDER BY c.made_on, c.id", (subject_id, start, end))
    keys = ("id", "type", "made_on", "item_name", "fulfilment", "checked_on")
    return [dict(zip(keys, r)) for r in rows]
