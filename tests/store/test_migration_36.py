"""Migration 36 (issue 18, session 34): the 文号 indexes keyed by (decision_date, id), records_subject and
records_decision_date widened to cover the records list's search, and each subject's record count kept under its ID
— built for a version-35 ledger with progress, and kept exact by the triggers."""

from __future__ import annotations

import pytest

from credit_desk.bench import seeding
from credit_desk.services import demo, ledgers
from credit_desk.store import migrate, search, views
from credit_desk.store.migrations import m0036_records_search_by_date as m36
from credit_desk.store.views import PageSpec


@pytest.fixture(scope="module")
def led(tmp_path_factory):
    desk, session = seeding.make_office(tmp_path_factory.mktemp("m36") / "data")
    demo.seed(session, subjects_n=120, records_n=900, seed_value=12)
    yield session
    desk.close()


def _texts(conn) -> list[str]:
    year = conn.execute("SELECT substr(decision_date, 1, 4) FROM records ORDER BY id LIMIT 1").fetchone()[0]
    code = conn.execute("SELECT id_number FROM subjects ORDER BY id LIMIT 1").fetchone()[0]
    return [f"〔{year}〕", "罚〔", "罚", code[:4], code[:10], "3"]


def test_migration_36_keys_the_doc_index_by_decision_date_and_follows_revisions(led):
    """Every record is in both 文号 indexes under date_key(decision_date, id); a changed decision date moves it
    (the update trigger fires on decision_date too: ``dishonesty_records.revise`` rewrites it)."""
    conn = led.ledger.conn
    keys = [search.date_key(d, i) for i, d in conn.execute("SELECT id, decision_date FROM records ORDER BY id")]
    for fts in ("records_fts", "records_grams"):
        for k in keys[:50]:
            assert conn.execute(f"SELECT count(*) FROM {fts} WHERE rowid = ?", (k,)).fetchone()[0] == 1, (fts, k)
        cfg = dict(conn.execute(f"SELECT k, v FROM {fts}_config"))
        assert cfg.get("pgsz") == m36.PGSZ, fts
    assert [r[2] for r in conn.execute("PRAGMA index_info(records_subject)")] == ["subject_id", "decision_date"]
    assert [r[2] for r in conn.execute("PRAGMA index_info(records_decision_date)")] == ["decision_date", "id", "subject_id"]
    rid, doc, old = conn.execute("SELECT id, doc_number, decision_date FROM records ORDER BY id LIMIT 1").fetchone()
    with led.ledger.tx() as tx:
        tx.execute("UPDATE records SET decision_date = '2019-01-02' WHERE id = ?", (rid,))
    try:
        fts, expr = search.match("records", doc)
        found = [r for (r,) in conn.execute(f"SELECT rowid FROM {fts} WHERE {fts} MATCH ?", (expr,))]
        assert search.date_key("2019-01-02", rid) in found and search.date_key(old, rid) not in found
        assert views.records_page(conn, PageSpec("decision_date", False, None, 1), doc)[0]["id"] == rid
    finally:
        with led.ledger.tx() as tx:
            tx.execute("UPDATE records SET decision_date = ? WHERE id = ?", (old, rid))


def test_migration_36_rebuilds_the_index_of_a_version_35_ledger_and_reports_progress(led, monkeypatch):
    """Run again over the whole ledger (what an upgrade from 35 does), in batches of 500 records: the index holds
    the same matches, and a line is reported per batch (at 1M: one per 100,000 records)."""
    conn = led.ledger.conn
    monkeypatch.setattr(m36, "BATCH", 500)
    before = [(t, views.records_count(conn, t)) for t in _texts(conn)]
    lines: list[str] = []
    with led.ledger.tx() as tx:
        m36.up(tx.conn, lines.append)
    assert [(t, views.records_count(conn, t)) for t in _texts(conn)] == before
    n = conn.execute("SELECT max(id) FROM records").fetchone()[0]
    assert len(lines) == 1 + (n + 499) // 500 + 2 and "/" in lines[0], lines
    assert migrate.current_version() >= m36.VERSION


