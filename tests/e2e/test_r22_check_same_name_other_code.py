"""R22/R14 (issue 19 attack att19d, a department's list): a company on the black list, listed by the department
under a mistyped 统一社会信用代码, came back 台账中未查到 — the report's list of names not found cleared a black-listed
company. The code still decides the match (never a hit by name), but a row whose code is not in the ledger while
an organisation of the same name is says so, with that organisation's code and what it carries, on the screen, the
command line and the numbered report (read back with pdftotext); the organisation read is logged under the
check's purpose (R14). A person of the same name is never shown (R15: a name alone is no person's identity)."""

from __future__ import annotations

import random
import shutil
import subprocess

import pytest

from credit_desk.domain import demo
from credit_desk.services import ledgers
from tests.e2e.case_kit import desk, ok, staffed_template  # noqa: F401
from tests.e2e.test_credit_checks import DEPT, WHY, _sheet, _uscc, ledger_with_hits  # noqa: F401

OTHER = demo.uscc(random.Random(9001), "320812")


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils")
@pytest.mark.story
def test_r22_r14_a_black_listed_company_under_a_mistyped_code_is_not_reported_clear(desk, ledger_with_hits,
                                                                                      tmp_path, data_dir):
    brackets = ok(desk, "subject", "add", "--kind", "legal_person", "--name", "江苏测试（淮安）有限公司", "--id-type",
                  "uscc", "--id-number", demo.uscc(random.Random(9002), "320812"))["id"]
    ric = demo.ric(random.Random(9003), "320826", __import__("datetime").date(1970, 1, 1),
                   __import__("datetime").date(1990, 12, 31))
    rows = [("淮安测试11 有限公司", OTHER),                # the black-listed company, its code mistyped
            ("江苏测试(淮安)有限公司", demo.uscc(random.Random(9004), "320812")),   # the other bracket width
            ("淮安测试14有限公司", _uscc(14)),              # its own code: found, no note
            ("李四", ric)]                                 # a person of the ledger's person's name: no note
    _sheet(tmp_path / "list.xlsx", rows)
    out = ok(desk, "credit-check", "run", str(tmp_path / "list.xlsx"), "--department", DEPT, "--purpose", WHY,
             "--print", "--out", str(tmp_path / "report.pdf"))
    by_row = {r["row"]: r for r in out["results"]}
    assert by_row[3]["outcome"] == "not_found" and by_row[3]["categories"] == []   # the code decides
    assert [(n["subject_id"], n["number"], n["categories"]) for n in by_row[3]["namesakes"]] == [
        (ledger_with_hits["black"], _uscc(11), ["black", "record"])]
    assert "台账中有同名单位" in by_row[3]["namesake_zh"] and _uscc(11) in by_row[3]["namesake_zh"]
    assert [n["subject_id"] for n in by_row[4]["namesakes"]] == [brackets]
    assert by_row[5]["namesakes"] == [] and by_row[6]["namesakes"] == [] and by_row[6]["outcome"] == "not_found"
    text = "".join(subprocess.run(["pdftotext", "-layout", str(tmp_path / "report.pdf"), "-"], capture_output=True,
                                  text=True, check=True).stdout.split())
    assert f"台账中有同名单位，代码与名单所填不同：淮安测试11有限公司（{_uscc(11)}），该单位列入严重失信主体名单、有有效失信信息" \
        in text, text
    desk_ = ledgers.unlock(data_dir)
    try:
        reads = desk_.ledger.query("SELECT object_id, purpose, detail FROM audit WHERE action = 'check.read'")
    finally:
        desk_.close()
    same = [r for r in reads if '"same_name"' in (r["detail"] or "")]
    assert {r["object_id"] for r in same} == {str(ledger_with_hits["black"]), str(brackets)}
    assert {r["purpose"] for r in same} == {f"信用审查第{out['id']}号：{WHY}（{DEPT}）"}
