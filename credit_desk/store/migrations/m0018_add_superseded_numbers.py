"""A register number superseded by a new notice (issue 13, R5): after the grounds of a served prior notice
change, a new notice takes a new number and the old one is recorded as superseded, never deleted."""

VERSION = 18

STATEMENTS = [
    "ALTER TABLE doc_numbers ADD COLUMN superseded_by TEXT",
    "ALTER TABLE doc_numbers ADD COLUMN superseded_on TEXT",
]


def up(conn) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
