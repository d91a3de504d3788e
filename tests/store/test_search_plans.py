"""Issue 9: the listed queries use their index or FTS5 table, never a full scan of subjects or records.

Each query is run for real with the trace hook on; every SELECT it sends is put through EXPLAIN QUERY PLAN.
"""

from __future__ import annotations

import re

import pytest

from credit_desk.bench import seeding
from credit_desk.services import browse, cases, demo, due
from credit_desk.store import search, subjects, tallies, views
from credit_desk.store.views import PageSpec

BIG = ("subjects", "records", "s", "r")


@pytest.fixture(scope="module")
def led(tmp_path_factory):
    desk, session = seeding.make_office(tmp_path_factory.mktemp("plans") / "data")
    demo.seed(session, subjects_n=300, records_n=1500, seed_value=4)
    seeding.seed_cases(session, 40, 300, 1500)
    yield seeding.business_session(session)  # the administrator seeds; a clerk reads (R14)
    desk.close()


def _plans(conn, call) -> list[tuple[str, list[str]]]:
    """(statement, plan lines) of every SELECT ``call`` runs."""
    sent: list[str] = []
    conn.set_trace_callback(sent.append)
    try:
        call()
    finally:
        conn.set_trace_callback(None)
    out = []
    for sql in sent:
        if sql.lstrip().upper().startswith(("SELECT", "WITH")):
            out.append((sql, [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql)]))
    assert out, "the call ran no SELECT"
    return out


def _full_scans(plans) -> list[str]:
    """Plan lines that read a big table from end to end (an FTS5 MATCH shows as 'VIRTUAL TABLE INDEX n:M')."""
    bad = []
    for sql, lines in plans:
        for line in lines:
            m = re.match(r"SCAN (\w+)", line)
            if m and m.group(1) in BIG and "USING" not in line:
                bad.append(f"{line}  <-  {sql}")
    return bad


def _uses(plans, needle: str) -> bool:
    return any(needle in line for _sql, lines in plans for line in lines)


@pytest.mark.parametrize("text, index", [("鑫源建材", "subjects_fts"), ("有限公司", "subjects_fts"),
                                         ("张伟", "subjects_grams"), ("王", "subjects_grams")])
def test_subject_name_search_uses_fts(led, text, index):
    conn = led.ledger.conn
    plans = _plans(conn, lambda: subjects.search(conn, text))
    assert _uses(plans, f"{index} VIRTUAL TABLE INDEX") and not _full_scans(plans), plans


def test_id_prefix_search_uses_the_id_number_index(led):
    conn = led.ledger.conn
    plans = _plans(conn, lambda: search.id_prefix_ids(conn, "91320812", 50))
    assert _uses(plans, "INDEX subjects_id_number") or _uses(plans, "sqlite_autoindex_subjects_1")
    selective = _plans(conn, lambda: search.id_prefix_ids(conn, "9132081234", 50))
    assert not _full_scans(selective), selective


@pytest.mark.parametrize("text, index", [("市监罚〔2024〕1", "records_fts"), ("〔2023〕", "records_fts"),
                                         ("3号", "records_grams"), ("罚", "records_grams")])
def test_doc_number_search_uses_fts(led, text, index):
    conn = led.ledger.conn
    plans = _plans(conn, lambda: search.records_by_doc_number(conn, text))
    assert _uses(plans, f"{index} VIRTUAL TABLE INDEX") and not _full_scans(plans), plans


@pytest.mark.parametrize("text, index", [("市监罚〔2024〕12", "records_fts"), ("清江浦区鑫源", "subjects_fts"),
                                         ("张伟", "records_grams")])
def test_records_view_search_collects_matches_through_fts_not_a_scan(led, text, index):
    conn = led.ledger.conn
    plans = _plans(conn, lambda: (views.records_page(conn, PageSpec("decision_date", True, None, 200), text),
                                  views.records_count(conn, text)))
    assert _uses(plans, f"{index} VIRTUAL TABLE INDEX") and not _full_scans(plans), plans


def test_subjects_view_search_uses_fts(led):
    conn = led.ledger.conn
    plans = _plans(conn, lambda: (views.subjects_page(conn, PageSpec("name", False, None, 200), "建材"),
                                  views.subjects_count(conn, "建材")))
    assert _uses(plans, "subjects_grams VIRTUAL TABLE INDEX") and not _full_scans(plans), plans


