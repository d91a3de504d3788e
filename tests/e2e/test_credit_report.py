"""A single subject's 公共信用信息报告 (issue 19 item 2; R15, R22): the national report standard's structure (公共信用
信息报告标准 2022年版), the period covered and the issuing office, its 双公示 decisions and commitments, printed
through the documents pipeline and read back with pdftotext."""

from __future__ import annotations

import pytest
import datetime as dt
import random
import re
import subprocess

from credit_desk.domain import demo
from tests.e2e.case_kit import (REVIEWER, black_listing, company, desk, ok, refused,  # noqa: F401
                                staffed_template)
from tests.e2e.disclosure_kit import AUTHORITY

SECTIONS = ("一、报告说明", "二、基本信息", "三、信息概要", "四、失信信息", "五、行政许可和行政处罚信息",
            "六、信用承诺及履行情况", "七、诚实守信相关荣誉信息", "八、异议与信用修复")


def _licence(desk, uscc: str, number: str, decided: str) -> int:
    out = ok(desk, "decision", "add", "--kind", "行政许可", "--party-name", "淮安测试31有限公司", "--party-kind",
             "法人及非法人组织", "--uscc", uscc, "--rep-name", "王建国", "--rep-id-type", "居民身份证", "--rep-id-number",
             demo.ric(random.Random(31), "320812", dt.date(1960, 1, 1), dt.date(1990, 12, 31)), "--doc-number", number, "--category", "普通",
             "--content", "食品经营许可", "--decision-date", decided, "--valid-until", "2031-11-26", "--authority",
             AUTHORITY[0], "--authority-uscc", AUTHORITY[1], "--source-unit", AUTHORITY[0], "--source-uscc", AUTHORITY[1])
    ok(desk, "decision", "publish", str(out["id"]), user=REVIEWER)
    return out["id"]


def _text(path) -> str:
    return re.sub(r"\s", "", subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                            check=True).stdout)


def _joint_entry(data_dir, name: str, number: str) -> None:
    """The platform's downloaded joint-punishment list (as sync/downstream stores it) holds the subject."""
    from credit_desk.services import ledgers
    from credit_desk.store import sync_state
    desk_ = ledgers.unlock(data_dir)
    try:
        with desk_.ledger.tx() as tx:
            sync_state.replace_joint_entries(tx, [{"entry_id": "JP-31", "list_id": "L1", "list_title": "失信被执行人名单",
                                                   "list_type": "court", "name": name, "id_type": "uscc",
                                                   "id_number": number, "department": "淮安市中级人民法院"}], 2)
    finally:
        desk_.close()


@pytest.mark.story
def test_r22_a_subjects_report_follows_the_standard_and_its_period(desk, data_dir, tmp_path):
    sid = company(desk, 31)
    uscc = demo.uscc(random.Random(31), "320812")
    black_listing(desk, sid)
    _joint_entry(data_dir, "淮安测试31有限公司", uscc)
    _licence(desk, uscc, "清市监许〔2026〕31号", "2026-11-20")
    _licence(desk, uscc, "清市监许〔2026〕32号", "2026-11-27")   # after the period asked for below
    ok(desk, "commitment", "item-add", "CN-31", "--name", "市场主体主动型信用承诺", "--type", "voluntary", "--basis",
       "苏府办〔2020〕232号（一）")
    ok(desk, "commitment", "add", "--subject", str(sid), "--item", "CN-31", "--content", "依法诚信经营",
       "--made-on", "2026-03-01")
    out = ok(desk, "report", "subject", str(sid), "--purpose", "企业申请出具信用报告", "--to", "2026-11-25",
             "--out", str(tmp_path / "r.pdf"))
    assert re.fullmatch(r"\w*信报〔2026〕1号", out["number"])
    text = _text(tmp_path / "r.pdf")
    positions = [text.find(s) for s in SECTIONS]
    assert -1 not in positions and positions == sorted(positions), positions   # the standard's order
    for bit in ("公共信用信息报告", "报告期：2023年11月26日至2026年11月25日", "出具机构：清江浦区信用办",
                "信用主体：淮安测试31有限公司", f"统一社会信用代码/证件号码：{uscc}", "法定代表人（负责人）：王建国",
                "严重失信主体名单：认定部门县市场监督管理局", "失信信息：行政处罚决定清市监罚〔2026〕18号",
                "行政许可：清市监许〔2026〕31号", "市场主体主动型信用承诺",
                "联合惩戒对象名单：失信被执行人名单（淮安市中级人民法院，按证件号码比对）", "联合惩戒对象名单1条", "查询事由：企业申请出具信用报告"):
        assert bit in text, bit
    assert "清市监许〔2026〕32号" not in text   # decided after the period
    assert ok(desk, "notice", "verify", "--pdf", str(tmp_path / "r.pdf"))["result"] == "valid"


