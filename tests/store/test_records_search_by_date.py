"""Issue 18 (session 34): the records list's search box at 1M — migration 36 keys the 文号 indexes by
(decision_date, id) and widens ``records_subject`` to (subject_id, decision_date); ``views.records_page`` reads a
文号 search off that index in the list's order, ``views.records_count`` counts each side on its own index.

The rows, their order and the counts must be what they were: every path (the 文号 index in date order, the
collect-and-sort of a narrow search, the walk of a broad one, the one-pass count of a broad ID prefix) is pinned
against a plain scan that spells the search out — 文号 or name holding the search key, or ID starting with the
prefix — sorted by (decision_date, id)."""

from __future__ import annotations

import pytest

from credit_desk.bench import seeding
from credit_desk.domain.textkey import search_key
from credit_desk.services import demo
from credit_desk.store import search, views
from credit_desk.store.views import PageSpec

COLS = ("id", "subject_id", "kind", "name", "id_number", "catalogue_code", "tier", "status", "doc_number",
        "department", "decision_date", "id_exception")


@pytest.fixture(scope="module")
def led(tmp_path_factory):
    desk, session = seeding.make_office(tmp_path_factory.mktemp("bydate") / "data")
    demo.seed(session, subjects_n=200, records_n=1200, seed_value=11)
    yield session
    desk.close()


def _reference(conn, text: str, sort: str = "decision_date", descending: bool = True, tier: str = "",
               status: str = "") -> list[dict]:
    """The search spelt out as a scan of every record: 文号 or subject name holding the key, or ID by prefix."""
    like = search.like_part(search_key(text))
    glob = search.glob_prefix(text)
    col = views.RECORD_SORTS[sort]
    d = "DESC" if descending else "ASC"
    order = f"r.id {d}" if sort == "id" else f"{col} {d}, r.id {d}"
    rows = conn.execute(
        "SELECT r.id, r.subject_id, s.kind, s.name, s.id_number, r.catalogue_code, r.tier, r.status, r.doc_number, "
        "r.department, r.decision_date, s.id_exception FROM records r NOT INDEXED JOIN subjects s ON s.id = r.subject_id "
        "WHERE (cd_search_key(r.doc_number) LIKE ?1 ESCAPE '\\' OR cd_search_key(s.name) LIKE ?1 ESCAPE '\\' "
        "OR s.id_number GLOB ?2) AND (?3 = '' OR r.tier = ?3) AND (?4 = '' OR r.status = ?4) "
        f"ORDER BY {order}", (like, glob, tier, status)).fetchall()
    return [dict(zip(COLS, r)) for r in rows]


def _texts(conn) -> list[str]:
    year = conn.execute("SELECT substr(decision_date, 1, 4) FROM records ORDER BY id LIMIT 1").fetchone()[0]
    doc = conn.execute("SELECT doc_number FROM records ORDER BY id LIMIT 1 OFFSET 7").fetchone()[0]
    org, code = conn.execute("SELECT name, id_number FROM subjects WHERE kind = 'legal_person' ORDER BY id "
                             "LIMIT 1").fetchone()
    person, pid = conn.execute("SELECT name, id_number FROM subjects WHERE kind = 'natural_person' ORDER BY id "
                               "LIMIT 1").fetchone()
    return [f"〔{year}〕", f"〔{year}", "罚〔", "罚", "〔", doc, doc[-4:], doc[1:3], org[4:8], org, person[0], person,
            code[:4], code[:8], code[:12], pid[:6], pid, "9132", "3", "32", "没有这个名字的主体"]  # "3": 文号 and IDs


def _pages(conn, spec: PageSpec, text: str, tier: str = "", status: str = "") -> list[dict]:
    """Every row the list would show, page after page through the keyset cursor."""
    out, after = [], None
    while True:
        page = views.records_page(conn, PageSpec(spec.sort, spec.descending, after, spec.limit), text, tier, status)
        out += page
        if len(page) < spec.limit:
            return out
        last = page[-1]
        after = (last["id"], last["id"]) if spec.sort == "id" else (last[spec.sort], last["id"])


@pytest.mark.parametrize("selective, broad_subjects", [(views.SELECTIVE, views.BROAD_SUBJECTS), (10, 3), (10, 10 ** 6)])
def test_records_search_pages_and_counts_are_the_scan_s_rows_in_order(led, monkeypatch, selective, broad_subjects):
    """Both thresholds as shipped and lowered, so that the 1,200-record ledger takes the walk and one-pass paths
    a 1M ledger takes; every page of every text, descending and ascending, and the count."""
    monkeypatch.setattr(views, "SELECTIVE", selective)
    monkeypatch.setattr(views, "BROAD_SUBJECTS", broad_subjects)
    conn = led.ledger.conn
    for text in _texts(conn):
        want = _reference(conn, text)
        assert views.records_count(conn, text) == len(want), text
        assert _pages(conn, PageSpec("decision_date", True, None, 97), text) == want, text
        assert _pages(conn, PageSpec("decision_date", False, None, 97), text) == _reference(conn, text,
                                                                                         descending=False), text
        assert _pages(conn, PageSpec("id", True, None, 97), text) == _reference(conn, text, "id"), text


def test_records_search_with_tier_and_status_keeps_the_scan_s_rows(led, monkeypatch):
    monkeypatch.setattr(views, "SELECTIVE", 10)
    conn = led.ledger.conn
    tier, status = conn.execute("SELECT tier, status FROM records ORDER BY id LIMIT 1").fetchone()
    for text in _texts(conn)[:8]:
        want = _reference(conn, text, tier=tier, status=status)
        assert views.records_count(conn, text, tier, status) == len(want), text
        assert _pages(conn, PageSpec("decision_date", True, None, 50), text, tier, status) == want, text
