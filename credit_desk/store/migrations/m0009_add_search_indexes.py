"""Search indexes for county and municipal scale (issue 9): FTS5 over subject names and 文号, kept in step
by triggers, plus maintained tallies for the dashboard.

* ``subjects_fts`` / ``records_fts``: FTS5 ``trigram`` indexes (external content) over ``subjects.name`` and
  ``records.doc_number``; a phrase query finds any substring of 3 or more characters (Chinese included).
* ``subjects_grams`` / ``records_grams``: contentless FTS5 indexes over the 2-character grams of the same
  texts (plus the last character alone). A trigram index cannot answer a query shorter than 3 characters,
  and two-character names (张三) are common: a 2-character query is one gram token, a 1-character query is
  a prefix query on the grams (served by the 1-character prefix index).
* ``tallies``: row counts by subject kind and record tier/status, kept exact by triggers, so the dashboard
  reads a handful of rows instead of counting a million.

Triggers cannot use WITH, so the grams are cut with ``search_seq`` (1..256): a text longer than 256
characters has grams for its first 256 characters only (names and 文号 are far shorter).
"""

VERSION = 9

SEQ_MAX = 256


def _grams(expr: str) -> str:
    return (f"(SELECT group_concat(substr({expr}, n, 2), ' ') FROM search_seq "
            f"WHERE n <= length({expr}))")


def _fts_statements(table: str, col: str) -> list[str]:
    fts, grams = f"{table}_fts", f"{table}_grams"
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5({col}, content='{table}', content_rowid='id', "
        f"tokenize='trigram')",
        f"CREATE VIRTUAL TABLE {grams} USING fts5(grams, content='', contentless_delete=1, tokenize='ascii', "
        f"prefix='1', detail='none')",
        f"""CREATE TRIGGER {table}_search_ai AFTER INSERT ON {table} BEGIN
  INSERT INTO {fts}(rowid, {col}) VALUES (new.id, new.{col});
  INSERT INTO {grams}(rowid, grams) VALUES (new.id, {_grams(f'new.{col}')});
END""",
        f"""CREATE TRIGGER {table}_search_ad AFTER DELETE ON {table} BEGIN
  INSERT INTO {fts}({fts}, rowid, {col}) VALUES ('delete', old.id, old.{col});
  DELETE FROM {grams} WHERE rowid = old.id;
END""",
        f"""CREATE TRIGGER {table}_search_au AFTER UPDATE OF {col} ON {table} BEGIN
  INSERT INTO {fts}({fts}, rowid, {col}) VALUES ('delete', old.id, old.{col});
  INSERT INTO {fts}(rowid, {col}) VALUES (new.id, new.{col});
  DELETE FROM {grams} WHERE rowid = old.id;
  INSERT INTO {grams}(rowid, grams) VALUES (new.id, {_grams(f'new.{col}')});
END""",
        # backfill the rows that exist already
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
        f"INSERT INTO {grams}(rowid, grams) SELECT id, {_grams(col)} FROM {table}",
    ]


# (table, tally name, expression) the dashboard reads: counts by kind, tier, status and decision month.
# ``{r}`` stands for the row: "new." or "old." in the triggers, nothing in the backfill.
TALLIED = (("subjects", "kind", "{r}kind"), ("records", "tier", "{r}tier"), ("records", "status", "{r}status"),
           ("records", "month", "substr({r}decision_date, 1, 7)"))
_WATCHED = {"subjects": "kind", "records": "tier, status, decision_date"}  # columns the tallies depend on


def _tally_statements() -> list[str]:
    out = ["""CREATE TABLE tallies (
  tbl TEXT NOT NULL, col TEXT NOT NULL, value TEXT NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY (tbl, col, value)
) WITHOUT ROWID"""]
    for table, watched in _WATCHED.items():
        mine = [(name, expr) for t, name, expr in TALLIED if t == table]
        plus = "\n".join(f"  INSERT INTO tallies VALUES ('{table}', '{name}', {expr.format(r='new.')}, 1) "
                         f"ON CONFLICT DO UPDATE SET n = n + 1;" for name, expr in mine)
        minus = "\n".join(f"  UPDATE tallies SET n = n - 1 WHERE tbl = '{table}' AND col = '{name}' "
                          f"AND value = {expr.format(r='old.')};" for name, expr in mine)
        out.append(f"CREATE TRIGGER {table}_tally_ai AFTER INSERT ON {table} BEGIN\n{plus}\nEND")
        out.append(f"CREATE TRIGGER {table}_tally_ad AFTER DELETE ON {table} BEGIN\n{minus}\nEND")
        out.append(f"CREATE TRIGGER {table}_tally_au AFTER UPDATE OF {watched} ON {table} BEGIN\n"
                   f"{minus}\n{plus}\nEND")
        for name, expr in mine:
            bare = expr.format(r="")
            out.append(f"INSERT INTO tallies SELECT '{table}', '{name}', {bare}, count(*) FROM {table} "
                       f"GROUP BY {bare}")
    return out


STATEMENTS = [
    "CREATE TABLE search_seq (n INTEGER PRIMARY KEY)",
    f"INSERT INTO search_seq (n) WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c "
    f"WHERE n < {SEQ_MAX}) SELECT n FROM c",
    *_fts_statements("subjects", "name"),
    *_fts_statements("records", "doc_number"),
    *_tally_statements(),
]


def up(conn) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
