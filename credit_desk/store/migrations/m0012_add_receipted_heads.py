"""Heads signed outside the PC, and number floors learnt after a restore (issue 14).

* ``receipted_heads``: for each office bundle the platform answered, what its signed receipt echoes back —
  the audit chain's head (row count and hash) and the register's high-water marks carried in the bundle —
  with the receipt's manifest bytes and platform signature, so ``audit verify`` can check the head was
  really signed by the platform (a row typed in with SQL does not verify).
* ``number_floors``: the last number of a series (prefix, year) known to be used elsewhere — from a
  platform receipt, or confirmed by the clerk from the paper after a restore. The next number of a series
  is above its floor, so a restore never reissues a 文号 (R5: notices are legally real).
"""

VERSION = 12

STATEMENTS = [
    """CREATE TABLE receipted_heads (
  bundle_seq INTEGER PRIMARY KEY,
  bundle_sha256 TEXT NOT NULL,
  audit_rows INTEGER,
  audit_head TEXT,
  register TEXT NOT NULL DEFAULT '{}',
  change_last INTEGER,
  manifest BLOB NOT NULL,
  signature BLOB NOT NULL,
  received_at TEXT NOT NULL
)""",
    """CREATE TABLE number_floors (
  prefix TEXT NOT NULL,
  year INTEGER NOT NULL,
  seq INTEGER NOT NULL CHECK (seq >= 0),
  source TEXT NOT NULL,
  confirmed_by TEXT NOT NULL,
  confirmed_at TEXT NOT NULL,
  PRIMARY KEY (prefix, year)
)""",
]


def up(conn) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
