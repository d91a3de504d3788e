"""Codes registered as exceptions (issue 15): a 统一社会信用代码 whose check character does not verify is
registered only after a written justification and a second person's approval (four eyes).

* ``subjects``: the approved exception travels with the subject (kind, justification, who asked, who
  approved, when), so every place the code shows can mark it.
* ``subject_exception_requests``: requests waiting for (or refused by) the second person; the subject row is
  created only on approval, so nothing half-approved can be used.
"""

VERSION = 15

STATEMENTS = [
    "ALTER TABLE subjects ADD COLUMN id_exception TEXT",
    "ALTER TABLE subjects ADD COLUMN exception_reason TEXT",
    "ALTER TABLE subjects ADD COLUMN exception_requested_by TEXT",
    "ALTER TABLE subjects ADD COLUMN exception_approved_by TEXT",
    "ALTER TABLE subjects ADD COLUMN exception_approved_at TEXT",
    """CREATE TABLE subject_exception_requests (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  fields TEXT NOT NULL,
  reason TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',
  decided_by TEXT,
  decided_at TEXT,
  decision_note TEXT,
  subject_id INTEGER REFERENCES subjects(id)
)""",
]


def up(conn) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
