"""Credit commitments (R17), key-supervision flags, and interviews (R18)."""

VERSION = 7

SQL = (
    """CREATE TABLE commitment_items (
      code TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, basis TEXT NOT NULL,
      active INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL
    )""",
    """CREATE TABLE commitments (
      id INTEGER PRIMARY KEY,
      subject_id INTEGER NOT NULL REFERENCES subjects(id),
      item_code TEXT NOT NULL REFERENCES commitment_items(code),
      type TEXT NOT NULL, made_on TEXT NOT NULL, content TEXT NOT NULL,
      fulfilment TEXT NOT NULL, checked_on TEXT, record_id INTEGER REFERENCES records(id),
      created_by TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX commitments_subject ON commitments(subject_id)",
    """CREATE TABLE supervision_flags (
      id INTEGER PRIMARY KEY,
      subject_id INTEGER NOT NULL REFERENCES subjects(id),
      reason TEXT NOT NULL, source_type TEXT NOT NULL, source_id INTEGER NOT NULL,
      since TEXT NOT NULL, cleared_on TEXT
    )""",
    "CREATE INDEX supervision_flags_subject ON supervision_flags(subject_id)",
    """CREATE TABLE interviews (
      id INTEGER PRIMARY KEY,
      subject_id INTEGER NOT NULL REFERENCES subjects(id),
      kind TEXT NOT NULL, held_on TEXT NOT NULL, people TEXT NOT NULL, content TEXT NOT NULL,
      outcome TEXT NOT NULL, reason TEXT NOT NULL, rectify_by TEXT,
      created_by TEXT NOT NULL, created_at TEXT NOT NULL
    )""",
    "CREATE INDEX interviews_subject ON interviews(subject_id)",
)


def up(conn) -> None:
    for statement in SQL:
        conn.execute(statement)
