"""Legacy ledger import (issue 19 item 3): saved column mappings and the look-ups the import makes in bulk."""

from __future__ import annotations

import json

from credit_desk.store.tx import to_json


def save_mapping(tx, name: str, headers_key: str, mapping: dict, username: str, ts: str) -> int:
    return tx.execute("INSERT INTO legacy_mappings (name, headers_key, mapping, saved_by, saved_at) "
                      "VALUES (?, ?, ?, ?, ?)", (name, headers_key, to_json(mapping), username, ts)).lastrowid


def mappings(conn) -> list[dict]:
    """Every saved mapping, newest first: {id, name, headers_key, mapping, saved_by, saved_at}."""
    rows = conn.execute("SELECT id, name, headers_key, mapping, saved_by, saved_at FROM legacy_mappings "
                        "ORDER BY id DESC")
    return [{"id": i, "name": n, "headers_key": k, "mapping": json.loads(m), "saved_by": b, "saved_at": a}
            for i, n, k, m, b, a in rows]


def existing_subjects(conn, keys: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """{(id_type, id_number): subject id} of the keys already registered (one query per 500 keys)."""
    found = {}
    for i in range(0, len(keys), 500):
        chunk = keys[i:i + 500]
        rows = conn.execute("SELECT id_type, id_number, id FROM subjects WHERE (id_type, id_number) IN "
                            "(SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))",
                            (json.dumps(chunk),))
        found.update({(t, n): sid for t, n, sid in rows})
    return found


def existing_records(conn, subject_ids: list[int]) -> set[tuple[int, str, str]]:
    """(subject id, catalogue code, 文号) of the records already held for these subjects."""
    found = set()
    for i in range(0, len(subject_ids), 500):
        rows = conn.execute("SELECT subject_id, catalogue_code, doc_number FROM records WHERE subject_id IN "
                            "(SELECT value FROM json_each(?))", (json.dumps(subject_ids[i:i + 500]),))
        found.update(rows)
    return found


def numbers_taken(conn, numbers: list[str]) -> set[str]:
    """The 文号 among ``numbers`` already in the document register (printed, reserved or recorded by hand)."""
    found = set()
    for i in range(0, len(numbers), 500):
        chunk = json.dumps(numbers[i:i + 500])
        rows = conn.execute("SELECT number FROM documents WHERE number IN (SELECT value FROM json_each(?)) "
                            "UNION SELECT number FROM doc_numbers WHERE number IN (SELECT value FROM json_each(?))",
                            (chunk, chunk))
        found.update(n for (n,) in rows)
    return found