def test_subject_record_counts_stay_exact_through_inserts_updates_and_deletes(tmp_path):
    """The per-subject record counts of migration 36 are kept by triggers: after records are added, moved to
    another subject, deleted, and a subject's ID corrected, they equal a recount."""
    from credit_desk.store import keys, ledger as ledger_store
    from credit_desk.store.ledger import LedgerPaths
    c = ledger_store.connect(tmp_path / "ledger.db", keys.new_key())
    migrate.upgrade(c, LedgerPaths(tmp_path), "test-ledger")
    c.execute("BEGIN")
    for i, code in enumerate(("91320812AAAAAAAA01", "91320812AAAAAAAA02", "320812199001011234"), start=1):
        c.execute("INSERT INTO subjects (id, kind, name, id_type, id_number, created_at, updated_at) "
                  "VALUES (?, 'legal_person', ?, 'uscc', ?, '', '')", (i, f"名{i}", code))
    cols = ("subject_id, catalogue_edition, catalogue_code, tier, facts, doc_type, doc_number, doc_authority, "
            "doc_issued, doc_effective, department, act_date, decision_date, rule_set_code, status, created_by, "
            "created_at, updated_at")
    for n, sid in enumerate((1, 1, 1, 2, 2, 3)):
        c.execute(f"INSERT INTO records ({cols}) VALUES (?, 'x', 'x', 'general', 'f', 'admin_penalty', ?, 'a', "
                  f"'2025-01-01', '2025-01-01', 'd', '2025-01-01', '2025-01-0{n + 1}', '', 'active', 't', '', '')",
                  (sid, f"清罚〔2025〕{n}号"))
    c.execute("UPDATE records SET subject_id = 3 WHERE id = 1")
    c.execute("DELETE FROM records WHERE id = 4")
    c.execute("UPDATE subjects SET id_number = '91320899BBBBBBBB02' WHERE id = 2")
    c.execute("COMMIT")

    def kept():
        return sorted(c.execute("SELECT id_number, subject_id, n FROM subject_record_counts WHERE n > 0"))

    def recount():
        return sorted(c.execute("SELECT s.id_number, s.id, count(*) FROM records r JOIN subjects s "
                                "ON s.id = r.subject_id GROUP BY s.id"))
    assert kept() == recount() == [("320812199001011234", 3, 2), ("91320812AAAAAAAA01", 1, 2),
                                   ("91320899BBBBBBBB02", 2, 1)]
    assert views.records_count(c, "913208") == 3 and views.records_count(c, "9132089") == 1
    c.close()


def test_migration_36_runs_on_the_first_open_of_a_version_35_ledger(tmp_path):
    folder = tmp_path / "data"
    desk, session = seeding.make_office(folder)
    demo.seed(session, subjects_n=20, records_n=60, seed_value=3)
    desk.ledger.conn.execute("PRAGMA user_version = 35")
    desk.close()
    with seeding.private_keyring():
        desk = ledgers.unlock(folder, recovery_passphrase=seeding.PASSPHRASE)
    try:
        conn = desk.ledger.conn
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        rid, d = conn.execute("SELECT id, decision_date FROM records ORDER BY id LIMIT 1").fetchone()
        keyed = conn.execute("SELECT count(*) FROM records_fts WHERE rowid = ?", (search.date_key(d, rid),)).fetchone()[0]
        counted = conn.execute("SELECT sum(n) FROM subject_record_counts").fetchone()[0]
        total = conn.execute("SELECT count(*) FROM records").fetchone()[0]
    finally:
        desk.close()
    assert version == m36.VERSION and keyed == 1 and counted == total == 60
    assert list((folder / "backups").glob("pre-migration-v35-*.db"))
