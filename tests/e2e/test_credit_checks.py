"""信用审查 (issue 19 item 2; R14, R15, R22): a department's list checked against the ledger and the platform's
joint-punishment lists, through the CLI as the clerk uses it; the numbered report read back with pdftotext."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from datetime import date

import pytest
from openpyxl import Workbook

from credit_desk.domain import demo
from credit_desk.services import ledgers
from credit_desk.store import sync_state
from tests.conftest import TEST_NOW
from tests.e2e.case_kit import (black_draft, decide_black, decide_watch, walk_to, watch_draft)
from tests.e2e.case_kit import (TAX_BOSS, black_listing, company, decide, desk, ok, open_case,  # noqa: F401
                                person, record, refused, serve, staffed_template, watch_listing)

DEPT, WHY = "清江浦区财政局", "2026年度财政专项资金申报资格审查"
JOINT_PERSON = ("赵六", demo.ric(random.Random(501), "320812", date(1970, 1, 1), date(1990, 12, 31)))
UNKNOWN_CO = ("淮安未登记贸易有限公司", demo.uscc(random.Random(502), "320812"))


def _uscc(seed: int) -> str:
    return demo.uscc(random.Random(seed), "320812")


def _rep(seed: int) -> str:
    """The legal representative's ID number of ``case_kit.company(seed)``."""
    rng = random.Random(seed)
    demo.uscc(rng, "320812")
    return demo.ric(rng, "320826", date(1970, 1, 1), date(1990, 12, 31))


def _ric(seed: int) -> str:
    return demo.ric(random.Random(seed), "320826", date(1970, 1, 1), date(1990, 12, 31))


def _sheet(path, rows, title="申报单位名单") -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.append(["2026年度财政专项资金申报单位名单"])
    ws.append(["序号", "单位名称", "统一社会信用代码", "备注"])
    for i, (name, number) in enumerate(rows, start=1):
        ws.append([i, name, number, ""])
    wb.save(path)


def _joint_lists(data_dir) -> None:
    """The platform's downloaded joint-punishment list (as sync/downstream stores it): one entry with a number,
    one without (matched by name)."""
    desk_ = ledgers.unlock(data_dir)
    try:
        with desk_.ledger.tx() as tx:
            sync_state.replace_joint_entries(tx, [
                {"entry_id": "JP-1", "list_id": "L1", "list_title": "失信被执行人名单", "list_type": "court",
                 "name": JOINT_PERSON[0], "id_type": "ric", "id_number": JOINT_PERSON[1], "department": "淮安市中级人民法院",
                 "basis": "《最高人民法院关于公布失信被执行人名单信息的若干规定》", "measures": ["限制高消费"]},
                {"entry_id": "JP-2", "list_id": "L2", "list_title": "重大税收违法失信主体名单", "list_type": "tax",
                 "name": "淮安无号码建材有限公司", "id_type": None, "id_number": None}], 3)
            sync_state.set_version(tx, "joint_list", 3, "2027-01-01", "0" * 64)
    finally:
        desk_.close()


@pytest.fixture
def ledger_with_hits(desk, data_dir):
    """A black-listed company, a company with a record only, a watch-listed company, a clean company, a person."""
    black = company(desk, 11)
    listing = black_draft(desk, black)
    rec = company(desk, 12)
    record(desk, rec, number="清市监罚〔2026〕41号")
    watch = company(desk, 13)
    watched = watch_draft(desk, watch, "税务")
    clean = company(desk, 14)
    ended = company(desk, 16)   # R12: its watch listing's validity ended 2026-11-20 (no expiry run yet)
    ending = watch_draft(desk, ended, "生态环境", valid_until="2026-11-20")
    someone = person(desk, 15)
    honoured = company(desk, 17)   # R10: on the red list (shown, never counted as adverse)
    red = open_case(desk, honoured, "red", "--department", "县税务局", "--department-level", "county",
                    "--facts", "连续三年纳税信用A级", "--basis", "纳税信用管理办法", "--valid-until", "2028-10-01")
    for case in (listing, watched, ending, red):
        serve(desk, case)  # 2026-09-28, each on the day it is numbered (R5)
    decide_black(desk, listing)
    decide_watch(desk, watched, "税务")
    decide(desk, red, user=TAX_BOSS)
    walk_to(desk, TEST_NOW.date())  # today; the ended listing's decision is recorded after today's expiry check
    decide_watch(desk, ending, "生态环境", paper=True)  # R5: so it is the department's hand-issued paper
    _joint_lists(data_dir)
    return {"black": black, "record": rec, "watch": watch, "clean": clean, "person": someone, "ended": ended,
            "red": honoured}


