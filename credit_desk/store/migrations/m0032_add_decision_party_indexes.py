"""信用审查 against the 双公示 register (issue 19; R13, R22): indexes on a decision's party code and ID number, so a
check of a 1,000-row list finds the published penalties of its subjects by index look-ups, not one scan of the
register per row."""

VERSION = 32

STATEMENTS = [
    "CREATE INDEX IF NOT EXISTS admin_decisions_uscc ON admin_decisions(uscc)",
    "CREATE INDEX IF NOT EXISTS admin_decisions_id_number ON admin_decisions(id_number)",
]


def up(conn) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
