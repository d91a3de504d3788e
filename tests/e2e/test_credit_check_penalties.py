"""信用审查 against the office's own 双公示 register (issue 19 attack; R13, R14, R15, R22): a subject with a published
一般 or 严重 administrative penalty still in its publication period carries effective dishonesty information
(国办发〔2025〕22号: penalty information is tiered dishonesty information), so a credit check for an award or a
procurement must not call it 'not found'. A slight penalty (not published), one whose period ended, and a revoked
one are not reported."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess

import pytest

from credit_desk.services import ledgers
from tests.conftest import TEST_NOW
from tests.e2e.case_kit import REVIEWER, desk, ok, staffed_template  # noqa: F401
from tests.e2e.disclosure_kit import penalty_row, write_sheet

TODAY = TEST_NOW.date()
DEPT, WHY = "清江浦区财政局", "2026年度评优评先资格审查"


def _registered(desk, tmp_path) -> list[dict]:
    decided = TODAY - dt.timedelta(days=5)
    rows = [penalty_row(1, decided, tier="严重"), penalty_row(2, decided, tier="一般", person=True),
            penalty_row(3, decided, tier="轻微"), penalty_row(4, decided, tier="一般")]
    path = tmp_path / "penalties.xlsx"
    write_sheet(path, rows)
    ids = ok(desk, "decision", "import", str(path))["ids"]
    ok(desk, "decision", "publish", *map(str, ids), user=REVIEWER)
    ok(desk, "decision", "revoke", str(ids[3]), "--reason", "复议决定撤销原处罚决定（清政复决〔2026〕3号）")
    return rows


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils")
def test_r22_r13_a_published_penalty_in_its_period_is_a_hit_of_the_credit_check(desk, data_dir, tmp_path):
    rows = _registered(desk, tmp_path)
    serious, person, slight, revoked = rows
    out = ok(desk, "credit-check", "entry", "--department", DEPT, "--purpose", WHY,
             "--subject", f"{serious['party_name']},{serious['uscc']}", "--subject", f"张小明,{person['id_number']}",
             "--subject", f"{slight['party_name']},{slight['uscc']}",
             "--subject", f"{revoked['party_name']},{revoked['uscc']}", "--print", "--out", str(tmp_path / "r.pdf"))
    by_row = {r["row"]: r for r in out["results"]}
    assert by_row[1]["outcome"] == "hit" and "penalty" in by_row[1]["categories"]
    assert by_row[2]["outcome"] == "hit" and "penalty" in by_row[2]["categories"]
    assert by_row[3]["outcome"] == "not_found" and by_row[4]["outcome"] == "not_found"   # 轻微; revoked (R3)
    assert out["counts"]["penalty"] == 2 and out["hit_count"] == 2
    text = "".join(subprocess.run(["pdftotext", "-layout", str(tmp_path / "r.pdf"), "-"], capture_output=True,
                                  text=True, check=True).stdout.split())
    assert "有公示期内的行政处罚信息的2个" in text
    assert re.search(r"行政处罚：清市监罚〔2026〕101号", text), text
    assert "张小明" not in text and person["id_number"] not in text          # R15
    d = ledgers.unlock(data_dir)
    try:   # R14: every decision the check read is logged under the check's purpose
        reads = d.ledger.conn.execute("SELECT object_id, purpose, detail FROM audit WHERE action = 'check.read' "
                                      "AND object_type = 'admin_decision'").fetchall()
    finally:
        d.close()
    assert len(reads) == 2 and all(WHY in p for _, p, _ in reads)
    assert {json.loads(x)["row"] for _, _, x in reads} == {1, 2}


def test_r22_r13_a_penalty_past_its_longest_period_is_not_a_hit(desk, tmp_path, pinned_clock):
    from credit_desk.domain.rulesets import add_months
    decided = add_months(TODAY, -12) + dt.timedelta(days=10)
    rows = [penalty_row(5, decided, tier="一般")]
    write_sheet(tmp_path / "p.xlsx", rows)
    ids = ok(desk, "decision", "import", str(tmp_path / "p.xlsx"))["ids"]
    ok(desk, "decision", "publish", *map(str, ids), user=REVIEWER)
    end = add_months(decided, 12)
    for day, expected in ((end, "hit"), (end + dt.timedelta(days=1), "not_found")):
        pinned_clock["now"] = dt.datetime.combine(day, dt.time(9))
        out = ok(desk, "credit-check", "entry", "--department", DEPT, "--purpose", WHY,
                 "--subject", f"{rows[0]['party_name']},{rows[0]['uscc']}")
        assert out["results"][0]["outcome"] == expected, day


@pytest.mark.parametrize("name_head,code_head", [("申报单位", "统一社会信用代码"), ("单位名称（全称）", "社会统一信用代码"),
                                                 ("申请单位", "身份证号码/统一社会信用代码")])
def test_r22_a_list_headed_as_departments_head_it_is_checked(desk, tmp_path, name_head, code_head):
    """R22 (issue 19 attack, a department's list): 申报单位 and 社会统一信用代码 are how fund and award lists head their
    columns; such a list was refused for having no header."""
    from openpyxl import Workbook
    row = penalty_row(6, TODAY - dt.timedelta(days=3))
    wb = Workbook()
    wb.active.append(["2026年度专项资金申报单位汇总表"])
    wb.active.append(["序号", name_head, code_head, "申报金额（万元）"])
    wb.active.append([1, row["party_name"], row["uscc"], 50])
    wb.save(tmp_path / "list.xlsx")
    out = ok(desk, "credit-check", "run", str(tmp_path / "list.xlsx"), "--department", DEPT, "--purpose", WHY)
    assert out["row_count"] == 1 and out["results"][0]["outcome"] == "not_found"
