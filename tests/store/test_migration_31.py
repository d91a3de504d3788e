"""Migration 31 (issue 18; R14): the index on the audit chain's ``action`` that the daily check's look-ups by action
use, added to a ledger of the released schema 30 by the ordinary upgrade on open."""

from __future__ import annotations

from credit_desk.bench import seeding
from credit_desk.services import demo, ledgers
from credit_desk.store.migrations import m0031_add_audit_action_index


def test_r14_migration_31_adds_the_audit_action_index_to_a_version_30_ledger(tmp_path):
    """The upgrade path a released ledger takes: a version-30 file opened for writing gets the index (after the
    pre-migration copy), and a look-up by action uses it."""
    folder = tmp_path / "data"
    desk, session = seeding.make_office(folder)
    demo.seed(session, subjects_n=50, records_n=200, seed_value=4)
    seeding.audit_trail(session)
    with desk.ledger.tx() as tx:   # the ledger as version 30 left it
        tx.execute("DROP INDEX audit_action")
    desk.ledger.conn.execute("PRAGMA user_version = 30")
    desk.close()
    with seeding.private_keyring():
        desk = ledgers.unlock(folder, recovery_passphrase=seeding.PASSPHRASE)
    try:
        conn = desk.ledger.conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] >= m0031_add_audit_action_index.VERSION
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'audit_action'").fetchone()[0]
        plan = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN SELECT id FROM audit WHERE action = 'user.add'")]
        rows = conn.execute("SELECT count(*) FROM audit WHERE action = 'record.add'").fetchone()[0]
    finally:
        desk.close()
    assert sql == "CREATE INDEX audit_action ON audit(action)"
    assert any("audit_action" in line for line in plan), plan
    assert rows == 200
    assert list((folder / "backups").glob("pre-migration-v30-*.db"))