def test_first_pages_walk_an_index_in_order_and_sort_nothing(led):
    conn = led.ledger.conn
    for call in (lambda: views.records_page(conn, PageSpec("decision_date", True, None, 200)),
                 lambda: views.subjects_page(conn, PageSpec("name", False, None, 200)),
                 lambda: cases.list_cases(led, limit=200)):
        plans = _plans(conn, call)
        assert not any("TEMP B-TREE" in line for _s, lines in plans for line in lines), plans


def test_dashboard_reads_tallies_not_a_million_rows(led):
    reader = browse.Reader(led)
    try:
        with reader.lease() as conn:  # the same pooled connection the two reads below lease again
            plans = _plans(conn, lambda: (browse.dashboard_counts(led, reader),
                                          browse.monthly_trend(led, reader, led.desk.today())))
    finally:
        reader.close()
    assert all("tallies" in line for _s, lines in plans for line in lines), plans


def test_due_list_finds_cases_by_state_index(led):
    conn = led.ledger.conn
    plans = _plans(conn, lambda: due.due_items(led))
    assert _uses(plans, "cases_state") and not any(re.match(r"SCAN cases\b", line) and "USING" not in line
                                                   for _s, lines in plans for line in lines), plans


def test_tallies_match_a_recount(led):
    conn = led.ledger.conn
    for table, name, _expr in tallies.TALLIED:
        assert tallies.counts(conn, table, name) == tallies.recount(conn, table, name)


def test_r22_a_credit_check_matches_set_based_through_the_indexes(led):
    """A 100-row list is matched in six SELECTs (not one per row), each on an index, never a scan of the
    subjects or records (issue 19 item 2); the sixth, the office's own published 双公示 penalties (9103ebf), on the
    decisions' party-code index (migration 32); the seventh, the organisations of the same name under another
    code for the rows whose code is not in the ledger (att19d), on the subjects' name index."""
    from credit_desk.domain import checks as d
    from credit_desk.services.checks import lists
    conn = led.ledger.conn
    known = [r[0] for r in conn.execute("SELECT id_number FROM subjects ORDER BY id LIMIT 100")]
    rows = [d.ListRow(i, f"名称{i}", n, d.IdType.USCC, f"名称{i}") for i, n in enumerate(known, start=2)]
    rows += [d.ListRow(200 + i, f"名称{i}", f"NOTINLEDGER{i:07d}", d.IdType.USCC, f"名称{i}") for i in range(50)]
    plans = _plans(conn, lambda: lists.match(conn, rows, led.desk.today().isoformat()))
    assert len(plans) == 7, [s for s, _ in plans]
    for index in ("subjects_id_number", "records_subject", "cases_subject", "jp_entries_id_number",
                  "subjects_legal_rep_id", "admin_decisions_uscc", "subjects_name"):
        assert _uses(plans, index), (index, plans)
    assert not _full_scans(plans), plans


def test_a_doc_number_fragment_that_names_no_subject_leaves_the_subject_term_out(led):
    """Issue 18: "〔2024〕" matches a fifth of the records and no subject; with the subject term in the OR, the
    walk down the decision-date index read every record row it passed (4.4 s at 1M). The term of a side that
    matches nothing is left out, so the 文号 term is checked on the index walk alone; the rows are the same."""
    conn = led.ledger.conn
    year = conn.execute("SELECT substr(decision_date, 1, 4) FROM records ORDER BY id LIMIT 1").fetchone()[0]
    text = f"〔{year}〕"
    spec = PageSpec("decision_date", True, None, 200)
    plans = _plans(conn, lambda: views.records_page(conn, spec, text))
    page_plans = [(sql, lines) for sql, lines in plans if "JOIN subjects" in sql]
    assert page_plans and not any("subjects_fts" in ln or "subjects_id_number" in ln
                                  for _sql, lines in page_plans for ln in lines), page_plans
    rows = views.records_page(conn, spec, text)
    like = conn.execute("SELECT count(*) FROM records WHERE doc_number LIKE ?", (f"%{text}%",)).fetchone()[0]
    assert rows and all(text in r["doc_number"] for r in rows)
    assert views.records_count(conn, text) == like
    # the other way round: a company name that is in no 文号 reads no 文号 index, and finds its records
    name = conn.execute("SELECT name FROM subjects WHERE kind = 'legal_person' ORDER BY id LIMIT 1").fetchone()[0]
    fragment = name[4:8]
    plans = _plans(conn, lambda: views.records_page(conn, spec, fragment))
    page_plans = [(sql, lines) for sql, lines in plans if "JOIN subjects" in sql]
    assert not any("records_fts" in ln for _sql, lines in page_plans for ln in lines), page_plans
    assert all(fragment in r["name"] for r in views.records_page(conn, spec, fragment))
    # and a text in neither finds nothing
    assert views.records_page(conn, spec, "没有这个名字的主体") == [] and views.records_count(conn, "没有这个名字的主体") == 0


