"""The case notices print from a seeded listing case (issue 3's services), through the CLI."""

from __future__ import annotations

import pytest
import re

from tests.documents.conftest import pdftotext
from tests.e2e.case_kit import (BOSS, black_listing, company, desk, ok, open_case, record, serve,  # noqa: F401
                                staffed_template)


def _text(path) -> str:
    return re.sub(r"\s", "", pdftotext(path))


@pytest.mark.story
def test_prior_notice_decision_and_repair_notice_print_for_a_seeded_case(desk, tmp_path):  # noqa: F811
    office = desk
    subject = company(office, 5)
    rid = record(office, subject)["id"]
    cid = open_case(office, subject, "black", "--facts", "销售不合格产品，货值金额较大", "--basis", "清市监罚〔2026〕18号",
                    records=[rid])
    notice = ok(office, "print", "prior_notice", "--case", str(cid), "--out", str(tmp_path / "n.pdf"))
    text = _text(tmp_path / "n.pdf")
    assert notice["documents"][0]["number"] in text and "淮安测试5有限公司" in text and "提出异议" in text
    listed = black_listing(office, company(office, 6))
    printed = ok(office, "print", "listing_decision", "--case", str(listed), "--out", str(tmp_path / "d.pdf"),
                 user=BOSS)["documents"]
    text = _text(tmp_path / "d.pdf")
    for heading in ("一、认定理由", "二、认定依据", "三、惩戒措施", "四、移出条件和程序", "五、救济途径"):
        assert heading in text
    # issued by the deciding department (49号 四(八)), dated on the decision day
    assert "县市场监督管理局2026年10月12日" in text.replace("扫码核验·文书真伪", "")
    # issue 4: the 信用修复告知书 registered with the decision prints with it (两书同达), under its held number
    # (numbers 1 and 2 of the series went with the two penalty records entered above: 两书同达, issue 16)
    assert [d["number"] for d in printed] == ["清信决〔2026〕1号", "清信修告〔2026〕3号"]
    assert "信用修复告知书" in _text(tmp_path / "d-repair_notice.pdf")
    verdict = ok(office, "notice", "verify", "--pdf", str(tmp_path / "d.pdf"))
    assert verdict["result"] == "valid"
