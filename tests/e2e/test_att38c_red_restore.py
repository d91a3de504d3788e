"""R10 with R12 way 1 (att38c): the red listing a wrongful listing took off its list is restored; nothing of its
removal on the wrong listing's account reaches the platform, even when the platform refused that removal before
the withdrawal."""

from __future__ import annotations

import json

import pytest
from credit_desk.intake import checks
from credit_desk.intake.receiver import Intake
from credit_desk.services import ledgers
from tests.e2e.case_kit import black_listing, company, desk, ok, refused, staffed_template  # noqa: F401
from tests.e2e.platform_round import decision_change_id, refusing, send
from tests.e2e.sync_support import pair
from tests.e2e.test_issue13_law30 import _red, _withdraw


def _red_exit(data_dir, red: int) -> int:
    d = ledgers.unlock(data_dir, read_only=True)
    try:
        return d.ledger.conn.execute("SELECT id FROM changes WHERE entity = 'case' AND entity_id = ? AND op = 'exit'",
                                     (str(red),)).fetchone()[0]
    finally:
        d.close()


@pytest.mark.story
def test_r10_red_removal_refused_by_the_platform_never_travels_after_the_withdrawal(desk, data_dir, tmp_path,
                                                                                   monkeypatch):
    """The platform refused the red listing's removal on the wrong listing's day (any reason). After the wrong
    listing is withdrawn, the clerk could requeue that removal from the quarantine, and it travelled — the platform
    heard "red_removed" on the withdrawn listing's day, and took the red listing off its list while the office holds
    it listed. And the restore itself was refused for ever as resting on the refused removal."""
    intake_dir = pair(desk, tmp_path)
    sid = company(desk, 3811)
    red = _red(desk, sid)
    cid = black_listing(desk, sid)
    exit_id = _red_exit(data_dir, red)
    with refusing(monkeypatch, exit_id):
        assert [i["rejected"] for i in send(desk, intake_dir, tmp_path / "u1")] == [1]
    assert [q["change_id"] for q in ok(desk, "bundle", "status")["quarantine"]] == [exit_id]
    assert _withdraw(desk, cid)["red_restored"] == [red]
    # the removal is not sent again: it is undone, and the restore stands for it
    err = refused(desk, "bundle", "requeue", str(exit_id))
    assert err["code"] == "REQUEUE_UNDONE", err
    infos = send(desk, intake_dir, tmp_path / "u2")
    assert sum(i["rejected"] for i in infos) == 0, infos
    office_id = ok(desk, "keys", "show", user="boss1")["office"]
    mine = [(c["op"], c["state"].get("exit_way")) for c in Intake(intake_dir).stored_changes(office_id)
            if c["entity"] == "case" and c["entity_id"] == str(red)]
    assert mine == [("open", None), ("notice", None), ("decide", None), ("restore", None)], mine
    # the platform took the restore: the refused removal is no longer open in the quarantine
    assert ok(desk, "bundle", "status")["quarantine"] == []


@pytest.mark.story
def test_r11_alert_raised_only_by_a_wrong_watch_listing_keeps_nothing_of_it(desk, data_dir):
    """R11 with R12 way 1 (1798号 (二十) "相关信息不予保存"): a wrong watch listing in a third domain raised the
    大数据警示 flag; once it is withdrawn, the flag it alone raised is not kept either (it was cleared on the
    withdrawal's day, and its raise — the domains and the wrong listing's day — still travelled)."""
    from tests.e2e.case_kit import decide_watch, serve, watch_draft
    from tests.e2e.test_issue13_law30 import _travelling
    sid = company(desk, 3812)
    drafts = {d: watch_draft(desk, sid, d) for d in ("税务", "生态环境", "市场监管")}
    for cid in drafts.values():
        serve(desk, cid, on="2026-09-28")
    decide_watch(desk, drafts["税务"], "税务", on="2026-10-12")
    decide_watch(desk, drafts["生态环境"], "生态环境", on="2026-10-12")
    decide_watch(desk, drafts["市场监管"], "市场监管", on="2026-10-20")
    wrong = drafts["市场监管"]
    assert any('"entity":"alert"' in line for line in _travelling(data_dir))
    _withdraw(desk, wrong)
    mine = [json.loads(line) for line in _travelling(data_dir) if '"entity":"alert"' in line]
    assert [(c["op"], sorted(c["state"])) for c in mine] == [("withdraw", ["id", "subject_id"])], mine
    d = ledgers.unlock(data_dir, read_only=True)
    try:
        assert d.ledger.conn.execute("SELECT count(*) FROM alerts WHERE subject_id = ?", (sid,)).fetchone() == (0,)
    finally:
        d.close()


@pytest.mark.story
def test_r12_way1_a_refused_row_of_the_wrong_listing_is_not_requeued_after_its_withdrawal(desk, data_dir, tmp_path,
                                                                                       monkeypatch):
    """R12 way 1: the platform refused the wrong listing's decision; once the listing is withdrawn, requeuing that
    refusal from the quarantine sent the whole listing again as a new row after the withdrawal."""
    intake_dir = pair(desk, tmp_path)
    cid = black_listing(desk, company(desk, 3813))
    decide_id = decision_change_id(data_dir, cid)
    with refusing(monkeypatch, decide_id):
        send(desk, intake_dir, tmp_path / "u1")
    assert decide_id in [q["change_id"] for q in ok(desk, "bundle", "status")["quarantine"]]
    _withdraw(desk, cid)
    assert refused(desk, "bundle", "requeue", str(decide_id))["code"] == "REQUEUE_UNDONE"
    from tests.e2e.test_issue13_law30 import _travelling
    mine = [json.loads(line)["op"] for line in _travelling(data_dir) if f'"entity":"case","entity_id":"{cid}"' in line]
    assert mine == ["withdraw"], mine