def _names(seeds):
    return [(f"淮安测试{s}有限公司", _uscc(s)) for s in seeds]


@pytest.mark.story
def test_r22_a_bad_list_is_refused_with_every_bad_cell_named_and_nothing_kept(desk, ledger_with_hits, tmp_path):
    rows = _names([11, 12]) + [("", _uscc(13)), ("淮安某某公司", _uscc(14)[:-1] + "0"), ("淮安重复公司", _uscc(11)),
                               ("淮安空号公司", ""), ("钱七", 320826197001011234)]   # a code typed as a number
    _sheet(tmp_path / "bad.xlsx", rows)
    err = refused(desk, "credit-check", "run", str(tmp_path / "bad.xlsx"), "--department", DEPT, "--purpose", WHY)
    assert err["code"] == "R22_LIST_REFUSED"
    for bit in ("第5行B列「单位名称」", "第6行C列「统一社会信用代码」", "第7行C列「统一社会信用代码」：与第3行的号码重复",
                "第8行C列「统一社会信用代码」", "第9行C列「统一社会信用代码」：单元格是数字格式"):
        assert bit in err["message"], (bit, err["message"])
    assert ok(desk, "credit-check", "list") == []   # nothing kept, nothing read


@pytest.mark.story
def test_r22_r14_a_list_is_matched_counted_logged_and_unmatched_rows_are_reported(desk, ledger_with_hits, tmp_path,
                                                                                   data_dir):
    rows = _names([11]) + [("淮安测试十二有限公司", _uscc(12))] + _names([13, 14]) + [
        UNKNOWN_CO, JOINT_PERSON, ("淮安无号码建材有限公司", _uscc(77))] + _names([16, 17]) + [("王建国", _rep(11)),
                                                                             ("王建国", _rep(13))]
    _sheet(tmp_path / "list.xlsx", rows)
    out = ok(desk, "credit-check", "run", str(tmp_path / "list.xlsx"), "--department", DEPT, "--purpose", WHY)
    by_row = {r["row"]: r for r in out["results"]}
    assert by_row[3]["categories"] == ["black", "record"]
    assert by_row[4]["categories"] == ["record"]
    assert by_row[5]["categories"] == ["watch", "record"]
    assert by_row[6]["outcome"] == "clear"
    assert by_row[7]["outcome"] == "not_found" and by_row[7]["name"] == UNKNOWN_CO[0]  # kept, never dropped
    assert by_row[8]["categories"] == ["joint"] and by_row[8]["name"] == "赵*"  # R15: a person masked
    assert JOINT_PERSON[1] not in json.dumps(out, ensure_ascii=False)
    assert by_row[9]["categories"] == ["joint"]   # the platform's entry without a number, by name
    assert by_row[10]["categories"] == ["record"]  # R12: a listing past its validity is no longer in force
    assert by_row[11]["categories"] == ["red"] and by_row[11]["outcome"] == "red_only"
    assert by_row[12]["categories"] == ["rep"] and by_row[12]["name"] == "王*国"   # 1798号 (十二): its unit listed
    assert by_row[13]["outcome"] == "not_found"   # its unit is on the watch list only: not a black-list measure
    assert by_row[4]["name_differs"] and not by_row[3]["name_differs"]   # the number decides; the report says so
    assert out["counts"] == {**out["counts"], "rows": 11, "black": 1, "watch": 1, "record": 4, "joint": 2, "red": 1,
                             "rep": 1, "hit": 7, "red_only": 1, "clear": 1, "not_found": 2}
    # R14: every subject read is logged under the department, the purpose and the check's number
    desk_ = ledgers.unlock(data_dir)
    try:
        reads = desk_.ledger.query("SELECT object_type, object_id, purpose FROM audit WHERE action = 'check.read'")
        change = desk_.ledger.query("SELECT state FROM changes WHERE entity = 'credit_check'")
    finally:
        desk_.close()
    label = f"信用审查第{out['id']}号：{WHY}（{DEPT}）"
    assert {(r["object_type"], r["object_id"]) for r in reads} == {
        *(("subject", str(ledger_with_hits[k])) for k in ("black", "record", "watch", "clean", "ended", "red")),
        ("joint_entry", "JP-1"), ("joint_entry", "JP-2")}
    assert {r["purpose"] for r in reads} == {label}
    assert len(change) == 1 and JOINT_PERSON[1] not in change[0]["state"]   # the platform hears counts, no row


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils")
@pytest.mark.story
def test_r22_r15_the_report_is_numbered_signed_and_reads_back(desk, ledger_with_hits, tmp_path):
    rows = _names([11]) + [("淮安测试十二有限公司", _uscc(12))] + _names([14]) + [UNKNOWN_CO, JOINT_PERSON]
    _sheet(tmp_path / "list.xlsx", rows)
    out = ok(desk, "credit-check", "run", str(tmp_path / "list.xlsx"), "--department", DEPT, "--purpose", WHY, "--print",
             "--out", str(tmp_path / "report.pdf"))
    number = out["report"]["number"]
    assert "信审〔2026〕1号" in number
    text = _pdf_text(tmp_path / "report.pdf")
    flat = "".join(text.split())
    for bit in ("信用审查报告", number, f"申请单位：{DEPT}", f"审查事由：{WHY}", f"审查编号：信用审查第{out['id']}号",
                "数据截至：2026年11月30日09:00", "联合惩戒名单：第3版", "列入严重失信主体名单的1个",
                "有有效失信信息的2个", "列入联合惩戒对象名单的1个", "第6行淮安未登记贸易有限公司", "附件1", "附件2", "附件3",
                "附件1第3行淮安测试11有限公司（", "信用审查明细", "失信被执行人名单", "第7行赵*",
                "名单所列名称与台账登记名称（淮安测试12有限公司）不一致，比对以号码为准"):
        assert bit in flat, bit
    assert JOINT_PERSON[1] not in flat and "赵六" not in flat   # R15: the person masked everywhere
    fonts = subprocess.run(["pdffonts", str(tmp_path / "report.pdf")], capture_output=True, text=True).stdout
    assert all(" yes " in line for line in fonts.splitlines()[2:]), fonts   # every font embedded
    verdict = ok(desk, "notice", "verify", "--pdf", str(tmp_path / "report.pdf"))
    assert verdict["result"] == "valid" and verdict.get("text_checked") is True   # the signed QR covers every word
    again = refused(desk, "credit-check", "print", str(out["id"]))
    assert again["code"] == "CHECK_REPORT_PRINTED"
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "2", str(tmp_path / "report.pdf"),
                    str(tmp_path / "page")], check=True)


