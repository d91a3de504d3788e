"""信用审查 (issue 19 item 2; R14, R22): the register of credit checks.

``credit_checks`` holds one department's request (requesting department, purpose, where the list came from), the
date and time the ledger's data were read (``as_of``) with the joint-punishment lists' version, the counts, and
every row's result as it was answered (``results``, JSON, inside the encrypted ledger): the numbered 信用审查报告
prints from it, so a report printed later still says what the ledger held at the check.
"""

VERSION = 29

STATEMENTS = [
    """CREATE TABLE credit_checks (
      id INTEGER PRIMARY KEY,
      department TEXT NOT NULL,
      purpose TEXT NOT NULL,
      source TEXT NOT NULL,
      as_of TEXT NOT NULL,
      joint_version INTEGER,
      row_count INTEGER NOT NULL,
      hit_count INTEGER NOT NULL,
      not_found_count INTEGER NOT NULL,
      results TEXT NOT NULL,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL
    )""",
]


def up(conn) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
