"""R17 commitments (breach → key supervision) and R18 interviews, through the CLI on a real ledger."""

from __future__ import annotations

import json
import random

from credit_desk.domain import demo
import pytest

from tests.conftest import with_business_accounts

@pytest.fixture
def office(office, secret_files):
    """This module's work is business (R14 separation of duties): the clerk acts by default; administrator's
    acts (keys, accounts) and reading the audit log (the auditor) name their account."""
    return with_business_accounts(office, secret_files)


def _subject(office) -> int:
    uscc = demo.uscc(random.Random(11), "320812")
    code, out, err = office("--json", "subject", "add", "--kind", "legal_person", "--name", "淮安市顺达物流有限公司",
                            "--id-type", "uscc", "--id-number", uscc)
    assert code == 0, err
    return json.loads(out)["id"]


def _item(office, code="CN-01", type_="voluntary"):
    c, _, err = office("commitment", "item-add", code, "--name", "市场主体主动型信用承诺", "--type", type_,
                       "--basis", "苏府办〔2020〕232号（一）")
    assert c == 0, err


def test_r17_breach_puts_the_subject_under_key_supervision(office):
    sid = _subject(office)
    _item(office)
    code, out, err = office("--json", "commitment", "add", "--subject", str(sid), "--item", "CN-01",
                            "--content", "依法诚信经营，按时足额支付员工工资", "--made-on", "2026-03-01")
    assert code == 0, err
    cid = json.loads(out)["id"]
    code, out, _ = office("--json", "commitment", "check", str(cid), "--fulfilment", "none",
                          "--checked-on", "2026-09-01")
    assert code == 0 and json.loads(out)["key_supervision_flag"]
    code, out, _ = office("--json", "commitment", "list", "--subject", str(sid), "--purpose", "核查履约情况")
    data = json.loads(out)
    assert data["commitments"][0]["fulfilment"] == "none"
    assert data["flags"] and "违背信用承诺" in data["flags"][0]["reason"]


def test_r17_kept_commitment_raises_no_flag(office):
    sid = _subject(office)
    _item(office)
    _, out, _ = office("--json", "commitment", "add", "--subject", str(sid), "--item", "CN-01", "--content", "守法经营",
                       "--made-on", "2026-03-01")
    cid = json.loads(out)["id"]
    _, out, _ = office("--json", "commitment", "check", str(cid), "--fulfilment", "full", "--checked-on", "2026-09-01")
    assert json.loads(out)["key_supervision_flag"] is None


def test_r17_commitment_outside_the_items_list_is_refused(office):
    sid = _subject(office)
    code, out, _ = office("--json", "commitment", "add", "--subject", str(sid), "--item", "NOPE", "--content", "x",
                          "--made-on", "2026-03-01")
    assert code == 1 and json.loads(out)["code"] == "R17_ITEM_UNKNOWN" and json.loads(out)["rule"] == "R17"


def test_r18_interview_is_recorded_and_travels_to_the_platform(office, data_dir):
    sid = _subject(office)
    code, out, err = office("--json", "interview", "add", "--subject", str(sid), "--kind", "warning",
                            "--held-on", "2026-10-12", "--people", "区市场监管局 王某、李某；企业法定代表人 张某",
                            "--content", "告知逾期未整改的后果", "--outcome", "企业承诺十个工作日内整改完毕",
                            "--reason", "拖欠农民工工资，限期整改逾期未完成", "--rectify-by", "2026-10-26")
    assert code == 0, err
    iid = json.loads(out)["id"]
    from credit_desk.services import ledgers
    desk = ledgers.unlock(data_dir, read_only=True)
    change = desk.ledger.query("SELECT * FROM changes WHERE entity = 'interview' AND entity_id = ?", (str(iid),))
    desk.close()
    assert len(change) == 1 and json.loads(change[0]["state"])["kind"] == "warning"
    code, out, _ = office("--json", "interview", "list", "--subject", str(sid), "--purpose", "核查约谈记录")
    assert json.loads(out)[0]["reason"].startswith("拖欠")


def test_r18_interview_needs_its_reason_and_a_sane_deadline(office):
    sid = _subject(office)
    code, out, _ = office("--json", "interview", "add", "--subject", str(sid), "--kind", "reminder",
                          "--held-on", "2026-10-12", "--people", "王某", "--content", "提示", "--outcome", "知悉",
                          "--reason", " ")
    assert code == 1 and json.loads(out)["field"] == "reason"
    code, out, _ = office("--json", "interview", "add", "--subject", str(sid), "--kind", "reminder",
                          "--held-on", "2026-10-12", "--people", "王某", "--content", "提示", "--outcome", "知悉",
                          "--reason", "逾期未整改", "--rectify-by", "2026-10-01")
    assert code == 1 and json.loads(out)["field"] == "rectify_by"
