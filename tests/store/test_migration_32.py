"""Migration 32 (issue 19; R13, R22): the indexes on a 双公示 decision's party code and ID number that a credit check
uses to find the published penalties of its list, added to a ledger of schema 31 by the ordinary upgrade on open."""

from __future__ import annotations

from credit_desk.bench import seeding
from credit_desk.services import ledgers
from credit_desk.store.migrations import m0032_add_decision_party_indexes as m32


def test_r22_migration_32_adds_the_decision_party_indexes_to_a_version_31_ledger(tmp_path):
    folder = tmp_path / "data"
    desk, _session = seeding.make_office(folder)
    with desk.ledger.tx() as tx:   # the ledger as version 31 left it
        tx.execute("DROP INDEX admin_decisions_uscc")
        tx.execute("DROP INDEX admin_decisions_id_number")
    desk.ledger.conn.execute("PRAGMA user_version = 31")
    desk.close()
    with seeding.private_keyring():
        desk = ledgers.unlock(folder, recovery_passphrase=seeding.PASSPHRASE)
    try:
        conn = desk.ledger.conn
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        plan = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN SELECT id FROM admin_decisions WHERE uscc = ? "
                                           "UNION SELECT id FROM admin_decisions WHERE id_number = ?", ("a", "b"))]
    finally:
        desk.close()
    assert version >= m32.VERSION
    assert any("admin_decisions_uscc" in p for p in plan) and any("admin_decisions_id_number" in p for p in plan), plan
    assert list((folder / "backups").glob("pre-migration-v31-*.db"))
