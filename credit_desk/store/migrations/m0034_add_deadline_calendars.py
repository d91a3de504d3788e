"""Which calendar a stored working-day deadline was computed with (issue 13/19, R20): a deadline counted across a
year whose holiday schedule was missing (weekends only) keeps a row here — its start, its number of working days,
the years computed without data — so it can be recomputed when the year becomes known, its warning stays visible
until then, and a deadline already printed on a served document that then differs from the correct one is flagged
(``printed_on``/``correct_on``) instead of being changed silently."""

VERSION = 34

STATEMENTS = [
    """CREATE TABLE IF NOT EXISTS deadline_calendars (
      object_type TEXT NOT NULL,
      object_id INTEGER NOT NULL,
      field TEXT NOT NULL,
      start_on TEXT NOT NULL,
      workdays INTEGER NOT NULL,
      due_on TEXT NOT NULL,
      missing_years TEXT NOT NULL DEFAULT '',
      computed_at TEXT NOT NULL,
      printed_on TEXT,
      correct_on TEXT,
      PRIMARY KEY (object_type, object_id, field)
    )""",
]


def up(conn) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
