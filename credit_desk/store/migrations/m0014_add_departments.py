"""认定部门 deciding departments as entities (issue 13 item 5; 49号 四(八), 1798号 (六)).

- ``departments``: name, unified social credit code, level (township … national), field of administration
  (领域, used by R11), and the letterhead prefix its 文号 start with. The credit office is not one of them: it
  coordinates, keeps the ledger and shares; the department decides and issues in its own name.
- ``users.department_id``: the department a user works for.
- ``cases.department_id``: the deciding department of a case; ``cases.department`` / ``department_level`` /
  ``domain`` keep the text the list entry and the platform show, copied from the entity.
"""

VERSION = 14

SQL = (
    """CREATE TABLE departments (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      uscc TEXT NOT NULL UNIQUE,
      level TEXT NOT NULL,
      domain TEXT NOT NULL,
      prefix TEXT NOT NULL UNIQUE,
      active INTEGER NOT NULL DEFAULT 1,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL
    )""",
    "ALTER TABLE users ADD COLUMN department_id INTEGER REFERENCES departments(id)",
    "ALTER TABLE cases ADD COLUMN department_id INTEGER REFERENCES departments(id)",
)


def up(conn) -> None:
    for statement in SQL:
        conn.execute(statement)
