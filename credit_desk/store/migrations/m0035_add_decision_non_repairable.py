"""A 双公示 penalty decision a law or central policy makes non-repairable (R13, R21): ``admin_decisions`` gets the
basis cited when the flag is set (``non_repairable_basis``, NULL: repairable), as ``records`` has since m0008. A
repair application naming a flagged decision is refused with that basis (``R13_NON_REPAIRABLE``)."""

VERSION = 35

STATEMENTS = [
    "ALTER TABLE admin_decisions ADD COLUMN non_repairable_basis TEXT",
]


def up(conn) -> None:
    # idempotent, as m0034's IF NOT EXISTS: a ledger rewound to an older user_version (the migration tests of
    # earlier steps do so) already has the column
    if "non_repairable_basis" not in [r[1] for r in conn.execute("PRAGMA table_info(admin_decisions)")]:
        for statement in STATEMENTS:
            conn.execute(statement)
