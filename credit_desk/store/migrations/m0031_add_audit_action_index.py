"""The daily check (issue 18; R14): an index on the audit chain's ``action``, so the rows the check reads by
action — the accounts as the log granted them, the platform keys it pinned, the bundles it learnt by resync,
the suite markers — are found by index look-ups instead of four scans of the whole chain (17–19 s each at
680k rows). The index is outside the chain: ``check --full`` (``integrity_check``) matches its entries against
the rows."""

VERSION = 31

STATEMENTS = [
    "CREATE INDEX audit_action ON audit(action)",
]


def up(conn) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
