"""Reference data as stored: the sample editions keep their 示例 label (R2, R8), rule sets round-trip (R20)."""

from credit_desk.domain.rulesets import DEFAULT_RULE_SETS
from credit_desk.services import ledgers
from credit_desk.store import reference
from tests.conftest import ADMIN_PW, PASSPHRASE


def test_r2_r8_sample_editions_stay_labelled_after_reload(data_dir):
    desk, _ = ledgers.init_office(data_dir, office="清江浦区信用办", region="320812", admin="admin",
                                  admin_password=ADMIN_PW, recovery_passphrase=PASSPHRASE)
    head, items = reference.active_catalogue(desk.ledger.conn)
    mhead, measures = reference.active_measures(desk.ledger.conn)
    rule_sets = reference.rule_sets(desk.ledger.conn)
    desk.close()
    assert head["is_sample"] and mhead["is_sample"]
    assert items and all("示例" in i.display_name for i in items)
    assert measures and all("示例" in m.display_name for m in measures)
    assert tuple(rule_sets) == DEFAULT_RULE_SETS
