"""Follow-ups of issue 16: publication stops (R13), interview rectification (R18), key-supervision flag periods
and lifting (R17), and the consent records that ground publishing a natural person's information (R15).

- ``records.publication_stopped_on``: the day after the longest publication period, when the stop was recorded.
- ``interviews.rectified_on`` / ``rectified_note``: the subject rectified (closes the ``rectify_by`` due item).
- ``supervision_flags.until`` / ``lift_reason`` / ``lifted_by``: the flag's period and how it was lifted
  (``cleared_on`` already holds the day).
- ``publication_consents``: a natural person's consent to publish (scope, date, validity; withdrawn on).
"""

VERSION = 20

STATEMENTS = [
    "ALTER TABLE records ADD COLUMN publication_stopped_on TEXT",
    "ALTER TABLE interviews ADD COLUMN rectified_on TEXT",
    "ALTER TABLE interviews ADD COLUMN rectified_note TEXT",
    "ALTER TABLE supervision_flags ADD COLUMN until TEXT",
    "ALTER TABLE supervision_flags ADD COLUMN lift_reason TEXT",
    "ALTER TABLE supervision_flags ADD COLUMN lifted_by TEXT",
    """CREATE TABLE publication_consents (
      id INTEGER PRIMARY KEY,
      subject_id INTEGER NOT NULL REFERENCES subjects(id),
      record_id INTEGER REFERENCES records(id),
      scope TEXT NOT NULL, given_on TEXT NOT NULL, valid_until TEXT NOT NULL, document TEXT NOT NULL,
      withdrawn_on TEXT, created_by TEXT NOT NULL, created_at TEXT NOT NULL
    )""",
    "CREATE INDEX publication_consents_subject ON publication_consents(subject_id)",
    "CREATE INDEX records_publication_end ON records(publication_end) WHERE publication_stopped_on IS NULL",
]


def up(conn) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
