"""R21 (issue 19 attack att19d, a department's correction): a department found a wrong element in a decision it
sent — the date, the amount, a misspelt name — after the office had published and reported it. The register had
no way to correct it: the only step was 撤销 (telling the platform, falsely, that the decision was revoked), and
the corrected decision could not be registered again (决定书文号 …已登记). Now ``decision correct`` takes the
corrected elements through the same checks as entry by hand, recomputes the 7-working-day date across the holiday
(R6/R20), keeps the decision published, is audited with its reason, and reaches the platform in the next bundle:
the reference intake files the corrected decision and the due list asks for the platform's acknowledgement again."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from openpyxl import load_workbook

from credit_desk.intake.receiver import Intake
from tests.conftest import TEST_NOW
from tests.e2e.case_kit import REVIEWER, desk, ok, refused, staffed_template  # noqa: F401
from tests.e2e.disclosure_kit import HOLIDAY_DECISION, HOLIDAY_DUE, penalty_row, write_sheet
from tests.e2e.sync_support import export, pair
from tests.e2e.test_disclosure import _ledger_id, _rows

TODAY = TEST_NOW.date()
WHY = "市监局更正函（清市监函〔2026〕12号）"


def test_r21_a_published_decision_is_corrected_audited_and_the_platform_told(desk, tmp_path):
    decided = TODAY - dt.timedelta(days=3)
    path = tmp_path / "dept.xlsx"
    write_sheet(path, [penalty_row(1, decided), penalty_row(2, decided, person=True), penalty_row(3, decided)])
    first, person, third = ok(desk, "decision", "import", str(path))["ids"]
    ok(desk, "decision", "publish", str(first), str(person), str(third), "--on", decided.isoformat(), user=REVIEWER)
    intake_dir = pair(desk, tmp_path)
    intake = Intake(intake_dir)
    receipt, info = intake.receive(Path(export(desk, tmp_path / "u1")[0]["file"]).read_bytes())
    assert info["rejected"] == 0
    (tmp_path / "r1.cdb").write_bytes(receipt)
    ok(desk, "bundle", "import", str(tmp_path / "r1.cdb"))
    assert [i for i in ok(desk, "due") if i["kind"] == "publish_decision"] == []      # reported and acknowledged

    # refused, nothing changed: no reason; a tier that changes whether it is published (R13); another's 文号;
    # an element that is not one; a bad code named; the same values
    assert refused(desk, "decision", "correct", str(first), "--reason", "更正", "--fine-wan", "0.3")["field"] == "reason"
    assert refused(desk, "decision", "correct", str(first), "--reason", WHY, "--tier", "轻微")["code"] == "R13_TIER_CHANGE"
    assert refused(desk, "decision", "correct", str(first), "--reason", WHY,
                   "--doc-number", "清市监罚〔2026〕103号")["code"] == "DECISION_DUPLICATE"
    bad = refused(desk, "decision", "correct", str(first), "--reason", WHY, "--uscc", "91320812MA1XXXXX0X")
    assert "统一社会信用代码" in bad["message"]
    assert refused(desk, "decision", "correct", str(first), "--reason", WHY, "--fine-wan", "0.5")["code"] == \
        "NOTHING_CHANGED"
    late = refused(desk, "decision", "correct", str(first), "--reason", WHY, "--decision-date",
                   (decided + dt.timedelta(days=1)).isoformat())
    assert late["code"] == "DATE_ORDER" and "晚于该决定的公示日期" in late["message"], late   # published before it
    assert not _rows(desk.data_dir, "SELECT 1 FROM changes WHERE op = 'correct'")

    out = ok(desk, "decision", "correct", str(first), "--reason", WHY, "--fine-wan", "0.3",
             "--decision-date", HOLIDAY_DECISION.isoformat())
    assert out["changed"] == ["fine_wan", "decision_date"] and out["state"] == "published"
    assert out["publish_due"] == HOLIDAY_DUE.isoformat()                 # R6/R20: recounted across 国庆
    fixed = ok(desk, "decision", "correct", str(person), "--reason", WHY, "--party-name", "张晓明")
    assert fixed["party_name"] == "张*明" and fixed["changed"] == ["party_name"]   # R15: masked in the answer
    audit = _rows(desk.data_dir, "SELECT object_id, detail FROM audit WHERE action = 'disclosure.correct'")
    assert [(o, json.loads(d)["changed"]) for o, d in audit] == [(str(first), ["fine_wan", "decision_date"]),
                                                                 (str(person), ["party_name"])]
    assert all(json.loads(d)["reason"] == WHY for _, d in audit)
    # the due list asks for the platform's acknowledgement of the corrections (R6)
    due = [i for i in ok(desk, "due") if i["kind"] == "publish_decision"]
    assert len(due) == 2 and all("待平台确认" in i["label_zh"] for i in due) and not any("晓明" in i["label_zh"] for i in due)
    # the upload sheet carries the corrected values, the person masked (R15)
    ok(desk, "decision", "export-sheet", str(tmp_path / "up.xlsx"), user=REVIEWER)
    cells = [c for row in load_workbook(tmp_path / "up.xlsx")["行政处罚"].iter_rows(values_only=True) for c in row if c]
    assert "0.3" in cells and "张*明" in cells and "张晓明" not in cells
    # the platform files the corrected decision; its receipt closes the deadline again
    receipt, info = intake.receive(Path(export(desk, tmp_path / "u2")[0]["file"]).read_bytes())
    assert info["rejected"] == 0 and info["accepted"] == 2, info
    filed = {f["decision_id"]: f for f in intake.decisions(_ledger_id(desk), actor="平台核查员", reason="核对更正报送")}
    assert filed[str(first)]["decision_date"] == HOLIDAY_DECISION and filed[str(first)]["publish_due"] == HOLIDAY_DUE
    (tmp_path / "r2.cdb").write_bytes(receipt)
    ok(desk, "bundle", "import", str(tmp_path / "r2.cdb"))
    assert [i for i in ok(desk, "due") if i["kind"] == "publish_decision"] == []
    # R13 两书同达: once the 信用修复告知书 is printed, what it states is not corrected under it; the rest is
    ok(desk, "print", "repair_notice", "--decision", str(third), "--out", str(tmp_path / "n.pdf"))
    served = refused(desk, "decision", "correct", str(third), "--reason", WHY, "--decision-date",
                     (decided - dt.timedelta(days=1)).isoformat())
    assert served["code"] == "R13_NOTICE_SERVED" and "「决定日期」" in served["message"], served
    assert ok(desk, "decision", "correct", str(third), "--reason", WHY, "--fine-wan", "0.4")["changed"] == ["fine_wan"]
    # a revoked decision is no longer corrected (R3)
    ok(desk, "decision", "revoke", str(third), "--reason", "经行政复议撤销（清政复决〔2026〕3号）")
    assert refused(desk, "decision", "correct", str(third), "--reason", WHY, "--fine-wan", "0.2")["code"] == \
        "DECISION_STATE"
