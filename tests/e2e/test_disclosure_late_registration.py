"""R13 with R6/R21 (issue 19 attack, the auditor): a penalty registered — or left unpublished — past its longest
publication period could never be published (R13_PUBLICATION_OVER) and stayed 'overdue' on the due list for ever,
with nothing the clerk could do but a false revocation. Its publication period ends by itself like a published
one's: the daily check ends it, with its audit and change-log rows, and the due list no longer asks for it."""

from __future__ import annotations

import datetime as dt

from credit_desk.domain.rulesets import add_months
from tests.conftest import TEST_NOW
from tests.e2e.case_kit import REVIEWER, desk, ok, refused, staffed_template  # noqa: F401
from tests.e2e.disclosure_kit import penalty_row, write_sheet
from tests.e2e.test_disclosure import _rows

ASK = {"actor": "平台核查员", "reason": "双公示报送核对"}  # R14: a look at the platform names who and why

TODAY = TEST_NOW.date()


def test_r13_a_penalty_registered_after_its_longest_period_ends_by_itself_and_leaves_the_due_list(desk, data_dir,
                                                                                                 tmp_path):
    decided = add_months(TODAY, -12) - dt.timedelta(days=10)       # 一般: longest 1 year, over 10 days ago
    fresh = TODAY - dt.timedelta(days=2)
    write_sheet(tmp_path / "late.xlsx", [penalty_row(1, decided), penalty_row(2, fresh)])
    old, new = ok(desk, "decision", "import", str(tmp_path / "late.xlsx"))["ids"]
    states = {r["id"]: r["state"] for r in ok(desk, "decision", "list")}
    assert states == {old: "ended", new: "registered"}
    due = [i for i in ok(desk, "due") if i["kind"] == "publish_decision"]
    assert [int(i["object_id"]) for i in due] == [new], due
    assert refused(desk, "decision", "publish", str(old), user=REVIEWER)["code"] == "DECISION_STATE"
    ops = _rows(data_dir, "SELECT op FROM changes WHERE entity = 'admin_decision' AND entity_id = ? ORDER BY id",
                str(old))
    assert [o for (o,) in ops] == ["insert", "publication_stop"]
    assert _rows(data_dir, "SELECT 1 FROM audit WHERE action = 'disclosure.publication_stop'")


def test_r13_the_due_list_does_not_ask_to_publish_a_slight_penalty(desk, tmp_path):
    """R13: a 轻微 penalty is normally not published — the due list asks for it to be recorded as not published and
    reported within the 7 working days (R6), never to be published."""
    write_sheet(tmp_path / "s.xlsx", [penalty_row(1, TODAY - dt.timedelta(days=2), tier="轻微"),
                                      penalty_row(2, TODAY - dt.timedelta(days=2))])
    slight, general = ok(desk, "decision", "import", str(tmp_path / "s.xlsx"))["ids"]
    labels = {int(i["object_id"]): i["label_zh"] for i in ok(desk, "due") if i["kind"] == "publish_decision"}
    assert "公示并报送平台" in labels[general] and "不予公示" not in labels[general]
    assert "不予公示" in labels[slight] and "前公示并报送" not in labels[slight], labels[slight]


def test_r13_r21_a_penalty_ended_before_it_was_published_reaches_the_intake_as_ended(desk, tmp_path):
    """The reference intake files the late penalty with its end (insert, then publication_stop), nothing rejected."""
    import json
    from pathlib import Path

    from credit_desk.intake.receiver import Intake
    from tests.e2e.sync_support import export, pair
    decided = add_months(TODAY, -12) - dt.timedelta(days=10)
    write_sheet(tmp_path / "late.xlsx", [penalty_row(1, decided)])
    ok(desk, "decision", "import", str(tmp_path / "late.xlsx"))
    assert {r["state"] for r in ok(desk, "decision", "list")} == {"ended"}
    intake_dir = pair(desk, tmp_path)
    _, info = Intake(intake_dir).receive(Path(export(desk, tmp_path / "usb")[0]["file"]).read_bytes())
    assert info["rejected"] == 0, info
    office = json.loads((Path(desk.data_dir) / "ledger.json").read_text())["ledger_id"]
    assert [f["state"] for f in Intake(intake_dir).decisions(office, **ASK)] == ["ended"]
