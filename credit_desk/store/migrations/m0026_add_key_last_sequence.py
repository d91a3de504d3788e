"""The last bundle sequence a rotated-out signing key signed (issue 22): fixed when the office rotates, signed with
the old key into its endorsement of the new one (key-endorsement/2), so the platform refuses any later bundle
signed by the old key, whatever date it claims. NULL for keys rotated before (their endorsement is /1, no bound).
"""

VERSION = 26

STATEMENTS = [
    "ALTER TABLE office_keys ADD COLUMN endorsed_upto INTEGER",
]


def up(conn) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
