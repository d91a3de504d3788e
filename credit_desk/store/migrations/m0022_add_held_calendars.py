"""Platform holiday schedules held back (issue 15 kind 9): a year the administrator entered is not replaced
silently by a platform bundle whose schedule differs. The platform's version waits here until the
administrator accepts it (``workdays holidays-accept``); the administrator's entry stays in force meanwhile.

* ``calendar_held``: one row per year — the platform's source document, its days (JSON: ISO date → is
  workday), when it arrived and in which bundle (sha256).
"""

VERSION = 22

STATEMENTS = [
    """CREATE TABLE calendar_held (
      year INTEGER PRIMARY KEY,
      source TEXT NOT NULL,
      days TEXT NOT NULL,
      received_at TEXT NOT NULL,
      bundle TEXT
    )""",
]


def up(conn) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