@pytest.mark.story
def test_r22_an_empty_row_never_ends_the_list_and_a_hidden_row_is_named(desk, ledger_with_hits, tmp_path):
    """A department's list with an empty row in the middle: every subject below it is checked (a black-listed
    bidder under the gap was once never looked at); a hidden row refuses the list, named — nothing kept."""
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "单位名称", "统一社会信用代码"])
    ws.append([1, *_names([14])[0]])
    ws.append([])
    ws.append([2, *_names([11])[0]])          # sheet row 4: on the black list
    ws.append([3, *_names([12])[0]])          # sheet row 5
    ws.append(["注：本名单由申报单位汇总"])     # the notes under the list (the 序号 column)
    wb.save(tmp_path / "gap.xlsx")
    out = ok(desk, "credit-check", "run", str(tmp_path / "gap.xlsx"), "--department", DEPT, "--purpose", WHY)
    assert out["row_count"] == 3 and {r["row"]: r["outcome"] for r in out["results"]} == {2: "clear", 4: "hit",
                                                                                        5: "hit"}
    ws.row_dimensions[5].hidden = True
    wb.save(tmp_path / "hidden.xlsx")
    before = ok(desk, "credit-check", "list")
    err = refused(desk, "credit-check", "run", str(tmp_path / "hidden.xlsx"), "--department", DEPT, "--purpose", WHY)
    assert err["code"] == "R22_LIST_REFUSED" and "第5行是隐藏行" in err["message"], err
    assert ok(desk, "credit-check", "list") == before


@pytest.mark.story
def test_r22_a_subject_below_the_notes_is_named_and_a_name_beginning_with_zhu_is_no_note(desk, ledger_with_hits,
                                                                                         tmp_path):
    """The notes under a list end it, but a subject typed below them is named (it was never checked), and a name
    that merely begins with 注 (注塑机厂) is a row of the list, not the notes."""
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "单位名称", "统一社会信用代码"])
    ws.append([1, *_names([14])[0]])
    ws.append([2, "注塑机配件经营部", ""])                 # sheet row 3: a name, its number missing
    ws.append(["", "注：本名单由申报单位汇总", ""])        # sheet row 4: the notes
    ws.append(["", "1. 名单按申报顺序排列", ""])
    ws.append([3, *_names([11])[0]])                      # sheet row 6: below the notes
    wb.save(tmp_path / "notes.xlsx")
    err = refused(desk, "credit-check", "run", str(tmp_path / "notes.xlsx"), "--department", DEPT, "--purpose", WHY)
    msg = err["message"]
    assert err["code"] == "R22_LIST_REFUSED" and "第3行C列「统一社会信用代码」" in msg, msg
    assert "第6行在第4行的表下注释之后" in msg and "第5行" not in msg
