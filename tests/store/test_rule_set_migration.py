"""R20 (issue 16): migration 19 replaces the invented earlier rule sets of an existing ledger, and only those."""

from __future__ import annotations

import json

from credit_desk.domain.rulesets import NATIONAL_2020, NATIONAL_2023
from credit_desk.services import ledgers
from credit_desk.store import reference
from credit_desk.store.migrations import m0019_correct_earlier_rule_sets
from tests.conftest import ADMIN_PW, PASSPHRASE

_INVENTED_TIERS = {"slight": {"min_months": 0, "max_months": 3, "published": False},
                   "general": {"min_months": 3, "max_months": 12, "published": True},
                   "serious": {"min_months": 12, "max_months": 36, "published": True}}


def _as_released(desk, code: str, **extra) -> None:
    """The row as releases before issue 16 wrote it: the 2026 figures under an earlier code."""
    conn = desk.ledger.conn
    params = json.loads(conn.execute("SELECT params FROM rule_sets WHERE code = ?", (code,)).fetchone()[0])
    params.pop("citations", None)
    params.update(tiers=_INVENTED_TIERS, repair_decide_workdays=3, repair_finish_workdays=10, **extra)
    with desk.ledger.tx() as tx:
        tx.execute("UPDATE rule_sets SET params = ? WHERE code = ?", (json.dumps(params, ensure_ascii=False), code))


def test_r20_migration_corrects_invented_earlier_rule_sets_and_keeps_delivered_ones(data_dir):
    desk, _ = ledgers.init_office(data_dir, office="清江浦区信用办", region="320812", admin="admin",
                                  admin_password=ADMIN_PW, recovery_passphrase=PASSPHRASE)
    _as_released(desk, "CN-2023")
    _as_released(desk, "CN-2020-12", objection_reply_workdays=9)   # not the built-in row any more: kept
    with desk.ledger.tx() as tx:   # what the upgrade runs on an older ledger, in its own transaction
        m0019_correct_earlier_rule_sets.up(tx.conn)
    desk.close()
    desk = ledgers.unlock(data_dir)
    try:
        assert desk.ledger.schema_version() >= 19
        by_code = {rs.code: rs for rs in reference.rule_sets(desk.ledger.conn)}
    finally:
        desk.close()
    migrated = by_code["CN-2023"]
    assert {**migrated.to_dict(), "citations": None} == {**NATIONAL_2023.to_dict(), "citations": None}
    names = list(migrated.citations) + list(NATIONAL_2023.citations)   # the clauses read the same (one wording)
    assert all(migrated.citation(n) == NATIONAL_2023.citation(n) for n in names)
    assert by_code["CN-2023"].repair_decide_workdays is None and not by_code["CN-2023"].tiers["slight"].known
    kept = by_code["CN-2020-12"]
    assert kept.objection_reply_workdays == 9 and kept.tiers["serious"].max_months == 36
    assert NATIONAL_2020.tiers["serious"].max_months is None
