"""Issue 18 (session 34): the records list's search at 1M records — indexes in the list's order, and exact counts
by ID prefix.

* ``records_fts`` / ``records_grams`` (migration 10) are re-keyed: rowid = ``search.date_key_sql(decision_date,
  id)`` (the decision date as YYYYMMDD shifted 32 bits left, OR the id) instead of the id, so the newest records
  whose 文号 holds a fragment are read off the index in rowid order — a page of "〔2021〕" read 850k entries of the
  decision-date index (the newer years) and the 147k matches before; now it reads 200. The triggers index the new
  key, also when a revision changes the decision date (``dishonesty_records.revise``). The index blocks are set to
  3,900 bytes: FTS5's default 4,050 does not fit a 4,096-byte page less SQLCipher's 80 reserved bytes, so each
  block spilled onto an overflow page (computed from the formats, not timed on its own).
* ``records_subject`` becomes (subject_id, decision_date): the records of the matching subjects are sorted by date
  on the index alone, and only the page's rows are read from the table.
* ``records_decision_date`` becomes (decision_date, id, subject_id), still in the list's order: a broad search by
  subject walks it and checks each record's subject on the index entry, reading the table only for the rows it
  shows ("913208129", 7.5% of the records, read 2,700 record rows for a page of 200).
* ``subject_record_counts`` (id_number, subject_id, n), kept exact by triggers like the dashboard's tallies
  (migration 9): how many records each subject has, under its ID. The count beside the list for an ID prefix is a
  range sum over it — "9132" (150k companies, 754k records at 1M) sought every company's records (145 ms p95).

At 1M records the re-indexing takes over a minute (75 s on a quiet 2-core box, 298 s under load 5–7; nearly all of
it the 文号 indexes): ``up`` reports progress every 100,000 records through ``progress(line)`` (``migrate.upgrade``
passes the open's ``on_wait``: the CLI prints it, the GUI's start shows it, ``gui/opening.py``)."""

from credit_desk.store.migrations import m0010_rebuild_search_keys as m10
from credit_desk.store.search import date_key_sql

VERSION = 36
REPORTS_PROGRESS = True
BATCH = 100_000
PGSZ = 3900

_KEY_NEW, _KEY_OLD = date_key_sql("new.decision_date", "new.id"), date_key_sql("old.decision_date", "old.id")
_SEARCH_NEW = "cd_search_key(new.doc_number)"

STATEMENTS = [
    "DROP TRIGGER IF EXISTS records_search_ai",
    "DROP TRIGGER IF EXISTS records_search_ad",
    "DROP TRIGGER IF EXISTS records_search_au",
    "DROP TABLE IF EXISTS records_fts",
    "DROP TABLE IF EXISTS records_grams",
    "CREATE VIRTUAL TABLE records_fts USING fts5(k, content='', contentless_delete=1, tokenize='trigram')",
    "CREATE VIRTUAL TABLE records_grams USING fts5(grams, content='', contentless_delete=1, tokenize='ascii', "
    "prefix='1', detail='none')",
    f"INSERT INTO records_fts(records_fts, rank) VALUES ('pgsz', {PGSZ})",
    f"INSERT INTO records_grams(records_grams, rank) VALUES ('pgsz', {PGSZ})",
    f"""CREATE TRIGGER records_search_ai AFTER INSERT ON records BEGIN
  INSERT INTO records_fts(rowid, k) VALUES ({_KEY_NEW}, {_SEARCH_NEW});
  INSERT INTO records_grams(rowid, grams) VALUES ({_KEY_NEW}, {m10._grams(_SEARCH_NEW)});
END""",
    f"""CREATE TRIGGER records_search_ad AFTER DELETE ON records BEGIN
  DELETE FROM records_fts WHERE rowid = {_KEY_OLD};
  DELETE FROM records_grams WHERE rowid = {_KEY_OLD};
END""",
    f"""CREATE TRIGGER records_search_au AFTER UPDATE OF doc_number, decision_date ON records BEGIN
  DELETE FROM records_fts WHERE rowid = {_KEY_OLD};
  INSERT INTO records_fts(rowid, k) VALUES ({_KEY_NEW}, {_SEARCH_NEW});
  DELETE FROM records_grams WHERE rowid = {_KEY_OLD};
  INSERT INTO records_grams(rowid, grams) VALUES ({_KEY_NEW}, {m10._grams(_SEARCH_NEW)});
END""",
]

