"""Migration 35 (R13, R21): a 双公示 penalty decision's non-repairable basis, added to a ledger of schema 34 by the
ordinary upgrade on open; decisions registered before it stay repairable (NULL)."""

from __future__ import annotations

from credit_desk.bench import seeding
from credit_desk.services import ledgers
from credit_desk.store import disclosures
from credit_desk.store.migrations import m0035_add_decision_non_repairable as m35


def test_r13_migration_35_adds_the_decision_non_repairable_basis_to_a_version_34_ledger(tmp_path):
    folder = tmp_path / "data"
    desk, _session = seeding.make_office(folder)
    with desk.ledger.tx() as tx:   # the ledger as version 34 left it
        tx.execute("ALTER TABLE admin_decisions DROP COLUMN non_repairable_basis")
    desk.ledger.conn.execute("PRAGMA user_version = 34")
    desk.close()
    with seeding.private_keyring():
        desk = ledgers.unlock(folder, recovery_passphrase=seeding.PASSPHRASE)
    try:
        conn = desk.ledger.conn
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        columns = [r[1] for r in conn.execute("PRAGMA table_info(admin_decisions)")]
        basis = disclosures.non_repairable_basis(conn, 1)
    finally:
        desk.close()
    assert version >= m35.VERSION and "non_repairable_basis" in columns and basis is None
    assert list((folder / "backups").glob("pre-migration-v34-*.db"))
