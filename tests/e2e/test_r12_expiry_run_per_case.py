"""Issue 19 leftover (R12): one black listing without the watch period that follows its exit — from whatever source
(an older ledger, a platform bundle, an import before the period was required) — stopped the whole daily expiry
run: the run was one transaction for every listing and the refusal rolled it all back. The run now checks each
listing first, ends the lawful others and reports the one it could not end."""

from __future__ import annotations

import datetime as dt

from credit_desk.services import case_exits
from credit_desk.services.legacy import ledger_import
from tests.e2e import legacy_kit as kit
from tests.e2e.test_legacy_import import office  # noqa: F401


def _two_listings(boss, tmp_path) -> tuple[int, int]:
    """Two black listings brought in from an office's old ledger, both valid until tomorrow."""
    data = [r for r in kit.rows(boss, 12, listed_every=1, per_subject=1) if r[14]][:2]
    for row in data:
        row[17] = boss.desk.today() + dt.timedelta(days=1)
    ledger_import.import_ledger(boss, kit.write(tmp_path / "l.xlsx", data), kit.MAPPING)
    first, second = [r[0] for r in boss.ledger.conn.execute("SELECT id FROM cases ORDER BY id")]
    return first, second


def test_r12_a_listing_without_its_watch_period_does_not_stop_the_others(office, tmp_path):  # noqa: F811
    boss = office["boss"]
    today = boss.desk.today()
    first, second = _two_listings(boss, tmp_path)
    with boss.ledger.tx() as tx:  # an older ledger's black listing: no watch period was ever set
        tx.execute("UPDATE cases SET post_exit_watch_months = NULL WHERE id = ?", (first,))
    later = dt.datetime.combine(today + dt.timedelta(days=3), dt.time(9))
    boss.desk.clock = lambda: later
    done = case_exits.expire_listings(boss)
    left = [d for d in done if not d.get("refused")]
    refused = [d for d in done if d.get("refused")]
    assert [d["case_id"] for d in left] == [second]
    assert [(d["case_id"], d["refused"]) for d in refused] == [(first, "R12_WATCH_PERIOD_REQUIRED")]
    assert f"案件{first}" in refused[0]["zh"] and "请写明认定部门确定的期限" in refused[0]["zh"]
    states = dict(boss.ledger.conn.execute("SELECT id, state FROM cases WHERE list_type = 'black'").fetchall())
    assert states == {first: "listed", second: "exited"}, states
    watch = boss.ledger.conn.execute("SELECT origin_case_id FROM cases WHERE list_type = 'watch'").fetchall()
    assert watch == [(second,)]
    import json
    detail = json.loads(boss.ledger.conn.execute(
        "SELECT detail FROM audit WHERE action = 'case.expire' ORDER BY id DESC LIMIT 1").fetchone()[0])
    assert detail["exited"] == [second] and detail["refused"] == [{"case_id": first,
                                                                    "code": "R12_WATCH_PERIOD_REQUIRED"}]
    from credit_desk.services import audit
    assert audit.verify_chain(boss.desk).ok  # the chain holds over the run's rows


def test_r12_an_exit_refused_while_writing_undoes_that_exit_alone(office, tmp_path, monkeypatch):  # noqa: F811
    """A refusal met only inside the exit's writing (its announcement's or warning letter's number, R5) rolled the
    whole day's run back — every other lawful exit with it, at every login. Each exit now has its own transaction:
    the refused one is left whole (listed, no watch listing, no exit rows), the others leave, the chain holds."""
    from credit_desk.domain.errors import DomainError
    from credit_desk.services import case_core

    boss = office["boss"]
    today = boss.desk.today()
    first, second = _two_listings(boss, tmp_path)
    real = case_core.exit_in_tx

    def numbering_fails_for_first(session, tx, case, ex):
        result = real(session, tx, case, ex)   # everything written, then the refusal: all of it must roll back
        if case.id == first:
            raise DomainError("R5_NUMBER_ORDER", "文号顺序错误。", "Number order.", field="number")
        return result
    monkeypatch.setattr(case_core, "exit_in_tx", numbering_fails_for_first)
    audit_before = boss.ledger.conn.execute("SELECT count(*) FROM audit WHERE object_id = ?", (str(first),)).fetchone()
    boss.desk.clock = lambda: dt.datetime.combine(today + dt.timedelta(days=3), dt.time(9))
    done = case_exits.expire_listings(boss)
    assert [(d["case_id"], d.get("refused")) for d in done] == [(second, None), (first, "R5_NUMBER_ORDER")]
    states = dict(boss.ledger.conn.execute("SELECT id, state FROM cases WHERE list_type = 'black'").fetchall())
    assert states == {first: "listed", second: "exited"}, states
    watch = boss.ledger.conn.execute("SELECT origin_case_id FROM cases WHERE list_type = 'watch'").fetchall()
    assert watch == [(second,)]
    assert boss.ledger.conn.execute("SELECT count(*) FROM audit WHERE object_id = ?",
                                    (str(first),)).fetchone() == audit_before  # nothing of the failed exit kept
    from credit_desk.services import audit
    assert audit.verify_chain(boss.desk).ok
