"""Account lifecycle (issue 14 item 6, 等保 2.0 identity management and separation of duties).

* ``users.must_change_password``: set by an administrator's password reset; the next login must change it.
* ``role_requests``: a role change asked by one administrator waits for a second administrator's or the
  auditor's confirmation (never the asker's own) before it takes effect.
"""

VERSION = 17

STATEMENTS = [
    "ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0",
    """CREATE TABLE role_requests (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  old_role TEXT NOT NULL,
  new_role TEXT NOT NULL,
  reason TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  decided_by TEXT,
  decided_at TEXT,
  outcome TEXT CHECK (outcome IN ('confirmed', 'rejected'))
)""",
    "CREATE UNIQUE INDEX role_requests_open ON role_requests (user_id) WHERE outcome IS NULL",
]


def up(conn) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