def test_r22_the_period_cannot_end_in_the_future_or_run_backwards(desk):
    sid = company(desk, 32)
    assert refused(desk, "report", "subject", str(sid), "--purpose", "企业申请出具信用报告",
                   "--to", "2026-12-31")["code"] == "DATE_ORDER"
    assert refused(desk, "report", "subject", str(sid), "--purpose", "企业申请出具信用报告", "--from", "2026-11-20",
                   "--to", "2026-11-10")["code"] == "DATE_ORDER"
    assert refused(desk, "report", "subject", str(sid), "--purpose", " ")["code"] == "R14_PURPOSE_REQUIRED"


def test_r15_a_persons_report_masks_the_name_and_number_inside_a_decisions_text(desk, tmp_path):
    """A person's 公共信用信息报告 masks the name and ID in its basic information; a published licence's content
    naming the person (「准予李四从事…」) printed them whole — now masked there too (read back with pdftotext)."""
    from tests.e2e.case_kit import person
    sid = person(desk, 33)
    number = demo.ric(random.Random(33), "320826", dt.date(1970, 1, 1), dt.date(1990, 12, 31))
    out = ok(desk, "decision", "add", "--kind", "行政许可", "--party-name", "李四", "--party-kind", "自然人",
             "--id-type", "居民身份证", "--id-number", number, "--doc-number", "清市监许〔2026〕33号", "--category", "登记",
             "--content", f"准予李四（{number}）从事食品摊贩经营", "--decision-date", "2026-11-20",
             "--valid-until", "2029-11-19", "--authority", AUTHORITY[0], "--authority-uscc", AUTHORITY[1],
             "--source-unit", AUTHORITY[0], "--source-uscc", AUTHORITY[1])
    ok(desk, "decision", "publish", str(out["id"]), user=REVIEWER)
    ok(desk, "report", "subject", str(sid), "--purpose", "本人申请出具信用报告", "--out", str(tmp_path / "p.pdf"))
    text = _text(tmp_path / "p.pdf")
    assert "清市监许〔2026〕33号" in text and "准予李*" in text
    assert "李四" not in text and number not in text


def test_r15_an_individual_business_under_its_operators_name_does_not_print_the_operator_whole(desk, tmp_path):
    """个体工商户 registered under the operator's own name is masked as a person (R15); its report printed the
    same person whole as 法定代表人（负责人）. Now masked there too, as the 双公示 register does."""
    rng = random.Random(34)
    code = demo.uscc(rng, "320812")
    sid = ok(desk, "subject", "add", "--kind", "individual_business", "--name", "孙小梅", "--id-type", "uscc",
             "--id-number", code, "--legal-rep-name", "孙小梅", "--legal-rep-id-number",
             demo.ric(rng, "320826", dt.date(1970, 1, 1), dt.date(1990, 12, 31)))["id"]
    ok(desk, "report", "subject", str(sid), "--purpose", "本人申请出具信用报告", "--out", str(tmp_path / "b.pdf"))
    text = _text(tmp_path / "b.pdf")
    assert "法定代表人（负责人）：孙*梅" in text and "孙小梅" not in text
