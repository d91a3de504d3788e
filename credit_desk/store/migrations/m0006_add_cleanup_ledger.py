"""The clean-up ledger (失信约束措施台账, R16) and its contact feedback form."""

VERSION = 6

SQL = (
    """CREATE TABLE cleanup_rows (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      shares_info TEXT NOT NULL, blacklist TEXT NOT NULL, measures TEXT NOT NULL, summary TEXT NOT NULL,
      national_basis TEXT NOT NULL, local_basis TEXT NOT NULL, basis_text TEXT NOT NULL,
      disposition TEXT NOT NULL, completion TEXT NOT NULL, completion_date TEXT NOT NULL,
      unit TEXT NOT NULL, person TEXT NOT NULL, phone TEXT NOT NULL,
      status TEXT NOT NULL,
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE cleanup_contacts (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL, unit TEXT NOT NULL, title TEXT NOT NULL, office_phone TEXT NOT NULL,
      mobile TEXT NOT NULL, email TEXT NOT NULL,
      UNIQUE (name, unit)
    )""",
)


def up(conn) -> None:
    for statement in SQL:
        conn.execute(statement)
