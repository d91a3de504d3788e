"""R12 (issue 19 attack, an office bringing its ledger): a historical black listing comes in with the watch-list
period that follows its exit (移出后列入重点关注名单的期限), as a black listing decided by hand must; without it,
its expiry found no period, refused its exit (R12_WATCH_PERIOD_REQUIRED) and with it the whole daily expiry check
of the office."""

from __future__ import annotations

import datetime as dt

from credit_desk.services import case_exits
from credit_desk.services.legacy import ledger_import
from tests.e2e import legacy_kit as kit
from tests.e2e.test_legacy_import import office  # noqa: F401


def test_r12_an_imported_black_listing_expires_onto_the_watch_list(office, tmp_path):  # noqa: F811
    boss = office["boss"]
    today = boss.desk.today()
    data = [r for r in kit.rows(boss, 6, listed_every=1, per_subject=1) if r[14]][:1]
    data[0][17] = today + dt.timedelta(days=1)
    ledger_import.import_ledger(boss, kit.write(tmp_path / "l.xlsx", data), kit.MAPPING)
    later = dt.datetime.combine(today + dt.timedelta(days=3), dt.time(9))
    boss.desk.clock = lambda: later
    done = case_exits.expire_listings(boss)
    assert len(done) == 1
    states = boss.ledger.conn.execute("SELECT list_type, state FROM cases ORDER BY id").fetchall()
    assert states == [("black", "exited"), ("watch", "listed")], states
