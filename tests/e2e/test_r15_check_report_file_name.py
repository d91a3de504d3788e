"""R15 (issue 19 attack att19c, a department's list): a check of one or two persons comes in a file named after
them (张小明等2人信用审查名单.xlsx); the 信用审查报告 printed that file name as 名单来源 in full beside the masked
names of its annex. The list's person names are masked inside the source line by the one masker."""

from __future__ import annotations

import random
import re
import shutil
import subprocess
from datetime import date

import pytest
from openpyxl import Workbook

from credit_desk.domain import demo
from tests.e2e.case_kit import desk, ok, staffed_template  # noqa: F401

PERSON = ("张小明", demo.ric(random.Random(71), "320812", date(1970, 1, 1), date(1990, 12, 31)))
COMPANY = ("淮安某某商贸有限公司", demo.uscc(random.Random(72), "320812"))


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils")
def test_r15_a_persons_name_in_the_lists_file_name_is_masked_on_the_report(desk, tmp_path):
    wb = Workbook()
    wb.active.title = "张小明"
    wb.active.append(["序号", "名称", "统一社会信用代码/身份证号码"])
    wb.active.append([1, *PERSON])
    wb.active.append([2, *COMPANY])
    path = tmp_path / "张小明、淮安某某商贸有限公司信用审查名单.xlsx"
    wb.save(path)
    out = ok(desk, "credit-check", "run", str(path), "--department", "县人社局", "--purpose", "张小明同志先进个人评选",
             "--print", "--out", str(tmp_path / "report.pdf"))
    assert "张小明" not in out["source"]
    assert "张小明" not in ok(desk, "credit-check", "show", str(out["id"]), "--purpose", "复核")["source"]
    text = re.sub(r"\s", "", subprocess.run(["pdftotext", str(tmp_path / "report.pdf"), "-"], capture_output=True,
                                            text=True, check=True).stdout)
    assert "张小明" not in text, text[:400]
    assert "名单来源：张*明、淮安某某商贸有限公司信用审查名单.xlsx（张*明）" in text, text[:600]
    assert "审查事由：张*明同志先进个人评选" in text


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils")
def test_r15_a_persons_report_masks_the_name_in_the_purpose_typed(desk, tmp_path):
    from tests.e2e.case_kit import person
    sid = person(desk, 73)
    ok(desk, "report", "subject", str(sid), "--purpose", "李四申请公租房资格审查", "--out", str(tmp_path / "s.pdf"))
    text = re.sub(r"\s", "", subprocess.run(["pdftotext", str(tmp_path / "s.pdf"), "-"], capture_output=True,
                                            text=True, check=True).stdout)
    assert "李四" not in text and "查询事由：李*申请公租房资格审查" in text, text[:500]


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils")
def test_r15_a_decisions_own_spelling_of_the_party_is_masked_on_the_subject_report(desk, tmp_path):
    """The department spelt the person 李思 where the ledger has 李四 (same ID number): the 公共信用信息报告 masked
    the ledger's spelling in the decision's text and printed 对李思罚款… whole."""
    from tests.e2e.case_kit import REVIEWER, person
    from tests.e2e.disclosure_kit import AUTHORITY
    sid = person(desk, 74)
    number = demo.ric(random.Random(74), "320826", date(1970, 1, 1), date(1990, 12, 31))
    added = ok(desk, "decision", "add", "--kind", "行政处罚", "--party-name", "李思", "--party-kind", "自然人",
               "--id-type", "居民身份证", "--id-number", number, "--doc-number", "清市监罚〔2026〕274号",
               "--category", "罚款", "--content", "对李思罚款人民币伍仟元", "--facts", "销售过期食品",
               "--basis", "《中华人民共和国食品安全法》第一百二十四条", "--fine-wan", "0.5", "--tier", "一般",
               "--decision-date", "2026-11-20", "--authority", AUTHORITY[0], "--authority-uscc", AUTHORITY[1],
               "--source-unit", AUTHORITY[0], "--source-uscc", AUTHORITY[1])
    ok(desk, "decision", "publish", str(added["id"]), user=REVIEWER)
    ok(desk, "report", "subject", str(sid), "--purpose", "公租房资格审查", "--out", str(tmp_path / "s.pdf"))
    text = re.sub(r"\s", "", subprocess.run(["pdftotext", str(tmp_path / "s.pdf"), "-"], capture_output=True,
                                            text=True, check=True).stdout)
    assert "清市监罚〔2026〕274号" in text and "李思" not in text and "对李*罚款人民币伍仟元" in text, text[-900:]
