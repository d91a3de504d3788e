"""Where a year's holiday schedule came from (issue 15): the platform's bundle or the administrator's entry.

Rows written before this migration came from platform bundles (the only way in until now).
"""

VERSION = 11

STATEMENTS = [
    "ALTER TABLE calendar_years ADD COLUMN origin TEXT NOT NULL DEFAULT 'platform'",
    "ALTER TABLE calendar_years ADD COLUMN entered_by TEXT",
    "ALTER TABLE calendar_years ADD COLUMN entered_at TEXT",
]


def up(conn) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
