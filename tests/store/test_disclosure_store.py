"""双公示 register in the ledger (issue 19 item 1): migration 21 on an older ledger, every element round-trips."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from credit_desk.domain import disclosure as d
from credit_desk.domain.rulesets import NATIONAL_2026
from credit_desk.services import ledgers
from credit_desk.store import disclosures as repo
from credit_desk.store.migrations import m0021_add_admin_decisions
from tests.conftest import ADMIN_PW, PASSPHRASE, TEST_NOW
from tests.e2e.disclosure_kit import penalty_row

TODAY = TEST_NOW.date()


def _open(data_dir):
    desk, _ = ledgers.init_office(data_dir, office="清江浦区信用办", region="320812", admin="admin",
                                  admin_password=ADMIN_PW, recovery_passphrase=PASSPHRASE)
    return desk


def test_migration_21_adds_the_register_to_a_version_20_ledger(data_dir):
    desk = _open(data_dir)
    with desk.ledger.tx() as tx:   # the ledger as version 20 left it
        tx.execute("DROP TABLE admin_decisions")
    with desk.ledger.tx() as tx:
        m0021_add_admin_decisions.up(tx.conn)
    names = {r[0] for r in desk.ledger.conn.execute("SELECT name FROM sqlite_master WHERE name LIKE 'admin_decisions%'")}
    desk.close()
    assert names == {"admin_decisions", "admin_decisions_number", "admin_decisions_due", "admin_decisions_end",
                     "admin_decisions_name"}


def test_every_element_round_trips_with_exact_amounts(data_dir):
    desk = _open(data_dir)
    raw = {**penalty_row(5, TODAY - dt.timedelta(days=3), tier="严重"), "fine_wan": "12.345678",
           "confiscated_wan": "0.0001", "note": "备注", "reg_no": "320812000012345"}
    decision, errors = d.check_decision(raw, TODAY)
    assert errors == []
    decision = d.with_periods(decision, NATIONAL_2026, TODAY + dt.timedelta(days=9))
    with desk.ledger.tx() as tx:
        did = repo.insert(tx, decision, "clerk1")
    back = repo.get(desk.ledger.conn, did)
    assert repo.created_by(desk.ledger.conn, did) == "clerk1"
    desk.close()
    assert back == d.AdminDecision(**{**decision.__dict__, "id": did})
    assert back.fine_wan == Decimal("12.345678") and back.tier.value == "serious"


def test_r21_licence_elements_and_refusals():
    raw = {**penalty_row(6, TODAY - dt.timedelta(days=3)), "kind": "行政许可", "category": "核准", "tier": "",
           "fine_wan": "", "confiscated_wan": "", "facts": "", "basis": "", "licence_no": "JY13208120001234",
           "valid_from": "2026/11/1", "valid_until": "2031年10月31日", "content": "食品经营许可"}
    licence, errors = d.check_decision(raw, TODAY)
    assert errors == [] and licence.valid_until == dt.date(2031, 10, 31) and d.publishable(licence)
    _, errors = d.check_decision({**raw, "category": "罚款", "fine_wan": "1", "valid_until": "2026-10-01"}, TODAY)
    assert {e.field for e in errors} == {"category", "fine_wan", "valid_until"}
