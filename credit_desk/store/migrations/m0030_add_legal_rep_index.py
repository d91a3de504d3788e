"""信用审查 (issue 19 item 2; R22): an index on the legal representative's ID number, so a credit check finds, in
one indexed query, the persons of a department's list who represent a subject on the black list (1798号 (十二):
joint punishment reaches the legal representative of a listed unit)."""

VERSION = 30

STATEMENTS = [
    "CREATE INDEX subjects_legal_rep_id ON subjects(legal_rep_id_number) WHERE legal_rep_id_number IS NOT NULL",
]


def up(conn) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