COUNT_STATEMENTS = [
    *(f"DROP TRIGGER IF EXISTS {name}" for name in ("records_count_ai", "records_count_ad", "records_count_au",
                                                    "subjects_count_au", "subjects_count_ad")),
    "DROP TABLE IF EXISTS subject_record_counts",
    "CREATE TABLE subject_record_counts (id_number TEXT NOT NULL, subject_id INTEGER NOT NULL, "
    "n INTEGER NOT NULL, PRIMARY KEY (id_number, subject_id)) WITHOUT ROWID",
    """CREATE TRIGGER records_count_ai AFTER INSERT ON records BEGIN
  INSERT INTO subject_record_counts SELECT id_number, id, 1 FROM subjects WHERE id = new.subject_id
    ON CONFLICT (id_number, subject_id) DO UPDATE SET n = n + 1;
END""",
    """CREATE TRIGGER records_count_ad AFTER DELETE ON records BEGIN
  UPDATE subject_record_counts SET n = n - 1
    WHERE id_number = (SELECT id_number FROM subjects WHERE id = old.subject_id) AND subject_id = old.subject_id;
END""",
    """CREATE TRIGGER records_count_au AFTER UPDATE OF subject_id ON records BEGIN
  UPDATE subject_record_counts SET n = n - 1
    WHERE id_number = (SELECT id_number FROM subjects WHERE id = old.subject_id) AND subject_id = old.subject_id;
  INSERT INTO subject_record_counts SELECT id_number, id, 1 FROM subjects WHERE id = new.subject_id
    ON CONFLICT (id_number, subject_id) DO UPDATE SET n = n + 1;
END""",
    """CREATE TRIGGER subjects_count_au AFTER UPDATE OF id_number ON subjects BEGIN
  UPDATE subject_record_counts SET id_number = new.id_number
    WHERE id_number = old.id_number AND subject_id = old.id;
END""",
    """CREATE TRIGGER subjects_count_ad AFTER DELETE ON subjects BEGIN
  DELETE FROM subject_record_counts WHERE id_number = old.id_number AND subject_id = old.id;
END""",
    "INSERT INTO subject_record_counts SELECT s.id_number, s.id, c.n FROM "
    "(SELECT subject_id, count(*) AS n FROM records GROUP BY subject_id) c JOIN subjects s ON s.id = c.subject_id",
]

INDEX_STATEMENTS = [
    "DROP INDEX IF EXISTS records_subject",
    "CREATE INDEX records_subject ON records(subject_id, decision_date)",
    "DROP INDEX IF EXISTS records_decision_date",
    "CREATE INDEX records_decision_date ON records(decision_date, id, subject_id)",
]


def _fill(conn, lo: int, hi: int) -> None:
    key, doc = date_key_sql("decision_date", "id"), "cd_search_key(doc_number)"
    conn.execute(f"INSERT INTO records_fts(rowid, k) SELECT {key}, {doc} FROM records WHERE id > ? AND id <= ?",
                 (lo, hi))
    conn.execute(f"INSERT INTO records_grams(rowid, grams) SELECT {key}, {m10._grams(doc)} FROM records "
                 f"WHERE id > ? AND id <= ?", (lo, hi))


def up(conn, progress=None) -> None:
    say = progress or (lambda line: None)
    for statement in STATEMENTS:
        conn.execute(statement)
    total, top = conn.execute("SELECT count(*), coalesce(max(id), 0) FROM records").fetchone()
    if total > BATCH:
        say(f"正在重建文号检索索引（共 {total:,} 条记录）… / rebuilding the 文号 search index ({total:,} records)…")
    for lo in range(0, top, BATCH):
        _fill(conn, lo, lo + BATCH)
        if total > BATCH:
            done = min(lo + BATCH, top)
            say(f"文号检索索引：已处理至第 {done:,} 号记录 / 文号 search index: records up to id {done:,} done")
    for fts in ("records_fts", "records_grams"):
        conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('optimize')")
    if total > BATCH:
        say("正在重建记录的主体与日期索引… / rebuilding the records' subject and date indexes…")
    for statement in INDEX_STATEMENTS:
        conn.execute(statement)
    if total > BATCH:
        say("正在统计各主体的记录数… / counting each subject's records…")
    for statement in COUNT_STATEMENTS:
        conn.execute(statement)
