"""The office's Ed25519 signing keys (notices, bundles). The private part lives only inside the
encrypted ledger; a rotated key keeps its row, marked inactive, and the new one carries the old key's
signature over it."""

VERSION = 2

SQL = (
    """CREATE TABLE office_keys (
      id INTEGER PRIMARY KEY,
      public_key BLOB NOT NULL UNIQUE,
      private_key BLOB NOT NULL,
      created_at TEXT NOT NULL,
      active INTEGER NOT NULL DEFAULT 1,
      endorsed_by INTEGER REFERENCES office_keys(id),
      endorsement BLOB
    )""",
)


def up(conn) -> None:
    for statement in SQL:
        conn.execute(statement)
