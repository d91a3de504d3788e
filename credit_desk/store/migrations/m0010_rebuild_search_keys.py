"""Search keys through the one normaliser (issue 15): the FTS indexes over subject names and 文号 hold
``cd_search_key(text)`` (``domain.textkey.search_key``, registered on every connection by
``store.ledger.connect``) instead of the raw text, so a name stored with ``•`` is found by ``·`` and a 文号
typed with ``[ ]`` finds ``〔 〕``.

The trigram indexes of migration 9 were external-content tables reading the raw column; they become
contentless (the key is not a column of the table), and the triggers index the key. Existing rows are
re-indexed here. If ``search_key`` ever changes, a later migration re-runs ``rebuild`` below.
"""

VERSION = 10

SEARCHED = (("subjects", "name"), ("records", "doc_number"))


def _grams(expr: str) -> str:
    return (f"(SELECT group_concat(substr({expr}, n, 2), ' ') FROM search_seq "
            f"WHERE n <= length({expr}))")


def _statements(table: str, col: str) -> list[str]:
    fts, grams = f"{table}_fts", f"{table}_grams"
    key_new, key_old = f"cd_search_key(new.{col})", f"cd_search_key(old.{col})"
    return [
        f"DROP TRIGGER IF EXISTS {table}_search_ai",
        f"DROP TRIGGER IF EXISTS {table}_search_ad",
        f"DROP TRIGGER IF EXISTS {table}_search_au",
        f"DROP TABLE IF EXISTS {fts}",
        f"DROP TABLE IF EXISTS {grams}",
        f"CREATE VIRTUAL TABLE {fts} USING fts5(k, content='', contentless_delete=1, tokenize='trigram')",
        f"CREATE VIRTUAL TABLE {grams} USING fts5(grams, content='', contentless_delete=1, tokenize='ascii', "
        f"prefix='1', detail='none')",
        f"""CREATE TRIGGER {table}_search_ai AFTER INSERT ON {table} BEGIN
  INSERT INTO {fts}(rowid, k) VALUES (new.id, {key_new});
  INSERT INTO {grams}(rowid, grams) VALUES (new.id, {_grams(key_new)});
END""",
        f"""CREATE TRIGGER {table}_search_ad AFTER DELETE ON {table} BEGIN
  DELETE FROM {fts} WHERE rowid = old.id;
  DELETE FROM {grams} WHERE rowid = old.id;
END""",
        f"""CREATE TRIGGER {table}_search_au AFTER UPDATE OF {col} ON {table} BEGIN
  DELETE FROM {fts} WHERE rowid = old.id;
  INSERT INTO {fts}(rowid, k) VALUES (new.id, {key_new});
  DELETE FROM {grams} WHERE rowid = old.id;
  INSERT INTO {grams}(rowid, grams) VALUES (new.id, {_grams(key_new)});
END""",
        *rebuild(table, col),
    ]


def rebuild(table: str, col: str) -> list[str]:
    """Statements that re-index every existing row of ``table`` with the current normaliser."""
    fts, grams = f"{table}_fts", f"{table}_grams"
    return [f"DELETE FROM {fts}", f"DELETE FROM {grams}",
            f"INSERT INTO {fts}(rowid, k) SELECT id, cd_search_key({col}) FROM {table}",
            f"INSERT INTO {grams}(rowid, grams) SELECT id, {_grams(f'cd_search_key({col})')} FROM {table}"]


def up(conn) -> None:
    for table, col in SEARCHED:
        for statement in _statements(table, col):
            conn.execute(statement)
