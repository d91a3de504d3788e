"""Column mappings of offices' own ledger sheets (issue 19 item 3): which sheet header feeds which product field,
saved once by the clerk and found again by the sheet's header names. ``headers_key`` is the sorted, normalised
header names of the mapped columns joined by a tab; the newest mapping for a key wins."""

VERSION = 28

STATEMENTS = [
    """CREATE TABLE legacy_mappings (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        headers_key TEXT NOT NULL,
        mapping TEXT NOT NULL,
        saved_by TEXT NOT NULL,
        saved_at TEXT NOT NULL
    )""",
    "CREATE INDEX legacy_mappings_key ON legacy_mappings (headers_key)",
]


def up(conn) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