def _year_text(conn) -> str:
    year = conn.execute("SELECT substr(decision_date, 1, 4) FROM records ORDER BY decision_date LIMIT 1").fetchone()[0]
    return f"〔{year}〕"  # the oldest year: at 1M every newer record came before its first match on the date walk


@pytest.mark.parametrize("fragment", ["year", "罚〔", "罚"])
def test_a_doc_number_page_reads_the_doc_index_in_date_order_not_the_decision_date_walk(led, fragment):
    """Issue 18 (session 34): the page of "〔2021〕" (147k matches at 1M, all in the oldest year) walked the
    decision-date index from the newest record and checked each against the list of every match — 273 ms p95 at
    1M, max 336 ms. Migration 36 keys the 文号 indexes by (decision_date, id): the page is read off the FTS index in
    rowid order, the list of all matches is never built, nothing is sorted."""
    conn = led.ledger.conn
    text = _year_text(conn) if fragment == "year" else fragment
    index = "records_fts" if len(text) >= 3 else "records_grams"
    for spec in (PageSpec("decision_date", True, None, 200), PageSpec("decision_date", False, None, 200),
                 PageSpec("decision_date", True, ("2024-06-30", 10 ** 6), 200)):
        plans = [(sql, lines) for sql, lines in _plans(conn, lambda: views.records_page(conn, spec, text))
                 if "JOIN subjects" in sql]
        assert len(plans) == 1, plans
        lines = plans[0][1]
        assert lines[0].startswith(f"SCAN {index} VIRTUAL TABLE INDEX"), lines
        assert not any("records_decision_date" in ln or "TEMP B-TREE" in ln or "LIST SUBQUERY" in ln
                       for ln in lines), lines


@pytest.mark.parametrize("fragment", ["year", "罚〔"])
def test_a_doc_number_count_is_counted_on_the_fts_index_alone(led, fragment):
    """Issue 18 (session 34): the count of "罚〔" looked each of its 600k matches up in the records table (618 ms
    p95 at 1M); a 文号 that names no subject is counted on its FTS index without reading a records row."""
    conn = led.ledger.conn
    text = _year_text(conn) if fragment == "year" else fragment
    plans = [(sql, lines) for sql, lines in _plans(conn, lambda: views.records_count(conn, text))
             if sql.lstrip().startswith("SELECT count(*)")]
    assert plans and not any(re.match(r"(SCAN|SEARCH) r\b", ln) for _s, lines in plans for ln in lines), plans


def test_an_id_prefix_count_is_a_range_sum_over_subject_record_counts(led):
    """Issue 18 (session 34): "9132" matches 150k companies and 754k records at 1M; the count sought the records
    of each company in records_subject (145 ms p95). Migration 36 keeps each subject's record count under its ID:
    the count is a range sum over that table, and no records index is walked for the ID side."""
    conn = led.ledger.conn
    code = conn.execute("SELECT id_number FROM subjects WHERE kind = 'legal_person' ORDER BY id LIMIT 1").fetchone()[0]
    plans = _plans(conn, lambda: views.records_count(conn, code[:4]))
    assert _uses(plans, "SEARCH subject_record_counts USING PRIMARY KEY (id_number>? AND id_number<?)"), plans
    assert not any(re.match(r"SCAN r\b", ln) for _s, lines in plans for ln in lines), plans
    assert views.records_count(conn, code[:4]) == conn.execute(
        "SELECT count(*) FROM records r JOIN subjects s ON s.id = r.subject_id WHERE s.id_number GLOB ?",
        (code[:4] + "*",)).fetchone()[0]


def test_a_narrow_subject_search_sorts_ids_on_records_subject_and_reads_one_page_of_rows(led):
    """Issue 18 (session 34): "9132081287" (7,655 records at 1M) read each matching record row to sort them by
    date; records_subject covers the decision date (migration 36), so the sort runs on the index alone."""
    conn = led.ledger.conn
    code = conn.execute("SELECT id_number FROM subjects WHERE kind = 'legal_person' ORDER BY id LIMIT 1").fetchone()[0]
    plans = [(sql, lines) for sql, lines in
             _plans(conn, lambda: views.records_page(conn, PageSpec("decision_date", True, None, 200), code))
             if "JOIN subjects" in sql]
    assert _uses(plans, "SEARCH r USING COVERING INDEX records_subject (subject_id=?)"), plans
