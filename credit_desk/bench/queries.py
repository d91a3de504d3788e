"""The fixed, deterministic search queries of the bench, drawn from the seeded data itself.

The same seed gives the same ledger, so the same queries. Each kind mixes what clerks type: organisation
name fragments (4 characters), whole personal names (2–3 characters: 张三 needs the gram index), given
names and surnames (1–2 characters), ID/USCC prefixes, and 文号 fragments of several lengths.
"""

from __future__ import annotations

from credit_desk.store import search, subjects

PER_KIND = 20


def _spread(conn, table: str, n: int) -> list[int]:
    """``n`` row ids spread evenly over the table (deterministic)."""
    top = conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
    return [1 + (i * top) // n for i in range(n)] if top else []


def build(conn, per_kind: int = PER_KIND) -> dict[str, list[str]]:
    """{"name": [...], "id_prefix": [...], "doc_number": [...]}."""
    names, prefixes, docs = [], [], []
    for i, sid in enumerate(_spread(conn, "subjects", per_kind)):
        name, number = conn.execute("SELECT name, id_number FROM subjects WHERE id >= ? ORDER BY id LIMIT 1",
                                    (sid,)).fetchone()
        if len(name) > 6:          # 清江浦区鑫源建材有限公司 -> 鑫源建材
            names.append(name[4:8])
        elif i % 3 == 0:           # a surname or a one-character given name
            names.append(name[-1] if i % 2 else name[0])
        elif i % 3 == 1:           # the given name (1–2 characters)
            names.append(name[1:])
        else:                      # the whole name (2–3 characters)
            names.append(name)
        prefixes.append(number[: 10 + i % 7])
    for i, rid in enumerate(_spread(conn, "records", per_kind)):
        row = conn.execute("SELECT doc_number FROM records WHERE id >= ? ORDER BY id LIMIT 1", (rid,)).fetchone()
        doc = row[0]               # 清市监罚〔2024〕123号
        docs.append((doc[1:], doc[doc.index("〔"):], doc[-4:], doc[1:3])[i % 4])
    return {"name": names, "id_prefix": prefixes, "doc_number": docs}


def run_one(conn, kind: str, text: str):
    """The query a clerk's search runs: subjects by name or ID (store.subjects.search), records by 文号."""
    if kind == "doc_number":
        return search.records_by_doc_number(conn, text, 50)
    return subjects.search(conn, text, 50)

